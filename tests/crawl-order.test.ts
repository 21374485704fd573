// What a crawl reads first when a source offers more than one run takes: nested
// sitemap indexes newest first within a budget of child sitemaps, articles
// newest first, and entries past a source's maxAgeDays left out. A small site on
// 127.0.0.1 whose articles are dated from today backwards.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSources, SourcesFileError } from '../crawlers/sources-file.js';
import { crawlOnce } from '../pipeline/crawl.js';
import { MAX_CHILD_SITEMAPS } from '../pipeline/discover.js';
import { openDb, type Db } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { tempDir } from './helpers/tmp.js';

const DAY = 86_400_000;
const NOW = Date.now();
/** Article k is k days old: k = 0 is today's. */
const publishedOf = (k: number) => new Date(NOW - k * DAY - 3_600_000);
const WORDS = ['harbour', 'officials', 'inspection', 'cargo', 'brokers', 'couriers', 'warehouse', 'prosecutors', 'vessel', 'terminal', 'suspects', 'shipment', 'network', 'smugglers', 'detectives', 'containers', 'customs', 'authorities', 'fruit', 'exporters', 'judges', 'witness', 'pilots', 'divers', 'trucks', 'ledgers'];

/** A report whose words depend on k, so no two are near-duplicates. */
function articleHtml(k: number, days = k): string {
  let seed = k * 7919 + 17;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length]!;
  const sentence = () => `The ${word()} and the ${word()} told the ${word()} about the ${word()} near the ${word()} on day ${k}.`;
  const paragraph = () => `<p>${Array.from({ length: 6 }, sentence).join(' ')}</p>`;
  return `<!doctype html><html><head><title>Report ${k}</title><meta property="article:published_time" content="${publishedOf(days).toISOString()}"></head>
<body><article><h1>Report ${k} from the harbour desk</h1>${Array.from({ length: 5 }, paragraph).join('')}</article></body></html>`;
}

const urlset = (base: string, ks: number[], dir = 'a') =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${ks.map((k) => `<url><loc>${base}/${dir}/${k}.html</loc><lastmod>${publishedOf(k).toISOString()}</lastmod></url>`).join('')}</urlset>`;
const index = (base: string, children: { path: string; newest: number }[]) =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children.map((c) => `<sitemap><loc>${base}${c.path}</loc><lastmod>${publishedOf(c.newest).toISOString()}</lastmod></sitemap>`).join('')}</sitemapindex>`;
/** Yesterday at 14:35 on some clock, written without a zone: "2026-11-23T14:35:00" or "23.11.2026 14:35". */
const YESTERDAY = new Date(NOW - DAY);
const two = (n: number) => String(n).padStart(2, '0');
const naive = (style: 'iso' | 'dmy') => {
  const [y, m, d] = [YESTERDAY.getUTCFullYear(), two(YESTERDAY.getUTCMonth() + 1), two(YESTERDAY.getUTCDate())];
  return style === 'iso' ? `${y}-${m}-${d}T14:35:00` : `${d}.${m}.${y} 14:35`;
};
/** That time on a clock `hours` ahead of UTC (Ecuador is 5 behind, India 5½ ahead; neither changes its clocks). */
const yesterdayAt = (hours: number) => new Date(Date.UTC(YESTERDAY.getUTCFullYear(), YESTERDAY.getUTCMonth(), YESTERDAY.getUTCDate(), 14, 35) - hours * 3_600_000).toISOString();

/** Oldest first, as archives list them. */
const oldestFirst = (ks: number[]) => [...ks].sort((a, b) => b - a);

