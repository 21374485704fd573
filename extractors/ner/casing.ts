// How a word is usually written inside a sentence: mostly lowercase (L),
// mostly capitalised (C), mixed (M) or never seen (U). A capitalised word at
// the start of a sentence that is usually lowercase is rarely a name.
import { cyrToLat, fold } from '../text-normalize.js';

export type CasingLookup = (lower: string) => string;

interface Counts {
  lc: number;
  uc: number;
}

export function casingClass(lc: number, uc: number): string {
  const n = lc + uc;
  if (!n) return 'U';
  const r = uc / n;
  return r < 0.1 ? 'L' : r > 0.9 ? 'C' : 'M';
}

export class CasingCounts {
  readonly counts = new Map<string, Counts>();

  /** Counts the sentence's words after the first (the first is capitalised anyway). */
  add(tokens: string[], sign = 1): void {
    for (let i = 1; i < tokens.length; i++) {
      const latin = cyrToLat(tokens[i]!);
      if (!/^\p{L}/u.test(latin)) continue;
      const lower = fold(latin);
      let c = this.counts.get(lower);
      if (!c) this.counts.set(lower, (c = { lc: 0, uc: 0 }));
      if (/^\p{Lu}/u.test(latin)) c.uc += sign;
      else c.lc += sign;
    }
  }

  lookup(): CasingLookup {
    return (w) => {
      const c = this.counts.get(w);
      return c ? casingClass(c.lc, c.uc) : 'U';
    };
  }

  /** The casing table without one sentence's own words, as if it had not been seen (for training). */
  without(tokens: string[]): CasingLookup {
    const own = new CasingCounts();
    own.add(tokens);
    return (w) => {
      const c = this.counts.get(w);
      if (!c) return 'U';
      const o = own.counts.get(w);
      return o ? casingClass(c.lc - o.lc, c.uc - o.uc) : casingClass(c.lc, c.uc);
    };
  }

  /** "word<TAB>class" lines for the words seen, sorted. */
  serialize(): string {
    return [...this.counts.entries()]
      .map(([w, c]) => [w, casingClass(c.lc, c.uc)] as const)
      .filter(([, k]) => k !== 'U')
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([w, k]) => `${w}\t${k}`)
      .join('\n');
  }
}

export function parseCasing(text: string): CasingLookup {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return (w) => map.get(w) ?? 'U';
}
