// An article as Ruta stored it (/articles/:id): the evidence stays readable when
// the outlet edits, moves or removes the page. Its text with the entities and
// seizures highlighted, its outlets and dates, the links it reports, its story
// and its alerts, and its earlier versions with what changed. Crawled text is
// escaped throughout (web/html.ts).
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { articleRevisions, articleView } from '../../storage/research-repo.js';
import { textChange, type DiffPart } from '../../alerts/text-diff.js';
import { allow, type Env } from '../auth.js';
import { highlight, LEGEND } from '../highlight.js';
import { html, type Html } from '../html.js';
import { entityHref, externalLink, langTag, page, reviewMark, storedCopyHref, when, type Viewer } from '../layout.js';

/** Versions listed on the stored copy; the newest DIFFS_SHOWN of them with what changed. */
const VERSIONS_SHOWN = 20;
const DIFFS_SHOWN = 5;
/** Unchanged text longer than this is cut to its ends around a change. */
const CONTEXT = 160;

/** A word diff as <del>/<ins>, long unchanged stretches cut to the text around the changes. */
function diffHtml(parts: DiffPart[]): Html {
  return html`${parts.map((p, i) => {
    if (p.added) return html`<ins>${p.value}</ins>`;
    if (p.removed) return html`<del>${p.value}</del>`;
    if (p.value.length <= CONTEXT * 2) return html`${p.value}`;
    const head = i > 0 ? p.value.slice(0, CONTEXT) : '';
    const tail = i < parts.length - 1 ? p.value.slice(-CONTEXT) : '';
    return html`${head}<span class="elided"> … </span>${tail}`;
  })}`;
}

/** The earlier versions, newest first: when each was fetched and replaced, and what changed into the one after it. */
function versionsHtml(a: { title: string; text: string; fetchedAt: Date }, revisions: { id: number; title: string; text: string; fetchedAt: Date; replacedAt: Date }[], total: number, v: Viewer): Html {
  return html`<section id="versions"><h2>Earlier versions (${total})</h2>
<p class="muted">What changed from each version to the next, the newest first: <ins>added</ins>, <del>taken out</del>.</p>
<ol>${revisions.map((r, i) => {
    const next = i === 0 ? a : revisions[i - 1]!;
    const change = i < DIFFS_SHOWN ? textChange(r.text, next.text) : null;
    return html`<li><p>Fetched ${when(v, r.fetchedAt)}, replaced ${when(v, r.replacedAt)}${r.title !== next.title ? html` · title was “${r.title}”` : ''}${change ? html` · +${change.addedWords} / −${change.removedWords} words` : ''}</p>
${change ? (change.parts ? html`<div class="diff">${diffHtml(change.parts)}</div>` : html`<p class="muted">Rewritten: too different to compare word by word.</p>`) : ''}</li>`;
  })}</ol>${total > revisions.length ? html`<p class="muted">The ${revisions.length} newest of ${total}.</p>` : ''}</section>`;
}

export function articleRoutes(app: Hono<Env>, db: Db) {
  app.get('/articles/:id', allow('researcher', 'analyst'), async (c) => {
    const v = c.get('viewer');
    const a = await articleView(db, Number(c.req.param('id')) || 0);
    if (!a) return c.notFound();
    const analyst = v.role === 'analyst' || v.role === 'admin';
    const revisions = a._count.revisions ? await articleRevisions(db, a.id, VERSIONS_SHOWN) : [];
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
${revisions.length ? versionsHtml(a, revisions, a._count.revisions, v) : ''}
${a.mentions.length
  ? html`<h2>Named</h2><p id="article-named">${[...new Map(a.mentions.filter((m) => m.entity.type !== 'nationality').map((m) => [`${m.entity.type}|${m.entity.canonical}`, m.entity])).values()].map((e, i) => html`${i ? ' · ' : ''}<a href="${entityHref(e)}">${e.canonical}</a>`)}</p>`
  : ''}`).toString(),
    );
  });
}
