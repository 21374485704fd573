// Rule "page-changed": a page a `page` source watches (a court's press page, a
// wanted list, a ministry's statement) has changed. Once per new version, with
// how many words came and went and who is newly named; medium when a Balkan or
// Latin American party or place is among them.
import { watchedPageRevision, type AlertInput } from '../../storage/alerts-repo.js';
import { sentenceAt } from '../evidence.js';
import { textChange } from '../text-diff.js';
import type { Rule } from './types.js';

export const PAGE_CHANGED_RULE = 'page-changed';

export const pageChangedRule: Rule = {
  name: PAGE_CHANGED_RULE,
  description: 'a watched page (a page source) has changed',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    for (const a of batch) {
      if (a.kind !== 'revised' || !a.text) continue;
      const watched = await watchedPageRevision(ctx.db, a.id);
      if (!watched) continue;
      const change = textChange(watched.revision.text, a.text);
      const titleChanged = watched.revision.title !== a.title;
      if (!change.addedWords && !change.removedWords && !titleChanged) continue;
      // Who and what the new words name.
      const fresh = a.mentions.filter((m) => change.addedRanges.some(([s, e]) => m.start < e && m.end > s));
      const named = [...new Set(fresh.map((m) => m.canonical))];
      const first = change.addedRanges[0];
      alerts.push({
        rule: PAGE_CHANGED_RULE,
        key: `${PAGE_CHANGED_RULE}:article:${a.id}:revision:${watched.revision.id}`,
        severity: fresh.some((m) => m.side === 'balkan' || m.side === 'latam') ? 'medium' : 'low',
        reason: `Watched page changed (${watched.source}): +${change.addedWords} / −${change.removedWords} words${titleChanged ? ', new title' : ''}${named.length ? `; newly named: ${named.slice(0, 8).join(', ')}` : ''}`,
        evidence: first ? sentenceAt(a.text, first[0]) : change.firstRemoved ? `Removed: ${change.firstRemoved.slice(0, 300)}` : a.title,
        entities: named,
        articleId: a.id,
        storyId: a.storyId,
      });
    }
    return { alerts, state: [] };
  },
};
