// Articles with their analysis, stored in one transaction per article
// together with the frontier row's `done` mark.
import type { Db } from './db.js';
import { sqlDate, writeTx, type Sql } from './raw-sql.js';
import { fingerprint as makeFingerprint, type Fingerprint } from '../dedupe/fingerprint.js';
import { decide } from '../dedupe/resolve.js';
import { recordDedupe, SqlDedupeIndex } from './dedupe-index.js';

export interface EntityRow {
  type: string;
  text: string;
  start: number;
  end: number;
  canonical: string;
  side: string;
}
export interface SeizureRow {
  drug: string;
  text: string;
  kg: number;
  start: number;
  end: number;
  place?: string | null;
  date?: string | null;
}
export interface LinkRow {
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  evidence: string;
}

export interface ArticleInput {
  frontierId?: number;
  sourceId: string;
  url: string; // canonical
  fetchedUrl: string;
  title: string;
  author: string | null;
  published: Date | null;
  lang: string;
  script: string;
  langConfidence: number;
  text: string;
  contentHash: string;
  entities: EntityRow[];
  seizures: SeizureRow[];
  links: LinkRow[];
  /** Dedupe fingerprint (dedupe/fingerprint.ts); computed here when absent. */
  fingerprint?: Fingerprint;
}

/** What the database keeps of an article's analysis. */
export type StoredAnalysis = Pick<ArticleInput, 'lang' | 'script' | 'langConfidence' | 'entities' | 'seizures' | 'links'>;

/**
 * stored: a new article (`duplicateOf` set when it is another outlet's copy of an earlier one);
 * revised: a new version of an article on the same site, kept as a revision of it;
 * known: the same URL; duplicate: the same text under another URL, added as a source.
 */
export type StoreResult =
  | { status: 'stored'; articleId: number; storyId: number; duplicateOf: number | null; newLinks: { balkan: string; latam: string }[] }
  | { status: 'revised'; articleId: number; storyId: number; newLinks: { balkan: string; latam: string }[] }
  | { status: 'known' | 'duplicate'; articleId: number };

function fingerprintOf(a: ArticleInput): Fingerprint {
  return a.fingerprint ?? makeFingerprint({ url: a.url, title: a.title, text: a.text, published: a.published, seenAt: new Date(), lang: a.lang, entities: a.entities, seizures: a.seizures });
}

const MIN_TEXT_FOR_HASH_DEDUPE = 300;

/** A link's canonical pair as one key. */
export const pairKey = (l: { balkan: string; latam: string }) => `${l.balkan}\u0000${l.latam}`;

/**
 * Entities, mentions, seizures and links of one article, inside the caller's
 * synchronous transaction (storage/raw-sql.ts): this is the crawler's hottest
 * write path. Re-analysis (storage/reanalysis-repo.ts) writes through it too.
 */
export function writeAnalysis(sql: Sql, articleId: number, a: Pick<ArticleInput, 'entities' | 'seizures' | 'links'>, change: 'new' | 'revised' | null): { balkan: string; latam: string }[] {
  const now = sqlDate(new Date());
  // The change journal that alert rules read after their watermarks (alerts/run-rules.ts); null writes none.
  if (change) sql.run('INSERT INTO "ArticleChange" ("articleId", "kind", "at") VALUES (?, ?, ?)', articleId, change, now);
  const entityIds = new Map<string, number>();
  for (const e of a.entities) {
    const key = `${e.type}\u0000${e.canonical}`;
    if (entityIds.has(key)) continue;
    sql.run('INSERT INTO "Entity" ("type", "canonical", "side", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("type", "canonical") DO NOTHING', e.type, e.canonical, e.side, now);
    entityIds.set(key, sql.get<{ id: number }>('SELECT "id" FROM "Entity" WHERE "type" = ? AND "canonical" = ?', e.type, e.canonical)!.id);
  }
  for (const e of a.entities) {
    sql.run('INSERT INTO "Mention" ("articleId", "entityId", "text", "start", "end") VALUES (?, ?, ?, ?, ?)', articleId, entityIds.get(`${e.type}\u0000${e.canonical}`)!, e.text, e.start, e.end);
  }
  for (const z of a.seizures) {
    sql.run('INSERT INTO "Seizure" ("articleId", "drug", "kg", "text", "start", "end", "place", "date") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', articleId, z.drug, z.kg, z.text, z.start, z.end, z.place ?? null, z.date ?? null);
  }
  const newLinks: { balkan: string; latam: string }[] = [];
  const seen = new Set<string>();
  for (const l of a.links) {
    const key = pairKey(l);
    if (seen.has(key)) continue;
    seen.add(key);
    const row = sql.get<{ id: number; articleCount: number }>(
      // A pair an analyst already judged (its link since removed by reanalysis) comes back with that verdict.
      'INSERT INTO "Link" ("balkan", "balkanType", "latam", "latamType", "firstSeen", "lastSeen", "articleCount", "review") ' +
        'VALUES (?, ?, ?, ?, ?, ?, 1, COALESCE((SELECT "status" FROM "LinkReview" WHERE "balkan" = ? AND "latam" = ? ORDER BY "id" DESC LIMIT 1), \'open\')) ' +
        'ON CONFLICT ("balkan", "latam") DO UPDATE SET "lastSeen" = excluded."lastSeen", "articleCount" = "Link"."articleCount" + 1 RETURNING "id", "articleCount"',
      l.balkan, l.balkanType, l.latam, l.latamType, now, now, l.balkan, l.latam,
    )!;
    if (row.articleCount === 1) newLinks.push({ balkan: l.balkan, latam: l.latam });
    sql.run('INSERT INTO "LinkEvidence" ("linkId", "articleId", "sentence", "at") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', row.id, articleId, l.evidence, now);
  }
  return newLinks;
}

