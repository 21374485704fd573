// Alerts and the per-rule watermarks that let rules look only at new content.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export interface AlertInput {
  rule: string;
  key: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  reason: string;
  evidence: string | null;
  entities: string[];
  articleId?: number | null;
  storyId?: number | null;
  linkId?: number | null;
}

/** Articles with links stored after the rule's watermark, oldest first. */
export async function articlesWithLinksSince(db: Db, rule: string, limit = 200) {
  const mark = await db.ruleWatermark.findUnique({ where: { rule } });
  const after = mark?.lastId ?? 0;
  const articles = await db.article.findMany({
    where: { id: { gt: after } },
    orderBy: { id: 'asc' },
    take: limit,
    select: {
      id: true,
      title: true,
      url: true,
      storyId: true,
      evidence: { select: { sentence: true, link: { select: { id: true, balkan: true, latam: true, evidence: { take: 1, orderBy: { id: 'asc' }, select: { articleId: true } } } } } },
    },
  });
  return articles;
}

/** Writes alerts (ignoring keys already present) and advances the watermark, in one transaction. */
export async function commitAlerts(db: Db, rule: string, alerts: AlertInput[], watermark: number): Promise<number> {
  return writeTx(db, (sql) => {
    const now = sqlDate(new Date());
    let created = 0;
    for (const a of alerts) {
      const r = sql.run(
        'INSERT INTO "Alert" ("rule", "key", "severity", "reason", "evidence", "entities", "articleId", "storyId", "linkId", "status", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \'open\', ?) ON CONFLICT ("key") DO NOTHING',
        a.rule, a.key, a.severity, a.reason, a.evidence, JSON.stringify(a.entities), a.articleId ?? null, a.storyId ?? null, a.linkId ?? null, now,
      );
      created += r.changes;
    }
    sql.run('INSERT INTO "RuleWatermark" ("rule", "lastId", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("rule") DO UPDATE SET "lastId" = excluded."lastId", "updatedAt" = excluded."updatedAt"', rule, watermark, now);
    return created;
  });
}

export function listAlerts(db: Db, opts: { limit?: number } = {}) {
  return db.alert.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: opts.limit,
    include: { article: { select: { url: true, title: true, lang: true } } },
  });
}
