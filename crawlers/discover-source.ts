// `ruta sources add URL`: from a homepage to a proposed source entry. Finds
// feeds announced with <link rel="alternate"> and sitemaps listed in
// robots.txt, and reads the page's language.
import { loadHtml } from './html-dom.js';
import { decodeBody } from './charset.js';
import { parseDiscovery } from './feeds.js';
import { gunzippedDocument } from './gzipped-document.js';
import { identifyLanguage } from '../extractors/langid.js';
import { httpGet, type FetchOptions } from './http-fetch.js';
import { RobotsCache } from './robots.js';
import type { SourceSpec } from './sources-file.js';

export interface Candidate {
  url: string;
  kind: 'rss' | 'atom' | 'sitemap';
  title?: string;
  entries?: number;
  error?: string;
}

export interface Proposal {
  homepage: string;
  language: string | null;
  name: string;
  candidates: Candidate[];
  source: SourceSpec | null;
}

const FEED_TYPES: Record<string, 'rss' | 'atom'> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rss',
  'application/feed+json': 'rss',
  'application/json': 'rss',
  'text/xml': 'rss',
};

/** A page without a lang attribute: the language of its text, where the classifier is sure of it. */
function pageLanguage($: ReturnType<typeof loadHtml>): string | null {
  $('script, style, noscript, nav, header, footer').remove();
  const text = $('body').text().replace(/\s+/g, ' ').trim().slice(0, 3000);
  if (text.length < 200) return null;
  const id = identifyLanguage(text);
  return id.lang !== 'und' && id.confidence >= 0.8 ? id.lang : null;
}

/** Country-code domains of the countries Ruta's sources report from, and their ISO codes. */
const CC_TLDS: Record<string, string> = {
  rs: 'RS', hr: 'HR', ba: 'BA', al: 'AL', mk: 'MK', si: 'SI', gr: 'GR', bg: 'BG',
  ec: 'EC', pe: 'PE', bo: 'BO', br: 'BR', cl: 'CL', ar: 'AR', uy: 'UY', py: 'PY', ve: 'VE', mx: 'MX', pa: 'PA', cr: 'CR',
  es: 'ES', pt: 'PT', it: 'IT', nl: 'NL', be: 'BE', de: 'DE', fr: 'FR', uk: 'GB',
};

/**
 * The country a news site's domain names: its country-code domain (vijesti.me, elcomercio.pe,
 * index.hr). ".me" counts only for a page in Montenegro's languages, since sites everywhere use it;
 * ".co", ".tv" and the like name no country.
 */
export function countryOfHost(host: string, language: string | null): string | null {
  const tld = host.toLowerCase().split('.').pop() ?? '';
  if (tld === 'me') return language && ['sr', 'cnr', 'bs', 'hr'].includes(language) ? 'ME' : null;
  return CC_TLDS[tld] ?? null;
}

function slug(host: string): string {
  return host.replace(/^www\./, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}

export async function proposeSource(homepage: string, fetchOpts: FetchOptions): Promise<Proposal> {
  const res = await httpGet(homepage, fetchOpts);
  const html = decodeBody(res.body, res.headers['content-type']).text;
  const $ = loadHtml(html);
  const language = ($('html').attr('lang') ?? '').split(/[-_]/)[0]!.toLowerCase() || pageLanguage($);
  const name = ($('meta[property="og:site_name"]').attr('content') ?? $('title').text()).trim().split(/\s[|–—-]\s/)[0]!.trim() || new URL(res.url).hostname;
  const candidates: Candidate[] = [];
  $('link[rel~="alternate"][href]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const kind = FEED_TYPES[type];
    if (!kind) return;
    try {
      candidates.push({ url: new URL($(el).attr('href')!, res.url).href, kind: type.includes('atom') ? 'atom' : kind, title: $(el).attr('title') });
    } catch {
      /* ignore bad hrefs */
    }
  });
  const robots = new RobotsCache(fetchOpts);
  for (const sm of await robots.sitemaps(res.url)) candidates.push({ url: sm, kind: 'sitemap' });
  // Check each candidate parses and count its entries.
  for (const c of candidates) {
    try {
      const r = await httpGet(c.url, fetchOpts);
      c.entries = parseDiscovery(c.kind, decodeBody(gunzippedDocument(r.body, r.url, fetchOpts.maxDecompressedBytes), r.headers['content-type']).text, r.url).entries.length;
    } catch (e) {
      c.error = (e as Error).message;
    }
  }
  // Feeds the page announces come first (a robots.txt sitemap may cover the whole domain), then the fullest.
  const rank = (c: Candidate) => (c.kind === 'sitemap' ? 1 : 0);
  const best = candidates.filter((c) => !c.error && (c.entries ?? 0) > 0).sort((a, b) => rank(a) - rank(b) || (b.entries ?? 0) - (a.entries ?? 0))[0];
  const u = new URL(res.url);
  const firstSegment = u.pathname.split('/').filter(Boolean)[0];
  const host = firstSegment ? `${u.hostname}-${firstSegment}` : u.hostname;
  return {
    homepage: res.url,
    language,
    name,
    candidates,
    source: best
      ? { id: slug(host), name, url: best.url, kind: best.kind, language, country: countryOfHost(u.hostname, language), schedule: '*/30 * * * *', render: false, enabled: true, config: {} }
      : null,
  };
}
