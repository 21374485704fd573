// The analysis stage: language and script, entities, seizures and links for
// one text. `ruta analyze` and the pipeline both call this, so the pipeline
// stores exactly what `analyze` returns.
import { DEFAULT_GAZETTEER_DIR, Gazetteer, loadDefaultGazetteer } from './gazetteer.js';
import { findEntities, type EntityMention, type FindOptions } from './entities.js';
import { recaseShouting } from './shouting.js';
import { maskTeasers } from './teasers.js';
import { givenName } from './given-names.js';
import { findSeizures, type SeizureMention } from './seizures.js';
import { withPlaceAndDate } from './seizure-context.js';
import { findLinks, type LinkCandidate } from './links.js';
import { identifyLanguage } from './langid.js';
import { fold, sentences } from './text-normalize.js';
import { traffickingContext } from './context-words.js';

export interface AnalyzeInput {
  text: string;
  title?: string;
  lang?: string | null;
  /** The source's language, used as a prior for short texts. */
  langPrior?: string | null;
  /** The source's country (ISO 3166-1 alpha-2, as in sources.yaml): an agency named without its country is this country's. */
  country?: string | null;
  /**
   * When the article was published (else fetched): a seizure's date written without a year ("el 3 de
   * mayo", "5. marta") takes the year that puts it on or before this. Without it such a date is none.
   */
  published?: Date | string | null;
}

export interface Analysis {
  /** Set when the text was longer than ANALYZE_MAX_CHARS: entities, seizures and links cover text[0, analyzedChars). */
  analyzedChars?: number;
  lang: string;
  script: 'Latn' | 'Cyrl';
  langConfidence: number;
  entities: EntityMention[];
  seizures: SeizureMention[];
  links: LinkCandidate[];
}

export { DEFAULT_GAZETTEER_DIR, loadDefaultGazetteer };

/**
 * Entities, seizures and links are found in at most this many characters of a text. A long
 * investigation runs to some 60,000; a page of several megabytes of text (a hostile or broken
 * one) would take half a minute and a gigabyte of memory.
 */
export const ANALYZE_MAX_CHARS = 150_000;

/** Where a long text is cut for analysis: the last paragraph break (else sentence end, else space) before the limit. */
export function analysisEnd(text: string, max = ANALYZE_MAX_CHARS): number {
  if (text.length <= max) return text.length;
  const floor = max - 5_000;
  for (const sep of ['\n', '. ', ' ']) {
    const at = text.lastIndexOf(sep, max - sep.length);
    if (at >= floor) return at + sep.length;
  }
  return max;
}

/** What a reader is told when analysis read only the first `analyzedChars` of a text. */
export function partialAnalysisNote(textLength: number, analyzedChars: number): string {
  return `the text is ${textLength} characters long; entities, seizures and links were looked for in the first ${analyzedChars} only`;
}

/** Words of the sea and its trade, folded (Cyrillic read as Latin): a port, a ship, a container, in every Ruta language. */
const MARITIME = /(?<![a-z])(?:luk[aeiu]|luci|luck\w*|port(?:o|os|s|in|i|it|et|u)?|puert[oa]s?|terminal\w*|limani|pristanist\w*|harbou?rs?|muelle|brod\w*|barco|buque|navio|ships?|vessels?|containers?|kontejner\w*|contenedor\w*|conteiner\w*|anij\w*|naviera)(?![a-z])/u;

const cityPortsOf = new WeakMap<Gazetteer, Set<string>>();

/**
 * A port that is a great city too (`city: true`), in news that speaks neither of trafficking nor of
 * the sea, is the city: "Brazil's next match is against Uruguay in Montevideo", a concert in Split.
 * A port town (Paita, Posorja) stays the port.
 */
function portsInLandNews(text: string, entities: EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  let cities = cityPortsOf.get(gazetteer);
  if (!cities) cityPortsOf.set(gazetteer, (cities = new Set(gazetteer.entries.filter((e) => e.type === 'port' && e.city).map((e) => e.canonical))));
  if (!entities.some((e) => e.type === 'port' && cities.has(e.canonical))) return entities;
  if (MARITIME.test(fold(text)) || sentences(text).some((s) => traffickingContext(s.text))) return entities;
  return entities.map((e) => (e.type === 'port' && cities.has(e.canonical) ? { ...e, type: 'city' } : e));
}

/**
 * The people named in capitals ("POLICIJA UHAPSILA MARKA ILIĆA U GVAJAKILU"), read from the text written as a
 * title and added where no entity stands; their text is the text's own.
 */
function withShoutedNames(text: string, found: EntityMention[], gazetteer: Gazetteer, opts: FindOptions): EntityMention[] {
  const titled = recaseShouting(text, opts.lang);
  if (titled === undefined) return found;
  // A name read there starts with a given name and has a surname: "Marka Ilića", not "Šverca Kokaina".
  const people = findEntities(titled, gazetteer, opts).filter(
    (m) => m.type === 'person' && m.canonical.includes(' ') && givenName(m.canonical.split(' ')[0]!, opts.lang) !== undefined && !found.some((o) => o.start < m.end && m.start < o.end),
  );
  if (!people.length) return found;
  return [...found, ...people.map((m) => ({ ...m, text: text.slice(m.start, m.end) }))].sort((a, b) => a.start - b.start);
}

export function analyze(input: AnalyzeInput, gazetteer = loadDefaultGazetteer(), watchlist?: Gazetteer): Analysis {
  const end = analysisEnd(input.text);
  const text = end < input.text.length ? input.text.slice(0, end) : input.text;
  const detected = identifyLanguage(`${input.title ?? ''}\n${text}`, input.lang ?? input.langPrior);
  const lang = input.lang ?? detected.lang;
  const opts: FindOptions = { lang, watchlist, country: input.country };
  // Teasers of other articles ("Pročitajte još: …") are read past: what they name is theirs.
  const body = maskTeasers(text);
  const entities = portsInLandNews(body, withShoutedNames(body, findEntities(body, gazetteer, opts), gazetteer, opts), gazetteer);
  const published = input.published ? new Date(input.published) : undefined;
  const seizures = withPlaceAndDate(body, findSeizures(body, lang), entities, lang, published && !Number.isNaN(published.getTime()) ? published : undefined);
  const links = findLinks(body, entities, seizures, lang);
  // The headline may name what the body leaves to it ("Uhapšen Srbin u Ekvadoru: krijumčario kokain za kavački klan"
  // above a body that names neither the clan nor the country): a link of the headline between two parties no link of
  // the body names joins the body's, with the headline as evidence. (Offsets count into the text: the headline's
  // entities stay out.)
  const title = input.title?.trim();
  if (title) {
    const named = new Set(links.flatMap((l) => [l.balkan, l.latam]));
    // Gazetteer and patterns only: the tagger costs a body's worth of time for the few names a headline adds.
    const inTitle = portsInLandNews(`${title}\n${body}`, findEntities(title, gazetteer, { ...opts, ner: false }), gazetteer);
    for (const l of findLinks(title, inTitle)) if (!named.has(l.balkan) && !named.has(l.latam)) links.push(l);
  }
  const analysis: Analysis = { lang, script: detected.script, langConfidence: detected.confidence, entities, seizures, links };
  if (end < input.text.length) analysis.analyzedChars = end;
  return analysis;
}
