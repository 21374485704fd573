// Rule "seizure-threshold": a seizure at or above the threshold (alerts.seizureKg)
// in an article that names a Balkan or Latin American party or place. One alert
// per story and size, so the same seizure reported by ten outlets alerts once.
import type { AlertInput } from '../../storage/alerts-repo.js';
import { sentenceAt } from '../evidence.js';
import type { Rule } from './types.js';

export const SEIZURE_RULE = 'seizure-threshold';
const SIDES = new Set(['balkan', 'latam']);
/** Who and where first: parties, then places, then nationality words, then the agencies that made the seizure. */
const ORDER = ['person', 'criminal_group', 'port', 'city', 'country', 'vessel', 'company', 'nationality', 'organization'];
const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);

function fmtKg(kg: number): string {
  return kg >= 1000 ? `${(kg / 1000).toLocaleString('en', { maximumFractionDigits: 2 })} t` : `${kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg`;
}

/**
 * "Seizure of 2.3 t cocaine in Callao; Balkan side: Ardit Hoxholli, Albanian; Latin American side: Peru;
 * agencies: DIRANDRO": each side with its parties, the place named once (in a side's list only when it is
 * all that side has). The police, customs, prosecutors and courts that made or announced the seizure are
 * no side of the trade: they are named apart, and a side they alone would fill is left out.
 */
export function seizureReason(z: { kg: number; drug: string; place: string | null }, parties: { side: string; canonical: string; type?: string }[]): string {
  const agencies = [...new Set(parties.filter((m) => m.type === 'organization').map((m) => m.canonical))];
  const sides = ['balkan', 'latam'].flatMap((side) => {
    const all = [...new Set(parties.filter((m) => m.side === side && m.type !== 'organization').map((m) => m.canonical))];
    if (!all.length) return [];
    const named = all.some((n) => n !== z.place) ? all.filter((n) => n !== z.place) : all;
    return [`${side === 'balkan' ? 'Balkan' : 'Latin American'} side: ${named.slice(0, 4).join(', ')}`];
  });
  const by = agencies.length ? [`agencies: ${agencies.slice(0, 3).join(', ')}`] : [];
  return [`Seizure of ${fmtKg(z.kg)} ${z.drug}${z.place ? ` in ${z.place}` : ''}`, ...sides, ...by].join('; ');
}

export const seizureRule: Rule = {
  name: SEIZURE_RULE,
  description: 'a seizure at or above the threshold with a Balkan or Latin American side',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    for (const a of batch) {
      const sided = a.mentions.filter((m) => SIDES.has(m.side));
      if (!sided.length) continue;
      for (const z of a.seizures) {
        if (z.kg < ctx.seizureKg) continue;
        const sentence = sentenceAt(a.text, z.start);
        // Prefer the parties and places named in the seizure's own sentence.
        const near = sided.filter((m) => sentence.includes(m.text));
        // By kind, in text order within a kind (the sort is stable).
        const parties = [...(near.length ? near : sided)].sort((x, y) => rank(x.type) - rank(y.type));
        const names = [...new Set(parties.map((m) => m.canonical))].slice(0, 6);
        alerts.push({
          rule: SEIZURE_RULE,
          key: `${SEIZURE_RULE}:${a.storyId === null ? `article:${a.id}` : `story:${a.storyId}`}:kg:${Math.round(z.kg)}`,
          severity: z.kg >= ctx.seizureKg * 10 ? 'critical' : 'high',
          reason: seizureReason(z, parties),
          evidence: sentence,
          entities: names,
          articleId: a.id,
          storyId: a.storyId,
        });
      }
    }
    return { alerts, state: [] };
  },
};
