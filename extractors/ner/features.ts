// Features of the named-entity tagger, hashed to 32-bit keys. Static features
// of a token (word, folded form, affixes, shape, neighbours, gazetteer
// membership, script) are computed once per sentence; the features that depend
// on the tags already chosen are added while decoding.
import { cyrToLat, fold } from '../text-normalize.js';
import { countBefore } from '../sorted.js';
import type { CasingLookup } from './casing.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const N_TAGS = TAGS.length;

export function hash(s: string): number {
  return hashFrom(0x811c9dc5, s);
}

/** FNV-1a continued from a prefix's state: hashFrom(hash(a), b) === hash(a + b), without building a + b. */
export function hashFrom(state: number, s: string): number {
  let h = state;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word shape: Xxxx → Xx, 1999 → d, U.S. → X.X., Pavlović-Ramos → Xx-Xx. */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

/** Maps a folded word to the gazetteer class it belongs to (LOC, ORG, MISC). */
export type GazetteerLookup = (folded: string) => string | undefined;

export interface PreparedToken {
  latin: string;
  lower: string;
  shape: string;
  gaz: string;
  /** The folded word without its inflectional ending, so case forms of one name share features. */
  stem: string;
  /** Length and position of the run of capitalised words the token is in ("-" when lowercase). */
  run: string;
  /** Usual casing of the word in running text: L, C, M or U (see casing.ts). */
  cas: string;
  /** Its place in a name the training data tagged ("B|ORG", "I|ORG", "B|PER|1" for one word), or "-" (see lexicon.ts). */
  lex: string;
}

/** Case and number endings of Serbian, Croatian and Spanish (and English plural), longest first. */
const ENDINGS = ['ovima', 'evima', 'ovoga', 'ama', 'ima', 'oga', 'ega', 'omu', 'emu', 'ovi', 'ove', 'ova', 'ovu', 'ih', 'om', 'em', 'og', 'oj', 'im', 'es', 'os', 'as', 'a', 'e', 'i', 'o', 'u', 's'];

export function stemOf(lower: string): string {
  for (const e of ENDINGS) if (lower.length - e.length >= 3 && lower.endsWith(e)) return lower.slice(0, -e.length);
  return lower;
}

export function prepare(tokens: string[], gazetteer?: GazetteerLookup, casing?: CasingLookup): PreparedToken[] {
  const out = tokens.map((t) => {
    const latin = cyrToLat(t);
    const lower = fold(latin);
    return { latin, lower, shape: shapeOf(latin), gaz: (gazetteer && /^\p{L}/u.test(latin) && gazetteer(lower)) || '-', stem: stemOf(lower), run: '-', cas: casing ? casing(lower) : 'U', lex: '-' };
  });
  for (let i = 0; i < out.length; ) {
    if (!/^\p{Lu}/u.test(out[i]!.latin)) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && /^\p{Lu}/u.test(out[j]!.latin)) j++;
    const len = Math.min(j - i, 4);
    for (let k = i; k < j; k++) out[k]!.run = `${len}|${k === i ? 'b' : k === j - 1 ? 'e' : 'm'}`;
    i = j;
  }
  return out;
}

const START: PreparedToken = { latin: '<s>', lower: '<s>', shape: '<s>', gaz: '-', stem: '<s>', run: '-', cas: '<s>', lex: '-' };
const END: PreparedToken = { latin: '</s>', lower: '</s>', shape: '</s>', gaz: '-', stem: '</s>', run: '-', cas: '</s>', lex: '-' };

/**
 * Feature keys of the token alone: its word, folded form, affixes, shape,
 * stem, usual casing and gazetteer class. They depend on nothing around it, so
 * a tagger may cache their scores per word.
 */
export function wordFeatures(t: PreparedToken): number[] {
  const w = t.lower;
  const f: string[] = [
    'b',
    `w=${t.latin}`,
    `l=${w}`,
    `s=${t.shape}`,
    `s1=${w.slice(-1)}`,
    `s2=${w.slice(-2)}`,
    `s3=${w.slice(-3)}`,
    `s4=${w.slice(-4)}`,
    `p1=${w.slice(0, 1)}`,
    `p2=${w.slice(0, 2)}`,
    `p3=${w.slice(0, 3)}`,
    `p4=${w.slice(0, 4)}`,
    `len=${Math.min(w.length, 12)}`,
    `st=${t.stem}`,
    `cas=${t.cas}|${t.shape}`,
    `g=${t.gaz}`,
    `g|s=${t.gaz}|${t.shape}`,
  ];
  const out = new Array<number>(f.length);
  for (let k = 0; k < f.length; k++) out[k] = hash(f[k]!);
  return out;
}

