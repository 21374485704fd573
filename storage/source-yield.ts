// What each source brings that matters here: of the articles it delivered in
// a period, how many report a Balkan–Latin America link or a seizure, or
// raised an alert. Editors prune and add sources by it.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export interface SourceYield {
  /** Articles the source delivered (first seen through it) in the period. */
  articles: number;
  links: number;
  seizures: number;
  alerted: number;
  /** Articles with any of the three. */
  onTopic: number;
}

export const NO_YIELD: SourceYield = { articles: 0, links: 0, seizures: 0, alerted: 0, onTopic: 0 };

/** Per source id, its yield since `since`. */
export async function sourceYield(db: Db, since: Date): Promise<Map<string, SourceYield>> {
  return writeTx(db, (sql) => {
    // Evidence and seizures by their article index; alerts (no such index) as one set, those raised since.
    const rows = sql.all<{ sourceId: string; articles: number; links: number; seizures: number; alerted: number; onTopic: number }>(
      `WITH a AS (SELECT DISTINCT "articleId" FROM "Alert" WHERE "articleId" IS NOT NULL AND "createdAt" >= ?)
       SELECT "sourceId", COUNT(*) AS "articles", SUM("l") AS "links", SUM("z") AS "seizures", SUM("al") AS "alerted", SUM("l" OR "z" OR "al") AS "onTopic"
       FROM (SELECT s."sourceId",
                    EXISTS (SELECT 1 FROM "LinkEvidence" e WHERE e."articleId" = s."articleId") AS "l",
                    EXISTS (SELECT 1 FROM "Seizure" z WHERE z."articleId" = s."articleId") AS "z",
                    s."articleId" IN a AS "al"
             FROM "ArticleSource" s WHERE s."firstSeen" >= ?)
       GROUP BY "sourceId"`,
      sqlDate(since), sqlDate(since),
    );
    return new Map(rows.map((r) => [r.sourceId, { articles: Number(r.articles), links: Number(r.links), seizures: Number(r.seizures), alerted: Number(r.alerted), onTopic: Number(r.onTopic) }]));
  });
}
