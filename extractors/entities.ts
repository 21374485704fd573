// Entity finding: gazetteer matches for every language, people found by
// patterns (nationality + name, "citizen of X", alias and nickname phrases,
// "identified as"), and the trained tagger for people and organisations it
// does not know yet.
import { Gazetteer, PLACE_TYPES, type EntityType, type GazetteerEntry, type GazetteerMatch, type Side } from './gazetteer.js';
import { OPEN_QUOTES, SLAVIC_LANGS, cyrToLat, fold, sentences, tokenize, type Token } from './text-normalize.js';
import { traffickingContext } from './context-words.js';
import { clansByGangWord, coordinatedClans } from './clan-pairs.js';
import { drugOf } from './seizures.js';
import { agencyShortForms, resolveAgencies } from './agencies.js';
import { cueNameCanonical, findCueNames } from './cue-names.js';
import { findNicknames } from './nicknames.js';
import { balkanGivenName, foreignGivenName, givenName } from './given-names.js';
import { tagNames, usualCasing } from './ner/names.js';
import { clubsByRole } from './clubs.js';
import { namesAThing, namesAVenue, OPERATION, streetWord } from './named-things.js';
import { macedonianPerson } from './macedonian-names.js';
import { titleCasedLines } from './title-lines.js';
import { coordinatedSides, listSideAt, originsOf, sharedSurnameBefore } from './coordinated-people.js';
import { DEMONYM, DEMONYM_PLURAL, TITLE, SURNAME_TOO, institution, isInitial, joinSplitOrganisations, possessiveOf, withoutDemonym, withoutTitle } from './name-spans.js';
import { balkanSurname, nameToLatin, personCanonical, resolvePeople, strongBalkanSurname } from './persons.js';
import { countBefore } from './sorted.js';

/** Nouns for a person between a nationality and a name, folded: "Serbian national", "crnogorski državljanin", "el narcotraficante". */
const PERSON_NOUN =
  /^(?:nationals?|citizens?|man|woman|men|women|businessman|businesswoman|trafficker|drug|smuggler|suspect|fugitive|boss|kingpin|broker|gangster|mobster|footballer|player|boxer|narco|native|resident|emigrant|lawyer|sailor|seaman|captain|drzavljan\p{L}*|drzavjan\p{L}*|biznismen\p{L}*|biznesmen\p{L}*|kriminal\p{L}*|narkobos\p{L}*|diler\p{L}*|bos|bosa|mornar\p{L}*|kapetan\p{L}*|advokat\p{L}*|odvjetni\p{L}*|shtetas\p{L}*|trafikant\p{L}*|empresari[oa]s?|traficantes?|narcotraficantes?|capo|ciudadan[oa]s?|nacional|cidad[aã]o|marinero|capit[aá]n|abogad[oa]|kriminalec|lice|licata)$/u;

/** Words after which a surname alone names a person (folded): "de apellido", "surnamed", "prezimena", "me mbiemrin", "со презиме". */
const SURNAMED = /^(?:apellido|apellidos|sobrenome|surnamed|prezimena|prezimenom|prezimenu|prezime|mbiemrin|mbiemri|prezimeto)$/;
/** Given names that are also words before a place: "Marina Split" (a harbour), "Luka Koper" (the port and its company). */
const MARINA = /^(?:Marina|Luka|Port|Porto)$/;
/** Countries that are also common Spanish and Portuguese surnames ("Luís Montenegro"); "Jennifer Ecuador" stays Ecuador. */
const SURNAME_COUNTRIES = new Set(['Montenegro', 'Brazil']);

export interface EntityMention {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  canonical: string;
  side: Side;
  /** How it was found. */
  via: 'gazetteer' | 'pattern' | 'ner' | 'watchlist';
  /** For watchlist hits, the list name. */
  watchlist?: string;
}

// Words that introduce a person's name after a nationality or country.
const CITIZEN = /^(drzavljanin|drzavljanina|drzavljaninu|drzavljanka|drzavljanku|citizen|national|ciudadano|ciudadana|nacional|shtetas|shtetasi|shtetasin|shtetase|drzavjanin|drzavjanka|drzhavjanin|drzhavjaninot|biznismen|biznismena|empresario|businessman|narcotrafficker|narcotraficante|trafficker)$/;
const IDENTIFIED = /^(identificado|identificada|identified|iniciales|initials|inicijali|inicijalima|inicialet|inicialeve|inicijalite|identifikovan|identifikovani|identificiran|identifikuar|identifikuvan|named|nombrado|imenom|emri|lider|leader|jefe|boss|sef|vodja|kreu|shefi|osumnjiceni|osumnjicenog|sospechoso|suspect|acusado|accused|okrivljeni|okrivljenog|dyshuari|osomniceniot)$/;
const ALIAS = /^(alias|zvani|zvanog|zvanom|zvana|nadimak|nadimkom|apodado|apodo|alias|conocido|known|njohur|poznat|poznatog|nicknamed)$/;
const PARTICLES = new Set(['de', 'del', 'la', 'los', 'da', 'dos', 'van', 'von', 'di', 'el']);
const NOT_NAMES = new Set(
  ['the', 'el', 'la', 'los', 'las', 'un', 'una', 'u', 'i', 'a', 'and', 'y', 'e', 'dhe', 'ne', 'në', 'en', 'in', 'of', 'de', 'je', 'se', 'su', 'da', 'na', 'po', 'za', 'od', 'do', 'iz', 'me', 'te', 'që', 'qe',
    'policija', 'policia', 'police', 'polícia', 'policía', 'tužilaštvo', 'sud', 'court', 'tribunal', 'fiscalía', 'mup', 'ministry', 'ministerio', 'agencies', 'agencias',
    // Words that open English sentences and that the tagger, seeing a capital, may take for a name.
    'however', 'therefore', 'meanwhile', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'seldom', 'thus', 'hence', 'instead', 'indeed', 'likewise', 'besides', 'overall', 'yet', 'still', 'also', 'today', 'yesterday',
    'januar', 'februar', 'enero', 'febrero', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
    // Abbreviated titles before a name ("El Sr. Marko Ilić", "Gral. Pérez", "Z. Arben Kola").
    'sr', 'sra', 'srta', 'dr', 'dra', 'mr', 'mrs', 'ms', 'gen', 'gral', 'lic', 'ing', 'prof', 'z', 'znj', 'g', 'gđa', 'gđica', 'gdin', 'mons']
    .map((w) => w.toLowerCase()),
);

