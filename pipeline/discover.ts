// Discovery: from a source's feed, sitemap (or robots.txt Sitemap: lines),
// listing pages, search template or watched page to candidate article URLs,
// fetched politely and conditionally.
import { loadHtml } from '../crawlers/html-dom.js';
import { decodeBody } from '../crawlers/charset.js';
import { parseDiscovery, type FeedEntry } from '../crawlers/feeds.js';
import { gunzippedDocument } from '../crawlers/gzipped-document.js';
import { sameSite } from '../dedupe/canonical-url.js';
import { httpGet } from '../crawlers/http-fetch.js';
import { fold } from '../extractors/text-normalize.js';
import { isTimeZone, zoneOfCountry } from '../extractors/time-zones.js';
import { getValidators, logFetch, type Source } from '../storage/sources-repo.js';
import { searchTerms } from '../storage/watchlists-repo.js';
import type { CrawlContext } from './context.js';

export interface DiscoveryResult {
  entries: FeedEntry[];
  notModified: boolean;
  fetched: number;
  /** Conditional-GET validators to save once the entries are safely enqueued. */
  validators: { url: string; etag: string | null; lastModified: string | null }[];
}

export class RobotsDisallowedError extends Error {}

/** Child sitemaps read per discovery at most, over every level of nested indexes (newest first). */
export const MAX_CHILD_SITEMAPS = 50;
const MAX_SEARCH_QUERIES = 40;

export interface SourceConfig {
  selectors?: { links?: string; next?: string; title?: string; body?: string; author?: string; published?: string; remove?: string };
  maxPages?: number;
  /** Listing pages: follow links to other sites too (default: only the listing's own site and its subdomains). */
  offsite?: boolean;
  maxQueries?: number;
  /** Entries dated more than this many days ago are not queued (overrides crawler.maxAgeDays; 0: every age). */
  maxAgeDays?: number;
  /** The IANA zone of the source's clock (default: its country's), for dates written without one. */
  timezone?: string;
}

export function sourceConfig(source: Source): SourceConfig {
  try {
    return JSON.parse(source.config || '{}') as SourceConfig;
  } catch {
    return {};
  }
}

/**
 * Whose clock the source's dates without a zone are on: its `timezone`, else its country's zone; undefined
 * when neither is known (each document then goes by its domain's country, else UTC).
 */
export function sourceZone(source: Source): string | undefined {
  const tz = sourceConfig(source).timezone;
  return (typeof tz === 'string' && isTimeZone(tz) ? tz : undefined) ?? zoneOfCountry(source.country);
}

/** Fetches a discovery document: robots.txt first, then the gate, then a conditional GET, all logged. */
export async function fetchDoc(ctx: CrawlContext, source: Source, url: string, purpose: 'feed' | 'sitemap' | 'page', conditional = true) {
  const verdict = await ctx.robots.check(url);
  if (!verdict.allowed) {
    await logFetch(ctx.db, { sourceId: source.id, url, purpose, ok: false, error: verdict.reason });
    throw new RobotsDisallowedError(verdict.reason);
  }
  const delay = await ctx.robots.crawlDelayMs(url);
  if (delay !== undefined) ctx.gate.setHostDelay(url, delay);
  const cached = conditional ? await getValidators(ctx.db, url) : null;
  try {
    const res = await ctx.gate.run(url, () => httpGet(url, { ...ctx.fetchOpts, etag: cached?.etag, lastModified: cached?.lastModified }));
    await logFetch(ctx.db, { sourceId: source.id, url, purpose, status: res.status, ok: true, notModified: res.notModified, bytes: res.body.length, durationMs: res.durationMs });
    return res;
  } catch (e) {
    const err = e as Error & { status?: number; retryAfterMs?: number };
    if (err.retryAfterMs) ctx.gate.pause(url, err.retryAfterMs);
    await logFetch(ctx.db, { sourceId: source.id, url, purpose, status: err.status ?? null, ok: false, error: err.message });
    throw e;
  }
}

