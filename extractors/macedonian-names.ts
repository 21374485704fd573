// People the Serbian–Croatian tagger finds in Macedonian text.
import { givenName } from './given-names.js';

/**
 * Macedonian is read through the Serbian–Croatian tagger, which has not seen its common words: a
 * capitalised "Меѓутоа" (however), "Според" (according to), "Главната" (the main one) or "Градот"
 * (the town) looks like a name to it. A person it finds in Macedonian has none of these words (the
 * definite forms -от, -иот, -ата, -ото, -ите are no name's ending), and a single word must be a
 * given name: a surname alone is found again from the full name (see "Later mentions" below).
 */
const MK_FUNCTION_WORDS = new Set(
  ['во', 'според', 'меѓутоа', 'исто', 'така', 'по', 'на', 'од', 'со', 'за', 'но', 'и', 'а', 'дека', 'кога', 'потоа', 'сепак', 'иако', 'додека',
    'овој', 'оваа', 'ова', 'овие', 'тој', 'таа', 'тие', 'еден', 'една', 'едно', 'сите', 'многу', 'при', 'кон', 'преку', 'без', 'меѓу', 'пред', 'после', 'до', 'кај'],
);
const MK_DEFINITE = /\p{L}{2}(?:от|иот|ата|ото|ите)$/u;
/** Place names open with these: Горно Броди, Ново Брдо, Северна Рајна-Вестфалија, Света Петка. */
const MK_PLACE_FIRST = /^(горн|долн|нов|стар|северн|јужн|западн|источн|свет)(о|а|и)?$/;
export function macedonianPerson(name: string): boolean {
  const words = name.split(/\s+/);
  if (MK_PLACE_FIRST.test(words[0]!.toLowerCase())) return false;
  if (words.some((w) => MK_FUNCTION_WORDS.has(w.toLowerCase()) || (MK_DEFINITE.test(w.toLowerCase()) && !givenName(w, 'mk')))) return false;
  return words.length > 1 || !!givenName(name, 'mk');
}
