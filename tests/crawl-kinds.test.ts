// Every discovery path, browser rendering, politeness details, `sources add`
// and `sources health`, against the fixture newsroom on 127.0.0.1.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryOfHost } from '../crawlers/discover-source.js';
import { gunzippedDocument } from '../crawlers/gzipped-document.js';
import { RobotsCache } from '../crawlers/robots.js';
import { findChromium, BrowserNotFoundError } from '../crawlers/renderer.js';
import { parseSources } from '../crawlers/sources-file.js';
import { AllowList } from '../crawlers/ssrf.js';
import { crawlOnce } from '../pipeline/crawl.js';
import { runRules } from '../alerts/run-rules.js';
import { sameSite } from '../dedupe/canonical-url.js';
import { openDb, type Db } from '../storage/db.js';
import { sourceHealth } from '../storage/health-repo.js';
import { sourceYield } from '../storage/source-yield.js';
import { upsertSources } from '../storage/sources-repo.js';
import { importWatchlists } from '../storage/watchlists-repo.js';
import { startNewsroom, type Newsroom } from './fixtures/newsroom/server.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { jsonLines, ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

let nr: Newsroom;
let faults: FaultServer;
let tmp: ReturnType<typeof tempDir>;
let db: Db;

async function crawl(sourceId?: string) {
  return crawlOnce(db, { hostDelayMs: 0, sourceId });
}

async function addSources(yaml: string) {
  await upsertSources(db, parseSources(yaml, 'test'));
}

