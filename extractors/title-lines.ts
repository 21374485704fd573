// Lines set in title case: headlines, related-article links, product and venue
// lists ("Peru Drug Trafficking Groups Expanding to New European Markets",
// "Nintendo Switch Lite and Pokemon Bundle"). Their capitals say nothing of
// names, so the tagger's names there need more than capitals to stand.

export interface LineSpan {
  start: number;
  end: number;
}

/**
 * Whether a line is set in title case: no sentence end, three or more capitalised words of four
 * letters or more and three in four of all such words, and no lowercase word of five letters or more
 * (title case leaves only short function words in lowercase: "to", "into", "with").
 */
export function titleCased(line: string): boolean {
  if (/[.!?]["'”’»)]*\s*$/u.test(line)) return false;
  const words = line.match(/\p{L}{4,}[\p{L}'’-]*/gu) ?? [];
  if (words.some((w) => w.length >= 5 && /^\p{Ll}/u.test(w))) return false;
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitals >= 3 && capitals >= 0.75 * words.length;
}

/** The title-cased lines of a text, by offset. */
export function titleCasedLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (titleCased(line)) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}
