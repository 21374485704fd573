// Rule "story-spread": a story that reports a Balkan–Latin America link or a
// seizure is now told by many outlets (alerts.spreadOutlets, default 3): the
// event is spreading, as a monitor's "breaking news". Once per story; high
// when the outlets write in two languages or more (it crossed a border).
import { storySpread, type AlertInput } from '../../storage/alerts-repo.js';
import type { Rule } from './types.js';

export const STORY_SPREAD_RULE = 'story-spread';

export const storySpreadRule: Rule = {
  name: STORY_SPREAD_RULE,
  description: 'a link or seizure story is told by many outlets (alerts.spreadOutlets)',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    const done = new Set<number>();
    for (const a of batch) {
      if (a.storyId === null || done.has(a.storyId)) continue;
      const s = await storySpread(ctx.db, a.storyId, ctx.spreadOutlets);
      if (!s || s.outlets < ctx.spreadOutlets || !s.matters) continue;
      done.add(a.storyId);
      const langs = s.languages.length > 1 ? ` in ${s.languages.length} languages (${s.languages.join(', ')})` : '';
      alerts.push({
        rule: STORY_SPREAD_RULE,
        key: `${STORY_SPREAD_RULE}:story:${a.storyId}`,
        severity: s.languages.length > 1 ? 'high' : 'medium',
        reason: `Story told by ${s.outlets} outlets${langs}: ${s.headline}`,
        evidence: a.title || null,
        entities: s.names,
        articleId: a.id,
        storyId: a.storyId,
      });
    }
    return { alerts, state: [] };
  },
};
