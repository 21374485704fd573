// Alert rule "Balkan–Latin America link": alerts speak of stories. The first
// article of a story that reports a link raises the alert; later articles of
// the same story (other outlets' copies, translations, follow-ups) raise one
// only when they report a pair the story's alerts have not named. High
// severity when a pair was never seen before the article.
import type { Db } from '../storage/db.js';
import { articlesWithLinksSince, commitAlerts, type AlertInput } from '../storage/alerts-repo.js';

export const LINK_RULE = 'balkan-latam-link';

export async function runLinkRule(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await articlesWithLinksSince(db, LINK_RULE);
    if (!batch.length) return total;
    const alerts: AlertInput[] = [];
    // The entity names of each story's alerts, from earlier batches and from this one: a pair is
    // already alerted when one alert of its story names both sides.
    const alerted = new Map<number, Set<string>[]>();
    const storyAlerts = async (storyId: number) => {
      let list = alerted.get(storyId);
      if (!list) {
        const rows = await db.alert.findMany({ where: { rule: LINK_RULE, storyId }, select: { entities: true } });
        list = rows.map((r) => new Set(JSON.parse(r.entities) as string[]));
        alerted.set(storyId, list);
      }
      return list;
    };
    for (const a of batch) {
      if (!a.evidence.length) continue;
      const earlier = a.storyId === null ? [] : await storyAlerts(a.storyId);
      const pairs = a.evidence.map((e) => e.link).filter((p) => !earlier.some((names) => names.has(p.balkan) && names.has(p.latam)));
      if (!pairs.length) continue;
      // A pair is new when this article holds its first evidence.
      const fresh = pairs.filter((p) => p.evidence[0]?.articleId === a.id);
      const names = [...new Set(pairs.flatMap((p) => [p.balkan, p.latam]))];
      earlier.push(new Set(names));
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