/** An English sentence adverb ("Paradoxically,", "Separately,"): no name ends so. */
const ADVERB = /^\p{Lu}\p{Ll}+(?:ally|ingly|edly|ively|ously|ently|antly|ately|arly)$/u;

/** A border crossing's word before its name: "graničnom prijelazu Izačić", "prelaz Batrovci", "pika kufitare Morinë". */
const CROSSING = /^(prijelaz|prijelaza|prijelazu|prijelazom|prelaz|prelaza|prelazu|prelazom|crossing|cruce|paso|kufitare|kalimin|kalimit|premin|preminot|granicni|granicnom)$/u;

/** A name the tagger found that is no person or organisation: a word opening the sentence ("Therefore", "Paradoxically"), an operation. */
function notAName(name: string): boolean {
  return NOT_NAMES.has(name.toLowerCase()) || ADVERB.test(name) || OPERATION.test(fold(name.split(/\s/)[0]!));
}

/** Verbs whose object is the person arrested, extradited or sentenced, folded (Albanian, Macedonian, English). */
const ARREST_OBJECT = /^(arrestoi|arrestuan|arrestuar|arrestohet|arrestohen|ekstradoi|ekstraduan|ekstradohet|denoi|denuan|akuzoi|akuzon|ngujoi|uapsi|uapsija|uapsile|uapsil|arrested|extradited|sentenced|convicted)$/;
/** Age words after "34-" in Albanian and Macedonian: "34-vjeçari", "42-годишниот" (Serbian and Croatian news name a townsman between: "68-godišnja Sarajka …"). */
const AGED = /^(vjecar(?:i|in|it|e|ja|en)?|godisn(?:iot|ata|ikot)|godisen|godisna)$/;
const LOWERCASE_NATIONALITIES = new Set(['es', 'pt', 'sq']);
/** "and" in the languages Ruta reads (folded). */
const LIST_JOINT = /^(y|e|i|and|dhe)$/;

/** A word that says what the person after it is, not part of a name: "Serbian national Dragan X", not "National Security Council". */
function cueWord(t: Token | undefined, re: RegExp): boolean {
  return !!t && re.test(t.norm) && !/^\p{Lu}\p{L}/u.test(t.text);
}

function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (!/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t.text)) return false;
  return !NOT_NAMES.has(t.text.toLowerCase());
}

/**
 * Reads a person name (2–4 capitalised tokens, particles allowed inside) starting at token i; with
 * `initials`, a surname's initial may end it ("Ante B.": the name's end is then after the full stop).
 */
function readName(
  text: string,
  tokens: Token[],
  i: number,
  taken: (s: number, e: number) => boolean,
  initials = false,
  surnameAfterInitial: (word: string) => boolean = () => false,
): [number, number] | undefined {
  let j = i;
  const parts: number[] = [];
  while (j < tokens.length && parts.length < 4) {
    const t = tokens[j]!;
    // One or two spaces between a name's words; a line break ends the name (a headline, a list).
    const gap = text.slice(tokens[j - 1]?.end ?? 0, t.start);
    // A double surname is one: "Grabar-Kitarović", "Hrvoj-Šipek".
    if (parts.length && !/^[^\S\n\r]{1,2}$/.test(gap) && !(gap === '. ' && isInitial(text, tokens[j - 1])) && !(gap === '-' && parts.length >= 2 && isNameToken(t))) break;
    if (isNameToken(t) && !taken(t.start, t.end)) parts.push(j);
    else if (parts.length && PARTICLES.has(t.text) && isNameToken(tokens[j + 1])) parts.push(j);
    else if (initials && parts.length && isInitial(text, t) && !taken(t.start, t.end + 1)) {
      parts.push(j);
      // A middle initial ("Dušan J. Popović") goes on to the surname, not to a sentence's first word.
      const after = tokens[j + 1];
      if (!after || text.slice(t.end, after.start) !== '. ' || !isNameToken(after) || !surnameAfterInitial(after.text)) break;
    } else break;
    j++;
  }
  // A particle whose name was already taken ("Consejo Nacional Electoral de Venezuela") ends no name.
  while (parts.length && PARTICLES.has(tokens[parts[parts.length - 1]!]!.text)) parts.pop();
  if (parts.length < 2) return undefined;
  return [parts[0]!, parts[parts.length - 1]!];
}

