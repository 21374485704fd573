// Places that only lend their name to something else: a street ("Avenida Brasil",
// "Rruga e Durrësit", "Colombia Street"), a venue ("restoran „Buenos Aires“",
// "the Hotel Ecuador"), or a police operation ("akcija „Ekvador“", "Operation
// Colombia", "operación "Balcanes""). The place is not where anything happened:
// it gives no link and no side to a name beside it.
import { fold, OPEN_QUOTES } from './text-normalize.js';

/** Folded words that open a street's name ("calle Colombia", "ulica Bar", "Rruga e Durrësit"). */
const STREET = new Set([
  'avenida', 'av', 'avda', 'calle', 'carrera', 'jiron', 'jr', 'rua', 'alameda', 'boulevard', 'bulevar', 'bulevara', 'bulevaru', 'bul',
  'ulica', 'ulice', 'ulici', 'ulicu', 'ul', 'rruga', 'rruges', 'rrugen', 'bulevardi', 'bulevardit', 'ulicata', 'bulevarot',
]);
/** English street words after the name ("Colombia Street"). */
const STREET_AFTER = /^\s+(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Square)(?![\p{L}])/u;
/** Folded nouns of a police operation, in their case forms: "operación", "akciji", "aksionit", "акцијата". */
const OPERATION_WORDS = [
  'operation', 'operacion(?:i|in|it)?', 'operacao', 'operazione', 'operativo', 'operacij[aeiu]', 'operacijom', 'operacijata', 'akcij[aeiu]', 'akcijom',
  'akcijata', 'aksion(?:i|in|it)?',
];
/** A police operation's noun, folded: what follows it is the operation's name ("Operación Metástasis", "akcija Oqeani", "operacija Balkan"). */
export const OPERATION = new RegExp(`^(?:${OPERATION_WORDS.join('|')})$`);
/** Folded nouns of a named venue or operation, in their case forms. */
const THING = new RegExp(
  `^(?:${[
    ...OPERATION_WORDS,
    'restaurant', 'restaurante', 'restoran(?:a|u|om|i|in|it|ot)?', 'restorant(?:i|in|it)?', 'kafic(?:a|u|em)?', 'kafan[aeiu]', 'kafean(?:a|ata)', 'kafule(?:to)?',
    'kafene(?:ja|ne|se)?', 'cafe', 'cafeteria', 'hotel(?:a|u|om|i|in|it|ot)?', 'discoteca', 'diskotek(?:a|e|i|u|ata)', 'nightclub', 'lokal(?:a|u|om|i|in|it|ot)?',
    'klub(?:a|u|om|i|in|it|ot)?', 'club', 'bar(?:i|in|it)',
  ].join('|')})$`,
);
/** Folded words that say "called", so that no quotes are needed ("a café called Colombia", "pod kodnim nazivom Ekvador"). */
const CALLED = new Set([
  'nazvan', 'nazvana', 'nazvanoj', 'nazvanu', 'nazivom', 'imenom', 'called', 'named', 'codenamed', 'code-named', 'llamado', 'llamada',
  'denominado', 'denominada', 'bautizado', 'bautizada', 'chamada', 'chamado', 'quajtur',
]);
/** Folded words that may stand between that noun and a quoted name ("pod kodnim nazivom „Ekvador“", "code-named 'Colombia'"). */
const NAMING = new Set([
  ...CALLED, 'pod', 'kodnim', 'kodnog', 'naziva', 'code', 'codename', 'nombre', 'en', 'clave', 'me', 'emrin', 'te', 'so', 'kodno', 'ime', 'the', 'el',
  'la', 'del', 'de',
]);

/** Whether a word (as written) opens a street's name: "Ulica", "Avenida", "Rruga", "Улици". */
export function streetWord(word: string): boolean {
  return STREET.has(fold(word).replace(/\.$/, ''));
}

