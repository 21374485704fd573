// Housekeeping for a crawler that runs for months: the fetch log (a row per
// request: feeds, sitemaps, robots.txt and articles, thousands a day with the default catalog) is kept for
// RUTA_FETCH_LOG_DAYS (source health reads the last seven days), and expired
// web sessions are removed. Articles, links, alerts, deliveries and the
// frontier are never pruned: they are the record, and what keeps a URL from
// being fetched or an alert from being sent twice.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export const DEFAULT_FETCH_LOG_DAYS = 90;
/** Rows deleted per transaction, so that a crawl writing meanwhile waits milliseconds, not seconds. */
const BATCH = 5_000;

export interface PruneResult {
  fetchLog: number;
  sessions: number;
}

/** How many days of fetch log to keep (RUTA_FETCH_LOG_DAYS; 0 keeps all of it). */
export function fetchLogDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RUTA_FETCH_LOG_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_FETCH_LOG_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`RUTA_FETCH_LOG_DAYS must be a whole number of days (0 keeps the whole log), not "${raw}"`);
  return n;
}

/** Deletes fetch log rows older than `days` (none when 0) and expired sessions; returns how many of each. */
export async function pruneOldRecords(db: Db, opts: { fetchLogDays: number; now?: Date }): Promise<PruneResult> {
  const now = opts.now ?? new Date();
  let fetchLog = 0;
  if (opts.fetchLogDays > 0) {
    const cutoff = sqlDate(new Date(now.getTime() - opts.fetchLogDays * 86_400_000));
    // Oldest first by id (rows are written in time order): each batch is read through the primary key.
    for (;;) {
      const n = await writeTx(db, (sql) =>
        sql.run(`DELETE FROM "FetchLog" WHERE "id" IN (SELECT "id" FROM "FetchLog" ORDER BY "id" LIMIT ${BATCH}) AND "at" < ?`, cutoff).changes,
      );
      fetchLog += n;
      if (n < BATCH) break;
    }
  }
  const sessions = (await db.session.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  return { fetchLog, sessions };
}
