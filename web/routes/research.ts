// Researchers: the link graph (click through to evidence), seizures over time,
// full-text search across scripts, and exports.
import type { Context, Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { articlesNaming, articleTexts, CO_NAMED_ARTICLES, entityProfile, countries, GRAPH_REVIEWS, linkGraph, linkGraphCount, linkWithEvidence, neighbourLinks, seizureTimeline, type GraphFilter, type GraphLink } from '../../storage/research-repo.js';
import { ftsQuery, searchPage } from '../../storage/search-index.js';
import { confirmedLinks, largestSeizures, newLinks, newStories } from '../../storage/digests-repo.js';
import { risingNames, weekCounts } from '../../storage/week-repo.js';
import { addSavedSearch } from '../../storage/saved-searches-repo.js';
import { UserInputError } from '../../storage/users-repo.js';
import { loadDefaultGazetteer } from '../../extractors/gazetteer.js';
import { entitiesNamedBy } from '../../extractors/query-names.js';
import { RUTA_LANGS } from '../../extractors/langid.js';
import { sentenceAt } from '../../alerts/evidence.js';
import { allow, type Env } from '../auth.js';
import { html, type Html } from '../html.js';
import { articleLink, csrfField, entityHref, kgText, page, reviewMark, when } from '../layout.js';
import { isLinkReview, linkReviews, reviewLink } from '../../storage/link-review-repo.js';
import { linksCsv, linksFtm, linksGexf, linksJson, searchCsv } from '../exports.js';
import { monthChart, monthSeries } from '../month-chart.js';

const RESEARCH = ['researcher', 'analyst'];
/** Most rows a search export holds. */
const SEARCH_EXPORT_MAX = 10_000;

function dateParam(v: string | undefined): Date | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A search as the page's address gives it: the query, across scripts or not, and what narrows it. */
function searchOf(c: Context<Env>) {
  const q = (c.req.query('q') ?? '').slice(0, 300);
  // Across scripts unless the box is unticked. The form always sends across=0 and, when the box is
  // ticked, across=1 after it; a link or bookmark without "across" (/search?q=kavac) searches across.
  const choices = c.req.queries('across') ?? [];
  const across = !choices.length || choices.includes('1');
  // Narrowing: a language, a period (the "to" day included), newest first instead of best match.
  const lang = (RUTA_LANGS as readonly string[]).includes(c.req.query('lang') ?? '') ? c.req.query('lang')! : '';
  const from = dateParam(c.req.query('from'));
  const toDay = dateParam(c.req.query('to'));
  const order = c.req.query('order') === 'newest' ? ('newest' as const) : ('relevance' as const);
  const narrowing = { lang: lang || undefined, from, to: toDay ? new Date(toDay.getTime() + 86_400_000) : undefined, order };
  return { q, across, lang, from, toDay, order, narrowing };
}

function filterOf(c: Context<Env>): GraphFilter & { query: string } {
  const from = dateParam(c.req.query('from'));
  const toDay = dateParam(c.req.query('to'));
  const to = toDay ? new Date(toDay.getTime() + 86400_000) : undefined;
  const country = c.req.query('country')?.slice(0, 100) || undefined;
  const review = (GRAPH_REVIEWS as readonly string[]).includes(c.req.query('review') ?? '') ? (c.req.query('review') as GraphFilter['review']) : undefined;
  const q = new URLSearchParams();
  if (from) q.set('from', c.req.query('from')!);
  if (toDay) q.set('to', c.req.query('to')!);
  if (country) q.set('country', country);
  if (review) q.set('review', review);
  // An article that names only Guayaquil is about Ecuador too.
  const places = country ? placesIn(country) : undefined;
  return { from, to, country, places, review, query: q.toString() };
}

/** The ports and cities of a country, as the gazetteer has them. */
function placesIn(country: string): string[] {
  return loadDefaultGazetteer()
    .entries.filter((e) => (e.type === 'port' || e.type === 'city') && e.country === country)
    .map((e) => e.canonical);
}

/** The graph's verdict filter: by default links analysts dismissed are left out. */
const REVIEW_CHOICES: [string, string][] = [['', 'all but dismissed'], ['confirmed', 'confirmed'], ['dismissed', 'dismissed'], ['all', 'any']];

/** Most stories a link's page quotes. */
const EVIDENCE_STORIES = 100;

const NODE_GAP = 30;
const MAX_PER_SIDE = 60;

/** Bipartite drawing: Balkan entities on the left, Latin American on the right, edges as wide as their evidence. */
function graphSvg(links: GraphLink[]): Html {
  const degree = (side: 'balkan' | 'latam') => {
    const m = new Map<string, number>();
    for (const l of links) m.set(l[side], (m.get(l[side]) ?? 0) + l.evidence);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_PER_SIDE).map(([name]) => name);
  };
  const left = degree('balkan');
  const right = degree('latam');
  const y = (list: string[], name: string) => 40 + list.indexOf(name) * NODE_GAP;
  const shown = links.filter((l) => left.includes(l.balkan) && right.includes(l.latam));
  const height = 60 + Math.max(left.length, right.length) * NODE_GAP;
  return html`<svg id="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 ${height}" width="960" height="${height}" role="img" aria-label="Balkan–Latin America link graph">
<text x="250" y="20" text-anchor="end" class="axis">Balkans</text><text x="710" y="20" class="axis">Latin America</text>
${shown.map((l) => html`<a href="/links/${l.id}" class="edge review-${l.review}" data-link="${l.id}"><title>${l.balkan} – ${l.latam}: ${l.evidence} article(s)${l.review !== 'open' ? `, ${l.review} by an analyst` : ''}</title><line x1="260" y1="${y(left, l.balkan)}" x2="700" y2="${y(right, l.latam)}" stroke-width="${(1 + Math.log2(l.evidence) * 1.5).toFixed(1)}"/></a>`)}
${left.map((n) => html`<g class="node balkan"><circle cx="260" cy="${y(left, n)}" r="5"/><text x="250" y="${y(left, n) + 4}" text-anchor="end">${n}</text></g>`)}
${right.map((n) => html`<g class="node latam"><circle cx="700" cy="${y(right, n)}" r="5"/><text x="710" y="${y(right, n) + 4}">${n}</text></g>`)}
</svg>`;
}

