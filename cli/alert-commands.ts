// `ruta users`, `subscriptions`, `watchlist`, `digest`, `deliveries`, `alerts run`, `serve`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Db } from '../storage/db.js';
import { dbPath } from '../storage/db.js';
import { addSubscription, addUser, listUsers, removeSubscription, userByEmail } from '../storage/users-repo.js';
import {
  exportWatchlists, findWatchlist, importWatchlists, listWatchlists, loadWatchEntries, watchlistAudit,
} from '../storage/watchlists-repo.js';
import { listDeliveries, retryDeliveries } from '../storage/deliveries-repo.js';
import { addSavedSearch, listSavedSearches, removeSavedSearch } from '../storage/saved-searches-repo.js';
import { parseWatchlists, stringifyWatchlists } from '../alerts/watchlist-file.js';
import { previewSpecs, previewWatchlist } from '../alerts/watchlist-preview.js';
import { buildDigest, localClock, queueDigest } from '../alerts/digest.js';
import { deliverPending } from '../alerts/deliver.js';
import { runRules } from '../alerts/run-rules.js';
import { RULE_NAMES } from '../alerts/rules/index.js';
import { ESCALATION_RULE } from '../storage/triage-repo.js';
import { WATCHLIST_RULE } from '../alerts/rules/watchlist-hit.js';
import { watchlistOutcomes } from '../storage/watchlist-outcomes.js';
import { feedPath, linksFeedPath } from '../alerts/atom.js';
import { loadAlertSettings } from '../alerts/settings.js';
import { out, progress, table, UsageError } from './output.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function usersAdd(db: Db, o: { email?: string; role?: string; timezone?: string; passwordStdin?: boolean; digestHour?: string }): Promise<void> {
  if (!o.email || !o.role) throw new UsageError('usage: ruta users add --email E --role researcher|analyst|editor|admin --timezone TZ [--password-stdin] [--digest-hour H]');
  const password = o.passwordStdin ? await readStdin() : undefined;
  const u = await addUser(db, { email: o.email, role: o.role, timezone: o.timezone, password, digestHour: o.digestHour === undefined ? undefined : Number(o.digestHour) });
  progress(`user ${u.email} added (${u.role}, ${u.timezone}); daily digest by email at ${u.digestHour}:00 local time`);
  progress(`Atom feed of alerts: ${loadAlertSettings().publicUrl}${feedPath(u.feedToken)}`);
}

export async function usersList(db: Db, json: boolean): Promise<void> {
  const users = await listUsers(db);
  const base = loadAlertSettings().publicUrl;
  const view = users.map((u) => ({
    id: u.id,
    email: u.email,
    role: u.role,
    timezone: u.timezone,
    digestHour: u.digestHour,
    hasPassword: u.passwordHash !== null,
    feedUrl: `${base}${feedPath(u.feedToken)}`,
    linksFeedUrl: `${base}${linksFeedPath(u.feedToken)}`,
    subscriptions: u.subscriptions.map((s) => ({ id: s.id, channel: s.channel, target: s.target, mode: s.mode, rules: JSON.parse(s.rules) as string[], minSeverity: s.minSeverity })),
    createdAt: u.createdAt,
  }));
  if (json) {
    for (const u of view) out(JSON.stringify(u));
    return;
  }
  out(table(view.map((u) => ({ ...u, subscriptions: u.subscriptions.map((s) => `#${s.id} ${s.channel}/${s.mode}`).join(', ') })), ['id', 'email', 'role', 'timezone', 'digestHour', 'subscriptions']));
}

export async function searchesAdd(db: Db, o: { user?: string; lang?: string; exact?: boolean; words: string[] }): Promise<void> {
  const query = o.words.join(' ').trim();
  if (!o.user || !query) throw new UsageError('usage: ruta searches add --user EMAIL [--lang xx] [--exact] QUERY');
  const u = await userByEmail(db, o.user);
  const s = await addSavedSearch(db, u.id, { query, across: !o.exact, lang: o.lang ?? null });
  progress(`saved search #${s.id} for ${u.email}: “${s.query}” (${s.across ? 'across scripts' : 'exact'}${s.lang ? `, ${s.lang} only` : ''}); each digest lists the new articles it finds`);
}

