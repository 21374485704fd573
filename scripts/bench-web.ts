// npm run bench:web — how fast the web app answers on a realistic database:
// the fixture newsroom scaled to N articles (default 5,000) is crawled through
// the full pipeline (alerts included), then an analyst's and a researcher's main
// pages are each requested 30 times over HTTP with a real session. Prints the
// median and 95th-percentile time per page. (The issue names no figure; this
// keeps "fast" measurable.)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSources } from '../crawlers/sources-file.js';
import { openDb } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { addUser } from '../storage/users-repo.js';
import { crawlOnce } from '../pipeline/crawl.js';
import { startServer } from '../web/server.js';

const N = Number(process.env.BENCH_ARTICLES ?? 5000);
const REPEAT = 30;
const root = join(import.meta.dirname, '..');
const child = fork(join(root, 'bin', 'tsx.js'), [join(root, 'tests/fixtures/newsroom/main.ts'), '0', String(N - 16), 'night-desk'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const ready = await new Promise<{ url: string; port: number; yaml: string; articles: number }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as never));
  child.once('exit', (code) => reject(new Error(`newsroom exited with ${code}`)));
});
process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${ready.port}`;
const dir = mkdtempSync(join(tmpdir(), 'ruta-bench-web-'));
const db = await openDb(join(dir, 'bench.db'));
await upsertSources(db, parseSources(ready.yaml, 'bench'));
const t0 = performance.now();
await crawlOnce(db, { hostDelayMs: 0, maxArticlesPerSource: 100_000 });
child.kill();
const [articles, alerts, links] = await Promise.all([db.article.count(), db.alert.count(), db.link.count()]);
console.log(`database: ${articles} articles, ${alerts} alerts, ${links} links (crawled in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);

const password = 'bench password 123';
// An admin sees every page: the analysts', the researchers' and the editors'.
await addUser(db, { email: 'admin@bench.test', role: 'admin', password });
const server = await startServer(db, { port: 0 });
const base = `http://127.0.0.1:${server.port}`;
const login = await fetch(`${base}/login`, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
  body: new URLSearchParams({ email: 'admin@bench.test', password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
if (!cookie.startsWith('ruta_session=')) throw new Error(`login failed: ${login.status}`);
const alertId = (await db.alert.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 1;
const link = (await db.link.findFirst({ orderBy: { articleCount: 'desc' } }))?.id ?? 1;
const story = (await db.story.findFirst({ orderBy: [{ articleCount: 'desc' }, { id: 'asc' }] }))?.id ?? 1;
const pages = ['/triage', '/sources', '/week', `/alerts/${alertId}`, '/graph', `/links/${link}`, '/stories', '/stories?about=links&lang=sr', `/stories/${story}`, '/seizures', '/search?q=Kavač&across=1', '/search?q=кокаин&across=1', '/entities/criminal_group/Kava%C4%8D%20clan', '/export/links.gexf'];
console.log(`\npage                              median    p95   (${REPEAT} requests each)`);
const rows: string[] = [];
for (const path of pages) {
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const s = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  rows.push(`${path.padEnd(32)} ${ms[Math.floor(REPEAT / 2)]!.toFixed(1).padStart(7)} ms ${ms[Math.floor(REPEAT * 0.95)]!.toFixed(1).padStart(7)} ms`);
  console.log(rows[rows.length - 1]);
}
await server.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
