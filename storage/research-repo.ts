// What researchers explore: the Balkan–Latin America link graph, its evidence,
// seizures over time, and the countries to filter by.
import type { Db } from './db.js';
import { sqlDate, writeTx, type Sql } from './raw-sql.js';

export interface GraphFilter {
  from?: Date;
  to?: Date;
  /** Only evidence from articles that name this country (an Entity of type country)… */
  country?: string;
  /** …or one of these ports or cities (the country's, as the gazetteer has them: Guayaquil for Ecuador). */
  places?: string[];
  /** Analysts' verdict: by default every link but those dismissed; 'all' includes them. */
  review?: 'confirmed' | 'dismissed' | 'all';
}

/** The graph's verdict choices, as the filter's "review" takes them. */
export const GRAPH_REVIEWS = ['confirmed', 'dismissed', 'all'] as const;

export interface GraphLink {
  id: number;
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  evidence: number;
  firstSeen: Date;
  lastSeen: Date;
  /** open | confirmed | dismissed: the analysts' latest verdict. */
  review: string;
}

/** The evidence a filter admits: articles of a period that name a country (or one of its places), of links with a verdict. */
function graphWhere(f: GraphFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) where.push('COALESCE(a."published", a."createdAt") >= ?'), params.push(sqlDate(f.from));
  if (f.to) where.push('COALESCE(a."published", a."createdAt") < ?'), params.push(sqlDate(f.to));
  if (f.country) {
    const places = (f.places ?? []).slice(0, 500);
    const inPlaces = places.length ? ` OR (en."type" IN ('port', 'city') AND en."canonical" IN (${places.map(() => '?').join(', ')}))` : '';
    where.push(`EXISTS (SELECT 1 FROM "Mention" m JOIN "Entity" en ON en."id" = m."entityId" WHERE m."articleId" = a."id" AND ((en."type" = 'country' AND en."canonical" = ?)${inPlaces}))`);
    params.push(f.country, ...places);
  }
  if (f.review === 'confirmed' || f.review === 'dismissed') where.push('l."review" = ?'), params.push(f.review);
  else if (f.review !== 'all') where.push('l."review" <> \'dismissed\'');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** How many links the filter admits. */
export async function linkGraphCount(db: Db, f: GraphFilter = {}): Promise<number> {
  const w = graphWhere(f);
  return writeTx(db, (sql) =>
    Number(sql.all<{ n: number }>(`SELECT COUNT(DISTINCT e."linkId") AS "n" FROM "LinkEvidence" e JOIN "Link" l ON l."id" = e."linkId" JOIN "Article" a ON a."id" = e."articleId" ${w.sql}`, ...w.params)[0]?.n ?? 0),
  );
}

/**
 * Links with their evidence counted over the filter (articles dated by publication, else by when Ruta
 * stored them), best evidenced first: `limit` of them (default 500, for a page), or all with null (exports).
 */
export async function linkGraph(db: Db, f: GraphFilter = {}, opts: { limit?: number | null } = {}): Promise<GraphLink[]> {
  const w = graphWhere(f);
  const limit = opts.limit === undefined ? 500 : opts.limit;
  return writeTx(db, (sql) => {
    const rows = sql.all<{ id: number; balkan: string; balkanType: string; latam: string; latamType: string; review: string; evidence: number; firstSeen: string; lastSeen: string }>(
      `SELECT l."id", l."balkan", l."balkanType", l."latam", l."latamType", l."review", count(*) AS "evidence",
              MIN(COALESCE(a."published", a."createdAt")) AS "firstSeen", MAX(COALESCE(a."published", a."createdAt")) AS "lastSeen"
       FROM "Link" l JOIN "LinkEvidence" e ON e."linkId" = l."id" JOIN "Article" a ON a."id" = e."articleId"
       ${w.sql}
       GROUP BY l."id" ORDER BY "evidence" DESC, l."id"${limit === null ? '' : ' LIMIT ?'}`,
      ...w.params, ...(limit === null ? [] : [limit]),
    );
    return rows.map((r) => ({ ...r, firstSeen: new Date(r.firstSeen), lastSeen: new Date(r.lastSeen) }));
  });
}

export async function linkWithEvidence(db: Db, id: number) {
  return db.link.findUnique({
    where: { id },
    include: { evidence: { orderBy: { id: 'asc' }, include: { article: { select: { id: true, title: true, url: true, lang: true, published: true, createdAt: true, storyId: true } } } } },
  });
}

