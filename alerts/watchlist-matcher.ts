// Finds watchlist entries in article text. Names and aliases match in any
// script and without diacritics (Кавачки клан = Kavački klan = kavacki klan),
// a person's also as Macedonian Cyrillic spells a Latin ć, đ, gj or kj (ќ,
// ѓ: Бојовиќ, Ѓорѓиевски), and in the forms the gazetteer reads in the text's
// language: case endings where names decline (Kavačkog klana, Ekvadoru,
// Rexhepija), a plural elsewhere ("called" is no Callao). A negative term in
// the same sentence suppresses the match (Santos FC is not the port), and so
// does the article's analysis where it found another thing there.
import { ENTITY_TYPES, PLACE_TYPES, isFormOf, loadDefaultGazetteer } from '../extractors/gazetteer.js';
import { macedonianSpelling, sentences, tokenize, type Token } from '../extractors/text-normalize.js';

export interface WatchEntry {
  id: number;
  watchlist: string;
  name: string;
  type: string;
  side: string;
  aliases: string[];
  languages: string[];
  negativeTerms: string[];
  enabled: boolean;
}

export interface WatchHit {
  entry: WatchEntry;
  /** The text as written in the article. */
  text: string;
  start: number;
  end: number;
  /** The sentence holding the first hit: the evidence quote. */
  sentence: string;
}

interface Pattern {
  /** Per word: the folded word. */
  words: string[];
}

function pattern(phrase: string): Pattern | null {
  const toks = tokenize(phrase);
  return toks.length ? { words: toks.map((t) => t.norm) } : null;
}

/** A text word is a form of a name word as the gazetteer reads names in the text's language (isFormOf). */
function wordMatches(p: Pattern, i: number, tok: Token, lang: string | null): boolean {
  const w = p.words[i]!;
  return /^\p{L}+$/u.test(w) ? isFormOf(tok.norm, w, lang) : tok.norm === w;
}

function findAll(p: Pattern, toks: Token[], lang: string | null): [number, number][] {
  const out: [number, number][] = [];
  const n = p.words.length;
  for (let i = 0; i + n <= toks.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(p, k, toks[i + k]!, lang);
    if (ok) out.push([i, i + n - 1]);
  }
  return out;
}

/** Whether the analysis's mention type agrees with an entry's type: the same, or places of any kind (Guayaquil is a port and a city). */
const agrees = (mention: string, entry: string) =>
  mention === entry || (PLACE_TYPES.has(mention) && PLACE_TYPES.has(entry)) || !(ENTITY_TYPES as readonly string[]).includes(entry);

/** The canonical name under which the gazetteer knows one of an entry's names, as a thing of the entry's kind. */
function knownAs(entry: WatchEntry): string | undefined {
  const gazetteer = loadDefaultGazetteer();
  for (const name of [entry.name, ...entry.aliases]) {
    const known = gazetteer.named(name).find((e) => agrees(e.type, entry.type));
    if (known) return known.canonical;
  }
  return undefined;
}

/** What the analysis found in an article: its mentions, with offsets into the body, which starts at bodyStart of the matched text. */
export interface ArticleAnalysis {
  bodyStart: number;
  mentions: { type: string; canonical: string; start: number; end: number }[];
}

export interface CompiledWatchlist {
  entries: { entry: WatchEntry; names: Pattern[]; negatives: Pattern[]; known?: string }[];
}

export function compileWatchlist(entries: WatchEntry[]): CompiledWatchlist {
  return {
    entries: entries
      .filter((e) => e.enabled)
      .map((entry) => ({
        entry,
        // A person's names also as Macedonian Cyrillic spells them (Bojović: Бојовиќ; Gjorgjievski: Ѓорѓиевски).
        names: [...new Set([entry.name, ...entry.aliases].flatMap((n) => (entry.type === 'person' ? [n, macedonianSpelling(n)] : [n])))].map(pattern).filter((x): x is Pattern => x !== null),
        negatives: entry.negativeTerms.map(pattern).filter((x): x is Pattern => x !== null),
        known: knownAs(entry),
      })),
  };
}

/**
 * The entries found in a text (title and body), one hit per entry: its first unsuppressed occurrence.
 * With the article's analysis, a name the gazetteer knows counts only where the analysis found that
 * thing ("Santos" the port, not Juan Manuel Santos, Santos FC or a footballer), and no name counts
 * where the analysis found a thing of another kind; in the title (which the analysis does not
 * place), a known name counts when the body names that thing.
 */
export function matchWatchlist(list: CompiledWatchlist, text: string, lang: string | null, analysis?: ArticleAnalysis): WatchHit[] {
  if (!list.entries.length) return [];
  const toks = tokenize(text);
  const sents = sentences(text);
  const sentenceAt = (offset: number) => sents.find((s) => offset >= s.start && offset < s.end) ?? { text: text.slice(Math.max(0, offset - 200), offset + 200), start: offset, end: offset };
  const hits: WatchHit[] = [];
  for (const { entry, names, negatives, known } of list.entries) {
    if (lang && entry.languages.length && !entry.languages.includes(lang)) continue;
    const found = names.flatMap((p) => findAll(p, toks, lang)).sort((a, b) => a[0] - b[0]);
    if (!found.length) continue;
    // Negative terms, as token spans, each tied to its sentence.
    const negSpans = negatives.flatMap((p) => findAll(p, toks, lang)).map(([a]) => sentenceAt(toks[a]!.start).start);
    const confirmed = (start: number, end: number): boolean => {
      if (!analysis) return true;
      const s = start - analysis.bodyStart;
      const e = end - analysis.bodyStart;
      if (s < 0) return !known || analysis.mentions.some((m) => m.canonical === known && agrees(m.type, entry.type));
      const over = analysis.mentions.filter((m) => m.start < e && s < m.end);
      return over.length ? over.some((m) => agrees(m.type, entry.type)) : !known;
    };
    for (const [a, b] of found) {
      const s = sentenceAt(toks[a]!.start);
      if (negSpans.includes(s.start)) continue;
      if (!confirmed(toks[a]!.start, toks[b]!.end)) continue;
      hits.push({ entry, text: text.slice(toks[a]!.start, toks[b]!.end), start: toks[a]!.start, end: toks[b]!.end, sentence: s.text.trim() });
      break;
    }
  }
  return hits;
}
