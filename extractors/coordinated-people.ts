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

/**
 * A given name alone before "and" and a person's full name shares that person's surname: brothers and couples
 * are named so ("los hermanos Nikola y Marko Petrović", "brothers Nikola and Marko Petrović", "braća Ivan i Josip
 * Perić", "protiv Nikole i Marka Petrovića"). Returns the given name's span and its full name as written, which
 * the caller makes canonical; undefined when the word before "and" is no given name or ends another name.
 */
export function sharedSurnameBefore(
  text: string,
  person: { start: number; text: string },
  isGiven: (word: string) => boolean,
): { start: number; end: number; written: string } | undefined {
  const words = person.text.split(/\s+/u);
  if (words.length !== 2 || !isGiven(words[0]!)) return undefined;
  const m = /(^|[^\p{L}\p{M}.])(\p{Lu}[\p{Ll}\p{M}]+)(,?\s+(?:y|e|i|and|dhe|и)\s+)$/u.exec(text.slice(Math.max(0, person.start - 60), person.start));
  if (!m || !isGiven(m[2]!)) return undefined;
  const start = person.start - m[3]!.length - m[2]!.length;
  // Not the surname-less end of another name: "Marko Ilić i Petar Perić" ends "Ilić"; "Ana Marko i Josip Perić" is no pair.
  const before = text.slice(Math.max(0, start - 30), start);
  if (/\p{Lu}[\p{Ll}\p{M}]+\s+$/u.test(before) && !/(?:^|[.!?\n]\s*)\p{Lu}[\p{Ll}\p{M}]+\s+$/u.test(before)) return undefined;
  return { start, end: start + m[2]!.length, written: `${m[2]} ${words[1]}` };
}
