// Source health: last success and error, error rate, items per day, and
// whether a source went silent (no new items for N times its usual interval).
import type { Db } from './db.js';

export interface SourceHealth {
  id: string;
  name: string;
  enabled: boolean;
  status: 'ok' | 'failing' | 'silent' | 'never-run' | 'no-items';
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  fetches: number;
  errorRate: number; // failed fetches / fetches, over the window
  itemsPerDay: number; // new articles per day, over the window
  lastItemAt: Date | null;
  usualIntervalHours: number | null;
  silent: boolean;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function sourceHealth(db: Db, opts: { windowDays?: number; silentFactor?: number; now?: Date } = {}): Promise<SourceHealth[]> {
  const now = opts.now ?? new Date();
  const windowDays = opts.windowDays ?? 7;
  const silentFactor = opts.silentFactor ?? 3;
  const since = new Date(now.getTime() - windowDays * 86400_000);
  const sources = await db.source.findMany({ orderBy: { id: 'asc' } });
  const logs = await db.fetchLog.groupBy({ by: ['sourceId', 'ok'], where: { at: { gte: since }, sourceId: { not: null } }, _count: { _all: true } });
  const out: SourceHealth[] = [];
  for (const s of sources) {
    const ok = logs.find((l) => l.sourceId === s.id && l.ok)?._count._all ?? 0;
    const bad = logs.find((l) => l.sourceId === s.id && !l.ok)?._count._all ?? 0;
    const items = await db.articleSource.findMany({
      where: { sourceId: s.id, firstSeen: { gte: new Date(now.getTime() - 30 * 86400_000) } },
      orderBy: { firstSeen: 'asc' },
      select: { firstSeen: true },
    });
    const times = items.map((i) => i.firstSeen.getTime());
    const recent = times.filter((t) => t >= since.getTime()).length;
    const ageDays = Math.max(1, Math.min(windowDays, (now.getTime() - s.createdAt.getTime()) / 86400_000));
    // Items arrive in bursts (one crawl finds several): the usual interval is between crawls that found something.
    const gaps: number[] = [];
    for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > 60_000) gaps.push(times[i]! - times[i - 1]!);
    const usual = median(gaps);
    const lastItem = times.length ? times[times.length - 1]! : null;
    const silent = usual !== null && lastItem !== null && gaps.length >= 2 && now.getTime() - lastItem > silentFactor * usual;
    const failing = !!s.lastErrorAt && (!s.lastSuccessAt || s.lastErrorAt >= s.lastSuccessAt) && !!s.lastError;
    const status: SourceHealth['status'] = !s.lastRunAt ? 'never-run' : failing ? 'failing' : silent ? 'silent' : times.length ? 'ok' : 'no-items';
    out.push({
      id: s.id,
      name: s.name,
      enabled: s.enabled,
      status,
      lastRunAt: s.lastRunAt,
      lastSuccessAt: s.lastSuccessAt,
      lastErrorAt: s.lastErrorAt,
      lastError: s.lastError,
      fetches: ok + bad,
      errorRate: ok + bad ? Number((bad / (ok + bad)).toFixed(3)) : 0,
      itemsPerDay: Number((recent / ageDays).toFixed(2)),
      lastItemAt: lastItem ? new Date(lastItem) : null,
      usualIntervalHours: usual === null ? null : Number((usual / 3600_000).toFixed(2)),
      silent,
    });
  }
  return out;
}

/** A source's latest fetches, newest first: what an editor reads to see why it fails. */
export function recentFetches(db: Db, sourceId: string, limit = 30) {
  return db.fetchLog.findMany({
    where: { sourceId },
    orderBy: { id: 'desc' },
    take: limit,
    select: { at: true, purpose: true, url: true, status: true, ok: true, notModified: true, error: true, bytes: true, durationMs: true, rendered: true },
  });
}

/** A source's latest articles, newest first, with the language Ruta read in each. */
export function recentArticles(db: Db, sourceId: string, limit = 20) {
  return db.article.findMany({
    where: { sources: { some: { sourceId } } },
    orderBy: { id: 'desc' },
    take: limit,
    select: { id: true, title: true, url: true, lang: true, published: true, rendered: true },
  });
}
