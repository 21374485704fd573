// Watchlists and their entries, with an audit row for every change.
import type { Db } from './db.js';
import type { WatchlistEntrySpec, WatchlistSpec } from '../alerts/watchlist-file.js';
import type { WatchEntry } from '../alerts/watchlist-matcher.js';

export interface ImportReport {
  lists: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: string[];
}

const entryData = (e: WatchlistEntrySpec) => ({
  type: e.type,
  side: e.side ?? 'other',
  aliases: JSON.stringify(e.aliases ?? []),
  languages: JSON.stringify(e.languages ?? []),
  negativeTerms: JSON.stringify(e.negative ?? []),
  notes: e.notes ?? null,
  enabled: e.enabled ?? true,
});

type EntryRow = { name: string; type: string; side: string; aliases: string; languages: string; negativeTerms: string; notes: string | null; enabled: boolean };
const specOf = (r: EntryRow): WatchlistEntrySpec => ({
  name: r.name,
  type: r.type,
  side: r.side,
  aliases: JSON.parse(r.aliases) as string[],
  languages: JSON.parse(r.languages) as string[],
  negative: JSON.parse(r.negativeTerms) as string[],
  notes: r.notes ?? undefined,
  enabled: r.enabled,
});
const same = (r: EntryRow, e: WatchlistEntrySpec) => JSON.stringify(entryData(specOf(r))) === JSON.stringify(entryData(e));

export class WatchlistOwnerError extends Error {}

/**
 * Saves watchlists from a file. `replace` (ruta watchlist import): each list in
 * the file becomes exactly what the file says; entries left out are removed, and
 * the audit log keeps them in full. `create-only` (ruta init): lists that exist
 * are left as editors made them.
 */
export async function importWatchlists(
  db: Db,
  specs: WatchlistSpec[],
  opts: { mode?: 'replace' | 'create-only'; actorId?: number | null; ownerEmail?: string } = {},
): Promise<ImportReport> {
  const mode = opts.mode ?? 'replace';
  const rep: ImportReport = { lists: 0, added: 0, changed: 0, removed: 0, unchanged: 0, skipped: [] };
  const owners = new Map<string, number>();
  for (const email of new Set(specs.map((w) => opts.ownerEmail ?? w.owner).filter((x): x is string => !!x))) {
    const u = await db.user.findUnique({ where: { email } });
    if (!u) throw new WatchlistOwnerError(`owner ${email} is not a Ruta user; add them with \`ruta users add --email ${email} --role editor\``);
    owners.set(email, u.id);
  }
  await db.$transaction(async (tx) => {
    for (const w of specs) {
      const existing = await tx.watchlist.findUnique({ where: { name: w.name }, include: { entries: true } });
      if (existing && mode === 'create-only') {
        rep.skipped.push(w.name);
        continue;
      }
      rep.lists++;
      const ownerEmail = opts.ownerEmail ?? w.owner;
      const ownerId = ownerEmail ? owners.get(ownerEmail)! : (existing?.ownerId ?? null);
      const list = existing
        ? await tx.watchlist.update({ where: { id: existing.id }, data: { description: w.description ?? existing.description, ownerId } })
        : await tx.watchlist.create({ data: { name: w.name, description: w.description ?? null, ownerId } });
      const before = new Map((existing?.entries ?? []).map((e) => [e.name, e]));
      const added: string[] = [];
      const changed: { name: string; before: WatchlistEntrySpec; after: WatchlistEntrySpec }[] = [];
      for (const e of w.entries) {
        const old = before.get(e.name);
        before.delete(e.name);
        if (old && same(old, e)) {
          rep.unchanged++;
          continue;
        }
        await tx.watchlistEntry.upsert({
          where: { watchlistId_name: { watchlistId: list.id, name: e.name } },
          create: { watchlistId: list.id, name: e.name, ...entryData(e) },
          update: entryData(e),
        });
        if (old) changed.push({ name: e.name, before: specOf(old), after: e });
        else added.push(e.name);
      }
      const removed = [...before.values()];
      if (removed.length) await tx.watchlistEntry.deleteMany({ where: { id: { in: removed.map((e) => e.id) } } });
      rep.added += added.length;
      rep.changed += changed.length;
      rep.removed += removed.length;
      if (!existing || added.length || changed.length || removed.length || existing.ownerId !== ownerId) {
        await tx.watchlistAudit.create({
          data: {
            watchlistId: list.id,
            userId: opts.actorId ?? null,
            action: existing ? 'import' : 'create',
            detail: JSON.stringify({ added, changed, removed: removed.map(specOf), ownerId }),
          },
        });
      }
    }
  });
  return rep;
}

