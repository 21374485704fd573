// Where and when a seizure happened, where its sentence says so: the place is
// the port, city or country named nearest the quantity in its sentence, and not
// on the route ("a container from Guayaquil"); the date is the one written nearest it, as
// far as the sentence gives it: "2024-03-14", "2024-03" or "2024". A day and month without
// a year ("el 3 de mayo", "5. marta") take the year that puts them on or before the
// article's date, when it is known. A month or weekday alone ("in March", "on Monday")
// gives no date: "said on Monday" dates the statement more often than the seizure.
import type { EntityMention } from './entities.js';
import type { SeizureMention } from './seizures.js';
import { fold, sentences } from './text-normalize.js';
import { monthOf } from './dates.js';
import { arrestBefore, courtBefore, foundContext } from './context-words.js';

const PLACE_RANK: Record<string, number> = { port: 0, city: 1, country: 2 };
/**
 * Words before a place that make it the route's, not the seizure's: "a container from Guayaquil",
 * "bound for Antwerp", "con destino al puerto de Amberes", "iz Ekvadora", "nga Ekuadori", "preko Kopra".
 */
const ROUTE = new Set(
  ['from', 'to', 'for', 'bound', 'destined', 'towards', 'via', 'through', 'desde', 'hacia', 'hasta', 'destino', 'rumbo', 'procedente', 'procedentes', 'proveniente', 'provenientes', 'origen', 'iz', 'do', 'za', 'prema', 'preko', 'kroz', 'namijenjen', 'namenjen', 'nga', 'drejt', 'per', 'deri', 'od', 'kon', 'preku', 'para', 'rumo'],
);

/** Words that put a place where something happened, folded: "in Peru", "en Guayaquil", "u Pločama", "у Бару", "në Durrës", "во Перу". */
const AT = new Set(['in', 'at', 'en', 'em', 'u', 'ne', 'vo']);
/** Words of carrying before a quantity, folded: "with", "sa", "con", "com", "me", "со". */
const WITH = new Set(['with', 'sa', 's', 'con', 'com', 'me', 'so']);
/** The last `n` words of text[from, to), folded. */
const wordsBefore = (text: string, from: number, to: number, n = 4) => (text.slice(from, to).match(/[\p{L}]+/gu) ?? []).slice(-n).map(fold);
/** Route words of origin: "from", "desde", "iz", "nga", "od". */
const ORIGIN = new Set(['from', 'desde', 'iz', 'nga', 'od', 'origen']);

interface DateHit {
  start: number;
  end: number;
  value: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const YEAR = '(19[89]\\d|20\\d\\d)';
const WORD = '([\\p{L}]+)';
/** 14.03.2024, 14/03/2024 (day first, as in every Ruta language but English). */
const NUMERIC_DATE = new RegExp(`\\b(\\d{1,2})[./](\\d{1,2})[./]${YEAR}\\b`, 'gu');
/** 14 de marzo de 2024, 14. marta 2024., 14 mars 2024. */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+|of\\s+)?${WORD}\\.?,?\\s+(?:de\\s+|del\\s+)?${YEAR}`, 'gu');
/** March 14, 2024. */
const MONTH_DAY_YEAR = new RegExp(`${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, 'gu');
/** marzo de 2024, u martu 2024., March 2024. */
const MONTH_YEAR = new RegExp(`${WORD}\\.?,?\\s+(?:de\\s+|del\\s+|of\\s+)?${YEAR}`, 'gu');
const YEAR_ALONE = new RegExp(`\\b${YEAR}\\b`, 'gu');
/** 3 de mayo, 5. marta, 10 јануари, 14 qershor, 5th of March (no year after: those are read above). */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+|of\\s+)?${WORD}(\\.?)`, 'gu');
/** March 5, March 5th. */
const MONTH_DAY = new RegExp(`${WORD}(\\.?)\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?![.,]\\d)`, 'gu');

/** The day and month on or before `ref` (by up to two days after it: a time zone, a late edition), as YYYY-MM-DD. */
function dayBefore(ref: Date, month: number, day: number): string | undefined {
  for (const year of [ref.getUTCFullYear(), ref.getUTCFullYear() - 1]) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() !== month - 1) return undefined; // 31 April
    if (d.getTime() <= ref.getTime() + 2 * 86_400_000) return `${year}-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}

