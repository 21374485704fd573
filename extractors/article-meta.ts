// Tidying the metadata pages declare: titles and bylines escaped twice, dates
// that are placeholders, bylines with a "By", a profile URL or a dateline in
// them, and titles that end with the site's name.
import { decodeHTML } from 'entities';
import { parseDate } from './dates.js';

/** Whitespace runs as one space, trimmed. */
export function clean(s: string | undefined | null): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text a page escaped twice ("&#8216;The Medium&#8217;", "doesn&amp;#8217;t" read once): decoded once more. */
export function unescaped(s: string): string;
export function unescaped(s: string | null): string | null;
export function unescaped(s: string | null): string | null {
  if (!s || !/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(s)) return s;
  return clean(decodeHTML(s));
}

/**
 * The first of the candidates that parses as a date a page could really carry: not before 1990 (0001-01-01 is a
 * placeholder), not days ahead. A time written without a zone is on the clock of `zone` (IANA).
 */
export function firstPlausibleDate(candidates: (string | null | undefined)[], zone = 'UTC', now = Date.now()): Date | null {
  for (const c of candidates) {
    const d = parseDate(c, zone);
    if (d && d.getUTCFullYear() >= 1990 && d.getTime() <= now + 2 * 86_400_000) return d;
  }
  return null;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/**
 * A byline as a reader wants it: without "By", a profile URL, or a date run into it
 * ("JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43" is Jerusalem Post Staff); names in capitals in title case.
 */
export function cleanAuthor(raw: string | null): string | null {
  if (!raw) return null;
  let s = unescaped(raw).replace(/^(?:by|por|autor|piše|pise|nga|од|de)\s*:?\s+/i, '');
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s)) return null;
  s = s.replace(new RegExp(`\\s+(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}).*$`, 'i'), '');
  const caps = s.match(/\b\p{Lu}{3,}\b/gu) ?? [];
  if (caps.length >= 2) s = s.replace(/\b(\p{Lu})(\p{Lu}{2,})\b/gu, (_, a: string, b: string) => a + b.toLowerCase());
  return clean(s) || null;
}

const squeeze = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]/g, '');

/** A title less the site's name after a bar or dash ("Bike & Style book review | MoreBikes"), where that is what follows it. */
export function withoutSiteName(title: string, siteName: string | null, url: string): string {
  const m = /^(.{12,}?)\s+[|–—-]\s+([^|–—]{2,60})$/u.exec(title);
  if (!m) return title;
  const suffix = squeeze(m[2]!);
  const site = squeeze(siteName ?? '');
  let host = '';
  try {
    host = squeeze(new URL(url).hostname.replace(/^www\./, '').split('.')[0]!);
  } catch {
    // no host: the site name alone decides
  }
  const isSite = suffix.length >= 3 && (suffix === site || (host.length >= 4 && (suffix.includes(host) || host.includes(suffix))));
  return isSite ? m[1]!.trim() : title;
}
