// What `ruta status` reports: how much Ruta holds, what is waiting, and whether
// the crawl, the sources and the outbox are healthy, in one look.
import { statSync } from 'node:fs';
import type { Db } from './db.js';
import { sourceHealth } from './health-repo.js';

export interface Status {
  database: { path: string; bytes: number };
  articles: number;
  stories: number;
  links: number;
  /** Links analysts judged, by verdict (confirmed, dismissed). */
  linkReviews: { confirmed: number; dismissed: number };
  seizures: number;
  alerts: { open: number; escalated: number; total: number };
  /** Discovered URLs by crawl state (new, fetching, done, failed, gave-up). */
  frontier: Record<string, number>;
  /** Deliveries by status (pending, sent, failed, unknown). */
  deliveries: Record<string, number>;
  /** Enabled sources by health (ok, failing, silent, never-run, no-items). */
  sources: Record<string, number>;
  lastCrawlAt: Date | null;
  lastArticleAt: Date | null;
}

const byKey = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

export async function status(db: Db, path: string): Promise<Status> {
  const [articles, stories, links, reviewRows, seizures, alertRows, frontier, deliveries, health, lastArticle, lastRun] = await Promise.all([
    db.article.count(),
    db.story.count(),
    db.link.count(),
    db.link.groupBy({ by: ['review'], where: { review: { not: 'open' } }, _count: { _all: true } }),
    db.seizure.count(),
    db.alert.groupBy({ by: ['status'], _count: { _all: true } }),
    db.frontierUrl.groupBy({ by: ['state'], _count: { _all: true } }),
    db.delivery.groupBy({ by: ['status'], _count: { _all: true } }),
    sourceHealth(db),
    db.article.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
    db.source.findFirst({ where: { lastRunAt: { not: null } }, orderBy: { lastRunAt: 'desc' }, select: { lastRunAt: true } }),
  ]);
  const alerts = byKey(alertRows.map((r) => ({ key: r.status, n: r._count._all })));
  const sources: Record<string, number> = {};
  for (const h of health) if (h.enabled) sources[h.status] = (sources[h.status] ?? 0) + 1;
  let bytes = 0;
  for (const f of [path, `${path}-wal`]) {
    try {
      bytes += statSync(f).size;
    } catch {
      // no WAL file: nothing to add
    }
  }
  return {
    database: { path, bytes },
    articles,
    stories,
    links,
    linkReviews: { confirmed: 0, dismissed: 0, ...byKey(reviewRows.map((r) => ({ key: r.review, n: r._count._all }))) },
    seizures,
    alerts: { open: alerts.open ?? 0, escalated: alerts.escalated ?? 0, total: Object.values(alerts).reduce((a, b) => a + b, 0) },
    frontier: byKey(frontier.map((r) => ({ key: r.state, n: r._count._all }))),
    deliveries: byKey(deliveries.map((r) => ({ key: r.status, n: r._count._all }))),
    sources,
    lastCrawlAt: lastRun?.lastRunAt ?? null,
    lastArticleAt: lastArticle?.createdAt ?? null,
  };
}