/** A month word, written out or abbreviated with a full stop ("mayo", "marta", "May", "maj", "Mar."): "mar" (the sea), "ago" and "may" (the verb) are none. */
const monthWord = (word: string, dot: string) => (word.length >= 4 || dot || word === 'May' || fold(word) === 'maj' ? monthOf(word) : undefined);
const TWO_YEARS = /\b(19[89]\d|20\d\d)\b.{1,12}\b(19[89]\d|20\d\d)\b/u;

/** The dates a sentence writes, with their offsets into it: day-month-year, month-year, numeric, a year alone. */
export function datesIn(sentence: string, ref?: Date): DateHit[] {
  const hits: DateHit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => h.start < e && s < h.end);
  const add = (s: number, e: number, value: string) => {
    if (!taken(s, e)) hits.push({ start: s, end: e, value });
  };
  for (const m of sentence.matchAll(NUMERIC_DATE)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) add(m.index!, m.index! + m[0].length, `${m[3]}-${pad(mo)}-${pad(d)}`);
  }
  for (const m of sentence.matchAll(DAY_MONTH_YEAR)) {
    const mo = monthOf(m[2]!);
    if (mo && Number(m[1]) >= 1 && Number(m[1]) <= 31) add(m.index!, m.index! + m[0].length, `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}`);
  }
  for (const m of sentence.matchAll(MONTH_DAY_YEAR)) {
    const mo = monthOf(m[1]!);
    if (mo && Number(m[2]) >= 1 && Number(m[2]) <= 31) add(m.index!, m.index! + m[0].length, `${m[3]}-${pad(mo)}-${pad(Number(m[2]))}`);
  }
  for (const m of sentence.matchAll(MONTH_YEAR)) {
    const mo = monthOf(m[1]!);
    if (mo) add(m.index!, m.index! + m[0].length, `${m[2]}-${pad(mo)}`);
  }
  // A day and month without a year, by the article's date.
  if (ref) {
    // The groups of the day, the month word and the full stop after it.
    for (const [pattern, day, month, dot] of [[DAY_MONTH, 1, 2, 3], [MONTH_DAY, 3, 1, 2]] as const) {
      for (const m of sentence.matchAll(pattern)) {
        const mo = monthWord(m[month]!, m[dot]!);
        const value = mo && dayBefore(ref, mo, Number(m[day]));
        if (value) add(m.index!, m.index! + m[0].length, value);
      }
    }
  }
  // A year alone: "in 2022", "u 2022. godini", "në vitin 2022". Not a span of years ("between 2019 and 2021"), nor where one starts ("since 2022").
  if (!TWO_YEARS.test(sentence)) {
    for (const m of sentence.matchAll(YEAR_ALONE)) {
      if (/(?<![\p{L}])(since|from|desde|od|prej|nga|од|depuis|dende)\s+$/iu.test(sentence.slice(Math.max(0, m.index! - 12), m.index!))) continue;
      // "2000 kilos" is a quantity, not a year.
      if (/^\s*(kg|kilo|kilogram|килограм|кг|t\b|ton|тон|gram|lb|pound|paquet|paket|bloque|brick)/iu.test(sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 12))) continue;
      add(m.index!, m.index! + m[0].length, m[1]!);
    }
  }
  return hits;
}

/**
 * The clause of a sentence [from, to) that holds [start, end): clauses end at a semicolon, at a comma
 * before a conjunction or a relative word ("…, and customs found", "…, od kade …"), and at a conjunction
 * before a new number ("… in Callao and 2000 kilos more …").
 */
