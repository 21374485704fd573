// Gazetteers from config/gazetteer/*.yaml, compiled into a matcher that
// survives real text: transliteration, diacritics folding, Slavic case
// endings, Albanian and Macedonian definite forms, and common words that look
// like names.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SLAVIC_LANGS, fold, inflectsNames, macedonianSpelling, tokenize, type Token } from './text-normalize.js';

export const ENTITY_TYPES = ['person', 'criminal_group', 'port', 'city', 'country', 'nationality', 'organization', 'company', 'vessel'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** The entity types that are places. */
export const PLACE_TYPES: ReadonlySet<string> = new Set(['country', 'city', 'port']);
/**
 * What a gazetteer file may list: the entity types, and regions ("Western Balkans", "América Latina"),
 * which are matched so that no tagger or pattern takes them for a person or an organisation, and
 * are not reported.
 */
export const GAZETTEER_TYPES = [...ENTITY_TYPES, 'region'] as const;
export type GazetteerType = (typeof GAZETTEER_TYPES)[number];
export const SIDES = ['balkan', 'latam', 'europe', 'africa', 'other'] as const;
export type Side = (typeof SIDES)[number];

export interface GazetteerEntry {
  canonical: string;
  type: GazetteerType;
  side: Side;
  aliases: string[];
  country?: string;
  /** A country's ISO 3166-1 alpha-2 code (sources.yaml names a source's country so). */
  code?: string;
  /** Also a common word: match only capitalised, in context. */
  ambiguous?: boolean;
  /** false: the entry's words are no feature of the trained tagger (config/gazetteer/clubs.yaml). */
  tagger?: boolean;
  /** A sports club, named in full or, before a player's role, by its first word ("former Santos midfielder"). */
  club?: boolean;
  /** A port that is a great city too: in news of neither trafficking nor the sea it is the city (analyze.ts). */
  city?: boolean;
  /**
   * A place that shares its name with a better-known one (Valencia in Venezuela, Cartagena in Spain):
   * it is found only where the text says which ("Valencia, Venezuela", "Cartagena (Murcia)", "u
   * Valensiji u Venecueli", "la ciudad venezolana de Valencia"), and then, in that whole text, it is
   * the place of that name.
   */
  homonym?: boolean;
  /** With homonym: regions that name it as well as its country does ("Carabobo", "Murcia"). */
  qualifiers?: string[];
  /** Terms that, in the same sentence, suppress a match (watchlists). */
  negative?: string[];
  /** Where the entry came from: a gazetteer file or a watchlist name. */
  origin?: string;
  /**
   * A name every country or city has ("Policía Nacional", "Županijski sud"):
   * the canonical holds {place}, filled with one of these canonical places,
   * named right after the alias ("… del Perú", "… u Splitu") or by the text.
   */
  places?: string[];
  /** With places: the canonical when no place follows the name (otherwise the text's place is taken). */
  unplaced?: string;
  /** With places: the agency's own name in some places, instead of the pattern ("Ecuador: Attorney General's Office of Ecuador"). */
  placeNames?: Record<string, string>;
}

export class GazetteerError extends Error {}

/** The names an entry is found by in text: its aliases, and its canonical name unless that is a {place} pattern. */
export function namesInText(entry: GazetteerEntry): string[] {
  return entry.places ? entry.aliases : [entry.canonical, ...entry.aliases];
}

/**
 * Inflectional endings, folded. A text token matches an alias token when it is
 * the alias token's stem plus one of these. Slavic case endings, adjective
 * endings, Albanian definite forms (-i, -it, -in, -së, -në, -ën), Macedonian
 * definite articles (-ta, -ot, -to, -te) and plural -s/-es.
 */
const SUFFIXES = new Set([
  '', 'a', 'e', 'i', 'o', 'u', 'om', 'em', 'oj', 'ou', 'ima', 'ama', 'ih', 'im', 'og', 'oga', 'ogo', 'ega', 'emu', 'omu', 'ski', 'ska', 'sko',
  'skog', 'skom', 'skoj', 'skih', 'skim', 'ov', 'ova', 'ove', 'ovi', 'ovu', 'ovog', 'ovom', 'ovih', 'ovoj', 'ev', 'eva', 'evih',
  'it', 'in', 'se', 'ne', 'ja', 've', 'te', 'ta', 'ot', 'to', 'ata', 'ite', 'ri', 'rit', 'rin', 'un', 'n', 's', 'es', 'as', 'os', 'ia', 'ise',
  'ane', 'et', 'ut', 'ju', 'jom', 'je', 'ji', 'iot', 'oto', 'en',
]);
/**
 * In a language that does not decline names (inflectsNames), a nationality word takes a plural
 * ("Albanians", "montenegrinas"), and every other name is written as it is: "Grace" in an English
 * byline is not Graz (Serbian Грац, u Gracu), "Bares" is not Bar.
 */
const PLURAL_ONLY = new Set(['', 's', 'es']);
const EXACT = new Set(['']);
const GENDER = /^(a|o|as|os)$/;
/** The case endings of a feminine noun in -a (Hrvatska, Hrvatske, Hrvatskoj, Hrvatsku, Hrvatskom), and Albanian -ë/-a forms. */
const NOUN_CASES = new Set(['a', 'e', 'oj', 'u', 'om', 'es', 'en', 'ë', 'ës', 'ën']);
/** The endings a text's words may add to a name: all of them when the language is unknown. */
export function endingsFor(lang: string | null | undefined): ReadonlySet<string> {
  return inflectsNames(lang) ? SUFFIXES : PLURAL_ONLY;
}

const VOWEL_END = /[aeiouy]$/;
const MIN_STEM = 4;

/** Port and place words that license an ambiguous name right after them. */
const CONTEXT_WORDS = new Set(
  ['port', 'porto', 'puerto', 'portin', 'porti', 'portit', 'luka', 'luke', 'luci', 'luku', 'lucki', 'lucka', 'luckog', 'lucke', 'terminal',
    'terminalu', 'terminala', 'pristaniste', 'pristanisteto', 'pristanistete', 'limani', 'harbour', 'harbor', 'city', 'ciudad', 'grad', 'gradu', 'qytetin', 'qyteti', 'of', 'de', 'del', 'u', 'iz', 'në', 'ne', 'nga', 'in', 'en', 'vo', 'od',
    'em', 'no', 'pelo', 'pela', 'para', 'cidade',
    'te', 'se', 'i', 'e', 'preko', 'preku', 'via', 'through', 'kroz', 'desde', 'hacia', 'hasta', 'prema', 'kon', 'do', 'from', 'to', 'into', 'at', 'near', 'kod', 'blizu', 'drejt', 'per', 'për', 'deri',
    'između', 'izmedju', 'између', 'between', 'entre', 'midis', 'меѓу',
    // Municipality words: "Opština Bar", "Općina Ploče", "Bashkia e Durrësit", "the municipality of Bar".
    'opština', 'opštine', 'opštini', 'općina', 'općine', 'općini', 'opshtina', 'opshtinata', 'bashkia', 'bashkisë', 'municipality', 'municipio', 'município']
    .map((w) => fold(w)),
);

/** Spanish words of travel before "a" (to), folded stems: viajar, llegar, volver, regresar, exportar, trasladar, zarpar, con destino, rumbo, vuelo. */
const TRAVEL_TO = /^(viaj|lleg|volv|vuelt|regres|retorn|export|traslad|dirig|zarp|destino|rumbo|ruta|vuelo|huy|fug|emigr|arrib|envi)/;

/** Words between a homonym and its country or region: "Valencia in Venezuela", "u Valensiji u Venecueli". */
const QUALIFIER_IN = /^(in|en|em|no|na|u|ne|vo|te|se)$/;
/** Words for a country's parts: "Valencia, estado Carabobo", "Cartagena (provincia de Murcia)", "Carabobo state". */
const REGION_WORD = /^(estado|state|provincia|province|region|departamento|department|comunidad|drzava|drzavi|drzavata|savezna|saveznoj|pokrajina|pokrajini|pokraina|regjion|shteti|shtetin)$/;
/** Words for a city or a port, before a homonym's name: "la ciudad venezolana de Valencia", "venecuelanskom gradu Valensiji". */
const PLACE_WORD = /^(ciudad|city|town|port|puerto|porto|cidade|grad|gradu|grada|gradic|gradicu|qytet|qyteti|qytetin|qytetit|gradot|luka|luci|luke|lucki|luckom|pristaniste|pristanisteto)$/;

/** "and", "or" joining two place names, folded. */
const CONJUNCTION = /^(i|y|e|and|dhe|ili|o|or)$/;

/** Port words in their case forms: luka, luke, lukama, lučki, puerto, porti, terminal, pristanište, limani. */
const PORT_WORD = /^(luk|luc|port|puert|terminal|limani|pristanis|harbo|muelle|pristan)/;

interface AliasToken {
  norm: string;
  stem: string;
  capital: boolean; // alias written with a capital: text must be capitalised too
  upper: boolean; // an acronym (SPAK, PNP, SVA): text must be in capitals too, so "Sva" (all) is not SVA
  fleeting?: string; // Kragujevac → Kragujevc-u: the stem without the fleeting a
}

interface CompiledAlias {
  entry: GazetteerEntry;
  alias: string;
  tokens: AliasToken[];
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  text: string;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number; // exclusive
}

/** Single-word aliases inflect only from stems of MIN_STEM letters; words of a multi-word name ("Crna Gora") from 3. */
function stemOf(norm: string, minStem: number): string {
  return VOWEL_END.test(norm) && norm.length - 1 >= minStem ? norm.slice(0, -1) : norm;
}

/**
 * Whether a folded token is a form of a folded name word, as the gazetteer reads names in the text's
 * language: the word itself; in a language that declines names, the word or its stem (less a final vowel)
 * with one of the case endings (Callao: Callaa, Callau; Rexhepi: Rexhepija); elsewhere a plural, or the
 * other gender of a Spanish word in -o or -a. "called" is no form of Callao, nor "Santosh" of Santos.
 */
export function isFormOf(token: string, word: string, lang: string | null | undefined): boolean {
  if (token === word) return true;
  const endings = endingsFor(lang);
  if (endings !== SUFFIXES) return undeclinedForm(token, word, endings);
  if (word.length < MIN_STEM) return false;
  if (token.startsWith(word) && SUFFIXES.has(token.slice(word.length))) return true;
  const stem = stemOf(word, MIN_STEM);
  return stem !== word && token.length > stem.length && token.startsWith(stem) && SUFFIXES.has(token.slice(stem.length));
}

/**
 * A form of a word in a language that does not decline names: with one of `endings` (a plural), or
 * Spanish and Portuguese gender and number (montenegrino, montenegrina, montenegrinos).
 */
function undeclinedForm(token: string, word: string, endings: ReadonlySet<string>): boolean {
  if (token.startsWith(word) && endings.has(token.slice(word.length))) return true;
  const stem = word.slice(0, -1);
  return endings !== EXACT && /[ao]$/.test(word) && stem.length >= MIN_STEM && token.startsWith(stem) && GENDER.test(token.slice(stem.length));
}

/** Agencies whose names the press writes in lowercase too: police forces and prosecutors. */
const LOWERCASE_AGENCY = /\b(?:Police|Prosecut\w*|Attorney)\b/u;

/** Albanian linking articles, folded (e, i, të, së). */
const LINKING_ARTICLE = new Set(['e', 'i', 'te', 'se']);

function tokenMatches(t: Token, a: AliasToken, minStem: number, adjectives: boolean, endings: ReadonlySet<string>): boolean {
  if (a.capital && !/^\p{Lu}/u.test(t.text) && !/^\p{N}/u.test(t.text)) return false;
  if (a.upper && t.text !== t.text.toUpperCase()) return false;
  if (t.norm === a.norm) return true;
  // Albanian's linking article declines with the name: "Prokuroria e Posaçme", "Prokurorisë së Posaçme".
  if (endings === SUFFIXES && LINKING_ARTICLE.has(a.norm) && LINKING_ARTICLE.has(t.norm)) return true;
  if (endings !== SUFFIXES) return undeclinedForm(t.norm, a.norm, endings);
  if (a.fleeting && t.norm.startsWith(a.fleeting) && t.norm.length > a.fleeting.length && SUFFIXES.has(t.norm.slice(a.fleeting.length))) return true;
  if (a.stem.length < minStem || !t.norm.startsWith(a.stem)) return false;
  const ending = t.norm.slice(a.stem.length);
  // The name less its last vowel is no form of it ("Pire", purée, is not Pireu; "Kolumbij" is nothing).
  if (!ending && a.stem !== a.norm) return false;
  // A country's adjective ("ekvadorski", "Ekvadorskog") is a nationality word, not the country.
  if (!adjectives && ending.startsWith('sk')) return false;
  // A country named by an adjective (Hrvatska, Turska, Njemačka) declines as a noun: Hrvatske, Hrvatskoj, Hrvatsku; "Turski pisac" is an adjective.
  if (!adjectives && /(sk|ck|shk)$/.test(a.stem) && !NOUN_CASES.has(ending)) return false;
  return SUFFIXES.has(ending);
}

const KEY_LEN = 3;

type ScoredMatch = GazetteerMatch & { exactCase: boolean; exact: number; qualified?: boolean };
/**
 * Longest span first; then a homonym the text says it means ("Valencia, Venezuela"); then the alias
 * written as in the text ("Montenegrin" the nationality over an inflected "Montenegro"); then exact
 * case; then earlier.
 */
const byPreference = (a: ScoredMatch, b: ScoredMatch) =>
  b.end - b.start - (a.end - a.start) || Number(!!b.qualified) - Number(!!a.qualified) || b.exact - a.exact || Number(b.exactCase) - Number(a.exactCase) || a.start - b.start;

/**
 * Slavic languages write nationality adjectives in lowercase, so a capitalised word that is both an
 * English nationality alias and a case form of that nationality's own country is the country:
 * "iz Argentine" is "from Argentina", not "Argentine".
 */
function slavicReading(found: ScoredMatch[], lang: string | null | undefined): ScoredMatch[] {
  if (!lang || !SLAVIC_LANGS.has(lang) || found.length < 2) return found;
  return found.filter(
    (n) =>
      !(n.entry.type === 'nationality' && /^\p{Lu}/u.test(n.text) && found.some((c) => c.entry.type === 'country' && c.entry.canonical === n.entry.country && c.start === n.start && c.end === n.end)),
  );
}

export class Gazetteer {
  private byKey = new Map<string, CompiledAlias[]>();
  readonly entries: GazetteerEntry[] = [];
  /** Country ISO codes → canonical names. */
  private readonly byCode = new Map<string, string>();

  constructor(entries: GazetteerEntry[] = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: GazetteerEntry): void {
    this.entries.push(entry);
    if (entry.type === 'country' && entry.code && !this.byCode.has(entry.code)) this.byCode.set(entry.code, entry.canonical);
    const aliases = new Set(namesInText(entry).map((a) => a.trim()).filter(Boolean));
    // People's names also as Macedonian spells them (not other names: Albanian "Argjentinë" is no English "Argentine").
    if (entry.type === 'person') for (const alias of [...aliases]) aliases.add(macedonianSpelling(alias));
    for (const alias of aliases) {
      const toks = tokenize(alias);
      if (!toks.length) continue;
      const minStem = toks.length > 1 ? 3 : MIN_STEM;
      const tokens = toks.map((t) => ({ norm: t.norm, stem: stemOf(t.norm, minStem), capital: /^\p{Lu}/u.test(t.text), upper: /^\p{Lu}{2,}$/u.test(t.text),
        // Slavic fleeting a: Kragujevac, Kragujevca; Leskovac, u Leskovcu; Zadar, u Zadru; Sisak, u Sisku; Čačak, Čačka.
        fleeting: /[^aeiou]a[ckrln]$/.test(t.norm) && t.norm.length >= 5 ? `${t.norm.slice(0, -2)}${t.norm.slice(-1)}` : undefined }));
      const key = tokens[0]!.stem.slice(0, KEY_LEN);
      const list = this.byKey.get(key) ?? [];
      list.push({ entry, alias, tokens });
      this.byKey.set(key, list);
    }
  }

  /** The entries one of whose names is this name, word for word when folded (whatever context an ambiguous one needs). */
  named(name: string): GazetteerEntry[] {
    const words = tokenize(name).map((t) => t.norm);
    if (!words.length) return [];
    // Aliases are filed by their first word's stem, which starts as the word does.
    const list = this.byKey.get(words[0]!.slice(0, KEY_LEN)) ?? [];
    return [...new Set(list.filter((a) => a.tokens.length === words.length && a.tokens.every((t, k) => t.norm === words[k])).map((a) => a.entry))];
  }

  /** The canonical name of the country with this ISO 3166-1 alpha-2 code, if the gazetteer gives it. */
  countryOf(code: string | null | undefined): string | undefined {
    return code ? this.byCode.get(code.toUpperCase()) : undefined;
  }

  /** All non-overlapping matches, longest first, in text order; names inflect as the text's language does (endingsFor). */
  match(text: string, tokens: Token[] = tokenize(text), lang?: string | null): GazetteerMatch[] {
    const endings = endingsFor(lang);
    const found: ScoredMatch[] = [];
    for (let i = 0; i < tokens.length; i++) found.push(...slavicReading(this.candidatesAt(text, tokens, i, true, endings), lang));
    found.push(...this.licensedElsewhere(text, tokens, found, endings));
    // A homonym counts where the text says it is meant, and then wherever else the text names it.
    const meant = new Set(found.filter((f) => f.entry.homonym && f.qualified).map((f) => f.entry));
    for (const f of found) if (meant.has(f.entry)) f.qualified = true;
    const kept = found.filter((f) => !f.entry.homonym || f.qualified).sort(byPreference);
    const taken: GazetteerMatch[] = [];
    const covered = new Uint8Array(text.length + 1);
    next: for (const f of kept) {
      for (let k = f.start; k < f.end; k++) if (covered[k]) continue next;
      covered.fill(1, f.start, f.end);
      const { exactCase: _drop, exact: _exact, ...m } = f;
      taken.push(m);
    }
    return taken.sort((a, b) => a.start - b.start);
  }

  /** The best match that starts at token i, ambiguous names allowed: for a place named right after an agency ("Lučka uprava Ploče"). */
  matchAt(text: string, tokens: Token[], i: number, lang?: string | null): GazetteerMatch | undefined {
    const best = slavicReading(this.candidatesAt(text, tokens, i, false, endingsFor(lang)), lang).filter((c) => !c.entry.homonym || c.qualified).sort(byPreference)[0];
    if (!best) return undefined;
    const { exactCase: _drop, exact: _exact, ...m } = best;
    return m;
  }

  /** `qualify`: whether a homonym is checked for its country (not when looking for that country itself). */
  private candidatesAt(text: string, tokens: Token[], i: number, checkAmbiguous: boolean, endings: ReadonlySet<string>, qualify = true): ScoredMatch[] {
    const found: ScoredMatch[] = [];
    const t = tokens[i];
    if (!t) return found;
    const candidates = this.byKey.get(t.norm.slice(0, KEY_LEN)) ?? [];
    for (const c of candidates) {
      const n = c.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      const minStem = n > 1 ? 3 : MIN_STEM;
      const own = endings === SUFFIXES || c.entry.type === 'nationality' ? endings : EXACT;
      for (let k = 0; k < n && ok; k++) ok = tokenMatches(tokens[i + k]!, c.tokens[k]!, minStem, c.entry.type !== 'country', own);
      // A police force or prosecution named in three words or more may be written in lowercase where its place keeps
      // its capital: "policia e Kosovës", "la policía nacional del Ecuador". (Not a port or a court: "the port of Bar"
      // and "a special court in Belgrade" describe, they do not name.)
      if (!ok && n >= 3 && LOWERCASE_AGENCY.test(c.entry.canonical) && c.entry.type === 'organization' && c.tokens.some((a, k) => a.capital && /^\p{Lu}/u.test(tokens[i + k]!.text))) {
        ok = true;
        for (let k = 0; k < n && ok; k++) ok = tokenMatches(tokens[i + k]!, { ...c.tokens[k]!, capital: false }, minStem, true, own);
      }
      if (!ok) continue;
      const last = tokens[i + n - 1]!;
      // Tokens of a multi-word alias must be adjacent (only spaces or hyphens between).
      let adjacent = true;
      for (let k = 1; k < n && adjacent; k++) adjacent = /^[\s\-–'’]{1,3}$/.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start));
      if (!adjacent) continue;
      if (checkAmbiguous && c.entry.ambiguous && !this.ambiguousOk(text, tokens, i, endings) && !this.ownCountryAfter(text, tokens, i + n, c.entry, endings)) continue;
      found.push({
        entry: c.entry,
        text: text.slice(t.start, last.end),
        start: t.start,
        end: last.end,
        tokenStart: i,
        tokenEnd: i + n,
        exactCase: tokens.slice(i, i + n).every((tk, k) => /^\p{Lu}/u.test(tk.text) === c.tokens[k]!.capital),
        exact: c.tokens.filter((a, k) => tokens[i + k]!.norm === a.norm).length,
        ...(c.entry.homonym ? { qualified: qualify && this.qualifiedAt(text, tokens, i, i + n, c.entry, endings) } : {}),
      });
    }
    return found;
  }

  /**
   * Whether the text says which of two places of one name it means: its country or region right
   * after ("Valencia, Venezuela", "Valencia (estado Carabobo)", "Cartagena, en Murcia", "u Valensiji u
   * Venecueli"), or its country or nationality before a place word just before it ("la ciudad
   * venezolana de Valencia", "the Venezuelan city of Valencia", "u venecuelanskom gradu Valensiji",
   * "Venezuela's Valencia").
   */
  private qualifiedAt(text: string, tokens: Token[], start: number, end: number, entry: GazetteerEntry, endings: ReadonlySet<string>): boolean {
    const ownCountry = (i: number) =>
      this.candidatesAt(text, tokens, i, false, endings, false).some((c) => (c.entry.type === 'country' && c.entry.canonical === entry.country) || (c.entry.type === 'nationality' && c.entry.country === entry.country));
    const region = (i: number) => {
      const t = tokens[i];
      return !!t && /^\p{Lu}/u.test(t.text) && (entry.qualifiers ?? []).some((q) => { const f = fold(q); const stem = stemOf(f, MIN_STEM); return t.norm === f || (t.norm.startsWith(stem) && t.norm.length - stem.length <= 3); });
    };
    // After: a comma or a bracket, or "in" (then a capital), then perhaps a word for a state or province.
    let j = end;
    const sep = tokens[j] ? text.slice(tokens[j - 1]!.end, tokens[j]!.start) : '';
    const punct = /^\s?[,(–-]\s?$/u.test(sep);
    if (tokens[j] && (punct || (/^\s$/.test(sep) && QUALIFIER_IN.test(tokens[j]!.norm)))) {
      if (QUALIFIER_IN.test(tokens[j]!.norm)) j++;
      if (tokens[j] && REGION_WORD.test(tokens[j]!.norm)) j++;
      if (tokens[j] && (punct || /^\p{Lu}/u.test(tokens[j]!.text)) && (ownCountry(j) || region(j))) return true;
    }
    // Before: "Venezuela's Valencia"; a country or nationality and a place word within four words.
    if (start >= 2 && tokens[start - 1]!.text === 's' && /^['’]$/.test(text.slice(tokens[start - 2]!.end, tokens[start - 1]!.start)) && ownCountry(start - 2)) return true;
    let place = false;
    let country = false;
    for (let k = start - 1; k >= Math.max(0, start - 4); k--) {
      if (/[.!?;\n]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) break;
      if (PLACE_WORD.test(tokens[k]!.norm)) place = true;
      else if (ownCountry(k)) country = true;
    }
    return place && country;
  }

  /**
   * An ambiguous name the text has once named as a place ("Opština Bar") is that place wherever else it
   * stands alone, capitalised, inside a sentence: "Turistička organizacija Bara". Not beside another
   * capitalised word, where it may be a name's part ("Carlos Santos").
   */
  private licensedElsewhere(text: string, tokens: Token[], found: ScoredMatch[], endings: ReadonlySet<string>): ScoredMatch[] {
    const licensed = new Set(found.filter((f) => f.entry.ambiguous).map((f) => f.entry));
    if (!licensed.size) return [];
    const starts = new Set(found.map((f) => f.start));
    const capital = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
    const out: ScoredMatch[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!capital(t) || starts.has(t.start) || /[.!?\n:"“„«]/u.test(text.slice(tokens[i - 1]!.end, t.start))) continue;
      if (capital(tokens[i - 1]) || (capital(tokens[i + 1]) && /^[\s-]$/u.test(text.slice(t.end, tokens[i + 1]!.start)))) continue;
      for (const c of this.candidatesAt(text, tokens, i, false, endings)) if (licensed.has(c.entry) && c.tokenEnd === i + 1) out.push(c);
    }
    return out;
  }

  /**
   * An ambiguous name needs a capital, must not open a sentence, and needs a
   * place word right before it ("u Baru", "luke Bar", "preko Rijeke",
   * "lukama Santos") or to be joined to such a name ("Santos i Paranaguá").
   */
  private ambiguousOk(text: string, tokens: Token[], i: number, endings: ReadonlySet<string>): boolean {
    const t = tokens[i]!;
    if (!/^\p{Lu}/u.test(t.text)) return false;
    const prev = tokens[i - 1];
    // A dateline: "Lima – Policia peruane…", "RIJEKA - Djelatnici…", "Lima, 2 de julio.", "Лима/Београд –".
    const lineStart = !prev || /\n/.test(text.slice(prev.end, t.start));
    if (lineStart && /^(\s?[–—-]\s|,\s*\d|\s?\/\s?\p{Lu})/u.test(text.slice(t.end, t.end + 4))) return true;
    // "Lime i Paite", "Santos and Itajaí": joined to a port or city that needs no licence of its own;
    // "Brazil's Santos port": a port word right after.
    const next = tokens[i + 1];
    if (next && /^(port|harbou?r|terminal)s?$/.test(next.norm) && /^\s$/.test(text.slice(t.end, next.start))) return true;
    // "a Santos-based front company", "Bar-bound containers": a place made an adjective.
    if (next && /^(based|bound)$/.test(next.norm) && text.slice(t.end, next.start) === '-') return true;
    if (next && CONJUNCTION.test(next.norm) && this.plainPlaceAt(text, tokens, i + 2, undefined, endings)) return true;
    if (!prev) return false;
    const before = text.slice(prev.end, t.start);
    if (/[.!?\n]/.test(before)) return false;
    if (CONTEXT_WORDS.has(prev.norm) || PORT_WORD.test(prev.norm)) return true;
    // Spanish "a" is "to" after a word of travel ("viajó a Lima", "con destino a Santos") or a place
    // of departure ("de Quito a Lima"); after other verbs it marks a person ("detuvo a Santos").
    if (prev.norm === 'a' && tokens[i - 2] && /^\s$/.test(before)) {
      const w = tokens[i - 2]!;
      if (TRAVEL_TO.test(w.norm)) return true;
      if (/^\p{Lu}/u.test(w.text) && tokens[i - 3] && /^(de|desde)$/.test(tokens[i - 3]!.norm) && this.candidatesAt(text, tokens, i - 2, false, endings).some((c) => c.tokenEnd === i - 1)) return true;
    }
    // "Rijeke i Kopra", "Santos y Paranaguá": a place word two tokens back, over a conjunction or a name.
    const prev2 = tokens[i - 2];
    if (!prev2 || !CONJUNCTION.test(prev.norm) || !/^\p{Lu}/u.test(prev2.text)) return false;
    if (tokens[i - 3] && (CONTEXT_WORDS.has(tokens[i - 3]!.norm) || PORT_WORD.test(tokens[i - 3]!.norm))) return true;
    // "destined for Koper and Rijeka": joined to a port or city that needs no licence of its own.
    return this.plainPlaceAt(text, tokens, i - 2, i - 1, endings);
  }

  /** "Bar, Montenegro", "Santos, Brazil", "Manta (Ecuador)": an ambiguous place followed by its own country. */
  private ownCountryAfter(text: string, tokens: Token[], next: number, entry: GazetteerEntry, endings: ReadonlySet<string>): boolean {
    const t = tokens[next];
    if (!entry.country || !t || !/^\p{Lu}/u.test(tokens[next - 1]!.text) || !/^\s?[,(]\s?$/u.test(text.slice(tokens[next - 1]!.end, t.start))) return false;
    return this.candidatesAt(text, tokens, next, false, endings).some((c) => c.entry.type === 'country' && c.entry.canonical === entry.country);
  }

  /** Whether an unambiguous port or city starts at token i (and ends before token `end`, if given). */
  private plainPlaceAt(text: string, tokens: Token[], i: number, end: number | undefined, endings: ReadonlySet<string>): boolean {
    if (i < 0 || !tokens[i] || !/^\p{Lu}/u.test(tokens[i]!.text)) return false;
    return this.candidatesAt(text, tokens, i, false, endings).some((c) => !c.entry.ambiguous && (end === undefined || c.tokenEnd === end) && (c.entry.type === 'port' || c.entry.type === 'city'));
  }
}

interface GazetteerFile {
  type?: string;
  /** "club": the entries are sports clubs (config/gazetteer/clubs.yaml). */
  kind?: string;
  /** false: the names' words are no feature of the trained tagger (it learnt without them). */
  tagger?: boolean;
  entries?: Record<string, unknown>[];
}

export function parseGazetteerYaml(text: string, origin: string): GazetteerEntry[] {
  let doc: GazetteerFile;
  try {
    doc = parse(text) as GazetteerFile;
  } catch (e) {
    throw new GazetteerError(`${origin}: not valid YAML: ${(e as Error).message}`);
  }
  if (!doc || !Array.isArray(doc.entries)) throw new GazetteerError(`${origin}: expected "entries:" with a list`);
  return doc.entries.map((raw, i) => {
    const type = String(raw.type ?? doc.type ?? '') as GazetteerType;
    const side = String(raw.side ?? 'other') as Side;
    const canonical = String(raw.canonical ?? '').trim();
    if (!canonical) throw new GazetteerError(`${origin}, entry #${i + 1}: "canonical" is required`);
    if (!GAZETTEER_TYPES.includes(type)) throw new GazetteerError(`${origin}, ${canonical}: type "${type}" is not one of ${GAZETTEER_TYPES.join(', ')}`);
    if (!SIDES.includes(side)) throw new GazetteerError(`${origin}, ${canonical}: side "${side}" is not one of ${SIDES.join(', ')}`);
    const places = Array.isArray(raw.places) ? raw.places.map(String) : undefined;
    if (places && !canonical.includes('{place}')) throw new GazetteerError(`${origin}, ${canonical}: an entry with "places" needs {place} in its canonical name`);
    if (!places && canonical.includes('{place}')) throw new GazetteerError(`${origin}, ${canonical}: {place} needs a "places" list of the countries or cities it stands for`);
    return {
      canonical,
      type,
      side,
      aliases: Array.isArray(raw.aliases) ? raw.aliases.map(String) : [],
      country: raw.country ? String(raw.country) : undefined,
      code: raw.code ? String(raw.code).toUpperCase() : undefined,
      ambiguous: raw.ambiguous === true,
      ...(raw.city === true ? { city: true } : {}),
      ...homonymOf(raw, origin, canonical),
      ...((raw.tagger ?? doc.tagger) === false ? { tagger: false } : {}),
      ...(doc.kind === 'club' ? { club: true } : {}),
      origin,
      ...(places ? { places, unplaced: raw.unplaced ? String(raw.unplaced) : undefined, placeNames: placeNamesOf(raw.names, origin, canonical) } : {}),
    };
  });
}

function homonymOf(raw: Record<string, unknown>, origin: string, canonical: string): Pick<GazetteerEntry, 'homonym' | 'qualifiers'> {
  if (raw.qualifiers !== undefined && (!Array.isArray(raw.qualifiers) || raw.homonym !== true)) throw new GazetteerError(`${origin}, ${canonical}: "qualifiers" is a list of regions, for an entry with "homonym: true"`);
  if (raw.homonym !== true) return {};
  if (!raw.country) throw new GazetteerError(`${origin}, ${canonical}: a homonym needs its "country", which the text names to mean it`);
  return { homonym: true, ...(Array.isArray(raw.qualifiers) ? { qualifiers: raw.qualifiers.map(String) } : {}) };
}

function placeNamesOf(raw: unknown, origin: string, canonical: string): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new GazetteerError(`${origin}, ${canonical}: "names" maps a place to the agency's name there, e.g. { Ecuador: "…" }`);
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

export function loadGazetteerDir(dir: string): GazetteerEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    throw new GazetteerError(`cannot read gazetteer folder ${dir}: ${(e as Error).message}`);
  }
  return files.flatMap((f) => parseGazetteerYaml(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

export const DEFAULT_GAZETTEER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'gazetteer');

let defaultGazetteer: Gazetteer | undefined;
export function loadDefaultGazetteer(dir = process.env.RUTA_GAZETTEER_DIR ?? DEFAULT_GAZETTEER_DIR): Gazetteer {
  if (!defaultGazetteer) defaultGazetteer = new Gazetteer(loadGazetteerDir(dir));
  return defaultGazetteer;
}
