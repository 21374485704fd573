// What a digest draws on, and recording a digest with its items and its
// outbox row in one transaction.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';
import { sourceHealth } from './health-repo.js';
import { seizureReportKey } from './research-repo.js';
import { spellingTwins } from './link-spelling.js';

/** Item keys already sent to the user in a digest. */
export async function digestedKeys(db: Db, userId: number, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.digestItem.findMany({ where: { userId, itemKey: { in: keys } }, select: { itemKey: true } });
  return new Set(rows.map((r) => r.itemKey));
}

export async function lastDigest(db: Db, userId: number) {
  return db.digest.findFirst({ where: { userId }, orderBy: { until: 'desc' } });
}

/**
 * Links first seen in the period, less those an earlier article reported under another spelling ("Darko Saric"
 * after "Darko Šarić"): in the order Ruta saw them (the digest), or the best evidenced first (the week page).
 */
export async function newLinks(db: Db, since: Date, until: Date, limit = 30, order: 'seen' | 'evidence' = 'seen') {
  const links = await db.link.findMany({
    // A pair analysts dismissed as a misreading is no news for researchers.
    where: { firstSeen: { gt: since, lte: until }, review: { not: 'dismissed' } },
    orderBy: order === 'seen' ? { firstSeen: 'asc' } : [{ articleCount: 'desc' }, { firstSeen: 'asc' }],
    take: limit,
    include: { evidence: { orderBy: { id: 'asc' }, take: 1, include: { article: { select: { id: true, title: true, url: true, lang: true, storyId: true } } } } },
  });
  if (!links.length) return links;
  const older = await db.link.findMany({
    where: { latam: { in: [...new Set(links.map((l) => l.latam))] }, firstSeen: { lte: until } },
    select: { id: true, balkan: true, latam: true, firstSeen: true },
  });
  return links.filter((l) => !older.some((o) => spellingTwins(o, l) && o.firstSeen < l.firstSeen));
}

/** Links analysts confirmed in the period (and still hold confirmed), with who confirmed each, why, and its first evidence. */
export async function confirmedLinks(db: Db, since: Date, until: Date, limit = 30) {
  const reviews = await db.linkReview.findMany({ where: { status: 'confirmed', at: { gt: since, lte: until } }, orderBy: { id: 'desc' } });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const r of reviews) if (!latest.has(`${r.balkan}\u0000${r.latam}`)) latest.set(`${r.balkan}\u0000${r.latam}`, r);
  const out = [];
  for (const r of [...latest.values()].reverse()) {
    const link = await db.link.findFirst({
      where: { balkan: r.balkan, latam: r.latam, review: 'confirmed' },
      include: { evidence: { orderBy: { id: 'asc' }, take: 1, include: { article: { select: { id: true, title: true, url: true, lang: true } } } } },
    });
    if (!link) continue;
    const by = r.userId !== null ? (await db.user.findUnique({ where: { id: r.userId }, select: { email: true } }))?.email ?? `user #${r.userId}` : 'the command line';
    out.push({ link, by, note: r.note });
    if (out.length >= limit) break;
  }
  return out;
}

/** Stories that got articles in the period and matter here (a link, a seizure or an alert). Widest first; the digest drops those already sent. */
export async function newStories(db: Db, since: Date, until: Date, limit = 20) {
  return db.story.findMany({
    where: {
      articles: { some: { createdAt: { gt: since, lte: until } } },
      OR: [{ alerts: { some: {} } }, { articles: { some: { OR: [{ evidence: { some: {} } }, { seizures: { some: {} } }] } } }],
    },
    orderBy: [{ outletCount: 'desc' }, { articleCount: 'desc' }, { id: 'asc' }],
    take: limit,
    include: { articles: { where: { duplicateOfId: null }, orderBy: { id: 'asc' }, take: 3, select: { id: true, title: true, url: true, lang: true } } },
  });
}

export async function largestSeizures(db: Db, since: Date, until: Date, limit = 10) {
  const rows = await db.seizure.findMany({
    where: { article: { createdAt: { gt: since, lte: until } } },
    orderBy: [{ kg: 'desc' }, { id: 'asc' }],
    take: limit * 5,
    include: { article: { select: { id: true, title: true, url: true, lang: true, storyId: true, text: true } } },
  });
  // One per story and size: ten outlets reporting one seizure are one line.
  const seen = new Set<string>();
  return rows.filter((z) => {
    const k = seizureReportKey(z);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, limit);
}

export async function alertsBetween(db: Db, since: Date, until: Date) {
  return db.alert.findMany({
    // What analysts dismissed by the time the digest is built stays out of it.
    where: { createdAt: { gt: since, lte: until }, status: { not: 'dismissed' } },
    orderBy: { id: 'asc' },
    include: { article: { select: { id: true, title: true, url: true, lang: true } }, story: { select: { id: true, headline: true } } },
  });
}

export async function troubledSources(db: Db, now: Date) {
  return (await sourceHealth(db, { now })).filter((h) => h.enabled && (h.status === 'failing' || h.status === 'silent'));
}

export async function digestSubscriptions(db: Db, userId: number) {
  return db.subscription.findMany({ where: { userId, mode: 'digest', channel: 'email' } });
}

/**
 * Records a digest, its items and its email delivery. Returns null, writing
 * nothing, when the slot is taken or an item went out meanwhile (another
 * process built a digest first): the caller builds again later.
 */
export async function recordDigest(
  db: Db,
  d: { userId: number; slot: string; since: Date; until: Date; subject: string; html: string; text: string; items: string[]; to: string | null },
): Promise<number | null> {
  return writeTx(db, (sql) => {
    if (sql.get('SELECT 1 FROM "Digest" WHERE "userId" = ? AND "slot" = ?', d.userId, d.slot)) return null;
    for (const k of d.items) if (sql.get('SELECT 1 FROM "DigestItem" WHERE "userId" = ? AND "itemKey" = ?', d.userId, k)) return null;
    const now = sqlDate(new Date());
    const id = sql.get<{ id: number }>(
      'INSERT INTO "Digest" ("userId", "slot", "since", "until", "itemCount", "subject", "html", "text", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"',
      d.userId, d.slot, sqlDate(d.since), sqlDate(d.until), d.items.length, d.subject, d.html, d.text, now,
    )!.id;
    for (const k of d.items) sql.run('INSERT INTO "DigestItem" ("userId", "itemKey", "digestId") VALUES (?, ?, ?)', d.userId, k, id);
    if (d.to) sql.run(
      'INSERT INTO "Delivery" ("idempotencyKey", "digestId", "userId", "channel", "target", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, \'email\', ?, \'{}\', \'pending\', 0, ?, ?)',
      `digest:${id}`, id, d.userId, d.to, now, now,
    );
    return id;
  });
}
