// npm run bench:dedupe — stores 100,000 synthetic articles in a real SQLite
// database through the crawler's write path (exact hash, MinHash/LSH
// near-duplicates, same-site revisions, story clustering), and compares the
// time per article at 100k with the time at 1k: lookups must stay index
// lookups, never scans. Reports peak RSS.
//
//   npm run bench:dedupe [-- --articles N] [--db FILE] [--no-sync] [--statements]
//
// --no-sync sets PRAGMA synchronous = OFF, which takes the checkpoints' fsync
// out of the measurement and leaves the database work; --statements prints
// the time per article of each SQL statement and of COMMIT in both windows.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../dedupe/content-hash.js';
import { fingerprint } from '../dedupe/fingerprint.js';
import { rng } from '../extractors/ner/perceptron.js';
import { openDb } from '../storage/db.js';
import { storeArticle, type ArticleInput, type EntityRow } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const N = Number(arg('articles', '100000'));
const path = arg('db', join(tmpdir(), `ruta-bench-dedupe-${process.pid}.db`));
const WINDOW = Math.min(1000, Math.floor(N / 10));

// A Zipf-distributed vocabulary of made-up words, as news text has.
const rand = rng(42);
const syll = ['ka', 'ro', 'vi', 'ne', 'sta', 'mi', 'lo', 'dra', 'pe', 'tu', 'zi', 'go', 'ber', 'an', 'ko', 'li', 'sa', 'mor', 'de', 'ju'];
const word = () => Array.from({ length: 1 + Math.floor(rand() * 3) + 1 }, () => syll[Math.floor(rand() * syll.length)]).join('');
const vocab = [...new Set(Array.from({ length: 30000 }, word))];
const cum: number[] = [];
let total = 0;
vocab.forEach((_, i) => cum.push((total += 1 / (i + 1))));
const zipf = () => {
  const x = rand() * total;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocab[lo]!;
};
const people = Array.from({ length: 20000 }, () => `${word()} ${word()}ić`.replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
const countries = ['Ecuador', 'Peru', 'Colombia', 'Brazil', 'Serbia', 'Montenegro', 'Croatia', 'Albania', 'Spain', 'Netherlands'];
const sites = Array.from({ length: 50 }, (_, i) => `outlet${i}`);

function synthetic(i: number): ArticleInput {
  const site = sites[i % sites.length]!;
  const names = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => people[Math.floor(rand() * people.length)]!);
  const sentences = Array.from({ length: 12 + Math.floor(rand() * 12) }, (_, k) => {
    const words = Array.from({ length: 10 + Math.floor(rand() * 10) }, zipf);
    if (k % 4 === 0) words.splice(3, 0, names[k % names.length]!);
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  });
  const text = sentences.join(' ');
  const entities: EntityRow[] = [
    ...names.map((n) => ({ type: 'person', text: n, start: 0, end: n.length, canonical: n, side: 'balkan' })),
    ...[countries[i % countries.length]!].map((c) => ({ type: 'country', text: c, start: 0, end: c.length, canonical: c, side: 'latam' })),
  ];
  const seizures = i % 7 === 0 ? [{ drug: 'cocaine', text: 'x kg', kg: 10 + (i % 900), start: 0, end: 4 }] : [];
  // 100k articles over a year, in publication order.
  const published = new Date(Date.UTC(2025, 0, 1) + Math.floor((i / N) * 365 * 86_400_000));
  return { sourceId: site, url: `https://${site}.example/news/${i}`, fetchedUrl: `https://${site}.example/news/${i}`, title: sentences[0]!.slice(0, 80), author: null, published, lang: 'sh', script: 'Latn', langConfidence: 1, text, contentHash: contentHash(text), entities, seizures, links: [] };
}

/** Every 20th article is another outlet's copy of a recent one, and every 50th a same-site new version. */
function copyOf(a: ArticleInput, i: number, sameSite: boolean): ArticleInput {
  const site = sameSite ? a.sourceId : sites[(i * 7) % sites.length]!;
  const text = `${a.text} Updated ${i}: ${Array.from({ length: 12 }, zipf).join(' ')}.`;
  return { ...a, sourceId: site, url: `https://${site}.example/news/${i}-copy`, fetchedUrl: `https://${site}.example/news/${i}-copy`, text, contentHash: contentHash(text) };
}

