// The web app in real Chromium (Playwright with Debian's chromium): logins by
// role, anonymous redirects, triage with the keyboard, watchlist preview and
// save, digest settings, and inert crawled payloads. Screenshots go to the
// test output folder (RUTA_SCREENSHOTS or the OS temp dir), not the repository.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../storage/db.js';
import { reviseArticle, storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { logFetch, upsertSources } from '../storage/sources-repo.js';
import { importWatchlists } from '../storage/watchlists-repo.js';
import { addUser } from '../storage/users-repo.js';
import { analyze } from '../extractors/analyze.js';
import { contentHash } from '../dedupe/content-hash.js';
import { parseWatchlists } from '../alerts/watchlist-file.js';
import { runRules } from '../alerts/run-rules.js';
import { BROWSER_FLAGS, findChromium } from '../crawlers/renderer.js';
import { startServer } from '../web/server.js';
import { linkGraph } from '../storage/research-repo.js';
import { ROOT } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as cheerio from 'cheerio';

const SHOTS = process.env.RUTA_SCREENSHOTS ?? join(tmpdir(), 'ruta-screenshots');
const PASSWORD = 'correct horse battery';
let db: Db;
let browser: Browser;
let base: string;
let close: () => Promise<void>;
let cleanup: () => void;
const alerts: Record<string, true> = {};
let site: Server;
let siteUrl: string;

function article(slug: string, title: string, text: string): ArticleInput {
  const a = analyze({ text, title });
  return {
    sourceId: 'el-litoral', url: `https://el-litoral.example/${slug}`, fetchedUrl: `https://el-litoral.example/${slug}`, title, author: null, published: new Date('2026-11-20T08:00:00Z'),
    lang: a.lang, script: a.script, langConfidence: a.langConfidence, text, contentHash: contentHash(text),
    entities: a.entities.map(({ type, text, start, end, canonical, side }) => ({ type, text, start, end, canonical, side })),
    seizures: a.seizures, links: a.links,
  };
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = await openDb(join(t.dir, 'ruta.db'));
  await upsertSources(db, [{ id: 'el-litoral', name: 'El Litoral', url: 'https://el-litoral.example/feed', kind: 'rss', language: 'es', country: 'EC', schedule: '*/30 * * * *', render: false, enabled: true, config: {} }]);
  await importWatchlists(db, parseWatchlists(readFileSync(join(ROOT, 'config', 'watchlists.yaml'), 'utf8')));
  for (const role of ['analyst', 'editor', 'researcher', 'admin']) await addUser(db, { email: `${role}@ruta.test`, role, password: PASSWORD, timezone: 'Europe/Belgrade' });
  await addUser(db, { email: 'locked@ruta.test', role: 'researcher', password: PASSWORD });
  // A hostile page: script, an onerror handler and a javascript: URL, in the title and the text.
  await storeArticle(db, {
    ...article(
      'callao',
      '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Kavač clan moved cocaine through Callao',
      'Peruvian police said the Kavač clan moved cocaine through the port of Callao. <script>window.pwned=3</script><a href="javascript:window.pwned=4">click</a> ' +
        'Officers seized 450 kilograms of cocaine in Callao on Friday, hidden in coffee.',
    ),
  });
  await storeArticle(db, article('guayaquil', 'Cocaine seized in Guayaquil organised by the Kavač clan', 'Ecuadorian police seized 2.3 tonnes of cocaine in the port of Guayaquil on Monday. Investigators said the shipment was organised by the Kavač clan, a Montenegrin group.'));
  // The same story in Serbian Cyrillic and Latin script, for search across scripts.
  await storeArticle(db, { ...article('kavacki-cyr', 'Кавачки клан и кокаин из Гвајакила', 'Полиција у Еквадору запленила је кокаин у луци Гвајакил. Истражитељи кажу да је пошиљку организовао Кавачки клан из Црне Горе.'), lang: 'sr', script: 'Cyrl' });
  await storeArticle(db, { ...article('skaljarci-lat', 'Škaljarci preko luke Santos', 'Brazilska policija zaplenila je kokain u luci Santos. Pošiljku su, prema istrazi, slali Škaljarci iz Crne Gore.'), lang: 'sr', script: 'Latn' });
  await runRules(db);
  for (const a of await db.alert.findMany()) alerts[a.rule] = true;
  // A small site for the editors' source pages: a homepage announcing a feed, and an article.
  site = createServer((req, res) => {
    const pages: Record<string, [string, string]> = {
      '/': ['text/html', '<html lang="es"><head><title>Diario Local</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Inicio</body></html>'],
      '/rss.xml': ['application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Diario</title><item><title>Uno</title><link>/nota/1</link></item></channel></rss>'],
      '/robots.txt': ['text/plain', 'User-agent: *\nAllow: /\n'],
      '/nota/1': ['text/html', '<html><head><title>Sitio</title></head><body><div class="ad">Publicidad</div><h1 class="titular">Incautan cocaína en Guayaquil</h1><div class="cuerpo"><p>La policía incautó cocaína en el puerto de Guayaquil, según la fiscalía.</p><p>El cargamento iba a Amberes.</p></div></body></html>'],
    };
    const p = pages[req.url ?? ''];
    res.writeHead(p ? 200 : 404, { 'content-type': `${p?.[0] ?? 'text/plain'}; charset=utf-8` });
    res.end(p?.[1] ?? 'not found');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${(site.address() as AddressInfo).port}`;
  const s = await startServer(db, { port: 0 });
  base = `http://127.0.0.1:${s.port}`;
  close = s.close;
  browser = await chromium.launch({ executablePath: await findChromium(), args: BROWSER_FLAGS, headless: true });
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  await new Promise((r) => site?.close(r));
  await db?.$disconnect();
  cleanup?.();
});

async function login(role: string): Promise<Page> {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${base}/login`);
  await p.fill('input[name=email]', `${role}@ruta.test`);
  await p.fill('input[name=password]', PASSWORD);
  await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/login')), p.click('button[type=submit]')]);
  return p;
}

describe('the web app in Chromium', () => {
  it('sends anonymous requests to the login page, except the login page and the token feed', async () => {
    for (const path of ['/', '/triage', '/alerts/1', '/watchlists', '/watchlists/1', '/digest', '/graph', '/links/1', '/stories', '/stories/1', '/articles/1', '/seizures', '/search', '/entities/criminal_group/Kava%C4%8D%20clan', '/export/links.csv', '/export/search.csv', '/sources', '/sources/el-litoral']) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const login = await fetch(`${base}/login`);
    expect(login.status).toBe(200);
    // A monitor's health check needs no session: the app and its database answer.
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect(login.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(login.headers.get('x-frame-options')).toBe('DENY');
    const user = await db.user.findFirstOrThrow({ where: { role: 'analyst' } });
    expect((await fetch(`${base}/feeds/${user.feedToken}/alerts.atom`)).status).toBe(200);
    expect((await fetch(`${base}/feeds/${user.feedToken}/links.atom`)).status).toBe(200);
    // Any other address under /feeds wants a session.
    expect((await fetch(`${base}/feeds/${user.feedToken}/other.atom`, { redirect: 'manual' })).status).toBe(302);
    const post = await fetch(`${base}/alerts/1/triage`, { method: 'POST', redirect: 'manual' });
    expect([post.status, post.headers.get('location')]).toEqual([303, '/login']);
  });

  it('logs in as each role, lands on its page, and is kept out of the others', async () => {
    const home = { analyst: '/triage', editor: '/watchlists', researcher: '/week', admin: '/triage' } as const;
    for (const [role, path] of Object.entries(home)) {
      const p = await login(role);
      expect(new URL(p.url()).pathname, role).toBe(path);
      await p.screenshot({ path: join(SHOTS, `home-${role}.png`), fullPage: true });
      const forbidden = role === 'analyst' ? '/watchlists' : role === 'editor' || role === 'researcher' ? '/triage' : null;
      if (forbidden) {
        const res = await p.goto(`${base}${forbidden}`);
        expect(res!.status(), `${role} on ${forbidden}`).toBe(403);
      }
      await p.context().close();
    }
    const p = (await browser.newContext()).newPage();
    const page = await p;
    await page.goto(`${base}/login`);
    await page.fill('input[name=email]', 'analyst@ruta.test');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('Wrong email or password');
    await page.context().close();
  });

  it('answers a page that is not there with a page of the app: its menu, the path and the way back', async () => {
    const p = await login('admin');
    for (const path of ['/no-such-page', '/sources/no-such-source', '/links/999999']) {
      const res = await p.goto(`${base}${path}`);
      expect(res!.status(), path).toBe(404);
      await expect(p.locator('h1').textContent()).resolves.toBe('Not found');
      await expect(p.locator('main, body').first().textContent()).resolves.toContain(path);
      expect(await p.locator('header nav a').count(), path).toBeGreaterThan(0);
    }
    await p.context().close();
  });

  it('rate-limits failed logins', async () => {
    const form = (pw: string) => fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: new URLSearchParams({ email: 'locked@ruta.test', password: pw }) });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await form('nope nope')).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await form(PASSWORD);
    expect(blocked.status).toBe(429); // even the right password waits
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A login form posted from another site is refused (403) with the app's page, not answered as a server error.
    const forged = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: new URLSearchParams({ email: 'analyst@ruta.test', password: PASSWORD }) });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<h1>Refused</h1>');
  });

  it('an analyst triages with the keyboard: the reason, highlighted entities, a note, a decision', async () => {
    expect(alerts['balkan-latam-link']).toBe(true);
    const p = await login('analyst');
    const rows = p.locator('#queue tbody tr');
    expect(await rows.count()).toBe(await db.alert.count({ where: { status: 'open' } }));
    // Highest severity first.
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('critical');
    // Times are the analyst's (Europe/Belgrade), the UTC moment in the element.
    const time = rows.first().locator('time');
    const utc = new Date((await time.getAttribute('datetime'))!);
    const belgrade = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Belgrade', dateStyle: 'short', timeStyle: 'short' }).format(utc);
    expect(await time.textContent()).toBe(belgrade);
    expect(await p.locator('header, nav').first().textContent()).toContain('Europe/Belgrade');
    await p.keyboard.press('j');
    await expect(p.locator('tr.selected').count()).resolves.toBe(1);
    await p.keyboard.press('k');
    await Promise.all([p.waitForURL(/\/alerts\/\d+$/), p.keyboard.press('Enter')]);
    const id = Number(new URL(p.url()).pathname.split('/').pop());
    await expect(p.locator('.why').textContent()).resolves.toContain('Rule:');
    expect(await p.locator('.article-text mark').count()).toBeGreaterThan(1);
    expect(await p.locator('.article-text mark.t-criminal_group').first().textContent()).toMatch(/Kavač/);
    // The critical alert is the 2.3 t seizure: its quantity is marked too, and a legend says what the colours are.
    expect(await p.locator('.article-text mark.t-seizure').allTextContents()).toEqual(['2.3 tonnes']);
    expect(await p.locator('.legend').textContent()).toContain('seizure');
    await p.screenshot({ path: join(SHOTS, 'alert.png'), fullPage: true });
    await p.keyboard.press('n');
    await p.keyboard.type('Checked against the prosecutor’s statement.');
    await p.locator('textarea[name=note]').evaluate((el) => (el as HTMLTextAreaElement).blur());
    await Promise.all([p.waitForURL((u) => u.pathname !== `/alerts/${id}`), p.keyboard.press('c')]);
    const done = await db.alert.findUniqueOrThrow({ where: { id } });
    const analyst = await db.user.findUniqueOrThrow({ where: { email: 'analyst@ruta.test' } });
    expect(done).toMatchObject({ status: 'confirmed', note: 'Checked against the prosecutor’s statement.', triagedById: analyst.id });
    // A later change keeps the earlier one in the alert's history: who, when, what.
    await p.goto(`${base}/alerts/${id}`);
    await p.fill('textarea[name=note]', 'Reopened: the article was corrected.');
    await Promise.all([p.waitForLoadState('load'), p.click('#triage button[name=status][value=""]')]);
    await p.goto(`${base}/alerts/${id}`);
    const history = await p.locator('#history li').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/analyst@ruta\.test: confirmed; note “Checked against the prosecutor’s statement\.”$/);
    expect(history[1]).toMatch(/analyst@ruta\.test: note “Reopened: the article was corrected\.”$/);
    await p.context().close();
  });

  it('renders crawled script, onerror and javascript: payloads inert', async () => {
    const p = await login('analyst');
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const hostile = await db.alert.findFirstOrThrow({ where: { article: { url: 'https://el-litoral.example/callao' } } });
    await p.goto(`${base}/alerts/${hostile.id}`);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await p.locator('main script, main img, main [onerror]').count()).toBe(0);
    expect(await p.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await p.locator('.article-text').textContent()).toContain('<script>window.pwned=3</script>');
    expect(await p.locator('main h2 a').first().textContent()).toContain('<img src=x onerror=');
    await p.goto(`${base}/triage`);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('an editor previews a watchlist change, then saves it, and the audit log shows it', async () => {
    const p = await login('editor');
    const list = await db.watchlist.findFirstOrThrow({ where: { name: 'Departure ports' } });
    await p.goto(`${base}/watchlists/${list.id}`);
    const yaml = await p.locator('#yaml').inputValue();
    expect(yaml).toContain('Guayaquil');
    // How the entries fared: Guayaquil's hits in the fixture articles, each counted by decision.
    const guayaquilHits = await db.alert.count({ where: { rule: 'watchlist-hit', key: { startsWith: `watchlist-hit:entry:${(await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: list.id, name: 'Guayaquil' } })).id}:` } } });
    expect(guayaquilHits).toBeGreaterThan(0);
    const row = p.locator('#entry-outcomes tbody tr', { hasText: 'Guayaquil' });
    expect(Number(await row.locator('td').nth(1).textContent())).toBe(guayaquilHits);
    // Remove Guayaquil: its article is no longer flagged by this list.
    const edited = yaml.replace(/\n {6}- name: Guayaquil\n(?: {8}.*\n)+/, '\n');
    expect(edited).not.toContain('Guayaquil');
    await p.fill('#yaml', edited);
    await Promise.all([p.waitForLoadState('load'), p.click('#preview-button')]);
    const preview = p.locator('#preview');
    await expect(preview.textContent()).resolves.toContain('Nothing is saved until you press Save');
    // Both the Latin and the Cyrillic (Гвајакил) articles named only Guayaquil from this list.
    const dropped = await preview.locator('tr.change-dropped').allTextContents();
    expect(dropped).toHaveLength(2);
    expect(dropped.every((r) => r.includes('Guayaquil'))).toBe(true);
    await p.screenshot({ path: join(SHOTS, 'watchlist-preview.png'), fullPage: true });
    expect(await db.watchlistEntry.count({ where: { watchlistId: list.id, name: 'Guayaquil' } })).toBe(1); // not saved
    await Promise.all([p.waitForURL(/saved=1/), p.click('#save-button')]);
    expect(await db.watchlistEntry.count({ where: { watchlistId: list.id, name: 'Guayaquil' } })).toBe(0);
    await expect(p.locator('main').textContent()).resolves.toMatch(/import by user #\d+: added none; changed none; removed Guayaquil/);
    // Broken YAML: a clear error, nothing saved.
    await p.fill('#yaml', 'watchlists: [');
    await p.click('#save-button');
    await expect(p.locator('[role=alert]').textContent()).resolves.toContain('not valid YAML');
    await p.context().close();
  });

  it('a researcher sets the digest hour, timezone and rules', async () => {
    const p = await login('researcher');
    await p.goto(`${base}/digest`);
    await p.selectOption('select[name=hour]', '6');
    await p.fill('input[name=timezone]', 'America/Lima');
    await p.check('input[name=rules][value=balkan-latam-link]');
    await Promise.all([p.waitForURL(/saved=1/), p.click('button:has-text("Save")')]);
    const u = await db.user.findUniqueOrThrow({ where: { email: 'researcher@ruta.test' }, include: { subscriptions: true } });
    expect(u).toMatchObject({ digestHour: 6, timezone: 'America/Lima' });
    expect(u.subscriptions.filter((s) => s.mode === 'digest').map((s) => JSON.parse(s.rules))).toEqual([['balkan-latam-link']]);
    await expect(p.locator('pre').textContent()).resolves.toContain('New Balkan–Latin America links');
    await p.screenshot({ path: join(SHOTS, 'digest.png'), fullPage: true });
    await p.context().close();
  });

  it('a researcher opens the link graph, filters it, follows an edge to its evidence, and exports it', async () => {
    const p = await login('researcher');
    await p.goto(`${base}/graph`);
    const edges = p.locator('#graph a.edge');
    expect(await edges.count()).toBeGreaterThan(0);
    expect(await p.locator('#graph .node.balkan text').allTextContents()).toContain('Kavač clan');
    await p.screenshot({ path: join(SHOTS, 'graph.png'), fullPage: true });
    const guayaquil = p.locator('#graph a.edge', { has: p.locator('title', { hasText: 'Kavač clan – Guayaquil' }) });
    await Promise.all([p.waitForURL(/\/links\/\d+$/), guayaquil.dispatchEvent('click')]);
    await expect(p.locator('#evidence li').first().textContent()).resolves.toContain('organised by the Kavač clan');
    // Each story once: as many items as the link's evidence has stories (an article without one counts alone).
    const linkId = Number(new URL(p.url()).pathname.split('/').pop());
    const ev = await db.linkEvidence.findMany({ where: { linkId }, select: { article: { select: { id: true, storyId: true } } } });
    expect(await p.locator('#evidence > li').count()).toBe(new Set(ev.map((e) => (e.article.storyId !== null ? `s${e.article.storyId}` : `a${e.article.id}`))).size);
    // First reported: the earliest evidence article's date, not the day Ruta stored the link.
    const evidenceDates = (await p.locator('#evidence li').allTextContents()).map((t) => /\((?:[a-z]{2,3}), (\d{4}-\d{2}-\d{2})/.exec(t)![1]!).sort();
    const dates = /first reported (\S+) · seen by Ruta since (\S+)/.exec((await p.locator('#link-dates').textContent())!)!;
    expect(dates[1]).toBe(evidenceDates[0]);
    expect(dates[2]).toBe(new Date().toISOString().slice(0, 10));
    // The link's neighbours: the clan's other links, each a link of its own.
    const others = await p.locator('#links-of-balkan li a').allTextContents();
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((x) => x.startsWith('Kavač clan – ') && x !== 'Kavač clan – Guayaquil')).toBe(true);
    expect(others).toEqual(expect.arrayContaining([expect.stringContaining('Callao')]));
    // Each side opens its entity's page.
    await Promise.all([p.waitForURL(/\/entities\/port\/Guayaquil$/), p.click('h1 a:has-text("Guayaquil")')]);
    expect(await p.locator('#entity-links a').allTextContents()).toContain('Kavač clan – Guayaquil');
    // Articles naming it per month: the fixture's all fall in November 2026.
    const naming = await db.article.count({ where: { duplicateOfId: null, mentions: { some: { entity: { type: 'port', canonical: 'Guayaquil' } } } } });
    expect(naming).toBeGreaterThan(1);
    expect(await p.locator('#entity-months rect').count()).toBe(1);
    expect(await p.locator('#entity-months title').allTextContents()).toEqual([`2026-11: ${naming} article(s)`]);
    // So do the names in the graph's table.
    await p.goto(`${base}/graph`);
    await Promise.all([p.waitForURL(/\/entities\/criminal_group\/Kava%C4%8D%20clan$/), p.locator('tbody td a', { hasText: 'Kavač clan' }).first().click()]);
    expect(await p.locator('h1').textContent()).toContain('Kavač clan');
    // Filters: a period with nothing, then a country.
    await p.goto(`${base}/graph?from=2001-01-01&to=2001-12-31`);
    await expect(p.locator('main').textContent()).resolves.toContain('No links with these filters');
    await p.goto(`${base}/graph?country=Peru`);
    const peru = await p.locator('#graph title').allTextContents();
    expect(peru.every((x) => !x.includes('Guayaquil'))).toBe(true);
    // Exports, with the session.
    const csv = await (await p.request.get(`${base}/export/links.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('balkan,balkan_type,latam,latam_type,evidence,first_seen,last_seen,review');
    expect(csv).toContain('"Kavač clan","criminal_group","Guayaquil","port"');
    const ftm = (await (await p.request.get(`${base}/export/links.ftm.jsonl`)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(ftm.filter((e) => e.schema === 'UnknownLink').length).toBeGreaterThan(0);
    expect(ftm.find((e) => e.schema === 'Organization' && e.properties.name[0] === 'Kavač clan')).toBeTruthy();
    const $ = cheerio.load(await (await p.request.get(`${base}/export/links.gexf`)).text(), { xml: true });
    expect($('node').length).toBeGreaterThan(1);
    expect($('edge').length).toBe((await linkGraph(db)).length);
    const json = JSON.parse(await (await p.request.get(`${base}/export/links.json`)).text());
    expect(json[0]).toHaveProperty('balkan.name');
    await p.goto(`${base}/seizures`);
    expect(await p.locator('#timeline rect').count()).toBeGreaterThan(0);
    // Each month's bar says how much: the fixture's 2.3 t and 450 kg seizures, in one month.
    const values = await p.locator('#timeline .value').allTextContents();
    expect(values).toEqual(['2.8 t']); // one month: 2.3 t + 450 kg
    await p.screenshot({ path: join(SHOTS, 'seizures.png'), fullPage: true });
    await p.context().close();
  });

  it('search finds Latin text with a Cyrillic query and the reverse, unless the toggle is off', async () => {
    const p = await login('researcher');
    const search = async (q: string, across: boolean) => {
      await p.goto(`${base}/search`);
      await p.fill('input[name=q]', q);
      if (!across) await p.uncheck('input[type=checkbox][name=across]');
      await Promise.all([p.waitForURL(/q=/), p.press('input[name=q]', 'Enter')]);
      return p.locator('#results li a:not(.stored)').allTextContents();
    };
    expect(await search('Кавачки', true)).toEqual(expect.arrayContaining(['Кавачки клан и кокаин из Гвајакила']));
    expect(await search('Škaljarci', true)).toEqual(['Škaljarci preko luke Santos']);
    expect(await search('Шкаљарци', true)).toEqual(['Škaljarci preko luke Santos']);
    expect(await search('Шкаљарци', false)).toEqual([]);
    expect(await search('Gvajakil', true)).toEqual(['Кавачки клан и кокаин из Гвајакила']);
    expect(await search('Gvajakil', false)).toEqual([]);
    expect(await p.locator('input[type=checkbox][name=across]').isChecked()).toBe(false);
    // Narrowed by language and period (the "to" day included), newest first; the form keeps the choices.
    const results = async (qs: string) => {
      await p.goto(`${base}/search?${qs}`);
      return (await p.locator('#results li a:not(.stored)').allTextContents()).sort();
    };
    const all = await results('q=Kava%C4%8D*');
    expect(all.length).toBeGreaterThan(1);
    expect(await results('q=Kava%C4%8D*&lang=sr')).toEqual(['Кавачки клан и кокаин из Гвајакила']);
    expect(await p.locator('select[name=lang]').inputValue()).toBe('sr');
    expect(await results('q=Kava%C4%8D*&from=2026-11-21')).toEqual([]);
    expect(await results('q=Kava%C4%8D*&from=2026-11-20&to=2026-11-20')).toEqual(all);
    expect(await results('q=Kava%C4%8D*&to=2026-11-19')).toEqual([]);
    expect(await results('q=Kava%C4%8D*&order=newest')).toEqual(all);
    expect(await p.locator('select[name=order]').inputValue()).toBe('newest');
    // The export holds what the page found, narrowed alike.
    await p.goto(`${base}/search?q=Kava%C4%8D*&lang=sr`);
    const href = (await p.locator('#result-count a').getAttribute('href'))!;
    expect(href).toMatch(/^\/export\/search\.csv\?.*lang=sr/);
    const csv = await (await p.request.get(`${base}${href}`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,url,title,published,lang,script,snippet');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Кавачки клан и кокаин из Гвајакила","2026-11-20T08:00:00.000Z","sr","Cyrl"');
    expect((await (await p.request.get(`${base}/export/search.csv?q=Kava%C4%8D*`)).text()).trim().split('\r\n').length - 1).toBe(all.length);
    // A link or bookmark without the box's value searches across scripts, as the form does by default.
    await p.goto(`${base}/search?q=Gvajakil`);
    expect(await p.locator('#results li a:not(.stored)').allTextContents()).toEqual(['Кавачки клан и кокаин из Гвајакила']);
    expect(await p.locator('input[type=checkbox][name=across]').isChecked()).toBe(true);
    // A query that names a group, in any form and script, lists the articles that name it in every language, the
    // hostile title escaped: "Kavačkog klana" (Serbian genitive) finds the English and the Cyrillic reports.
    await p.goto(`${base}/search?q=${encodeURIComponent('Kavačkog klana')}`);
    expect(await p.locator('#named > ul > li > b').allTextContents()).toEqual(['Kavač clan']);
    const named = await p.locator('#named li li a:not(.stored)').allTextContents();
    expect(named).toEqual(expect.arrayContaining(['Cocaine seized in Guayaquil organised by the Kavač clan', 'Кавачки клан и кокаин из Гвајакила']));
    expect(named.some((t) => t.includes('<script>window.pwned=1</script>'))).toBe(true);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await p.locator('#results li a:not(.stored)').allTextContents()).toEqual([]);
    // The group's page: how the articles write it, its links, its articles (the hostile title escaped).
    await Promise.all([p.waitForURL(/\/entities\/criminal_group\//), p.click('#named > ul > li > b > a')]);
    expect(await p.locator('h1').textContent()).toBe('Kavač clan');
    const forms = (await p.locator('#forms').textContent()) ?? '';
    expect(forms).toContain('Kavač clan');
    expect(forms).toContain('Кавачки клан');
    expect(await p.locator('#entity-links a').allTextContents()).toEqual(expect.arrayContaining(['Kavač clan – Guayaquil']));
    expect(await p.locator('#entity-articles li a').count()).toBeGreaterThanOrEqual(3);
    // Who and what the same articles name, by articles shared: Guayaquil in two (the English and the Cyrillic report), Callao in one.
    const co = (await p.locator('#co-named').textContent()) ?? '';
    expect(co).toMatch(/Guayaquil \(port, 2\)/);
    expect(co).toMatch(/Callao \(port, 1\)/);
    expect(co).not.toMatch(/Montenegrin \(/);
    expect(co.indexOf('Guayaquil')).toBeLessThan(co.indexOf('Callao'));
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect((await p.goto(`${base}/entities/criminal_group/${encodeURIComponent('No such clan')}`))!.status()).toBe(404);
    // A query naming nothing the gazetteer knows shows no such list.
    await p.goto(`${base}/search?q=kokain`);
    expect(await p.locator('#named').count()).toBe(0);
    await p.screenshot({ path: join(SHOTS, 'search.png'), fullPage: true });
    await p.context().close();
  });

  it('an editor adds a source from its homepage, tests selectors on an article, saves them and disables the source', async () => {
    const p = await login('editor');
    // A broken source comes first, with its last error.
    await db.source.update({ where: { id: 'el-litoral' }, data: { lastRunAt: new Date(), lastErrorAt: new Date(), lastError: 'HTTP 503 from https://el-litoral.example/feed.xml' } });
    await p.goto(`${base}/sources`);
    const first = p.locator('tbody tr').first();
    expect(await first.locator('td').nth(1).textContent()).toBe('failing');
    expect(await first.locator('.last-error').textContent()).toContain('HTTP 503 from https://el-litoral.example/feed.xml');
    // What it brought in 30 days that matters here: of the articles it delivered, those with a link or a seizure, or that raised an alert.
    const delivered = await db.articleSource.count({ where: { sourceId: 'el-litoral' } });
    const onTopic = await db.article.count({ where: { sources: { some: { sourceId: 'el-litoral' } }, OR: [{ evidence: { some: {} } }, { seizures: { some: {} } }, { alerts: { some: {} } }] } });
    expect(await first.locator('.yield').textContent()).toBe(`${onTopic} of ${delivered} (${Math.round((onTopic / delivered) * 100)}%)`);
    // Its page: the latest fetches, the failed one marked with its error; its articles and the languages read in them; its clock.
    await logFetch(db, { sourceId: 'el-litoral', url: 'https://el-litoral.example/feed.xml', purpose: 'feed', status: 503, ok: false, error: 'HTTP 503 from https://el-litoral.example/feed.xml', durationMs: 120 });
    await p.goto(`${base}/sources/el-litoral`);
    expect(await p.locator('#fetches tr.fetch-failed').first().textContent()).toContain('503: HTTP 503 from https://el-litoral.example/feed.xml');
    expect(await p.locator('main p.muted').first().textContent()).toContain('dates without a zone read on America/Guayaquil');
    const stored = await db.article.count({ where: { sources: { some: { sourceId: 'el-litoral' } } } });
    expect(await p.locator('#source-articles li').count()).toBe(Math.min(20, stored));
    // The source says Spanish; its test articles are English and Serbian.
    expect(await p.locator('#language-warning').textContent()).toContain(`${Math.min(20, stored)} of the latest ${Math.min(20, stored)} article(s) read as another language than the source's (es)`);
    await p.goto(`${base}/sources`);
    await p.fill('input[name=url]', `${siteUrl}/`);
    await Promise.all([p.waitForURL(/\/sources\/discover$/), p.click('button:has-text("Find feeds")')]);
    await expect(p.locator('main').textContent()).resolves.toContain(`rss ${siteUrl}/rss.xml — 1 entries`);
    await Promise.all([p.waitForURL(/\/sources\/[a-z0-9-]+$/), p.click('#add-source')]);
    const id = new URL(p.url()).pathname.split('/').pop()!;
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ url: `${siteUrl}/rss.xml`, kind: 'rss', language: 'es', enabled: true });
    await p.fill('input[name=title]', 'h1.titular');
    await p.fill('input[name=body]', 'div.cuerpo');
    await p.fill('input[name=testUrl]', `${siteUrl}/nota/1`);
    await Promise.all([p.waitForLoadState('load'), p.click('#test-button')]);
    const result = p.locator('#test-result');
    await expect(result.textContent()).resolves.toContain('Incautan cocaína en Guayaquil');
    await expect(result.textContent()).resolves.toContain('Body from: selectors');
    expect(await result.textContent()).not.toContain('Publicidad');
    await p.click('button[value=save]');
    await p.waitForLoadState('load');
    expect(JSON.parse((await db.source.findUniqueOrThrow({ where: { id } })).config)).toEqual({ selectors: { title: 'h1.titular', body: 'div.cuerpo' } });
    // The whole source tested as it stands, with its saved selectors: its feed's link, and the article read through them.
    const articlesBefore = await db.article.count();
    await Promise.all([p.waitForLoadState('load'), p.click('#test-source')]);
    expect(await p.locator('#source-test-found').textContent()).toBe('1 article link(s) found in 1 document(s).');
    const tested = p.locator('#source-test .tested.ok');
    expect(await tested.count()).toBe(1);
    expect(await tested.locator('h3').textContent()).toBe('Incautan cocaína en Guayaquil');
    expect(await tested.textContent()).toContain('Language: es (Latn)');
    expect(await tested.textContent()).toContain('Guayaquil');
    expect(await tested.textContent()).not.toContain('Publicidad');
    expect(await db.article.count()).toBe(articlesBefore); // nothing stored
    await Promise.all([p.waitForLoadState('load'), p.click('#toggle')]);
    expect((await db.source.findUniqueOrThrow({ where: { id } })).enabled).toBe(false);
    await p.screenshot({ path: join(SHOTS, 'source.png'), fullPage: true });
    await p.context().close();
  });

  it('an analyst filters the queue by rule and severity and pages through it', async () => {
    // 120 low watchlist alerts beside the real ones.
    const extra = await db.alert.createManyAndReturn({
      data: Array.from({ length: 120 }, (_, i) => ({ rule: 'watchlist-hit', key: `paging-${i}`, severity: 'low', reason: `paging test ${i}` })),
    });
    try {
      const p = await login('analyst');
      const open = await db.alert.count({ where: { status: { in: ['open', 'escalated'] } } });
      await expect(p.locator('#count').textContent()).resolves.toBe(`1–50 of ${open}`);
      // Filter: the form keeps the choice, and the pages keep the filter.
      await p.selectOption('select[name=severity]', 'low');
      await p.selectOption('select[name=rule]', 'watchlist-hit');
      await Promise.all([p.waitForURL(/severity=low/), p.click('form.filters button')]);
      await expect(p.locator('#count').textContent()).resolves.toBe('1–50 of 120');
      expect(new Set(await p.locator('#queue tbody td:nth-child(2)').allTextContents())).toEqual(new Set(['low']));
      await p.screenshot({ path: join(SHOTS, 'triage-filtered.png') });
      await Promise.all([p.waitForURL(/page=2/), p.click('a[rel=next]')]);
      await Promise.all([p.waitForURL(/page=3/), p.click('a[rel=next]')]);
      expect(new URL(p.url()).searchParams.get('rule')).toBe('watchlist-hit');
      await expect(p.locator('#count').textContent()).resolves.toBe('101–120 of 120');
      expect(await p.locator('a[rel=next]').count()).toBe(0);
      expect(await p.locator('select[name=severity]').inputValue()).toBe('low');
      // Every alert shown once over the three pages.
      const seen = new Set<string>();
      for (const n of [1, 2, 3]) {
        await p.goto(`${base}/triage?rule=watchlist-hit&severity=low&page=${n}`);
        for (const r of await p.locator('#queue tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-href')!))) seen.add(r);
      }
      expect(seen.size).toBe(120);
      // A filter no alert passes says so; an unknown value is no filter.
      await p.goto(`${base}/triage?severity=critical&rule=watchlist-hit`);
      await expect(p.locator('main, body').first().textContent()).resolves.toContain('Nothing to triage with these filters.');
      await p.goto(`${base}/triage?severity=bogus&page=999`);
      await expect(p.locator('#count').textContent()).resolves.toMatch(new RegExp(`of ${open}$`));
      // A decision on several at once: two picked with the mouse, one with the keyboard (j, x), then "Dismiss selected".
      await p.goto(`${base}/triage?rule=watchlist-hit&severity=low`);
      const ids = await p.locator('#queue tbody input[type=checkbox]').evaluateAll((boxes) => boxes.slice(0, 3).map((b) => Number((b as HTMLInputElement).value)));
      await p.locator(`#queue input[value="${ids[0]}"]`).check();
      await p.locator(`#queue input[value="${ids[1]}"]`).check();
      await p.keyboard.press('j');
      await p.keyboard.press('j');
      await p.keyboard.press('x');
      expect(await p.locator(`#queue input[value="${ids[2]}"]`).isChecked()).toBe(true);
      await Promise.all([p.waitForURL(/\/triage\?rule=watchlist-hit&severity=low$/), p.click('#bulk button[value=dismissed]')]);
      const decided = await db.alert.findMany({ where: { id: { in: ids } }, select: { status: true, triagedById: true } });
      const analyst = await db.user.findFirstOrThrow({ where: { email: 'analyst@ruta.test' } });
      expect(decided).toEqual(ids.map(() => ({ status: 'dismissed', triagedById: analyst.id })));
      expect(await db.alertEvent.findMany({ where: { alertId: { in: ids } }, select: { status: true, userId: true } })).toEqual(ids.map(() => ({ status: 'dismissed', userId: analyst.id })));
      await expect(p.locator('#count').textContent()).resolves.toBe('1–50 of 117');
      // The token and the choices are checked.
      const token = await p.locator('#bulk input[name=_csrf]').inputValue();
      const cookie = (await p.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const post = (form: Record<string, string>) =>
        fetch(`${base}/triage/bulk`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
      expect((await post({ _csrf: token, status: 'deleted', 'ids[]': String(ids[0]) })).status).toBe(400);
      expect((await post({ _csrf: token, status: 'confirmed', 'ids[]': 'DROP TABLE' })).status).toBe(400);
      expect((await post({ _csrf: 'stale', status: 'confirmed', 'ids[]': String(ids[0]) })).status).toBe(403);
      const away = await post({ _csrf: token, status: 'confirmed', 'ids[]': String(ids[0]), back: 'https://evil.example/' });
      expect([away.status, away.headers.get('location')]).toEqual([303, '/triage']);
      // The queue as filtered exports as CSV, every page of it; "any" status takes the decided ones too.
      const exported = await (await p.request.get(`${base}${await p.locator("#export-alerts").getAttribute("href")}`)).text();
      const lines = exported.trim().split('\r\n');
      expect(lines[0]).toBe('id,created,rule,severity,status,reason,evidence,entities,article_id,article_title,article_url,story_id,assignee,decided_by,decided_at,note');
      expect(lines.length - 1).toBe(117);
      expect(lines.slice(1).every((l) => l.includes('"watchlist-hit","low","open"'))).toBe(true);
      const any = (await (await p.request.get(`${base}/export/alerts.csv?rule=watchlist-hit&severity=low&status=any`)).text()).trim().split('\r\n');
      expect(any.length - 1).toBe(120);
      expect(any.filter((l) => l.includes('"dismissed"') && l.includes('"analyst@ruta.test"')).length).toBe(2); // the third was confirmed by the post above
      const researcher = await login('researcher');
      expect((await researcher.request.get(`${base}/export/alerts.csv`)).status()).toBe(403);
      await researcher.context().close();
      await p.context().close();
    } finally {
      await db.alert.deleteMany({ where: { id: { in: extra.map((a) => a.id) } } });
    }
  });

  it('a researcher opens the stored copy of an article: its text highlighted and inert, its links, seizures and alerts', async () => {
    const p = await login('researcher');
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}/search?q=Callao`);
    const hostile = await db.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/callao' } });
    await Promise.all([p.waitForURL(new RegExp(`/articles/${hostile.id}$`)), p.click(`#results a.stored[href="/articles/${hostile.id}"]`)]);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await p.locator('main script, main img, main [onerror], a[href^="javascript:"]').count()).toBe(0);
    expect(await p.locator('h1').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await p.locator('#article-text').textContent()).toContain('<script>window.pwned=3</script>');
    // The text says its language, for screen readers and hyphenation; Serbian in Cyrillic as sr-Cyrl.
    expect(await p.locator('#article-text').getAttribute('lang')).toBe(hostile.lang);
    const cyr = await db.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/kavacki-cyr' } });
    await p.goto(`${base}/articles/${cyr.id}`);
    expect(await p.locator('#article-text').getAttribute('lang')).toBe('sr-Cyrl');
    await p.goto(`${base}/articles/${hostile.id}`);
    expect(await p.locator('#article-text mark.t-criminal_group').allTextContents()).toContain('Kavač clan');
    expect(await p.locator('#article-text mark.t-seizure').allTextContents()).toEqual(['450 kilograms']);
    expect(await p.locator('#article-links a').allTextContents()).toContain('Kavač clan – Callao');
    expect(await p.locator('#article-seizures').textContent()).toContain('450 kg cocaine');
    expect(await p.locator('#article-facts').textContent()).toContain('El Litoral');
    // A researcher sees that alerts were raised; only an analyst opens them.
    expect(await p.locator('#article-alerts li').count()).toBeGreaterThan(0);
    expect(await p.locator('#article-alerts a').count()).toBe(0);
    await Promise.all([p.waitForURL(/\/entities\/port\/Callao$/), p.click('#article-named a:has-text("Callao")')]);
    // The entity's page and a link's evidence offer the stored copy too.
    expect(await p.locator(`#entity-articles a.stored[href="/articles/${hostile.id}"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await p.context().close();
    const a = await login('analyst');
    await a.goto(`${base}/articles/${hostile.id}`);
    const first = await db.alert.findFirstOrThrow({ where: { articleId: hostile.id }, orderBy: { id: 'asc' } });
    await Promise.all([a.waitForURL(new RegExp(`/alerts/${first.id}$`)), a.click(`#article-alerts a[href="/alerts/${first.id}"]`)]);
    await a.context().close();
  });

  it('a stored copy shows its earlier versions and what changed, word by word, inert', async () => {
    const before = await db.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/skaljarci-lat' } });
    const changed = `${before.text.replace('kokain', ' 1,2 tone kokaina')} Uhapšen je <img src=x onerror="window.pwned=9">Marko Marković.`;
    const rev = await reviseArticle(db, { ...article('skaljarci-lat', before.title, changed), lang: 'sr', script: 'Latn' });
    expect(rev.status).toBe('revised');
    const p = await login('researcher');
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}/articles/${before.id}`);
    expect(await p.locator('#article-facts').textContent()).toContain('1 earlier version(s)');
    const version = p.locator('#versions li');
    expect(await version.count()).toBe(1);
    expect(await version.textContent()).toMatch(/\+\d+ \/ −1 words/);
    expect(await version.locator('del').allTextContents()).toEqual(['kokain']);
    const added = (await version.locator('ins').allTextContents()).join('|');
    expect(added).toMatch(/1,2\|tone\|kokaina/);
    expect(added).toContain('<img src=x onerror="window.pwned=9">Marko Marković.');
    expect(await p.locator('#versions img').count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('a researcher reads the stories: one event across outlets, with its links, seizures, names and articles', async () => {
    // Another outlet runs El Litoral's Guayaquil report: one story, two outlets.
    await upsertSources(db, [{ id: 'diario-sur', name: 'Diario del Sur', url: 'https://diario-sur.example/feed', kind: 'rss', language: 'es', country: 'EC', schedule: '*/30 * * * *', render: false, enabled: true, config: {} }]);
    const original = await db.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/guayaquil' } });
    // A near copy: the same report with the outlet's own line after it (an identical text would be the same article).
    const copy = article('copia', original.title, `${original.text} Diario del Sur republished this report from El Litoral.`);
    await storeArticle(db, { ...copy, sourceId: 'diario-sur', url: 'https://diario-sur.example/copia', fetchedUrl: 'https://diario-sur.example/copia' });
    const story = await db.story.findFirstOrThrow({ where: { articles: { some: { url: 'https://diario-sur.example/copia' } } } });
    expect(story.outletCount).toBe(2);

    const p = await login('researcher');
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await Promise.all([p.waitForURL(/\/stories$/), p.click('nav a:has-text("Stories")')]);
    const total = await db.story.count();
    expect(await p.locator('#story-count').textContent()).toBe(`${total} stories`);
    // The hostile headline is text, not markup.
    expect(await p.locator('#stories').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // Told by two outlets or more: only the Guayaquil report.
    await p.selectOption('select[name=outlets]', '2');
    await Promise.all([p.waitForURL(/outlets=2/), p.click('form.filters button')]);
    const rows = p.locator('#stories tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Cocaine seized in Guayaquil organised by the Kavač clan');
    expect(await rows.first().textContent()).toContain('2.3 t cocaine');
    // In Serbian: the Cyrillic and the Latin reports, and no Spanish or English one.
    await p.goto(`${base}/stories?lang=sr`);
    const serbian = await p.locator('#stories tbody tr td:first-child').allTextContents();
    expect(serbian.sort()).toEqual(['Škaljarci preko luke Santos', 'Кавачки клан и кокаин из Гвајакила'].sort());
    // Reporting a seizure: each row names its largest.
    await p.goto(`${base}/stories?about=seizures`);
    const largest = await p.locator('#stories tbody tr td:nth-child(6)').allTextContents();
    expect(largest.length).toBeGreaterThan(0);
    expect(largest.every((x) => /\d.*(kg|t) cocaine/.test(x))).toBe(true);

    // The story's page.
    await p.goto(`${base}/stories`);
    await Promise.all([p.waitForURL(new RegExp(`/stories/${story.id}$`)), p.click(`#stories a[href="/stories/${story.id}"]`)]);
    expect(await p.locator('#story-facts').textContent()).toContain('2 outlet(s) · 2 article(s)');
    // A researcher sees how many alerts the story raised, not the queue.
    expect(await p.locator('#story-alerts').textContent()).toMatch(/^Alerts: \d+ /);
    expect(await p.locator('#story-alerts a').count()).toBe(0);
    expect(await p.locator('#story-links a').allTextContents()).toContain('Kavač clan – Guayaquil');
    // On the link's page, the copy is counted under the story's earliest article, not quoted again.
    const guayaquilLink = await db.link.findFirstOrThrow({ where: { balkan: 'Kavač clan', latam: 'Guayaquil' } });
    await p.goto(`${base}/links/${guayaquilLink.id}`);
    const item = p.locator('#evidence > li', { has: p.locator(`a[href="/stories/${story.id}"]`) });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.more').textContent()).toBe('and 1 more article(s) of this story');
    await p.goto(`${base}/stories/${story.id}`);
    expect(await p.locator('#story-links').textContent()).toContain('reported by 2 of the story');
    // One seizure, reported twice, is listed once.
    expect(await p.locator('#story-seizures li').allTextContents()).toEqual([expect.stringMatching(/^2\.3 t cocaine .*in Guayaquil.*reported by 2 article\(s\)/)]);
    expect(await p.locator('#story-named a').allTextContents()).toEqual(expect.arrayContaining(['Kavač clan', 'Guayaquil']));
    const outlets = await p.locator('#story-articles tbody tr td:nth-child(2)').allTextContents();
    expect(outlets.sort()).toEqual(['Diario del Sur', 'El Litoral']);
    expect(await p.locator('#story-articles').textContent()).toContain('copy of “Cocaine seized in Guayaquil organised by the Kavač clan”');
    // An article's links open apart and never run script; a name opens its entity.
    expect(await p.locator('#story-articles a[target=_blank][rel~=noopener]').count()).toBe(2);
    await Promise.all([p.waitForURL(/\/entities\/criminal_group\//), p.click('#story-named a:has-text("Kavač clan")')]);
    expect((await fetch(`${base}/stories/999999`, { headers: { cookie: (await p.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).status).toBe(404);
    expect(errors).toEqual([]);
    await p.context().close();
    // An analyst goes from an alert to its story.
    const a = await login('analyst');
    const alert = await db.alert.findFirstOrThrow({ where: { article: { url: 'https://el-litoral.example/guayaquil' } } });
    await a.goto(`${base}/alerts/${alert.id}`);
    await Promise.all([a.waitForURL(new RegExp(`/stories/${story.id}$`)), a.click(`a[href="/stories/${story.id}"]`)]);
    // From the story, its waiting alerts in the queue, and only them; the export keeps the filter.
    const waiting = await db.alert.count({ where: { storyId: story.id, status: { in: ['open', 'escalated'] } } });
    expect(waiting).toBeGreaterThan(0);
    expect(await a.locator('#story-alerts').textContent()).toContain(`triage the ${waiting} waiting`);
    await Promise.all([a.waitForURL(new RegExp(`/triage\\?story=${story.id}$`)), a.click('#story-alerts a')]);
    expect(await a.locator('#queue tbody tr').count()).toBe(Math.min(waiting, 50));
    expect(await a.locator('#export-alerts').getAttribute('href')).toContain(`story=${story.id}`);
    const exported = (await (await a.request.get(`${base}${await a.locator('#export-alerts').getAttribute('href')}`)).text()).trim().split('\r\n').slice(1);
    expect(exported.length).toBe(waiting);
    expect(exported.every((l) => l.includes(`"${story.id}"`))).toBe(true);
    await a.context().close();
  });

  it('an analyst dismisses a misread link: the graph, its exports and the pages say so, and it can be reopened', async () => {
    const link = (await linkGraph(db)).find((l) => l.balkan === 'Kavač clan' && l.latam === 'Callao')!;
    expect(link.review).toBe('open');
    const a = await login('analyst');
    const errors: string[] = [];
    a.on('pageerror', (e) => errors.push(e.message));
    await a.goto(`${base}/links/${link.id}`);
    expect(await a.locator('#review h2').textContent()).toBe("Analysts' verdict: not judged");
    await a.fill('#review-form textarea[name=note]', 'The <b>clan</b> is named for a 2019 case, not this shipment');
    await Promise.all([a.waitForURL(new RegExp(`/links/${link.id}$`)), a.click('#review-form button[value=dismissed]')]);
    expect(await a.locator('#review h2').textContent()).toBe("Analysts' verdict: dismissed");
    const entry = await a.locator('#review-history li').first().textContent();
    expect(entry).toContain('analyst@ruta.test: dismissed');
    expect(entry).toContain('“The <b>clan</b> is named for a 2019 case, not this shipment”'); // the note is text
    expect(await a.locator('#review-form button[value=dismissed]').count()).toBe(0);
    await a.screenshot({ path: join(SHOTS, 'link-review.png'), fullPage: true });

    // Researchers: gone from the graph and its exports, unless they ask for dismissed links; marked where it is listed.
    const r = await login('researcher');
    await r.goto(`${base}/graph`);
    expect(await r.locator('#graph title').allTextContents()).not.toContain(expect.stringContaining('Kavač clan – Callao'));
    expect(await r.locator('#link-count').textContent()).toContain('1 dismissed by analysts left out (show them)');
    const csv = await (await r.request.get(`${base}/export/links.csv`)).text();
    expect(csv).not.toContain('"Callao"');
    await r.selectOption('select[name=review]', 'dismissed');
    await Promise.all([r.waitForURL(/review=dismissed/), r.click('form.filters button')]);
    expect(await r.locator('tbody tr').count()).toBe(1);
    expect(await r.locator('tbody tr').first().textContent()).toContain('dismissed');
    expect(await r.locator('#graph a.edge.review-dismissed').count()).toBe(1);
    expect(await (await r.request.get(`${base}/export/links.csv?review=all`)).text()).toMatch(/"Kavač clan","criminal_group","Callao","port",.*,"dismissed"/);
    await r.goto(`${base}/entities/criminal_group/Kava%C4%8D%20clan`);
    expect(await r.locator('#entity-links li', { hasText: 'Kavač clan – Callao' }).locator('.review-dismissed').count()).toBe(1);
    // A researcher cannot judge links.
    expect(await r.locator('#review-form').count()).toBe(0);
    const forbidden = await r.request.post(`${base}/links/${link.id}/review`, { form: { status: 'open', _csrf: (await r.locator('body').getAttribute('data-csrf'))! }, headers: { origin: base } });
    expect(forbidden.status()).toBe(403);
    await r.context().close();

    // Reopened, it is back in the graph; the history keeps both verdicts.
    await a.click('#review-form button[value=open]');
    await a.waitForSelector('#review-history li:nth-child(2)');
    expect(await a.locator('#review h2').textContent()).toBe("Analysts' verdict: reopened, not judged");
    expect(await a.locator('#review-history li').nth(1).textContent()).toContain('analyst@ruta.test: reopened');
    expect((await linkGraph(db)).map((l) => l.id)).toContain(link.id);
    expect((await a.request.post(`${base}/links/${link.id}/review`, { form: { status: 'maybe', _csrf: (await a.locator('body').getAttribute('data-csrf'))! }, headers: { origin: base } })).status()).toBe(400);
    // From an alert about a link, the link itself is judged there, and the page comes back; the alert keeps its own status.
    const about = await db.alert.findFirstOrThrow({ where: { rule: 'balkan-latam-link', linkId: { not: null } }, include: { link: true } });
    await a.goto(`${base}/alerts/${about.id}`);
    await Promise.all([a.waitForURL(new RegExp(`/alerts/${about.id}$`)), a.click('#link-verdict button[value=confirmed]')]);
    expect(await a.locator('.why .review-confirmed').count()).toBe(1);
    expect(await a.locator('#link-verdict button[value=confirmed]').count()).toBe(0);
    expect(await db.link.findUniqueOrThrow({ where: { id: about.linkId! } })).toMatchObject({ review: 'confirmed' });
    expect((await db.alert.findUniqueOrThrow({ where: { id: about.id } })).status).toBe(about.status);
    expect(errors).toEqual([]);
    await a.context().close();
  });

  it('a researcher saves a search for the digest from its results, sees it on the digest page and removes it', async () => {
    const p = await login('researcher');
    await p.goto(`${base}/search?q=Santos&across=1&lang=sr`);
    await Promise.all([p.waitForURL(/saved=1/), p.click('#save-search button')]);
    expect(await p.locator('#save-search [role=status]').textContent()).toContain('your daily digest lists the new articles this search finds');
    expect(await p.locator('#results li').count()).toBeGreaterThan(0); // the results are still there
    const me = await db.user.findUniqueOrThrow({ where: { email: 'researcher@ruta.test' } });
    expect(await db.savedSearch.findMany({ where: { userId: me.id }, select: { query: true, across: true, lang: true } })).toEqual([{ query: 'Santos', across: true, lang: 'sr' }]);
    await p.goto(`${base}/digest`);
    expect(await p.locator('#saved-searches li').allTextContents()).toEqual([expect.stringMatching(/^Santos across scripts, sr only/)]);
    // The person's feeds, with their token.
    expect(await p.locator('#feeds code').allTextContents()).toEqual([expect.stringMatching(new RegExp(`/feeds/${me.feedToken}/links\\.atom$`)), expect.stringMatching(new RegExp(`/feeds/${me.feedToken}/alerts\\.atom$`))]);
    // Its link runs it again.
    await Promise.all([p.waitForURL(/\/search\?q=Santos/), p.click('#saved-searches a')]);
    expect(await p.locator('select[name=lang]').inputValue()).toBe('sr');
    // Another person cannot remove it.
    const other = await login('analyst');
    const id = (await db.savedSearch.findFirstOrThrow({ where: { userId: me.id } })).id;
    const denied = await other.request.post(`${base}/searches/${id}/delete`, { form: { _csrf: (await other.locator('body').getAttribute('data-csrf'))! }, headers: { origin: base } });
    expect(denied.status()).toBe(404);
    await other.context().close();
    await p.goto(`${base}/digest`);
    await Promise.all([p.waitForURL(/\/digest$/), p.click('#saved-searches button')]);
    expect(await p.locator('#saved-searches').count()).toBe(0);
    expect(await db.savedSearch.count({ where: { userId: me.id } })).toBe(0);
    await p.context().close();
  });

  it('a researcher sees the week at a glance: counts, new and confirmed links, wide stories, seizures, names on the rise', async () => {
    // Two reports from yesterday name a man no earlier article names.
    const yesterday = new Date(Date.now() - 86_400_000);
    const reports: [string, string, string][] = [
      ['rise-1', 'Serbian arrested in Guayaquil', 'Ecuadorian police arrested the Serbian citizen Zoran Kovačević in Guayaquil, where he organised cocaine shipments for the Kavač clan.'],
      ['rise-2', 'Detention ordered for Serbian suspect', 'A court in Quito ordered pre-trial detention for Zoran Kovačević, a Serbian national accused of shipping cocaine from Guayaquil to Antwerp, prosecutors said on Tuesday. Police seized 300 kilograms of cocaine in the case.'],
    ];
    for (const [slug, title, text] of reports) {
      const stored = await storeArticle(db, { ...article(slug, title, text), published: yesterday });
      expect(stored).toMatchObject({ status: 'stored', duplicateOf: null });
    }
    // Another outlet's copy of the second: the same 300 kg in the same story.
    await upsertSources(db, [{ id: 'night-desk', name: 'Night Desk', url: 'https://night-desk.example/feed', kind: 'rss', language: 'en', country: 'GB', schedule: '*/30 * * * *', render: false, enabled: true, config: {} }]);
    const copy = await storeArticle(db, { ...article('rise-2-copy', reports[1]![1], `${reports[1]![2]} Republished from El Litoral.`), sourceId: 'night-desk', url: 'https://night-desk.example/rise-2', fetchedUrl: 'https://night-desk.example/rise-2', published: yesterday });
    expect(copy.status === 'stored' && copy.duplicateOf).toBeTruthy();
    const p = await login('researcher');
    await p.goto(`${base}/week`);
    expect(await p.locator('h1').textContent()).toBe('The last 7 day(s)');
    const since = new Date(Date.now() - 7 * 86_400_000);
    const inWeek = await db.article.count({ where: { duplicateOfId: null, createdAt: { gt: since } } });
    expect(await p.locator('#week-counts').textContent()).toMatch(new RegExp(`^${inWeek} article\\(s\\) in \\d+ stories · \\d+ new link\\(s\\)`));
    expect(await p.locator('#week-links a').allTextContents()).toEqual(expect.arrayContaining(['Zoran Kovačević – Guayaquil']));
    // The best evidenced first: the first is a link with the most articles among the week's new ones.
    const counts = (await p.locator('#week-links > li > .muted').allTextContents()).map((t) => Number(/\((\d+) article/.exec(t)![1]));
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const most = await db.link.findFirstOrThrow({ where: { firstSeen: { gt: since }, review: { not: 'dismissed' } }, orderBy: { articleCount: 'desc' } });
    expect(counts[0]).toBe(most.articleCount);
    expect(most.articleCount).toBeGreaterThan(1);
    // A seizure told by several articles of its story counts once (the stories test copied the 2.3 t report).
    const seized = await db.seizure.findMany({ where: { article: { createdAt: { gt: since } } }, select: { kg: true, article: { select: { storyId: true, id: true } } } });
    const seizureReports = new Set(seized.map((z) => `${z.article.storyId ?? -z.article.id}:${z.kg}`));
    expect(seizureReports.size).toBeLessThan(seized.length);
    expect(await p.locator('#week-counts').textContent()).toContain(`${seizureReports.size} seizure(s)`);
    const rising = p.locator('#week-rising tbody tr', { hasText: 'Zoran Kovačević' });
    expect(await rising.locator('td').allTextContents()).toEqual(['Zoran Kovačević', 'person balkan', '2', '0']);
    await Promise.all([p.waitForURL(/\/entities\/person\//), rising.locator('a').click()]);
    // A longer period takes the choice.
    await p.goto(`${base}/week?days=30`);
    expect(await p.locator('h1').textContent()).toBe('The last 30 day(s)');
    expect(await p.locator('select[name=days]').inputValue()).toBe('30');
    await p.context().close();
  });
});

describe('month charts', () => {
  it('draw every month from the first to the last, empty ones too, and at most twenty years back', async () => {
    const { monthSeries } = await import('../web/month-chart.js');
    expect(monthSeries(new Map([['2024-11', 3], ['2025-02', 1]]))).toEqual([['2024-11', 3], ['2024-12', 0], ['2025-01', 0], ['2025-02', 1]]);
    const long = monthSeries(new Map([['1970-01', 1], ['2026-11', 2]]));
    expect(long[0]).toEqual(['2006-11', 0]);
    expect(long.at(-1)).toEqual(['2026-11', 2]);
    expect(long.length).toBe(20 * 12 + 1);
    expect(monthSeries(new Map())).toEqual([]);
  });
});