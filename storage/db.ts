// Opens Ruta's database: applies pending migrations, then returns a Prisma
// client on SQLite through better-sqlite3.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.js';
import { migrate } from './migrate.js';
import { registerRaw } from './raw-sql.js';
import { ensureSearchIndex } from './search-index.js';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export type Db = PrismaClient;
export { PrismaClient };

/** The database path: RUTA_DB, or ./data/ruta.db. */
export function dbPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.RUTA_DB && env.RUTA_DB.trim() ? env.RUTA_DB.replace(/^file:/, '') : './data/ruta.db');
}

const prepared = new Set<string>();

/** Creates the file if needed, sets WAL mode and applies migrations (once per process per path). */
export async function prepareDatabase(path: string): Promise<string[]> {
  if (prepared.has(path)) return [];
  mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  try {
    raw.pragma('journal_mode = WAL');
  } finally {
    raw.close();
  }
  const applied = await migrate(path);
  prepared.add(path);
  return applied;
}

export async function openDb(path = dbPath()): Promise<Db> {
  await prepareDatabase(path);
  const factory = new PrismaBetterSqlite3({ url: path, timeout: 15_000 });
  // Keep hold of the connection Prisma opens, for storage/raw-sql.ts.
  let raw: Database.Database | undefined;
  let client: PrismaClient | undefined;
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const conn = await factory.connect();
      raw = (conn as unknown as { client: Database.Database }).client;
      raw.pragma('synchronous = NORMAL'); // WAL + NORMAL: a process crash loses nothing committed
      if (client) registerRaw(client, raw);
      return conn;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  // SQLite serialises writers; a transaction may wait for another process's.
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 30_000, timeout: 120_000 } });
  client = db;
  await db.$connect();
  if (!raw) throw new Error(`could not open ${path}`);
  registerRaw(db, raw);
  ensureSearchIndex(raw);
  return db;
}