/** Endings that replace a surname's final a: Slavic (Gotovine, Gotovini, Gotovinu, Gotovinom) and Albanian (Berishës, Berishën). */
const A_ENDINGS = new Set(['e', 'i', 'u', 'om', 'es', 'en']);
const SURNAME_ENDINGS = new Set(['', 'a', 'u', 'e', 'i', 'em', 'om', 'og', 'oga', 'im', 'it', 'in', 'ja', 'ju', 'jt', 'n', 't', 's', "'s"]);
const BALKAN_LANGS = new Set(['sr', 'hr', 'bs', 'cnr', 'mk', 'sq']);

/** Surname endings of Spanish and Portuguese names (Gómez, Torres, Santos, Restrepo). */
const HISPANIC_ENDING = /(ez|es|os|as|o)$/u;

/** A person the tagger found: Balkan when the surname, a Balkan given name or the language says so. */
function personSide(canonical: string, lang?: string): Side {
  const parts = canonical.split(' ');
  const balkanGiven = parts.length > 1 && balkanGivenName(parts[0]!);
  // An Albanian-looking ending (-ri, -ni, -hi …) is Italian or Arabic too: in other languages' news
  // it needs a Balkan given name ("Ridouan Taghi", "Bruno Gentili" are no Balkan people).
  if (strongBalkanSurname(canonical) || (balkanSurname(canonical) && (balkanGiven || BALKAN_LANGS.has(lang ?? '')))) return 'balkan';
  if (HISPANIC_ENDING.test(canonical)) return 'other';
  // "Dragan Kovač", "Fatmir Gjoni" in an English or Spanish report: a Balkan given name says so.
  if (balkanGiven) return 'balkan';
  // In Balkan news a person is taken for a local, unless the given name is of another land ("Felipe Massa", "Jennifer López").
  if (parts.length > 1 && foreignGivenName(parts[0]!)) return 'other';
  return lang && BALKAN_LANGS.has(lang) ? 'balkan' : 'other';
}

/** Whether a mention is a city, port or country over exactly this token. */
function placeExactlyAt(m: EntityMention, t: Token): boolean {
  return m.start === t.start && m.end === t.end && PLACE_TYPES.has(m.type);
}

export interface FindOptions {
  lang?: string;
  /** The source's country (ISO 3166-1 alpha-2): whose agencies the text names without saying whose. */
  country?: string | null;
  /** Watchlist entries, matched the same way as gazetteer entries. */
  watchlist?: Gazetteer;
  /** Run the trained tagger (default true). */
  ner?: boolean;
}

