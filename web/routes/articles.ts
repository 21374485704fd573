// An article as Ruta stored it (/articles/:id): the evidence stays readable when
// the outlet edits, moves or removes the page. Its text with the entities and
// seizures highlighted, its outlets and dates, the links it reports, its story
// and its alerts. Crawled text is escaped throughout (web/html.ts).
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { articleView } from '../../storage/research-repo.js';
import { allow, type Env } from '../auth.js';
import { highlight, LEGEND } from '../highlight.js';
import { html } from '../html.js';
import { entityHref, externalLink, langTag, page, reviewMark, storedCopyHref, when } from '../layout.js';

export function articleRoutes(app: Hono<Env>, db: Db) {
  app.get('/articles/:id', allow('researcher', 'analyst'), async (c) => {
    const v = c.get('viewer');
    const a = await articleView(db, Number(c.req.param('id')) || 0);
    if (!a) return c.notFound();
    const analyst = v.role === 'analyst' || v.role === 'admin';
    return c.html(
      page(a.title, v, html`<h1 lang="${langTag(a.lang, a.script)}">${a.title}</h1>
<p class="muted" id="article-facts">${a.lang}${a.script === 'Cyrl' ? ' (Cyrillic)' : ''} · ${a.published ? html`published ${a.published.toISOString().slice(0, 10)}` : 'undated'}${a.author ? html` · by ${a.author}` : ''} · ${a.sources.map((s) => s.source.name).join(', ')} · fetched ${when(v, a.fetchedAt)}${a.rendered ? ' through the browser' : ''}${a._count.revisions ? html` · ${a._count.revisions} earlier version(s)` : ''}</p>
<p>${externalLink(a.url, 'The page at the outlet')}${a.fetchedUrl !== a.url ? html` <span class="muted">(fetched as ${a.fetchedUrl})</span>` : ''}${a.duplicateOfId ? html` · a copy of <a href="${storedCopyHref(a.duplicateOfId)}">an earlier article</a>` : ''}${a.story ? html` · <a href="/stories/${a.story.id}">story #${a.story.id}</a> (${a.story.outletCount} outlet(s), ${a.story.articleCount} article(s))` : ''}</p>
${a.evidence.length
  ? html`<h2>Balkan–Latin America links</h2><ul id="article-links">${a.evidence.map((e) => html`<li><a href="/links/${e.link.id}">${e.link.balkan} – ${e.link.latam}</a>${reviewMark(e.link.review)} <span class="muted">(${e.link.balkanType.replace('_', ' ')} – ${e.link.latamType.replace('_', ' ')})</span><blockquote>“${e.sentence}”</blockquote></li>`)}</ul>`
  : ''}
${a.seizures.length
  ? html`<h2>Seizures</h2><ul id="article-seizures">${a.seizures.map((z) => html`<li><b>${z.kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg ${z.drug}</b> (“${z.text}”)${z.place ? html` in ${z.place}` : ''}${z.date ? html`, ${z.date}` : ''}</li>`)}</ul>`
  : ''}
${a.alerts.length
  ? html`<h2>Alerts</h2><ul id="article-alerts">${a.alerts.map((x) => html`<li>${analyst ? html`<a href="/alerts/${x.id}">Alert #${x.id}</a>` : html`Alert #${x.id}`}: ${x.rule}, <span class="sev-${x.severity}">${x.severity}</span>, ${x.status}</li>`)}</ul>`
  : ''}
<h2>Text as stored</h2>
<p class="legend muted">${LEGEND.map(([type, label]) => html`<mark class="t-${type}">${label}</mark> `)}</p>
<div class="article-text" id="article-text" lang="${langTag(a.lang, a.script)}">${highlight(a.text, [
  ...a.mentions.map((m) => ({ start: m.start, end: m.end, type: m.entity.type, canonical: m.entity.canonical })),
  ...a.seizures.map((z) => ({ start: z.start, end: z.end, type: 'seizure', canonical: `${z.kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg ${z.drug}` })),
])}</div>
${a.mentions.length
  ? html`<h2>Named</h2><p id="article-named">${[...new Map(a.mentions.filter((m) => m.entity.type !== 'nationality').map((m) => [`${m.entity.type}|${m.entity.canonical}`, m.entity])).values()].map((e, i) => html`${i ? ' · ' : ''}<a href="${entityHref(e)}">${e.canonical}</a>`)}</p>`
  : ''}`).toString(),
    );
  });
}
