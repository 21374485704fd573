// People named one after another after a plural nationality share it:
// "los ciudadanos albaneses Klodian Deda y Renato Muça", "državljani Srbije
// Marko Ilić i Petar Vuković", "two Albanian nationals, X and Y". A name in
// such a list is a person even where nothing else says so, and one with no
// side of its own takes the side of the list's head.
import type { Side } from './gazetteer.js';

interface Mention {
  type: string;
  text: string;
  start: number;
  end: number;
  side: Side;
}

/** A list's joint: a comma, or "and" in the text's languages, with or without a comma. */
const JOINT = /^(?:\s*,\s*|,?\s+(?:y|e|i|and|dhe|и)\s+)$/u;
/** Plural words for citizens, nationals or brothers, in the languages Ruta reads. */
const PLURAL_CUE =
  /(?:^|[^\p{L}])(?:ciudadanos|ciudadanas|nacionales|connacionales|hermanos|cidadãos|nationals|citizens|brothers|državljani|državljane|državljana|državljanima|braća|shtetasit|shtetasve|vëllezërit|државјани|државјаните|држављани|држављане|држављана|браћа)(?:[^\p{L}]|$)/iu;

/** Whether a nationality word is itself plural: "albaneses", "serbios", "Albanians", "shqiptarë". */
function pluralNationality(word: string, lang: string | undefined): boolean {
  if (lang === 'sq') return /ë$/u.test(word);
  if (lang === 'es' || lang === 'pt' || lang === 'en') return /[^éêáó]s$/u.test(word);
  return false;
}

/**
 * The side of the list that the name starting at `at` continues, if the text before it joins it
 * to a person whose list follows a plural nationality or citizenship; `people` in text order.
 */
export function listSideAt(text: string, people: Mention[], origins: Mention[], at: number, lang: string | undefined): Side | undefined {
  let h = people.length;
  while (h > 0 && people[h - 1]!.start >= at) h--;
  if (!h || !JOINT.test(text.slice(people[h - 1]!.end, at))) return undefined;
  h--;
  while (h > 0 && JOINT.test(text.slice(people[h - 1]!.end, people[h]!.start))) h--;
  const head = people[h]!;
  if (head.side === 'other') return undefined;
  // The nationality or country right before the head, in its sentence, with the head's side.
  let origin: Mention | undefined;
  for (const o of origins) if (o.end <= head.start && head.start - o.end <= 30 && o.side === head.side && !/[.!?\n]/.test(text.slice(o.end, head.start))) origin = o;
  if (!origin) return undefined;
  const around = text.slice(Math.max(0, origin.start - 25), head.start);
  return pluralNationality(origin.text, lang) || PLURAL_CUE.test(around) ? head.side : undefined;
}

/** Nationalities and countries with a side, the origins a list of people may follow. */
export function originsOf(mentions: Mention[]): Mention[] {
  return mentions.filter((m) => (m.type === 'nationality' || m.type === 'country') && m.side !== 'other').sort((a, b) => a.start - b.start);
}

/** Gives each person with no side of its own the side of the list it closes. */
export function coordinatedSides(text: string, mentions: Mention[], lang: string | undefined): void {
  const people = mentions.filter((m) => m.type === 'person').sort((a, b) => a.start - b.start);
  const origins = originsOf(mentions);
  for (let k = 1; k < people.length; k++) {
    const p = people[k]!;
    if (p.side !== 'other') continue;
    const side = listSideAt(text, people.slice(0, k), origins, p.start, lang);
    if (side) p.side = side;
  }
}
