// Watchlists and their entries, imported from YAML (config/watchlists.yaml).
import { parse } from 'yaml';
import type { Db } from './db.js';

export interface WatchlistEntrySpec {
  name: string;
  type: string;
  side?: string;
  aliases?: string[];
  languages?: string[];
  negative?: string[];
  notes?: string;
  enabled?: boolean;
}

export interface WatchlistSpec {
  name: string;
  description?: string;
  entries: WatchlistEntrySpec[];
}

export class WatchlistFileError extends Error {}

export function parseWatchlists(text: string, origin = 'watchlists file'): WatchlistSpec[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new WatchlistFileError(`${origin}: not valid YAML: ${(e as Error).message}`);
  }
  const list = (doc as { watchlists?: unknown } | null)?.watchlists ?? doc;
  if (!Array.isArray(list)) throw new WatchlistFileError(`${origin}: expected "watchlists:" with a list`);
  return list.map((w, i) => {
    const r = w as Record<string, unknown>;
    if (!r || typeof r.name !== 'string' || !r.name.trim()) throw new WatchlistFileError(`${origin}, watchlist #${i + 1}: "name" is required`);
    const entries = Array.isArray(r.entries) ? r.entries : [];
    return {
      name: r.name.trim(),
      description: typeof r.description === 'string' ? r.description : undefined,
      entries: entries.map((e, k) => {
        const x = e as Record<string, unknown>;
        if (!x || typeof x.name !== 'string' || typeof x.type !== 'string') {
          throw new WatchlistFileError(`${origin}, ${r.name}, entry #${k + 1}: "name" and "type" are required`);
        }
        const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
        return {
          name: x.name,
          type: x.type,
          side: typeof x.side === 'string' ? x.side : undefined,
          aliases: strs(x.aliases),
          languages: strs(x.languages),
          negative: strs(x.negative),
          notes: typeof x.notes === 'string' ? x.notes : undefined,
          enabled: x.enabled !== false,
        };
      }),
    };
  });
}

/** Creates or updates watchlists by name and their entries by name. Returns entry counts. */
export async function importWatchlists(db: Db, specs: WatchlistSpec[]): Promise<{ lists: number; entries: number }> {
  let entries = 0;
  await db.$transaction(async (tx) => {
    for (const w of specs) {
      const list = await tx.watchlist.upsert({
        where: { name: w.name },
        create: { name: w.name, description: w.description ?? null },
        update: { description: w.description ?? null },
      });
      for (const e of w.entries) {
        const data = {
          type: e.type,
          side: e.side ?? 'other',
          aliases: JSON.stringify(e.aliases ?? []),
          languages: JSON.stringify(e.languages ?? []),
          negativeTerms: JSON.stringify(e.negative ?? []),
          notes: e.notes ?? null,
          enabled: e.enabled ?? true,
        };
        await tx.watchlistEntry.upsert({
          where: { watchlistId_name: { watchlistId: list.id, name: e.name } },
          create: { watchlistId: list.id, name: e.name, ...data },
          update: data,
        });
        entries++;
      }
      await tx.watchlistAudit.create({ data: { watchlistId: list.id, action: 'import', detail: JSON.stringify({ entries: w.entries.length }) } });
    }
  });
  return { lists: specs.length, entries };
}

/** Names and aliases of enabled watchlist entries for a language (entries without languages count for all). */
export async function searchTerms(db: Db, lang: string | null): Promise<string[]> {
  const entries = await db.watchlistEntry.findMany({ where: { enabled: true }, orderBy: { id: 'asc' } });
  const terms: string[] = [];
  for (const e of entries) {
    const langs = JSON.parse(e.languages) as string[];
    if (lang && langs.length && !langs.includes(lang)) continue;
    terms.push(e.name, ...(JSON.parse(e.aliases) as string[]));
  }
  return terms;
}
