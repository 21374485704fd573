// Re-analysis of stored articles: after an upgrade of Ruta or an edit of the
// gazetteer, an article's entities, seizures, links and language are replaced
// by what analysis finds now. A pair no longer found loses this article's
// evidence (and the link goes when no article is left); a pair found anew is
// added, and by default journalled so the alert rules see it once.
import type { Db } from './db.js';
import { fromSqlDate, sqlDate, writeTx } from './raw-sql.js';
import { pairKey, writeAnalysis, type StoredAnalysis } from './articles-repo.js';

export interface StoredArticle {
  id: number;
  title: string;
  text: string;
  /** The language and country of the source that first brought it: the priors the crawl used. */
  sourceLanguage: string | null;
  sourceCountry: string | null;
  /** When it was published, else when it was fetched: what the crawl dated it by. */
  published: Date | null;
}

type Selection = { sourceId?: string; since?: Date };

/** The articles a selection takes: one source's, fetched since a date, or all; with its parameters. */
function selection(opts: Selection): [string, unknown[]] {
  const since = sqlDate(opts.since);
  const source = opts.sourceId ?? null;
  return [
    '(? IS NULL OR EXISTS (SELECT 1 FROM "ArticleSource" x WHERE x."articleId" = a."id" AND x."sourceId" = ?)) AND (? IS NULL OR a."fetchedAt" >= ?)',
    [source, source, since, since],
  ];
}

/** Articles in id order, a page at a time, with the language and country of the source that first brought each. */
export async function* articlesToReanalyze(db: Db, opts: Selection = {}, pageSize = 200): AsyncGenerator<StoredArticle> {
  const [where, params] = selection(opts);
  let after = 0;
  for (;;) {
    const page = await writeTx(db, (sql) =>
      sql.all<{ id: number; title: string; text: string; language: string | null; country: string | null; published: string | null }>(
        `SELECT a."id", a."title", a."text", s."language", s."country", COALESCE(a."published", a."fetchedAt") AS "published"
         FROM "Article" a
         LEFT JOIN "Source" s ON s."id" = (SELECT x."sourceId" FROM "ArticleSource" x WHERE x."articleId" = a."id" ORDER BY x."firstSeen", x."sourceId" LIMIT 1)
         WHERE a."id" > ? AND ${where}
         ORDER BY a."id" LIMIT ?`,
        after, ...params, pageSize,
      ),
    );
    if (!page.length) return;
    for (const r of page) yield { id: r.id, title: r.title, text: r.text, sourceLanguage: r.language, sourceCountry: r.country, published: fromSqlDate(r.published) };
    after = page[page.length - 1]!.id;
  }
}

export function countArticlesToReanalyze(db: Db, opts: Selection = {}): Promise<number> {
  const [where, params] = selection(opts);
  return writeTx(db, (sql) => sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Article" a WHERE ${where}`, ...params)!.n);
}

export interface ReanalysisResult {
  changed: boolean;
  added: { balkan: string; latam: string }[];
  removed: { balkan: string; latam: string }[];
}

const mentionKey = (m: { type: string; canonical: string; start: number; end: number }) => `${m.type}:${m.canonical}:${m.start}:${m.end}`;
const seizureKey = (z: { drug: string; kg: number; start: number; end: number; place?: string | null; date?: string | null }) =>
  `${z.drug}:${z.kg}:${z.start}:${z.end}:${z.place ?? ''}:${z.date ?? ''}`;

/**
 * Replaces an article's analysis with `a` in one transaction, unless nothing changed. With `dryRun`
 * it only tells what would change. With `journal` (the default) the change is journalled as a
 * revision, so alert rules read it after their watermarks; their keys keep alerts from repeating.
 */
export function applyReanalysis(db: Db, articleId: number, a: StoredAnalysis, opts: { dryRun?: boolean; journal?: boolean } = {}): Promise<ReanalysisResult> {
  return writeTx(db, (sql): ReanalysisResult => {
    const article = sql.get<{ lang: string; script: string }>('SELECT "lang", "script" FROM "Article" WHERE "id" = ?', articleId);
    if (!article) return { changed: false, added: [], removed: [] };
    const mentions = sql
      .all<{ type: string; canonical: string; start: number; end: number }>('SELECT e."type", e."canonical", m."start", m."end" FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId" WHERE m."articleId" = ?', articleId)
      .map(mentionKey)
      .sort();
    const seizures = sql
      .all<{ drug: string; kg: number; start: number; end: number; place: string | null; date: string | null }>('SELECT "drug", "kg", "start", "end", "place", "date" FROM "Seizure" WHERE "articleId" = ?', articleId)
      .map(seizureKey)
      .sort();
    const had = sql.all<{ id: number; balkan: string; latam: string }>('SELECT l."id", l."balkan", l."latam" FROM "LinkEvidence" e JOIN "Link" l ON l."id" = e."linkId" WHERE e."articleId" = ?', articleId);
    const now = new Set(a.links.map(pairKey));
    const hadKeys = new Set(had.map(pairKey));
    const removed = had.filter((l) => !now.has(pairKey(l)));
    const added = [...new Map(a.links.filter((l) => !hadKeys.has(pairKey(l))).map((l) => [pairKey(l), l])).values()];
    const same =
      article.lang === a.lang && article.script === a.script && !removed.length && !added.length &&
      mentions.join('\n') === a.entities.map(mentionKey).sort().join('\n') &&
      seizures.join('\n') === a.seizures.map(seizureKey).sort().join('\n');
    const result = { changed: !same, added: added.map(({ balkan, latam }) => ({ balkan, latam })), removed: removed.map(({ balkan, latam }) => ({ balkan, latam })) };
    if (same || opts.dryRun) return result;
    sql.run('UPDATE "Article" SET "lang" = ?, "script" = ?, "langConfidence" = ?, "updatedAt" = ? WHERE "id" = ?', a.lang, a.script, a.langConfidence, sqlDate(new Date()), articleId);
    sql.run('DELETE FROM "Mention" WHERE "articleId" = ?', articleId);
    sql.run('DELETE FROM "Seizure" WHERE "articleId" = ?', articleId);
    for (const l of removed) {
      sql.run('DELETE FROM "LinkEvidence" WHERE "linkId" = ? AND "articleId" = ?', l.id, articleId);
      sql.run('UPDATE "Link" SET "articleCount" = "articleCount" - 1 WHERE "id" = ?', l.id);
      // A link no article reports any more goes, with the rule memory about it; its alerts stay, unlinked.
      if (!sql.get('SELECT 1 FROM "LinkEvidence" WHERE "linkId" = ? LIMIT 1', l.id)) {
        sql.run('DELETE FROM "LinkPlace" WHERE "linkId" = ?', l.id);
        sql.run('DELETE FROM "Link" WHERE "id" = ?', l.id);
      }
    }
    writeAnalysis(sql, articleId, { entities: a.entities, seizures: a.seizures, links: added }, opts.journal === false ? null : 'revised');
    return result;
  });
}