const CLAUSE_BREAK = /;|,\s+(?=(?:and|but|while|whereas|y|e|pero|mientras|i|a|dok|pa|ali|dhe|ndërsa|kurse|и|а|додека|но|од каде|where|donde|gdje|gde|ku)(?![\p{L}]))|\s(?:and|y|e|i|dhe|и)\s+(?=\d)/giu;
function clauseAround(text: string, from: number, to: number, start: number, end: number): [number, number] {
  let cs = from;
  let ce = to;
  for (const m of text.slice(from, to).matchAll(CLAUSE_BREAK)) {
    const at = from + m.index!;
    if (at + m[0].length <= start) cs = at + m[0].length;
    else if (at >= end) {
      ce = at;
      break;
    }
  }
  return [cs, ce];
}

/**
 * The places of a sentence (in text order, from `from`) that are on the route: after a route word
 * among the four before them, or right after a place that is ("con destino al puerto de Amberes, en Bélgica").
 */
function routePlaces(text: string, from: number, places: EntityMention[], lang?: string): Set<EntityMention> {
  // The Portuguese "do" is "of the" ("Aeroporto Internacional do Galeão, no Rio de Janeiro"), not the Slavic "to".
  const isRoute = (w: string) => ROUTE.has(w) && !(lang === 'pt' && w === 'do');
  const route = new Set<EntityMention>();
  let routeEnd = -1;
  for (const e of places) {
    const before = wordsBefore(text, from, e.start);
    // "seized … from Serbian mafias in Peru": after a word of origin, a word of place makes the place the
    // seizure's again (not after one of purpose: "spremnog za ukrcaj u Puerto Bolívaru" is the route's).
    let lastRoute = -1;
    before.forEach((w, k) => {
      if (isRoute(w)) lastRoute = k;
    });
    const after = lastRoute >= 0 && !(ORIGIN.has(before[lastRoute]!) && before.slice(lastRoute + 1).some((w) => AT.has(w)));
    const besideRoute = routeEnd >= 0 && e.start - routeEnd <= 12 && /^[\s,]*(?:\p{L}+\s+)?$/u.test(text.slice(routeEnd, e.start));
    if (after || besideRoute) {
      route.add(e);
      routeEnd = e.end;
    }
  }
  return route;
}

/**
 * The places of a sentence (from `from`) after a word of place ("in", "u", "en", "në") with a court
 * word, or an arrest word before a place that is no port, among the four words before them, and the
 * places set beside one after a comma ("u Limi, u Peruu"). "Uhapšen je državljanin Srbije" names a
 * citizenship, not where.
 */
function arrestOrCourtPlaces(text: string, from: number, places: EntityMention[]): Set<EntityMention> {
  const out = new Set<EntityMention>();
  let lastEnd = -1;
  for (const e of places) {
    const words = wordsBefore(text, from, e.start);
    const before = words.join(' ');
    const beside = lastEnd >= 0 && e.start - lastEnd <= 12 && /^\s*,\s*(?:\p{L}+\s+)?$/u.test(text.slice(lastEnd, e.start));
    const at = words.length > 0 && AT.has(words[words.length - 1]!);
    if (beside || (at && (courtBefore(before) || (e.type !== 'port' && arrestBefore(before))))) {
      out.add(e);
      lastEnd = e.end;
    }
  }
  return out;
}

/** Border words, folded: "border", "granica", "granični", "frontera", "fronteira", "kufi", "граничниот". */
const BORDER = /^(?:border|granic|granicn|frontera|fronteira|kufi)/;

/** Whether a country is the neighbour across a border: "at the Gradina border crossing with Bulgaria", "na granici sa Bugarskom". */
function neighbour(text: string, from: number, e: EntityMention): boolean {
  if (e.type !== 'country') return false;
  const words = wordsBefore(text, from, e.start);
  return words.length > 1 && WITH.has(words[words.length - 1]!) && words.slice(0, -1).some((w) => BORDER.test(w));
}