/** A small site of its own on 127.0.0.1 (path → content type and body; robots.txt allows all), allowed while `fn` runs. */
async function withSite(pages: (base: string) => Record<string, [string, string | Buffer]>, fn: (base: string) => Promise<void>) {
  let base = '';
  const server = createServer((req, res) => {
    const page = req.url === '/robots.txt' ? (['text/plain', 'User-agent: *\nAllow: /\n'] as const) : pages(base)[req.url ?? ''];
    if (!page) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', page[0]);
    res.end(page[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const allowed = process.env.RUTA_ALLOW_HOSTS;
  process.env.RUTA_ALLOW_HOSTS = `${allowed},127.0.0.1:${port}`;
  try {
    await fn(base);
  } finally {
    process.env.RUTA_ALLOW_HOSTS = allowed;
    await new Promise((r) => server.close(() => r(undefined)));
  }
}

beforeAll(async () => {
  nr = await startNewsroom();
  faults = await startFaultServer();
  tmp = tempDir();
  process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${nr.port},127.0.0.1:${faults.port}`;
  db = await openDb(join(tmp.dir, 'kinds.db'));
});
afterAll(async () => {
  await db.$disconnect();
  await nr.close();
  await faults.close();
  tmp.cleanup();
  delete process.env.RUTA_ALLOW_HOSTS;
});

describe('discovery paths', () => {
  it('listing pages: editor selectors and pagination up to a limit', async () => {
    await addSources(`- { id: litoral-archive, name: Archive, url: "${nr.url}/novi-glas/archive", kind: listing, language: sr, selectors: { links: "li.story a.story-link", next: "a.next" }, maxPages: 5 }`);
    const [rep] = await crawl('litoral-archive');
    expect(rep!.discovered).toBe(2);
    expect(rep!.stored).toBe(2);
    const noPages = nr.requests.filter((r) => r.path === '/novi-glas/archive').length;
    expect(noPages).toBe(1); // two articles fit on page 1: no "next" link, no second page
  });

  it('listing pages: only the site\'s own links (and its subdomains\'), unless the source says offsite: true', async () => {
    const own = nr.articleUrls().slice(0, 2).map((a) => a.url);
    // The listing's own host is 127.0.0.1: the newsroom's articles are on it too, another port being no other site.
    await withSite(
      (base) => ({
        '/list': ['text/html; charset=utf-8', `<html><body>${own.map((u, i) => `<h2><a href="${u}">Story ${i}</a></h2>`).join('')}
          <h2><a href="javascript:void(0)">Menu</a></h2><h3><a href="mailto:desk@x.test">Write to us</a></h3>
          <h3><a href="https://partner.example/sponsored.html">Sponsored</a></h3><h3><a href="${base}/list#top">Top</a></h3></body></html>`],
      }),
      async (base) => {
        await addSources(`- { id: own-links, name: Own, url: "${base}/list", kind: listing, language: en }`);
        const [rep] = await crawl('own-links');
        expect(rep!.discovered).toBe(2); // the two stories: not the page's own anchor, nor a script, mail or partner link
      },
    );
    expect(sameSite('https://www.vijesti.me/', 'https://m.vijesti.me/')).toBe(true);
    expect(sameSite('https://vijesti.me/', 'https://www.vijesti.me/')).toBe(true);
    expect(sameSite('https://sport.klix.ba/', 'https://www.klix.ba/')).toBe(true);
    expect(sameSite('https://vijesti.me/', 'https://cdm.me/')).toBe(false);
    expect(() => parseSources('- { id: x, url: "https://a.test/", kind: listing, offsite: "yes" }', 't')).toThrow(/"offsite" must be true or false/);
  });

  it('a feed\'s author (dc:creator, RSS author) is the article\'s when its page names none; the page\'s own byline wins', async () => {
    const story: Record<string, string> = {
      Prva: 'Policija je u luci Bar zaplijenila 300 kilograma kokaina iz Ekvadora, skrivenog u kontejneru s bananama.',
      Druga: 'Sud u Podgorici odredio je pritvor dvojici osumnjičenih za pranje novca preko firme za uvoz voća.',
      Treća: 'Carinici u Rijeci pregledali su brod koji je stigao iz Brazila, ali droga nije pronađena.',
    };
    const page = (title: string, byline = '') =>
      `<html><head><title>${title}</title>${byline}</head><body><article><h1>${title}</h1><p>${`${story[title]} `.repeat(6)}</p></article></body></html>`;
    await withSite(
      (base) => ({
        '/feed.xml': ['application/rss+xml', `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Desk</title>
          <item><title>Prva</title><link>${base}/a/1.html</link><dc:creator>Marko Marković</dc:creator></item>
          <item><title>Druga</title><link>${base}/a/2.html</link><author>desk@news.test (Ana Perić)</author></item>
          <item><title>Treća</title><link>${base}/a/3.html</link><dc:creator>Feed Name</dc:creator></item></channel></rss>`],
        '/a/1.html': ['text/html; charset=utf-8', page('Prva')],
        '/a/2.html': ['text/html; charset=utf-8', page('Druga')],
        '/a/3.html': ['text/html; charset=utf-8', page('Treća', '<meta name="author" content="Page Byline">')],
      }),
      async (base) => {
        await addSources(`- { id: feed-authors, name: Authors, url: "${base}/feed.xml", kind: rss, language: hr }`);
        const [rep] = await crawl('feed-authors');
        expect(rep!.stored).toBe(3);
        const stored = await db.article.findMany({ where: { url: { startsWith: base } }, orderBy: { url: 'asc' }, select: { author: true } });
        expect(stored.map((a) => a.author)).toEqual(['Marko Marković', 'Ana Perić', 'Page Byline']);
      },
    );
  });

  it('robots.txt Sitemap: lines lead to the news sitemaps', async () => {
    await addSources(`- { id: via-robots, name: Robots, url: "${nr.url}/robots.txt", kind: sitemap, language: en }`);
    const [rep] = await crawl('via-robots');
    const sitemapOutlets = nr.outlets.filter((o) => o.feed === 'sitemap');
    expect(rep!.discovered).toBe(sitemapOutlets.reduce((n, o) => n + o.articles.length, 0));
    expect(rep!.error).toBeUndefined();
  });

  it('a sitemap index may list gzipped sitemaps (.xml.gz served as it is); one that unzips past the limit is refused by name', async () => {
    const articles = nr.articleUrls().slice(0, 2);
    const urlset = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${articles.map((a) => `<url><loc>${a.url}</loc></url>`).join('')}</urlset>`;
    await withSite(
      (base) => ({
        '/sitemap_index.xml': ['application/xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/news-2024.xml.gz</loc></sitemap></sitemapindex>`],
        '/news-2024.xml.gz': ['application/x-gzip', gzipSync(urlset)],
      }),
      async (base) => {
        await addSources(`- { id: gz-sitemaps, name: Gz, url: "${base}/sitemap_index.xml", kind: sitemap, language: en }`);
        const [rep] = await crawl('gz-sitemaps');
        expect(rep!.error).toBeUndefined();
        expect(rep!.discovered).toBe(2);
      },
    );
    expect(() => gunzippedDocument(gzipSync(Buffer.alloc(3_000_000, 32)), 'http://x.test/bomb.xml.gz', 1_000_000)).toThrow(/bomb\.xml\.gz is gzipped and unzips to more than 1000000 bytes/);
    expect(() => gunzippedDocument(gzipSync(urlset).subarray(0, 40), 'http://x.test/cut.xml.gz')).toThrow(/could not be unzipped/);
    expect(gunzippedDocument(Buffer.from(urlset), 'http://x.test/plain.xml').toString()).toBe(urlset);
  });

  it('search templates are filled from watchlist terms and language', async () => {
    await importWatchlists(db, [{ name: 'Ports', entries: [{ name: 'Durrës', type: 'port', aliases: ['Durrësit'] }, { name: 'Paranaguá', type: 'port' }] }]);
    await addSources(`- { id: news-search, name: Search, url: "${nr.url}/search/rss?q={query}&hl={lang}", kind: search, language: sq }`);
    const [rep] = await crawl('news-search');
    const searches = nr.requests.filter((r) => r.path === '/search/rss');
    expect(searches.length).toBeGreaterThanOrEqual(3);
    expect(rep!.discovered).toBeGreaterThanOrEqual(1); // the Albanian Durrës story
    const a = await db.article.findFirst({ where: { sources: { some: { sourceId: 'news-search' } } } });
    expect(a?.lang).toBe('sq');
  });

  it('page: a watched URL is fetched conditionally and a change becomes a revision', async () => {
    await addSources(`- { id: bulletin, name: Bulletin, url: "${nr.url}/live/page.html", kind: page, language: en }`);
    expect((await crawl('bulletin'))[0]!.stored).toBe(1);
    const again = (await crawl('bulletin'))[0]!;
    expect(again.notModified).toBe(true);
    nr.setLivePage('Live: port security bulletin', [
      'Customs officers found 240 kilograms of cocaine in a banana container from Guayaquil at the port of Bar, the port authority said.',
      'A Montenegrin citizen linked to the Škaljari clan was detained.',
    ]);
    const changed = (await crawl('bulletin'))[0]!;
    expect(changed.revised).toBe(1);
    const article = await db.article.findFirstOrThrow({ where: { url: `${nr.url}/live/page.html` }, include: { revisions: true, seizures: true } });
    expect(article.revisions).toHaveLength(1);
    expect(article.revisions[0]!.text).toMatch(/No incidents/);
    expect(article.seizures.map((s) => s.kg)).toEqual([240]);
    // The change is news: one page-changed alert, with what the new words name; a second run adds none.
    await runRules(db);
    const [alert, ...more] = await db.alert.findMany({ where: { rule: 'page-changed' } });
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ articleId: article.id, severity: 'medium' });
    expect(alert!.reason).toMatch(/^Watched page changed \(Bulletin\): \+\d+ \/ −\d+ words; newly named: /);
    expect(JSON.parse(alert!.entities)).toEqual(expect.arrayContaining(['Guayaquil', 'Bar', 'Škaljari clan']));
    expect(article.text).toContain(alert!.evidence!);
    await runRules(db);
    expect(await db.alert.count({ where: { rule: 'page-changed' } })).toBe(1);
  });

  it('sends a User-Agent that names Ruta and the contact URL', () => {
    const uas = new Set(nr.requests.map((r) => r.userAgent));
    expect([...uas].every((ua) => /^Ruta\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+; news monitoring crawler\)$/.test(ua))).toBe(true);
  });
});