export function findEntities(text: string, gazetteer: Gazetteer, opts: FindOptions = {}): EntityMention[] {
  const tokens = tokenize(text);
  // The mentions found so far, and how many cover each character: overlap tests stay linear on long texts.
  const out: EntityMention[] = [];
  const cover = new Uint16Array(text.length + 1);
  const push = (...ms: EntityMention[]) => {
    for (const m of ms) {
      out.push(m);
      for (let k = m.start; k < m.end; k++) cover[k]!++;
    }
  };
  const removeAt = (i: number) => {
    const [m] = out.splice(i, 1);
    if (m) for (let k = m.start; k < m.end; k++) cover[k]!--;
  };
  const overlaps = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (cover[k]) return true;
    return false;
  };
  /** Regions' characters: no person or organisation of a pattern or the tagger (a company's cue word may still name one: "Balkan Trade d.o.o."). */
  const region = new Uint8Array(text.length + 1);
  const taken = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (cover[k] || region[k]) return true;
    return false;
  };
  /** The index of a mention over the token, or -1. */
  const mentionOver = (t: Token) => (overlaps(t.start, t.end) ? out.findIndex((m) => m.start < t.end && t.start < m.end) : -1);

  const add = (entry: GazetteerEntry, m: { text: string; start: number; end: number }, via: EntityMention['via']) => {
    // A region is no entity of Ruta's, but no person or organisation either: it only keeps its words from them.
    if (entry.type === 'region') {
      region.fill(1, m.start, m.end);
      return;
    }
    push({ type: entry.type, text: m.text, start: m.start, end: m.end, canonical: entry.canonical, side: entry.side, via, watchlist: via === 'watchlist' ? entry.origin : undefined });
  };

  if (opts.watchlist) {
    for (const m of opts.watchlist.match(text, tokens, opts.lang)) {
      if (m.entry.negative?.length && negativeNearby(text, m.start, m.entry.negative)) continue;
      add(m.entry, m, 'watchlist');
    }
  }
  // A place that only names a street, a venue or an operation ("Avenida Brasil", "akcija „Ekvador“") is no place here.
  const gaz = resolveAgencies(text, tokens, gazetteer.match(text, tokens, opts.lang), gazetteer, opts.lang, gazetteer.countryOf(opts.country)).filter(
    (m) => !(PLACE_TYPES.has(m.entry.type) && namesAThing(text, m.start, m.end)),
  );
  for (const m of gaz) if (!overlaps(m.start, m.end)) add(m.entry, m, 'gazetteer');
  const byGangWord = clansByGangWord(text, tokens, gaz, gazetteer, opts.lang);
  // "Kavač and Škaljari clans": joined to a clan the gang word names.
  for (const m of [...coordinatedClans(text, tokens, [...gaz, ...byGangWord], gazetteer, opts.lang), ...byGangWord]) {
    const place = out.findIndex((x) => x.start === m.start && x.end === m.end && PLACE_TYPES.has(x.type) && x.via === 'gazetteer');
    if (place >= 0) removeAt(place);
    if (!overlaps(m.start, m.end)) add(m.entry, m, 'gazetteer');
  }
  // Companies and vessels named after a word that says what they are.
  // A ship named after its line ("na brodu MSC Gina") is the ship: the line's name inside gives way, and
  // so does a place inside a longer name ("brod „Budva Star”", "firma „Santos Trade“"), or a place that is
  // the whole of a quoted name ("el buque "Santa Marta"", "na brodu „Budva“").
  const NAMED_AFTER = new Set(['company', 'city', 'port', 'country']);
  const quotedName = (s: number) => s > 0 && OPEN_QUOTES.includes(text[s - 1]!);
  const lineInside = (m: EntityMention, s: number, e: number) => NAMED_AFTER.has(m.type) && m.start >= s && m.end <= e && (m.end - m.start < e - s || quotedName(s));
  const cueTaken = (s: number, e: number) => overlaps(s, e) && out.some((m) => m.start < e && s < m.end && !lineInside(m, s, e));
  for (const c of findCueNames(text, tokens, cueTaken)) {
    if (c.type !== 'vessel' && out.some((m) => m.type === 'company' && m.start < c.end && c.start < m.end)) continue;
    for (let k = out.length - 1; k >= 0; k--) if (lineInside(out[k]!, c.start, c.end)) removeAt(k);
    push({ type: c.type, text: c.text, start: c.start, end: c.end, canonical: cueNameCanonical(c.text), side: 'other', via: 'pattern' });
  }

  // "former Santos midfielder", "navijači Hajduka": a club's first word beside a player's role names the club,
  // not the city or port it is named after ("the Barcelona midfielder").
  for (const c of clubsByRole(tokens, gazetteer)) {
    const here = mentionOver(c.token);
    if (here >= 0) {
      if (!placeExactlyAt(out[here]!, c.token)) continue;
      removeAt(here);
    }
    push({ type: 'organization', text: c.token.text, start: c.token.start, end: c.token.end, canonical: c.club.canonical, side: c.club.side, via: 'gazetteer' });
  }

  // People by pattern: "el serbio Dragan X", "državljanin Crne Gore Marko X", "shtetasi shqiptar A B", "identificado como X Y".
  // Nationality and country matches by the token they end before.
  const placeBefore = new Map<number, GazetteerMatch>();
  for (const m of gaz) if ((m.entry.type === 'nationality' || m.entry.type === 'country') && !placeBefore.has(m.tokenEnd)) placeBefore.set(m.tokenEnd, m);
  // A nationality or country right before the name gives the person a side.
  // (Within its sentence: "… iz Kolumbije. Stojanović je …" is no Colombian.)
  // A word between may be a noun for a person ("Serbian national Marko X", "crnogorski državljanin Ivan X"), not a comma
  // ("from Brazil, including Arben Krasniqi") nor a verb ("Crna Gora je iz Kolumbije izručila Marka Radulovića").
  const sideOfPattern = (i: number): Side | undefined => {
    const right = placeBefore.get(i);
    const m = right ?? placeBefore.get(i - 1);
    if (!right && m && !PERSON_NOUN.test(fold(tokens[i - 1]?.text ?? ''))) return undefined;
    return m && tokens[i] && !(right ? /[.!?\n:;]/ : /[.!?\n:;,]/).test(text.slice(m.end, tokens[i]!.start)) ? m.entry.side : undefined;
  };
  // Slavic news writes possessives of surnames ("Šarićeva"); Balkan news names suspects by initial ("Ante B.", "Ervis H.").
  const slavic = opts.lang !== undefined && SLAVIC_LANGS.has(opts.lang);
  const initials = opts.lang !== undefined && BALKAN_LANGS.has(opts.lang);
  // After a middle initial, a word the language writes in lowercase opens the next sentence ("Ante B. Policija …").
  const surnameAfterInitial = (w: string) => usualCasing(w, opts.lang) !== 'L';
  /** Reads a person's name from token i and adds it, with the side a nationality, surname or language gives; returns the name's last token. */
  const addPersonAt = (at: number, withInitials = initials): number | undefined => {
    // "German President Richard von Weizsäcker": the name starts after the title.
    // "Albanian Prime Minister Edi Rama": past every word of the title.
    let i = at;
    while (i < at + 3 && TITLE.test(tokens[i]!.norm) && isNameToken(tokens[i + 1])) i++;
    const span = readName(text, tokens, i, taken, withInitials, surnameAfterInitial);
    // "code-named Operation Aleksa": an operation, though its name is a person's.
    if (!span || OPERATION.test(tokens[span[0]]!.norm)) return undefined;
    const s0 = tokens[span[0]]!.start;
    const e0 = tokens[span[1]]!.end + (isInitial(text, tokens[span[1]]) ? 1 : 0);
    const name = text.slice(s0, e0);
    const canonical = personCanonical(name, opts.lang, text.slice(Math.max(0, s0 - 40), s0));
    push({ type: 'person', text: name, start: s0, end: e0, canonical, side: sideOfPattern(i) ?? personSide(canonical, opts.lang), via: 'pattern' });
    return span[1];
  };
  for (let i = 0; i < tokens.length; i++) {
    let trigger = false;
    const gm = placeBefore.get(i);
    if (gm) {
      const before = tokens[gm.tokenStart - 1];
      // Spanish, Portuguese and Albanian write nationalities in lowercase: a capitalised one inside a
      // sentence belongs to a title ("Estudos Portugueses e Espanhóis, Ciências da Comunicação").
      const titled = LOWERCASE_NATIONALITIES.has(opts.lang ?? '') && /^\p{Lu}/u.test(gm.text) && !!before && !/[.!?\n:"“„«]\s*$/u.test(text.slice(before.end, gm.start));
      trigger = (gm.entry.type === 'nationality' && !titled) || (!!before && CITIZEN.test(before.norm));
    }
    if (!trigger && cueWord(tokens[i - 1], CITIZEN)) trigger = true;
    if (!trigger && cueWord(tokens[i - 1], IDENTIFIED)) trigger = true;
    // The object of an arrest ("Policia arrestoi Aldo Berisha", "detuvo a …" is read by the tagger), or
    // a man named by his age ("34-vjeçari Kristi Dedja", "42-годишниот Горан …").
    if (!trigger && isNameToken(tokens[i + 1]) && (cueWord(tokens[i - 1], ARREST_OBJECT) || (cueWord(tokens[i - 1], AGED) && /\d\s?-\s?$/u.test(text.slice(Math.max(0, tokens[i - 1]!.start - 3), tokens[i - 1]!.start))))) trigger = true;
    if (!trigger && /^(como|as|kao|si|kako)$/.test(tokens[i - 1]?.norm ?? '') && IDENTIFIED.test(tokens[i - 2]?.norm ?? '')) trigger = true;
    if (!trigger && ALIAS.test(tokens[i + 2]?.norm ?? '')) {
      // "Marko Petrović, alias …"; the name starts at the given names before: "Juan Carlos Restrepo, alias Pablito".
      let j = i;
      while (j > i - 2 && j > 0 && text.slice(tokens[j - 1]!.end, tokens[j]!.start) === ' ' && givenName(tokens[j - 1]!.text, opts.lang)) j--;
      if (j < i && !taken(tokens[j]!.start, tokens[i]!.end)) {
        i = addPersonAt(j) ?? i;
        continue;
      }
      trigger = true;
    }
    // The next name of a list after a plural nationality: "dy shtetas shqiptarë, Klodian Deda dhe Renato Muça".
    if (!trigger && isNameToken(tokens[i]) && tokens[i - 1] && (LIST_JOINT.test(tokens[i - 1]!.norm) || /,\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start)))) {
      const people = out.filter((m) => m.type === 'person').sort((a, b) => a.start - b.start);
      if (people.length && listSideAt(text, people, originsOf(out), tokens[i]!.start, opts.lang)) trigger = true;
    }
    // Initials and an age, as Balkan police name suspects: "uhapsili su M. T. (44)", "возачот Д.П. (37)".
    const initialsEnd = initialsOnly(text, tokens, i);
    if (!trigger && initials && initialsEnd !== undefined && /^\.\s?\(\d{1,2}\)/.test(text.slice(tokens[initialsEnd]!.end, tokens[initialsEnd]!.end + 7))) trigger = true;
    // … or after where the suspect is from: "35-godišnji Splićanin A. B.".
    if (!trigger && slavic && initialsEnd !== undefined && tokens[i - 1] && DEMONYM.test(tokens[i - 1]!.text) && /^\s$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) trigger = true;
    if (!trigger) continue;
    // Initials alone, as the press names suspects: "un ciudadano montenegrino, N.M., de 34 años".
    if (initialsEnd !== undefined && !taken(tokens[i]!.start, tokens[initialsEnd]!.end + 1)) {
      const canonical = tokens.slice(i, initialsEnd + 1).map((t) => `${nameToLatin(t.text)}.`).join(' ');
      push({ type: 'person', text: text.slice(tokens[i]!.start, tokens[initialsEnd]!.end + 1), start: tokens[i]!.start, end: tokens[initialsEnd]!.end + 1, canonical, side: sideOfPattern(i) ?? (initials ? 'balkan' : 'other'), via: 'pattern' });
      i = initialsEnd;
      continue;
    }
    i = addPersonAt(i) ?? i;
  }

  // A known given name and a capitalised word: "Fatmir Gjoni", "Tomislav Barišić". A one-word
  // place that is also a given name ("Milan Jovičić") gives way to the person.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!/^\p{Lu}\p{Ll}/u.test(t.text) || text.slice(t.end, next.start) !== ' ') continue;
    // "Splićanina Antu B."; in any language a Balkan given name ("el serbio Milan R.", not Milan the city).
    if ((initials || balkanGivenName(t.text)) && isInitial(text, next) && givenName(t.text, opts.lang) && !taken(next.start, next.end + 1)) {
      const here = mentionOver(t);
      if (here >= 0 && placeExactlyAt(out[here]!, t)) removeAt(here);
      if (!taken(t.start, t.end)) i = addPersonAt(i, true) ?? i;
      continue;
    }
    if (!/^\p{Lu}\p{Ll}/u.test(next.text)) continue;
    if (!givenName(t.text, opts.lang) || NOT_NAMES.has(next.text.toLowerCase())) continue;
    // "Vlada Republike", "Edward County", not "Anthony Lake" or "Stuart Hall": a surname may be such a word.
    if (institution(`${t.text} ${next.text}`) && !SURNAME_TOO.has(fold(next.text))) continue;
    const place = gazetteer.matchAt(text, tokens, i + 1, opts.lang);
    // A Balkan given name before a one-word country is a person: "Radoje Zvicer" (the Albanian for
    // Switzerland is Zvicër), not a country.
    const countryAsSurname =
      place?.entry.type === 'country' && place.tokenEnd === i + 2 && balkanGivenName(t.text) && !/^ \p{Lu}/u.test(text.slice(next.end, next.end + 2));
    // In Spanish, Portuguese and English a given name before a one-word place is a person whose surname
    // it is: "Lucas Lima", "Luís Montenegro", "Rodrigo Valencia", "Carlos Santos" (Balkan text writes
    // "ACI Marina Split").
    const placeAsSurname =
      place?.tokenEnd === i + 2 &&
      (place.entry.type === 'city' || place.entry.type === 'port' || SURNAME_COUNTRIES.has(place.entry.canonical)) &&
      !BALKAN_LANGS.has(opts.lang ?? '') && !MARINA.test(t.text) && place.start === next.start && place.end === next.end;
    const surname = countryAsSurname || placeAsSurname || balkanSurname(personCanonical(`X ${next.text}`, opts.lang));
    if (place && !surname) continue;
    const here = mentionOver(t);
    if (here >= 0) {
      if (!surname || !placeExactlyAt(out[here]!, t)) continue;
      removeAt(here);
    }
    // A surname that a place's case form swallowed ("Miroslav Đaković", not Đakovica) is the surname.
    const there = surname ? mentionOver(next) : -1;
    if (there >= 0) {
      if (!placeExactlyAt(out[there]!, next) || (!placeAsSurname && out[there]!.canonical === nameToLatin(next.text))) continue;
      removeAt(there);
    }
    i = addPersonAt(i) ?? i;
  }

  // A suspect named by the surname alone, as police reports do: "un ciudadano albanés de apellido Hoxha",
  // "a Serbian man surnamed Ilić", "državljanin Srbije prezimena Ilić", "shtetasi shqiptar me mbiemrin Hoxha".
  // The side is the nationality named before it in the clause, else the surname's.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!SURNAMED.test(tokens[i - 1]!.norm) || !isNameToken(t) || !/^\s+$/.test(text.slice(tokens[i - 1]!.end, t.start)) || taken(t.start, t.end)) continue;
    const clause = text.slice(Math.max(0, t.start - 60), t.start).split(/[.;!?\n]/).pop()!;
    const nat = out.filter((m) => (m.type === 'nationality' || m.type === 'country') && m.end <= t.start && m.start >= t.start - clause.length).pop();
    const canonical = nameToLatin(t.text);
    push({ type: 'person', text: t.text, start: t.start, end: t.end, canonical, side: nat?.side ?? personSide(`X ${canonical}`, opts.lang), via: 'pattern' });
  }

  // The trained tagger finds the people and organisations no gazetteer or pattern knows.
  if (opts.ner !== false) {
    // An unknown organisation matters where the text speaks of trafficking; elsewhere it is noise.
    const sents = sentences(text);
    const inTraffickingSentence = (at: number) => {
      const s = sents.find((x) => at >= x.start && at < x.end);
      return !!s && traffickingContext(s.text);
    };
    // In a title-cased line (a headline, a list of products or venues) capitals prove nothing: a name
    // with a word the language writes in lowercase ("Jiffy Lube Live"), or an organisation ("New
    // European Markets"), stands only where running text names it too.
    const titled = titleCasedLines(text);
    const inTitle = (at: number) => {
      // The last title line starting at or before `at` (lines are in text order).
      const lo = countBefore(titled.length, (i) => titled[i]!.start <= at);
      return lo > 0 && at < titled[lo - 1]!.end;
    };
    const prose = new Map<string, boolean>();
    const inProse = (name: string) => {
      let found = prose.get(name);
      if (found === undefined) {
        found = false;
        for (let at = text.indexOf(name); at >= 0 && !found; at = text.indexOf(name, at + 1)) found = !inTitle(at);
        prose.set(name, found);
      }
      return found;
    };
    const lowercaseWord = (name: string) => name.split(/\s+/u).some((w) => usualCasing(w, opts.lang) === 'L' && !givenName(w, opts.lang));
    for (const tagged of tagNames(text, opts.lang)) {
      const found = withoutTitle(text, slavic ? withoutDemonym(text, tagged) : tagged);
      if (taken(found.start, found.end)) continue;
      const name = text.slice(found.start, found.end);
      // An organisation in a headline is named in the story too; only there is it one.
      if (inTitle(found.start) && (lowercaseWord(name) || found.type === 'ORG') && !inProse(name)) continue;
      // Not a word opening the sentence or an operation (notAName), nor an age: "45-godišnjeg Splićanina",
      // nor a lone initial: "Splićanin A. B." is A. B., read by the pattern where an age or a nationality says so.
      if (notAName(name) || /^\p{N}/u.test(name) || /^\p{Lu}\.?$/u.test(name)) continue;
      // Nor a street: "Ulici Bulevar Kolumbije", "Avenida de las Américas".
      if (streetWord(name.split(/\s/)[0]!)) continue;
      // Nor the name of an operation: "акције „Екватор“", "operativo Fénix", "aksionit 'Oqeani'".
      const before = fold(/(\p{L}+)[\s"'“”„«»‚‘’]*$/u.exec(text.slice(Math.max(0, found.start - 40), found.start))?.[1] ?? '');
      if (OPERATION.test(before) || CROSSING.test(before)) continue;
      // Nor one word that the language writes in lowercase ("Interview", "Ministro", "Други"), unless it
      // is a given name (Marta, Luka); a known person's surname alone comes back below.
      if (!/\s/u.test(name) && usualCasing(name, opts.lang) === 'L' && !givenName(name, opts.lang)) continue;
      // Nor a drug opening a sentence ("Кокаин је …"), a word the tagger's news may never have had.
      if (!/\s/u.test(name) && drugOf(fold(name))) continue;
      // A townsman or townspeople ("Beograđanina", "Podgoričanin", "Dubrovčani") in a Slavic text.
      const townsman = slavic && (DEMONYM.test(cyrToLat(name)) || DEMONYM_PLURAL.test(cyrToLat(name)));
      if (found.type === 'PER') {
        if (institution(name) || (opts.lang === 'mk' && !macedonianPerson(name))) continue;
        // A townsman ("Beograđanina", "Splićanin Zvonimir …") is no name; but a surname may look like one
        // ("rekao je Borovčanin").
        const describing = !/anin$/u.test(name) || /^\s+\p{Lu}/u.test(text.slice(found.end, found.end + 3));
        if (townsman && !givenName(name) && describing) continue;
        const i = tokens.findIndex((t) => t.start === found.start);
        const canonical = personCanonical(name, opts.lang, text.slice(Math.max(0, found.start - 40), found.start));
        const side = (i >= 0 ? sideOfPattern(i) : undefined) ?? personSide(canonical, opts.lang);
        push({ type: 'person', text: name, start: found.start, end: found.end, canonical, side, via: 'ner' });
      } else if (found.type === 'ORG' && /\p{L}{3}/u.test(name) && inTraffickingSentence(found.start)) {
        // A townsman the tagger took for a body ("uhapšen je Podgoričanin Milan Đurović") is no organisation.
        if (townsman && !/\s/u.test(name)) continue;
        push({ type: 'organization', text: name, start: found.start, end: found.end, canonical: nameToLatin(name), side: 'other', via: 'ner' });
      }
    }
  }
  joinSplitOrganisations(text, out, removeAt, push);
  // "Министарство" after "Министарство спољних послова Србије" is the same agency.
  push(...agencyShortForms(tokens, out.filter((m) => m.type === 'organization' && m.via === 'gazetteer'), overlaps));
  coordinatedSides(text, out, opts.lang);
  // A place named after a person is no person: "aeropuerto Jorge Chávez", "Nikola Tesla Airport".
  for (let k = out.length - 1; k >= 0; k--) if (out[k]!.type === 'person' && namesAVenue(text, out[k]!.start, out[k]!.end)) removeAt(k);
  // Brothers and couples named with one surname: "los hermanos Nikola y Marko Petrović", "braća Ivan i Josip Perić".
  const isGiven = (w: string) => givenName(nameToLatin(w), opts.lang) !== undefined;
  for (const p of out.filter((m) => m.type === 'person')) {
    const shared = sharedSurnameBefore(text, p, isGiven);
    if (!shared) continue;
    const canonical = personCanonical(shared.written, opts.lang, text.slice(Math.max(0, shared.start - 40), shared.start));
    // Not where the text names one of that given name in full with another surname ("Novak Đoković … Novaka i Dušana Vemića").
    const given = canonical.split(' ')[0]!;
    if (out.some((m) => m.type === 'person' && m.canonical.startsWith(`${given} `) && m.canonical !== canonical)) continue;
    const here = out.findIndex((m) => m.start < shared.end && shared.start < m.end);
    // A name a pattern or the gazetteer read otherwise stands; the tagger's guess gives way.
    if (here >= 0 && !(out[here]!.via === 'ner' || (out[here]!.type === 'person' && !out[here]!.canonical.includes(' ')))) continue;
    if (here >= 0) removeAt(here);
    push({ type: 'person', text: text.slice(shared.start, shared.end), start: shared.start, end: shared.end, canonical, side: p.side, via: 'pattern' });
  }
  resolvePeople(out, opts.lang);
  // Later mentions by surname alone, in any case form, are the same person.
  // Two people may share a surname ("Ervin Meta … Meta … his brother Klodian Meta"): it names the one named first, as resolvePeople does.
  const surnames = new Map<string, EntityMention>();
  for (const m of [...out].sort((a, b) => a.start - b.start)) {
    const sur = m.type === 'person' && m.canonical.includes(' ') ? fold(m.canonical.split(' ').pop()!) : undefined;
    if (sur && !surnames.has(sur)) surnames.set(sur, m);
  }
  if (surnames.size) {
    // A word inside a longer name is not the surname alone ("Shoreline Amphitheatre", "Switch Lite"),
    // though the word opening a sentence may stand before it ("When Ford visited").
    const capital = (k: number) => !!tokens[k] && /^\p{Lu}/u.test(tokens[k]!.text);
    const joined = (k: number) => k > 0 && k < tokens.length && text.slice(tokens[k - 1]!.end, tokens[k]!.start) === ' ';
    const opensSentence = (k: number) => k === 0 || /[.!?\n"“]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!/^\p{Lu}/u.test(t.text)) continue;
      // The tagger may have taken a possessive for a person of its own ("Šarićeva", "Sanaderovu"): the
      // person named in full outranks it.
      const f = fold(nameToLatin(t.text));
      const busy = taken(t.start, t.end);
      const here = busy ? mentionOver(t) : -1;
      const exactly = here >= 0 && out[here]!.start === t.start && out[here]!.end === t.end;
      const guess = exactly && out[here]!.via === 'ner' && slavic;
      // A country that is the surname of a person named in full ("Radoje Zvicer … Zvicer se dovodi …").
      const country = exactly && out[here]!.type === 'country' && surnames.has(f);
      if (busy && !guess && !country) continue;
      if ((joined(k) && capital(k - 1) && !opensSentence(k - 1)) || (joined(k + 1) && capital(k + 1))) continue;
      for (const [sur, person] of surnames) {
        // A case form of the surname; one in -a declines in its stem: Gotovina, Gotovine; Berisha, Berishës.
        const rest = f.startsWith(sur) ? f.slice(sur.length) : sur.endsWith('a') && f.startsWith(sur.slice(0, -1)) && A_ENDINGS.has(f.slice(sur.length - 1)) ? '' : undefined;
        const possessive = slavic && possessiveOf(f, sur);
        // Over a country only the surname itself; over the tagger's guess only its possessive.
        const names = country ? rest === '' : guess ? possessive : rest !== undefined && (SURNAME_ENDINGS.has(rest) || possessive);
        if (!names) continue;
        if (guess || country) removeAt(here);
        push({ type: 'person', text: t.text, start: t.start, end: t.end, canonical: person.canonical, side: person.side, via: 'pattern' });
        break;
      }
    }
  }
  addNicknames(text, tokens, out);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A nickname is the person named last before it; so is every later use of it.
 * It outranks what else was found there ("Bosanac" as a nationality, or an
 * organisation only the tagger guessed), but not an agency, group or place
 * name it sits inside. One pass over the mentions, however often the nickname
 * recurs.
 */
function addNicknames(text: string, tokens: Token[], out: EntityMention[]): void {
  const nicks = findNicknames(text, tokens);
  if (!nicks.length) return;
  const replaceable = new Set<EntityType>(['person', 'nationality', 'city', 'country', 'port']);
  const people = out.filter((m) => m.type === 'person' && m.canonical.includes(' ')).sort((a, b) => a.end - b.end);
  const fixed = new Uint8Array(text.length + 1);
  // The tagger's guesses give way too: a quoted nickname is not the organisation it took it for.
  for (const m of out) if (!replaceable.has(m.type) && m.via !== 'ner') for (let k = m.start; k < m.end; k++) fixed[k] = 1;
  const free = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (fixed[k]) return false;
    return true;
  };
  const spans: { start: number; end: number; person: EntityMention }[] = [];
  const taken = new Uint8Array(text.length + 1);
  const take = (start: number, end: number, person: EntityMention) => {
    for (let k = start; k < end; k++) if (taken[k]) return;
    if (!free(start, end)) return;
    for (let k = start; k < end; k++) taken[k] = 1;
    spans.push({ start, end, person });
  };
  const done = new Set<string>();
  for (const n of nicks) {
    // The last full-name person before the nickname, within 400 characters.
    const lo = countBefore(people.length, (i) => people[i]!.end <= n.start);
    // With nobody named before it, a press release may name the person later: "a 52-year-old known as
    // "Barba" … identified as Tomislav Barišić".
    // (Not one the text gives a nickname of their own: "… conocido como "Lucho" … su socio, el ecuatoriano
    // Jorge Andrés Cedeño, alias "El Gato"".)
    const before = people[lo - 1];
    const later = !before ? people[lo] : undefined;
    const ownNickname = later && nicks.some((o) => o !== n && o.start >= later.end && o.start - later.end <= 40);
    let person = before && n.start - before.end <= 400 ? before : later && !ownNickname && later.start - n.end <= 800 ? later : undefined;
    // Nobody named at all: a nationality word right before makes the nickname a person of its own
    // ("el narcotraficante montenegrino conocido como "Lucho"").
    if (!person) person = nicknamedByNationality(text, n, out);
    if (!person) continue;
    take(n.start, n.end, person);
    if (done.has(n.text)) continue;
    done.add(n.text);
    // A nickname with its article in lowercase ("el Ruso") opens a later sentence in capitals: "El Ruso coordinaba …".
    const escaped = n.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const first = n.text.charAt(0);
    const pattern = first !== first.toUpperCase() ? `[${first}${first.toUpperCase()}]${escaped.slice(1)}` : escaped;
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.slice(n.end).matchAll(word)) take(n.end + m.index, n.end + m.index + n.text.length, person);
  }
  if (!spans.length) return;
  // Drop what the nicknames replace, then add them.
  const kept = out.filter((m) => {
    for (let k = m.start; k < m.end; k++) if (taken[k]) return false;
    return true;
  });
  out.length = 0;
  out.push(...kept, ...spans.map(({ start, end, person }) => ({ ...person, text: text.slice(start, end), start, end, via: 'pattern' as const })));
}

