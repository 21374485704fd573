// The alert rules, in the order they run.
import { linkPlaceRule } from './link-place.js';
import { pageChangedRule } from './page-changed.js';
import { newLinkRule } from './new-link.js';
import { seizureRule } from './seizure.js';
import { storyPersonRule } from './story-person.js';
import { storySpreadRule } from './story-spread.js';
import type { Rule } from './types.js';
import { watchlistHitRule } from './watchlist-hit.js';

export const RULES: Rule[] = [watchlistHitRule, newLinkRule, linkPlaceRule, seizureRule, storyPersonRule, storySpreadRule, pageChangedRule];
export const RULE_NAMES = RULES.map((r) => r.name);
