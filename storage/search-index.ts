// Full-text search over articles: an SQLite FTS5 index kept in the same
// transaction as the article. Two columns: `exact` holds the text as written
// (case-insensitive, script- and diacritics-sensitive); `folded` holds it in
// one script without diacritics (extractors/text-normalize.ts fold), so a
// Serbian Cyrillic query finds Latin-script text and the reverse. The table is
// contentless (the text already lives in Article), and is created outside
// Prisma's migrations because Prisma cannot describe virtual tables.
import type BetterSqlite3 from 'better-sqlite3';
import { fold } from '../extractors/text-normalize.js';
import type { Db } from './db.js';
import type { Sql } from './raw-sql.js';
import { writeTx } from './raw-sql.js';

const CREATE = `CREATE VIRTUAL TABLE IF NOT EXISTS "ArticleSearch" USING fts5(exact, folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`;

/** Creates the index if missing and fills it from stored articles (first open after an upgrade). */
export function ensureSearchIndex(raw: BetterSqlite3.Database): number {
  const existed = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'ArticleSearch'").get();
  raw.exec(CREATE);
  if (existed) return 0;
  const page = raw.prepare('SELECT "id", "title", "text" FROM "Article" WHERE "id" > ? ORDER BY "id" LIMIT 500');
  const insert = raw.prepare('INSERT INTO "ArticleSearch" ("rowid", "exact", "folded") VALUES (?, ?, ?)');
  let n = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { id: number; title: string; text: string }[];
    if (!rows.length) return n;
    raw.transaction(() => {
      for (const r of rows) {
        const doc = `${r.title}\n${r.text}`;
        insert.run(r.id, doc, fold(doc));
      }
    })();
    n += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/** Indexes (or re-indexes) one article, inside the caller's transaction. */
export function indexArticle(sql: Sql, articleId: number, title: string, text: string): void {
  const doc = `${title}\n${text}`;
  sql.run('DELETE FROM "ArticleSearch" WHERE "rowid" = ?', articleId);
  sql.run('INSERT INTO "ArticleSearch" ("rowid", "exact", "folded") VALUES (?, ?, ?)', articleId, doc, fold(doc));
}

/** An FTS5 query from what a person typed: words as quoted terms (AND), "quoted phrases" kept, a trailing * as a prefix. */
export function ftsQuery(input: string, acrossScripts: boolean): string | null {
  const norm = (s: string) => (acrossScripts ? fold(s) : s);
  const parts: string[] = [];
  for (const m of input.matchAll(/"([^"]+)"|(\S+)/g)) {
    const raw = (m[1] ?? m[2] ?? '').trim();
    const prefix = !m[1] && raw.endsWith('*');
    const words = norm(raw.replace(/\*$/, '')).match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    parts.push(`"${words.join(' ')}"${prefix ? '*' : ''}`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

export interface SearchHit {
  id: number;
  title: string;
  url: string;
  lang: string;
  script: string;
  published: Date | null;
  snippet: string;
}

/** Articles matching the query, best first. */
export async function searchArticles(db: Db, input: string, opts: { acrossScripts?: boolean; limit?: number } = {}): Promise<SearchHit[]> {
  const across = opts.acrossScripts ?? true;
  const q = ftsQuery(input, across);
  if (!q) return [];
  const column = across ? 'folded' : 'exact';
  return writeTx(db, (sql) => {
    const rows = sql.all<{ id: number; title: string; url: string; lang: string; script: string; published: string | null; text: string }>(
      `SELECT a."id", a."title", a."url", a."lang", a."script", a."published", a."text" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."rowid"
       WHERE "ArticleSearch" MATCH ? ORDER BY bm25("ArticleSearch") LIMIT ?`,
      `${column} : (${q})`, opts.limit ?? 50,
    );
    const needles = [...input.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => fold(m[0]));
    return rows.map((r) => ({ id: r.id, title: r.title, url: r.url, lang: r.lang, script: r.script, published: r.published ? new Date(r.published) : null, snippet: snippetOf(r.text, needles) }));
  });
}

/** About 240 characters of the text around the first matching word (compared folded). */
function snippetOf(text: string, needles: string[]): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const hit = words.find((w) => needles.some((n) => fold(w[0]).startsWith(n)));
  const at = hit?.index ?? 0;
  const start = Math.max(0, at - 100);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 240).replace(/\s+/g, ' ').trim()}${start + 240 < text.length ? '…' : ''}`;
}
