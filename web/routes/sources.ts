// Editors: sources with their health; add one from a homepage (feed and
// sitemap discovery); enable or disable; set selectors and test-extract a URL
// with them before saving.
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { listSources, upsertSources } from '../../storage/sources-repo.js';
import { recentArticles, recentFetches, sourceHealth } from '../../storage/health-repo.js';
import { proposeSource } from '../../crawlers/discover-source.js';
import { loadCrawlerSettings } from '../../crawlers/settings.js';
import { AllowList } from '../../crawlers/ssrf.js';
import { httpGet } from '../../crawlers/http-fetch.js';
import { SOURCE_KINDS } from '../../crawlers/sources-file.js';
import { extractPage } from '../../pipeline/process-page.js';
import { createContext } from '../../pipeline/context.js';
import { testSource } from '../../pipeline/source-test.js';
import { sourceZone } from '../../pipeline/discover.js';
import { BCMS_LANGS } from '../../extractors/langid.js';
import { safeUrl } from '../../alerts/render.js';
import { allow, type Env } from '../auth.js';
import { NO_YIELD, sourceYield, type SourceYield } from '../../storage/source-yield.js';
import { html, type Html } from '../html.js';
import { csrfField, externalLink, page, when, type Viewer } from '../layout.js';

const SELECTOR_FIELDS = ['title', 'body', 'author', 'published', 'remove'] as const;
const fetchOpts = () => {
  const s = loadCrawlerSettings();
  return { allow: AllowList.fromEnv(), userAgent: s.userAgent, totalTimeoutMs: s.totalTimeoutMs, maxBytes: s.maxBytes };
};

async function sourcePage(db: Db, v: Viewer, id: string, form?: Record<string, string>, extra: Html | string = '') {
  const s = (await listSources(db, { id }))[0];
  if (!s) return null;
  const config = JSON.parse(s.config || '{}') as { selectors?: Record<string, string> };
  const sel = (k: string) => form?.[k] ?? config.selectors?.[k] ?? '';
  const [health, fetches, articles] = await Promise.all([sourceHealth(db), recentFetches(db, id), recentArticles(db, id)]);
  const h = health.find((x) => x.id === id);
  const zone = sourceZone(s);
  // Articles read in another language than the source's: a wrong language setting, or a section in another language
  // (Bosnian, Croatian, Serbian and Montenegrin count as one here: telling them apart is no setting's fault).
  const family = (l: string) => (BCMS_LANGS.has(l) ? 'bcms' : l);
  const otherLanguage = s.language ? articles.filter((a) => family(a.lang) !== family(s.language!)).length : 0;
  return page(s.name, v, html`<p><a href="/sources">← Sources</a></p><h1>${s.name}</h1>
<p class="muted">${s.kind} · ${s.language ?? '?'} · ${s.country ?? '?'} · ${s.schedule} · ${safeUrl(s.url) ?? s.url} · dates without a zone read on ${zone ?? "each page's domain's clock, else UTC"}</p>
${h ? html`<p>Health: <b>${h.status}</b>; last success ${when(v, h.lastSuccessAt)}; error rate ${Math.round(h.errorRate * 100)}% over ${h.fetches} fetch(es); ${h.itemsPerDay.toFixed(1)} item(s) a day${h.lastError ? html`; last error: ${h.lastError}` : ''}</p>` : ''}
<form method="post" action="/sources/${s.id}/enabled">${csrfField(v)}<input type="hidden" name="enabled" value="${s.enabled ? '0' : '1'}">
<p>${s.enabled ? 'Enabled.' : 'Disabled.'} <button type="submit" id="toggle">${s.enabled ? 'Disable' : 'Enable'}</button></p></form>
<form method="post" action="/sources/${s.id}/test">${csrfField(v)}<p><button type="submit" id="test-source">Test the source now</button> <span class="muted">what its ${s.kind} finds and what Ruta reads from its first two articles; nothing is stored but the fetch log</span></p></form>
<h2>Article selectors</h2>
<form method="post" action="/sources/${s.id}/selectors">${csrfField(v)}
${SELECTOR_FIELDS.map((k) => html`<p><label>${k} <input name="${k}" value="${sel(k)}" size="60" placeholder="CSS selector${k === 'remove' ? 's of parts to drop' : ''}"></label></p>`)}
<p><label>Test URL <input name="testUrl" value="${form?.testUrl ?? ''}" size="60" placeholder="https://… an article of this source"></label></p>
<p><button type="submit" name="action" value="test" id="test-button">Test extract</button> <button type="submit" name="action" value="save">Save selectors</button></p></form>
${extra}
<h2>Latest fetches</h2>
${fetches.length
  ? html`<table id="fetches"><thead><tr><th>When</th><th>What</th><th>Address</th><th>Answer</th><th>Size</th><th>Time</th></tr></thead><tbody>
${fetches.map((f) => html`<tr class="${f.ok ? '' : 'fetch-failed'}"><td>${when(v, f.at)}</td><td>${f.purpose}${f.rendered ? ' (browser)' : ''}</td><td class="url">${f.url.length > 90 ? `${f.url.slice(0, 89)}…` : f.url}</td><td>${f.ok ? (f.notModified ? '304 not modified' : String(f.status ?? 'ok')) : html`<b>${f.status ?? 'no answer'}</b>${f.error ? html`: ${f.error}` : ''}`}${f.ok && f.error ? html` <span class="muted">(${f.error})</span>` : ''}</td><td>${f.bytes ? `${Math.round(f.bytes / 1024)} KB` : ''}</td><td>${f.durationMs ? `${f.durationMs} ms` : ''}</td></tr>`)}
</tbody></table>`
  : html`<p>No fetches yet: the source has not been crawled.</p>`}
<h2>Latest articles</h2>
${otherLanguage ? html`<p class="warning" id="language-warning">${otherLanguage} of the latest ${articles.length} article(s) read as another language than the source's (${s.language}): check the source's language, or whether the feed mixes sections in other languages.</p>` : ''}
${articles.length
  ? html`<ol id="source-articles">${articles.map((a) => html`<li>${externalLink(a.url, a.title)} <span class="muted">(${a.lang}${a.published ? `, ${a.published.toISOString().slice(0, 10)}` : ''}${a.rendered ? ', through the browser' : ''})</span></li>`)}</ol>`
  : html`<p>No articles stored from this source yet.</p>`}`);
}

