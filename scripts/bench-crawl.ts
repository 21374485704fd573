// npm run bench:crawl — the fixture newsroom scaled to 5,000 articles on
// loopback (in its own process), crawled (1) by bare fetch + cheerio parse and
// (2) through Ruta's full pipeline into a fresh SQLite file. Reports both rates,
// their ratio and peak RSS. Floors: pipeline ≥ 50% of the bare rate, peak RSS ≤ 500 MB.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { httpGet } from '../crawlers/http-fetch.js';
import { AllowList } from '../crawlers/ssrf.js';
import { parseSources } from '../crawlers/sources-file.js';
import { openDb } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { crawlOnce } from '../pipeline/crawl.js';

const N = Number(process.env.BENCH_ARTICLES ?? 5000);
const root = join(import.meta.dirname, '..');

interface Ready {
  url: string;
  port: number;
  yaml: string;
  articles: number;
}

const child = fork(join(root, 'bin', 'tsx.js'), [join(root, 'tests/fixtures/newsroom/main.ts'), '0', String(N - 16), 'night-desk'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const ready = await new Promise<Ready>((resolve, reject) => {
  child.once('message', (m) => resolve(m as Ready));
  child.once('exit', (code) => reject(new Error(`newsroom exited with ${code}`)));
});
const allow = new AllowList(`127.0.0.1:${ready.port}`);
process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${ready.port}`;
console.log(`newsroom: ${ready.articles} articles on ${ready.url} (separate process)`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

// 1. Bare: the article URLs (from the feeds), each fetched and parsed with cheerio, one at a time.
const sources = parseSources(ready.yaml, 'bench');
const urls: string[] = [];
for (const s of sources) {
  const res = await httpGet(s.url, { allow });
  const body = res.body.toString('latin1');
  for (const m of body.matchAll(/<(?:link|loc)>([^<]+)<\/(?:link|loc)>|<link rel="alternate" href="([^"]+)"/g)) {
    const u = (m[1] ?? m[2])!.replace(/&amp;/g, '&');
    if (/\.html/.test(u)) urls.push(u);
  }
}
const unique = [...new Set(urls.map((u) => u.split(/[?#]/)[0]!))];
// Warm the newsroom's page cache so neither measurement pays for the server's first render.
for (const u of unique) await httpGet(u, { allow });
let t0 = performance.now();
let parsedChars = 0;
for (const u of unique) {
  const res = await httpGet(u, { allow });
  parsedChars += cheerio.load(res.body.toString('utf8'))('body').text().length;
}
const bareSec = (performance.now() - t0) / 1000;
const bareRate = unique.length / bareSec;
console.log(`bare fetch + cheerio parse: ${unique.length} pages in ${bareSec.toFixed(1)} s = ${bareRate.toFixed(0)} pages/s (${(parsedChars / 1e6).toFixed(1)} M chars)`);

// 2. The full pipeline: discovery, frontier, extraction, language, entities, seizures, links, dedupe, storage, alerts.
const dir = mkdtempSync(join(tmpdir(), 'ruta-bench-'));
const db = await openDb(join(dir, 'bench.db'));
await upsertSources(db, sources);
let stored = 0;
t0 = performance.now();
await crawlOnce(db, { hostDelayMs: 0, maxArticlesPerSource: 100_000, onStored: () => stored++ });
const pipeSec = (performance.now() - t0) / 1000;
const pipeRate = stored / pipeSec;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const articles = await db.article.count();
await db.$disconnect();
child.kill();
rmSync(dir, { recursive: true, force: true });

const ratio = pipeRate / bareRate;
const rssMb = peakRss / 1024 / 1024;
console.log(`full pipeline: ${stored} articles stored (${articles} in the database) in ${pipeSec.toFixed(1)} s = ${pipeRate.toFixed(0)} articles/s`);
console.log(`pipeline / bare: ${(ratio * 100).toFixed(0)}%   (floor 50%)`);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB   (floor ≤ 500 MB)`);
const ok = ratio >= 0.5 && rssMb <= 500 && articles === unique.length;
console.log(ok ? 'PASS' : 'FAIL');
process.exit(ok ? 0 : 1);
