// `ruta run` as people run it: a real process on the schedule, stopped by SIGTERM.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startNewsroom, type Newsroom } from './fixtures/newsroom/server.js';
import { ROOT, ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

let nr: Newsroom;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  nr = await startNewsroom();
  tmp = tempDir();
});
afterAll(async () => {
  await nr.close();
  tmp.cleanup();
});

it('crawls each source on its cron schedule and stops cleanly on SIGTERM', async () => {
  const env = { ...process.env, RUTA_DB: join(tmp.dir, 'run.db'), RUTA_ALLOW_HOSTS: `127.0.0.1:${nr.port}`, RUTA_HOST_DELAY_MS: '0', RUTA_SCHEDULE_JITTER_MS: '0', RUTA_PORT: '0' };
  const yaml = nr.sourcesYaml({ only: ['el-litoral', 'novi-glas'] }).replace(/schedule: "[^"]*"/g, 'schedule: "*/2 * * * * *"');
  const file = join(tmp.dir, 'sources.yaml');
  writeFileSync(file, yaml);
  // Only the newsroom sources: init with them as the catalog.
  const init = await ruta(['init', '--sources', file], env as Record<string, string>);
  expect(init.code, init.stderr).toBe(0);
  // A fetch a year old: housekeeping removes it when the run starts.
  const seed = new Database(env.RUTA_DB);
  seed.prepare('INSERT INTO "FetchLog" ("url", "purpose", "ok", "at") VALUES (?, ?, ?, ?)').run('https://old.example/feed', 'feed', 1, new Date(Date.now() - 365 * 86_400_000).toISOString().replace('Z', '+00:00'));
  seed.close();

  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ruta.js'), 'run'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const expected = nr.outlets.filter((o) => ['el-litoral', 'novi-glas'].includes(o.id)).reduce((n, o) => n + o.articles.length, 0);
  const count = () => {
    const db = new Database(env.RUTA_DB, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) n FROM Article').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !/run finished/.test(stderr)) await new Promise((r) => setTimeout(r, 200));
  while (Date.now() < deadline && count() < expected) await new Promise((r) => setTimeout(r, 200));
  expect(count()).toBe(expected);
  // The web app runs alongside.
  const web = stderr.match(/web app on (http:\/\/127\.0\.0\.1:\d+)/);
  expect(web, stderr).not.toBeNull();
  expect((await fetch(`${web![1]}/login`)).status).toBe(200);
  // Let a few more runs fire: the second and later runs fetch conditionally and store nothing new.
  await new Promise((r) => setTimeout(r, 2500));
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('close', r));
  expect(code, stderr).toBe(0);
  expect(stderr).toMatch(/scheduler: 2 source\(s\) scheduled/);
  expect(stderr).toMatch(/SIGTERM: finishing in-flight work/);
  expect(stderr).toMatch(/stopped/);
  expect(stderr).toMatch(/housekeeping: deleted 1 fetch log row\(s\) older than 90 days/);
  const left = new Database(env.RUTA_DB, { readonly: true });
  expect(left.prepare('SELECT count(*) n FROM FetchLog WHERE url = ?').get('https://old.example/feed')).toEqual({ n: 0 });
  left.close();
  expect(count()).toBe(expected);
  expect(nr.requests.filter((q) => q.status === 304).length).toBeGreaterThan(0);
});
