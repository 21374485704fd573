// robots.txt, fetched once per host and cached: allow/disallow, crawl-delay and
// Sitemap: lines. A missing robots.txt (4xx) allows everything; a server error
// or an unreachable host disallows until the next try, as the major crawlers do.
import { createRequire } from 'node:module';
import { decodeBody } from './charset.js';
import { FetchError, httpGet, type FetchOptions } from './http-fetch.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS with a default-export typing that NodeNext cannot call.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

export interface RobotsRules {
  origin: string;
  /** null when robots.txt is missing: everything is allowed. */
  robot: Robot | null;
  /** Set when robots.txt could not be read: everything is disallowed until it can. */
  unavailable?: string;
  fetchedAt: number;
}

export interface RobotsDecision {
  allowed: boolean;
  reason?: string;
}

export class RobotsCache {
  private cache = new Map<string, Promise<RobotsRules>>();

  constructor(
    private fetchOpts: FetchOptions,
    private ttlMs = 24 * 3600_000,
    private onFetch?: (url: string, outcome: { status?: number; ok: boolean; error?: string; bytes?: number }) => void,
  ) {}

  private agentToken(): string {
    return (this.fetchOpts.userAgent ?? 'Ruta').split('/')[0]!.trim() || 'Ruta';
  }

  rules(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const hit = this.cache.get(origin);
    if (hit) {
      return hit.then((r) => {
        if (Date.now() - r.fetchedAt < this.ttlMs && !r.unavailable) return r;
        if (r.unavailable && Date.now() - r.fetchedAt < 60_000) return r;
        this.cache.delete(origin);
        return this.rules(url);
      });
    }
    const p = this.load(origin);
    this.cache.set(origin, p);
    return p;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await httpGet(robotsUrl, { ...this.fetchOpts, maxBytes: 512 * 1024, accept: 'text/plain,*/*;q=0.5' });
      this.onFetch?.(robotsUrl, { status: res.status, ok: true, bytes: res.body.length });
      return { origin, robot: robotsParser(robotsUrl, decodeBody(res.body, res.headers['content-type']).text), fetchedAt: Date.now() };
    } catch (e) {
      const err = e as FetchError;
      this.onFetch?.(robotsUrl, { status: err.status, ok: false, error: err.message });
      if (err instanceof FetchError && err.status && err.status >= 400 && err.status < 500) {
        return { origin, robot: null, fetchedAt: Date.now() };
      }
      return { origin, robot: null, unavailable: `robots.txt at ${robotsUrl} could not be read (${err.message}); the host is skipped until it can`, fetchedAt: Date.now() };
    }
  }

  async check(url: string): Promise<RobotsDecision> {
    const r = await this.rules(url);
    if (r.unavailable) return { allowed: false, reason: r.unavailable };
    if (!r.robot) return { allowed: true };
    const allowed = r.robot.isAllowed(url, this.agentToken()) !== false;
    return allowed ? { allowed } : { allowed, reason: `disallowed by ${r.origin}/robots.txt for ${this.agentToken()}; Ruta does not fetch it` };
  }

  /** Crawl-delay for Ruta in ms, if robots.txt sets one. */
  async crawlDelayMs(url: string): Promise<number | undefined> {
    const r = await this.rules(url);
    const d = r.robot?.getCrawlDelay(this.agentToken());
    return d !== undefined && Number.isFinite(d) ? d * 1000 : undefined;
  }

  async sitemaps(url: string): Promise<string[]> {
    return (await this.rules(url)).robot?.getSitemaps() ?? [];
  }
}
