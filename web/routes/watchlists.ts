// Editors: watchlists as YAML, previewed over the last 30 days before saving, with the audit log.
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { exportWatchlists, importWatchlists, listWatchlists, watchlistAudit, WatchlistOwnerError } from '../../storage/watchlists-repo.js';
import { parseWatchlists, stringifyWatchlists, WatchlistFileError } from '../../alerts/watchlist-file.js';
import { previewSpecs, type PreviewReport } from '../../alerts/watchlist-preview.js';
import { safeUrl } from '../../alerts/render.js';
import { WATCHLIST_RULE } from '../../alerts/rules/watchlist-hit.js';
import { watchlistOutcomes, type EntryOutcome } from '../../storage/watchlist-outcomes.js';
import { allow, type Env } from '../auth.js';
import { html, type Html } from '../html.js';
import { csrfField, page, when, type Viewer } from '../layout.js';

const MARK = { new: '+ new', kept: 'kept', dropped: '− no longer' } as const;

function previewHtml(rep: PreviewReport): Html {
  return html`<section id="preview"><h2>Preview: the last ${rep.days} days</h2>
<p>${rep.scanned} article(s) scanned; ${rep.articles.filter((a) => a.change !== 'dropped').length} flagged, ${rep.articles.filter((a) => a.change === 'new').length} newly, ${rep.articles.filter((a) => a.change === 'dropped').length} no longer. Nothing is saved until you press Save.</p>
${rep.articles.length
  ? html`<table><thead><tr><th>Change</th><th>Date</th><th>Article</th><th>Entries</th></tr></thead><tbody>
${rep.articles.map((a) => {
  const u = safeUrl(a.url);
  return html`<tr class="change-${a.change}"><td>${MARK[a.change]}</td><td>${a.date}</td><td>${u ? html`<a href="${u}" rel="noopener noreferrer nofollow" target="_blank">${a.title}</a>` : a.title}<br><small class="muted">“${a.quote}”</small></td><td>${a.entries.join(', ')}</td></tr>`;
})}</tbody></table>`
  : html`<p>No article of the period is flagged.</p>`}
${rep.links.length ? html`<h3>Balkan–Latin America links in flagged articles</h3><ul>${rep.links.map((l) => html`<li>${MARK[l.change]}: ${l.balkan} – ${l.latam} (${l.articles})</li>`)}</ul>` : ''}
</section>`;
}

/** Days of alerts the entries' outcomes cover. */
const OUTCOME_DAYS = 90;

/** Each entry's hits in the period and the analysts' decisions on them: noisy entries first. */
function outcomesHtml(rows: EntryOutcome[]): Html {
  if (!rows.length) return html``;
  const sorted = [...rows].sort((a, b) => Number(b.noisy) - Number(a.noisy) || b.hits - a.hits || a.name.localeCompare(b.name));
  return html`<h2>How the entries fared: the last ${OUTCOME_DAYS} days</h2>
<p class="muted">Alerts each entry raised, and what analysts decided. An entry analysts mostly dismiss wants negative terms or languages; one that never hits may be misspelled.</p>
<table id="entry-outcomes"><thead><tr><th>Entry</th><th>Hits</th><th>Confirmed</th><th>Escalated</th><th>Dismissed</th><th>Open</th><th>Last hit</th></tr></thead><tbody>
${sorted.map((o) => html`<tr class="${o.noisy ? 'noisy' : ''}"><td>${o.name}${o.enabled ? '' : html` <span class="muted">(disabled)</span>`}${o.noisy ? html`<br><small class="warn">mostly dismissed${o.lastDismissed?.evidence ? html`; the latest: “${o.lastDismissed.evidence}”` : ''}${o.lastDismissed?.note ? html` (note: ${o.lastDismissed.note})` : ''}</small>` : ''}</td><td>${o.hits}</td><td>${o.confirmed}</td><td>${o.escalated}</td><td>${o.dismissed}</td><td>${o.open}</td><td>${o.lastHit ? o.lastHit.toISOString().slice(0, 10) : html`<span class="muted">none</span>`}</td></tr>`)}
</tbody></table>`;
}