export async function searchesList(db: Db, o: { user?: string; json: boolean }): Promise<void> {
  const u = o.user ? await userByEmail(db, o.user) : null;
  const rows = (await listSavedSearches(db, u?.id)).map((s) => ({ id: s.id, user: s.user.email, query: s.query, across: s.across, lang: s.lang, createdAt: s.createdAt }));
  if (o.json) {
    for (const r of rows) out(JSON.stringify(r));
    return;
  }
  out(table(rows.map((r) => ({ ...r, lang: r.lang ?? 'any' })), ['id', 'user', 'query', 'across', 'lang']));
}

export async function searchesRemove(db: Db, id: string | undefined): Promise<void> {
  if (!id || !/^\d+$/.test(id)) throw new UsageError('usage: ruta searches remove ID');
  if (!(await removeSavedSearch(db, Number(id)))) throw new UsageError(`no saved search #${id}; see \`ruta searches list\``);
  progress(`saved search #${id} removed`);
}

export async function subscriptionsAdd(db: Db, o: { user?: string; channel?: string; target?: string; mode?: string; rules?: string; severity?: string }): Promise<void> {
  if (!o.user || !o.channel) throw new UsageError('usage: ruta subscriptions add --user EMAIL --channel email|webhook|slack|atom [--target URL|EMAIL] [--mode immediate|digest] [--rules R1,R2] [--severity low|medium|high|critical]');
  const rules = o.rules ? o.rules.split(',').map((r) => r.trim()).filter(Boolean) : [];
  const unknown = rules.filter((r) => !RULE_NAMES.includes(r) && r !== ESCALATION_RULE);
  if (unknown.length) throw new UsageError(`unknown rule(s) ${unknown.join(', ')}; rules are ${RULE_NAMES.join(', ')}, and ${ESCALATION_RULE} for alerts analysts escalate`);
  if (rules.includes(ESCALATION_RULE) && (o.mode ?? 'immediate') !== 'immediate') throw new UsageError(`${ESCALATION_RULE} is sent at once: use --mode immediate`);
  const u = await userByEmail(db, o.user);
  const s = await addSubscription(db, { userId: u.id, channel: o.channel, target: o.target, mode: o.mode, rules, minSeverity: o.severity });
  progress(`subscription #${s.id}: ${u.email} gets ${rules.length ? rules.join(', ') : 'every rule'} (${s.minSeverity}+) by ${s.channel}${s.target ? ` to ${s.target}` : ''}, ${s.mode}`);
}

export async function subscriptionsRemove(db: Db, id: string | undefined): Promise<void> {
  if (!id || !/^\d+$/.test(id)) throw new UsageError('usage: ruta subscriptions remove ID');
  if (!(await removeSubscription(db, Number(id)))) throw new UsageError(`no subscription #${id}; see \`ruta users list\``);
  progress(`subscription #${id} removed`);
}

export async function watchlistImport(db: Db, file: string, o: { owner?: string; actor?: string }): Promise<void> {
  const specs = parseWatchlists(readFileSync(file, 'utf8'), file);
  const actor = o.actor ? await userByEmail(db, o.actor) : null;
  const r = await importWatchlists(db, specs, { mode: 'replace', ownerEmail: o.owner?.toLowerCase(), actorId: actor?.id ?? null });
  progress(`watchlists: ${r.lists} saved from ${file}: ${r.added} entr${r.added === 1 ? 'y' : 'ies'} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged (the audit log keeps the old versions: ruta watchlist audit NAME)`);
}

export async function watchlistExport(db: Db, file: string | undefined, names: string[]): Promise<void> {
  const specs = await exportWatchlists(db, names);
  if (names.length && specs.length !== names.length) throw new UsageError(`no watchlist named ${names.filter((n) => !specs.some((s) => s.name === n)).join(', ')}; see \`ruta watchlist list\``);
  const text = stringifyWatchlists(specs);
  if (!file || file === '-') process.stdout.write(text);
  else {
    writeFileSync(file, text);
    progress(`exported ${specs.length} watchlist(s), ${specs.reduce((n, s) => n + s.entries.length, 0)} entries to ${file}`);
  }
}

export async function watchlistList(db: Db, json: boolean): Promise<void> {
  const rows = await listWatchlists(db);
  const view = rows.map((w) => ({ id: w.id, name: w.name, owner: w.owner?.email ?? null, entries: w._count.entries, description: w.description, updatedAt: w.updatedAt }));
  if (json) for (const w of view) out(JSON.stringify(w));
  else out(table(view, ['id', 'name', 'owner', 'entries', 'description']));
}