/** Days the sources' yield covers. */
const YIELD_DAYS = 30;

/** "12 of 340 (4%)", with the breakdown as a tooltip. */
function yieldCell(y: SourceYield): Html {
  if (!y.articles) return html`<span class="muted">no articles</span>`;
  return html`<span title="${y.links} with a link, ${y.seizures} with a seizure, ${y.alerted} alerted">${y.onTopic} of ${y.articles} (${Math.round((y.onTopic / y.articles) * 100)}%)</span>`;
}

const STATUS_ORDER = ['failing', 'silent', 'no-items', 'never-run', 'ok'];

export function sourceRoutes(app: Hono<Env>, db: Db) {
  app.get('/sources', allow('editor'), async (c) => {
    const v = c.get('viewer');
    // Problems first: failing, silent, no items, never run; then the rest by name (the sort is stable).
    const health = (await sourceHealth(db)).sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
    const yields = await sourceYield(db, new Date(Date.now() - YIELD_DAYS * 86_400_000));
    return c.html(
      page('Sources', v, html`<h1>Sources</h1>
<form method="post" action="/sources/discover">${csrfField(v)}<label>Add from a homepage <input type="url" name="url" size="50" required placeholder="https://www.example.com/"></label> <button type="submit">Find feeds</button></form>
<table><thead><tr><th>Source</th><th>Status</th><th>Enabled</th><th>Last success</th><th>Errors</th><th>Items/day</th><th title="of the articles it delivered in the last ${YIELD_DAYS} days, those reporting a Balkan–Latin America link or a seizure, or raising an alert">On topic (${YIELD_DAYS} days)</th><th>Last error</th></tr></thead><tbody>
${health.map((h) => html`<tr data-href="/sources/${h.id}"><td><a href="/sources/${h.id}">${h.name}</a> <span class="muted">${h.id}</span></td><td class="status-${h.status}">${h.status}</td><td>${h.enabled ? 'yes' : 'no'}</td><td>${when(v, h.lastSuccessAt)}</td><td>${Math.round(h.errorRate * 100)}%</td><td>${h.itemsPerDay.toFixed(1)}</td><td class="yield">${yieldCell(yields.get(h.id) ?? NO_YIELD)}</td><td class="last-error" title="${h.lastError ?? ''}">${h.lastError && h.lastErrorAt ? html`${when(v, h.lastErrorAt)}: ${h.lastError.length > 90 ? `${h.lastError.slice(0, 89)}…` : h.lastError}` : ''}</td></tr>`)}
</tbody></table>`).toString(),
    );
  });

  app.post('/sources/discover', allow('editor'), async (c) => {
    const v = c.get('viewer');
    const url = String((await c.req.parseBody()).url ?? '').trim();
    let body: Html;
    try {
      if (!safeUrl(url)) throw new Error('give an http(s) URL');
      const p = await proposeSource(url, fetchOpts());
      const s = p.source;
      body = html`<h1>Add a source</h1><p>From ${p.homepage}:</p>
<ul>${p.candidates.map((x) => html`<li>${x.kind} ${x.url} — ${x.error ? html`<span class="error">unusable: ${x.error}</span>` : `${x.entries ?? 0} entries`}</li>`)}</ul>
${s
  ? html`<form method="post" action="/sources">${csrfField(v)}
<p><label>Id <input name="id" value="${s.id}" required pattern="[a-z0-9][a-z0-9-]*"></label> <label>Name <input name="name" value="${s.name}" required></label></p>
<p><label>URL <input name="url" value="${s.url}" size="60" required></label> <label>Kind <select name="kind">${SOURCE_KINDS.map((k) => html`<option ${k === s.kind ? html`selected` : ''}>${k}</option>`)}</select></label></p>
<p><label>Language <input name="language" value="${s.language ?? ''}" size="4"></label> <label>Country <input name="country" value="${s.country ?? ''}" size="4"></label> <label>Schedule <input name="schedule" value="${s.schedule}"></label></p>
<p><button type="submit" id="add-source">Add source</button></p></form>`
  : html`<p class="error">No feed or sitemap found: no &lt;link rel="alternate"&gt; feed and no Sitemap: line in robots.txt. Add it as a listing source with selectors.</p>`}`;
    } catch (e) {
      body = html`<h1>Add a source</h1><p class="error" role="alert">Could not read ${url}: ${(e as Error).message}</p>`;
    }
    return c.html(page('Add a source', v, html`<p><a href="/sources">← Sources</a></p>${body}`).toString());
  });

  app.post('/sources', allow('editor'), async (c) => {
    const b = await c.req.parseBody();
    const str = (k: string) => String(b[k] ?? '').trim();
    const id = str('id');
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) return c.text('the id takes lowercase letters, digits and dashes\n', 400);
    if (!safeUrl(str('url'))) return c.text('the URL must be http(s)\n', 400);
    if (!(SOURCE_KINDS as readonly string[]).includes(str('kind'))) return c.text(`kind must be one of ${SOURCE_KINDS.join(', ')}\n`, 400);
    await upsertSources(db, [{ id, name: str('name') || id, url: str('url'), kind: str('kind'), language: str('language') || null, country: str('country').toUpperCase() || null, schedule: str('schedule') || '*/30 * * * *', render: false, enabled: true, config: {} }]);
    return c.redirect(`/sources/${id}`, 303);
  });

  app.get('/sources/:id', allow('editor'), async (c) => {
    const p = await sourcePage(db, c.get('viewer'), c.req.param('id'));
    return p ? c.html(p.toString()) : c.notFound();
  });

  app.post('/sources/:id/enabled', allow('editor'), async (c) => {
    const id = c.req.param('id');
    const enabled = String((await c.req.parseBody()).enabled) === '1';
    const r = await db.source.updateMany({ where: { id }, data: { enabled } });
    return r.count ? c.redirect(`/sources/${id}`, 303) : c.notFound();
  });

  // The source as it stands: what it finds now and what Ruta reads from its first articles (pipeline/source-test.ts).
  app.post('/sources/:id/test', allow('editor'), async (c) => {
    const v = c.get('viewer');
    const id = c.req.param('id');
    const s = (await listSources(db, { id }))[0];
    if (!s) return c.notFound();
    const ctx = createContext(db);
    let result: Html;
    try {
      const rep = await testSource(ctx, s, 2);
      result = html`<section id="source-test"><h2>Test of the source (nothing saved)</h2>
<p id="source-test-found">${rep.entries} article link(s) found in ${rep.documents} document(s).</p>
${rep.sample.length ? html`<ol class="muted">${rep.sample.map((e) => html`<li>${e.published ? `${e.published.slice(0, 10)} ` : ''}${externalLink(e.url, e.title || e.url)}</li>`)}</ol>` : html`<p class="error">No article links: ${s.kind === 'listing' ? 'check the links selector' : "check the source's URL and kind"}.</p>`}
${rep.articles.map((a) => (a.ok
  ? html`<div class="tested ok"><h3>${externalLink(a.url, a.title ?? a.url)}</h3><p><b>Author:</b> ${a.author ?? '—'} · <b>Published:</b> ${a.published ?? '—'} · <b>Language:</b> ${a.lang} (${a.script}), ${a.chars} characters</p>
<p><b>Names:</b> ${a.named?.length ? a.named.join(', ') : '—'}${a.links?.length ? html` · <b>Links:</b> ${a.links.join('; ')}` : ''}${a.seizures?.length ? html` · <b>Seizures:</b> ${a.seizures.join('; ')}` : ''}</p>
${(a.warnings ?? []).map((w) => html`<p class="warning">${w}</p>`)}${a.rendered && !s.render ? html`<p class="warning">Read through the browser: a plain fetch found only boilerplate; <code>render: true</code> saves the first fetch.</p>` : ''}
<div class="article-text">${(a.start ?? '')}…</div></div>`
  : html`<div class="tested failed"><p class="error">${a.url}: ${a.error}</p></div>`))}</section>`;
    } catch (err) {
      result = html`<p class="error" role="alert">${s.url} could not be read: ${(err as Error).message}. Check the source's URL and kind.</p>`;
    } finally {
      await ctx.close();
    }
    return c.html((await sourcePage(db, v, id, undefined, result))!.toString());
  });

  app.post('/sources/:id/selectors', allow('editor'), async (c) => {
    const v = c.get('viewer');
    const id = c.req.param('id');
    const b = await c.req.parseBody();
    const form = Object.fromEntries(['testUrl', ...SELECTOR_FIELDS].map((k) => [k, String(b[k] ?? '').trim().slice(0, 500)]));
    const selectors = Object.fromEntries(SELECTOR_FIELDS.filter((k) => form[k]).map((k) => [k, form[k]!]));
    const s = (await listSources(db, { id }))[0];
    if (!s) return c.notFound();
    if (b.action === 'save') {
      const config = { ...(JSON.parse(s.config || '{}') as Record<string, unknown>), selectors };
      await db.source.update({ where: { id }, data: { config: JSON.stringify(config) } });
      return c.redirect(`/sources/${id}`, 303);
    }
    let result: Html;
    try {
      if (!safeUrl(form.testUrl)) throw new Error('give an http(s) article URL to test');
      const res = await httpGet(form.testUrl!, fetchOpts());
      const p = extractPage(res.url, res.body, res.headers['content-type'] ?? null, selectors, sourceZone(s));
      const e = p.extracted;
      result = html`<section id="test-result"><h2>Extracted (not saved)</h2>
<p><b>Title:</b> ${e.title}</p><p><b>Author:</b> ${e.author ?? '—'} · <b>Published:</b> ${e.published?.toISOString() ?? '—'} · <b>Body from:</b> ${e.bodySource}</p>
<div class="article-text">${e.text.slice(0, 4000)}${e.text.length > 4000 ? '…' : ''}</div></section>`;
    } catch (err) {
      result = html`<p class="error" role="alert">Test extract failed: ${(err as Error).message}</p>`;
    }
    return c.html((await sourcePage(db, v, id, form, result))!.toString());
  });
}
