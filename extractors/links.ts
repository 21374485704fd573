// Balkan–Latin America link candidates: a Balkan-side entity and a Latin
// American-side entity in a trafficking context, in the same or adjacent
// sentences. Each link is a canonical pair with its evidence sentence.
import type { EntityMention } from './entities.js';
import { fold, sentences } from './text-normalize.js';
import { TRAFFICKING_CONTEXT } from './context-words.js';

export interface LinkCandidate {
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  evidence: string;
}

/** Links name actors: a Balkan person or group. A nationality, country or port alone does not make a link. */
const BALKAN_TYPES = new Set(['person', 'criminal_group']);
const LATAM_TYPES = new Set(['country', 'port', 'city', 'criminal_group']);

/**
 * Which pairs a window links. A Balkan actor and a Latin American group, country
 * or city are linked within one sentence; a port also from the next sentence
 * ("… was arrested in Belgrade. The cocaine had left Guayaquil …"), as
 * reports name the port of loading apart from the actor. A city links only to
 * a person (where they lived or met), not to a group.
 */
function linkable(b: EntityMention, l: EntityMention, inSentence: EntityMention[][], w: number[]): boolean {
  if (l.type === 'city' && b.type !== 'person') return false;
  if (l.type === 'port' || w.length === 1) return true;
  return w.some((k) => inSentence[k]!.includes(b) && inSentence[k]!.includes(l));
}

export function findLinks(text: string, entities: EntityMention[]): LinkCandidate[] {
  const sents = sentences(text);
  // Each sentence's entities, by one sweep over both in text order.
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let from = 0;
  const inSentence = sents.map((s) => {
    while (from < sorted.length && sorted[from]!.start < s.start) from++;
    const here: EntityMention[] = [];
    for (let k = from; k < sorted.length && sorted[k]!.start < s.end; k++) if (sorted[k]!.end <= s.end) here.push(sorted[k]!);
    return here;
  });
  const context = sents.map((s) => TRAFFICKING_CONTEXT.test(fold(s.text)));
  const pairs = new Map<string, LinkCandidate>();
  for (let i = 0; i < sents.length; i++) {
    // A window of this sentence and the next one.
    const windows: number[][] = [[i]];
    if (i + 1 < sents.length) windows.push([i, i + 1]);
    for (const w of windows) {
      if (!w.some((k) => context[k])) continue;
      const ents = w.flatMap((k) => inSentence[k]!);
      const balkan = ents.filter((e) => e.side === 'balkan' && BALKAN_TYPES.has(e.type));
      const latam = ents.filter((e) => e.side === 'latam' && LATAM_TYPES.has(e.type));
      for (const b of balkan) {
        for (const l of latam) {
          if (!linkable(b, l, inSentence, w)) continue;
          const key = `${b.canonical}\u0000${l.canonical}`;
          if (pairs.has(key)) continue;
          const evidence = w.map((k) => sents[k]!.text).join(' ');
          pairs.set(key, { balkan: b.canonical, balkanType: b.type, latam: l.canonical, latamType: l.type, evidence });
        }
      }
    }
  }
  return [...pairs.values()];
}
