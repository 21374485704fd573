// An in-memory dedupe index for streams (`ruta dedupe`) and evaluations.
// The crawler uses the database-backed index in storage/dedupe-index.ts.
import type { Fingerprint } from './fingerprint.js';
import { bucketKeys, lookupKeys, nearBucket } from './minhash.js';
import { decide, type Decision, type DedupeIndex, type NearCandidate, type StoryCandidate } from './resolve.js';
import { mergeProfile, type StoryProfile } from './story-profile.js';

interface Entry {
  fp: Fingerprint;
  root: string;
  story: number;
}

export class MemoryDedupeIndex implements DedupeIndex<string, number> {
  private articles = new Map<string, Entry>();
  private bands = new Map<number, string[]>();
  private hashes = new Map<string, string>();
  private stories: StoryProfile[] = [];
  private storyKeys = new Map<string, Set<number>>();
  private df = new Map<string, number>();
  private docs = 0;

  bandCandidates(bands: number[], at: Date): NearCandidate<string>[] {
    const ids = new Set<string>();
    for (const b of lookupKeys(bands, at)) for (const id of this.bands.get(b) ?? []) ids.add(id);
    return [...ids].map((id) => {
      const e = this.articles.get(id)!;
      return { id, site: e.fp.site, signature: e.fp.signature, shingles: e.fp.shingles, root: e.root };
    });
  }

  storyOf(article: string): StoryCandidate<number> {
    const story = this.articles.get(article)!.story;
    return { id: story, profile: this.stories[story]! };
  }

  storyCandidates(keys: string[], from: Date, to: Date): StoryCandidate<number>[] {
    const ids = new Set<number>();
    for (const k of keys) for (const id of this.storyKeys.get(k) ?? []) ids.add(id);
    const lo = from.toISOString();
    const hi = to.toISOString();
    return [...ids].filter((id) => this.stories[id]!.lastSeen >= lo && this.stories[id]!.firstSeen <= hi).map((id) => ({ id, profile: this.stories[id]! }));
  }

  termStats(terms: string[]) {
    return { docs: this.docs, df: new Map(terms.map((t) => [t, this.df.get(t) ?? 0])) };
  }

  /** Decides and records one article. Exact copies (same normalised text) are duplicates whatever their length. */
  add(id: string, fp: Fingerprint, contentHash: string, headline: string): Decision<string, number> {
    if (this.articles.has(id)) throw new Error(`id ${JSON.stringify(id)} was already seen; ids must be unique`);
    const exact = this.hashes.get(contentHash);
    let d = decide(this, fp, headline);
    if (exact !== undefined && d.duplicateOf === null) {
      const root = this.articles.get(exact)!.root;
      const story = this.storyOf(root);
      d = { ...d, duplicateOf: root, revises: this.articles.get(exact)!.fp.site === fp.site ? exact : null, story: story.id, profile: mergeProfile(story.profile, fp) };
    }
    let story = d.story;
    if (story === null) {
      story = this.stories.length;
      this.stories.push(d.profile);
    } else this.stories[story] = d.profile;
    this.articles.set(id, { fp, root: d.duplicateOf ?? id, story });
    if (!this.hashes.has(contentHash)) this.hashes.set(contentHash, id);
    for (const b of bucketKeys(fp.bands, nearBucket(fp.at))) {
      const list = this.bands.get(b);
      if (list) list.push(id);
      else this.bands.set(b, [id]);
    }
    for (const k of d.storyKeys) {
      const set = this.storyKeys.get(k);
      if (set) set.add(story);
      else this.storyKeys.set(k, new Set([story]));
    }
    this.docs++;
    for (const t of [...Object.keys(fp.terms), ...fp.entities.map((e) => `e:${e}`)]) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    return { ...d, story };
  }
}
