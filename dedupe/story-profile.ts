// A story's profile: what its articles have in common, kept small, so that a
// new article is compared with a story in one step.
import { ENTITY_WEIGHT, type Fingerprint } from './fingerprint.js';

export interface StoryProfile {
  headline: string;
  firstSeen: string;
  lastSeen: string;
  langs: string[];
  sites: string[];
  articles: number;
  /** Entity key → number of articles naming it. */
  entities: Record<string, number>;
  kgs: number[];
  /** Term group → stem → summed weight. */
  terms: Record<string, Record<string, number>>;
}

const MAX_PROFILE_TERMS = 120;
const MAX_PROFILE_ENTITIES = 80;

export function newProfile(fp: Fingerprint, headline: string): StoryProfile {
  const at = fp.at.toISOString();
  return { headline, firstSeen: at, lastSeen: at, langs: [fp.lang], sites: [fp.site], articles: 1, entities: Object.fromEntries(fp.entities.map((e) => [e, 1])), kgs: [...fp.kgs], terms: { [fp.termGroup]: { ...fp.terms } } };
}

function topN(rec: Record<string, number>, n: number): Record<string, number> {
  const entries = Object.entries(rec);
  if (entries.length <= n) return rec;
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
}

export function mergeProfile(p: StoryProfile, fp: Fingerprint): StoryProfile {
  const at = fp.at.toISOString();
  const entities = { ...p.entities };
  for (const e of fp.entities) entities[e] = (entities[e] ?? 0) + 1;
  const group = { ...(p.terms[fp.termGroup] ?? {}) };
  for (const [t, w] of Object.entries(fp.terms)) group[t] = (group[t] ?? 0) + w;
  return {
    headline: p.headline,
    firstSeen: at < p.firstSeen ? at : p.firstSeen,
    lastSeen: at > p.lastSeen ? at : p.lastSeen,
    langs: p.langs.includes(fp.lang) ? p.langs : [...p.langs, fp.lang],
    sites: p.sites.includes(fp.site) ? p.sites : [...p.sites, fp.site],
    articles: p.articles + 1,
    entities: topN(entities, MAX_PROFILE_ENTITIES),
    kgs: [...new Set([...p.kgs, ...fp.kgs])].slice(0, 20),
    terms: { ...p.terms, [fp.termGroup]: topN(group, MAX_PROFILE_TERMS) },
  };
}

/** Lookup keys of a story: its distinctive entities, seizure sizes and rarest words. */
export function entityKeys(fp: Fingerprint): string[] {
  return [...fp.entities.filter((e) => (ENTITY_WEIGHT[e.slice(0, e.indexOf(':'))] ?? 0) >= 1).map((e) => `e:${e}`), ...fp.kgs.map((kg) => `kg:${kgKey(kg)}`)];
}

/** Seizure sizes to three significant figures, so 1.8 t and 1,800 kg meet. */
export function kgKey(kg: number): string {
  return String(Number(kg.toPrecision(3)));
}

export interface StorySignals {
  /** Weighted shared entities, common ones (named in many articles) weighing less. */
  entity: number;
  /** Shared distinctive entities: people, groups, vessels, companies. */
  named: number;
  /** Shared seizure sizes. */
  kg: number;
  /** Cosine similarity of content words, when the languages can be compared. */
  text: number;
  sameGroup: boolean;
}

const NAMED = new Set(['person', 'criminal_group', 'vessel', 'company']);

/**
 * How much a shared key says, from the share of articles that have it: a key in
 * fewer than 1% of articles counts fully, one in 10% or more counts 30%.
 */
function rarity(df: number, docs: number): number {
  if (docs < 100) return 1;
  const share = df / docs;
  return Math.max(0.3, Math.min(1, 1 - ((share - 0.01) / 0.09) * 0.7));
}

/** Evidence that an article belongs to a story. `df` gives document frequencies of terms and of `e:` entity keys. */
export function storySignals(fp: Fingerprint, p: StoryProfile, stats: { docs: number; df: Map<string, number> }): StorySignals {
  const idf = (t: string) => Math.log((stats.docs + 10) / ((stats.df.get(t) ?? 0) + 1));
  let entity = 0;
  let named = 0;
  for (const e of fp.entities) {
    if (!p.entities[e]) continue;
    const type = e.slice(0, e.indexOf(':'));
    entity += (ENTITY_WEIGHT[type] ?? 0) * rarity(stats.df.get(`e:${e}`) ?? 0, stats.docs);
    if (NAMED.has(type)) named++;
  }
  let kg = 0;
  for (const a of fp.kgs) if (p.kgs.some((b) => Math.abs(a - b) <= 0.01 * Math.max(a, b))) kg++;
  let text = 0;
  const pt = p.terms[fp.termGroup];
  if (pt) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [t, w] of Object.entries(fp.terms)) {
      const i = idf(t);
      na += (w * i) ** 2;
      const v = pt[t];
      if (v) dot += w * v * i * i;
    }
    for (const [t, v] of Object.entries(pt)) nb += (v * idf(t)) ** 2;
    text = na && nb ? dot / Math.sqrt(na * nb) : 0;
  }
  return { entity, named, kg, text, sameGroup: !!pt };
}

/**
 * One score from the signals, or -1 when the evidence is not enough. In one
 * language group the words must agree too; across languages a shared named
 * actor or seizure size is required.
 */
export function storyScore(s: StorySignals): number {
  const kg = Math.min(2, s.kg);
  if (s.sameGroup) {
    if (s.text >= 0.25 || (s.text >= 0.15 && s.named >= 1) || kg >= 1) return s.entity + 3 * kg + 10 * s.text;
    return -1;
  }
  if (s.named >= 1 || kg >= 1) return s.entity + 4 * kg;
  return -1;
}

export const STORY_THRESHOLD = 8;