/** The other links of a link's two sides: what else the Balkan side reaches, and who else reaches the Latin American side. */
export async function neighbourLinks(db: Db, link: { id: number; balkan: string; latam: string }) {
  const select = { id: true, balkan: true, latam: true, articleCount: true, lastSeen: true, review: true } as const;
  const [ofBalkan, ofLatam] = await Promise.all([
    db.link.findMany({ where: { balkan: link.balkan, id: { not: link.id } }, orderBy: [{ articleCount: 'desc' }, { id: 'asc' }], take: 50, select }),
    db.link.findMany({ where: { latam: link.latam, id: { not: link.id } }, orderBy: [{ articleCount: 'desc' }, { id: 'asc' }], take: 50, select }),
  ]);
  return { ofBalkan, ofLatam };
}

export async function countries(db: Db): Promise<string[]> {
  const rows = await db.entity.findMany({ where: { type: 'country' }, orderBy: { canonical: 'asc' }, select: { canonical: true } });
  return rows.map((r) => r.canonical);
}

/** One seizure as reported: its story (else its article) and its size. Ten outlets reporting one seizure share it. */
export const seizureReportKey = (z: { kg: number; article: { id: number; storyId: number | null } }) =>
  `${z.article.storyId ?? `article-${z.article.id}`}:${Math.round(z.kg)}`;

export interface SeizurePoint {
  id: number;
  kg: number;
  drug: string;
  text: string;
  start: number;
  /** The article's date (published, else when Ruta found it): the chart's axis. */
  date: Date;
  /** Where and when the seizure's sentence says it happened, if it does. */
  place: string | null;
  stated: string | null;
  article: { id: number; title: string; url: string; lang: string; storyId: number | null };
}

/** Seizures in the period, one per story and size (ten outlets, one seizure), oldest first. */
export async function seizureTimeline(db: Db, f: { from?: Date; to?: Date } = {}): Promise<SeizurePoint[]> {
  const rows = await db.seizure.findMany({
    orderBy: { id: 'asc' },
    include: { article: { select: { id: true, title: true, url: true, lang: true, storyId: true, published: true, createdAt: true } } },
  });
  const seen = new Set<string>();
  const out: SeizurePoint[] = [];
  for (const z of rows) {
    const date = z.article.published ?? z.article.createdAt;
    if ((f.from && date < f.from) || (f.to && date >= f.to)) continue;
    const k = seizureReportKey(z);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ id: z.id, kg: z.kg, drug: z.drug, text: z.text, start: z.start, date, place: z.place, stated: z.date, article: z.article });
  }
  return out.sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** The texts of some articles, for evidence sentences. */
export async function articleTexts(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } });
  return new Map(rows.map((r) => [r.id, r.text]));
}

export interface EntityArticles {
  type: string;
  canonical: string;
  side: string;
  /** How many articles name it. */
  articles: number;
  /** The most recent of them. */
  recent: { id: number; title: string; url: string; lang: string; published: Date | null }[];
}

/** How many articles name an entity. */
const articleCount = (sql: Sql, entityId: number) => Number(sql.get<{ n: number }>('SELECT COUNT(DISTINCT "articleId") AS "n" FROM "Mention" WHERE "entityId" = ?', entityId)?.n ?? 0);

/** The most recent articles that name an entity. */
function recentNaming(sql: Sql, entityId: number, limit: number): EntityArticles['recent'] {
  return sql
    .all<{ id: number; title: string; url: string; lang: string; published: string | null }>(
      `SELECT a."id", a."title", a."url", a."lang", a."published" FROM "Article" a
       WHERE a."id" IN (SELECT "articleId" FROM "Mention" WHERE "entityId" = ?) ORDER BY COALESCE(a."published", a."createdAt") DESC, a."id" DESC LIMIT ?`,
      entityId, limit,
    )
    .map((r) => ({ ...r, published: r.published ? new Date(r.published) : null }));
}

/** Of the entities given, those stored articles name: how many articles name each, and the `limit` most recent. */
export async function articlesNaming(db: Db, entities: { type: string; canonical: string }[], limit = 10): Promise<EntityArticles[]> {
  if (!entities.length) return [];
  return writeTx(db, (sql) => {
    const out: EntityArticles[] = [];
    for (const e of entities.slice(0, 20)) {
      const row = sql.get<{ id: number; side: string }>('SELECT "id", "side" FROM "Entity" WHERE "type" = ? AND "canonical" = ?', e.type, e.canonical);
      if (!row) continue;
      const n = articleCount(sql, row.id);
      if (n) out.push({ ...e, side: row.side, articles: n, recent: recentNaming(sql, row.id, limit) });
    }
    return out.sort((a, b) => b.articles - a.articles);
  });
}

export interface EntityProfile {
  type: string;
  canonical: string;
  side: string;
  articles: number;
  /** How the articles write it, most frequent first: "Kavačkog klana", "кавачки клан", "clan Kavač". */
  forms: { text: string; count: number }[];
  /** Its Balkan–Latin America links, best evidenced first. */
  links: { id: number; balkan: string; latam: string; articleCount: number; lastSeen: Date; review: string }[];
  recent: EntityArticles['recent'];
  /** Who and what the same articles name most (not nationalities): people, groups, ports, places, agencies, by articles shared (among its latest CO_NAMED_ARTICLES). */
  coNamed: { type: string; canonical: string; articles: number }[];
  /** Articles naming it per month ("2024-03"), copies left out, by publication date (else when stored). */
  byMonth: Map<string, number>;
}