/** The cache key of a token's word features: everything wordFeatures reads. */
export const wordKey = (t: PreparedToken): string => `${t.latin}\u0001${t.gaz}\u0001${t.cas}`;

/** Feature keys of token i in its context: neighbours, runs of capitals, position, script (Latn or Cyrl, for the whole sentence). */
export function contextFeatures(toks: PreparedToken[], i: number, script: string): number[] {
  const t = toks[i]!;
  const p1 = toks[i - 1] ?? START;
  const p2 = toks[i - 2] ?? START;
  const n1 = toks[i + 1] ?? END;
  const n2 = toks[i + 2] ?? END;
  const w = t.lower;
  const f: string[] = [
    `-1l=${p1.lower}`,
    `+1l=${n1.lower}`,
    `-2l=${p2.lower}`,
    `+2l=${n2.lower}`,
    `-1s=${p1.shape}`,
    `+1s=${n1.shape}`,
    `-1s|s=${p1.shape}|${t.shape}`,
    `s|+1s=${t.shape}|${n1.shape}`,
    `-1s|s|+1s=${p1.shape}|${t.shape}|${n1.shape}`,
    `-1l|l=${p1.lower}|${w}`,
    `l|+1l=${w}|${n1.lower}`,
    `-1s3=${p1.lower.slice(-3)}`,
    `+1s3=${n1.lower.slice(-3)}`,
    `-1l|s=${p1.lower}|${t.shape}`,
    `s|+1l=${t.shape}|${n1.lower}`,
    `-1st=${p1.stem}`,
    `+1st=${n1.stem}`,
    `run=${t.run}`,
    `run|-1l=${t.run}|${p1.lower}`,
    `cas|first=${t.cas}|${i === 0}`,
    `-1cas=${p1.cas}|${p1.shape}`,
    `+1cas=${n1.cas}|${n1.shape}`,
    `-1g=${p1.gaz}`,
    `+1g=${n1.gaz}`,
  ];
  // Latin is the default script; other scripts are read through transliteration and marked.
  if (script !== 'Latn') f.push(`sc=${script}`, `sc=${script}|${t.shape}`);
  if (i === 0) f.push(`first|s=${t.shape}`, `first|l=${w}`);
  if (t.lex !== '-') f.push(`lx=${t.lex}`, `lx|s=${t.lex}|${t.shape}`);
  const out = new Array<number>(f.length);
  for (let k = 0; k < f.length; k++) out[k] = hash(f[k]!);
  return out;
}

/** All static feature keys of token i: its word's and its context's. */
export function staticFeatures(toks: PreparedToken[], i: number, script: string): number[] {
  return [...wordFeatures(toks[i]!), ...contextFeatures(toks, i, script)];
}

// Hash states of the transition features' prefixes, one per previous tag (index 0 is "before the sentence").
const PREV_NAMES = ['<s>', ...TAGS];
export const T_PREV = PREV_NAMES.map((a) => hash(`t-1=${a}`));
export const T_WORD = PREV_NAMES.map((a) => hash(`t-1|l=${a}|`));
export const T_SHAPE = PREV_NAMES.map((a) => hash(`t-1|s=${a}|`));

/** Features of the transition from tag `prev` (an index into TAGS, -1 before the sentence) into token i. */
export function tagFeatures(toks: PreparedToken[], i: number, prev: number): number[] {
  const t = toks[i]!;
  const k = prev + 1;
  return [T_PREV[k]!, hashFrom(T_WORD[k]!, t.lower), hashFrom(T_SHAPE[k]!, t.shape)];
}

/** May tag `next` follow tag `prev` in BIO2? I-X only continues B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  const n = TAGS[next]!;
  if (!n.startsWith('I-')) return true;
  if (prev < 0) return false;
  return TAGS[prev]!.slice(2) === n.slice(2);
}

/** How far (in sentences, each way) the tagger looks for a name's other occurrences. */
export const DOC_WINDOW = 25;
/** At most this many other occurrences (the nearest) feed a token's document features. */
const DOC_OCCURRENCES = 8;
/** At most this many occurrences in the window are weighed (see occurrences). */
const MAX_SCAN = 256;

