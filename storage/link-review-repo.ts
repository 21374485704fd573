// Analysts' verdicts on Balkan–Latin America links: an analyst confirms that a
// pair is a real connection, dismisses it as a misreading, or reopens it. Each
// verdict is kept (LinkReview, by pair) and the latest is on the Link row, where
// the digest, the alert rules, the graph and the exports read it.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export const LINK_REVIEWS = ['open', 'confirmed', 'dismissed'] as const;
export type LinkReviewStatus = (typeof LINK_REVIEWS)[number];

export function isLinkReview(s: string): s is LinkReviewStatus {
  return (LINK_REVIEWS as readonly string[]).includes(s);
}

/** Records a verdict on a link and makes it the link's; returns false when there is no such link. */
export async function reviewLink(db: Db, linkId: number, by: number | null, status: LinkReviewStatus, note = ''): Promise<boolean> {
  return writeTx(db, (sql) => {
    const link = sql.get<{ balkan: string; latam: string }>('SELECT "balkan", "latam" FROM "Link" WHERE "id" = ?', linkId);
    if (!link) return false;
    const text = note.trim().slice(0, 5000);
    sql.run(
      'INSERT INTO "LinkReview" ("balkan", "latam", "userId", "status", "note", "at") VALUES (?, ?, ?, ?, ?, ?)',
      link.balkan, link.latam, by, status, text || null, sqlDate(new Date()),
    );
    sql.run('UPDATE "Link" SET "review" = ? WHERE "id" = ?', status, linkId);
    return true;
  });
}

export interface LinkReviewEntry {
  status: string;
  note: string | null;
  at: Date;
  by: string;
}

/** A pair's verdicts, oldest first, with who gave each. */
export async function linkReviews(db: Db, pair: { balkan: string; latam: string }): Promise<LinkReviewEntry[]> {
  const rows = await db.linkReview.findMany({ where: { balkan: pair.balkan, latam: pair.latam }, orderBy: { id: 'asc' } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId).filter((u): u is number => u !== null))] } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({ status: r.status, note: r.note, at: r.at, by: r.userId !== null ? email.get(r.userId) ?? `user #${r.userId}` : 'command line' }));
}

/**
 * Whether an alert is only about links analysts dismissed: a link alert all of whose names are
 * sides of dismissed pairs among them, or a new-place alert of a dismissed link.
 */
export async function aboutDismissedLinks(db: Db, alerts: { rule: string; entities: string; linkId: number | null }[], placeRule: string): Promise<boolean[]> {
  const withLink = alerts.filter((a) => a.linkId !== null);
  if (!withLink.length) return alerts.map(() => false);
  // Dismissed links are few (an analyst's verdict each); a digest's alerts may be thousands.
  const dismissed = await db.link.findMany({ where: { review: 'dismissed' }, select: { id: true, balkan: true, latam: true } });
  if (!dismissed.length) return alerts.map(() => false);
  const ids = new Set(dismissed.map((l) => l.id));
  return alerts.map((a) => {
    if (a.linkId === null) return false;
    if (a.rule === placeRule) return ids.has(a.linkId);
    const named = new Set(JSON.parse(a.entities) as string[]);
    const covered = new Set(dismissed.filter((l) => named.has(l.balkan) && named.has(l.latam)).flatMap((l) => [l.balkan, l.latam]));
    return covered.size > 0 && [...named].every((n) => covered.has(n));
  });
}
