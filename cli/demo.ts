// `ruta demo`: starts the fixture newsroom, crawls it once into a fresh demo
// database, and prints what Ruta found.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSources } from '../crawlers/sources-file.js';
import { openDb } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { crawlOnce } from '../pipeline/crawl.js';
import { startNewsroom } from '../tests/fixtures/newsroom/server.js';
import { alertsList, articlesList, linksList } from './commands.js';
import { out, progress } from './output.js';

export async function demo(): Promise<void> {
  const newsroom = await startNewsroom();
  const path = resolve(process.env.RUTA_DEMO_DB ?? './data/demo.db');
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  const allow = `127.0.0.1:${newsroom.port}`;
  process.env.RUTA_ALLOW_HOSTS = process.env.RUTA_ALLOW_HOSTS ? `${process.env.RUTA_ALLOW_HOSTS},${allow}` : allow;
  progress(`fixture newsroom on ${newsroom.url} (${newsroom.outlets.length} outlets); demo database ${path}`);
  const db = await openDb(path);
  try {
    await upsertSources(db, parseSources(newsroom.sourcesYaml(), 'fixture newsroom'));
    await crawlOnce(db, { log: progress, hostDelayMs: 0 });
    out('\n== Articles');
    await articlesList(db, { json: false });
    out('\n== Balkan–Latin America links');
    await linksList(db, false);
    out('\n== Alerts');
    await alertsList(db, false);
    out(`\nInspect further with: RUTA_DB=${path} npx ruta articles list`);
  } finally {
    await db.$disconnect();
    await newsroom.close();
  }
}
