// Discovery: from a source's feed, sitemap, listing page or watched page to a
// list of candidate article URLs, fetched conditionally.
import * as cheerio from 'cheerio';
import { decodeBody } from '../crawlers/charset.js';
import { parseDiscovery, type FeedEntry } from '../crawlers/feeds.js';
import { httpGet, type FetchOptions } from '../crawlers/http-fetch.js';
import type { Db } from '../storage/db.js';
import { getValidators, logFetch } from '../storage/sources-repo.js';
import type { Source } from '../storage/sources-repo.js';
import type { HostGate } from './host-gate.js';

export interface DiscoveryResult {
  entries: FeedEntry[];
  notModified: boolean;
  fetched: number;
  /** Conditional-GET validators to save once the entries are safely enqueued. */
  validators: { url: string; etag: string | null; lastModified: string | null }[];
}

const MAX_CHILD_SITEMAPS = 50;

async function fetchDoc(db: Db, gate: HostGate, source: Source, url: string, purpose: 'feed' | 'sitemap' | 'page', fetchOpts: FetchOptions) {
  const cached = await getValidators(db, url);
  try {
    const res = await gate.run(url, () => httpGet(url, { ...fetchOpts, etag: cached?.etag, lastModified: cached?.lastModified }));
    await logFetch(db, { sourceId: source.id, url, purpose, status: res.status, ok: true, notModified: res.notModified, bytes: res.body.length, durationMs: res.durationMs });
    return res;
  } catch (e) {
    const err = e as Error & { status?: number };
    await logFetch(db, { sourceId: source.id, url, purpose, status: err.status ?? null, ok: false, error: err.message });
    throw e;
  }
}

export async function discover(db: Db, gate: HostGate, source: Source, fetchOpts: FetchOptions): Promise<DiscoveryResult> {
  const config = JSON.parse(source.config || '{}') as { selectors?: { links?: string; next?: string }; maxPages?: number };
  const out: DiscoveryResult = { entries: [], notModified: false, fetched: 0, validators: [] };

  if (source.kind === 'page') {
    out.entries.push({ url: source.url });
    return out;
  }

  if (source.kind === 'listing') {
    const linkSel = config.selectors?.links ?? 'article a[href], h2 a[href], h3 a[href]';
    let url: string | undefined = source.url;
    for (let page = 0; url && page < (config.maxPages ?? 3); page++) {
      const res = await fetchDoc(db, gate, source, url, 'page', fetchOpts);
      out.fetched++;
      const $ = cheerio.load(decodeBody(res.body, res.headers['content-type']).text);
      $(linkSel).each((_, el) => {
        try {
          out.entries.push({ url: new URL($(el).attr('href')!, res.url).href, title: $(el).text().trim() || undefined });
        } catch {
          /* skip bad hrefs */
        }
      });
      const next = config.selectors?.next ? $(config.selectors.next).first().attr('href') : undefined;
      url = next ? new URL(next, res.url).href : undefined;
    }
    return out;
  }

  const queue = [source.url];
  const seen = new Set<string>();
  while (queue.length && seen.size <= MAX_CHILD_SITEMAPS) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetchDoc(db, gate, source, url, source.kind === 'sitemap' ? 'sitemap' : 'feed', fetchOpts);
    out.fetched++;
    if (res.notModified) {
      if (url === source.url) out.notModified = true;
      continue;
    }
    const { text } = decodeBody(res.body, res.headers['content-type']);
    const parsed = parseDiscovery(source.kind, text, res.url);
    // Validators are kept only for documents that parsed, so a broken feed is fetched in full next time.
    out.validators.push({ url, etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null });
    out.entries.push(...parsed.entries);
    queue.push(...parsed.sitemaps);
  }
  return out;
}
