// A clan's bare name, which alone may be a village or a neighbourhood ("u
// Škaljarima kod Kotora"), is the clan where it is joined to a criminal group
// the text names ("Kavač and Škaljari", "sukob Kavča i Škaljara", "the
// Škaljari and Kavač groups"), or to a word for a gang ("the Škaljari gang",
// "kriminalna grupa Škaljari", "la banda de Škaljari", "grupi kriminal Škaljari",
// "el clan montenegrino Škaljari").
import { Gazetteer, PLACE_TYPES, type GazetteerEntry, type GazetteerMatch } from './gazetteer.js';
import { SLAVIC_LANGS, fold, type Token } from './text-normalize.js';

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

/** Words for a gang, group or criminal organisation, as tokens' folded norms have them (Cyrillic as Latin). */
const GANG =
  /^(gangs?|groups?|clans?|cartels?|networks?|organi[sz]ations?|factions?|mob|crew|syndicate|banda|bandas|grupo|organizacion|faccion|cla|grupa|grupe|grupi|grupu|grupom|grupata|skupina|skupine|skupini|skupinu|skupinom|bande|bandi|bandu|bandom|bandata|organizacija|organizacije|organizaciji|organizaciju|organizacijom|organizata|organizates|grupit|grupin|bandes|banden|klan|klana|klanu|klani|klanit|kartel|kartela|clanes|clas|klanovi|klanova|klanovima|klanet|klanin|klaneve)$/;
/** Words for a clan's members before its bare name: "pripadnik Škaljara", "members of the Škaljari", "integrantes de Škaljari". */
const MEMBERS = /^(pripadni(k|ka|ku|kom|ci|cima)|clan(ovi|ova|ovima)|members?|miembros?|integrantes?|membros?|anetar(i|e|et|eve)?)$/;
const OF = /^(of|the|de|del|do|dos|da|e|te|i)$/;
/** English words that may follow a group's name, where a noun after it would make the name a place's ("the Zemun police"). */
const PHRASE_AFTER = /^(who|which|that|and|or|but|were|was|are|is|have|had|has|will|would|in|from|to|for|with|on|at|by|bought|sold|shipped|smuggled|sent|used|ran|controlled|moved|killed|allegedly|also|later)$/;
/** Words between a gang word and the name: "grupo criminal Kavač", "the Kavač crime group", "banda de Škaljari". */
const BETWEEN = /^(criminal|criminales|crime|drug|drugs|trafficking|mafia|organi[sz]ed|narco|delictiva|kriminal|kriminale|kriminalna|kriminalne|de|del|dos|da)$/;

/** A Slavic possessive adjective's endings, folded: "Šarićeva", "Belivukovi". */
const POSSESSIVE = /(?:ev|ov)(?:a|e|i|o|u|oj|om|og|ih|im|ima|oga|ome)?$/;

/**
 * Bare clan names next to a word for a gang, over at most two words between, as matches of their clans;
 * such a name may be a place's among `matches` (Zemun), which the clan then replaces.
 */
export function clansByGangWord(text: string, tokens: Token[], matches: GazetteerMatch[], gazetteer: Gazetteer, lang?: string | null): GazetteerMatch[] {
  const names = bare(gazetteer);
  const out: GazetteerMatch[] = [];
  // A nationality may stand between too: "el clan montenegrino Škaljari", "o clã montenegrino Škaljari".
  const nationality = new Set<number>();
  for (const m of matches) if (m.entry.type === 'nationality') for (let k = m.tokenStart; k < m.tokenEnd; k++) nationality.add(k);
  const gangAt = (from: number, step: 1 | -1) => {
    for (let k = from, n = 0; n <= 2 && k >= 0 && k < tokens.length; k += step, n++) {
      if (GANG.test(tokens[k]!.norm)) return true;
      if (!BETWEEN.test(tokens[k]!.norm) && !nationality.has(k)) return false;
    }
    return false;
  };
  /** A word for members right before token i, or over "of", "of the": "pripadnici Škaljara", "members of the Škaljari". */
  const membersBefore = (i: number) => {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (MEMBERS.test(tokens[k]!.norm)) return true;
      if (!OF.test(tokens[k]!.norm)) return false;
    }
    return false;
  };
  // English puts a place before a noun ("members of the Zemun city council", "of the Zemun police"): there the
  // name after a word for members is a group only where its phrase ends (a comma, a verb, "who", "in" …).
  const endsPhrase = (k: number) => {
    if (lang !== 'en' || !tokens[k]) return true;
    return /[^\s]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) || PHRASE_AFTER.test(tokens[k]!.norm);
  };
  for (let i = 0; i < tokens.length; i++) {
    // A Slavic possessive ("Šarićeva organizacija") is the person's.
    if (!/^\p{Lu}/u.test(tokens[i]!.text) || POSSESSIVE.test(tokens[i]!.norm)) continue;
    const m = names.matchAt(text, tokens, i, lang);
    // The name of a place alone ("the Zemun gang") gives way to the clan: the caller replaces it.
    if (!m || matches.some((x) => x.start < m.end && m.start < x.end && !(PLACE_TYPES.has(x.entry.type) && x.start === m.start && x.end === m.end))) continue;
    // In a Slavic language a word for a gang follows an adjective ("zemunski klan", an alias) or the name as
    // written ("Škaljari klan"), not a case form: "u Zemunu klan je imao stanove" names the place.
    const after = !(lang && SLAVIC_LANGS.has(lang)) || tokens[i]!.norm === fold(m.entry.aliases[0]!);
    if ((after && gangAt(m.tokenEnd, 1)) || gangAt(i - 1, -1) || (membersBefore(i) && endsPhrase(m.tokenEnd))) out.push(m);
  }
  return out;
}

/**
 * Bare clan names joined by "and" to a criminal group among `matches`, as matches of their clans; before a
 * group named with a word for a clan, such a name may be a place's among `matches`, which the clan then replaces.
 */
export function coordinatedClans(text: string, tokens: Token[], matches: GazetteerMatch[], gazetteer: Gazetteer, lang?: string | null): GazetteerMatch[] {
  const groups = matches.filter((m) => m.entry.type === 'criminal_group');
  if (!groups.length) return [];
  const names = bare(gazetteer);
  const out: GazetteerMatch[] = [];
  /** `shared`: the group's word for a clan is the bare name's too, and outranks a place of that name ("the Zemun and Škaljari clans", "zemunski i škaljarski klan"). */
  const tryAt = (i: number, group: GazetteerMatch, shared: boolean) => {
    const t = tokens[i];
    if (!t || !(/^\p{Lu}/u.test(t.text) || shared)) return;
    const m = names.matchAt(text, tokens, i, lang);
    const place = (x: GazetteerMatch) => shared && PLACE_TYPES.has(x.entry.type) && x.start === m!.start && x.end === m!.end;
    if (m && m.tokenEnd === i + 1 && m.entry.canonical !== group.entry.canonical && !matches.some((x) => x.start < m.end && m.start < x.end && !place(x))) out.push(m);
  };
  for (const g of groups) {
    const after = tokens[g.tokenEnd];
    if (after && AND.test(after.norm) && /^\s+$/.test(text.slice(g.end, after.start))) tryAt(g.tokenEnd + 1, g, false);
    const before = tokens[g.tokenStart - 1];
    const clanWord = GANG.test(tokens[g.tokenEnd - 1]!.norm) || GANG.test(tokens[g.tokenEnd]?.norm ?? '');
    if (before && AND.test(before.norm) && /^\s+$/.test(text.slice(before.end, g.start))) tryAt(g.tokenStart - 2, g, clanWord);
  }
  return out;
}
