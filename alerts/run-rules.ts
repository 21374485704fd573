// Runs every alert rule over the articles written or changed since its own
// watermark. Each batch's alerts, outbox rows, rule memory and the watermark
// are committed together, so a crash repeats at most an uncommitted batch and
// an alert key fires once.
import type { Db } from '../storage/db.js';
import { changesSince, commitRuleBatch } from '../storage/alerts-repo.js';
import { loadWatchEntries } from '../storage/watchlists-repo.js';
import { RULES } from './rules/index.js';
import type { Rule } from './rules/types.js';
import { loadAlertSettings } from './settings.js';
import { compileWatchlist } from './watchlist-matcher.js';

export interface RuleRunReport {
  total: number;
  byRule: Record<string, number>;
}

export async function runRules(db: Db, opts: { rules?: Rule[]; batchSize?: number; seizureKg?: number } = {}): Promise<RuleRunReport> {
  const rules = opts.rules ?? RULES;
  const ctx = {
    db,
    watchlist: compileWatchlist(await loadWatchEntries(db)),
    seizureKg: opts.seizureKg ?? loadAlertSettings().seizureKg,
  };
  const report: RuleRunReport = { total: 0, byRule: {} };
  for (const rule of rules) {
    let n = 0;
    for (;;) {
      const batch = await changesSince(db, rule.name, opts.batchSize ?? 200);
      if (!batch.length) break;
      const { alerts, state } = await rule.evaluate(batch, ctx);
      n += await commitRuleBatch(db, rule.name, alerts, state, batch[batch.length - 1]!.seq);
    }
    report.byRule[rule.name] = n;
    report.total += n;
  }
  return report;
}
