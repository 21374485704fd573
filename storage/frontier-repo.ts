// The crawl frontier: every discovered URL with its state. Claiming a row
// moves it to `fetching`; storing the article and marking the row `done`
// happen in one transaction, so a crash never loses or duplicates work.
import type { Db } from './db.js';
import { fromSqlDate, sqlDate, writeTx } from './raw-sql.js';

export const MAX_ATTEMPTS = 5;

export interface Discovered {
  url: string; // canonical
  title?: string;
  published?: Date;
  /** The feed's author of the item, for a page that names none. */
  author?: string;
}

/** Adds URLs not yet known. Returns how many were new. Known URLs whose article exists get this source linked. */
export async function enqueue(db: Db, sourceId: string, items: Discovered[]): Promise<number> {
  let added = 0;
  // Big sitemaps: a few thousand rows per transaction, so other writers get their turn.
  for (let i = 0; i < items.length; i += 2000) {
    const chunk = items.slice(i, i + 2000);
    added += await writeTx(db, (sql) => {
      const now = sqlDate(new Date());
      let n = 0;
      for (const it of chunk) {
        const known = sql.get<{ id: number; articleId: number | null }>('SELECT "id", "articleId" FROM "FrontierUrl" WHERE "url" = ?', it.url);
        if (known) {
          if (known.articleId) sql.run('INSERT INTO "ArticleSource" ("articleId", "sourceId", "firstSeen") VALUES (?, ?, ?) ON CONFLICT DO NOTHING', known.articleId, sourceId, now);
          continue;
        }
        sql.run(
          'INSERT INTO "FrontierUrl" ("url", "sourceId", "state", "attempts", "nextAttemptAt", "hintTitle", "hintPublished", "hintAuthor", "discoveredAt", "updatedAt") VALUES (?, ?, \'new\', 0, ?, ?, ?, ?, ?, ?)',
          it.url, sourceId, now, it.title ?? null, sqlDate(it.published), it.author ?? null, now, now,
        );
        n++;
      }
      return n;
    });
  }
  return added;
}

/**
 * Claims up to `limit` due rows of a source, newest first: new, or failed with their retry time reached by `dueBy`.
 * A run passes its start time, so a URL that fails during the run waits for the next one.
 */
export async function claim(db: Db, sourceId: string, limit: number, dueBy = new Date()) {
  const rows = await writeTx(db, (sql) => {
    const due = sql.all<RawFrontierRow>(
      // Newest first: by the date the feed or sitemap gave, else by when the URL was found; in the
      // order found within one date. A backlog of a big sitemap never keeps today's news waiting.
      'SELECT * FROM "FrontierUrl" WHERE "sourceId" = ? AND "state" IN (\'new\', \'failed\') AND "nextAttemptAt" <= ? ORDER BY COALESCE("hintPublished", "discoveredAt") DESC, "id" LIMIT ?',
      sourceId, sqlDate(dueBy), limit,
    );
    const now = sqlDate(new Date());
    for (const r of due) sql.run('UPDATE "FrontierUrl" SET "state" = \'fetching\', "attempts" = "attempts" + 1, "updatedAt" = ? WHERE "id" = ?', now, r.id);
    return due;
  });
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    sourceId: r.sourceId,
    state: r.state,
    attempts: r.attempts + 1,
    hintTitle: r.hintTitle,
    hintPublished: fromSqlDate(r.hintPublished),
    hintAuthor: r.hintAuthor,
    nextAttemptAt: fromSqlDate(r.nextAttemptAt)!,
  }));
}

interface RawFrontierRow {
  id: number;
  url: string;
  sourceId: string;
  state: string;
  attempts: number;
  hintTitle: string | null;
  hintPublished: string | null;
  hintAuthor: string | null;
  nextAttemptAt: string;
}

/** Puts rows left in `fetching` by a crash back in the queue. */
export async function reclaimStale(db: Db): Promise<number> {
  const r = await db.frontierUrl.updateMany({ where: { state: 'fetching' }, data: { state: 'new' } });
  return r.count;
}

/** Records a failed attempt; after MAX_ATTEMPTS the URL is given up. Backoff is exponential with jitter. */
export async function markFailed(db: Db, id: number, attempts: number, error: string, retryAfterMs?: number): Promise<'failed' | 'gave-up'> {
  const gaveUp = attempts >= MAX_ATTEMPTS;
  const backoff = retryAfterMs ?? Math.min(6 * 3600_000, 60_000 * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);
  await db.frontierUrl.update({
    where: { id },
    data: { state: gaveUp ? 'gave-up' : 'failed', lastError: error.slice(0, 2000), nextAttemptAt: new Date(Date.now() + backoff) },
  });
  return gaveUp ? 'gave-up' : 'failed';
}

export async function frontierCounts(db: Db, sourceId?: string): Promise<Record<string, number>> {
  const rows = await db.frontierUrl.groupBy({ by: ['state'], where: sourceId ? { sourceId } : {}, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

/** A permanent refusal (robots.txt): no more attempts. */
export async function markGaveUp(db: Db, id: number, reason: string): Promise<void> {
  await db.frontierUrl.update({ where: { id }, data: { state: 'gave-up', lastError: reason.slice(0, 2000) } });
}

/** Returns claimed rows to the queue untouched (attempt not counted), due at `notBefore`. */
export async function release(db: Db, ids: number[], notBefore = new Date()): Promise<void> {
  if (!ids.length) return;
  await db.frontierUrl.updateMany({ where: { id: { in: ids }, state: 'fetching' }, data: { state: 'new', attempts: { decrement: 1 }, nextAttemptAt: notBefore } });
}
