// Names the training data tagged, keyed by the stems of their words: a phrase
// tagged as an organisation in training ("Vijeće sigurnosti", "La Voz de
// Galicia") marks the same phrase in new text, in any case form, with its
// usual type. The tagger learns how far to trust the mark (features.ts, lx=).
import type { PreparedToken } from './features.js';

/** Longest name, in words, the lexicon keeps. */
const MAX_WORDS = 6;

export class NameLexicon {
  /** Stem sequence → entity type → count. */
  readonly counts = new Map<string, Map<string, number>>();

  /** Adds the names of one tagged sentence (BIO2). */
  add(tokens: PreparedToken[], tags: string[]): void {
    for (let i = 0; i < tags.length; i++) {
      if (!tags[i]!.startsWith('B-')) continue;
      const type = tags[i]!.slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${type}`) j++;
      if (j - i <= MAX_WORDS) {
        const key = keyOf(tokens, i, j);
        let byType = this.counts.get(key);
        if (!byType) this.counts.set(key, (byType = new Map()));
        byType.set(type, (byType.get(type) ?? 0) + 1);
      }
      i = j - 1;
    }
  }

  /** Each name's most frequent type (ties: alphabetical), as a lookup table. */
  frozen(): FrozenLexicon {
    const map = new Map<string, string>();
    for (const [key, byType] of this.counts) map.set(key, [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
    return new FrozenLexicon(map);
  }
}

export class FrozenLexicon {
  /** The longest name, in words, starting with each first stem: most tokens start none and cost one lookup. */
  private readonly longest = new Map<string, number>();

  constructor(readonly types: Map<string, string>) {
    for (const key of types.keys()) {
      const words = key.split(' ');
      this.longest.set(words[0]!, Math.max(this.longest.get(words[0]!) ?? 0, words.length));
    }
  }

  /** Marks tokens inside a known name, longest match first from left to right: t.lex = "B|ORG", "I|ORG" or "-". */
  mark(toks: PreparedToken[]): void {
    for (let i = 0; i < toks.length; ) {
      let found = 0;
      const longest = this.longest.get(toks[i]!.stem) ?? 0;
      for (let len = Math.min(longest, toks.length - i); len >= 1 && !found; len--) {
        const type = this.types.get(keyOf(toks, i, i + len));
        if (!type) continue;
        for (let k = i; k < i + len; k++) toks[k]!.lex = `${k === i ? 'B' : 'I'}|${type}${len > 1 ? '' : '|1'}`;
        found = len;
      }
      i += found || 1;
    }
  }

  /** "stems<TAB>type" lines, sorted. */
  serialize(): string {
    return [...this.types]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([k, t]) => `${k}\t${t}`)
      .join('\n');
  }

  static parse(text: string): FrozenLexicon {
    const map = new Map<string, string>();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return new FrozenLexicon(map);
  }
}

function keyOf(toks: PreparedToken[], from: number, to: number): string {
  let key = '';
  for (let k = from; k < to; k++) key += (k > from ? ' ' : '') + toks[k]!.stem;
  return key;
}