export async function watchlistAuditCmd(db: Db, idOrName: string | undefined, json: boolean): Promise<void> {
  if (!idOrName) throw new UsageError('usage: ruta watchlist audit ID|NAME [--json]');
  const w = await findWatchlist(db, idOrName);
  if (!w) throw new UsageError(`no watchlist "${idOrName}"; see \`ruta watchlist list\``);
  const rows = await watchlistAudit(db, w.id);
  for (const r of rows) {
    const d = JSON.parse(r.detail) as { added?: string[]; changed?: { name: string }[]; removed?: { name: string }[] };
    if (json) out(JSON.stringify({ at: r.at, action: r.action, userId: r.userId, ...d }));
    else out(`${r.at.toISOString()}  ${r.action}${r.userId ? ` by user #${r.userId}` : ''}: +${d.added?.length ?? 0} ~${d.changed?.length ?? 0} -${d.removed?.length ?? 0}${d.removed?.length ? ` (removed: ${d.removed.map((e) => e.name).join(', ')})` : ''}`);
  }
}

/** `ruta watchlist stats ID|NAME [--days 90] [--json]`: each entry's alerts in the period and the analysts' decisions. */
export async function watchlistStats(db: Db, idOrName: string | undefined, o: { days?: string; json?: boolean }): Promise<void> {
  if (!idOrName) throw new UsageError('usage: ruta watchlist stats ID|NAME [--days 90] [--json]');
  const days = o.days === undefined ? 90 : Number(o.days);
  if (!(days > 0)) throw new UsageError(`--days must be a positive number, not "${o.days}"`);
  const w = await findWatchlist(db, idOrName);
  if (!w) throw new UsageError(`no watchlist "${idOrName}"; see \`ruta watchlist list\``);
  const rows = await watchlistOutcomes(db, w.id, new Date(Date.now() - days * 86_400_000), WATCHLIST_RULE);
  if (o.json) {
    for (const r of rows) out(JSON.stringify({ entry: r.name, enabled: r.enabled, hits: r.hits, open: r.open, confirmed: r.confirmed, escalated: r.escalated, dismissed: r.dismissed, lastHit: r.lastHit, noisy: r.noisy }));
    return;
  }
  progress(`watchlist "${w.name}": alerts of the last ${days} day(s) per entry; noisy = analysts dismissed half or more of 3+ decisions`);
  out(table(rows.map((r) => ({ ...r, entry: r.name, lastHit: r.lastHit ? r.lastHit.toISOString().slice(0, 10) : '', noisy: r.noisy ? 'noisy' : '' })), ['entry', 'hits', 'confirmed', 'escalated', 'dismissed', 'open', 'lastHit', 'noisy']));
}

export async function watchlistPreview(db: Db, what: string | undefined, o: { days?: string; json?: boolean }): Promise<void> {
  if (!what) throw new UsageError('usage: ruta watchlist preview FILE|ID [--days 30] [--json]');
  const days = o.days === undefined ? 30 : Number(o.days);
  if (!(days > 0)) throw new UsageError(`--days must be a positive number, not "${o.days}"`);
  const stored = /^\d+$/.test(what) ? await findWatchlist(db, what) : null;
  let rep;
  if (stored) {
    const entries = await loadWatchEntries(db, [stored.id]);
    rep = await previewWatchlist(db, entries, entries, days);
  } else {
    rep = await previewSpecs(db, parseWatchlists(readFileSync(what, 'utf8'), what), days);
  }
  if (o.json) {
    for (const a of rep.articles) out(JSON.stringify({ type: 'article', ...a }));
    for (const l of rep.links) out(JSON.stringify({ type: 'link', ...l }));
    out(JSON.stringify({ type: 'summary', days, scanned: rep.scanned, flagged: rep.articles.filter((a) => a.change !== 'dropped').length, new: rep.articles.filter((a) => a.change === 'new').length, dropped: rep.articles.filter((a) => a.change === 'dropped').length, byEntry: rep.byEntry }));
    return;
  }
  const mark = { new: '+', kept: ' ', dropped: '-' } as const;
  out(`Articles of the last ${days} day(s) flagged (+ only with the change, - only without it):`);
  for (const a of rep.articles) out(`${mark[a.change]} #${a.id} ${a.date} [${a.lang}] ${a.title.slice(0, 90)}\n    ${a.entries.join(', ')} — ${a.url}`);
  if (rep.links.length) {
    out('\nBalkan–Latin America links in flagged articles:');
    for (const l of rep.links) out(`${mark[l.change]} ${l.balkan} – ${l.latam} (${l.articles} article(s))`);
  }
  const flagged = rep.articles.filter((a) => a.change !== 'dropped').length;
  progress(`${rep.scanned} article(s) scanned: ${flagged} flagged, ${rep.articles.filter((a) => a.change === 'new').length} newly, ${rep.articles.filter((a) => a.change === 'dropped').length} no longer. Nothing was saved.`);
}

export async function digestPreview(db: Db, email: string | undefined, outFile?: string): Promise<void> {
  if (!email) throw new UsageError('usage: ruta digest preview --user EMAIL [--out FILE]');
  const u = await userByEmail(db, email);
  const draft = await buildDigest(db, u);
  const html = draft?.html ?? '<!doctype html><meta charset="utf-8"><p>Nothing new since the last digest.</p>';
  const file = resolve(outFile ?? join(dirname(dbPath()), 'digests', `preview-${u.email.replace(/[^a-z0-9.@-]/gi, '_')}-${localClock(u.timezone, new Date()).date}.html`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  progress(draft ? `${draft.items.length} item(s): ${Object.entries(draft.counts).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ')}; nothing recorded` : 'nothing new since the last digest');
  out(file);
}

export async function digestSend(db: Db, email: string | undefined): Promise<number> {
  if (!email) throw new UsageError('usage: ruta digest send --user EMAIL');
  const u = await userByEmail(db, email);
  const q = await queueDigest(db, u, `manual:${new Date().toISOString()}`);
  if (!q) {
    progress(`nothing new for ${u.email} since the last digest; nothing sent`);
    return 0;
  }
  const rep = await deliverPending(db, { log: progress });
  const d = await db.delivery.findFirst({ where: { digestId: q.id } });
  progress(`digest #${q.id} for ${u.email}: ${q.draft.items.length} item(s), delivery ${d?.status ?? '?'}${d?.lastError ? ` (${d.lastError})` : ''}; ${rep.sent} sent in all`);
  return d?.status === 'sent' ? 0 : 1;
}

export async function deliveriesList(db: Db, o: { status?: string; json?: boolean }): Promise<void> {
  const rows = await listDeliveries(db, { status: o.status });
  const view = rows.map((d) => ({ id: d.id, status: d.status, channel: d.channel, target: d.target, user: d.user?.email ?? null, alertId: d.alertId, digestId: d.digestId, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, sentAt: d.sentAt, lastError: d.lastError }));
  if (o.json) for (const d of view) out(JSON.stringify(d));
  else out(table(view, ['id', 'status', 'channel', 'target', 'alertId', 'digestId', 'attempts', 'lastError']));
}

export async function deliveriesRetry(db: Db, ids: string[]): Promise<void> {
  if (!ids.length || ids.some((x) => !/^\d+$/.test(x))) throw new UsageError('usage: ruta deliveries retry ID [ID…]');
  const n = await retryDeliveries(db, ids.map(Number));
  progress(`${n} deliver${n === 1 ? 'y' : 'ies'} queued again (only failed or unknown ones are)`);
}

export async function deliveriesRun(db: Db): Promise<void> {
  const r = await deliverPending(db, { log: progress });
  progress(`deliveries: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed, ${r.inDoubt} in doubt${r.waitingForMail ? `, ${r.waitingForMail} email(s) waiting for RUTA_SMTP_URL` : ''}`);
}

export async function alertsRun(db: Db): Promise<void> {
  const r = await runRules(db);
  progress(`alerts: ${r.total} new (${Object.entries(r.byRule).map(([k, n]) => `${k}: ${n}`).join(', ')})`);
  await deliveriesRun(db);
}

export async function serveCmd(db: Db, port: number, host: string): Promise<void> {
  const { startServer } = await import('../web/server.js');
  const s = await startServer(db, { port, host });
  progress(`serving on http://${host}:${s.port} (Atom feeds at /feeds/TOKEN/alerts.atom); SIGTERM or Ctrl-C stops`);
  await new Promise<void>((r) => {
    process.once('SIGTERM', () => r());
    process.once('SIGINT', () => r());
  });
  await s.close();
}
