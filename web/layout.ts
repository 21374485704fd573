// The page frame: navigation by role, the CSRF token for forms, one stylesheet and one script.
import { safeUrl } from '../alerts/render.js';
import { html, type Html } from './html.js';

export interface Viewer {
  id: number;
  email: string;
  role: string;
  csrfToken: string;
  /** The person's IANA time zone: times on the pages are theirs. */
  timezone: string;
}

/** A moment as "2026-11-23 06:44" in the viewer's time zone (the UTC time in its title). */
export function when(v: Viewer, at: Date | null | undefined, missing = 'never'): Html {
  if (!at) return html`${missing}`;
  let local: string;
  try {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: v.timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((x) => [x.type, x.value]));
    local = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  } catch {
    local = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
  return html`<time datetime="${at.toISOString()}" title="${at.toISOString()}">${local}</time>`;
}

const NAV: { href: string; label: string; roles: string[]; key: string }[] = [
  { href: '/triage', label: 'Triage', roles: ['analyst', 'admin'], key: 't' },
  { href: '/watchlists', label: 'Watchlists', roles: ['editor', 'admin'], key: 'w' },
  { href: '/week', label: 'Week', roles: ['researcher', 'analyst', 'admin'], key: 'k' },
  { href: '/graph', label: 'Links', roles: ['researcher', 'analyst', 'admin'], key: 'l' },
  { href: '/stories', label: 'Stories', roles: ['researcher', 'analyst', 'admin'], key: 'r' },
  { href: '/seizures', label: 'Seizures', roles: ['researcher', 'analyst', 'admin'], key: 'z' },
  { href: '/search', label: 'Search', roles: ['researcher', 'analyst', 'admin'], key: 's' },
  { href: '/sources', label: 'Sources', roles: ['editor', 'admin'], key: 'o' },
  { href: '/digest', label: 'Digest', roles: ['researcher', 'analyst', 'editor', 'admin'], key: 'd' },
];

export function homeFor(role: string): string {
  return role === 'editor' ? '/watchlists' : role === 'researcher' ? '/week' : '/triage';
}

export function page(title: string, viewer: Viewer | null, body: Html): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Ruta</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
<body data-csrf="${viewer?.csrfToken ?? ''}">
<header><a class="brand" href="/">Ruta</a>
${viewer
  ? html`<nav>${NAV.filter((n) => n.roles.includes(viewer.role)).map((n) => html`<a href="${n.href}" data-key="${n.key}">${n.label}</a>`)}</nav>
<form method="post" action="/logout" class="logout"><input type="hidden" name="_csrf" value="${viewer.csrfToken}"><span>${viewer.email} (${viewer.role}) <span class="muted" title="times on these pages are in this time zone">${viewer.timezone}</span></span> <button type="submit">Log out</button></form>`
  : ''}
</header>
<main>${body}</main>
</body></html>`;
}

/** A quantity seized: "2.3 t" from a tonne up (`digits` decimals at most), else whole kilograms ("450 kg"). */
export const kgText = (kg: number, digits = 1) =>
  kg >= 1000 ? `${(kg / 1000).toLocaleString('en', { maximumFractionDigits: digits })} t` : `${Math.round(kg).toLocaleString('en')} kg`;

/** An analysts' verdict beside a link: nothing while none is given. */
export const reviewMark = (review: string) =>
  review === 'confirmed' ? html` <span class="review review-confirmed">confirmed</span>` : review === 'dismissed' ? html` <span class="review review-dismissed" title="an analyst dismissed this link as a misreading">dismissed</span>` : '';

export const csrfField = (v: Viewer) => html`<input type="hidden" name="_csrf" value="${v.csrfToken}">`;

/** A link to a crawled page, opened apart and only when its URL is http(s): crawled URLs are untrusted. */
export const externalLink = (url: string | null | undefined, text: string) => {
  const u = safeUrl(url);
  return u ? html`<a href="${u}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>` : html`${text}`;
};

/** Where an article's stored copy opens (web/routes/articles.ts). */
export const storedCopyHref = (id: number) => `/articles/${id}`;

/** An article's title linking to the outlet's page, and beside it the copy Ruta stored. */
export const articleLink = (a: { id: number; url: string; title: string }) =>
  html`${externalLink(a.url, a.title)} <a class="stored" href="${storedCopyHref(a.id)}" title="the copy Ruta stored, with its entities highlighted">stored copy</a>`;

/**
 * The BCP 47 tag of a stored text's language and script ("sr-Cyrl", "es"), for its lang attribute: a screen reader
 * then reads Serbian as Serbian, and the browser hyphenates and picks fonts for it. Empty for "und" or anything odd.
 */
export const langTag = (lang: string, script?: string) => (/^[a-z]{2,3}$/.test(lang) && lang !== 'und' ? (script === 'Cyrl' && lang !== 'mk' ? `${lang}-Cyrl` : lang) : '');

/** An entity's page (web/routes/research.ts). */
export const entityHref = (e: { type: string; canonical: string }) => `/entities/${encodeURIComponent(e.type)}/${encodeURIComponent(e.canonical)}`;