/** Co-named entities are counted over this many of the entity's latest articles, so the page stays fast for the most named. */
export const CO_NAMED_ARTICLES = 2000;

/** What the stored articles say of one entity: how often and how they name it, its links, the latest articles. */
export async function entityProfile(db: Db, type: string, canonical: string, limit = 30): Promise<EntityProfile | null> {
  return writeTx(db, (sql) => {
    const e = sql.get<{ id: number; side: string }>('SELECT "id", "side" FROM "Entity" WHERE "type" = ? AND "canonical" = ?', type, canonical);
    if (!e) return null;
    const articles = articleCount(sql, e.id);
    const forms = sql.all<{ text: string; count: number }>('SELECT "text", COUNT(*) AS "count" FROM "Mention" WHERE "entityId" = ? GROUP BY "text" ORDER BY "count" DESC, "text" LIMIT 30', e.id);
    const links = sql.all<{ id: number; balkan: string; latam: string; articleCount: number; lastSeen: string; review: string }>(
      'SELECT "id", "balkan", "latam", "articleCount", "lastSeen", "review" FROM "Link" WHERE ("balkan" = ? AND "balkanType" = ?) OR ("latam" = ? AND "latamType" = ?) ORDER BY "articleCount" DESC, "lastSeen" DESC LIMIT 100',
      canonical, type, canonical, type,
    );
    return {
      type, canonical, side: e.side, articles,
      forms: forms.map((f) => ({ text: f.text, count: Number(f.count) })),
      links: links.map((l) => ({ ...l, articleCount: Number(l.articleCount), lastSeen: new Date(l.lastSeen) })),
      recent: recentNaming(sql, e.id, limit),
      coNamed: sql
        .all<{ type: string; canonical: string; articles: number }>(
          `SELECT o."type", o."canonical", COUNT(DISTINCT m2."articleId") AS "articles"
           FROM (SELECT DISTINCT "articleId" FROM "Mention" WHERE "entityId" = ? ORDER BY "articleId" DESC LIMIT ${CO_NAMED_ARTICLES}) m1
           JOIN "Mention" m2 ON m2."articleId" = m1."articleId" JOIN "Entity" o ON o."id" = m2."entityId"
           WHERE o."id" <> ? AND o."type" <> 'nationality'
           GROUP BY o."id" ORDER BY "articles" DESC, o."canonical" LIMIT 40`,
          e.id, e.id,
        )
        .map((r) => ({ ...r, articles: Number(r.articles) })),
      byMonth: new Map(
        sql
          .all<{ month: string; n: number }>(
            `SELECT substr(COALESCE(a."published", a."createdAt"), 1, 7) AS "month", COUNT(*) AS "n"
             FROM (SELECT DISTINCT "articleId" FROM "Mention" WHERE "entityId" = ?) m JOIN "Article" a ON a."id" = m."articleId"
             WHERE a."duplicateOfId" IS NULL GROUP BY "month"`,
            e.id,
          )
          .map((r) => [r.month, Number(r.n)]),
      ),
    };
  });
}

/** An article's earlier versions, newest first (at most `limit`), each with the text it had. */
export function articleRevisions(db: Db, articleId: number, limit = 20) {
  return db.revision.findMany({ where: { articleId }, orderBy: { id: 'desc' }, take: limit, select: { id: true, title: true, text: true, fetchedAt: true, replacedAt: true } });
}

/** One stored article as Ruta keeps it: text, metadata, outlets, mentions, seizures, the links it reports, its alerts and story. */
export async function articleView(db: Db, id: number) {
  return db.article.findUnique({
    where: { id },
    select: {
      id: true, url: true, fetchedUrl: true, title: true, author: true, published: true, lang: true, script: true, text: true, fetchedAt: true, rendered: true, duplicateOfId: true,
      sources: { select: { source: { select: { name: true } } } },
      mentions: { orderBy: { start: 'asc' }, select: { start: true, end: true, entity: { select: { type: true, canonical: true } } } },
      seizures: { orderBy: { start: 'asc' }, select: { start: true, end: true, kg: true, drug: true, text: true, place: true, date: true } },
      evidence: { orderBy: { id: 'asc' }, select: { sentence: true, link: { select: { id: true, balkan: true, balkanType: true, latam: true, latamType: true, review: true } } } },
      alerts: { orderBy: { id: 'asc' }, select: { id: true, rule: true, severity: true, status: true } },
      story: { select: { id: true, headline: true, outletCount: true, articleCount: true } },
      _count: { select: { revisions: true } },
    },
  });
}
