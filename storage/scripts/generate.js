#!/usr/bin/env node
// Generates the Prisma client into storage/generated without the network.
// `prisma generate` does not run the schema engine, but the CLI insists on
// locating one; a placeholder path satisfies it.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const placeholder = join(root, 'node_modules', '.cache', 'ruta', 'schema-engine-placeholder');
if (!existsSync(placeholder)) {
  mkdirSync(dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, '#!/bin/sh\necho "schema engine binary is not available offline; Ruta migrates through storage/migrate.ts" >&2\nexit 1\n', { mode: 0o755 });
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_GENERATE_SKIP_AUTOINSTALL: '1',
};
const prismaBin = join(root, 'node_modules', 'prisma', 'build', 'index.js');
const r = spawnSync(process.execPath, [prismaBin, 'generate', '--schema', 'storage/schema.prisma'], { cwd: root, env, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('ruta: prisma generate failed; see the output above');
  process.exit(r.status ?? 1);
}
