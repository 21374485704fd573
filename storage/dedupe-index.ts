// The dedupe index over the database: LSH bands, story keys, story profiles
// and term frequencies, read and written inside the caller's synchronous
// transaction (storage/raw-sql.ts). Every read is an index lookup bounded by
// a LIMIT, so the cost per article does not grow with the archive.
import { BANDS, bucketKeys, lookupKeys, nearBucket, signatureFromBytes, signatureToBytes } from '../dedupe/minhash.js';
import { siteOf } from '../dedupe/canonical-url.js';
import type { Fingerprint } from '../dedupe/fingerprint.js';
import type { Decision, DedupeIndex, NearCandidate, StoryCandidate } from '../dedupe/resolve.js';
import type { StoryProfile } from '../dedupe/story-profile.js';
import { sqlDate, type Sql } from './raw-sql.js';

/** Most band matches and story candidates read per article. */
const MAX_NEAR = 50;
const MAX_PER_KEY = 20;
const MAX_STORIES = 40;

const BAND_SQL = `SELECT DISTINCT a."id", a."url", a."minhash", a."shingles", a."duplicateOfId" FROM "DedupeBand" b JOIN "Article" a ON a."id" = b."articleId" WHERE b."key" IN (${Array(3 * BANDS).fill('?').join(', ')}) AND a."minhash" IS NOT NULL LIMIT ${MAX_NEAR}`;

/**
 * Story keys are stored under their week (`WEEK|key`), like band keys: a
 * week's keys sit together in the index, so writes stay in a small, warm part
 * of it. A lookup over a time window asks each week the window spans.
 */
const storedStoryKey = (week: number, key: string) => `${week}|${key}`;
const STORY_KEY_SQL = `SELECT "storyId", "at" FROM "StoryKey" WHERE "key" = ? AND "at" >= ? AND "at" <= ? ORDER BY "at" DESC LIMIT ${MAX_PER_KEY}`;

function parseProfile(json: string, storyId: number): StoryProfile {
  try {
    const p = JSON.parse(json) as StoryProfile;
    if (p && typeof p === 'object' && p.entities && p.terms) return p;
  } catch {
    // fall through
  }
  throw new Error(`story ${storyId} has no readable profile; it was made before dedupe profiles existed`);
}

/**
 * Parsed story profiles per connection, by story id, with the article count
 * they were read at: a story's profile changes only when an article joins it,
 * so a cached profile is current while the count matches. Least recently used
 * profiles go first.
 */
const PROFILE_CACHE_SIZE = 1000;
const profileCaches = new WeakMap<object, Map<number, { articles: number; profile: StoryProfile }>>();

/**
 * Document frequencies, kept in memory per connection (read once from
 * `TermDf`) and written back every DF_FLUSH_EVERY articles in the transaction
 * of the article that fills the batch. They are statistics that only weigh
 * evidence: a crash loses at most one batch of counts, never an article, and
 * an article's transaction no longer dirties a page per word.
 */
const DF_FLUSH_EVERY = 256;
interface DfState {
  docs: number;
  df: Map<string, number>;
  pending: Map<string, number>;
  pendingDocs: number;
}
const dfStates = new WeakMap<object, DfState>();

function dfState(sql: Sql): DfState {
  let st = dfStates.get(sql.scope);
  if (!st) {
    const df = new Map<string, number>();
    let docs = 0;
    for (const r of sql.all<{ term: string; df: number }>('SELECT "term", "df" FROM "TermDf"')) {
      if (r.term === '') docs = r.df;
      else df.set(r.term, r.df);
    }
    st = { docs, df, pending: new Map(), pendingDocs: 0 };
    dfStates.set(sql.scope, st);
  }
  return st;
}

/** Counts one article's terms; writes the batch when it is full (or at once when `flush`). */
function countTerms(sql: Sql, terms: string[], flush = false): void {
  const st = dfState(sql);
  st.docs++;
  st.pendingDocs++;
  for (const t of terms) {
    st.df.set(t, (st.df.get(t) ?? 0) + 1);
    st.pending.set(t, (st.pending.get(t) ?? 0) + 1);
  }
  if (st.pendingDocs < DF_FLUSH_EVERY && !flush) return;
  for (const [t, n] of [['', st.pendingDocs] as const, ...st.pending]) {
    sql.run('INSERT INTO "TermDf" ("term", "df") VALUES (?, ?) ON CONFLICT ("term") DO UPDATE SET "df" = "df" + excluded."df"', t, n);
  }
  st.pending.clear();
  st.pendingDocs = 0;
}

export class SqlDedupeIndex implements DedupeIndex<number, number> {
  private profiles: Map<number, { articles: number; profile: StoryProfile }>;

  constructor(private sql: Sql) {
    let cache = profileCaches.get(sql.scope);
    if (!cache) profileCaches.set(sql.scope, (cache = new Map()));
    this.profiles = cache;
  }

