// Finds watchlist entries in article text. Names and aliases match in any
// script and without diacritics (Кавачки клан = Kavački klan = kavacki klan),
// a person's also as Macedonian Cyrillic spells a Latin ć, đ, gj or kj (ќ,
// ѓ: Бојовиќ, Ѓорѓиевски), and in inflected forms: a word of four letters or more also matches with a
// short case ending (Kavačkog klana, Ekvadoru, Rexhepija). A negative term in
// the same sentence suppresses the match (Santos FC is not the port).
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
  words: string[]; // per word: the folded word, or its stem when it may inflect
  inflect: boolean[];
}

const MAX_ENDING = 4;
const VOWELS = /[aeiouë]+$/;

function pattern(phrase: string): Pattern | null {
  const toks = tokenize(phrase);
  if (!toks.length) return null;
  const words: string[] = [];
  const inflect: boolean[] = [];
  for (const t of toks) {
    const stem = t.norm.replace(VOWELS, '');
    const canInflect = /^\p{L}+$/u.test(t.norm) && stem.length >= 4;
    words.push(canInflect ? stem : t.norm);
    inflect.push(canInflect);
  }
  return { words, inflect };
}

function wordMatches(p: Pattern, i: number, tok: Token): boolean {
  const w = p.words[i]!;
  if (!p.inflect[i]) return tok.norm === w;
  return tok.norm.startsWith(w) && tok.norm.length - w.length <= MAX_ENDING && /^\p{L}*$/u.test(tok.norm.slice(w.length));
}

function findAll(p: Pattern, toks: Token[]): [number, number][] {
  const out: [number, number][] = [];
  const n = p.words.length;
  for (let i = 0; i + n <= toks.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(p, k, toks[i + k]!);
    if (ok) out.push([i, i + n - 1]);
  }
  return out;
}

export interface CompiledWatchlist {
  entries: { entry: WatchEntry; names: Pattern[]; negatives: Pattern[] }[];
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
      })),
  };
}

/** The entries found in a text (title and body), one hit per entry: its first unsuppressed occurrence. */
export function matchWatchlist(list: CompiledWatchlist, text: string, lang: string | null): WatchHit[] {
  if (!list.entries.length) return [];
  const toks = tokenize(text);
  const sents = sentences(text);
  const sentenceAt = (offset: number) => sents.find((s) => offset >= s.start && offset < s.end) ?? { text: text.slice(Math.max(0, offset - 200), offset + 200), start: offset, end: offset };
  const hits: WatchHit[] = [];
  for (const { entry, names, negatives } of list.entries) {
    if (lang && entry.languages.length && !entry.languages.includes(lang)) continue;
    const found = names.flatMap((p) => findAll(p, toks)).sort((a, b) => a[0] - b[0]);
    if (!found.length) continue;
    // Negative terms, as token spans, each tied to its sentence.
    const negSpans = negatives.flatMap((p) => findAll(p, toks)).map(([a]) => sentenceAt(toks[a]!.start).start);
    for (const [a, b] of found) {
      const s = sentenceAt(toks[a]!.start);
      if (negSpans.includes(s.start)) continue;
      hits.push({ entry, text: text.slice(toks[a]!.start, toks[b]!.end), start: toks[a]!.start, end: toks[b]!.end, sentence: s.text.trim() });
      break;
    }
  }
  return hits;
}
