// The dedupe decision for one new article, against an index of earlier ones:
// is it a near-duplicate (and of which original), and which story does it
// belong to. The index is an interface, so the same decision runs over the
// database (storage/dedupe-index.ts) and in memory (`ruta dedupe`, evals).
import { containment, jaccard } from './minhash.js';
import type { Fingerprint } from './fingerprint.js';
import { entityKeys, mergeProfile, newProfile, STORY_THRESHOLD, storyScore, storySignals, type StoryProfile } from './story-profile.js';

export interface NearCandidate<A> {
  id: A;
  site: string;
  signature: Uint32Array;
  shingles: number;
  /** The original this article is itself a copy of, or its own id. */
  root: A;
}

export interface StoryCandidate<S> {
  id: S;
  profile: StoryProfile;
}

export interface DedupeIndex<A, S> {
  /** Earlier articles of the same or an adjacent week (dedupe/minhash.ts nearBucket) sharing at least one LSH band. */
  bandCandidates(bands: number[], at: Date): NearCandidate<A>[];
  /** The story of an earlier article. */
  storyOf(article: A): StoryCandidate<S>;
  /** Stories with any of these keys, last seen within [from, to]. */
  storyCandidates(keys: string[], from: Date, to: Date): StoryCandidate<S>[];
  /** How many articles have been indexed, and how many of them used each term. */
  termStats(terms: string[]): { docs: number; df: Map<string, number> };
}

/** Near-duplicate: Jaccard at least this, or the smaller text contained in the larger at least NEAR_CONTAINMENT. */
export const NEAR_JACCARD = 0.5;
export const NEAR_CONTAINMENT = 0.8;
/** Shorter texts than this many shingles are matched only exactly. */
export const MIN_SHINGLES = 12;
/** Size ratio below which containment alone does not make a copy (a one-line teaser is not a copy of a long story). */
const MIN_SIZE_RATIO = 0.25;
/** Stories are joined within this many days either side. */
export const STORY_WINDOW_DAYS = 4;

export interface Decision<A, S> {
  duplicateOf: A | null;
  /** The matched article when it is on the same site: this is a new version of it (which may itself be a copy of `duplicateOf`). */
  revises: A | null;
  /** The story to join, or null for a new one. */
  story: S | null;
  /** The story's profile with this article merged in. */
  profile: StoryProfile;
  /** Story lookup keys the article contributes. */
  storyKeys: string[];
}

export function nearDuplicate<A>(fp: Fingerprint, candidates: NearCandidate<A>[]): { candidate: NearCandidate<A>; similarity: number } | null {
  if (fp.shingles < MIN_SHINGLES) return null;
  let best: { candidate: NearCandidate<A>; similarity: number } | null = null;
  for (const c of candidates) {
    if (c.shingles < MIN_SHINGLES) continue;
    const j = jaccard(fp.signature, c.signature);
    const ratio = Math.min(fp.shingles, c.shingles) / Math.max(fp.shingles, c.shingles);
    const contained = ratio >= MIN_SIZE_RATIO ? containment(j, fp.shingles, c.shingles) : 0;
    const similarity = Math.max(j, contained >= NEAR_CONTAINMENT ? contained * 0.99 : 0);
    if ((j >= NEAR_JACCARD || contained >= NEAR_CONTAINMENT) && (!best || similarity > best.similarity)) best = { candidate: c, similarity };
  }
  return best;
}

/** Content words rare enough to find candidate stories by. */
function rareTermKeys(fp: Fingerprint, stats: { docs: number; df: Map<string, number> }): string[] {
  if (stats.docs < 50) return [];
  return Object.keys(fp.terms)
    .filter((t) => (stats.df.get(t) ?? 0) / stats.docs < 0.01)
    .sort((a, b) => (stats.df.get(a) ?? 0) - (stats.df.get(b) ?? 0) || (a < b ? -1 : 1))
    .slice(0, 8)
    .map((t) => `t:${fp.termGroup}:${t}`);
}

export function decide<A, S>(index: DedupeIndex<A, S>, fp: Fingerprint, headline: string): Decision<A, S> {
  const stats = index.termStats([...Object.keys(fp.terms), ...fp.entities.map((e) => `e:${e}`)]);
  const storyKeys = [...entityKeys(fp), ...rareTermKeys(fp, stats)];
  const near = nearDuplicate(fp, index.bandCandidates(fp.bands, fp.at));
  if (near) {
    const story = index.storyOf(near.candidate.root);
    return { duplicateOf: near.candidate.root, revises: near.candidate.site === fp.site ? near.candidate.id : null, story: story.id, profile: mergeProfile(story.profile, fp), storyKeys };
  }
  const day = 86_400_000;
  const from = new Date(fp.at.getTime() - STORY_WINDOW_DAYS * day);
  const to = new Date(fp.at.getTime() + STORY_WINDOW_DAYS * day);
  let best: { c: StoryCandidate<S>; score: number } | null = null;
  for (const c of index.storyCandidates(storyKeys, from, to)) {
    const score = storyScore(storySignals(fp, c.profile, stats));
    if (score >= STORY_THRESHOLD && (!best || score > best.score)) best = { c, score };
  }
  if (best) return { duplicateOf: null, revises: null, story: best.c.id, profile: mergeProfile(best.c.profile, fp), storyKeys };
  return { duplicateOf: null, revises: null, story: null, profile: newProfile(fp, headline), storyKeys };
}
