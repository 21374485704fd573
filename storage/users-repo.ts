// Users and their subscriptions.
import { isTimeZone } from '../extractors/time-zones.js';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from './db.js';

export const ROLES = ['researcher', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const CHANNELS = ['email', 'webhook', 'slack', 'atom'] as const;
export type Channel = (typeof CHANNELS)[number];

export class UserInputError extends Error {}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function checkPassword(password: string, stored: string | null): boolean {
  const m = stored?.match(/^scrypt\$(\d+)\$([^$]+)\$([^$]+)$/);
  if (!m) return false;
  const want = Buffer.from(m[3]!, 'base64');
  const got = scryptSync(password, Buffer.from(m[2]!, 'base64'), want.length, { N: Number(m[1]), r: 8, p: 1 });
  return timingSafeEqual(want, got);
}

const newFeedToken = () => randomBytes(24).toString('base64url');

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export async function addUser(
  db: Db,
  u: { email: string; role: string; timezone?: string; password?: string; digestHour?: number; digest?: boolean },
) {
  const email = u.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new UserInputError(`"${u.email}" is not an email address`);
  if (!(ROLES as readonly string[]).includes(u.role)) throw new UserInputError(`role must be one of ${ROLES.join(', ')} (got "${u.role}")`);
  const timezone = u.timezone ?? 'UTC';
  if (!isTimeZone(timezone)) throw new UserInputError(`"${timezone}" is not a known timezone; use an IANA name such as Europe/Belgrade or America/Guayaquil`);
  const digestHour = u.digestHour ?? 7;
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) throw new UserInputError('the digest hour must be 0–23');
  if (u.password !== undefined && u.password.length < 8) throw new UserInputError('the password must have at least 8 characters');
  if (await db.user.findUnique({ where: { email } })) throw new UserInputError(`a user ${email} already exists`);
  return db.user.create({
    data: {
      email,
      role: u.role,
      timezone,
      digestHour,
      passwordHash: u.password !== undefined ? hashPassword(u.password) : null,
      feedToken: newFeedToken(),
      // Everyone starts with the daily digest by email; `ruta subscriptions` changes it.
      subscriptions: u.digest === false ? undefined : { create: { channel: 'email', mode: 'digest' } },
    },
  });
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { id: 'asc' }, include: { subscriptions: { orderBy: { id: 'asc' } } } });
}

export async function userByEmail(db: Db, email: string) {
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!u) throw new UserInputError(`no user ${email}; see \`ruta users list\``);
  return u;
}

export async function addSubscription(
  db: Db,
  s: { userId: number; channel: string; target?: string; mode?: string; rules?: string[]; minSeverity?: string },
) {
  if (!(CHANNELS as readonly string[]).includes(s.channel)) throw new UserInputError(`channel must be one of ${CHANNELS.join(', ')}`);
  const mode = s.mode ?? 'immediate';
  if (mode !== 'immediate' && mode !== 'digest') throw new UserInputError('mode must be immediate or digest');
  if ((s.channel === 'webhook' || s.channel === 'slack') && !/^https?:\/\//.test(s.target ?? '')) throw new UserInputError(`a ${s.channel} subscription needs --target with an http(s) URL`);
  if (s.channel !== 'email' && mode === 'digest') throw new UserInputError('digests go by email; use --channel email for --mode digest');
  if (s.channel === 'email' && s.target && !EMAIL.test(s.target)) throw new UserInputError(`"${s.target}" is not an email address`);
  const minSeverity = s.minSeverity ?? 'low';
  if (!['low', 'medium', 'high', 'critical'].includes(minSeverity)) throw new UserInputError('severity must be low, medium, high or critical');
  return db.subscription.create({
    data: { userId: s.userId, channel: s.channel, target: s.target ?? null, mode, rules: JSON.stringify(s.rules ?? []), minSeverity },
  });
}

export async function removeSubscription(db: Db, id: number): Promise<boolean> {
  return (await db.subscription.deleteMany({ where: { id } })).count > 0;
}
