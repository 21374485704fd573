// Rule "link-story-person": a person named for the first time in a story that
// reports a Balkan–Latin America link (a new suspect, a new arrest). Every
// article's people are remembered per story; the story's first article only
// records them (its own alerts cover it).
import { isLinkStory, storyHasEarlier, storyPersons, type AlertInput, type RuleStateWrite } from '../../storage/alerts-repo.js';
import { sentenceAt } from '../evidence.js';
import type { Rule } from './types.js';

export const STORY_PERSON_RULE = 'link-story-person';

export const storyPersonRule: Rule = {
  name: STORY_PERSON_RULE,
  description: 'a new person is named in a link story',
  async evaluate(batch, ctx) {
    const alerts: AlertInput[] = [];
    const state: RuleStateWrite[] = [];
    const known = new Map<number, Set<number>>();
    for (const a of batch) {
      if (a.storyId === null) continue;
      const people = a.mentions.filter((m) => m.type === 'person');
      let seen = known.get(a.storyId);
      if (!seen) {
        seen = await storyPersons(ctx.db, a.storyId);
        known.set(a.storyId, seen);
      }
      const fresh: typeof people = [];
      for (const p of people) {
        if (seen.has(p.entityId)) continue;
        seen.add(p.entityId);
        fresh.push(p);
        state.push({ kind: 'story-person', storyId: a.storyId, entityId: p.entityId, articleId: a.id });
      }
      if (!fresh.length || !(await storyHasEarlier(ctx.db, a.storyId, a.seq, a.id)) || !(await isLinkStory(ctx.db, a.storyId))) continue;
      for (const p of fresh) {
        alerts.push({
          rule: STORY_PERSON_RULE,
          key: `${STORY_PERSON_RULE}:story:${a.storyId}:person:${p.entityId}`,
          severity: 'medium',
          reason: `New person in a Balkan–Latin America link story: ${p.canonical}`,
          evidence: sentenceAt(a.text, p.start),
          entities: [p.canonical],
          articleId: a.id,
          storyId: a.storyId,
        });
      }
    }
    return { alerts, state };
  },
};