async function editor(db: Db, v: Viewer, id: number, yamlText: string | null, extra: Html | string = '') {
  const list = await db.watchlist.findUnique({ where: { id }, include: { owner: { select: { email: true } } } });
  if (!list) return null;
  const text = yamlText ?? stringifyWatchlists(await exportWatchlists(db, [list.name]));
  const [audit, outcomes] = await Promise.all([watchlistAudit(db, id, 20), watchlistOutcomes(db, id, new Date(Date.now() - OUTCOME_DAYS * 86_400_000), WATCHLIST_RULE)]);
  return page(
    list.name,
    v,
    html`<p><a href="/watchlists">← Watchlists</a></p><h1>${list.name}</h1>
<p class="muted">${list.description ?? ''} · owner: ${list.owner?.email ?? 'nobody'}</p>
${extra}
<form method="post" action="/watchlists/${id}" id="watchlist-form">${csrfField(v)}
<p><label>Entries (YAML: name, type, side, aliases in any script, languages, negative, notes, enabled)<br>
<textarea name="yaml" rows="24" spellcheck="false" id="yaml">${text}</textarea></label></p>
<p><button type="submit" name="action" value="preview" id="preview-button">Preview over 30 days</button>
<button type="submit" name="action" value="save" id="save-button">Save</button></p></form>
${outcomesHtml(outcomes)}
<h2>Audit log</h2>
${audit.length
  ? html`<ul>${audit.map((r) => {
      const d = JSON.parse(r.detail) as { added?: string[]; changed?: { name: string }[]; removed?: { name: string }[] };
      return html`<li>${when(v, r.at)} ${r.action}${r.userId ? html` by user #${r.userId}` : ''}: added ${(d.added ?? []).join(', ') || 'none'}; changed ${(d.changed ?? []).map((x) => x.name).join(', ') || 'none'}; removed ${(d.removed ?? []).map((x) => x.name).join(', ') || 'none'}</li>`;
    })}</ul>`
  : html`<p>No changes recorded.</p>`}`,
  );
}

export function watchlistRoutes(app: Hono<Env>, db: Db) {
  app.get('/watchlists', allow('editor'), async (c) => {
    const rows = await listWatchlists(db);
    return c.html(
      page('Watchlists', c.get('viewer'), html`<h1>Watchlists</h1><table><thead><tr><th>Name</th><th>Owner</th><th>Entries</th><th>Description</th></tr></thead><tbody>
${rows.map((w) => html`<tr data-href="/watchlists/${w.id}"><td><a href="/watchlists/${w.id}">${w.name}</a></td><td>${w.owner?.email ?? ''}</td><td>${w._count.entries}</td><td>${w.description ?? ''}</td></tr>`)}</tbody></table>`).toString(),
    );
  });

  app.get('/watchlists/:id', allow('editor'), async (c) => {
    const p = await editor(db, c.get('viewer'), Number(c.req.param('id')), null, c.req.query('saved') ? html`<p role="status">Saved.</p>` : '');
    return p ? c.html(p.toString()) : c.notFound();
  });

  app.post('/watchlists/:id', allow('editor'), async (c) => {
    const v = c.get('viewer');
    const id = Number(c.req.param('id'));
    const list = Number.isInteger(id) ? await db.watchlist.findUnique({ where: { id } }) : null;
    if (!list) return c.notFound();
    const body = await c.req.parseBody();
    const text = String(body.yaml ?? '');
    const fail = async (msg: string) => c.html((await editor(db, v, id, text, html`<p class="error" role="alert">${msg}</p>`))!.toString(), 400);
    let specs;
    try {
      specs = parseWatchlists(text, 'the entries');
    } catch (e) {
      if (e instanceof WatchlistFileError) return fail(e.message);
      throw e;
    }
    if (specs.length !== 1 || specs[0]!.name !== list.name) return fail(`edit one list, named "${list.name}" (a list is renamed or added with \`ruta watchlist import\`)`);
    if (body.action === 'save') {
      try {
        await importWatchlists(db, specs, { mode: 'replace', actorId: v.id });
      } catch (e) {
        if (e instanceof WatchlistOwnerError) return fail(e.message);
        throw e;
      }
      return c.redirect(`/watchlists/${id}?saved=1`, 303);
    }
    const rep = await previewSpecs(db, specs, 30);
    return c.html((await editor(db, v, id, text, previewHtml(rep)))!.toString());
  });
}
