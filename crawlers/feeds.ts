// Reads feeds (RSS, Atom, RDF, JSON Feed through feedsmith) and sitemaps
// (urlset, news sitemap, sitemap index) into a list of discovered entries.
import { parseFeed } from 'feedsmith';
import { parseDate } from '../extractors/dates.js';
import { zoneOfUrl } from '../extractors/time-zones.js';
import { loadXml } from './html-dom.js';

export interface FeedEntry {
  url: string;
  title?: string;
  published?: Date;
  /** The item's author (RSS author or dc:creator, Atom and JSON Feed authors), names joined by commas. */
  author?: string;
}

export interface Discovery {
  format: string;
  entries: FeedEntry[];
  /** Sitemap indexes point to further sitemaps. */
  sitemaps: string[];
}

export class FeedParseError extends Error {}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value);
  return undefined;
}

/**
 * A feed's or sitemap's date as newsrooms write it, not only as RFC 822 and ISO 8601 say: day
 * first when numeric ("12.02.2024 14:35" is 12 February), weekdays and months in the outlet's
 * language ("mar, 12 feb 2024"), zones by name ("CET"). An article's page usually dates it
 * again; when it does not, this date is the article's.
 */
function date(v: unknown, zone: string): Date | undefined {
  return parseDate(text(v), zone);
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

type AnyItem = Record<string, unknown>;

/** An item's authors by name: RSS <author> (an e-mail address alone is no name), dc:creator, Atom and JSON Feed authors. */
function authorOf(it: AnyItem): string | undefined {
  const names: string[] = [];
  for (const a of (Array.isArray(it.authors) ? it.authors : []) as unknown[]) {
    const name = typeof a === 'string' ? a : text((a as AnyItem | null)?.name);
    if (name && !/^\S+@\S+$/.test(name)) names.push(name.trim());
  }
  const dc = it.dc as AnyItem | undefined;
  for (const c of (Array.isArray(dc?.creators) ? dc.creators : dc?.creator ? [dc.creator] : []) as unknown[]) {
    const name = text(c);
    if (name) names.push(name);
  }
  const unique = [...new Set(names)].filter((n) => n.length <= 200);
  return unique.length ? unique.join(', ') : undefined;
}

function dcDate(dc: AnyItem | undefined): unknown {
  if (!dc) return undefined;
  return Array.isArray(dc.dates) ? dc.dates[0] : dc.date;
}

/** Each RSS item's feedburner:origLink, by item, where the items read from the text are as many as the parser's. */
function origLinks(body: string, count: number): (string | undefined)[] {
  if (!/feedburner:origLink/i.test(body)) return [];
  const items = body.split(/<item[\s>]/i).slice(1);
  if (items.length !== count) return [];
  return items.map((x) => /<feedburner:origLink>\s*(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?\s*<\/feedburner:origLink>/i.exec(x)?.[1]?.replace(/&amp;/g, '&'));
}

/** `zone` (IANA) is the clock of dates written without a zone: the source's, else its domain's country's, else UTC. */
export function parseFeedEntries(body: string, baseUrl: string, zone = zoneOfUrl(baseUrl) ?? 'UTC'): Discovery {
  let parsed: { format: string; feed: AnyItem };
  try {
    parsed = parseFeed(body) as unknown as { format: string; feed: AnyItem };
  } catch (e) {
    throw new FeedParseError(`malformed feed at ${baseUrl}: ${(e as Error).message}; check that the URL still serves RSS, Atom, RDF or JSON Feed`);
  }
  const { format, feed } = parsed;
  const items = ((feed.items ?? feed.entries ?? []) as AnyItem[]).filter(Boolean);
  // Atom's xml:base, on the feed or an entry, is what its relative links resolve against (RFC 4287).
  const feedBase = absolute(text((feed.xml as AnyItem | undefined)?.base), baseUrl) ?? baseUrl;
  const orig = format === 'rss' ? origLinks(body, items.length) : [];
  const entries: FeedEntry[] = [];
  for (const [i, it] of items.entries()) {
    const base = absolute(text((it.xml as AnyItem | undefined)?.base), feedBase) ?? feedBase;
    let href: string | undefined;
    if (format === 'atom') {
      const links = (it.links ?? []) as { href?: string; rel?: string }[];
      href = (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
    } else if (format === 'json') {
      href = text(it.url) ?? text(it.external_url);
    } else {
      // A FeedBurner feed links through its redirector; feedburner:origLink is the article.
      href = orig[i] ?? text(it.link) ?? (it.guid && (it.guid as { isPermaLink?: boolean }).isPermaLink !== false ? text(it.guid) : undefined);
    }
    const url = absolute(href, base);
    if (!url) continue;
    entries.push({
      url,
      title: text(it.title),
      published: date(it.pubDate ?? it.published ?? it.updated ?? it.date_published ?? dcDate(it.dc as AnyItem | undefined), zone),
      author: authorOf(it),
    });
  }
  return { format, entries, sitemaps: [] };
}

/** Before every date a Date can hold: undated sitemaps sort after the dated ones. */
const UNDATED = -8.64e15 - 1;

export function parseSitemap(body: string, baseUrl: string, zone = zoneOfUrl(baseUrl) ?? 'UTC'): Discovery {
  if (!/<(urlset|sitemapindex)[\s>]/i.test(body)) {
    throw new FeedParseError(`malformed sitemap at ${baseUrl}: no <urlset> or <sitemapindex> element; check the sitemap URL`);
  }
  const $ = loadXml(body);
  // Newest first by <lastmod>, so a crawl that reads only some children reads today's: an index
  // usually lists its children oldest first (post-sitemap1 … post-sitemap80, 2015-01 … 2026-11).
  // Children without a date keep their order, after the dated ones.
  const children = $('sitemapindex > sitemap')
    .map((i, el) => ({ url: absolute($(el).children('loc').text(), baseUrl), at: date($(el).children('lastmod').text(), zone)?.getTime() ?? UNDATED, i }))
    .get()
    .filter((c): c is { url: string; at: number; i: number } => !!c.url);
  const sitemaps = children.sort((a, b) => b.at - a.at || a.i - b.i).map((c) => c.url);
  const entries: FeedEntry[] = [];
  $('urlset > url').each((_, el) => {
    const node = $(el);
    const url = absolute(node.children('loc').text(), baseUrl);
    if (!url) return;
    const news = node.children('news\\:news');
    entries.push({
      url,
      title: news.find('news\\:title').text().trim() || undefined,
      published: date(news.find('news\\:publication_date').text() || node.children('lastmod').text(), zone),
    });
  });
  return { format: sitemaps.length ? 'sitemapindex' : 'sitemap', entries, sitemaps };
}

/** Parses a discovery document by the source's kind, sniffing when the kind does not fit the body. */
export function parseDiscovery(kind: string, body: string, baseUrl: string, zone?: string): Discovery {
  const looksSitemap = /<(urlset|sitemapindex)[\s>]/i.test(body.slice(0, 2000));
  if (kind === 'sitemap' || looksSitemap) return parseSitemap(body, baseUrl, zone);
  return parseFeedEntries(body, baseUrl, zone);
}
