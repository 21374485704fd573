// Rule "balkan-latam-link": alerts speak of stories. The first article of a
// story that reports a link raises the alert; later articles of the same story
// (other outlets' copies, translations, follow-ups, new versions) raise one
// only when they report a pair the story's alerts have not named. High
// severity when a pair was never seen before the article. A pair analysts
// dismissed as a misreading raises nothing.
import { storyAlertEntities, type AlertInput } from '../../storage/alerts-repo.js';
import type { Rule } from './types.js';

export const LINK_RULE = 'balkan-latam-link';

export const newLinkRule: Rule = {
  name: LINK_RULE,
  description: 'a Balkan–Latin America link is reported (high when the pair is new)',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    // Entity names of each story's alerts, from the database and from this batch.
    const alerted = new Map<number, Set<string>[]>();
    for (const a of batch) {
      const reported = a.evidence.filter((p) => p.review !== 'dismissed');
      if (!reported.length) continue;
      let earlier: Set<string>[] = [];
      if (a.storyId !== null) {
        earlier = alerted.get(a.storyId) ?? (await storyAlertEntities(ctx.db, LINK_RULE, a.storyId));
        alerted.set(a.storyId, earlier);
      }
      const pairs = reported.filter((p) => !earlier.some((names) => names.has(p.balkan) && names.has(p.latam)));
      if (!pairs.length) continue;
      const fresh = pairs.filter((p) => p.firstArticleId === a.id);
      const names = [...new Set(pairs.flatMap((p) => [p.balkan, p.latam]))];
      earlier.push(new Set(names));
      const list = (ps: typeof pairs) => ps.map((p) => `${p.balkan} – ${p.latam}`).join('; ');
      alerts.push({
        rule: LINK_RULE,
        key: `${LINK_RULE}:article:${a.id}:links:${pairs.map((p) => p.linkId).sort((x, y) => x - y).join(',')}`,
        severity: fresh.length ? 'high' : 'medium',
        reason: fresh.length
          ? `New Balkan–Latin America link${fresh.length > 1 ? 's' : ''}: ${list(fresh)}`
          : `Known Balkan–Latin America link${pairs.length > 1 ? 's' : ''} reported again: ${list(pairs)}`,
        evidence: pairs[0]!.sentence,
        entities: names,
        articleId: a.id,
        storyId: a.storyId,
        linkId: pairs[0]!.linkId,
      });
    }
    return { alerts, state: [] };
  },
};
