// The analysts' triage queue: alerts with their article, story and entities.
import type { Db } from './db.js';
import { sqlDate } from './raw-sql.js';

export const TRIAGE_STATUSES = ['open', 'confirmed', 'dismissed', 'escalated'] as const;
/** The subscription rule name for "alerts analysts escalate": named explicitly, never implied by "all rules". */
export const ESCALATION_RULE = 'escalated';
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
const SEVERITY_ORDER = "CASE a.\"severity\" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

export interface QueueRow {
  id: number;
  rule: string;
  severity: string;
  reason: string;
  status: string;
  createdAt: Date;
  articleTitle: string | null;
  storyId: number | null;
  assignee: string | null;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Which alerts a queue shows: a status (default: open and escalated), an assignee, a rule, a severity. */
export interface QueueFilter {
  status?: string;
  assigneeId?: number;
  rule?: string;
  severity?: string;
  /** Only this story's alerts. */
  storyId?: number;
}

/** The queue's status choices beyond a single status: every alert, decided or not. */
export const ANY_STATUS = 'any';

function queueWhere(f: QueueFilter): { sql: string; params: (string | number)[] } {
  const statuses = f.status === ANY_STATUS ? [...TRIAGE_STATUSES] : f.status ? [f.status] : ['open', 'escalated'];
  const parts = [`a."status" IN (${statuses.map(() => '?').join(', ')})`];
  const params: (string | number)[] = [...statuses];
  if (f.assigneeId) parts.push('a."assigneeId" = ?'), params.push(f.assigneeId);
  if (f.rule) parts.push('a."rule" = ?'), params.push(f.rule);
  if (f.severity) parts.push('a."severity" = ?'), params.push(f.severity);
  if (f.storyId) parts.push('a."storyId" = ?'), params.push(f.storyId);
  return { sql: parts.join(' AND '), params };
}

/** Alerts by severity, then newest first, a page at a time. */
export async function triageQueue(db: Db, opts: QueueFilter & { limit?: number; offset?: number } = {}): Promise<QueueRow[]> {
  const where = queueWhere(opts);
  const rows = await db.$queryRawUnsafe<QueueRow[]>(
    `SELECT a."id", a."rule", a."severity", a."reason", a."status", a."createdAt", ar."title" AS "articleTitle", a."storyId", u."email" AS "assignee"
     FROM "Alert" a LEFT JOIN "Article" ar ON ar."id" = a."articleId" LEFT JOIN "User" u ON u."id" = a."assigneeId"
     WHERE ${where.sql}
     ORDER BY ${SEVERITY_ORDER}, a."createdAt" DESC, a."id" DESC LIMIT ? OFFSET ?`,
    ...where.params, opts.limit ?? 50, opts.offset ?? 0,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), storyId: r.storyId === null ? null : Number(r.storyId), createdAt: new Date(r.createdAt) }));
}

export interface ExportRow {
  id: number;
  createdAt: string;
  rule: string;
  severity: string;
  status: string;
  reason: string;
  evidence: string | null;
  entities: string;
  articleId: number | null;
  articleTitle: string | null;
  articleUrl: string | null;
  storyId: number | null;
  assignee: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  note: string | null;
}

/** The alerts a queue filter admits, in the queue's order, with their decisions, for a report outside Ruta (at most `limit`). */
export async function triageExport(db: Db, f: QueueFilter, limit: number): Promise<ExportRow[]> {
  const where = queueWhere(f);
  const rows = await db.$queryRawUnsafe<ExportRow[]>(
    `SELECT a."id", a."createdAt", a."rule", a."severity", a."status", a."reason", a."evidence", a."entities", a."articleId", ar."title" AS "articleTitle", ar."url" AS "articleUrl",
            a."storyId", u."email" AS "assignee", t."email" AS "triagedBy", a."triagedAt", a."note"
     FROM "Alert" a LEFT JOIN "Article" ar ON ar."id" = a."articleId" LEFT JOIN "User" u ON u."id" = a."assigneeId" LEFT JOIN "User" t ON t."id" = a."triagedById"
     WHERE ${where.sql}
     ORDER BY ${SEVERITY_ORDER}, a."createdAt" DESC, a."id" DESC LIMIT ?`,
    ...where.params, limit,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), articleId: r.articleId === null ? null : Number(r.articleId), storyId: r.storyId === null ? null : Number(r.storyId) }));
}

