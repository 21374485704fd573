// People in a text: names the tagger finds, in their dictionary form
// ("Stefana Pavlovića" → "Stefan Pavlović", "Трајковски" → "Trajkovski"), one
// person per document however the text refers to them later (surname alone,
// nickname after "alias", "zvani", "conocido como", "i njohur si", "познат како").
import { cyrToLat, fold } from './text-normalize.js';
import { albanianGivenName, givenName, hispanicGivenName } from './given-names.js';
import { usualCasing } from './ner/names.js';
import { possessiveEnding } from './name-spans.js';
import type { Side } from './gazetteer.js';

const SLAVIC = new Set(['sr', 'hr', 'bs', 'cnr', 'mk', 'sh']);

/** Serbian and Macedonian Cyrillic letters as Albanian spells the sounds: Бериша → Berisha, Хоџа → Hoxha, Красниќи → Krasniqi. */
const ALBANIAN_LETTERS: Record<string, string> = { ш: 'sh', Ш: 'Sh', ж: 'zh', Ж: 'Zh', ч: 'ç', Ч: 'Ç', ћ: 'q', Ћ: 'Q', ќ: 'q', Ќ: 'Q', ђ: 'gj', Ђ: 'Gj', ѓ: 'gj', Ѓ: 'Gj', џ: 'xh', Џ: 'Xh', ѕ: 'x', Ѕ: 'X' };

/**
 * A Cyrillic name in Latin script; an Albanian's (his given name says so: "Агим Бериша") as Albanian
 * spells it, Agim Berisha, not Agim Beriša.
 */
export function nameToLatinFor(name: string): string {
  if (!/[\u0400-\u04ff]/u.test(name)) return nameToLatin(name);
  const first = nameToLatin(name).split(' ')[0] ?? '';
  if (!albanianGivenName(first)) return nameToLatin(name);
  return nameToLatin(name.replace(/[шШжЖчЧћЋќЌђЂѓЃџЏѕЅ]/gu, (c) => ALBANIAN_LETTERS[c]!));
}

/** Macedonian ќ and ѓ in Macedonia's romanisation (Ѓорѓиевски → Gjorgjievski, Ќосев → Kjosev), and as the Serbian letters. */
const MACEDONIAN_LETTERS: Record<string, string> = { ќ: 'kj', Ќ: 'Kj', ѓ: 'gj', Ѓ: 'Gj' };
const AS_SERBIAN: Record<string, string> = { ќ: 'ћ', Ќ: 'Ћ', ѓ: 'ђ', Ѓ: 'Ђ' };

/**
 * Latin script for a person's name. Macedonian ќ and ѓ are as in Serbian names where the name is one
 * (a surname in -иќ: Бојовиќ → Bojović, Ѓорѓе Симиќ → Đorđe Simić), else as Macedonia romanises them
 * (Кире Ѓорѓиевски → Kire Gjorgjievski, as English and Albanian reports write him).
 */
