// Crash safety: the crawler process is SIGKILLed mid-crawl several times and
// restarted. Afterwards every article is stored exactly once and none is missing.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNewsroom, type Newsroom } from './fixtures/newsroom/server.js';
import { jsonLines, ROOT, ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

let nr: Newsroom;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  nr = await startNewsroom({ extraArticles: 400, exclude: ['night-desk'] });
  tmp = tempDir();
});
afterAll(async () => {
  await nr.close();
  tmp.cleanup();
});

function countArticles(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) n FROM Article').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or the schema is not there yet
  }
}

it('SIGKILL mid-crawl, four times, then a clean run: every article exactly once', async () => {
  const dbPath = join(tmp.dir, 'crash.db');
  const env = { ...process.env, RUTA_DB: dbPath, RUTA_ALLOW_HOSTS: `127.0.0.1:${nr.port}`, RUTA_HOST_DELAY_MS: '0' };
  const file = join(tmp.dir, 'sources.yaml');
  writeFileSync(file, nr.sourcesYaml());
  expect((await ruta(['init', '--sources', file], env as Record<string, string>)).code).toBe(0);
  const total = nr.articleUrls().length;

  const kills: number[] = [];
  for (const fraction of [0.15, 0.35, 0.55, 0.75]) {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ruta.js'), 'crawl', '--once'], { cwd: ROOT, env, stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const target = Math.floor(total * fraction);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && countArticles(dbPath) < target && child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await exited;
    kills.push(countArticles(dbPath));
  }
  // Each kill landed mid-crawl: some articles stored, not all.
  for (const k of kills) {
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(total);
  }

  const final = await ruta(['crawl', '--once'], env as Record<string, string>);
  expect(final.code, final.stderr).toBe(0);
  expect(final.stderr).toMatch(/reclaimed \d+ URL\(s\) left in flight|crawl finished/);

  const exported = jsonLines((await ruta(['articles', 'export', '--format', 'jsonl'], env as Record<string, string>)).stdout);
  const urls = exported.map((a) => a.url as string);
  expect(new Set(urls).size).toBe(urls.length);
  expect(urls.length).toBe(total);
  for (const { url } of nr.articleUrls()) expect(urls).toContain(url);

  const db = new Database(dbPath, { readonly: true });
  expect((db.prepare("SELECT count(*) n FROM FrontierUrl WHERE state <> 'done'").get() as { n: number }).n).toBe(0);
  // The change journal alert rules read: every article entered once as new, written with it.
  expect(db.prepare("SELECT articleId, count(*) n FROM ArticleChange WHERE kind = 'new' GROUP BY articleId HAVING n > 1").all()).toEqual([]);
  expect((db.prepare("SELECT count(DISTINCT articleId) n FROM ArticleChange WHERE kind = 'new'").get() as { n: number }).n).toBe((db.prepare('SELECT count(*) n FROM Article').get() as { n: number }).n);
  // Alerts: one per rule, article and set of entities, never two.
  const dupAlerts = db.prepare('SELECT rule, articleId, entities, count(*) n FROM Alert GROUP BY rule, articleId, entities HAVING n > 1').all();
  expect(dupAlerts).toEqual([]);
  db.close();
}, 180_000);