/** How many alerts a queue holds. */
export async function triageCount(db: Db, f: QueueFilter = {}): Promise<number> {
  const where = queueWhere(f);
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "Alert" a WHERE ${where.sql}`, ...where.params);
  return Number(row?.n ?? 0);
}

/** A story's alerts by triage status. */
export async function storyAlertCounts(db: Db, storyId: number): Promise<Record<string, number>> {
  const rows = await db.alert.groupBy({ by: ['status'], where: { storyId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

/** The rules that have raised alerts, for the queue's filter. */
export async function alertRules(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ rule: string }[]>('SELECT DISTINCT "rule" FROM "Alert" ORDER BY "rule"');
  return rows.map((r) => r.rule);
}

export async function alertDetail(db: Db, id: number) {
  const a = await db.alert.findUnique({
    where: { id },
    include: {
      article: { include: { mentions: { orderBy: { start: 'asc' }, include: { entity: true } }, seizures: { orderBy: { start: 'asc' } }, sources: { include: { source: { select: { name: true } } } } } },
      story: { include: { articles: { orderBy: { id: 'asc' }, take: 30, select: { id: true, title: true, url: true, lang: true, published: true } } } },
      link: true,
    },
  });
  if (!a) return null;
  const assignee = a.assigneeId ? await db.user.findUnique({ where: { id: a.assigneeId }, select: { email: true } }) : null;
  const triagedBy = a.triagedById ? await db.user.findUnique({ where: { id: a.triagedById }, select: { email: true } }) : null;
  return { ...a, entities: JSON.parse(a.entities) as string[], assignee: assignee?.email ?? null, triagedBy: triagedBy?.email ?? null };
}

/** One decision for many alerts at once (the queue's "Dismiss selected"), each recorded in its history; returns how many changed. */
export async function triageMany(db: Db, ids: number[], by: number, status: TriageStatus): Promise<number> {
  if (!ids.length) return 0;
  return db.$transaction(async (tx) => {
    const found = await tx.alert.findMany({ where: { id: { in: ids } }, select: { id: true } });
    await tx.alert.updateMany({ where: { id: { in: found.map((a) => a.id) } }, data: { status, triagedById: by, triagedAt: new Date() } });
    const events = await tx.alertEvent.createManyAndReturn({ data: found.map((a) => ({ alertId: a.id, userId: by, status })), select: { id: true, alertId: true } });
    if (status === 'escalated') await enqueueEscalations(tx, events, by, null);
    return found.length;
  });
}

/** A decision, a note or an assignee for one alert; what changed goes into the alert's history in the same transaction. */
export async function triageAlert(db: Db, id: number, by: number, change: { status?: TriageStatus; note?: string; assigneeId?: number | null }) {
  return db.$transaction(async (tx) => {
    const before = await tx.alert.findUniqueOrThrow({ where: { id }, select: { note: true, assigneeId: true } });
    const note = change.note !== undefined ? change.note.slice(0, 5000) : undefined;
    const noteChanged = note !== undefined && note !== (before.note ?? '');
    const assigneeChanged = change.assigneeId !== undefined && change.assigneeId !== before.assigneeId;
    const assignee = assigneeChanged
      ? change.assigneeId === null ? '' : (await tx.user.findUnique({ where: { id: change.assigneeId! }, select: { email: true } }))?.email ?? ''
      : undefined;
    if (change.status || noteChanged || assigneeChanged) {
      const event = await tx.alertEvent.create({ data: { alertId: id, userId: by, status: change.status ?? null, note: noteChanged ? note : null, assignee: assignee ?? null } });
      if (change.status === 'escalated') await enqueueEscalations(tx, [{ id: event.id, alertId: id }], by, note ?? before.note);
    }
    return tx.alert.update({
      where: { id },
      data: {
        ...(change.status ? { status: change.status, triagedById: by, triagedAt: new Date() } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
      },
    });
  });
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * An escalation is news for those who asked for it (a subscription naming the rule "escalated", sent at once by
 * email, webhook or Slack): one delivery per escalation event and subscription, written with the decision.
 */
async function enqueueEscalations(tx: Tx, events: { id: number; alertId: number }[], by: number, note: string | null | undefined) {
  if (!events.length) return;
  const subs = await tx.subscription.findMany({
    where: { mode: 'immediate', channel: { in: ['email', 'webhook', 'slack'] }, rules: { contains: `"${ESCALATION_RULE}"` } },
    include: { user: { select: { email: true } } },
  });
  if (!subs.length) return;
  const who = (await tx.user.findUnique({ where: { id: by }, select: { email: true } }))?.email ?? `user #${by}`;
  const at = new Date();
  const stamp = sqlDate(at);
  for (const e of events) {
    const payload = JSON.stringify({ escalation: { by: who, note: note || null, at: at.toISOString() } });
    for (const s of subs) {
      const target = s.channel === 'email' ? (s.target ?? s.user.email) : s.target;
      if (!target) continue;
      await tx.$executeRaw`INSERT INTO "Delivery" ("idempotencyKey", "alertId", "userId", "channel", "target", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
        VALUES (${`alert:${e.alertId}:escalation:${e.id}:subscription:${s.id}`}, ${e.alertId}, ${s.userId}, ${s.channel}, ${target}, ${payload}, 'pending', 0, ${stamp}, ${stamp})
        ON CONFLICT ("idempotencyKey") DO NOTHING`;
    }
  }
}

/** An alert's triage history, oldest first, with who made each change. */
export async function alertHistory(db: Db, alertId: number) {
  const events = await db.alertEvent.findMany({ where: { alertId }, orderBy: { id: 'asc' } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.userId).filter((u): u is number => u !== null))] } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  return events.map((e) => ({ ...e, by: e.userId !== null ? email.get(e.userId) ?? `user #${e.userId}` : 'Ruta' }));
}

export function assignableUsers(db: Db) {
  return db.user.findMany({ where: { role: { in: ['analyst', 'admin'] } }, orderBy: { email: 'asc' }, select: { id: true, email: true } });
}
