// What dedupe needs to know about one article: its MinHash signature and
// bands for near-duplicates, and its story signals (canonical entities,
// seizure quantities, content words, date and site) for story clustering.
import { fold } from '../extractors/text-normalize.js';
import { siteOf } from './canonical-url.js';
import { bandKeys, shingleHashes, signature } from './minhash.js';

export interface DedupeDoc {
  url: string;
  title: string;
  text: string;
  published: Date | null;
  /** When Ruta saw it; the date used when `published` is missing. */
  seenAt: Date;
  lang: string;
  entities: { type: string; canonical: string }[];
  seizures: { kg: number }[];
}

export interface Fingerprint {
  shingles: number;
  signature: Uint32Array;
  bands: number[];
  site: string;
  lang: string;
  at: Date;
  /** `type:canonical` of the entities that can tell one event from another. */
  entities: string[];
  kgs: number[];
  /** Content-word stems with log term frequencies, for text similarity within a language group. */
  termGroup: string;
  terms: Record<string, number>;
}

/** Entity weights in story matching: a named person says more than a country. */
export const ENTITY_WEIGHT: Record<string, number> = {
  person: 3,
  criminal_group: 2.5,
  vessel: 3,
  company: 2,
  organization: 1,
  port: 1.5,
  city: 1,
  country: 0.4,
  nationality: 0.3,
};

/** Languages close enough to compare words: Serbian, Croatian, Bosnian and Montenegrin read alike once folded. */
export function termGroupOf(lang: string): string {
  return ['sr', 'hr', 'bs', 'cnr', 'sh'].includes(lang) ? 'sh' : lang;
}

const MAX_TERMS = 60;

/** Ijekavian to ekavian (vrijeme → vreme, mjesto → mesto), so Croatian and Serbian words meet. */
function ekavian(word: string): string {
  return word.replace(/ije/g, 'e').replace(/([bcdfghklmnprstvz])je/g, '$1e');
}

/** Folded content-word stems: words of five or more letters, cut to six. */
export function termCounts(text: string, group = ''): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fold(text).matchAll(/\p{L}{5,}/gu)) {
    const stem = (group === 'sh' ? ekavian(m[0]) : m[0]).slice(0, 6);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

export function fingerprint(doc: DedupeDoc): Fingerprint {
  const sh = shingleHashes(doc.text);
  const sig = signature(sh);
  const entities = [...new Set(doc.entities.filter((e) => ENTITY_WEIGHT[e.type] !== undefined).map((e) => `${e.type}:${fold(e.canonical)}`))];
  const kgs = [...new Set(doc.seizures.map((z) => z.kg).filter((kg) => kg >= 1))];
  const termGroup = termGroupOf(doc.lang);
  const counts = termCounts(`${doc.title}\n${doc.text}`, termGroup);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS);
  return {
    shingles: sh.length,
    signature: sig,
    bands: bandKeys(sig),
    site: siteOf(doc.url) ?? doc.url,
    lang: doc.lang,
    at: doc.published ?? doc.seenAt,
    entities,
    kgs,
    termGroup,
    terms: Object.fromEntries(top.map(([t, n]) => [t, 1 + Math.log(n)])),
  };
}