export async function storeArticle(db: Db, a: ArticleInput & { rendered?: boolean }): Promise<StoreResult> {
  const fp = fingerprintOf(a);
  return writeTx(db, (sql): StoreResult => {
    const now = sqlDate(new Date());
    const finish = (articleId: number) => {
      sql.run('INSERT INTO "ArticleSource" ("articleId", "sourceId", "firstSeen") VALUES (?, ?, ?) ON CONFLICT DO NOTHING', articleId, a.sourceId, now);
      if (a.frontierId !== undefined) {
        sql.run('UPDATE "FrontierUrl" SET "state" = \'done\', "articleId" = ?, "lastError" = NULL, "updatedAt" = ? WHERE "id" = ?', articleId, now, a.frontierId);
      }
    };
    const byUrl =
      sql.get<{ id: number }>('SELECT "id" FROM "Article" WHERE "url" = ?', a.url) ??
      sql.get<{ id: number }>('SELECT "articleId" AS "id" FROM "ArticleUrl" WHERE "url" = ?', a.url);
    if (byUrl) {
      finish(byUrl.id);
      return { status: 'known', articleId: byUrl.id };
    }
    // Same text under another URL is the same article (a syndicated or re-linked copy). Short texts
    // (a teaser, a "please enable JavaScript" page) also need the same title, so distinct articles are never merged.
    const byHash =
      a.text.length < MIN_TEXT_FOR_HASH_DEDUPE
        ? sql.get<{ id: number }>('SELECT "id" FROM "Article" WHERE "contentHash" = ? AND "title" = ? LIMIT 1', a.contentHash, a.title)
        : sql.get<{ id: number }>('SELECT "id" FROM "Article" WHERE "contentHash" = ? LIMIT 1', a.contentHash);
    if (byHash) {
      finish(byHash.id);
      return { status: 'duplicate', articleId: byHash.id };
    }
    const decision = decide(new SqlDedupeIndex(sql), fp, a.title);
    if (decision.revises !== null) {
      // A new version of an article on the same site (an edited headline, a changed slug): a revision, not a new article.
      const articleId = decision.revises;
      const newLinks = replaceVersion(sql, articleId, a);
      sql.run('INSERT INTO "ArticleUrl" ("url", "articleId") VALUES (?, ?) ON CONFLICT DO NOTHING', a.url, articleId);
      const storyId = recordDedupe(sql, articleId, fp, decision, false);
      finish(articleId);
      return { status: 'revised', articleId, storyId, newLinks };
    }
    const articleId = sql.get<{ id: number }>(
      'INSERT INTO "Article" ("url", "fetchedUrl", "title", "author", "published", "lang", "script", "langConfidence", "text", "contentHash", "fetchedAt", "createdAt", "rendered", "updatedAt", "duplicateOfId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"',
      a.url, a.fetchedUrl, a.title, a.author, sqlDate(a.published), a.lang, a.script, a.langConfidence, a.text, a.contentHash, now, now, a.rendered ? 1 : 0, now, decision.duplicateOf,
    )!.id;
    const newLinks = writeAnalysis(sql, articleId, a, 'new');
    const storyId = recordDedupe(sql, articleId, fp, decision);
    finish(articleId);
    return { status: 'stored', articleId, storyId, duplicateOf: decision.duplicateOf, newLinks };
  });
}