/** Where a capitalised token's word (by stem, so case forms count) occurs again nearby: [sentence, token] pairs, nearest first. */
export type Occurrences = ([number, number][] | undefined)[][];

export function occurrences(doc: PreparedToken[][], window = DOC_WINDOW): Occurrences {
  const where = new Map<string, [number, number][]>();
  doc.forEach((toks, s) =>
    toks.forEach((t, i) => {
      if (t.stem.length < 2 || !/^\p{L}/u.test(t.lower)) return;
      let list = where.get(t.stem);
      if (!list) where.set(t.stem, (list = []));
      list.push([s, i]);
    }),
  );
  // Lists are in document order: the window is found by binary search, so a long text stays linear.
  const firstAt = (list: [number, number][], s: number) => countBefore(list.length, (k) => list[k]![0] < s);
  /** The index in `list` of token i of sentence s (which the list holds). */
  const indexOf = (list: [number, number][], s: number, i: number) => {
    let lo = firstAt(list, s);
    while (lo < list.length && list[lo]![1] < i) lo++;
    return lo;
  };
  return doc.map((toks, s) =>
    toks.map((t, i) => {
      if (t.run === '-' || t.stem.length < 2) return undefined;
      const list = where.get(t.stem) ?? [];
      const others: [number, number][] = [];
      const from = firstAt(list, s - window);
      const to = firstAt(list, s + window + 1);
      // A word repeated thousands of times in the window (a text of one endless sentence): its nearest
      // occurrences only, so that such a text stays linear.
      const [lo, hi] = to - from > MAX_SCAN ? ((at) => [Math.max(from, at - MAX_SCAN / 2), Math.min(to, at + MAX_SCAN / 2)])(indexOf(list, s, i)) : [from, to];
      for (let k = lo; k < hi; k++) {
        const [s2, i2] = list[k]!;
        if (s2 !== s || i2 !== i) others.push(list[k]!);
      }
      others.sort((a, b) => Math.abs(a[0] - s) - Math.abs(b[0] - s) || a[0] - b[0] || a[1] - b[1]);
      return others.slice(0, DOC_OCCURRENCES);
    }),
  );
}

/**
 * Document features (context aggregation, label-free): for each capitalised
 * token, the words around its other occurrences in nearby sentences of its
 * document. "Buffon" alone in a line-up is a player because another sentence
 * says "el meta Buffon"; "Barcelona" is a team where it stands before a score.
 * Empty arrays for other tokens.
 */
export function documentFeatures(doc: PreparedToken[][], occ: Occurrences = occurrences(doc)): number[][][] {
  // What one occurrence tells, computed once however many tokens it informs.
  const told = new Map<number, number[]>();
  const tell = (s2: number, i2: number): number[] => {
    const key = s2 * 4294967296 + i2;
    let f = told.get(key);
    if (!f) {
      const around = doc[s2]!;
      const o = around[i2]!;
      f = [
        hash(`d-1=${(around[i2 - 1] ?? START).lower}`),
        hash(`d+1=${(around[i2 + 1] ?? END).lower}`),
        hash(`d-2=${(around[i2 - 2] ?? START).lower}`),
        hash(`d+2=${(around[i2 + 2] ?? END).lower}`),
        hash(`drun=${o.run}`),
        hash(`dcase=${o.run === '-' ? 'low' : i2 === 0 ? 'first' : 'mid'}`),
      ];
      told.set(key, f);
    }
    return f;
  };
  const none = [hash('d=none')];
  return doc.map((toks, s) =>
    toks.map((_, i) => {
      const others = occ[s]![i];
      if (!others) return [];
      if (!others.length) return none;
      const f = new Set<number>();
      for (const [s2, i2] of others) for (const h of tell(s2, i2)) f.add(h);
      return [...f];
    }),
  );
}

/**
 * History features of the second-stage tagger (stacking): the tag the first
 * stage gave the token, and the entity types it gave the token's other
 * occurrences nearby, with the most frequent one.
 */