  private profile(storyId: number): StoryProfile {
    const articles = this.sql.get<{ articleCount: number }>('SELECT "articleCount" FROM "Story" WHERE "id" = ?', storyId)?.articleCount;
    if (articles === undefined) throw new Error(`story ${storyId} does not exist`);
    const hit = this.profiles.get(storyId);
    this.profiles.delete(storyId);
    const profile = hit && hit.articles === articles ? hit.profile : parseProfile(this.sql.get<{ profile: string }>('SELECT "profile" FROM "Story" WHERE "id" = ?', storyId)!.profile, storyId);
    this.profiles.set(storyId, { articles, profile });
    if (this.profiles.size > PROFILE_CACHE_SIZE) this.profiles.delete(this.profiles.keys().next().value!);
    return profile;
  }

  bandCandidates(bands: number[], at: Date): NearCandidate<number>[] {
    if (bands.length !== BANDS) throw new Error(`expected ${BANDS} band keys, got ${bands.length}`);
    return this.sql.all<{ id: number; url: string; minhash: Uint8Array; shingles: number; duplicateOfId: number | null }>(BAND_SQL, ...lookupKeys(bands, at)).map((r) => ({
      id: r.id,
      site: siteOf(r.url) ?? r.url,
      signature: signatureFromBytes(r.minhash),
      shingles: r.shingles,
      root: r.duplicateOfId ?? r.id,
    }));
  }

  storyOf(article: number): StoryCandidate<number> {
    const row = this.sql.get<{ storyId: number | null }>('SELECT "storyId" FROM "Article" WHERE "id" = ?', article);
    if (!row || row.storyId === null) throw new Error(`article ${article} has no story`);
    return { id: row.storyId, profile: this.profile(row.storyId) };
  }

  storyCandidates(keys: string[], from: Date, to: Date): StoryCandidate<number>[] {
    const hits = new Map<number, number>();
    const lo = sqlDate(from);
    const hi = sqlDate(to);
    const weeks: number[] = [];
    for (let w = nearBucket(from); w <= nearBucket(to); w++) weeks.push(w);
    for (const k of keys) {
      // The key's most recent uses in the window, over the weeks it spans.
      const rows = weeks.flatMap((w) => this.sql.all<{ storyId: number; at: string }>(STORY_KEY_SQL, storedStoryKey(w, k), lo, hi));
      if (weeks.length > 1) rows.sort((a, b) => b.at.localeCompare(a.at));
      const ids = new Set(rows.slice(0, MAX_PER_KEY).map((r) => r.storyId));
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, MAX_STORIES)
      .map(([id]) => ({ id, profile: this.profile(id) }));
  }

  termStats(terms: string[]) {
    const st = dfState(this.sql);
    return { docs: st.docs, df: new Map(terms.map((t) => [t, st.df.get(t) ?? 0])) };
  }
}

/**
 * Records one article's dedupe state: its signature and bands, term counts,
 * and its story (created or updated, with lookup keys). Returns the story id.
 */
export function recordDedupe(sql: Sql, articleId: number, fp: Fingerprint, d: Decision<number, number>, count = true): number {
  sql.run('UPDATE "Article" SET "minhash" = ?, "shingles" = ? WHERE "id" = ?', signatureToBytes(fp.signature), fp.shingles, articleId);
  for (const b of bucketKeys(fp.bands, nearBucket(fp.at))) sql.run('INSERT INTO "DedupeBand" ("key", "articleId") VALUES (?, ?) ON CONFLICT DO NOTHING', b, articleId);
  if (count) countTerms(sql, [...Object.keys(fp.terms), ...fp.entities.map((e) => `e:${e}`)]);
  const p = d.profile;
  const fields = [p.headline, sqlDate(new Date(p.firstSeen)), sqlDate(new Date(p.lastSeen)), p.langs.join(','), p.sites.length, p.articles, JSON.stringify(p)] as const;
  const storyId =
    d.story === null
      ? sql.get<{ id: number }>('INSERT INTO "Story" ("headline", "firstSeenAt", "lastSeenAt", "languages", "outletCount", "articleCount", "profile") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "id"', ...fields)!.id
      : (sql.run('UPDATE "Story" SET "headline" = ?, "firstSeenAt" = ?, "lastSeenAt" = ?, "languages" = ?, "outletCount" = ?, "articleCount" = ?, "profile" = ? WHERE "id" = ?', ...fields, d.story), d.story);
  const at = sqlDate(fp.at);
  const week = nearBucket(fp.at);
  for (const k of d.storyKeys) {
    sql.run('INSERT INTO "StoryKey" ("key", "at", "storyId") VALUES (?, ?, ?) ON CONFLICT DO NOTHING', storedStoryKey(week, k), at, storyId);
  }
  sql.run('UPDATE "Article" SET "storyId" = ? WHERE "id" = ?', storyId, articleId);
  return storyId;
}
