// `ruta watchlist preview`: what a changed watchlist would flag among the
// articles of the last N days, next to what the saved version flags, before
// anything is saved.
import type { Db } from '../storage/db.js';
import { articlesSince, findWatchlist, loadWatchEntries, specsToEntries } from '../storage/watchlists-repo.js';
import type { WatchlistSpec } from './watchlist-file.js';
import { compileWatchlist, matchWatchlist, type WatchEntry } from './watchlist-matcher.js';

export interface PreviewArticle {
  id: number;
  date: string;
  title: string;
  url: string;
  lang: string;
  /** new: flagged only by the change; kept: flagged by both; dropped: flagged only by the saved list. */
  change: 'new' | 'kept' | 'dropped';
  entries: string[];
  quote: string;
}

export interface PreviewReport {
  days: number;
  scanned: number;
  articles: PreviewArticle[];
  links: { balkan: string; latam: string; articles: number; change: 'new' | 'kept' | 'dropped' }[];
  byEntry: Record<string, number>;
}

export async function previewWatchlist(db: Db, proposed: WatchEntry[], saved: WatchEntry[], days: number, now = new Date()): Promise<PreviewReport> {
  const next = compileWatchlist(proposed);
  const before = compileWatchlist(saved);
  const since = new Date(now.getTime() - days * 86400_000);
  const rep: PreviewReport = { days, scanned: 0, articles: [], links: [], byEntry: {} };
  const links = new Map<number, { balkan: string; latam: string; now: number; then: number }>();
  for await (const a of articlesSince(db, since)) {
    rep.scanned++;
    const text = `${a.title}\n${a.text}`;
    const analysis = { bodyStart: a.title.length + 1, mentions: a.mentions.map((m) => ({ type: m.entity.type, canonical: m.entity.canonical, start: m.start, end: m.end })) };
    const hitsNow = matchWatchlist(next, text, a.lang, analysis);
    const hitsThen = matchWatchlist(before, text, a.lang, analysis);
    if (!hitsNow.length && !hitsThen.length) continue;
    for (const h of hitsNow) rep.byEntry[h.entry.name] = (rep.byEntry[h.entry.name] ?? 0) + 1;
    const change = hitsNow.length && hitsThen.length ? 'kept' : hitsNow.length ? 'new' : 'dropped';
    const shown = hitsNow.length ? hitsNow : hitsThen;
    rep.articles.push({
      id: a.id,
      date: (a.published ?? a.createdAt).toISOString().slice(0, 10),
      title: a.title,
      url: a.url,
      lang: a.lang,
      change,
      entries: shown.map((h) => (h.text.toLowerCase() === h.entry.name.toLowerCase() ? h.entry.name : `${h.entry.name} ("${h.text}")`)),
      quote: shown[0]!.sentence,
    });
    for (const e of a.evidence) {
      const l = links.get(e.link.id) ?? { balkan: e.link.balkan, latam: e.link.latam, now: 0, then: 0 };
      if (hitsNow.length) l.now++;
      if (hitsThen.length) l.then++;
      links.set(e.link.id, l);
    }
  }
  rep.links = [...links.values()]
    .map((l) => ({ balkan: l.balkan, latam: l.latam, articles: Math.max(l.now, l.then), change: (l.now && l.then ? 'kept' : l.now ? 'new' : 'dropped') as 'new' | 'kept' | 'dropped' }))
    .sort((x, y) => y.articles - x.articles);
  return rep;
}

/** A preview of lists from a file (or an editor's form) against the saved lists of the same names. */
export async function previewSpecs(db: Db, specs: WatchlistSpec[], days: number): Promise<PreviewReport> {
  const saved = (await Promise.all(specs.map((s) => findWatchlist(db, s.name)))).filter((l) => l !== null).map((l) => l.id);
  return previewWatchlist(db, specsToEntries(specs), await loadWatchEntries(db, saved), days);
}
