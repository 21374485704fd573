// A short-lived worker thread that applies pending migrations with Prisma's
// schema engine (WebAssembly). When it exits, the engine's code and memory go
// with it instead of staying in a long-running crawler.
import { parentPort, workerData } from 'node:worker_threads';
import { applyPendingMigrations } from './migrate.js';

const { dbPath } = workerData as { dbPath: string };
try {
  parentPort!.postMessage({ applied: await applyPendingMigrations(dbPath) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