describe('browser rendering', () => {
  it('a page whose body is injected by JavaScript is retried through the browser, and that is recorded', async () => {
    const yaml = nr.sourcesYaml({ only: ['night-desk'] }).replace('render: true', 'render: false');
    await addSources(yaml);
    const [rep] = await crawl('night-desk');
    expect(rep!.rendered).toBe(1);
    const a = await db.article.findFirstOrThrow({ where: { title: { startsWith: 'Peruvian police seize cocaine at Callao' } } });
    expect(a.rendered).toBe(true);
    expect(a.text).toMatch(/Ardit Hoxholli/);
    const log = await db.fetchLog.findFirstOrThrow({ where: { sourceId: 'night-desk', rendered: true } });
    expect(log.error).toMatch(/plain fetch found only boilerplate/);
  });

  it('says how to get a browser when none is found', async () => {
    await expect(findChromium({ RUTA_CHROMIUM: '/nonexistent/chrome' })).rejects.toThrow(BrowserNotFoundError);
    await expect(findChromium({ RUTA_CHROMIUM: '/nonexistent/chrome' })).rejects.toThrow(/RUTA_CHROMIUM/);
  });
});

describe('politeness', () => {
  it('reads crawl-delay and Sitemap lines from robots.txt, cached per host', async () => {
    const cache = new RobotsCache({ allow: new AllowList(`127.0.0.1:${faults.port}`), userAgent: 'Ruta/1.0 (+https://x)' });
    expect(await cache.crawlDelayMs(`${faults.url}/anything`)).toBe(200);
    expect(await cache.check(`${faults.url}/private/secret`)).toMatchObject({ allowed: false });
    expect(await cache.check(`${faults.url}/ok`)).toEqual({ allowed: true });
    const nrCache = new RobotsCache({ allow: new AllowList(`127.0.0.1:${nr.port}`) });
    const before = nr.requests.filter((r) => r.path === '/robots.txt').length;
    expect((await nrCache.sitemaps(`${nr.url}/x`)).length).toBe(2);
    await nrCache.check(`${nr.url}/y`);
    expect(nr.requests.filter((r) => r.path === '/robots.txt').length).toBe(before + 1);
  });
});

