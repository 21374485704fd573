// Analysts: the triage queue and one alert with why it fired, the article with
// its entities highlighted, the story's other articles, and confirm / dismiss /
// escalate with a note and an assignee.
import type { Context, Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { alertDetail, alertHistory, alertRules, ANY_STATUS, assignableUsers, SEVERITIES, triageExport, triageAlert, triageCount, triageMany, triageQueue, TRIAGE_STATUSES, type QueueFilter, type TriageStatus } from '../../storage/triage-repo.js';
import { allow, type Env } from '../auth.js';
import { html } from '../html.js';
import { highlight, LEGEND } from '../highlight.js';
import { articleLink, csrfField, entityHref, externalLink, langTag, page, reviewMark, when } from '../layout.js';
import { alertsCsv } from '../exports.js';

/** Alerts on one page of the queue. */
const PAGE = 50;
/** Most alerts an export holds. */
const ALERTS_EXPORT_MAX = 10_000;
const ACTIONS: { status: TriageStatus; label: string; key: string }[] = [
  { status: 'confirmed', label: 'Confirm', key: 'c' },
  { status: 'dismissed', label: 'Dismiss', key: 'x' },
  { status: 'escalated', label: 'Escalate', key: 'e' },
];

const ext = externalLink;

export function triageRoutes(app: Hono<Env>, db: Db) {
  /** The queue's filter as the address gives it (the queue page and its export read the same): status, rule, severity, mine, story. */
  const queueFilterOf = async (c: Context<Env>) => {
    const q = (name: string, allowed: readonly string[]) => {
      const x = c.req.query(name);
      return x && allowed.includes(x) ? x : undefined;
    };
    const rules = await alertRules(db);
    const mine = c.req.query('mine') === '1';
    const story = /^\d{1,12}$/.test(c.req.query('story') ?? '') ? Number(c.req.query('story')) : undefined;
    const filter: QueueFilter = { status: q('status', [...TRIAGE_STATUSES, ANY_STATUS]), rule: q('rule', rules), severity: q('severity', SEVERITIES), assigneeId: mine ? c.get('viewer').id : undefined, storyId: story };
    return { rules, mine, story, filter };
  };

  app.get('/triage', allow('analyst'), async (c) => {
    const v = c.get('viewer');
    const { rules, mine, story, filter } = await queueFilterOf(c);
    const total = await triageCount(db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const pageNo = Math.min(pages, Math.max(1, Math.floor(Number(c.req.query('page'))) || 1));
    const rows = await triageQueue(db, { ...filter, limit: PAGE, offset: (pageNo - 1) * PAGE });
    // The queue's address with one thing changed, the other filters kept.
    const here = (change: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      const all = { status: filter.status, rule: filter.rule, severity: filter.severity, mine: mine ? '1' : undefined, story: story ? String(story) : undefined, page: String(pageNo), ...change };
      for (const [k, x] of Object.entries(all)) if (x && !(k === 'page' && x === '1')) params.set(k, x);
      const qs = params.toString();
      return `/triage${qs ? `?${qs}` : ''}`;
    };
    const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}" ${value === (current ?? '') ? html`selected` : ''}>${label}</option>`;
    const first = (pageNo - 1) * PAGE + 1;
    return c.html(
      page(
        'Triage',
        v,
        html`<h1>Triage</h1>
<p class="muted">Keys: <span class="kbd">j</span>/<span class="kbd">k</span> move, <span class="kbd">Enter</span> open, <span class="kbd">x</span> select for a decision on several at once.</p>
<form method="get" action="/triage" class="filters">
<label>Status <select name="status">${option('', 'open and escalated', filter.status)}${TRIAGE_STATUSES.map((s) => option(s, s, filter.status))}${option(ANY_STATUS, 'any', filter.status)}</select></label>
<label>Rule <select name="rule">${option('', 'all rules', filter.rule)}${rules.map((r) => option(r, r, filter.rule))}</select></label>
<label>Severity <select name="severity">${option('', 'all', filter.severity)}${SEVERITIES.map((s) => option(s, s, filter.severity))}</select></label>
<label><input type="checkbox" name="mine" value="1" ${mine ? html`checked` : ''}> assigned to me</label>
${story ? html`<input type="hidden" name="story" value="${story}"><span>story <a href="/stories/${story}">#${story}</a> only (<a href="${here({ story: undefined, page: undefined })}">all stories</a>)</span>` : ''}
<button type="submit">Show</button></form>
${rows.length
  ? html`<p class="muted"><span id="count">${first}–${first + rows.length - 1} of ${total}</span> · Export: <a href="${here({ page: undefined }).replace('/triage', '/export/alerts.csv')}" id="export-alerts">CSV</a>${total > ALERTS_EXPORT_MAX ? ` (the first ${ALERTS_EXPORT_MAX.toLocaleString('en')})` : ''}</p>
<form method="post" action="/triage/bulk" id="bulk">${csrfField(v)}<input type="hidden" name="back" value="${here({})}">
<p class="bulk-actions">Selected: ${ACTIONS.map((x) => html`<button type="submit" name="status" value="${x.status}">${x.label} selected</button> `)}</p>
<table id="queue"><thead><tr><th><span class="visually-hidden">Select</span></th><th>Severity</th><th>Rule</th><th>Why</th><th>Article</th><th>Status</th><th>Assignee</th><th>When</th></tr></thead><tbody>
${rows.map((r) => html`<tr data-href="/alerts/${r.id}"><td><input type="checkbox" name="ids[]" value="${r.id}" aria-label="select alert ${r.id}"></td><td class="sev-${r.severity}">${r.severity}</td><td>${r.rule}</td><td><a href="/alerts/${r.id}">${r.reason}</a></td><td>${r.articleTitle ?? ''}</td><td>${r.status}</td><td>${r.assignee ?? ''}</td><td>${when(v, r.createdAt)}</td></tr>`)}
</tbody></table></form>
<p class="pager">${pageNo > 1 ? html`<a href="${here({ page: String(pageNo - 1) })}" rel="prev">← Previous page</a> ` : ''}${pageNo < pages ? html`<a href="${here({ page: String(pageNo + 1) })}" rel="next">Next page →</a>` : ''}</p>`
  : html`<p>Nothing to triage${filter.status || filter.rule || filter.severity || mine ? ' with these filters' : ''}.</p>`}`,
      ).toString(),
    );
  });

  // The queue as filtered, with evidence and decisions, for reports outside Ruta.
  app.get('/export/alerts.csv', allow('analyst'), async (c) => {
    const rows = await triageExport(db, (await queueFilterOf(c)).filter, ALERTS_EXPORT_MAX);
    return c.body(alertsCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ruta-alerts.csv"' });
  });

  app.get('/alerts/:id', allow('analyst'), async (c) => {
    const v = c.get('viewer');
    const id = Number(c.req.param('id'));
    const a = Number.isInteger(id) ? await alertDetail(db, id) : null;
    if (!a) return c.html(page('Not found', v, html`<h1>No such alert</h1><p><a href="/triage">Back to the queue</a></p>`).toString(), 404);
    const [users, history] = await Promise.all([assignableUsers(db), alertHistory(db, a.id)]);
    const others = a.story?.articles.filter((x) => x.id !== a.articleId) ?? [];
    return c.html(
      page(
        `Alert #${a.id}`,
        v,
        html`<p><a href="/triage" data-shortcut="u">← Queue</a> <span class="muted">(<span class="kbd">u</span>)</span></p>
<h1>Alert #${a.id}: <span class="sev-${a.severity}">${a.severity}</span></h1>
<section class="why"><h2>Why it was flagged</h2>
<p><b>Rule:</b> ${a.rule}</p><p><b>Reason:</b> ${a.reason}</p>
${a.entities.length ? html`<p><b>Entities:</b> ${a.entities.join(', ')}</p>` : ''}
${a.link ? html`<p><b>Link:</b> <a href="${entityHref({ type: a.link.balkanType, canonical: a.link.balkan })}">${a.link.balkan}</a> (${a.link.balkanType}) – <a href="${entityHref({ type: a.link.latamType, canonical: a.link.latam })}">${a.link.latam}</a> (${a.link.latamType}), ${a.link.articleCount} article(s), seen by Ruta since ${a.link.firstSeen.toISOString().slice(0, 10)}${reviewMark(a.link.review)} · <a href="/links/${a.link.id}">the link's evidence and verdict</a></p>
<form method="post" action="/links/${a.link.id}/review" id="link-verdict" class="inline">${csrfField(v)}<input type="hidden" name="back" value="/alerts/${a.id}">The link itself:
${a.link.review !== 'confirmed' ? html`<button type="submit" name="status" value="confirmed">Confirm the link</button> ` : ''}${a.link.review !== 'dismissed' ? html`<button type="submit" name="status" value="dismissed">Dismiss the link</button> ` : ''}${a.link.review !== 'open' ? html`<button type="submit" name="status" value="open">Reopen the link</button>` : ''}
<span class="muted">(a dismissed link raises no more alerts anywhere)</span></form>` : ''}
${a.evidence ? html`<blockquote>“${a.evidence}”</blockquote>` : ''}
<p class="muted">Status: ${a.status}${a.triagedBy ? html` (by ${a.triagedBy}, ${when(v, a.triagedAt)})` : ''}${a.assignee ? html` · assigned to ${a.assignee}` : ''}</p>
</section>
<form method="post" action="/alerts/${a.id}/triage" id="triage">
${csrfField(v)}
<p><label>Note (<span class="kbd">n</span>)<br><textarea name="note" data-shortcut="n" maxlength="5000">${a.note ?? ''}</textarea></label></p>
<p><label>Assignee <select name="assignee"><option value="">nobody</option>${users.map((u) => html`<option value="${u.id}" ${u.id === a.assigneeId ? html`selected` : ''}>${u.email}</option>`)}</select></label></p>
<p>${ACTIONS.map((x) => html`<button type="submit" name="status" value="${x.status}" data-shortcut="${x.key}">${x.label} (${x.key})</button> `)}
<button type="submit" name="status" value="">Save note and assignee</button></p>
</form>
${history.length
  ? html`<section><h2>History</h2><ol id="history">${history.map((e) => html`<li>${when(v, e.at)} · ${e.by}: ${[
      e.status ? html`<b>${e.status}</b>` : '',
      e.assignee !== null ? (e.assignee ? html`assigned to ${e.assignee}` : html`unassigned`) : '',
      e.note !== null ? (e.note ? html`note “${e.note}”` : html`note cleared`) : '',
    ].filter((x) => x !== '').map((x, i) => html`${i ? '; ' : ''}${x}`)}</li>`)}</ol></section>`
  : ''}
${a.article
  ? html`<section><h2>${ext(a.article.url, a.article.title)}</h2>
<p class="muted">${a.article.lang} · ${a.article.published?.toISOString().slice(0, 10) ?? 'undated'} · ${a.article.sources.map((s) => s.source.name).join(', ')}</p>
<p class="legend muted">${LEGEND.map(([type, label]) => html`<mark class="t-${type}">${label}</mark> `)}</p>
<div class="article-text" lang="${langTag(a.article.lang, a.article.script)}">${highlight(a.article.text, [
    ...a.article.mentions.map((m) => ({ start: m.start, end: m.end, type: m.entity.type, canonical: m.entity.canonical })),
    ...a.article.seizures.map((z) => ({ start: z.start, end: z.end, type: 'seizure', canonical: `${z.kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg ${z.drug}` })),
  ])}</div></section>`
  : ''}
${a.story
  ? html`<section><h2><a href="/stories/${a.story.id}">Story #${a.story.id}</a>: ${a.story.headline}</h2><p class="muted">${a.story.outletCount} outlet(s), ${a.story.articleCount} article(s), ${a.story.languages}</p>
${others.length ? html`<ul>${others.map((x) => html`<li>${articleLink(x)} <span class="muted">(${x.lang})</span></li>`)}</ul>` : html`<p>No other articles yet.</p>`}</section>`
  : ''}`,
      ).toString(),
    );
  });

  // A decision on the alerts selected in the queue, then back to the queue as it was filtered.
  app.post('/triage/bulk', allow('analyst'), async (c) => {
    const v = c.get('viewer');
    const body = await c.req.parseBody();
    const status = String(body.status ?? '');
    if (!(TRIAGE_STATUSES as readonly string[]).includes(status)) return c.text(`unknown status "${status}"\n`, 400);
    const raw = body['ids[]'];
    const ids = [...new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((x) => Number(x)))];
    if (ids.some((id) => !Number.isInteger(id) || id <= 0) || ids.length > 500) return c.text('select at most 500 alerts by their numbers\n', 400);
    await triageMany(db, ids, v.id, status as TriageStatus);
    const back = String(body.back ?? '');
    return c.redirect(/^\/triage(\?[\w=&%.-]*)?$/.test(back) ? back : '/triage', 303);
  });

  app.post('/alerts/:id/triage', allow('analyst'), async (c) => {
    const v = c.get('viewer');
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const status = String(body.status ?? '');
    if (status && !(TRIAGE_STATUSES as readonly string[]).includes(status)) return c.text(`unknown status "${status}"\n`, 400);
    const assignee = String(body.assignee ?? '');
    if (assignee && !(await assignableUsers(db)).some((u) => String(u.id) === assignee)) return c.text('that user cannot be assigned alerts\n', 400);
    if (!Number.isInteger(id) || !(await db.alert.findUnique({ where: { id } }))) return c.text('no such alert\n', 404);
    await triageAlert(db, id, v.id, { status: (status || undefined) as TriageStatus | undefined, note: String(body.note ?? ''), assigneeId: assignee ? Number(assignee) : null });
    // After a decision, the next item in the queue.
    if (status) {
      const next = (await triageQueue(db, { limit: 2 })).find((r) => r.id !== id);
      return c.redirect(next ? `/alerts/${next.id}` : '/triage', 303);
    }
    return c.redirect(`/alerts/${id}`, 303);
  });
}
