// Full-text search over articles: an SQLite FTS5 index fed from the article
// change journal (ArticleChange) in batches, with its own watermark committed
// in the same transaction, so it misses nothing across a crash and keeps the
// crawler's per-article write small. Searches bring it up to date first. Two columns: `exact` holds the text as written
// (case-insensitive, script- and diacritics-sensitive); `folded` holds it in
// one script without diacritics (extractors/text-normalize.ts fold), so a
// Serbian Cyrillic query finds Latin-script text and the reverse. The table is
// contentless (the text already lives in Article), and is created outside
// Prisma's migrations because Prisma cannot describe virtual tables.
import type BetterSqlite3 from 'better-sqlite3';
import { fold } from '../extractors/text-normalize.js';
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

const CREATE = `CREATE VIRTUAL TABLE IF NOT EXISTS "ArticleSearch" USING fts5(exact, folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`;

const MARK = 'search-index';

/** Creates the index if missing (its watermark starts at 0, so the journal fills it). */
export function ensureSearchIndex(raw: BetterSqlite3.Database): void {
  if (raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'ArticleSearch'").get()) return;
  raw.exec(CREATE);
  raw.prepare('DELETE FROM "RuleWatermark" WHERE "rule" = ?').run(MARK);
}

/** Indexes articles written or revised since the index's watermark, 500 to a transaction. Returns how many. */
export async function updateSearchIndex(db: Db): Promise<number> {
  let n = 0;
  for (;;) {
    const done = await writeTx(db, (sql) => {
      const after = sql.get<{ lastId: number }>('SELECT "lastId" FROM "RuleWatermark" WHERE "rule" = ?', MARK)?.lastId ?? 0;
      const changes = sql.all<{ seq: number; articleId: number }>('SELECT "seq", "articleId" FROM "ArticleChange" WHERE "seq" > ? ORDER BY "seq" LIMIT 500', after);
      if (!changes.length) return -1;
      const ids = [...new Set(changes.map((c) => c.articleId))];
      for (const id of ids) {
        const a = sql.get<{ title: string; text: string }>('SELECT "title", "text" FROM "Article" WHERE "id" = ?', id);
        sql.run('DELETE FROM "ArticleSearch" WHERE "rowid" = ?', id);
        if (a) {
          const doc = `${a.title}\n${a.text}`;
          sql.run('INSERT INTO "ArticleSearch" ("rowid", "exact", "folded") VALUES (?, ?, ?)', id, doc, fold(doc));
        }
      }
      sql.run(
        'INSERT INTO "RuleWatermark" ("rule", "lastId", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("rule") DO UPDATE SET "lastId" = excluded."lastId", "updatedAt" = excluded."updatedAt"',
        MARK, changes[changes.length - 1]!.seq, sqlDate(new Date()),
      );
      return ids.length;
    });
    if (done < 0) return n;
    n += done;
  }
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

export interface SearchOptions {
  acrossScripts?: boolean;
  limit?: number;
  offset?: number;
  /** Only articles in this language. */
  lang?: string;
  /** Only articles published (else stored) on or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** Best match first (default), or newest first. */
  order?: 'relevance' | 'newest';
  /** Only articles Ruta stored after `storedAfter` and up to `storedUntil` (a saved search's digest period). */
  storedAfter?: Date;
  storedUntil?: Date;
  /** Leave out copies of other articles (their original is found already). */
  originalsOnly?: boolean;
}

/** A page of the articles matching the query, best first (`offset`, `limit`, default 50), and how many match in all. */
export async function searchPage(db: Db, input: string, opts: SearchOptions = {}): Promise<{ hits: SearchHit[]; total: number }> {
  const across = opts.acrossScripts ?? true;
  const q = ftsQuery(input, across);
  if (!q) return { hits: [], total: 0 };
  await updateSearchIndex(db);
  const column = across ? 'folded' : 'exact';
  const match = `${column} : (${q})`;
  const where = ['"ArticleSearch" MATCH ?'];
  const params: unknown[] = [match];
  if (opts.lang) where.push('a."lang" = ?'), params.push(opts.lang);
  if (opts.from) where.push('COALESCE(a."published", a."createdAt") >= ?'), params.push(sqlDate(opts.from));
  if (opts.to) where.push('COALESCE(a."published", a."createdAt") < ?'), params.push(sqlDate(opts.to));
  if (opts.storedAfter) where.push('a."createdAt" > ?'), params.push(sqlDate(opts.storedAfter));
  if (opts.storedUntil) where.push('a."createdAt" <= ?'), params.push(sqlDate(opts.storedUntil));
  if (opts.originalsOnly) where.push('a."duplicateOfId" IS NULL');
  const order = opts.order === 'newest' ? 'COALESCE(a."published", a."createdAt") DESC, a."id" DESC' : 'bm25("ArticleSearch")';
  return writeTx(db, (sql) => {
    const rows = sql.all<{ id: number; title: string; url: string; lang: string; script: string; published: string | null; text: string }>(
      `SELECT a."id", a."title", a."url", a."lang", a."script", a."published", a."text" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."rowid"
       WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...params, opts.limit ?? 50, opts.offset ?? 0,
    );
    const total = sql.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."rowid" WHERE ${where.join(' AND ')}`, ...params)[0]?.n ?? 0;
    const needles = [...input.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => fold(m[0]));
    const hits = rows.map((r) => ({ id: r.id, title: r.title, url: r.url, lang: r.lang, script: r.script, published: r.published ? new Date(r.published) : null, snippet: snippetOf(r.text, needles) }));
    return { hits, total: Number(total) };
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
