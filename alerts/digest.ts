// The daily digest: new Balkan–Latin America links with their evidence, the
// links analysts confirmed, new stories grouped, the largest seizures,
// watchlist hits, new articles the user's saved searches find, other alerts
// the user subscribed to (the most severe 50 of each alert section), and
// sources that went silent or broke. Every item has a key; an item sent in one
// digest is never in another.
import type { Db } from '../storage/db.js';
import {
  alertsBetween, confirmedLinks, digestSubscriptions, digestedKeys, largestSeizures, lastDigest, newLinks, newStories, recordDigest, troubledSources,
} from '../storage/digests-repo.js';
import { subscriptionWants } from '../storage/alerts-repo.js';
import { aboutDismissedLinks } from '../storage/link-review-repo.js';
import { savedSearchMatches } from '../storage/saved-searches-repo.js';
import { seizureReportKey } from '../storage/research-repo.js';
import { sentenceAt } from './evidence.js';
import { escapeHtml, htmlPage, oneLine, safeUrl, SEVERITY_LABEL } from './render.js';
import { WATCHLIST_RULE } from './rules/watchlist-hit.js';
import { LINK_PLACE_RULE } from './rules/link-place.js';
import { loadAlertSettings } from './settings.js';

export interface DigestUser {
  id: number;
  email: string;
  timezone: string;
  digestHour: number;
}

export interface DigestDraft {
  since: Date;
  until: Date;
  subject: string;
  html: string;
  text: string;
  items: string[];
  to: string;
  counts: Record<string, number>;
}

interface Line {
  key: string;
  title: string;
  url: string | null;
  meta: string;
  quote?: string | null;
  /** Lines of one article are shown under it once: its title (meta) and link. */
  group?: string;
  /** An alert's severity, to keep the most severe when a section is too long. */
  severity?: string;
  /** Where Ruta's web app shows it (a path under RUTA_PUBLIC_URL): the stored copy of its article, or its story. */
  app?: string;
}

