// Alert rule "article with a Balkan–Latin America link": one alert per new
// article that reports at least one link; high severity when a pair was never
// seen before the article.
import type { Db } from '../storage/db.js';
import { articlesWithLinksSince, commitAlerts, type AlertInput } from '../storage/alerts-repo.js';

export const LINK_RULE = 'balkan-latam-link';

export async function runLinkRule(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await articlesWithLinksSince(db, LINK_RULE);
    if (!batch.length) return total;
    const alerts: AlertInput[] = [];
    for (const a of batch) {
      if (!a.evidence.length) continue;
      const pairs = a.evidence.map((e) => e.link);
      // A pair is new when this article holds its first evidence.
      const fresh = pairs.filter((p) => p.evidence[0]?.articleId === a.id);
      const names = [...new Set(pairs.flatMap((p) => [p.balkan, p.latam]))];
      const list = pairs.map((p) => `${p.balkan} – ${p.latam}`).join('; ');
      alerts.push({
        rule: LINK_RULE,
        key: `${LINK_RULE}:article:${a.id}`,
        severity: fresh.length ? 'high' : 'medium',
        reason: fresh.length
          ? `New Balkan–Latin America link${fresh.length > 1 ? 's' : ''}: ${fresh.map((p) => `${p.balkan} – ${p.latam}`).join('; ')}`
          : `Known Balkan–Latin America link${pairs.length > 1 ? 's' : ''} reported again: ${list}`,
        evidence: a.evidence[0]!.sentence,
        entities: names,
        articleId: a.id,
        storyId: a.storyId,
        linkId: pairs[0]!.id,
      });
    }
    total += await commitAlerts(db, LINK_RULE, alerts, batch[batch.length - 1]!.id);
  }
}
