// The watchlist YAML format editors write, read by `ruta init` and
// `ruta watchlist import`, written by `ruta watchlist export`.
import { parse, stringify } from 'yaml';

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
  /** Owner's email; must be a Ruta user. */
  owner?: string;
  entries: WatchlistEntrySpec[];
}

export class WatchlistFileError extends Error {}

const TYPES = ['person', 'criminal_group', 'port', 'city', 'country', 'nationality', 'organization', 'company', 'vessel', 'term'];
const SIDES = ['balkan', 'latam', 'europe', 'africa', 'other'];

export function parseWatchlists(text: string, origin = 'watchlists file'): WatchlistSpec[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new WatchlistFileError(`${origin}: not valid YAML: ${(e as Error).message}`);
  }
  const list = (doc as { watchlists?: unknown } | null)?.watchlists ?? doc;
  if (!Array.isArray(list)) throw new WatchlistFileError(`${origin}: expected "watchlists:" with a list`);
  const names = new Set<string>();
  return list.map((w, i) => {
    const r = w as Record<string, unknown>;
    if (!r || typeof r.name !== 'string' || !r.name.trim()) throw new WatchlistFileError(`${origin}, watchlist #${i + 1}: "name" is required`);
    const listName = r.name.trim();
    if (names.has(listName)) throw new WatchlistFileError(`${origin}: watchlist "${listName}" appears twice`);
    names.add(listName);
    if (r.entries !== undefined && !Array.isArray(r.entries)) throw new WatchlistFileError(`${origin}, ${listName}: "entries" must be a list`);
    const entries = (r.entries as unknown[] | undefined) ?? [];
    const entryNames = new Set<string>();
    return {
      name: listName,
      description: typeof r.description === 'string' ? r.description : undefined,
      owner: typeof r.owner === 'string' ? r.owner.trim().toLowerCase() : undefined,
      entries: entries.map((e, k) => {
        const x = e as Record<string, unknown>;
        const where = `${origin}, ${listName}, entry #${k + 1}`;
        if (!x || typeof x.name !== 'string' || !x.name.trim() || typeof x.type !== 'string') throw new WatchlistFileError(`${where}: "name" and "type" are required`);
        if (!TYPES.includes(x.type)) throw new WatchlistFileError(`${where} (${x.name}): type "${x.type}" is not one of ${TYPES.join(', ')}`);
        if (x.side !== undefined && (typeof x.side !== 'string' || !SIDES.includes(x.side))) throw new WatchlistFileError(`${where} (${x.name}): side must be one of ${SIDES.join(', ')}`);
        const name = x.name.trim();
        if (entryNames.has(name)) throw new WatchlistFileError(`${where}: entry "${name}" appears twice in ${listName}`);
        entryNames.add(name);
        const strs = (v: unknown, field: string) => {
          if (v === undefined || v === null) return [];
          if (!Array.isArray(v)) throw new WatchlistFileError(`${where} (${name}): "${field}" must be a list`);
          return v.map((s) => String(s).trim()).filter(Boolean);
        };
        return {
          name,
          type: x.type,
          side: typeof x.side === 'string' ? x.side : undefined,
          aliases: strs(x.aliases, 'aliases'),
          languages: strs(x.languages, 'languages'),
          negative: strs(x.negative, 'negative'),
          notes: typeof x.notes === 'string' ? x.notes : undefined,
          enabled: x.enabled !== false,
        };
      }),
    };
  });
}

export function stringifyWatchlists(specs: WatchlistSpec[]): string {
  const clean = specs.map((w) => ({
    name: w.name,
    ...(w.description ? { description: w.description } : {}),
    ...(w.owner ? { owner: w.owner } : {}),
    entries: w.entries.map((e) => ({
      name: e.name,
      type: e.type,
      ...(e.side && e.side !== 'other' ? { side: e.side } : {}),
      ...(e.aliases?.length ? { aliases: e.aliases } : {}),
      ...(e.languages?.length ? { languages: e.languages } : {}),
      ...(e.negative?.length ? { negative: e.negative } : {}),
      ...(e.notes ? { notes: e.notes } : {}),
      ...(e.enabled === false ? { enabled: false } : {}),
    })),
  }));
  return `# Ruta watchlists (ruta watchlist export). Edit, then: ruta watchlist preview FILE; ruta watchlist import FILE\n${stringify({ watchlists: clean }, { lineWidth: 0 })}`;
}