let server: http.Server;
let base = '';
const served: string[] = [];
let tmp: ReturnType<typeof tempDir>;
let db: Db;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    served.push(path);
    let m: RegExpExecArray | null;
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if ((m = /^\/a\/(\d+)\.html$/.exec(path))) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(m[1])));
    if ((m = /^\/b\/(\d+)\.html$/.exec(path))) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(5000 + Number(m[1]), Number(m[1])));
    // An archive of two halves (each an index of three monthly sitemaps of two articles), oldest first.
    if (path === '/archive.xml') return xml(index(base, [{ path: '/half-old.xml', newest: 6 }, { path: '/half-new.xml', newest: 0 }]));
    if (path === '/half-old.xml') return xml(index(base, [5, 4, 3].map((g) => ({ path: `/month-${g}.xml`, newest: 2 * g }))));
    if (path === '/half-new.xml') return xml(index(base, [2, 1, 0].map((g) => ({ path: `/month-${g}.xml`, newest: 2 * g }))));
    if ((m = /^\/month-(\d+)\.xml$/.exec(path))) return xml(urlset(base, oldestFirst([2 * Number(m[1]), 2 * Number(m[1]) + 1])));
    // An index of 120 daily sitemaps, oldest first.
    if (path === '/big.xml') return xml(index(base, oldestFirst(Array.from({ length: 120 }, (_, c) => c)).map((c) => ({ path: `/day-${c}.xml`, newest: 1000 + c }))));
    if ((m = /^\/day-(\d+)\.xml$/.exec(path))) return xml(urlset(base, [1000 + Number(m[1])]));
    // One sitemap of ten articles, from today back, ten days apart, oldest first.
    if (path === '/flat.xml') return xml(urlset(base, oldestFirst(Array.from({ length: 10 }, (_, i) => i * 10)), 'b'));
    // Yesterday's news dated without a zone: on one page in its meta, on the other only in the feed.
    if ((m = /^\/tz\/(\w+)\/feed\.xml$/.exec(path))) {
      const at = `${base}/tz/${m[1]}`;
      return xml(`<rss version="2.0"><channel><title>T</title><item><link>${at}/dated.html</link></item><item><link>${at}/undated.html</link><pubDate>${naive('dmy')}</pubDate></item></channel></rss>`);
    }
    if ((m = /^\/tz\/(\w+)\/(dated|undated)\.html$/.exec(path))) {
      const meta = m[2] === 'dated' ? `<meta property="article:published_time" content="${naive('iso')}">` : '';
      const k = 9000 + (m[1] === 'ec' ? 0 : 10) + (m[2] === 'dated' ? 1 : 2);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(k).replace(/<meta property="article:published_time"[^>]*>/, meta));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${port}`;
  tmp = tempDir();
  db = await openDb(join(tmp.dir, 'order.db'));
});
afterAll(async () => {
  await db.$disconnect();
  await new Promise((r) => server.close(r));
  tmp.cleanup();
  delete process.env.RUTA_ALLOW_HOSTS;
});

const storedKs = async (sourceId: string) =>
  (await db.article.findMany({ where: { sources: { some: { sourceId } } }, select: { url: true } })).map((a) => Number(/\/[ab]\/(\d+)\.html$/.exec(a.url)![1])).sort((a, b) => a - b);

describe('what a crawl reads first', () => {
  it('reads nested sitemap indexes newest first and fetches the newest articles first', async () => {
    await upsertSources(db, parseSources(`- { id: archive, url: "${base}/archive.xml", kind: sitemap, language: en }`, 'test'));
    const [rep] = await crawlOnce(db, { hostDelayMs: 0, sourceId: 'archive', maxArticlesPerSource: 3 });
    expect(rep!.error).toBeUndefined();
    expect(rep!.discovered).toBe(12);
    // The three newest of twelve, although every sitemap lists them last.
    expect(await storedKs('archive')).toEqual([0, 1, 2]);
    // Depth first, newest first: this month's sitemap is read before any of the older half.
    const docs = served.filter((p) => /^\/(half|month)/.test(p));
    expect(docs.slice(0, 2)).toEqual(['/half-new.xml', '/month-0.xml']);
    expect(docs.indexOf('/half-old.xml')).toBeGreaterThan(docs.indexOf('/month-2.xml'));
    // The next run goes on with the next newest.
    await crawlOnce(db, { hostDelayMs: 0, sourceId: 'archive', maxArticlesPerSource: 3 });
    expect(await storedKs('archive')).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads at most the budget of child sitemaps, the newest ones', async () => {
    await upsertSources(db, parseSources(`- { id: big, url: "${base}/big.xml", kind: sitemap, language: en }`, 'test'));
    const before = served.length;
    const [rep] = await crawlOnce(db, { hostDelayMs: 0, sourceId: 'big', maxArticlesPerSource: 1 });
    const children = served.slice(before).filter((p) => p.startsWith('/day-'));
    expect(children).toHaveLength(MAX_CHILD_SITEMAPS);
    expect(new Set(children)).toEqual(new Set(Array.from({ length: MAX_CHILD_SITEMAPS }, (_, c) => `/day-${c}.xml`)));
    expect(rep!.discovered).toBe(MAX_CHILD_SITEMAPS);
    expect(await storedKs('big')).toEqual([1000]);
  });

  it('leaves out entries older than the source’s maxAgeDays, and says so', async () => {
    await upsertSources(db, parseSources(`- { id: recent, url: "${base}/flat.xml", kind: sitemap, language: en, maxAgeDays: 35 }`, 'test'));
    const [rep] = await crawlOnce(db, { hostDelayMs: 0, sourceId: 'recent' });
    expect(rep!.discovered).toBe(10);
    expect(rep!.added).toBe(4);
    expect(rep!.warnings).toContain('6 entries dated more than 35 days ago left out (maxAgeDays)');
    expect(await storedKs('recent')).toEqual([0, 10, 20, 30]);
  });

  it('reads a date written without a zone on the source’s clock: its timezone, else its country’s', async () => {
    const published = async (dir: string) =>
      Object.fromEntries((await db.article.findMany({ where: { url: { contains: `/tz/${dir}/` } }, select: { url: true, published: true } })).map((a) => [a.url.replace(/^.*\//, ''), a.published?.toISOString()]));
    // An Ecuadorian source: 14:35 on the page (ISO without an offset) and in the feed (day first) is 19:35 UTC.
    await upsertSources(db, parseSources(`- { id: tz-ec, url: "${base}/tz/ec/feed.xml", kind: rss, language: es, country: EC }`, 'test'));
    await crawlOnce(db, { hostDelayMs: 0, sourceId: 'tz-ec' });
    expect(await published('ec')).toEqual({ 'dated.html': yesterdayAt(-5), 'undated.html': yesterdayAt(-5) });
    // The same pages from a source whose timezone says otherwise are read on that clock.
    await upsertSources(db, parseSources(`- { id: tz-in, url: "${base}/tz/in/feed.xml", kind: rss, language: en, country: EC, timezone: Asia/Kolkata }`, 'test'));
    await crawlOnce(db, { hostDelayMs: 0, sourceId: 'tz-in' });
    expect(await published('in')).toEqual({ 'dated.html': yesterdayAt(5.5), 'undated.html': yesterdayAt(5.5) });
  });

  it('rejects a timezone that is no IANA zone, naming the source', () => {
    expect(() => parseSources('- { id: x, url: "https://x.example/feed", kind: rss, timezone: "GMT+5 Quito" }', 'sources.yaml')).toThrow(/\(x\): "timezone" must be an IANA time zone such as America\/Guayaquil/);
    expect(parseSources('- { id: x, url: "https://x.example/feed", kind: rss, timezone: America/Guayaquil }', 'sources.yaml')[0]!.config).toEqual({ timezone: 'America/Guayaquil' });
  });

  it('rejects a count that is no whole number, naming the source and the field', () => {
    expect(() => parseSources('- { id: x, url: "https://x.example/feed", kind: rss, maxAgeDays: "a month" }', 'sources.yaml')).toThrow(SourcesFileError);
    expect(() => parseSources('- { id: x, url: "https://x.example/feed", kind: rss, maxAgeDays: "a month" }', 'sources.yaml')).toThrow(/\(x\): "maxAgeDays" must be a whole number of 0 or more, not "a month"/);
    expect(() => parseSources('- { id: x, url: "https://x.example/l", kind: listing, maxPages: -1 }', 'sources.yaml')).toThrow(/"maxPages" must be a whole number/);
    expect(parseSources('- { id: x, url: "https://x.example/feed", kind: rss, maxAgeDays: 30 }', 'sources.yaml')[0]!.config).toEqual({ maxAgeDays: 30 });
  });
});
