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
}

/** Adds URLs not yet known. Returns how many were new. Known URLs whose article exists get this source linked. */
export async function enqueue(db: Db, sourceId: string, items: Discovered[]): Promise<number> {
  let added = 0;
  await db.$transaction(async (tx) => {
    for (const it of items) {
      const known = await tx.frontierUrl.findUnique({ where: { url: it.url }, select: { id: true, articleId: true } });
      if (known) {
        if (known.articleId) {
          await tx.articleSource.upsert({
            where: { articleId_sourceId: { articleId: known.articleId, sourceId } },
            create: { articleId: known.articleId, sourceId },
            update: {},
          });
        }
        continue;
      }
      await tx.frontierUrl.create({ data: { url: it.url, sourceId, hintTitle: it.title ?? null, hintPublished: it.published ?? null } });
      added++;
    }
  });
  return added;
}

/**
 * Claims up to `limit` due rows of a source: new, or failed with their retry time reached by `dueBy`.
 * A run passes its start time, so a URL that fails during the run waits for the next one.
 */
export async function claim(db: Db, sourceId: string, limit: number, dueBy = new Date()) {
  const rows = await writeTx(db, (sql) => {
    const due = sql.all<RawFrontierRow>(
      'SELECT * FROM "FrontierUrl" WHERE "sourceId" = ? AND "state" IN (\'new\', \'failed\') AND "nextAttemptAt" <= ? ORDER BY "id" LIMIT ?',
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
