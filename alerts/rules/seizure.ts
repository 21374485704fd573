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
        const names = [...new Set([...(near.length ? near : sided)].sort((x, y) => rank(x.type) - rank(y.type)).map((m) => m.canonical))].slice(0, 6);
        const sides = [...new Set((near.length ? near : sided).map((m) => m.side))].sort();
        // The reason names the place once: "Seizure of 2.3 t cocaine in Guayaquil with … side: National Police of Ecuador".
        const others = names.some((n) => n !== z.place) ? names.filter((n) => n !== z.place) : names;
        alerts.push({
          rule: SEIZURE_RULE,
          key: `${SEIZURE_RULE}:${a.storyId === null ? `article:${a.id}` : `story:${a.storyId}`}:kg:${Math.round(z.kg)}`,
          severity: z.kg >= ctx.seizureKg * 10 ? 'critical' : 'high',
          reason: `Seizure of ${fmtKg(z.kg)} ${z.drug}${z.place ? ` in ${z.place}` : ''} with a ${sides.map((s) => (s === 'balkan' ? 'Balkan' : 'Latin American')).join(' and a ')} side: ${others.join(', ')}`,
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