// Time per SQL statement (and COMMIT), by patching better-sqlite3's Statement.
const perStatement = new Map<string, number>();
if (process.argv.includes('--statements')) {
  const { default: Database } = await import('better-sqlite3');
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const m of ['run', 'get', 'all']) {
    const orig = proto[m]!;
    proto[m] = function (this: { source: string }, ...params: unknown[]) {
      const t = performance.now();
      try {
        return orig.apply(this, params);
      } finally {
        const k = this.source.replace(/\s+/g, ' ').slice(0, 70);
        perStatement.set(k, (perStatement.get(k) ?? 0) + performance.now() - t);
      }
    };
  }
}
const statements = (label: string, n: number) => {
  if (!perStatement.size) return;
  console.log(`time per article by statement, ${label}:`);
  for (const [k, v] of [...perStatement].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${((v / n) * 1000).toFixed(0).padStart(6)} µs  ${k}`);
  perStatement.clear();
};

const db = await openDb(path);
if (process.argv.includes('--no-sync')) await db.$executeRawUnsafe('PRAGMA synchronous = OFF');
await upsertSources(db, sites.map((id) => ({ id, name: id, url: `https://${id}.example/feed`, kind: 'rss', language: 'sh', country: 'RS', schedule: '0 * * * *', render: false, enabled: true, config: {} })));
const times = new Float64Array(N);
const recent: ArticleInput[] = [];
let fpMs = 0;
const counts: Record<string, number> = {};
let peakRss = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  let a: ArticleInput;
  if (i > 100 && i % 20 === 0) a = copyOf(recent[Math.floor(rand() * recent.length)]!, i, false);
  else if (i > 100 && i % 50 === 1) a = copyOf(recent[Math.floor(rand() * recent.length)]!, i, true);
  else a = synthetic(i);
  const f0 = performance.now();
  // The fingerprint is made in the analysis worker on a real crawl; it is timed apart.
  a.fingerprint = fingerprint({ url: a.url, title: a.title, text: a.text, published: a.published, seenAt: a.published!, lang: a.lang, entities: a.entities, seizures: a.seizures });
  const s0 = performance.now();
  fpMs += s0 - f0;
  const r = await storeArticle(db, a);
  times[i] = performance.now() - s0;
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  if (r.status === 'stored') {
    recent.push(a);
    if (recent.length > 200) recent.shift();
  }
  if (i === WINDOW - 1 || i === N - WINDOW - 1) perStatement.clear();
  if (i === 2 * WINDOW - 1) statements(`articles ${WINDOW}–${2 * WINDOW}`, WINDOW);
  if (i === N - 1) statements(`articles ${N - WINDOW}–${N}`, WINDOW);
  if (i % 5000 === 0 || i === N - 1) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    process.stderr.write(`\r${i + 1}/${N} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}
process.stderr.write('\n');
const mean = (from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += times[i]!;
  return s / (to - from);
};
const early = mean(WINDOW, 2 * WINDOW);
const late = mean(N - WINDOW, N);
const stories = await db.story.count();
await db.$disconnect();
if (!process.argv.includes('--db')) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
console.log(`${N} articles: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}; ${stories} stories`);
console.log(`synchronous = ${process.argv.includes('--no-sync') ? 'OFF (--no-sync)' : 'NORMAL (as the crawler runs)'}`);
console.log(`store + dedupe per article: ${early.toFixed(3)} ms at ${WINDOW}–${2 * WINDOW}, ${late.toFixed(3)} ms at ${N - WINDOW}–${N}: ratio ${(late / early).toFixed(2)} [floor ≤ 1.2]`);
console.log(`fingerprint (analysis worker) per article: ${(fpMs / N).toFixed(3)} ms; total ${((performance.now() - t0) / 1000).toFixed(0)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