/** Whether the place mention at [start, end) names a street, a venue or an operation rather than the place. */
export function namesAThing(text: string, start: number, end: number): boolean {
  if (STREET_AFTER.test(text.slice(end, end + 12))) return true;
  let before = text.slice(Math.max(0, start - 60), start);
  // Quoted: the quote opens the thing's name ("„Buenos Aires“", "„Hotel Ecuador“"), after its noun.
  const quoted = OPEN_QUOTES.includes(before.slice(-1));
  if (quoted) before = before.slice(0, -1);
  const words = before.split(/[^\p{L}.-]+/u).filter(Boolean).map((w) => fold(w));
  if (!words.length) return false;
  const last = words[words.length - 1]!.replace(/\.$/, '');
  // A street's abbreviation ends with a full stop ("Av. Brasil"); any other full stop ends a sentence.
  if (/[.!?;:\n]\s*$/u.test(before) && !(words[words.length - 1]!.endsWith('.') && STREET.has(last))) return false;
  // Street words right before the name, quoted or not ("улица „Бразил“"), Albanian's linking "e" between ("Rruga e Durrësit").
  if (STREET.has(last) || (last === 'e' && STREET.has(words[words.length - 2] ?? ''))) return true;
  // A venue or operation noun right before, or before a few naming words and the quote.
  if (THING.test(last)) return quoted || /\s$/u.test(before);
  if (!quoted && !CALLED.has(last)) return false;
  for (let i = words.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    const w = words[i]!.replace(/\.$/, '');
    if (THING.test(w)) return true;
    if (!NAMING.has(w)) return false;
  }
  return false;
}

/**
 * Folded nouns of a place named after a person, before the name: "aeropuerto Jorge Chávez", "aerodrom
 * Nikola Tesla", "Aeropuerto Internacional José Joaquín de Olmedo", "estadio Monumental", "bolnica …".
 */
const VENUE = new RegExp(
  `^(?:${[
    'aeropuerto', 'aeroporto', 'aeroport(?:i|in|it)?', 'aerodrom(?:a|u|om|ot)?', 'airport', 'estadio', 'stadium', 'stadion(?:a|u|om|i|in|it|ot)?',
    'hospital', 'bolnic[aeiu]', 'bolnicom', 'universidad', 'universidade', 'university', 'univerzitet(?:a|u|om)?', 'sveucilist[aeu]', 'colegio', 'escuela',
    'puente', 'bridge', 'plaza', 'parque', 'barrio', 'ciudadela', 'penitenciaria', 'carcel', 'centro', 'museo', 'muzej(?:a|u|om)?', 'teatro',
  ].join('|')})$`,
);
/** Words between such a noun and the name: "Aeropuerto Internacional José Joaquín de Olmedo". */
const VENUE_BETWEEN = /^(?:internacional|international|int|nacional|national|de|del|la|el|the|of)$/;
/** English nouns of such a place after the name: "Nikola Tesla Airport", "Jorge Chávez International Airport". */
const VENUE_NOUN = String.raw`(?:(?:International|Internacional|National)\s+)?(?:Airport|Stadium|Hospital|University|Bridge|Park|Square)`;
/** The noun right after the name, or closing a name that took it in. */
const VENUE_AFTER = new RegExp(String.raw`^\s+${VENUE_NOUN}(?![\p{L}])`, 'u');
const VENUE_INSIDE = new RegExp(String.raw`\s${VENUE_NOUN}$`, 'u');

/** Whether a name at [start, end) names a place after a person ("aeropuerto Jorge Chávez", "Nikola Tesla Airport"), not the person. */
export function namesAVenue(text: string, start: number, end: number): boolean {
  if (VENUE_AFTER.test(text.slice(end, end + 40)) || VENUE_INSIDE.test(text.slice(start, end))) return true;
  // The words right before, joined by spaces alone: "El director del aeropuerto, Jorge Chávez" is a person.
  const before = /(?:\p{L}+\s+){1,3}$/u.exec(text.slice(Math.max(0, start - 60), start))?.[0] ?? '';
  for (const w of before.split(/\s+/u).filter(Boolean).map((x) => fold(x)).reverse()) {
    if (VENUE.test(w)) return true;
    if (!VENUE_BETWEEN.test(w)) return false;
  }
  return false;
}
