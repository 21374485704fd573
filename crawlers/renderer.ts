// Browser rendering with Playwright for pages whose text is injected by
// JavaScript: one shared browser, a bounded number of pages, images, fonts and
// media blocked, timeouts, and the SSRF guard applied to every request the
// page makes.
import dns from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Browser } from 'playwright';
import { Semaphore } from './semaphore.js';
import { AllowList, isSpecialAddress } from './ssrf.js';

export const BROWSER_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export class BrowserNotFoundError extends Error {}

/** RUTA_CHROMIUM, then Playwright's own browser, then Debian's /usr/bin/chromium. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.RUTA_CHROMIUM) {
    if (existsSync(env.RUTA_CHROMIUM)) return env.RUTA_CHROMIUM;
    throw new BrowserNotFoundError(`RUTA_CHROMIUM names ${env.RUTA_CHROMIUM}, which does not exist; point it at a Chromium or Chrome binary`);
  }
  try {
    const { chromium } = await import('playwright');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright's registry is optional */
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  throw new BrowserNotFoundError(
    'no Chromium found for sources with render: true. Install one: `apt-get install chromium` (Debian/Ubuntu), or `npx playwright install chromium` where downloads work, or set RUTA_CHROMIUM to a Chromium or Chrome binary',
  );
}

export interface RenderResult {
  url: string;
  status: number;
  html: string;
}

export class RenderError extends Error {}

export class Renderer {
  private browser?: Promise<Browser>;
  private pages: Semaphore;

  constructor(private opts: { maxPages?: number; timeoutMs?: number; userAgent?: string; allow?: AllowList } = {}) {
    this.pages = new Semaphore(opts.maxPages ?? 4);
  }

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const executablePath = await findChromium();
      const { chromium } = await import('playwright');
      return chromium.launch({ executablePath, args: BROWSER_FLAGS, headless: true });
    })();
    this.browser.catch(() => (this.browser = undefined));
    return this.browser;
  }

  private async allowed(url: string): Promise<boolean> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
    const allow = this.opts.allow ?? AllowList.fromEnv();
    const ips = isIP(host) ? [host] : (await dns.lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    if (!ips.length) return false;
    return ips.every((ip) => !isSpecialAddress(ip) || allow.allows(host, port, ip));
  }

  async render(url: string): Promise<RenderResult> {
    if (!(await this.allowed(url))) {
      throw new RenderError(`refused to render ${url}: its address is loopback, private or link-local, or does not resolve; add it to RUTA_ALLOW_HOSTS if intended`);
    }
    const browser = await this.launch();
    await this.pages.acquire();
    const context = await browser.newContext({ userAgent: this.opts.userAgent, javaScriptEnabled: true, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const timeout = this.opts.timeoutMs ?? 30_000;
      page.setDefaultTimeout(timeout);
      await page.route('**/*', async (route) => {
        const req = route.request();
        if (['image', 'font', 'media'].includes(req.resourceType())) return route.abort();
        if (!(await this.allowed(req.url()))) return route.abort('blockedbyclient');
        return route.continue();
      });
      const res = await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      // Give scripts that inject the article a moment; network-idle is too strict for ad-laden pages.
      await page.waitForLoadState('load', { timeout: Math.min(timeout, 10_000) }).catch(() => undefined);
      await page.waitForTimeout(200);
      const status = res?.status() ?? 0;
      if (status >= 400) throw new RenderError(`HTTP ${status} from ${url} (browser)`);
      return { url: page.url(), status, html: await page.content() };
    } catch (e) {
      if (e instanceof RenderError) throw e;
      throw new RenderError(`browser could not render ${url}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await context.close().catch(() => undefined);
      this.pages.release();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close();
  }
}
