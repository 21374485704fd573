// How a watchlist's entries fared: for each entry, the alerts it raised in a
// period and what analysts decided about them. An entry whose hits analysts
// mostly dismiss is noise to tune (negative terms, languages), and one that
// never hits may be misspelled or out of date.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';

export interface EntryOutcome {
  id: number;
  name: string;
  enabled: boolean;
  hits: number;
  open: number;
  confirmed: number;
  escalated: number;
  dismissed: number;
  lastHit: Date | null;
  /** The sentence of the latest dismissed hit, and the analyst's note on it. */
  lastDismissed: { evidence: string | null; note: string | null } | null;
  /** At least three decisions, half of them or more dismissals. */
  noisy: boolean;
}

/** Fewest decisions before an entry is called noisy. */
const NOISY_MIN = 3;

/** The entries of a watchlist with their alerts since `since`; `rule` is the watchlist rule, whose keys name the entry. */
export async function watchlistOutcomes(db: Db, watchlistId: number, since: Date, rule: string): Promise<EntryOutcome[]> {
  const entries = await db.watchlistEntry.findMany({ where: { watchlistId }, orderBy: { id: 'asc' }, select: { id: true, name: true, enabled: true } });
  const byId = new Map<number, EntryOutcome>(
    entries.map((e) => [e.id, { ...e, hits: 0, open: 0, confirmed: 0, escalated: 0, dismissed: 0, lastHit: null, lastDismissed: null, noisy: false }]),
  );
  if (!entries.length) return [];
  const prefix = `${rule}:entry:`;
  const rows = await writeTx(db, (sql) =>
    sql.all<{ key: string; status: string; evidence: string | null; note: string | null; createdAt: string }>(
      'SELECT "key", "status", "evidence", "note", "createdAt" FROM "Alert" WHERE "rule" = ? AND "createdAt" >= ? AND substr("key", 1, ?) = ? ORDER BY "id"',
      rule, sqlDate(since), prefix.length, prefix,
    ),
  );
  for (const r of rows) {
    const o = byId.get(Number(r.key.slice(prefix.length).split(':')[0]));
    if (!o) continue;
    o.hits++;
    if (r.status === 'open' || r.status === 'confirmed' || r.status === 'escalated' || r.status === 'dismissed') o[r.status]++;
    o.lastHit = new Date(r.createdAt);
    if (r.status === 'dismissed') o.lastDismissed = { evidence: r.evidence, note: r.note };
  }
  for (const o of byId.values()) {
    const decided = o.confirmed + o.escalated + o.dismissed;
    o.noisy = decided >= NOISY_MIN && o.dismissed * 2 >= decided;
  }
  return [...byId.values()];
}
