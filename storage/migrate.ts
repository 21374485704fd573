// Applies pending migrations at startup. A cheap check against Prisma's
// _prisma_migrations table avoids loading the engine when nothing is pending.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { migrationNames, readMigrationList } from './migrations-dir.js';
import { openSchemaEngine } from './schema-engine.js';

export function pendingMigrations(dbPath: string): string[] {
  const all = migrationNames();
  let applied = new Set<string>();
  const db = new Database(dbPath);
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (table) {
      const rows = db
        .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .all() as { migration_name: string }[];
      applied = new Set(rows.map((r) => r.migration_name));
    }
  } finally {
    db.close();
  }
  return all.filter((n) => !applied.has(n));
}

/**
 * Creates the database file if needed and applies every pending migration.
 * Returns the names applied. The schema engine runs in a worker thread that
 * exits afterwards, so its ~20 MB do not stay in the process.
 */
export async function migrate(dbPath: string): Promise<string[]> {
  mkdirSync(dirname(dbPath), { recursive: true });
  if (pendingMigrations(dbPath).length === 0) return [];
  const worker = new Worker(new URL('./migrate-worker-boot.js', import.meta.url), { workerData: { dbPath } });
  const reply = await new Promise<{ applied?: string[]; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the migration worker stopped (exit ${code}) before it finished`)));
  }).finally(() => worker.terminate());
  if (reply.error !== undefined) throw new Error(reply.error);
  return reply.applied!;
}

/** Applies every pending migration in this thread (the migration worker's work). */
export async function applyPendingMigrations(dbPath: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(dbPath);
  try {
    const out = await engine.applyMigrations({
      migrationsList: readMigrationList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } catch (err) {
    throw new Error(`could not apply database migrations to ${dbPath}: ${describe(err)}`);
  } finally {
    await close();
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err && 'message' in err) return String((err as { message: unknown }).message);
  return JSON.stringify(err);
}
