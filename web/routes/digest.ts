// Researchers: digest settings (hour, timezone, rules), saved searches, and what the next digest holds.
import type { Hono } from 'hono';
import type { Db } from '../../storage/db.js';
import { isTimeZone } from '../../extractors/time-zones.js';
import { RULES } from '../../alerts/rules/index.js';
import { buildDigest } from '../../alerts/digest.js';
import { feedPath, linksFeedPath } from '../../alerts/atom.js';
import { loadAlertSettings } from '../../alerts/settings.js';
import { listSavedSearches, removeSavedSearch } from '../../storage/saved-searches-repo.js';
import { type Env } from '../auth.js';
import { html } from '../html.js';
import { csrfField, page } from '../layout.js';

export function digestRoutes(app: Hono<Env>, db: Db) {
  app.get('/digest', async (c) => {
    const v = c.get('viewer');
    const user = await db.user.findUniqueOrThrow({ where: { id: v.id } });
    const sub = await db.subscription.findFirst({ where: { userId: v.id, mode: 'digest', channel: 'email' } });
    const rules = sub ? (JSON.parse(sub.rules) as string[]) : [];
    const draft = sub ? await buildDigest(db, user) : null;
    const searches = await listSavedSearches(db, v.id);
    const appUrl = loadAlertSettings().publicUrl;
    return c.html(
      page('Digest', v, html`<h1>Daily digest</h1>
${c.req.query('saved') ? html`<p role="status">Saved.</p>` : ''}
<form method="post" action="/digest">${csrfField(v)}
<p><label><input type="checkbox" name="enabled" value="1" ${sub ? html`checked` : ''}> Send me a daily digest by email</label></p>
<p><label>Hour <select name="hour">${Array.from({ length: 24 }, (_, h) => html`<option value="${h}" ${h === user.digestHour ? html`selected` : ''}>${String(h).padStart(2, '0')}:00</option>`)}</select></label>
<label>Timezone <input name="timezone" value="${user.timezone}" required></label></p>
<fieldset><legend>Alerts to include (none ticked: all)</legend>
${RULES.map((r) => html`<label><input type="checkbox" name="rules" value="${r.name}" ${rules.includes(r.name) ? html`checked` : ''}> ${r.name}: ${r.description}</label><br>`)}</fieldset>
<p><button type="submit">Save</button></p></form>
<h2>Feeds</h2>
<p class="muted">For a feed reader; the addresses carry your secret token, keep them to yourself.</p>
<ul id="feeds"><li>New Balkan–Latin America links: <code>${appUrl}${linksFeedPath(user.feedToken)}</code></li><li>Your alerts: <code>${appUrl}${feedPath(user.feedToken)}</code></li></ul>
<h2>Your saved searches</h2>
${searches.length
  ? html`<p class="muted">Each digest lists the new articles these find (copies of an article once).</p><ul id="saved-searches">${searches.map((s) => html`<li><a href="/search?${new URLSearchParams([['q', s.query], ['across', s.across ? '1' : '0'], ...(s.lang ? [['lang', s.lang]] : [])]).toString()}">${s.query}</a> <span class="muted">${s.across ? 'across scripts' : 'exact'}${s.lang ? `, ${s.lang} only` : ''}</span>
<form method="post" action="/searches/${s.id}/delete" class="inline">${csrfField(v)}<button type="submit" aria-label="remove the saved search ${s.query}">Remove</button></form></li>`)}</ul>`
  : html`<p class="muted">None yet: search (<a href="/search">Search</a>) and press "Save this search for my digest".</p>`}
${searches.length && !sub ? html`<p role="note">Tick "Send me a daily digest" above to receive what they find.</p>` : ''}
<h2>Your next digest</h2>
${draft ? html`<pre class="article-text">${draft.text}</pre>` : html`<p>Nothing new since your last digest.</p>`}`).toString(),
    );
  });

  app.post('/searches/:id/delete', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || !(await removeSavedSearch(db, id, c.get('viewer').id))) return c.text('no such saved search of yours\n', 404);
    return c.redirect('/digest', 303);
  });

  app.post('/digest', async (c) => {
    const v = c.get('viewer');
    const body = await c.req.parseBody({ all: true });
    const hour = Number(body.hour);
    const timezone = String(body.timezone ?? '').trim();
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return c.text('the hour must be 0–23\n', 400);
    if (!isTimeZone(timezone)) return c.text(`"${timezone}" is not a known timezone; use an IANA name such as Europe/Belgrade\n`, 400);
    const picked = ([] as unknown[]).concat(body.rules ?? []).map(String);
    const rules = picked.filter((r) => RULES.some((x) => x.name === r));
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: v.id }, data: { digestHour: hour, timezone } });
      const sub = await tx.subscription.findFirst({ where: { userId: v.id, mode: 'digest', channel: 'email' } });
      if (body.enabled && sub) await tx.subscription.update({ where: { id: sub.id }, data: { rules: JSON.stringify(rules) } });
      else if (body.enabled) await tx.subscription.create({ data: { userId: v.id, channel: 'email', mode: 'digest', rules: JSON.stringify(rules) } });
      else if (sub) await tx.subscription.deleteMany({ where: { userId: v.id, mode: 'digest', channel: 'email' } });
    });
    return c.redirect('/digest?saved=1', 303);
  });
}