export function historyFeatures(first: string[][], occ: Occurrences, doc: PreparedToken[][]): number[][][] {
  return first.map((tags, s) =>
    tags.map((tag, i) => {
      const f = [`h1=${tag}`, `h1-1=${tags[i - 1] ?? '<s>'}|${tag}`];
      if (tag !== 'O' || doc[s]![i]!.shape[0] === 'X') f.push(...listFeatures(doc[s]!, tags, i));
      const others = occ[s]![i];
      if (others?.length) {
        const counts = new Map<string, number>();
        for (const [s2, i2] of others) {
          const type = first[s2]![i2]!.slice(2) || 'O';
          counts.set(type, (counts.get(type) ?? 0) + 1);
        }
        let best = '';
        let n = 0;
        for (const [type, c] of [...counts].sort()) {
          f.push(`h=${type}`);
          if (c > n) [best, n] = [type, c];
        }
        f.push(`hmaj=${best}`, `hmaj|h1=${best}|${tag}`);
      }
      return f.map(hash);
    }),
  );
}

/** Words that join the items of a list ("Herrera , Ricardo y Marín"). */
const JOINERS = new Set([',', ';', 'y', 'e', 'o', 'u', 'and', 'or', 'i', 'ili', 'te', 'ni']);

/** The ")" closing a bracket opened at `open` within 8 tokens, or -1. */
function closeOf(toks: PreparedToken[], open: number): number {
  let c = open + 1;
  while (c < toks.length && c - open < 8 && toks[c]!.lower !== ')') c++;
  return toks[c]?.lower === ')' ? c : -1;
}

/** The "(" opening a bracket closed at `close` within 8 tokens, or -1. */
function openOf(toks: PreparedToken[], close: number): number {
  let c = close - 1;
  while (c > 0 && close - c < 8 && toks[c]!.lower !== '(') c--;
  return toks[c]?.lower === '(' ? c : -1;
}

/**
 * The first stage's types of the items listed beside a name (the next one,
 * the previous one, the most common in the whole list) and of what follows it
 * in brackets: items of one list tend to share a type ("Arteaga ( Espanyol ) ,
 * Herrera y Marín ( Logroñés )" lists players, not places).
 */
function listFeatures(toks: PreparedToken[], tags: string[], i: number): string[] {
  const type = (k: number) => (k >= 0 && k < tags.length ? tags[k]!.slice(2) || 'O' : '<s>');
  // (No name runs longer than 30 tokens: a text of initials alone, "A. B. A. B. …", stays linear.)
  const startOf = (k: number) => {
    for (let n = 0; k > 0 && n < 30 && tags[k]!.startsWith('I-'); n++) k--;
    return k;
  };
  const endOf = (k: number) => {
    for (let n = 0; k < tags.length && n < 30 && tags[k]!.startsWith('I-'); n++) k++;
    return k;
  };
  /** Past a bracketed aside that follows an item: "Poli ( Extremadura ) y …". */
  const pastAside = (e: number) => {
    const c = toks[e]?.lower === '(' ? closeOf(toks, e) : -1;
    return c >= 0 ? c + 1 : e;
  };
  /** Back over a bracketed aside that ends at k, to the item before it. */
  const beforeAside = (k: number) => {
    const c = toks[k]?.lower === ')' ? openOf(toks, k) : -1;
    return c >= 0 ? c - 1 : k;
  };
  const out: string[] = [];
  const a = startOf(i);
  const end = endOf(i + 1);
  const b = pastAside(end);
  if (b !== end) out.push(`hp=${type(end + 1)}`);
  if (toks[b] && JOINERS.has(toks[b]!.lower)) out.push(`hr=${type(b + 1)}`);
  if (a >= 2 && JOINERS.has(toks[a - 1]!.lower)) out.push(`hl=${type(beforeAside(a - 2))}`);
  // The whole list, up to 30 items each way.
  const counts = new Map<string, number>();
  const count = (k: number) => counts.set(type(k), (counts.get(type(k)) ?? 0) + 1);
  for (let k = a, n = 0; n < 30 && k >= 2 && JOINERS.has(toks[k - 1]!.lower); n++) {
    k = beforeAside(k - 2);
    if (k < 0) break;
    count(k);
    k = startOf(k);
  }
  for (let e = b, n = 0; n < 30 && e + 1 < toks.length && JOINERS.has(toks[e]!.lower); n++) {
    count(e + 1);
    e = pastAside(endOf(e + 2));
  }
  let best = '';
  let most = 1;
  for (const [t, c] of [...counts].sort()) if (c > most) [best, most] = [t, c];
  if (best) out.push(`hlist=${best}`);
  return out;
}
