// The outbox. A delivery moves pending → sending (claimed by one sender, nothing
// transmitted yet) → transmitting (the receiver may have it) → sent. Each move
// is committed before the next step, so after a crash the row says what could
// have happened: a claimed row that never transmitted goes back to pending and
// is sent; a row caught transmitting becomes `unknown` and is never sent again
// on its own (`ruta deliveries retry ID` does that, on a person's word).
import { hostname } from 'node:os';
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export interface ClaimedDelivery {
  id: number;
  idempotencyKey: string;
  alertId: number | null;
  digestId: number | null;
  userId: number | null;
  channel: string;
  target: string;
  attempts: number;
  /** JSON: what the message adds to its alert, as {"escalation": {"by", "note", "at"}}. */
  payload: string;
}

/** Who holds a claim: host and process, so a restart on the same host sees at once that the holder is gone. */
export const SENDER = `${hostname()}:${process.pid}`;

function holderAlive(owner: string | null): boolean {
  if (!owner) return false;
  const i = owner.lastIndexOf(':');
  if (owner.slice(0, i) !== hostname()) return true; // another machine: trust its lease
  const pid = Number(owner.slice(i + 1));
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Recovers rows left by crashed senders (lease over, or holder process gone):
 * `sending` back to pending, `transmitting` to unknown. Returns the counts.
 */
export async function recoverDeliveries(db: Db, now = new Date()): Promise<{ requeued: number; inDoubt: number }> {
  return writeTx(db, (sql) => {
    const rows = sql.all<{ id: number; status: string; heldBy: string | null; leaseUntil: string | null }>(
      'SELECT "id", "status", "heldBy", "leaseUntil" FROM "Delivery" WHERE "status" IN (\'sending\', \'transmitting\')',
    );
    let requeued = 0;
    let inDoubt = 0;
    for (const r of rows) {
      const owner = r.heldBy;
      const expired = !r.leaseUntil || new Date(r.leaseUntil).getTime() <= now.getTime();
      if (!expired && holderAlive(owner)) continue;
      if (r.status === 'sending') {
        sql.run('UPDATE "Delivery" SET "status" = \'pending\', "leaseUntil" = NULL, "heldBy" = NULL, "lastError" = ? WHERE "id" = ?', `sender ${owner ?? '?'} stopped before transmitting; sent again`, r.id);
        requeued++;
      } else {
        sql.run(
          'UPDATE "Delivery" SET "status" = \'unknown\', "leaseUntil" = NULL, "heldBy" = NULL, "lastError" = ? WHERE "id" = ?',
          `sender ${owner ?? '?'} stopped while transmitting: the receiver may have it, so it is not sent again; if it did not arrive, run \`ruta deliveries retry ${r.id}\``,
          r.id,
        );
        inDoubt++;
      }
    }
    return { requeued, inDoubt };
  });
}

/** Claims due pending deliveries for this process. */
export async function claimDeliveries(db: Db, leaseMs: number, limit = 50, now = new Date(), channels = ['email', 'webhook', 'slack']): Promise<ClaimedDelivery[]> {
  return writeTx(db, (sql) => {
    const rows = sql.all<ClaimedDelivery>(
      `SELECT "id", "idempotencyKey", "alertId", "digestId", "userId", "channel", "target", "attempts", "payload" FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= ? AND "channel" IN (${channels.map(() => '?').join(', ')}) ORDER BY "id" LIMIT ?`,
      sqlDate(now), ...channels, limit,
    );
    const lease = sqlDate(new Date(now.getTime() + leaseMs));
    for (const r of rows) sql.run('UPDATE "Delivery" SET "status" = \'sending\', "leaseUntil" = ?, "heldBy" = ? WHERE "id" = ?', lease, SENDER, r.id);
    return rows;
  });
}

/** The point of no return: committed before the first byte of the message leaves. */
export function markTransmitting(db: Db, id: number): Promise<void> {
  return writeTx(db, (sql) => {
    sql.run('UPDATE "Delivery" SET "status" = \'transmitting\', "attempts" = "attempts" + 1 WHERE "id" = ? AND "status" = \'sending\'', id);
  });
}

export function markSent(db: Db, id: number): Promise<void> {
  return writeTx(db, (sql) => {
    sql.run('UPDATE "Delivery" SET "status" = \'sent\', "sentAt" = ?, "leaseUntil" = NULL, "heldBy" = NULL, "lastError" = NULL WHERE "id" = ?', sqlDate(new Date()), id);
  });
}

/** A failure known not to have delivered: retried at `retryAt`, or failed for good when null. */
export function markFailed(db: Db, id: number, error: string, retryAt: Date | null, attemptCounted: boolean): Promise<void> {
  return writeTx(db, (sql) => {
    sql.run(
      'UPDATE "Delivery" SET "status" = ?, "nextAttemptAt" = COALESCE(?, "nextAttemptAt"), "lastError" = ?, "leaseUntil" = NULL, "heldBy" = NULL, "attempts" = "attempts" + ? WHERE "id" = ?',
      retryAt ? 'pending' : 'failed', sqlDate(retryAt), error, attemptCounted ? 0 : 1, id,
    );
  });
}

/** The receiver may have it (a timeout or a dropped connection after transmitting). */
export function markUnknown(db: Db, id: number, error: string): Promise<void> {
  return writeTx(db, (sql) => {
    sql.run('UPDATE "Delivery" SET "status" = \'unknown\', "lastError" = ?, "leaseUntil" = NULL, "heldBy" = NULL WHERE "id" = ?', `${error}; the receiver may have it, so it is not sent again; if it did not arrive, run \`ruta deliveries retry ${id}\``, id);
  });
}

/** Puts failed or unknown deliveries back in the queue (a person decided). */
export async function retryDeliveries(db: Db, ids: number[]): Promise<number> {
  const r = await db.delivery.updateMany({ where: { id: { in: ids }, status: { in: ['failed', 'unknown'] } }, data: { status: 'pending', nextAttemptAt: new Date(), lastError: null } });
  return r.count;
}

export function listDeliveries(db: Db, opts: { status?: string; limit?: number } = {}) {
  return db.delivery.findMany({ where: { status: opts.status }, orderBy: { id: 'desc' }, take: opts.limit ?? 100, include: { user: { select: { email: true } } } });
}

export async function alertView(db: Db, alertId: number) {
  const a = await db.alert.findUnique({
    where: { id: alertId },
    include: { article: { select: { id: true, title: true, url: true, lang: true } }, story: { select: { id: true, headline: true } } },
  });
  return a ? { ...a, entities: JSON.parse(a.entities) as string[] } : null;
}
