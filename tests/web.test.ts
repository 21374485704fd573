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
import { storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';
import { importWatchlists } from '../storage/watchlists-repo.js';
import { addUser } from '../storage/users-repo.js';
import { analyze } from '../extractors/analyze.js';
import { contentHash } from '../dedupe/content-hash.js';
import { parseWatchlists } from '../alerts/watchlist-file.js';
import { runRules } from '../alerts/run-rules.js';
import { BROWSER_FLAGS, findChromium } from '../crawlers/renderer.js';
import { startServer } from '../web/server.js';
import { ROOT } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';
import { readFileSync } from 'node:fs';

const SHOTS = process.env.RUTA_SCREENSHOTS ?? join(tmpdir(), 'ruta-screenshots');
const PASSWORD = 'correct horse battery';
let db: Db;
let browser: Browser;
let base: string;
let close: () => Promise<void>;
let cleanup: () => void;
const alerts: Record<string, true> = {};

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
  await runRules(db);
  for (const a of await db.alert.findMany()) alerts[a.rule] = true;
  const s = await startServer(db, { port: 0 });
  base = `http://127.0.0.1:${s.port}`;
  close = s.close;
  browser = await chromium.launch({ executablePath: await findChromium(), args: BROWSER_FLAGS, headless: true });
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
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
    for (const path of ['/', '/triage', '/alerts/1', '/watchlists', '/watchlists/1', '/digest']) {
      const res = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const login = await fetch(`${base}/login`);
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(login.headers.get('x-frame-options')).toBe('DENY');
    const user = await db.user.findFirstOrThrow({ where: { role: 'analyst' } });
    expect((await fetch(`${base}/feeds/${user.feedToken}/alerts.atom`)).status).toBe(200);
    const post = await fetch(`${base}/alerts/1/triage`, { method: 'POST', redirect: 'manual' });
    expect([post.status, post.headers.get('location')]).toEqual([303, '/login']);
  });

  it('logs in as each role, lands on its page, and is kept out of the others', async () => {
    const home = { analyst: '/triage', editor: '/watchlists', researcher: '/digest', admin: '/triage' } as const;
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

  it('rate-limits failed logins', async () => {
    const form = (pw: string) => fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: new URLSearchParams({ email: 'locked@ruta.test', password: pw }) });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await form('nope nope')).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await form(PASSWORD);
    expect(blocked.status).toBe(429); // even the right password waits
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('an analyst triages with the keyboard: the reason, highlighted entities, a note, a decision', async () => {
    expect(alerts['balkan-latam-link']).toBe(true);
    const p = await login('analyst');
    const rows = p.locator('#queue tbody tr');
    expect(await rows.count()).toBe(await db.alert.count({ where: { status: 'open' } }));
    // Highest severity first.
    expect(await rows.first().locator('td').first().textContent()).toBe('critical');
    await p.keyboard.press('j');
    await expect(p.locator('tr.selected').count()).resolves.toBe(1);
    await p.keyboard.press('k');
    await Promise.all([p.waitForURL(/\/alerts\/\d+$/), p.keyboard.press('Enter')]);
    const id = Number(new URL(p.url()).pathname.split('/').pop());
    await expect(p.locator('.why').textContent()).resolves.toContain('Rule:');
    expect(await p.locator('.article-text mark').count()).toBeGreaterThan(1);
    expect(await p.locator('.article-text mark.t-criminal_group').first().textContent()).toMatch(/Kavač/);
    await p.screenshot({ path: join(SHOTS, 'alert.png'), fullPage: true });
    await p.keyboard.press('n');
    await p.keyboard.type('Checked against the prosecutor’s statement.');
    await p.locator('textarea[name=note]').evaluate((el) => (el as HTMLTextAreaElement).blur());
    await Promise.all([p.waitForURL((u) => u.pathname !== `/alerts/${id}`), p.keyboard.press('c')]);
    const done = await db.alert.findUniqueOrThrow({ where: { id } });
    const analyst = await db.user.findUniqueOrThrow({ where: { email: 'analyst@ruta.test' } });
    expect(done).toMatchObject({ status: 'confirmed', note: 'Checked against the prosecutor’s statement.', triagedById: analyst.id });
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
    // Remove Guayaquil: its article is no longer flagged by this list.
    const edited = yaml.replace(/\n {6}- name: Guayaquil\n(?: {8}.*\n)+/, '\n');
    expect(edited).not.toContain('Guayaquil');
    await p.fill('#yaml', edited);
    await Promise.all([p.waitForLoadState('load'), p.click('#preview-button')]);
    const preview = p.locator('#preview');
    await expect(preview.textContent()).resolves.toContain('Nothing is saved until you press Save');
    await expect(preview.locator('tr.change-dropped').count()).resolves.toBe(1);
    expect(await preview.locator('tr.change-dropped').textContent()).toContain('Guayaquil');
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
});
