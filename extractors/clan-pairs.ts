// "Kavač and Škaljari", "sukob Kavča i Škaljara", "the Škaljari and Kavač
// groups": a clan's bare name, which alone may be a village or a
// neighbourhood ("u Škaljarima kod Kotora"), is the clan where it is joined
// to a criminal group the text names.
import { Gazetteer, type GazetteerEntry, type GazetteerMatch } from './gazetteer.js';
import type { Token } from './text-normalize.js';

/** "and", as tokens' folded norms have it (Cyrillic и is i). */
const AND = /^(i|y|e|and|dhe)$/;
/** Words for "clan" that a group's canonical name ends with. */
const CLAN = / clan$/;

const bareNames = new WeakMap<Gazetteer, Gazetteer>();

/** The clans by their bare names: "Škaljari clan" as Škaljari (case endings as the gazetteer reads them). */
function bare(gazetteer: Gazetteer): Gazetteer {
  let g = bareNames.get(gazetteer);
  if (!g) {
    const entries: GazetteerEntry[] = gazetteer.entries
      .filter((e) => e.type === 'criminal_group' && CLAN.test(e.canonical))
      .map((e) => ({ ...e, aliases: [e.canonical.replace(CLAN, '')] }));
    bareNames.set(gazetteer, (g = new Gazetteer(entries)));
  }
  return g;
}

/** Bare clan names joined by "and" to a criminal group among `matches`, as matches of their clans. */
export function coordinatedClans(text: string, tokens: Token[], matches: GazetteerMatch[], gazetteer: Gazetteer, lang?: string | null): GazetteerMatch[] {
  const groups = matches.filter((m) => m.entry.type === 'criminal_group');
  if (!groups.length) return [];
  const names = bare(gazetteer);
  const out: GazetteerMatch[] = [];
  const tryAt = (i: number, group: GazetteerMatch) => {
    const t = tokens[i];
    if (!t || !/^\p{Lu}/u.test(t.text)) return;
    const m = names.matchAt(text, tokens, i, lang);
    if (m && m.tokenEnd === i + 1 && m.entry.canonical !== group.entry.canonical && !matches.some((x) => x.start < m.end && m.start < x.end)) out.push(m);
  };
  for (const g of groups) {
    const after = tokens[g.tokenEnd];
    if (after && AND.test(after.norm) && /^\s+$/.test(text.slice(g.end, after.start))) tryAt(g.tokenEnd + 1, g);
    const before = tokens[g.tokenStart - 1];
    if (before && AND.test(before.norm) && /^\s+$/.test(text.slice(before.end, g.start))) tryAt(g.tokenStart - 2, g);
  }
  return out;
}
