// Canonical URLs: the same article reached through tracking parameters, AMP
// or mobile variants, fragments, trailing slashes or a search engine's
// click-through link is one URL.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|ref_url|cmpid|ito|_ga|_gl|ncid|ocid|sr_share|spm|at_medium|at_campaign|at_custom\d|xtor|amp|s_cid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|__twitter_impression|wt_mc|wt\.mc_id)$/i;

/**
 * Click-through wrappers of search engines and social sites, by host and path, with the query
 * parameter that holds the article's own URL: news-search feeds (Bing News RSS) and shared links
 * point at them. The article is the outlet's page: fetched from its own host, one URL with every
 * other way to it.
 */
const WRAPPERS: { host: RegExp; path: RegExp; params: string[] }[] = [
  { host: /(^|\.)bing\.com$/, path: /^\/news\/apiclick\.aspx$/i, params: ['url'] },
  { host: /(^|\.)google\.[a-z.]+$/, path: /^\/url$/, params: ['url', 'q'] },
  { host: /^(l|lm)\.facebook\.com$/, path: /^\/l\.php$/, params: ['u'] },
  { host: /(^|\.)duckduckgo\.com$/, path: /^\/l\/?$/, params: ['uddg'] },
];

/** The article URL a click-through wrapper points to, or undefined when the URL is none. */
function unwrap(u: URL): URL | undefined {
  const host = u.hostname.toLowerCase();
  for (const w of WRAPPERS) {
    if (!w.host.test(host) || !w.path.test(u.pathname)) continue;
    for (const param of w.params) {
      const target = u.searchParams.get(param);
      if (!target) continue;
      try {
        const t = new URL(target);
        if (t.protocol === 'http:' || t.protocol === 'https:') return t;
      } catch {
        /* not a URL: keep the wrapper */
      }
    }
  }
  return undefined;
}

/** Returns the canonical form of an http(s) URL, or the input trimmed when it is not one. */
export function canonicalUrl(input: string, base?: string): string {
  let u: URL;
  try {
    u = new URL(input.trim(), base);
  } catch {
    return input.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  // A wrapper around a wrapper is read through, a few levels at most.
  for (let depth = 0, t = unwrap(u); t && depth < 3; depth++, t = unwrap(u)) u = t;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  // Mobile and AMP hosts: m.example.com, amp.example.com, mobile.example.com → example.com
  u.hostname = u.hostname.replace(/^(m|mobile|amp)\.(?=[^.]+\.[^.]+)/, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const keep = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  u.search = '';
  for (const [k, v] of keep) u.searchParams.append(k, v);
  let path = u.pathname
    .replace(/\/amp\/?$/i, '/')
    .replace(/\/amp\.html$/i, '.html')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  u.pathname = path || '/';
  return u.href;
}

/**
 * The registrable host of a URL (good enough: the last two labels, or three
 * for a short second level like co.uk), or null when it is not a URL.
 */
export function siteOf(url: string): string | null {
  try {
    const parts = new URL(url).hostname.replace(/^www\./, '').split('.');
    const n = parts.length >= 3 && parts[parts.length - 2]!.length <= 3 ? 3 : 2;
    return parts.slice(-n).join('.');
  } catch {
    return null;
  }
}

export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}
