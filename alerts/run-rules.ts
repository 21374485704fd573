// Runs every alert rule over the articles written or changed since its own
// watermark. Each batch's alerts, outbox rows, rule memory and the watermark
// are committed together, so a crash repeats at most an uncommitted batch and
// an alert key fires once. A batch is read once for all the rules (from the
// lowest watermark; each rule takes the changes past its own): rules read
// article data and their own alerts, never another rule's.
import type { Db } from '../storage/db.js';
import { changesAfter, commitRuleBatch, watermark } from '../storage/alerts-repo.js';
import { loadWatchEntries } from '../storage/watchlists-repo.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/types.js';
import { loadAlertSettings } from './settings.js';
import { compileWatchlist } from './watchlist-matcher.js';

export interface RuleRunReport {
  total: number;
  byRule: Record<string, number>;
}

export async function runRules(db: Db, opts: { rules?: Rule[]; batchSize?: number; seizureKg?: number; spreadOutlets?: number } = {}): Promise<RuleRunReport> {
  const rules = opts.rules ?? RULES;
  const ctx = {
    db,
    watchlist: compileWatchlist(await loadWatchEntries(db)),
    seizureKg: opts.seizureKg ?? loadAlertSettings().seizureKg,
    spreadOutlets: opts.spreadOutlets ?? loadAlertSettings().spreadOutlets,
  };
  const report: RuleRunReport = { total: 0, byRule: Object.fromEntries(rules.map((r) => [r.name, 0])) };
  const marks = new Map<string, number>();
  for (const rule of rules) marks.set(rule.name, await watermark(db, rule.name));
  while (rules.length) {
    const batch = await changesAfter(db, Math.min(...marks.values()), opts.batchSize ?? 200);
    if (!batch.length) break;
    for (const rule of rules) {
      const mine = batch.filter((c) => c.seq > marks.get(rule.name)!);
      if (!mine.length) continue;
      const { alerts, state } = await rule.evaluate(mine, ctx);
      const last = mine[mine.length - 1]!.seq;
      const n = await commitRuleBatch(db, rule.name, alerts, state, last);
      marks.set(rule.name, last);
      report.byRule[rule.name]! += n;
      report.total += n;
    }
  }
  return report;
}