/** Watchlists as the file format, for export and preview. */
export async function exportWatchlists(db: Db, names?: string[]): Promise<WatchlistSpec[]> {
  const lists = await db.watchlist.findMany({
    where: names?.length ? { name: { in: names } } : undefined,
    orderBy: { id: 'asc' },
    include: { entries: { orderBy: { id: 'asc' } }, owner: { select: { email: true } } },
  });
  return lists.map((l) => ({ name: l.name, description: l.description ?? undefined, owner: l.owner?.email, entries: l.entries.map(specOf) }));
}

export async function findWatchlist(db: Db, idOrName: string) {
  const id = /^\d+$/.test(idOrName) ? Number(idOrName) : undefined;
  return db.watchlist.findFirst({ where: id !== undefined ? { id } : { name: idOrName } });
}

export function listWatchlists(db: Db) {
  return db.watchlist.findMany({ orderBy: { id: 'asc' }, include: { owner: { select: { email: true } }, _count: { select: { entries: true } } } });
}

export function watchlistAudit(db: Db, watchlistId: number, limit = 50) {
  return db.watchlistAudit.findMany({ where: { watchlistId }, orderBy: { id: 'desc' }, take: limit });
}

/** An entry as the matcher takes it. */
const matcherEntry = (e: WatchlistEntrySpec, id: number, watchlist: string): WatchEntry => ({
  id,
  watchlist,
  name: e.name,
  type: e.type,
  side: e.side ?? 'other',
  aliases: e.aliases ?? [],
  languages: e.languages ?? [],
  negativeTerms: e.negative ?? [],
  enabled: e.enabled ?? true,
});

/** File specs as matcher entries (for previews of unsaved lists); ids are negative, they are not stored. */
export function specsToEntries(specs: WatchlistSpec[]): WatchEntry[] {
  let id = 0;
  return specs.flatMap((w) => w.entries.map((e) => matcherEntry(e, --id, w.name)));
}

/** Stored entries for the matcher (all, or those of some lists). */
export async function loadWatchEntries(db: Db, watchlistIds?: number[]): Promise<WatchEntry[]> {
  const rows = await db.watchlistEntry.findMany({
    where: watchlistIds ? { watchlistId: { in: watchlistIds } } : undefined,
    orderBy: { id: 'asc' },
    include: { watchlist: { select: { name: true } } },
  });
  return rows.map((r) => matcherEntry(specOf(r), r.id, r.watchlist.name));
}

/** Names and aliases of enabled watchlist entries for a language (entries without languages count for all). */
export async function searchTerms(db: Db, lang: string | null): Promise<string[]> {
  const entries = await loadWatchEntries(db);
  const terms: string[] = [];
  for (const e of entries) {
    if (!e.enabled || (lang && e.languages.length && !e.languages.includes(lang))) continue;
    terms.push(e.name, ...e.aliases);
  }
  return terms;
}

/** Articles stored or published since a date, a page at a time, with their link pairs: what a watchlist preview scans. */
export async function* articlesSince(db: Db, since: Date, pageSize = 300) {
  let after = 0;
  for (;;) {
    const page = await db.article.findMany({
      where: { id: { gt: after }, OR: [{ createdAt: { gte: since } }, { published: { gte: since } }] },
      orderBy: { id: 'asc' },
      take: pageSize,
      select: {
        id: true, title: true, url: true, lang: true, text: true, published: true, createdAt: true, storyId: true,
        mentions: { select: { start: true, end: true, entity: { select: { type: true, canonical: true } } } },
        evidence: { select: { link: { select: { id: true, balkan: true, latam: true } } } },
      },
    });
    if (!page.length) return;
    yield* page;
    after = page[page.length - 1]!.id;
  }
}