/** Keeps the article's current version as a revision and gives it the new text and analysis; returns links new to it. */
function replaceVersion(sql: Sql, articleId: number, a: ArticleInput & { rendered?: boolean }): { balkan: string; latam: string }[] {
  const now = sqlDate(new Date());
  const current = sql.get<{ title: string; text: string; contentHash: string; fetchedAt: string; published: string | null; rendered: number }>(
    'SELECT "title", "text", "contentHash", "fetchedAt", "published", "rendered" FROM "Article" WHERE "id" = ?',
    articleId,
  )!;
  sql.run('INSERT INTO "Revision" ("articleId", "title", "text", "contentHash", "fetchedAt", "replacedAt") VALUES (?, ?, ?, ?, ?, ?)', articleId, current.title, current.text, current.contentHash, current.fetchedAt, now);
  sql.run(
    'UPDATE "Article" SET "title" = ?, "author" = ?, "published" = ?, "lang" = ?, "script" = ?, "langConfidence" = ?, "text" = ?, "contentHash" = ?, "fetchedAt" = ?, "updatedAt" = ?, "rendered" = ? WHERE "id" = ?',
    a.title, a.author, a.published ? sqlDate(a.published) : current.published, a.lang, a.script, a.langConfidence, a.text, a.contentHash, now, now, (a.rendered ?? !!current.rendered) ? 1 : 0, articleId,
  );
  sql.run('DELETE FROM "Mention" WHERE "articleId" = ?', articleId);
  sql.run('DELETE FROM "Seizure" WHERE "articleId" = ?', articleId);
  // Links already evidenced by this article keep their evidence; only pairs new to it are added.
  const had = new Set(
    sql.all<{ balkan: string; latam: string }>('SELECT l."balkan", l."latam" FROM "LinkEvidence" e JOIN "Link" l ON l."id" = e."linkId" WHERE e."articleId" = ?', articleId).map(pairKey),
  );
  return writeAnalysis(sql, articleId, { ...a, links: a.links.filter((l) => !had.has(pairKey(l))) }, 'revised');
}

export type ReviseResult = { status: 'unchanged' | 'revised' | 'stored'; articleId: number; newLinks: { balkan: string; latam: string }[] };

/**
 * A watched page or an updated article: when the text changed, the old version
 * is kept as a revision and the article takes the new text and analysis.
 */
export async function reviseArticle(db: Db, a: ArticleInput & { rendered?: boolean }): Promise<ReviseResult> {
  const current = await db.article.findUnique({ where: { url: a.url } });
  if (!current) {
    const r = await storeArticle(db, a);
    return { status: 'stored', articleId: r.articleId, newLinks: r.status === 'stored' ? r.newLinks : [] };
  }
  if (current.contentHash === a.contentHash) return { status: 'unchanged', articleId: current.id, newLinks: [] };
  return writeTx(db, (sql): ReviseResult => ({ status: 'revised', articleId: current.id, newLinks: replaceVersion(sql, current.id, a) }));
}

export function listArticles(db: Db, opts: { limit?: number; sourceId?: string } = {}) {
  return db.article.findMany({
    where: opts.sourceId ? { sources: { some: { sourceId: opts.sourceId } } } : {},
    orderBy: [{ id: 'asc' }],
    take: opts.limit,
    include: { sources: { select: { sourceId: true } } },
  });
}

/** Streams articles in id order, a page at a time, so exports of any size use little memory. */
export async function* iterateArticles(db: Db, pageSize = 500) {
  let after = 0;
  for (;;) {
    const page = await db.article.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: pageSize });
    if (!page.length) return;
    yield* page;
    after = page[page.length - 1]!.id;
  }
}

export function listLinks(db: Db, opts: { review?: string; since?: Date } = {}) {
  return db.link.findMany({
    where: { review: opts.review, firstSeen: opts.since ? { gte: opts.since } : undefined },
    orderBy: [{ articleCount: 'desc' }, { firstSeen: 'asc' }],
    include: { evidence: { take: 3, orderBy: { id: 'asc' }, include: { article: { select: { url: true, title: true } } } } },
  });
}
