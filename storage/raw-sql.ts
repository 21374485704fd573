// The crawler's hottest writes (storing an article with its analysis, the
// fetch log, claiming frontier rows) run as synchronous SQLite transactions on
// the very connection Prisma uses, with cached prepared statements: a few
// microseconds a statement instead of the ORM's half millisecond. Sharing the
// connection means no lock contention with Prisma; a write waits while a
// Prisma interactive transaction is open, then runs without yielding.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

const handles = new WeakMap<object, { raw: Database; statements: Map<string, Statement> }>();

export function registerRaw(db: Db, raw: Database): void {
  handles.set(db, { raw, statements: new Map() });
}

function handle(db: Db) {
  const h = handles.get(db);
  if (!h) throw new Error('no raw SQLite handle for this client; open it with storage/db.ts openDb()');
  return h;
}

export interface Sql {
  /** One object per database connection, for caches that must not be shared between databases. */
  scope: object;
  run(sql: string, ...params: unknown[]): BetterSqlite3.RunResult;
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T | undefined;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

function sqlApi(db: Db): Sql {
  const h = handle(db);
  const prep = (sql: string) => {
    let s = h.statements.get(sql);
    if (!s) {
      s = h.raw.prepare(sql);
      h.statements.set(sql, s);
    }
    return s;
  };
  const norm = (row: unknown) => {
    if (!row || typeof row !== 'object') return row;
    const o = row as Record<string, unknown>;
    for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
    return o;
  };
  return {
    scope: h,
    run: (sql, ...params) => prep(sql).run(...params),
    get: <T>(sql: string, ...params: unknown[]) => norm(prep(sql).get(...params)) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => prep(sql).all(...params).map(norm) as T[],
  };
}

/** Runs `fn` in one synchronous transaction on Prisma's connection, after any open Prisma transaction ends. */
export async function writeTx<T>(db: Db, fn: (sql: Sql) => T): Promise<T> {
  const h = handle(db);
  while (h.raw.inTransaction) await new Promise((r) => setTimeout(r, 1));
  const api = sqlApi(db);
  return h.raw.transaction(() => fn(api))();
}

/** SQLite text form of a DateTime, as Prisma writes it. */
export function sqlDate(d: Date | null | undefined): string | null {
  return d ? d.toISOString().replace('Z', '+00:00') : null;
}

/** SQLite row values in, Date out. */
export function fromSqlDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = new Date(typeof v === 'number' ? v : String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
