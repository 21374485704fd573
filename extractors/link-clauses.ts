// Clauses of contrast and comparisons: one sentence that tells of two actors, each with its places.
import type { EntityMention } from './entities.js';

/**
 * A clause of contrast opens where a comma or semicolon stands before "while", "mientras", "dok",
 * "ndërsa", "додека" …, and after a semicolon: "The Škaljari clan relied on contacts in Peru, while
 * the Kavač clan developed ties to Ecuador" gives Peru to the Škaljari clan only.
 */
const CONTRAST = /(?:[,;]\s+(?:while|whereas|mientras(?: que)?|en tanto que|enquanto|dok|док|ndërsa|kurse|додека)|;)\s/giu;

/** Where each clause of contrast of a sentence starts (absolute offsets), after the first. */
function clauseStarts(sentence: { text: string; start: number }): number[] {
  const out: number[] = [];
  for (const m of sentence.text.matchAll(CONTRAST)) out.push(sentence.start + m.index! + m[0].length);
  return out;
}

/**
 * A comparison that opens a sentence: "Like the Mexican cartels in Ecuador, …", "Unlike the Škaljari
 * clan, which buys in Colombia, …", "Al igual que", "A diferencia de", "Za razliku od", "Kao i", "Poput",
 * "Ndryshe nga", "Ashtu si", "За разлика од", "Како и". Inside a sentence these words list examples
 * ("balkanski klanovi, poput kavačkog, …", "Ilić, kao i Vasić, uhapšen je …"): no comparison.
 */
const COMPARISON = /^\s*["“„«]?(?:(?:just )?like|unlike|as with|similar to|al igual que|a diferencia de|ao contrário d[aeo]s?|assim como|za razliku od|kao i|poput|slično kao|ndryshe nga|ashtu si|njësoj si|за разлика од|за разлику од|како и|као и|попут|исто како)\s/iu;
/** A comma that goes on with the comparison: a relative clause follows ("Unlike the Škaljari clan, which …"). */
const GOES_ON = /^,\s+(?:which|who|whose|que|quien|cuy\p{L}+|el cual|la cual|koj\p{L}*|čij\p{L}*|që|i cili|e cila|të cilit|кој\p{L}*|кои|што|чиј\p{L}*)\s/iu;

/** The comparison that opens a sentence, as an absolute [start, end) span: from the opener to the comma that ends it. */
function comparison(sentence: { text: string; start: number }): [number, number] | undefined {
  const m = COMPARISON.exec(sentence.text);
  if (!m) return undefined;
  let comma = sentence.text.indexOf(',', m[0].length);
  while (comma >= 0 && GOES_ON.test(sentence.text.slice(comma))) comma = sentence.text.indexOf(',', comma + 1);
  // With no comma after it, the comparison runs to the sentence's end: there is no main clause to set apart.
  return comma < 0 ? undefined : [sentence.start, sentence.start + comma];
}

/**
 * For sentences and their entities, a test: whether sentence s tells of actor b and place l only on
 * different sides of the comparison that opens it, or only in different clauses of contrast, each clause naming l naming another actor: the place is that actor's
 * ("… while the Kavač clan developed ties to Ecuador"), not one of "… dok je kolumbijski državljanin X
 * bio zadužen za kontakte u Kolumbiji".
 */
export function clausesOfContrast(
  sents: { text: string; start: number }[],
  inSentence: EntityMention[][],
  isActor: (m: EntityMention) => boolean,
): (s: number, b: string, l: string) => boolean {
  const clauses = sents.map(clauseStarts);
  const clauseOf = (m: EntityMention, s: number) => clauses[s]!.filter((c) => c <= m.start).length;
  const compared = sents.map(comparison);
  return (s, b, l) => {
    const here = inSentence[s]!;
    // A place in a comparison is the compared one's; the main clause's place is not the compared actor's.
    const span = compared[s];
    if (span) {
      const inSpan = (x: EntityMention) => x.start >= span[0] && x.start < span[1];
      const ofB = here.filter((x) => x.canonical === b).map(inSpan);
      const ofL = here.filter((x) => x.canonical === l).map(inSpan);
      if (ofB.length && ofL.length && !ofL.some((k) => ofB.includes(k))) return true;
    }
    if (!clauses[s]!.length) return false;
    const ofB = new Set(here.filter((x) => x.canonical === b).map((x) => clauseOf(x, s)));
    const ofL = new Set(here.filter((x) => x.canonical === l).map((x) => clauseOf(x, s)));
    if (!ofB.size || !ofL.size) return false;
    for (const c of ofL) {
      if (ofB.has(c)) return false;
      if (!here.some((x) => x.canonical !== b && isActor(x) && clauseOf(x, s) === c)) return false;
    }
    return true;
  };
}
