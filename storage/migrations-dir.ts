// Reads storage/migrations in Prisma's folder format:
//   storage/migrations/migration_lock.toml
//   storage/migrations/<timestamp>_<name>/migration.sql
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
export const schemaPath = join(dirname(fileURLToPath(import.meta.url)), 'schema.prisma');

export function migrationNames(dir = migrationsDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

export function readMigrationList(dir = migrationsDir): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: migrationNames(dir).map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}
