// What an alert rule is: it reads a batch of new or changed articles (in
// journal order) and returns the alerts they raise and what it must remember.
import type { Db } from '../../storage/db.js';
import type { AlertInput, ChangedArticle, RuleStateWrite } from '../../storage/alerts-repo.js';
import type { CompiledWatchlist } from '../watchlist-matcher.js';

export interface RuleContext {
  db: Db;
  watchlist: CompiledWatchlist;
  seizureKg: number;
  /** Outlets a link or seizure story must reach to raise a story-spread alert. */
  spreadOutlets: number;
}

export interface RuleResult {
  alerts: AlertInput[];
  state: RuleStateWrite[];
}

export interface Rule {
  name: string;
  description: string;
  evaluate(batch: ChangedArticle[], ctx: RuleContext): Promise<RuleResult>;
}
