// The researchers' week at a glance: what Ruta stored in the last days (as the
// digest counts it), and which people, groups and places the articles of those
// days (by publication date) name more than the days before.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export interface WeekCounts {
  articles: number;
  stories: number;
  newLinks: number;
  confirmedLinks: number;
  seizures: number;
  seizedKg: number;
}

export interface RisingName {
  type: string;
  canonical: string;
  side: string;
  /** Articles (not copies) naming it in the period, and in as long a period before. */
  now: number;
  before: number;
}

/** Kinds of names whose rise is news: parties and places of the trade, not countries or nationality words. */
const RISING_TYPES = ['person', 'criminal_group', 'port', 'city', 'company', 'vessel'];

const SEIZURES = 'SELECT DISTINCT COALESCE(a."storyId", -a."id") AS "report", z."kg" AS "kg" FROM "Seizure" z JOIN "Article" a ON a."id" = z."articleId" WHERE a."createdAt" > ? AND a."createdAt" <= ?';

/** What Ruta stored in the period: articles (not copies), their stories, new links, links confirmed, seizures. */
export async function weekCounts(db: Db, since: Date, until: Date): Promise<WeekCounts> {
  return writeTx(db, (sql) => {
    const lo = sqlDate(since);
    const hi = sqlDate(until);
    const one = (q: string, ...p: unknown[]) => Number(sql.get<{ n: number | null }>(q, ...p)?.n ?? 0);
    return {
      articles: one('SELECT COUNT(*) AS "n" FROM "Article" WHERE "createdAt" > ? AND "createdAt" <= ? AND "duplicateOfId" IS NULL', lo, hi),
      stories: one('SELECT COUNT(DISTINCT "storyId") AS "n" FROM "Article" WHERE "createdAt" > ? AND "createdAt" <= ?', lo, hi),
      newLinks: one('SELECT COUNT(*) AS "n" FROM "Link" WHERE "firstSeen" > ? AND "firstSeen" <= ? AND "review" <> \'dismissed\'', lo, hi),
      confirmedLinks: one('SELECT COUNT(DISTINCT r."balkan" || \'|\' || r."latam") AS "n" FROM "LinkReview" r JOIN "Link" l ON l."balkan" = r."balkan" AND l."latam" = r."latam" WHERE r."status" = \'confirmed\' AND l."review" = \'confirmed\' AND r."at" > ? AND r."at" <= ?', lo, hi),
      // One seizure however many articles of its story report it (by story and size, as the digest counts them).
      seizures: one(`SELECT COUNT(*) AS "n" FROM (${SEIZURES})`, lo, hi),
      seizedKg: one(`SELECT SUM("kg") AS "n" FROM (${SEIZURES})`, lo, hi),
    };
  });
}

/**
 * Names the period's articles (copies left out) name more than as long a period before: the most
 * risen first, named in `min` articles or more now.
 */
export async function risingNames(db: Db, since: Date, until: Date, limit = 15, min = 2): Promise<RisingName[]> {
  const span = until.getTime() - since.getTime();
  return writeTx(db, (sql) =>
    sql
      .all<RisingName>(
        `SELECT e."type", e."canonical", e."side",
                COUNT(DISTINCT CASE WHEN COALESCE(a."published", a."createdAt") > ? THEN a."id" END) AS "now",
                COUNT(DISTINCT CASE WHEN COALESCE(a."published", a."createdAt") <= ? THEN a."id" END) AS "before"
         FROM "Article" a JOIN "Mention" m ON m."articleId" = a."id" JOIN "Entity" e ON e."id" = m."entityId"
         WHERE COALESCE(a."published", a."createdAt") > ? AND COALESCE(a."published", a."createdAt") <= ? AND a."duplicateOfId" IS NULL AND e."type" IN (${RISING_TYPES.map(() => '?').join(', ')})
         GROUP BY e."id" HAVING "now" >= ? AND "now" > "before"
         ORDER BY ("now" - "before") DESC, "now" DESC, e."canonical" LIMIT ?`,
        sqlDate(since), sqlDate(since), sqlDate(new Date(since.getTime() - span)), sqlDate(until), ...RISING_TYPES, min, limit,
      )
      .map((r) => ({ ...r, now: Number(r.now), before: Number(r.before) })),
  );
}
