// Stories: one event as several outlets and languages tell it (dedupe/), for
// researchers and analysts: the list, most recently active first, and each
// story with its articles, outlets, links, seizures and the names it carries.
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { storyDetail, storyPage } from '../../storage/stories-repo.js';
import { RUTA_LANGS } from '../../extractors/langid.js';
import { allow, type Env } from '../auth.js';
import { html } from '../html.js';
import { articleLink, entityHref, externalLink, kgText, page, reviewMark, when } from '../layout.js';
import { storyAlertCounts, TRIAGE_STATUSES } from '../../storage/triage-repo.js';

const PER_PAGE = 50;
const TYPE_LABELS: Record<string, string> = {
  person: 'People', criminal_group: 'Groups', port: 'Ports', city: 'Cities', country: 'Countries', organization: 'Agencies and courts', company: 'Companies', vessel: 'Vessels',
};
const ABOUT: [string, string][] = [['', 'anything'], ['links', 'a Balkan–Latin America link'], ['seizures', 'a seizure']];
const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : 'undated');

export function storyRoutes(app: Hono<Env>, db: Db) {
  app.get('/stories', allow('researcher', 'analyst'), async (c) => {
    const v = c.get('viewer');
    const lang = (RUTA_LANGS as readonly string[]).includes(c.req.query('lang') ?? '') ? c.req.query('lang')! : '';
    const minOutlets = Math.max(1, Math.min(20, Math.floor(Number(c.req.query('outlets'))) || 1));
    const about = ABOUT.some(([k]) => k === c.req.query('about')) ? c.req.query('about')! : '';
    const pageNo = Math.max(1, Math.min(1000, Math.floor(Number(c.req.query('page'))) || 1));
    const { total, stories } = await storyPage(db, { lang: lang || undefined, minOutlets, withLinks: about === 'links', withSeizures: about === 'seizures', limit: PER_PAGE, offset: (pageNo - 1) * PER_PAGE });
    const here = (n: number) =>
      `/stories?${new URLSearchParams([...(lang ? [['lang', lang]] : []), ...(minOutlets > 1 ? [['outlets', String(minOutlets)]] : []), ...(about ? [['about', about]] : []), ...(n > 1 ? [['page', String(n)]] : [])]).toString()}`;
    const first = (pageNo - 1) * PER_PAGE + 1;
    return c.html(
      page('Stories', v, html`<h1>Stories</h1>
<p class="muted">One event as every outlet and language tells it: copies and translations of a report are one story.</p>
<form method="get" action="/stories" class="filters"><label>Language <select name="lang"><option value="">any</option>${RUTA_LANGS.map((l) => html`<option ${l === lang ? html`selected` : ''}>${l}</option>`)}</select></label>
<label>Told by at least <select name="outlets">${[1, 2, 3, 5].map((n) => html`<option value="${n}" ${n === minOutlets ? html`selected` : ''}>${n} outlet${n > 1 ? 's' : ''}</option>`)}</select></label>
<label>Reporting <select name="about">${ABOUT.map(([k, label]) => html`<option value="${k}" ${k === about ? html`selected` : ''}>${label}</option>`)}</select></label> <button type="submit">Show</button></form>
<p id="story-count">${total} stor${total === 1 ? 'y' : 'ies'}${stories.length && total > stories.length ? html`, ${first}–${first + stories.length - 1} shown` : ''}</p>
${stories.length
  ? html`<table id="stories"><thead><tr><th>Story</th><th>Outlets</th><th>Articles</th><th>Languages</th><th>Balkan–Latin America links</th><th>Largest seizure</th><th>Last active</th></tr></thead><tbody>
${stories.map((s) => html`<tr data-href="/stories/${s.id}"><td><a href="/stories/${s.id}">${s.headline}</a></td><td>${s.outletCount}</td><td>${s.articleCount}</td><td>${s.languages.join(', ')}</td>
<td>${s.links.slice(0, 3).map((l, i) => html`${i ? html`<br>` : ''}<a href="/links/${l.id}">${l.balkan} – ${l.latam}</a>${reviewMark(l.review)}`)}${s.links.length > 3 ? html`<br><span class="muted">and ${s.links.length - 3} more</span>` : ''}</td>
<td>${s.largestSeizure ? `${kgText(s.largestSeizure.kg, 2)} ${s.largestSeizure.drug}` : ''}</td><td>${when(v, s.lastSeenAt)}</td></tr>`)}
</tbody></table>`
  : html`<p>No stories${lang || minOutlets > 1 || about ? ' match these filters' : ' yet: they form as articles are crawled'}.</p>`}
<p class="pager">${pageNo > 1 ? html`<a href="${here(pageNo - 1)}" rel="prev">← Previous page</a> ` : ''}${first + stories.length - 1 < total ? html`<a href="${here(pageNo + 1)}" rel="next">Next page →</a>` : ''}</p>`).toString(),
    );
  });

  app.get('/stories/:id', allow('researcher', 'analyst'), async (c) => {
    const v = c.get('viewer');
    const s = await storyDetail(db, Number(c.req.param('id')) || 0);
    if (!s) return c.notFound();
    const alerts = await storyAlertCounts(db, s.id);
    const waiting = (alerts.open ?? 0) + (alerts.escalated ?? 0);
    const analyst = v.role === 'analyst' || v.role === 'admin';
    const titles = new Map(s.articles.map((a) => [a.id, a]));
    // People first, then groups, ports, places and agencies, as TYPE_LABELS orders them.
    const byType = new Map<string, typeof s.named>(Object.keys(TYPE_LABELS).map((t) => [t, []]));
    for (const e of s.named) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
    for (const [t, list] of byType) if (!list.length) byType.delete(t);
    return c.html(
      page(`Story #${s.id}`, v, html`<p><a href="/stories">← Stories</a></p><h1>${s.headline}</h1>
<p class="muted" id="story-facts">Story #${s.id} · ${s.outletCount} outlet(s) · ${s._count.articles} article(s)${s.articleCount > s._count.articles ? ` (${s.articleCount} with their later versions)` : ''} · ${s.languages.join(', ')} · first seen ${when(v, s.firstSeenAt)} · last active ${when(v, s.lastSeenAt)}</p>
${Object.keys(alerts).length
  ? html`<p id="story-alerts">Alerts: ${TRIAGE_STATUSES.filter((st) => alerts[st]).map((st, i) => html`${i ? ', ' : ''}${alerts[st]} ${st}`)}${analyst && waiting ? html` · <a href="/triage?story=${s.id}">triage the ${waiting} waiting</a>` : analyst ? html` · <a href="/triage?story=${s.id}&amp;status=any">see them</a>` : ''}</p>`
  : ''}
${s.links.length
  ? html`<h2>Balkan–Latin America links</h2><ol id="story-links">${s.links.map((l) => html`<li><a href="/links/${l.id}">${l.balkan} – ${l.latam}</a>${reviewMark(l.review)} <span class="muted">(${l.balkanType.replace('_', ' ')} – ${l.latamType.replace('_', ' ')}; reported by ${l.articles} of the story's articles)</span><blockquote>“${l.sentence}”</blockquote></li>`)}</ol>`
  : ''}
${s.seizures.length
  ? html`<h2>Seizures</h2><ul id="story-seizures">${s.seizures.map((z) => html`<li><b>${kgText(z.kg, 2)} ${z.drug}</b> (“${z.text}”)${z.place ? html` in ${z.place}` : ''}${z.date ? html`, ${z.date}` : ''} <span class="muted">· reported by ${z.articles} article(s), first in ${externalLink(titles.get(z.articleId)?.url, titles.get(z.articleId)?.title ?? 'an article')}</span></li>`)}</ul>`
  : ''}
${s.named.length
  ? html`<h2>Named in the story</h2><dl id="story-named">${[...byType].map(([type, list]) => html`<dt>${TYPE_LABELS[type] ?? type}</dt><dd>${list.map((e, i) => html`${i ? ' · ' : ''}<a href="${entityHref(e)}">${e.canonical}</a> <span class="muted">(${e.mentions})</span>`)}</dd>`)}</dl>`
  : ''}
<h2>Articles</h2>
<table id="story-articles"><thead><tr><th>Published</th><th>Outlet</th><th>Language</th><th>Article</th></tr></thead><tbody>
${s.articles.map((a) => html`<tr><td>${day(a.published)}</td><td>${a.sources.map((x) => x.source.name).join(', ')}</td><td>${a.lang}${a.script === 'Cyrl' ? ' (Cyrillic)' : ''}</td><td>${articleLink(a)}${a.duplicateOfId ? html` <span class="muted">copy of ${titles.get(a.duplicateOfId) ? html`“${titles.get(a.duplicateOfId)!.title}”` : html`article #${a.duplicateOfId}`}</span>` : ''}</td></tr>`)}
</tbody></table>${s.articles.length < s._count.articles ? html`<p class="muted">The first ${s.articles.length} of ${s._count.articles} articles.</p>` : ''}`).toString(),
    );
  });
}