describe('ruta sources add and health', () => {
  const env = () => ({ RUTA_DB: join(tmp.dir, 'cli.db'), RUTA_ALLOW_HOSTS: `127.0.0.1:${nr.port}`, RUTA_HOST_DELAY_MS: '0' });

  it('proposes the feed announced on a homepage, and saves it with --save', async () => {
    const r = await ruta(['sources', 'add', `${nr.url}/el-litoral/`, '--country', 'ec'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`url: ${nr.url}/el-litoral/feed.xml`));
    expect(r.stdout).toMatch(/kind: rss/);
    expect(r.stdout).toMatch(/language: es/);
    expect(r.stdout).toMatch(/country: EC/);
    const saved = await ruta(['sources', 'add', `${nr.url}/el-litoral/`, '--id', 'litoral', '--save'], env());
    expect(saved.code, saved.stderr).toBe(0);
    const list = jsonLines((await ruta(['sources', 'list', '--json'], env())).stdout);
    expect(list.find((s) => s.id === 'litoral')).toMatchObject({ kind: 'rss', url: `${nr.url}/el-litoral/feed.xml` });
  });

  it('tests a source: what its feed finds and what Ruta reads from its first articles, storing no article', async () => {
    const r = await ruta(['sources', 'test', 'litoral', '--limit', '2', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    const expected = nr.articleUrls().filter((a) => a.outlet.id === 'el-litoral');
    expect(rep.entries).toBe(expected.length);
    expect(rep.articles).toHaveLength(2);
    for (const a of rep.articles) {
      expect(a).toMatchObject({ ok: true, lang: 'es', script: 'Latn' });
      expect(expected.map((x) => x.url)).toContain(a.url);
      expect(a.chars).toBeGreaterThan(200);
      expect(a.named.length).toBeGreaterThan(0);
    }
    // Fetched in full although a crawl could send validators: the test sees the feed as it is.
    const text = await ruta(['sources', 'test', 'litoral', '--limit', '1'], env());
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^${expected.length} article link\\(s\\) found in 1 document\\(s\\)`));
    expect(text.stdout).toMatch(/^  language   es \(Latn\), \d+ characters: /m);
    // Nothing stored but the fetch log.
    const db = new Database(env().RUTA_DB, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) n FROM Article').get() as { n: number }).n).toBe(0);
      expect((db.prepare("SELECT count(*) n FROM FetchLog WHERE sourceId = 'litoral' AND purpose = 'article'").get() as { n: number }).n).toBe(3);
    } finally {
      db.close();
    }
    expect((await ruta(['sources', 'test', 'nope'], env())).stderr).toMatch(/no source "nope"; see `ruta sources list`/);
    // A source whose feed is gone: the error names it, exit 1.
    writeFileSync(join(tmp.dir, 'gone.yaml'), `- { id: gone, name: Gone, url: "${nr.url}/gone/feed.xml", kind: rss, language: en }\n`);
    expect((await ruta(['sources', 'import', join(tmp.dir, 'gone.yaml')], env())).code).toBe(0);
    const gone = await ruta(['sources', 'test', 'gone'], env());
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(new RegExp(`gone: ${nr.url}/gone/feed.xml could not be read: .*404`));
  });

  it('reads the language of a homepage without a lang attribute from its text, and proposes the country its domain names', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title><link>${nr.articleUrls()[0]!.url}</link></item></channel></rss>`;
    const body = 'Policija je u luci Bar zaplijenila više od tri stotine kilograma kokaina skrivenog u kontejneru s bananama iz Ekvadora. Uhapšena su dvojica osumnjičenih, a istraga se nastavlja pod nadzorom Specijalnog državnog tužilaštva. ';
    await withSite(
      (base) => ({
        '/': ['text/html; charset=utf-8', `<html><head><title>Vijesti dana</title><link rel="alternate" type="application/rss+xml" href="${base}/rss"></head><body><p>${body.repeat(2)}</p></body></html>`],
        '/rss': ['application/rss+xml', feed],
      }),
      async (base) => {
        const r = await ruta(['sources', 'add', `${base}/`], { ...env(), RUTA_ALLOW_HOSTS: process.env.RUTA_ALLOW_HOSTS! });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/language: (sr|hr|bs|cnr)/);
      },
    );
    expect(countryOfHost('www.elcomercio.pe', 'es')).toBe('PE');
    expect(countryOfHost('www.index.hr', 'hr')).toBe('HR');
    expect(countryOfHost('www.vijesti.me', 'sr')).toBe('ME');
    expect(countryOfHost('about.me', 'en')).toBeNull();
    expect(countryOfHost('www.eltiempo.com', 'es')).toBeNull();
  });

  it('falls back to robots.txt sitemaps when the homepage announces no feed', async () => {
    const r = await ruta(['sources', 'add', `${nr.url}/gazeta-bregu/`], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kind: sitemap/);
  });

  it('health shows last success, errors, items per day and silent sources', async () => {
    const rows = await sourceHealth(db);
    const desk = rows.find((h) => h.id === 'night-desk')!;
    expect(desk).toMatchObject({ status: 'ok', errorRate: 0 });
    expect(desk.itemsPerDay).toBeGreaterThan(0);
    // A source whose items used to come every hour and stopped three days ago is silent.
    await addSources(`- { id: quiet, name: Quiet, url: "${nr.url}/quiet.xml", kind: rss, language: en }`);
    const base = Date.now() - 3 * 86400_000;
    for (let i = 0; i < 5; i++) {
      const a = await db.article.create({ data: { url: `${nr.url}/quiet/${i}`, fetchedUrl: 'x', title: `q${i}`, lang: 'en', script: 'Latn', text: `quiet ${i}`, contentHash: `q${i}` } });
      await db.articleSource.create({ data: { articleId: a.id, sourceId: 'quiet', firstSeen: new Date(base + i * 3600_000) } });
    }
    await db.source.update({ where: { id: 'quiet' }, data: { lastRunAt: new Date(), lastSuccessAt: new Date() } });
    const quiet = (await sourceHealth(db)).find((h) => h.id === 'quiet')!;
    expect(quiet).toMatchObject({ silent: true, status: 'silent', usualIntervalHours: 1 });
    const cli = await ruta(['sources', 'health', '--json'], env());
    expect(cli.code, cli.stderr).toBe(0);
    const parsed = jsonLines(cli.stdout);
    expect(Object.keys(parsed[0]!)).toEqual(expect.arrayContaining(['lastSuccessAt', 'lastError', 'errorRate', 'itemsPerDay', 'silent']));
    expect(parsed[0]!.onTopic30d).toEqual({ articles: 0, links: 0, seizures: 0, alerted: 0, onTopic: 0 }); // the CLI's database holds no article
    // What each source brought in 30 days that matters: the quiet one's five articles name nothing.
    const yields = await sourceYield(db, new Date(Date.now() - 30 * 86_400_000));
    expect(yields.get('quiet')).toEqual({ articles: 5, links: 0, seizures: 0, alerted: 0, onTopic: 0 });
    const delivered = await db.articleSource.findMany({ where: { sourceId: 'night-desk' }, select: { articleId: true } });
    const onTopic = await db.article.count({ where: { id: { in: delivered.map((d) => d.articleId) }, OR: [{ evidence: { some: {} } }, { seizures: { some: {} } }, { alerts: { some: {} } }] } });
    expect(onTopic).toBeGreaterThan(0);
    expect(yields.get('night-desk')).toMatchObject({ articles: delivered.length, onTopic });
    // Older deliveries fall outside the period.
    expect((await sourceYield(db, new Date(Date.now() + 60_000))).size).toBe(0);
  });
});
