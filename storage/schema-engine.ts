// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be
// created and applied with no downloaded binary and no network.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(val: unknown): void;
};

let bgPromise: Promise<Bg> | undefined;

async function loadBindings(): Promise<Bg> {
  const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bg;
  const pkgDir = dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')));
  const bytes = await readFile(join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

export interface OpenedEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every database connection it opened, releasing SQLite locks. */
  close(): Promise<void>;
}

/** Opens the schema engine on the SQLite file at `dbPath` (created if missing). */
export async function openSchemaEngine(
  dbPath: string,
  opts: { schema?: { path: string; content: string }; shadowDbPath?: string } = {},
): Promise<OpenedEngine> {
  const { schema, shadowDbPath } = opts;
  bgPromise ??= loadBindings();
  const bg = await bgPromise;
  const base = new PrismaBetterSqlite3({ url: dbPath }, { shadowDatabaseUrl: shadowDbPath ?? ':memory:' });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const c = await base.connect();
      opened.push(c);
      return c;
    },
    connectToShadowDb: async () => {
      const c = await base.connectToShadowDb();
      opened.push(c);
      return c;
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const datamodels: [string, string][] | undefined = schema ? [[schema.path, schema.content]] : undefined;
  const log = (msg: string) => {
    if (process.env.RUTA_DEBUG_ENGINE) process.stderr.write(`schema-engine: ${msg}\n`);
  };
  const engine = await bg.SchemaEngine.new({ datamodels }, log, factory);
  return {
    engine,
    async close() {
      engine.free();
      for (const c of opened.splice(0)) await c.dispose();
    },
  };
}
