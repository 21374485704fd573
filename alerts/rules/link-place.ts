// Rule "link-new-place": a known Balkan–Latin America link reported with a
// port or country it was never reported with before (a new route). A place
// counts when it is named in a sentence that names one side of the link; the
// link's own two sides are not places. The article that first reports a link
// only records its places (the new-link alert covers it).
import { linkPlaces, type AlertInput, type ChangedArticle, type RuleStateWrite } from '../../storage/alerts-repo.js';
import { sentences } from '../../extractors/text-normalize.js';
import type { Rule } from './types.js';

export const LINK_PLACE_RULE = 'link-new-place';
const PLACE_TYPES = new Set(['port', 'country']);

type Mention = ChangedArticle['mentions'][number];

/** An article's sentences with the mentions inside each. */
const sentenceMentions = (a: ChangedArticle) => sentences(a.text).map((s) => ({ text: s.text.trim(), inside: a.mentions.filter((m) => m.start >= s.start && m.end <= s.end) }));

/** Port and country mentions in sentences that name a side of the link, each with its sentence. */
function placesNear(sents: { text: string; inside: Mention[] }[], balkan: string, latam: string) {
  const out: { m: Mention; sentence: string }[] = [];
  for (const s of sents) {
    const inside = s.inside;
    if (!inside.some((m) => m.canonical === balkan || m.canonical === latam)) continue;
    for (const m of inside) if (PLACE_TYPES.has(m.type) && m.canonical !== balkan && m.canonical !== latam) out.push({ m, sentence: s.text });
  }
  return out;
}

/** "Known link A – B reported in a new port: X", or "… in new places: X, Y". */
export function newPlaceReason(balkan: string, latam: string, places: { type: string; canonical: string }[]): string {
  const what = places.length > 1 ? 'new places' : `a new ${places[0]!.type}`;
  return `Known link ${balkan} – ${latam} reported in ${what}: ${places.map((m) => m.canonical).join(', ')}`;
}

export const linkPlaceRule: Rule = {
  name: LINK_PLACE_RULE,
  description: 'a known link is reported in a new country or port',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    const state: RuleStateWrite[] = [];
    const known = new Map<number, Set<number>>();
    for (const a of batch) {
      const sents = a.evidence.length ? sentenceMentions(a) : [];
      for (const ev of a.evidence) {
        if (ev.review === 'dismissed') continue; // analysts dismissed the pair: no place of it is news
        let places = known.get(ev.linkId);
        if (!places) {
          places = await linkPlaces(ctx.db, ev.linkId);
          known.set(ev.linkId, places);
        }
        const seen = new Set<number>();
        const near = placesNear(sents, ev.balkan, ev.latam).filter(({ m }) => !places.has(m.entityId) && !seen.has(m.entityId) && seen.add(m.entityId));
        if (!near.length) continue;
        const fresh = near.map((x) => x.m);
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
          reason: newPlaceReason(ev.balkan, ev.latam, fresh),
          evidence: near[0]!.sentence,
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