/**
 * Whether a place opens a line as the report's dateline ("Split – Županijski sud …", "Скопје – …", "PODGORICA,
 * 3. marta –"): where the report was filed, not where the drugs were.
 */
function datelineAt(text: string, e: EntityMention): boolean {
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  if (text.slice(lineStart, e.start).trim()) return false;
  return /^\s*(?:\([^)\n]{0,30}\)\s*)?(?:,[^–—\n.]{0,30})?\s*[–—-]\s/u.test(text.slice(e.end, e.end + 50));
}

/** Each seizure with the place and date its sentence states, when it states them. */
export function withPlaceAndDate(text: string, seizures: SeizureMention[], entities: EntityMention[], lang?: string, published?: Date): SeizureMention[] {
  if (!seizures.length) return seizures;
  const sents = sentences(text);
  return seizures.map((z) => {
    const s = sents.find((x) => z.start >= x.start && z.start < x.end);
    if (!s) return z;
    const distance = (a: { start: number; end: number }) => (a.end <= z.start ? z.start - a.end : a.start >= z.end ? a.start - z.end : 0);
    // The quantity's own clause first: "… 500 kg in Callao, and customs found 2000 kilos in Paita" gives each its place.
    const [cs, ce] = clauseAround(text, s.start, s.end, z.start, z.end);
    // The report's dateline is the seizure's place where the sentence reports a find ("Rotterdam, June 3 – Dutch customs
    // officers have seized …"), not where it reports a trial or a charge ("Split – Županijski sud u Splitu osudio je …").
    const found = foundContext(s.text);
    const inSentence = entities.filter((e) => e.type in PLACE_RANK && e.start >= s.start && e.end <= s.end && (found || !datelineAt(text, e)));
    const route = routePlaces(text, s.start, inSentence, lang);
    const inClause = inSentence.filter((e) => e.start >= cs && e.end <= ce);
    // A clause that names only the route ("… 1,6 tonnes from Callao to Thessaloniki, from where …") states no place.
    // The nearest place, but a port or city over a country: "Police in Spain … found 2,000 kilos … at
    // the port of Algeciras" happened in Algeciras.
    // A sentence that finds nothing ("uhapsili su u Novom Sadu X, osumnjičenog za šverc 180 kg kokaina";
    // "The High Court in Podgorica sentenced … for smuggling 1,250 kg") places the arrest or the trial, not the
    // drugs; but an arrest in a port ("arrestuar në Callao … 1.250 kilogramë") is where the drugs were.
    // Arrested with the drugs ("uhapšen u Beogradu sa 20 kilograma", "detenido en Quito con 30 kilos"): they were there.
    const carried = WITH.has(wordsBefore(text, s.start, z.start, 1)[0] ?? '');
    const elsewhere = found || carried ? undefined : arrestOrCourtPlaces(text, s.start, inSentence);
    const candidates = (inClause.length ? inClause : inSentence).filter((e) => !route.has(e) && !elsewhere?.has(e) && !neighbour(text, s.start, e));
    const specific = candidates.some((e) => e.type !== 'country') ? candidates.filter((e) => e.type !== 'country') : candidates;
    const place = specific.reduce<EntityMention | undefined>(
      (best, e) => (!best || distance(e) < distance(best) || (distance(e) === distance(best) && PLACE_RANK[e.type]! < PLACE_RANK[best.type]!) ? e : best),
      undefined,
    );
    // A date inside the quantity itself ("1.127") is none; a seizure's sentence dates the seizure.
    const dates = datesIn(s.text, published)
      .map((d) => ({ ...d, start: d.start + s.start, end: d.end + s.start }))
      .filter((d) => d.end <= z.start || d.start >= z.end);
    const date = dates.sort((a, b) => distance(a) - distance(b) || b.value.length - a.value.length)[0];
    const out: SeizureMention = { ...z };
    if (place) out.place = place.canonical;
    if (date) out.date = date.value;
    return out;
  });
}
