// Web sessions. The browser holds a random token; the database holds its
// SHA-256, so a copy of the database opens no session.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

const SESSION_MS = 12 * 3600_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MS);
  await db.session.create({ data: { id: hash(token), userId, csrfToken, expiresAt } });
  return { token, csrfToken, expiresAt };
}

export async function sessionUser(db: Db, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const s = await db.session.findUnique({ where: { id: hash(token) }, include: { user: true } });
  if (!s) return null;
  if (s.expiresAt.getTime() < Date.now()) {
    await db.session.deleteMany({ where: { id: s.id } });
    return null;
  }
  // Sliding expiry, written at most once a minute.
  if (Date.now() - s.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: s.id }, data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_MS) } });
  }
  return { user: s.user, csrfToken: s.csrfToken };
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hash(token) } });
}