/** The user's local date and hour. */
export function localClock(tz: string, at: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** A moment in the user's time zone: "23 Nov 2026, 07:00". */
export function localTime(tz: string, at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

const DAY = 86400_000;
/** Most alerts a digest lists in each of its alert sections, the most severe first. */
export const ALERTS_PER_SECTION = 50;
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];
const severityRank = (l: Line) => (l.severity && SEVERITY_ORDER.includes(l.severity) ? SEVERITY_ORDER.indexOf(l.severity) : SEVERITY_ORDER.length);

export async function buildDigest(db: Db, user: DigestUser, now = new Date()): Promise<DigestDraft | null> {
  const subs = await digestSubscriptions(db, user.id);
  if (!subs.length) return null;
  const last = await lastDigest(db, user.id);
  // From the end of the last digest; a first digest, or one after a long pause, covers at most a week.
  const since = new Date(Math.max(last?.until.getTime() ?? now.getTime() - DAY, now.getTime() - 7 * DAY));
  const wants = (rule: string, severity: string) => subs.some((s) => subscriptionWants(s, rule, severity));

  /** label: how the subject counts the section's lines; capped: an alert section, listed up to ALERTS_PER_SECTION. */
  const sections: { title: string; label: string; lines: Line[]; capped?: boolean; more?: number }[] = [];
  const links = await newLinks(db, since, now);
  sections.push({
    title: 'New Balkan–Latin America links',
    label: 'new link(s)',
    lines: links.map((l) => {
      const ev = l.evidence[0];
      return { key: `link:${l.id}`, title: `${l.balkan} – ${l.latam}${l.review === 'confirmed' ? ' (confirmed by an analyst)' : ''}`, url: ev ? ev.article.url : null, meta: ev ? `${ev.article.title} (${ev.article.lang})` : '', quote: ev?.sentence, group: ev ? `article:${ev.article.id}` : undefined, app: ev ? `/articles/${ev.article.id}` : `/links/${l.id}` };
    }),
  });
  // An article's links together, in the order their first link came.
  const firstAt = new Map<string, number>();
  sections[0]!.lines.forEach((l, i) => firstAt.set(l.group ?? l.key, firstAt.get(l.group ?? l.key) ?? i));
  sections[0]!.lines.sort((a, b) => firstAt.get(a.group ?? a.key)! - firstAt.get(b.group ?? b.key)!); // stable: each article's links keep their order
  // What analysts confirmed since: checked connections, whenever Ruta first saw them.
  const confirmed = await confirmedLinks(db, since, now);
  sections.push({
    title: 'Links analysts confirmed',
    label: 'confirmed link(s)',
    lines: confirmed.map(({ link: l, by, note }) => {
      const ev = l.evidence[0];
      return { key: `confirmed:${l.id}`, title: `${l.balkan} – ${l.latam}`, url: ev?.article.url ?? null, meta: `confirmed by ${by}${note ? `: “${note}”` : ''} · ${l.articleCount} article(s)`, quote: ev?.sentence, app: `/links/${l.id}` };
    }),
  });
  const stories = await newStories(db, since, now);
  sections.push({
    title: 'New stories',
    label: 'stories',
    lines: stories.map((s) => ({
      key: `story:${s.id}`,
      title: s.headline,
      url: s.articles[0]?.url ?? null,
      app: `/stories/${s.id}`,
      meta: `${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'}, ${s.articleCount} article${s.articleCount === 1 ? '' : 's'}${s.languages ? `, ${s.languages}` : ''}${s.articles.length > 1 ? ` — also: ${s.articles.slice(1).map((a) => `${a.title} (${a.lang})`).join('; ')}` : ''}`,
    })),
  });
  const seizures = await largestSeizures(db, since, now);
  sections.push({
    title: 'Largest seizures',
    label: 'seizure(s)',
    lines: seizures.map((z) => ({
      key: `seizure:${seizureReportKey(z)}`,
      title: `${z.kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg ${z.drug}${z.place || z.date ? ` (${[z.place, z.date].filter(Boolean).join(', ')})` : ''}`,
      url: z.article.url,
      meta: `${z.article.title} (${z.article.lang})`,
      quote: sentenceAt(z.article.text, z.start),
      app: `/articles/${z.article.id}`,
    })),
  });
  const between = (await alertsBetween(db, since, now)).filter((a) => wants(a.rule, a.severity));
  // Alerts only about links analysts dismissed since are no news either.
  const stale = await aboutDismissedLinks(db, between, LINK_PLACE_RULE);
  const alerts = between.filter((_, i) => !stale[i]);
  const alertLine = (a: (typeof alerts)[number]): Line => ({
    key: `alert:${a.id}`,
    severity: a.severity,
    title: a.reason,
    url: a.article?.url ?? null,
    app: a.article ? `/articles/${a.article.id}` : undefined,
    meta: `${SEVERITY_LABEL[a.severity] ?? a.severity}${a.status === 'confirmed' || a.status === 'escalated' ? ` · ${a.status} by an analyst` : ''}${a.article ? ` · ${a.article.title} (${a.article.lang})` : ''}${a.story ? ` · story #${a.story.id}` : ''}`,
    quote: a.evidence,
  });
  sections.push({ title: 'Watchlist hits', label: 'watchlist hit(s)', capped: true, lines: alerts.filter((a) => a.rule === WATCHLIST_RULE).map(alertLine) });
  const matches = await savedSearchMatches(db, user.id, since, now);
  sections.push({
    title: 'Your saved searches',
    label: 'saved search match(es)',
    lines: matches.map((m) => ({
      key: `search:${m.id}`,
      title: m.title,
      url: m.url,
      meta: `matches ${m.queries.map((q) => `“${q}”`).join(', ')} · ${m.lang}${m.published ? `, ${m.published.toISOString().slice(0, 10)}` : ''}`,
      quote: m.snippet,
      app: `/articles/${m.id}`,
    })),
  });
  sections.push({ title: 'Other alerts', label: 'alert(s)', capped: true, lines: alerts.filter((a) => a.rule !== WATCHLIST_RULE).map(alertLine) });
  const sources = await troubledSources(db, now);
  sections.push({
    title: 'Sources that went silent or broke',
    label: 'source problem(s)',
    lines: sources.map((h) => ({
      key: h.status === 'failing' ? `source:${h.id}:failing:${h.lastErrorAt?.toISOString() ?? ''}` : `source:${h.id}:silent:${h.lastItemAt?.toISOString() ?? ''}`,
      title: `${h.name} (${h.id})`,
      url: null,
      meta: h.status === 'failing'
        ? `failing since ${h.lastErrorAt ? localTime(user.timezone, h.lastErrorAt) : '?'}: ${oneLine(h.lastError ?? '', 200)}`
        : `silent: no new article since ${h.lastItemAt ? localTime(user.timezone, h.lastItemAt) : 'ever'}`,
    })),
  });

  // Drop what an earlier digest already carried.
  const sent = await digestedKeys(db, user.id, sections.flatMap((s) => s.lines.map((l) => l.key)));
  for (const s of sections) s.lines = s.lines.filter((l) => !sent.has(l.key));
  // A day of thousands of alerts is no digest: the most severe of each alert section, and how many more the queue holds.
  for (const s of sections.filter((x) => x.capped)) {
    if (s.lines.length <= ALERTS_PER_SECTION) continue;
    s.more = s.lines.length - ALERTS_PER_SECTION;
    s.lines = s.lines.map((l, i) => ({ l, i })).sort((a, b) => severityRank(a.l) - severityRank(b.l) || a.i - b.i).slice(0, ALERTS_PER_SECTION).map((x) => x.l);
  }
  const items = sections.flatMap((s) => s.lines.map((l) => l.key));
  if (!items.length) return null;

  // For reading, an article's links that one sentence states share that sentence.
  const shown = sections.map((s) => ({
    title: s.title,
    count: s.lines.length + (s.more ?? 0),
    more: s.more ?? 0,
    lines: s.lines.reduce<Line[]>((acc, l) => {
      // The article's lines are together (see above): look back through them for the same sentence.
      let k = acc.length - 1;
      while (k >= 0 && l.group && acc[k]!.group === l.group && !(l.quote && acc[k]!.quote === l.quote)) k--;
      if (k >= 0 && l.group && acc[k]!.group === l.group) acc[k] = { ...acc[k]!, title: `${acc[k]!.title}; ${l.title}` };
      else acc.push(l);
      return acc;
    }, []),
  }));
  const appUrl = loadAlertSettings().publicUrl;
  const inRuta = (l: Line) => (l.app ? `${appUrl}${l.app}` : null);
  const { date } = localClock(user.timezone, now);
  const period = `${localTime(user.timezone, since)} to ${localTime(user.timezone, now)} (${user.timezone})`;
  const counts = Object.fromEntries(sections.map((s) => [s.title, s.lines.length + (s.more ?? 0)]));
  const headline = sections.filter((s) => counts[s.title]).map((s) => `${counts[s.title]} ${s.label}`).join(', ');
  const subject = oneLine(`[Ruta] Daily digest ${date}: ${headline}`);
  const text = [
    `Ruta daily digest for ${user.email}, ${date} (${user.timezone})`,
    `Covers ${period}.`,
    ...shown.filter((s) => s.count).flatMap((s) => [
      '',
      `== ${s.title} (${s.count}) ==`,
      ...s.lines.flatMap((l, i) => {
        const quote = l.quote ? [`  “${oneLine(l.quote, 500)}”`] : [];
        const ruta = inRuta(l) ? [`  In Ruta: ${inRuta(l)}`] : [];
        if (!l.group) return [`- ${oneLine(l.title, 300)}`, `  ${oneLine(l.meta, 400)}`, ...quote, ...(safeUrl(l.url) ? [`  ${safeUrl(l.url)}`] : []), ...ruta];
        // The article once, then each of its lines.
        const head = s.lines[i - 1]?.group === l.group ? [] : [`- ${oneLine(l.meta, 400)}`, ...(safeUrl(l.url) ? [`  ${safeUrl(l.url)}`] : []), ...ruta];
        return [...head, `  * ${oneLine(l.title, 300)}`, ...quote.map((q) => `  ${q}`)];
      }),
      ...(s.more ? [`… and ${s.more} more (the less severe) in the triage queue: ${appUrl}/triage`] : []),
    ]),
    '',
  ].join('\n');
  const body = [
    `<h1 style="font-size:1.3em">Ruta daily digest — ${escapeHtml(date)}</h1>`,
    `<p style="color:#555">For ${escapeHtml(user.email)} · ${escapeHtml(period)}</p>`,
    ...shown.filter((s) => s.count).map((s) =>
      [
        `<h2 style="font-size:1.1em">${escapeHtml(s.title)} (${s.count})</h2><ul>`,
        ...s.lines.map((l, i) => {
          const url = safeUrl(l.url);
          const title = escapeHtml(l.title);
          const quote = l.quote ? `<blockquote style="margin:4px 0;color:#333">“${escapeHtml(l.quote)}”</blockquote>` : '';
          const ruta = inRuta(l) ? ` <small>· <a href="${escapeHtml(inRuta(l)!)}">${l.app!.startsWith('/stories/') ? 'the story in Ruta' : l.app!.startsWith('/links/') ? 'the link in Ruta' : 'stored copy in Ruta'}</a></small>` : '';
          if (!l.group) return `<li style="margin-bottom:8px">${url ? `<a href="${escapeHtml(url)}">${title}</a>` : `<b>${title}</b>`}${ruta}<br><small>${escapeHtml(l.meta)}</small>${quote}</li>`;
          // The article once, as a link, then each of its lines with its own quote.
          const open = s.lines[i - 1]?.group === l.group ? '' : `<li style="margin-bottom:8px">${url ? `<a href="${escapeHtml(url)}">${escapeHtml(l.meta)}</a>` : escapeHtml(l.meta)}${ruta}<ul>`;
          const close = s.lines[i + 1]?.group === l.group ? '' : '</ul></li>';
          return `${open}<li style="margin-bottom:4px"><b>${title}</b>${quote}</li>${close}`;
        }),
        '</ul>',
        s.more ? `<p style="color:#555">… and ${s.more} more, the less severe, in <a href="${escapeHtml(`${appUrl}/triage`)}">the triage queue</a>.</p>` : '',
      ].join(''),
    ),
  ].join('');
  const to = subs.find((s) => s.target)?.target ?? user.email;
  return { since, until: now, subject, html: htmlPage(subject, body), text, items, to, counts };
}

/** Builds and records the user's digest for a slot; null when there is nothing new or the slot is taken. */
export async function queueDigest(db: Db, user: DigestUser, slot: string, now = new Date()): Promise<{ id: number; draft: DigestDraft } | null> {
  const draft = await buildDigest(db, user, now);
  if (!draft) return null;
  const id = await recordDigest(db, { userId: user.id, slot, since: draft.since, until: draft.until, subject: draft.subject, html: draft.html, text: draft.text, items: draft.items, to: draft.to });
  return id === null ? null : { id, draft };
}

/** Digests due now: users whose local hour has reached their digest hour and who have no digest for their local day yet. */
export async function queueDueDigests(db: Db, now = new Date(), log: (l: string) => void = () => {}): Promise<number> {
  const users = await db.user.findMany({ where: { subscriptions: { some: { mode: 'digest', channel: 'email' } } } });
  let n = 0;
  for (const u of users) {
    const { date, hour } = localClock(u.timezone, now);
    if (hour < u.digestHour) continue;
    if (await db.digest.findUnique({ where: { userId_slot: { userId: u.id, slot: date } } })) continue;
    const q = await queueDigest(db, u, date, now);
    if (q) {
      n++;
      log(`digest for ${u.email} (${date}): ${q.draft.items.length} item(s) queued`);
    } else {
      // Nothing new: the day's slot is taken all the same, so a late item waits for tomorrow's digest at the user's hour.
      await recordDigest(db, { userId: u.id, slot: date, since: now, until: now, subject: '', html: '', text: '', items: [], to: null });
    }
  }
  return n;
}