export function nameToLatin(name: string): string {
  const letters = /иќ(?![\p{L}\p{M}])/iu.test(name) ? AS_SERBIAN : MACEDONIAN_LETTERS;
  return cyrToLat(name.replace(/[ќЌѓЃ]/g, (c) => letters[c]!))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Surname in an oblique case → its nominative and the case ending, or undefined when it already is one. */
function surnameNominative(w: string): { nom: string; ending: string } | undefined {
  let m = /^(.*(?:ović|ević|ić|vić))(a|u|em|om|e|i)$/u.exec(w);
  if (m) return { nom: m[1]!, ending: m[2]! };
  m = /^(.*(?:sk|ck|šk|čk))(og|oga|om|omu|im|oj)$/u.exec(w);
  if (m) return { nom: `${m[1]}i`, ending: m[2] === 'og' || m[2] === 'oga' ? 'a' : m[2] === 'om' || m[2] === 'im' ? 'om' : 'u' };
  return undefined;
}

/** Whether a word is a given name in its dictionary form (Martin, whatever the Spanish list's Martín). */
function isGivenName(w: string): boolean {
  const g = givenName(w);
  return !!g && fold(g) === fold(w);
}

/** A masculine first name in the case its surname was in. */
function givenNominative(w: string, surnameEnding: string): string {
  if (w.length < 4) return w;
  if (surnameEnding === 'a' && w.endsWith('a')) {
    const stem = w.slice(0, -1);
    if (/[^aeiou]k$/u.test(stem)) return `${stem}o`; // Marka → Marko, Janka → Janko, Željka → Željko
    if (/đ$/u.test(stem)) return `${stem}e`; // Đorđa → Đorđe
    if (/[aeiou]$/u.test(stem)) return w;
    return manOfStem(stem);
  }
  if (surnameEnding === 'a' && w.endsWith('e')) return `${w.slice(0, -1)}a`; // Nikole → Nikola, Luke → Luka
  if (/^(u|em|om)$/.test(surnameEnding)) {
    // The instrumental's -om and -em go by the stem's last sound, not the surname's: Markom Petrovićem.
    const m = new RegExp(`^(.*[^aeiou])${surnameEnding === 'u' ? 'u' : '(?:om|em)'}$`, 'u').exec(w);
    if (m && /[^aeiou]k$/u.test(m[1]!)) return `${m[1]}o`; // Marku, Markom → Marko (as Marka), not Mark
    if (m) return manOfStem(m[1]!);
    if (surnameEnding === 'u' && w.endsWith('u')) return `${w.slice(0, -1)}a`; // Nikolu → Nikola
  }
  return w;
}

/** A man's given name from the stem its case ending left: Stefan(a), Pabl(a) → Pablo, Marij(u) → Mario, Vasilij(em) → Vasilije, Radoj(a) → Radoje where the lexicon has it. */
function manOfStem(stem: string): string {
  if (/ij$/u.test(stem)) return isGivenName(`${stem}e`) ? `${stem}e` : `${stem.slice(0, -1)}o`;
  // Radoj(a) → Radoje, Miloj(a) → Miloje; Andrej and the Macedonian Blagoj are names as they stand.
  if (/j$/u.test(stem) && !isGivenName(stem) && isGivenName(`${stem}e`)) return `${stem}e`;
  return !isGivenName(stem) && isGivenName(`${stem}o`) ? `${stem}o` : stem;
}

/** A name's word set in capitals, as Balkan papers set surnames ("Vuk RADONJIĆ"): Radonjić. Initials, two-letter words and Roman numerals (Benedicto XVI) stay. */
const unshout = (w: string) => (/^\p{Lu}{3,}$/u.test(w) && !/^[IVXLCDM]+$/.test(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w);

/** Albanian letters for Slavic sounds, as Albanian writes a Slavic surname. */
const ALBANIAN_TO_SLAVIC: [RegExp, string][] = [
  [/Xh/g, 'Dž'], [/xh/g, 'dž'], [/Zh/g, 'Ž'], [/zh/g, 'ž'], [/Sh/g, 'Š'], [/sh/g, 'š'], [/Gj/g, 'Đ'], [/gj/g, 'đ'], [/Q/g, 'Ć'], [/q/g, 'ć'], [/Ç/g, 'Č'], [/ç/g, 'č'], [/ë/g, 'e'],
];
/** Albanian spelling in Slavic letters: Shariq → Šarić, Berisha → Beriša. */
const slavicLetters = (w: string) => ALBANIAN_TO_SLAVIC.reduce((s, [re, to]) => s.replace(re, to), w);
/** A Slavic surname in Albanian spelling, in its own: Radonjiq → Radonjić, Shariq → Šarić, Gjukanoviq → Đukanović, Vukoviç → Vuković. */
function slavicSurname(w: string): string {
  // Not a definite form in -iqi: Krasniqi is an Albanian name.
  if (/\p{L}{2}iq$/u.test(w)) return slavicLetters(w);
  // The final ć written ç, as some Albanian papers do: Vukoviç, Vuçiç.
  return /\p{L}{2}iç$/u.test(w) ? `${slavicLetters(w.slice(0, -1))}ć` : w;
}
/** A folded name as Serbian spells it, folded: berisha → berisa, hoxha → hodza. */
const slavicSpelling = (folded: string) => fold(slavicLetters(folded));

/** Endings of Macedonian (and Serbian) surnames, and a surname with a word joined to it by a hyphen. */
const MK_SURNAME_ENDINGS = '(?:ski|ska|ov|ova|ev|eva|in|ina|ić)';
const MK_SURNAME_END = new RegExp(`${MK_SURNAME_ENDINGS}$`, 'u');
const MK_SURNAME_NICKNAME = new RegExp(String.raw`^(.+ \p{L}+${MK_SURNAME_ENDINGS})-(\p{Lu}\p{Ll}+)$`, 'u');

/** A person's canonical name: Latin script, nominative case for Slavic names. `before` is the text before the name, whose words may say the person is a man ("protiv 45-godišnjeg Splićanina Ivana M."). */
export function personCanonical(name: string, lang?: string, before = ''): string {
  const latin = nameToLatinFor(name).replace(/^["'“”„«»‚‘’]+|["'“”„«»‚‘’]+$/g, '').split(' ').map(unshout).join(' ');
  if (lang === 'sq') {
    const parts = albanianNominative(latin).split(' ');
    return [...parts.slice(0, -1), slavicSurname(parts[parts.length - 1]!)].join(' ');
  }
  if (!lang || !SLAVIC.has(lang)) return latin;
  // Macedonian papers join a nickname to the surname: "Горан Трајковски-Гоце" is Goran Trajkovski. (A second
  // surname is a surname: "Ана Петровска-Николовска".)
  if (lang === 'mk') {
    const nick = MK_SURNAME_NICKNAME.exec(latin);
    if (nick && !MK_SURNAME_END.test(nick[2]!)) return nick[1]!;
  }
  const parts = latin.split(' ');
  // One word, the possessive of an -ić surname: "Tadićeva majka", "Stanišićeva obrana" → Tadić, Stanišić.
  const possessive = parts.length === 1 ? /^(\p{Lu}\p{L}*ić)(ev\p{Ll}*)$/u.exec(latin) : null;
  if (possessive && possessiveEnding(possessive[2]!)) return possessive[1]!;
  const initialed = initialedMan(parts, before);
  if (initialed) return initialed;
  const declined = surnameNominative(parts[parts.length - 1]!) ?? declinedWithGivenName(parts);
  if (!declined) return feminineNominative(parts) ?? latin;
  const given = (p: string, k: number) => (k === 0 && 'given' in declined ? declined.given : knownGiven(givenNominative(p, declined.ending), p));
  return [...parts.slice(0, -1).map(given), declined.nom].join(' ');
}

/**
 * The cases a declined given name can be in, each with the surname endings that agree with it: a
 * man's name of the consonant type (Zoran, Pablo, Đorđe) declines -a, -u, -om; a name in -a (Nikola,
 * Matija, Ana) -e, -u, -i, -om. So does a surname: Kovač, Kovača, Kovaču, Kovačem; Tesla, Tesle,
 * Teslu, Tesli, Teslom.
 */
const AGREEING: { given: 'consonant' | 'a'; ending: string; surname: string[]; surnameA: string[] }[] = [
  { given: 'consonant', ending: 'a', surname: ['a'], surnameA: ['e', 'u'] }, // genitive, accusative
  { given: 'consonant', ending: 'u', surname: ['u'], surnameA: ['i'] }, // dative, locative
  { given: 'consonant', ending: 'om', surname: ['om', 'em'], surnameA: ['om'] },
  { given: 'consonant', ending: 'em', surname: ['om', 'em'], surnameA: ['om'] },
  { given: 'a', ending: 'e', surname: ['a'], surnameA: ['e'] }, // genitive
  { given: 'a', ending: 'u', surname: ['a'], surnameA: ['u'] }, // accusative
  { given: 'a', ending: 'i', surname: ['u'], surnameA: ['i'] }, // dative, locative
  { given: 'a', ending: 'om', surname: ['om', 'em'], surnameA: ['om'] },
];

/**
 * Any other surname in an oblique case, when the given name before it is in a case that agrees:
 * "Zorana Kovača" → Zoran Kovač, "Damirom Horvatom" → Damir Horvat, "Ivana Marinca" → Ivan Marinac,
 * "Pabla Escobara" → Pablo Escobar, "Matiju Ferlina" → Matija Ferlin, "Nikole Tesle" → Nikola Tesla.
 * A woman's surname in a consonant does not decline ("Zorana Kovač"), so the given name alone is not
 * enough. Returns the surname's nominative and the given name's.
 */
function declinedWithGivenName(parts: string[]): { nom: string; ending: string; given: string } | undefined {
  if (parts.length < 2) return undefined;
  const surname = parts[parts.length - 1]!;
  const first = parts[0]!;
  // "Marija Kamera" may be a woman of that name: Mario only beside an -ić surname (surnameNominative).
  if (/ija$/u.test(first)) return undefined;
  for (const c of AGREEING) {
    if (!first.endsWith(c.ending) || first.length - c.ending.length < 2) continue;
    const stem = first.slice(0, -c.ending.length);
    const given = c.given === 'a' ? `${stem}a` : givenNominative(first, c.ending);
    if (given === first || !isGivenName(given) || (c.given === 'consonant' && given.endsWith('a'))) continue;
    // A foreign surname keeps its silent e or its y: Cruisea, Barryja → Cruise, Barry.
    const foreign = c.given === 'consonant' ? /^(\p{Lu}\p{Ll}*(?:e|[yi](?=j)))j?(a|u|om|em)$/u.exec(surname) : null;
    if (foreign && c.surname.includes(foreign[2]!)) return { nom: foreign[1]!, ending: foreign[2]!, given };
    const m = /^(\p{Lu}\p{Ll}*[^aeiouj])(a|u|i|e|om|em)$/u.exec(surname);
    if (!m) continue;
    // "Mariju Šarapovu" is Marija Šarapova's accusative, not a Mario Šarapov's dative: a surname in -ov,
    // -ev in -a is a woman's (Russian, Bulgarian, Macedonian), and the given name may be hers too.
    const hers = c.given === 'consonant' && m[2] === 'u' && /(ov|ev)$/u.test(m[1]!) && isGivenName(`${first.slice(0, -1)}a`);
    if (c.surname.includes(m[2]!) && !hers) {
      // Slavic fleeting a: Marinca → Marinac, Bogdanca → Bogdanac.
      const nom = /[^aeiou]c$/u.test(m[1]!) ? `${m[1]!.slice(0, -1)}ac` : m[1]!;
      return { nom, ending: m[2]!, given };
    }
    // A surname in -a: only in a case no consonant surname has (-e, -i), or beside a name in -a.
    if (c.surnameA.includes(m[2]!) && (c.given === 'a' || /^(e|i)$/u.test(m[2]!))) return { nom: `${m[1]}a`, ending: m[2]!, given };
  }
  return undefined;
}

/**
 * A woman's name in an oblique case: her surname does not decline, her given name does ("Ane
 * Brnabić", "Jadranki Kosor", "Milicom Đurić" → Ana Brnabić, Jadranka Kosor, Milica Đurić). Only a
 * given name the lexicon knows in -a counts, and not one that is itself a name ("Ante", "Mile").
 */
function feminineNominative(parts: string[]): string | undefined {
  const surname = parts[parts.length - 1]!;
  // A surname in -om/-em is a man's in the instrumental ("Mustafom Kemalom Ataturkom").
  if (parts.length < 2 || !/[^aeiou]$/u.test(surname) || /(om|em)$/u.test(surname)) return undefined;
  const first = parts[0]!;
  if (isGivenName(first)) return undefined;
  const m = /^(\p{Lu}\p{Ll}+)(e|i|u|om|oj)$/u.exec(first);
  if (!m) return undefined;
  const nom = `${m[1]}a`;
  return isGivenName(nom) ? [nom, ...parts.slice(1)].join(' ') : undefined;
}

/**
 * A man named by given name and initial, as Balkan police reports name suspects, in an oblique
 * case: "Stefana M.", "Miloša K.", "Aleksandru S." → Stefan M., Miloš K., Aleksandar S. The initial
 * does not decline, so where the form is also a woman's ("Ivana M.", "Draganu M.") only the words
 * before it decide: a preposition before a form in -a ("protiv Ivana M."; hers would be "Ivane"), or a
 * masculine word in agreement ("45-godišnjeg", "Splićanina", "osumnjičenom").
 */
function initialedMan(parts: string[], before: string): string | undefined {
  if (parts.length !== 2 || !/^\p{Lu}\.$/u.test(parts[1]!)) return undefined;
  const first = parts[0]!;
  const ending = /(om|em|a|u)$/u.exec(first)?.[1];
  if (!ending || first.length < 4) return undefined;
  const byRule = givenNominative(first, ending);
  // By rule (Stefana → Stefan, Aleksandru → Aleksandar), or as the lexicon has it (Antu → Ante).
  const man = [byRule, byRule.replace(/([^aeiou])r$/u, '$1ar'), givenName(first) ?? ''].find((c) => c !== first && /(?:[^aeiou]|o|e)$/u.test(c) && isGivenName(c));
  if (!man) return undefined;
  const hers = isGivenName(first) || !!feminineNominative(parts);
  return !hers || masculineBefore(before, ending) ? `${man} ${parts[1]}` : undefined;
}

/** Prepositions (folded, Latin) that a Slavic name in -a follows only as a man's: a woman's would be in -e, -u, -i or -om. */
const PREPOSITIONS = new Set(['protiv', 'od', 'do', 'iz', 'kod', 'bez', 'zbog', 'kraj', 'pored', 'osim', 'umjesto', 'umesto', 'nakon', 'posle', 'poslije', 'tijekom', 'tokom', 'za', 'na', 'kroz', 'uz', 'niz', 'pred', 'nad', 'pod', 'oko', 'preko', 'blizu', 'ispred', 'iza']);

/** Verbs of arrest and charge (folded, Latin) whose object a name in -a is ("Policija je uhitila Ivana M."); not their passive participles ("uhićena", "pritvoren"), which agree with a subject. */
const ARREST_VERB = /^(?:uhit|uhaps|haps|privel|priveo|privod|pritvor|osudi|optuz|lisil|zadrz|teret|izruc|ispit|saslus|identifik)/u;

/** Whether the word before a name agrees with a man in the case the name's ending gives. */
function masculineBefore(before: string, ending: string): boolean {
  // Past the country a citizen is of: "državljanina Bosne i Hercegovine Edina K.", "državljanina Crne Gore Ivana M.".
  const citizen = /(\p{L}+)\s+(?:\p{Lu}\p{Ll}+\s+(?:[iи]\s+)?){1,3}$/u.exec(before)?.[1];
  const word = fold(citizen && /^drzavljan/u.test(fold(citizen)) ? citizen : (/(\p{L}[\p{L}\p{N}-]*)[\s,]*$/u.exec(before)?.[1] ?? ''));
  if (!word) return false;
  if (ending === 'a') return PREPOSITIONS.has(word) || /(?:og|oga|eg|ega)$/u.test(word) || /anina$/u.test(word) || (ARREST_VERB.test(word) && !/[ae]n[aoi]?$/u.test(word));
  if (ending === 'u') return /(?:om|omu|em|emu)$/u.test(word);
  return /im$/u.test(word) && word.length > 3; // instrumental: "osumnjičenim Ivanom" (hers: "osumnjičenom Ivanom")
}

/** A given name the rules brought back to a form the lexicon knows, or the lexicon's own form of it ("Antu" → Ante). */
function knownGiven(byRule: string, asWritten: string): string {
  if (isGivenName(byRule)) return byRule;
  // A woman's name as written ("Vlatka", "Branka") is a man's genitive (Vlatko, Branko) when the surname declines with it.
  if (/[^aeiou]ko$/u.test(byRule) && isGivenName(asWritten)) return byRule;
  return givenName(asWritten) ?? byRule;
}

/**
 * Albanian names in their indefinite nominative: Ilir Hasanin, Hasanit → Hasani;
 * Klodian Metës → Meta; Mullajt → Mullaj; Shehun → Shehu.
 */
function albanianNominative(name: string): string {
  const parts = name.split(' ');
  return parts
    .map((p, k) => {
      if (k < parts.length - 1) return givenName(p) ?? p;
      let m = /^(.*[iu])[nt]$/u.exec(p);
      if (m && m[1]!.length >= 3) return m[1]!;
      m = /^(.*)[ëe][sn]$/u.exec(p);
      if (m && m[1]!.length >= 2 && !/[aeiouy]$/u.test(m[1]!)) return `${m[1]}a`;
      m = /^(.*j)[tn]$/u.exec(p);
      if (m) return m[1]!;
      return p;
    })
    .join(' ');
}

/** Surnames that only the Western Balkans have: Slavic -ić, -ski, -cki; Albanian -aj, -qi, -xhi. (-ri, -ni, -li … are Italian and Arabic too.) */
export function strongBalkanSurname(canonical: string): boolean {
  return /(ić|ski|ska|cki|aj|qi|xhi)$/u.test(canonical.split(' ').pop() ?? '');
}

/** Surnames typical of the Western Balkans (Slavic -ić, -ski; Albanian -aj, -qi, -ri, -mi). */
export function balkanSurname(canonical: string): boolean {
  const last = canonical.split(' ').pop() ?? '';
  return /(ić|vić|ski|ska|cki|aj|qi|ri|mi|hi|zi|ku|ni|xhi|li)$/u.test(last) && !/(ez|es|os|as|is|us)$/u.test(last);
}

export interface PersonLike {
  type: string;
  text: string;
  canonical: string;
  side: Side;
  /** Where the mention starts in the text (UTF-16 offset). */
  start?: number;
}

const diacritics = (s: string) => s.match(/[^\x00-\x7f]/gu)?.length ?? 0;

/**
 * One person per document: a mention that is only a surname (or a shorter form)
 * takes the canonical name and side of the full name it abbreviates.
 */
export function resolvePeople<T extends PersonLike>(mentions: T[], lang?: string): void {
  const people = mentions.filter((m) => m.type === 'person');
  // One person written with and without diacritics ("Adriana Leon", "Adriana León"; "Darko Saric",
  // "Darko Šarić") is one, named by the form with the most of them. (Names in capitals are already
  // in title case: personCanonical.)
  const byFolded = new Map<string, string>();
  for (const m of people) {
    const had = byFolded.get(fold(m.canonical));
    if (!had || diacritics(m.canonical) > diacritics(had)) byFolded.set(fold(m.canonical), m.canonical);
  }
  for (const m of people) m.canonical = byFolded.get(fold(m.canonical))!;
  // "Adolfo Macías" after "Adolfo Macías Villamar": a Spanish name named in full first, then
  // without its second surname, is one person. Only a Hispanic given name, a first and a second
  // surname, and a second surname that is no lowercase word ("Jesús María Por" is no name).
  // (A Latin American's given name may be from anywhere: "the Ecuadorian Washington Prado Álava".)
  const hispanic = [...new Set(people.filter((m) => m.side === 'latam' || hispanicGivenName(m.canonical.split(' ')[0]!)).map((m) => m.canonical))].filter((n) => {
    const w = n.split(' ');
    return w.length === 3 && /^\p{Lu}\p{Ll}{2,}/u.test(w[2]!) && usualCasing(w[2]!, lang) !== 'L';
  });
  for (const m of people) {
    if (m.canonical.split(' ').length !== 2) continue;
    const longer = hispanic.filter((n) => fold(n).startsWith(`${fold(m.canonical)} `));
    if (longer.length === 1 && people.some((p) => p.canonical === longer[0] && (p.start ?? 0) < (m.start ?? 0))) m.canonical = longer[0]!;
  }
  // In the order of the text: of two people with one surname, the surname alone names the one named first, the
  // story's subject ("Ervin Meta … Meta … his brother Klodian Meta"; "Armando Manzanero … his son Diego Manzanero … a concert of Manzanero").
  const full = people.filter((m) => m.canonical.includes(' ')).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  /** The one Spanish name of the text whose first surname this is. */
  const firstSurnameOf = (key: string) => {
    const names = hispanic.filter((n) => fold(n.split(' ')[1]!) === key);
    return names.length === 1 ? full.find((f) => f.canonical === names[0]) : undefined;
  };
  for (const m of people) {
    if (m.canonical.includes(' ')) continue;
    const key = fold(m.canonical);
    const nominative = personCanonical(`X ${m.canonical}`, lang).split(' ').pop() ?? m.canonical;
    const lemma = fold(nominative);
    // By the surname, or by a Spanish name's first surname: "Prado" after "Washington Prado Álava".
    // An Albanian's surname spelt as Albanian writes it in the full name and as Serbian transliterates it
    // alone ("Sali Berisha", "Бериша" → Beriša) is his.
    const asSlavic = slavicSpelling(key);
    const target =
      full.find((f) => {
        const last = fold(f.canonical.split(' ').pop() ?? '');
        return last === key || last === lemma || slavicSpelling(last) === asSlavic;
      }) ?? firstSurnameOf(key);
    if (target) {
      m.canonical = target.canonical;
      if (m.side === 'other') m.side = target.side;
    } else if (lemma !== key) m.canonical = nominative.charAt(0).toUpperCase() + nominative.slice(1);
  }
  // "Luka Ć." with "Luka Ćetković" elsewhere in the text: the initial stands for that surname.
  for (const m of people) {
    const abbr = /^(.+) (\p{Lu})\.$/u.exec(m.canonical);
    if (!abbr) continue;
    const target = full.find((f) => f !== m && f.canonical.startsWith(`${abbr[1]} ${abbr[2]}`) && !f.canonical.endsWith('.'));
    if (target) m.canonical = target.canonical;
  }
  // A full name seen with a side lends it to its other mentions.
  for (const m of people) {
    if (m.side !== 'other') continue;
    const same = people.find((o) => o.canonical === m.canonical && o.side !== 'other');
    if (same) m.side = same.side;
  }
}