/** The last token of two or three initials from token i ("N.M.", "N. M.", "D. J. K."), if they are there. */
function initialsOnly(text: string, tokens: Token[], i: number): number | undefined {
  let k = i;
  while (k < i + 3 && isInitial(text, tokens[k]) && tokens[k + 1] && /^\.\s?$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)) && isInitial(text, tokens[k + 1])) k++;
  // No name may follow: "N. Marković" is a person with a given name's initial, read elsewhere.
  const next = tokens[k + 1];
  if (k === i || (next && /^\.\s?$/.test(text.slice(tokens[k]!.end, next.start)) && /^\p{Lu}/u.test(next.text))) return undefined;
  return k;
}

/** A person known only by a nickname, after a nationality word within a few words: the nationality's side. */
function nicknamedByNationality(text: string, n: { text: string; start: number; end: number }, out: EntityMention[]): EntityMention | undefined {
  const nat = out.find((m) => m.type === 'nationality' && m.end <= n.start && n.start - m.end <= 30 && !/[.!?\n]/.test(text.slice(m.end, n.start)));
  if (!nat) return undefined;
  return { type: 'person', text: n.text, start: n.start, end: n.end, canonical: n.text, side: nat.side, via: 'pattern' };
}

function negativeNearby(text: string, start: number, negatives: string[]): boolean {
  const window = text.slice(Math.max(0, start - 200), start + 200).toLowerCase();
  return negatives.some((n) => n && window.includes(n.toLowerCase()));
}