/** The date of the earliest article that reports a link (its publication date, else when Ruta stored it), or `otherwise`. */
function firstReported(evidence: { article: { published: Date | null; createdAt: Date } }[], otherwise: Date): Date {
  return evidence.length ? new Date(Math.min(...evidence.map((e) => (e.article.published ?? e.article.createdAt).getTime()))) : otherwise;
}

export function researchRoutes(app: Hono<Env>, db: Db) {
  // The week at a glance: what is new, what analysts confirmed, what spreads, what was seized, who rises.
  app.get('/week', allow(...RESEARCH), async (c) => {
    const days = Math.min(90, Math.max(1, Math.floor(Number(c.req.query('days'))) || 7));
    const until = new Date();
    const since = new Date(until.getTime() - days * 86_400_000);
    const [counts, links, confirmed, stories, seizures, rising] = await Promise.all([
      weekCounts(db, since, until), newLinks(db, since, until, 20, 'evidence'), confirmedLinks(db, since, until, 20), newStories(db, since, until, 10), largestSeizures(db, since, until, 10), risingNames(db, since, until),
    ]);
    const v = c.get('viewer');
    return c.html(
      page('This week', v, html`<h1>The last ${days} day(s)</h1>
<form method="get" action="/week" class="filters"><label>Days <select name="days">${[1, 7, 14, 30, 90].map((d) => html`<option ${d === days ? html`selected` : ''}>${d}</option>`)}</select></label> <button type="submit">Show</button></form>
<p id="week-counts">${counts.articles} article(s) in ${counts.stories} stories · ${counts.newLinks} new link(s) · ${counts.confirmedLinks} confirmed by analysts · ${counts.seizures} seizure(s), ${kgText(counts.seizedKg)} in all</p>
<p class="muted">What Ruta stored in these days; the names on the rise by the articles' publication dates (else when stored).</p>
<h2>New Balkan–Latin America links, the best evidenced first</h2>
${links.length ? html`<ol id="week-links">${links.map((l) => html`<li><a href="/links/${l.id}">${l.balkan} – ${l.latam}</a>${reviewMark(l.review)} <span class="muted">(${l.articleCount} article(s))</span>${l.evidence[0] ? html`<blockquote>“${l.evidence[0].sentence}”</blockquote>` : ''}</li>`)}</ol>` : html`<p>None.</p>`}
${confirmed.length ? html`<h2>Confirmed by analysts</h2><ul id="week-confirmed">${confirmed.map((x) => html`<li><a href="/links/${x.link.id}">${x.link.balkan} – ${x.link.latam}</a> <span class="muted">by ${x.by}${x.note ? html`: “${x.note}”` : ''}</span></li>`)}</ul>` : ''}
<h2>Stories told most widely</h2>
${stories.length ? html`<ol id="week-stories">${stories.map((s) => html`<li><a href="/stories/${s.id}">${s.headline}</a> <span class="muted">(${s.outletCount} outlet(s), ${s.languages})</span></li>`)}</ol>` : html`<p>None.</p>`}
<h2>Largest seizures</h2>
${seizures.length ? html`<ol id="week-seizures">${seizures.map((z) => html`<li><b>${kgText(z.kg)} ${z.drug}</b>${z.place ? html` in ${z.place}` : ''} · ${articleLink(z.article)}</li>`)}</ol>` : html`<p>None.</p>`}
<h2>Named more than the ${days} day(s) before</h2>
${rising.length
  ? html`<table id="week-rising"><thead><tr><th>Name</th><th>Kind</th><th>Articles now</th><th>Before</th></tr></thead><tbody>${rising.map((r) => html`<tr><td><a href="${entityHref(r)}">${r.canonical}</a></td><td>${r.type.replace('_', ' ')} <span class="muted">${r.side}</span></td><td>${r.now}</td><td>${r.before}</td></tr>`)}</tbody></table>`
  : html`<p>No name rose.</p>`}`).toString(),
    );
  });

  app.get('/graph', allow(...RESEARCH), async (c) => {
    const f = filterOf(c);
    const [links, total, list, hidden] = await Promise.all([linkGraph(db, f), linkGraphCount(db, f), countries(db), f.review ? 0 : linkGraphCount(db, { ...f, review: 'dismissed' })]);
    const withDismissed = `/graph?${new URLSearchParams([...new URLSearchParams(f.query), ['review', 'all']]).toString()}`;
    const qs = f.query ? `?${f.query}` : '';
    return c.html(
      page('Link graph', c.get('viewer'), html`<h1>Balkan–Latin America links</h1>
<form method="get" action="/graph" class="filters">
<label>From <input type="date" name="from" value="${c.req.query('from') ?? ''}"></label>
<label>To <input type="date" name="to" value="${c.req.query('to') ?? ''}"></label>
<label>Country <select name="country"><option value="">any</option>${list.map((x) => html`<option ${x === f.country ? html`selected` : ''}>${x}</option>`)}</select></label>
<label>Analysts' verdict <select name="review">${REVIEW_CHOICES.map(([v, label]) => html`<option value="${v}" ${v === (f.review ?? '') ? html`selected` : ''}>${label}</option>`)}</select></label>
<button type="submit">Filter</button></form>
<p id="link-count">${total} link(s)${total > links.length ? html`, the ${links.length} with the most evidence shown; the exports hold all of them` : ''}${hidden ? html`; ${hidden} dismissed by analysts left out (<a href="${withDismissed}">show them</a>)` : ''}. Export: <a href="/export/links.csv${qs}">CSV</a> · <a href="/export/links.json${qs}">JSON</a> · <a href="/export/links.ftm.jsonl${qs}">FollowTheMoney</a> · <a href="/export/links.gexf${qs}">GEXF (Gephi)</a></p>
${links.length ? graphSvg(links) : html`<p>No links with these filters.</p>`}
<table><thead><tr><th>Balkan side</th><th>Latin American side</th><th>Evidence</th><th title="the earliest article's date">First reported</th><th title="the latest article's date">Last reported</th><th>Verdict</th></tr></thead><tbody>
${links.map((l) => html`<tr data-href="/links/${l.id}"><td><a href="${entityHref({ type: l.balkanType, canonical: l.balkan })}">${l.balkan}</a> <span class="muted">${l.balkanType.replace('_', ' ')}</span></td><td><a href="${entityHref({ type: l.latamType, canonical: l.latam })}">${l.latam}</a> <span class="muted">${l.latamType.replace('_', ' ')}</span></td><td><a href="/links/${l.id}">${l.evidence}</a></td><td>${l.firstSeen.toISOString().slice(0, 10)}</td><td>${l.lastSeen.toISOString().slice(0, 10)}</td><td>${reviewMark(l.review)}</td></tr>`)}
</tbody></table>`).toString(),
    );
  });

  app.get('/links/:id', allow(...RESEARCH), async (c) => {
    const l = await linkWithEvidence(db, Number(c.req.param('id')) || 0);
    if (!l) return c.notFound();
    const [near, reviews] = await Promise.all([neighbourLinks(db, l), linkReviews(db, l)]);
    const v = c.get('viewer');
    // The evidence by story: a report copied by fifty outlets is one event, shown once with its earliest article.
    const dateOf = (e: (typeof l.evidence)[number]) => e.article.published ?? e.article.createdAt;
    const byStory = new Map<string, { first: (typeof l.evidence)[number]; count: number; langs: string[] }>();
    for (const e of [...l.evidence].sort((a, b) => dateOf(a).getTime() - dateOf(b).getTime() || a.id - b.id)) {
      const key = e.article.storyId !== null ? `story:${e.article.storyId}` : `article:${e.article.id}`;
      const g = byStory.get(key);
      if (g) {
        g.count++;
        if (!g.langs.includes(e.article.lang)) g.langs.push(e.article.lang);
      } else byStory.set(key, { first: e, count: 1, langs: [e.article.lang] });
    }
    const groups = [...byStory.values()];
    const shown = groups.slice(0, EVIDENCE_STORIES);
    const others = (title: string, id: string, list: { id: number; balkan: string; latam: string; articleCount: number; review: string }[]) =>
      list.length ? html`<h2>${title}</h2><ul id="${id}">${list.map((x) => html`<li><a href="/links/${x.id}">${x.balkan} – ${x.latam}</a>${reviewMark(x.review)} <span class="muted">(${x.articleCount} article(s))</span></li>`)}</ul>` : '';
    return c.html(
      page(`${l.balkan} – ${l.latam}`, c.get('viewer'), html`<p><a href="/graph">← Graph</a></p><h1><a href="${entityHref({ type: l.balkanType, canonical: l.balkan })}">${l.balkan}</a> – <a href="${entityHref({ type: l.latamType, canonical: l.latam })}">${l.latam}</a></h1>
<p class="muted" id="link-dates">${l.balkanType} – ${l.latamType} · ${l.articleCount} article(s) · first reported ${firstReported(l.evidence, l.firstSeen).toISOString().slice(0, 10)} · seen by Ruta since ${l.firstSeen.toISOString().slice(0, 10)}</p>
<section id="review"><h2>Analysts' verdict: ${l.review === 'open' ? (reviews.length ? 'reopened, not judged' : 'not judged') : l.review}</h2>
${reviews.length ? html`<ol id="review-history">${reviews.map((r) => html`<li>${when(v, r.at)} · ${r.by}: <b>${r.status === 'open' ? 'reopened' : r.status}</b>${r.note ? html` — “${r.note}”` : ''}</li>`)}</ol>` : html`<p class="muted">No analyst has judged this link yet.</p>`}
${v.role === 'analyst' || v.role === 'admin'
  ? html`<form method="post" action="/links/${l.id}/review" id="review-form">${csrfField(v)}
<p><label>Why (kept with the verdict)<br><textarea name="note" maxlength="5000"></textarea></label></p>
<p>${l.review !== 'confirmed' ? html`<button type="submit" name="status" value="confirmed">Confirm: a real connection</button> ` : ''}${l.review !== 'dismissed' ? html`<button type="submit" name="status" value="dismissed">Dismiss: a misreading</button> ` : ''}${l.review !== 'open' ? html`<button type="submit" name="status" value="open">Reopen</button>` : ''}</p>
<p class="muted">A dismissed link leaves the digest, the graph and the exports (unless asked for), and raises no more alerts; its evidence is still collected here.</p></form>`
  : ''}</section>
<h2>Evidence</h2>
${groups.length > 1 || l.evidence.length > 1 ? html`<p class="muted" id="evidence-summary">${l.evidence.length} article(s) in ${groups.length} stor${groups.length === 1 ? 'y' : 'ies'}, earliest first; each story once, with its earliest article${groups.length > shown.length ? html`; the first ${shown.length} shown` : ''}.</p>` : ''}
<ol id="evidence">${shown.map((g) => {
  const e = g.first;
  const more = g.count - 1;
  return html`<li><blockquote>“${e.sentence}”</blockquote>${articleLink(e.article)} <span class="muted">(${e.article.lang}, ${dateOf(e).toISOString().slice(0, 10)}${e.article.storyId ? html`, <a href="/stories/${e.article.storyId}">story #${e.article.storyId}</a>` : ''})</span>${more ? html`<br><span class="muted more">and ${more} more article(s) of this story${g.langs.length > 1 ? `, in ${g.langs.join(', ')}` : ''}</span>` : ''}</li>`;
})}</ol>
${others(`Other links of ${l.balkan}`, 'links-of-balkan', near.ofBalkan)}${others(`Others linked to ${l.latam}`, 'links-of-latam', near.ofLatam)}`).toString(),
    );
  });

  app.post('/links/:id/review', allow('analyst'), async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const status = String(body.status ?? '');
    if (!isLinkReview(status)) return c.text(`unknown verdict "${status}": confirmed, dismissed or open\n`, 400);
    if (!Number.isInteger(id) || !(await reviewLink(db, id, c.get('viewer').id, status, String(body.note ?? '')))) return c.text('no such link\n', 404);
    // From an alert's page, back to it.
    const back = String(body.back ?? '');
    return c.redirect(/^\/alerts\/\d+$/.test(back) ? back : `/links/${id}`, 303);
  });

  app.get('/entities/:type/:canonical', allow(...RESEARCH), async (c) => {
    const e = await entityProfile(db, c.req.param('type'), c.req.param('canonical'));
    if (!e) return c.notFound();
    return c.html(
      page(e.canonical, c.get('viewer'), html`<h1>${e.canonical}</h1>
<p class="muted">${e.type.replace('_', ' ')} · ${e.side} side · named in ${e.articles} article(s)</p>
${e.byMonth.size ? html`<h2>Articles naming it, per month</h2>${monthChart(monthSeries(e.byMonth), { id: 'entity-months', label: `articles naming ${e.canonical} per month`, fmt: String, title: (n) => `${n} article(s)`, height: 160 })}` : ''}
<h2>How the articles name it</h2><p id="forms">${e.forms.map((f, i) => html`${i ? ' · ' : ''}${f.text} <span class="muted">(${f.count})</span>`)}</p>
${e.links.length ? html`<h2>Balkan–Latin America links</h2><ul id="entity-links">${e.links.map((l) => html`<li><a href="/links/${l.id}">${l.balkan} – ${l.latam}</a>${reviewMark(l.review)} <span class="muted">(${l.articleCount} article(s), last ${l.lastSeen.toISOString().slice(0, 10)})</span></li>`)}</ul>` : ''}
${e.coNamed.length ? html`<h2>Named in the same articles</h2>${e.articles > CO_NAMED_ARTICLES ? html`<p class="muted">In its latest ${CO_NAMED_ARTICLES.toLocaleString('en')} articles.</p>` : ''}<p id="co-named">${e.coNamed.map((o, i) => html`${i ? ' · ' : ''}<a href="${entityHref(o)}">${o.canonical}</a> <span class="muted">(${o.type.replace('_', ' ')}, ${o.articles})</span>`)}</p>` : ''}
<h2>Articles</h2><ol id="entity-articles">${e.recent.map((a) => html`<li>${articleLink(a)} <span class="muted">(${a.lang}${a.published ? `, ${a.published.toISOString().slice(0, 10)}` : ''})</span></li>`)}</ol>
${e.articles > e.recent.length ? html`<p class="muted">The ${e.recent.length} most recent of ${e.articles}.</p>` : ''}`).toString(),
    );
  });

  app.get('/seizures', allow(...RESEARCH), async (c) => {
    const f = filterOf(c);
    const points = await seizureTimeline(db, f);
    const byMonth = new Map<string, number>();
    for (const p of points) byMonth.set(p.date.toISOString().slice(0, 7), (byMonth.get(p.date.toISOString().slice(0, 7)) ?? 0) + p.kg);
    const months = monthSeries(byMonth);
    // The table: the 200 most recent, with their sentences.
    const listed = [...points].reverse().slice(0, 200);
    const texts = await articleTexts(db, [...new Set(listed.map((p) => p.article.id))]);
    return c.html(
      page('Seizures', c.get('viewer'), html`<h1>Seizures over time</h1>
<form method="get" action="/seizures" class="filters"><label>From <input type="date" name="from" value="${c.req.query('from') ?? ''}"></label>
<label>To <input type="date" name="to" value="${c.req.query('to') ?? ''}"></label> <button type="submit">Filter</button></form>
${months.length
  ? monthChart(months, { id: 'timeline', label: 'kilograms seized per month', fmt: (kg) => kgText(kg), title: (kg) => `${Math.round(kg).toLocaleString('en')} kg` })
  : html`<p>No seizures in this period.</p>`}
<table><thead><tr><th>Article date</th><th>Amount</th><th>Where, when</th><th>Evidence</th></tr></thead><tbody>
${listed.map((p) => html`<tr><td>${p.date.toISOString().slice(0, 10)}</td><td>${p.kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg ${p.drug}</td><td class="seizure-where">${[p.place, p.stated].filter(Boolean).join(', ')}</td><td>“${sentenceAt(texts.get(p.article.id) ?? p.text, texts.has(p.article.id) ? p.start : 0)}”<br>${articleLink(p.article)}</td></tr>`)}
</tbody></table>${points.length > listed.length ? html`<p class="muted">The ${listed.length} most recent of ${points.length}; narrow the period to see others.</p>` : ''}`).toString(),
    );
  });

  app.get('/search', allow(...RESEARCH), async (c) => {
    const { q, across, lang, from, toDay, order, narrowing } = searchOf(c);
    const PER_PAGE = 50;
    const pageNo = Math.max(1, Math.min(1000, Math.floor(Number(c.req.query('page'))) || 1));
    const { hits, total } = q.trim() ? await searchPage(db, q, { acrossScripts: across, limit: PER_PAGE, offset: (pageNo - 1) * PER_PAGE, ...narrowing }) : { hits: [], total: 0 };
    // The people, groups and places the query names, with the articles that name them in any language and form
    // ("Kavačkog klana" finds the English "Kavač clan" and the Spanish "clan Kavač" too): on the first page only.
    const named = q.trim() && pageNo === 1 ? await articlesNaming(db, entitiesNamedBy(q, loadDefaultGazetteer())) : [];
    const kept = [...(lang ? [['lang', lang]] : []), ...(from ? [['from', c.req.query('from')!]] : []), ...(toDay ? [['to', c.req.query('to')!]] : []), ...(order === 'newest' ? [['order', 'newest']] : [])];
    const pageHref = (n: number) => `/search?${new URLSearchParams([['q', q], ['across', across ? '1' : '0'], ...kept, ...(n > 1 ? [['page', String(n)]] : [])]).toString()}`;
    const first = (pageNo - 1) * PER_PAGE + 1;
    return c.html(
      page('Search', c.get('viewer'), html`<h1>Search articles</h1>
<form method="get" action="/search" role="search"><input type="search" name="q" value="${q}" size="50" autofocus aria-label="query">
<input type="hidden" name="across" value="0"><label><input type="checkbox" name="across" value="1" ${across ? html`checked` : ''}> across scripts and diacritics (Кавачки = Kavački = kavacki)</label>
<button type="submit">Search</button>
<p class="filters"><label>Language <select name="lang"><option value="">any</option>${RUTA_LANGS.map((l) => html`<option ${l === lang ? html`selected` : ''}>${l}</option>`)}</select></label>
<label>From <input type="date" name="from" value="${from ? c.req.query('from')! : ''}"></label> <label>To <input type="date" name="to" value="${toDay ? c.req.query('to')! : ''}"></label>
<label>Order <select name="order"><option value="relevance">best match</option><option value="newest" ${order === 'newest' ? html`selected` : ''}>newest first</option></select></label></p></form>
<p class="muted">Words must all appear; "quotes" for a phrase; a trailing * for a prefix (klan*).</p>
${named.length ? html`<section id="named"><h2>Named in the query</h2><ul>${named.map((e) => html`<li><b><a href="${entityHref(e)}">${e.canonical}</a></b> <span class="muted">${e.type.replace('_', ' ')}</span>: named in ${e.articles} article(s), in every language and form${e.articles > e.recent.length ? html`; the ${e.recent.length} most recent` : ''}:<ul>${e.recent.map((a) => html`<li>${articleLink(a)} <span class="muted">(${a.lang}${a.published ? `, ${a.published.toISOString().slice(0, 10)}` : ''})</span></li>`)}</ul></li>`)}</ul></section>` : ''}
${q.trim() && ftsQuery(q, across)
  ? html`<form method="post" action="/searches" id="save-search">${csrfField(c.get('viewer'))}<input type="hidden" name="q" value="${q}"><input type="hidden" name="across" value="${across ? '1' : '0'}"><input type="hidden" name="lang" value="${lang}">
${c.req.query('saved') ? html`<p role="status">Saved: your daily digest lists the new articles this search finds (<a href="/digest">your saved searches</a>).</p>` : html`<button type="submit">Save this search for my digest</button> <span class="muted">the new articles it finds${lang ? ` in ${lang}` : ''} come in your daily digest</span>`}</form>`
  : ''}
${q.trim() ? html`<p id="result-count">${total} article(s)${hits.length && total > hits.length ? html`, ${first}–${first + hits.length - 1} shown` : ''}${total ? html`. Export: <a href="${pageHref(1).replace('/search?', '/export/search.csv?')}">CSV</a>${total > SEARCH_EXPORT_MAX ? html` (the first ${SEARCH_EXPORT_MAX.toLocaleString('en')})` : ''}` : ''}</p>` : ''}
<ol id="results" start="${first}">${hits.map((h) => html`<li>${articleLink(h)} <span class="muted">(${h.lang}, ${h.script}${h.published ? `, ${h.published.toISOString().slice(0, 10)}` : ''})</span><br><small>${h.snippet}</small></li>`)}</ol>
<p class="pager">${pageNo > 1 ? html`<a href="${pageHref(pageNo - 1)}" rel="prev">← Previous page</a> ` : ''}${first + hits.length - 1 < total ? html`<a href="${pageHref(pageNo + 1)}" rel="next">Next page →</a>` : ''}</p>`).toString(),
    );
  });

  // Saving a search for the digest, then back to its results.
  app.post('/searches', allow(...RESEARCH), async (c) => {
    const body = await c.req.parseBody();
    const q = String(body.q ?? '');
    const across = String(body.across ?? '1') !== '0';
    const lang = (RUTA_LANGS as readonly string[]).includes(String(body.lang ?? '')) ? String(body.lang) : '';
    try {
      await addSavedSearch(db, c.get('viewer').id, { query: q, across, lang: lang || null });
    } catch (e) {
      if (e instanceof UserInputError) return c.text(`${e.message}\n`, 400);
      throw e;
    }
    return c.redirect(`/search?${new URLSearchParams([['q', q], ['across', across ? '1' : '0'], ...(lang ? [['lang', lang]] : []), ['saved', '1']]).toString()}`, 303);
  });

  const exporters: Record<string, [string, (l: GraphLink[]) => string]> = {
    'links.csv': ['text/csv; charset=utf-8', linksCsv],
    'links.json': ['application/json; charset=utf-8', linksJson],
    'links.ftm.jsonl': ['application/x-ndjson; charset=utf-8', linksFtm],
    'links.gexf': ['application/gexf+xml; charset=utf-8', linksGexf],
  };
  // The articles a search finds, as the page orders them, for work outside Ruta.
  app.get('/export/search.csv', allow(...RESEARCH), async (c) => {
    const { q, across, narrowing } = searchOf(c);
    const { hits } = q.trim() ? await searchPage(db, q, { acrossScripts: across, limit: SEARCH_EXPORT_MAX, ...narrowing }) : { hits: [] };
    return c.body(searchCsv(hits), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ruta-search.csv"' });
  });
  app.get('/export/:file', allow(...RESEARCH), async (c) => {
    const e = exporters[c.req.param('file')];
    if (!e) return c.notFound();
    const body = e[1](await linkGraph(db, filterOf(c), { limit: null }));
    return c.body(body, 200, { 'content-type': e[0], 'content-disposition': `attachment; filename="ruta-${c.req.param('file')}"` });
  });
}
