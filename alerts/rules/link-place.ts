// Rule "link-new-place": a known Balkan–Latin America link reported with a
// port or country it was never reported with before (a new route). Places
// count when they are named in the link's evidence sentence; the link's own
// two sides are not places. The article that first reports a link only
// records its places (the new-link alert covers it).
import { linkPlaces, type AlertInput, type RuleStateWrite } from '../../storage/alerts-repo.js';
import { spanOf } from '../evidence.js';
import type { Rule } from './types.js';

export const LINK_PLACE_RULE = 'link-new-place';
const PLACE_TYPES = new Set(['port', 'country']);

export const linkPlaceRule: Rule = {
  name: LINK_PLACE_RULE,
  description: 'a known link is reported in a new country or port',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    const state: RuleStateWrite[] = [];
    const known = new Map<number, Set<number>>();
    for (const a of batch) {
      for (const ev of a.evidence) {
        let places = known.get(ev.linkId);
        if (!places) {
          places = await linkPlaces(ctx.db, ev.linkId);
          known.set(ev.linkId, places);
        }
        const span = spanOf(a.text, ev.sentence);
        const here = a.mentions.filter(
          (m) => PLACE_TYPES.has(m.type) && m.canonical !== ev.balkan && m.canonical !== ev.latam && (!span || (m.start >= span[0] && m.end <= span[1])),
        );
        const seen = new Set<number>();
        const fresh = here.filter((m) => !places.has(m.entityId) && !seen.has(m.entityId) && seen.add(m.entityId));
        if (!fresh.length) continue;
        for (const m of fresh) {
          places.add(m.entityId);
          state.push({ kind: 'link-place', linkId: ev.linkId, entityId: m.entityId, articleId: a.id });
        }
        if (ev.firstArticleId === a.id) continue;
        const names = fresh.map((m) => m.canonical);
        alerts.push({
          rule: LINK_PLACE_RULE,
          key: `${LINK_PLACE_RULE}:link:${ev.linkId}:places:${fresh.map((m) => m.entityId).sort((x, y) => x - y).join(',')}`,
          severity: fresh.some((m) => m.type === 'port') ? 'high' : 'medium',
          reason: `Known link ${ev.balkan} – ${ev.latam} reported in a new ${fresh.length > 1 ? 'places' : fresh[0]!.type}: ${names.join(', ')}`,
          evidence: ev.sentence,
          entities: [ev.balkan, ev.latam, ...names],
          articleId: a.id,
          storyId: a.storyId,
          linkId: ev.linkId,
        });
      }
    }
    return { alerts, state };
  },
};