function fillTemplate(template: string, query: string, lang: string): string {
  return template.replace(/\{query\}/g, encodeURIComponent(query)).replace(/\{lang\}/g, encodeURIComponent(lang));
}

/** `conditional: false` fetches the source's documents in full, as a test of the source does. */
export async function discover(ctx: CrawlContext, source: Source, opts: { conditional?: boolean } = {}): Promise<DiscoveryResult> {
  const config = sourceConfig(source);
  const out: DiscoveryResult = { entries: [], notModified: false, fetched: 0, validators: [] };

  if (source.kind === 'page') {
    out.entries.push({ url: source.url });
    return out;
  }

  if (source.kind === 'listing') {
    const linkSel = config.selectors?.links ?? 'article a[href], h2 a[href], h3 a[href]';
    let url: string | undefined = source.url;
    const seen = new Set<string>();
    for (let page = 0; url && !seen.has(url) && page < (config.maxPages ?? 3); page++) {
      seen.add(url);
      const res = await fetchDoc(ctx, source, url, 'page', false);
      out.fetched++;
      const $ = loadHtml(decodeBody(res.body, res.headers['content-type']).text);
      $(linkSel).each((_, el) => {
        try {
          const link = new URL($(el).attr('href')!, res.url);
          // Articles of this site: not "javascript:" or "mailto:", nor a partner's or an advertiser's page
          // (unless the source says `offsite: true`).
          if ((link.protocol !== 'http:' && link.protocol !== 'https:') || (!config.offsite && !sameSite(link.href, res.url))) return;
          // Nor the listing itself ("#top").
          link.hash = '';
          if (link.href === res.url.split('#')[0] || seen.has(link.href)) return;
          out.entries.push({ url: link.href, title: $(el).text().trim() || undefined });
        } catch {
          /* skip bad hrefs */
        }
      });
      const next = config.selectors?.next ? $(config.selectors.next).first().attr('href') : undefined;
      url = next ? new URL(next, res.url).href : undefined;
    }
    return out;
  }

  let queue: string[] = [source.url];
  if (source.kind === 'search') {
    const terms = await searchTerms(ctx.db, source.language);
    const lang = source.language ?? 'en';
    const seenQ = new Set<string>();
    queue = [];
    for (const t of terms) {
      if (seenQ.has(fold(t))) continue;
      seenQ.add(fold(t));
      queue.push(fillTemplate(source.url, t, lang));
      if (queue.length >= (config.maxQueries ?? MAX_SEARCH_QUERIES)) break;
    }
  } else if (source.kind === 'sitemap' && /\/robots\.txt$/i.test(new URL(source.url).pathname)) {
    queue = await ctx.robots.sitemaps(source.url);
    if (!queue.length) throw new Error(`${source.url} lists no Sitemap: lines; give the sitemap URL itself`);
  }
  const seen = new Set<string>();
  // Every document the source names itself, and at most MAX_CHILD_SITEMAPS children in all, however deep
  // the indexes nest. Depth first, newest child first: an index of years reads this year's months first.
  let childBudget = MAX_CHILD_SITEMAPS;
  const roots = new Set(queue);
  const zone = sourceZone(source);
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    if (!roots.has(url) && childBudget-- <= 0) continue;
    seen.add(url);
    const res = await fetchDoc(ctx, source, url, source.kind === 'sitemap' ? 'sitemap' : 'feed', opts.conditional ?? true);
    out.fetched++;
    if (res.notModified) {
      if (url === source.url) out.notModified = true;
      continue;
    }
    const { text } = decodeBody(gunzippedDocument(res.body, res.url, ctx.fetchOpts.maxDecompressedBytes), res.headers['content-type']);
    const parsed = parseDiscovery(source.kind, text, res.url, zone);
    // Validators are kept only for documents that parsed, so a broken feed is fetched in full next time.
    out.validators.push({ url, etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null });
    out.entries.push(...parsed.entries);
    // Only as many as the budget can still read: an index may list 50,000.
    queue.unshift(...parsed.sitemaps.filter((child) => !seen.has(child)).slice(0, Math.max(0, childBudget)));
  }
  return out;
}
