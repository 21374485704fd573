// Rule "watchlist-hit": an enabled watchlist entry (name or alias, any script,
// inflected) appears in a new or changed article, where the article's
// analysis agrees that it is that kind of thing. One alert per entry per
// story, so other outlets' copies and later versions do not repeat it.
import { matchWatchlist } from '../watchlist-matcher.js';
import type { AlertInput } from '../../storage/alerts-repo.js';
import type { Rule } from './types.js';

export const WATCHLIST_RULE = 'watchlist-hit';

export const watchlistHitRule: Rule = {
  name: WATCHLIST_RULE,
  description: 'a watchlist entry is named in a new or changed article',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    for (const a of batch) {
      if (!a.text) continue;
      // The analysis decides what a name is: "Santos" the port, not Juan Manuel Santos or the club.
      const hits = matchWatchlist(ctx.watchlist, `${a.title}\n${a.text}`, a.lang, { bodyStart: a.title.length + 1, mentions: a.mentions });
      for (const h of hits) {
        const as = h.text.toLowerCase() === h.entry.name.toLowerCase() ? '' : ` (as "${h.text}")`;
        alerts.push({
          rule: WATCHLIST_RULE,
          key: `${WATCHLIST_RULE}:entry:${h.entry.id}:${a.storyId === null ? `article:${a.id}` : `story:${a.storyId}`}`,
          severity: a.evidence.length ? 'high' : 'medium',
          reason: `Watchlist "${h.entry.watchlist}": ${h.entry.name}${as}${a.evidence.length ? ', in an article reporting a Balkan–Latin America link' : ''}`,
          evidence: h.sentence,
          entities: [h.entry.name],
          articleId: a.id,
          storyId: a.storyId,
        });
      }
    }
    return { alerts, state: [] };
  },
};
