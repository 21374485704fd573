// Agencies named the way every country or city names its own: "Policía
// Nacional", "Županijski sud", "МВР", "Lučka uprava". A gazetteer entry with
// {place} in its canonical name stands for all of them; the place is the one
// named right after ("Policía Nacional del Perú", "Županijskim sudom u
// Zagrebu"), else the source's country (an Ecuadorian outlet's "la Fiscalía"
// is Ecuador's), else the country of the text's language (MUP in Serbian is
// Serbia's; "Polícia Federal" in Portuguese is Brazil's, the only one of its
// countries that writes Portuguese), else the place the text speaks of most.
import { PLACE_TYPES, type Gazetteer, type GazetteerEntry, type GazetteerMatch, type Side } from './gazetteer.js';
import { fold, type Token } from './text-normalize.js';
import { countBefore } from './sorted.js';

/** The country whose institutions a language's press names without saying whose they are. */
export const HOME_COUNTRY: Record<string, string> = {
  sr: 'Serbia',
  hr: 'Croatia',
  bs: 'Bosnia and Herzegovina',
  cnr: 'Montenegro',
  mk: 'North Macedonia',
  sq: 'Albania',
};

/**
 * The countries whose press writes in a language that HOME_COUNTRY leaves
 * open. Where one alone of an agency's places is among them, the agency is
 * that country's: "Polícia Federal" in Portuguese is Brazil's, whichever
 * country the report goes on to name most.
 */
const LANGUAGE_COUNTRIES: Record<string, string[]> = {
  pt: ['Brazil', 'Portugal', 'Angola', 'Mozambique', 'Cape Verde', 'Guinea-Bissau'],
  es: ['Spain', 'Mexico', 'Argentina', 'Bolivia', 'Chile', 'Colombia', 'Costa Rica', 'Cuba', 'Dominican Republic', 'Ecuador', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama', 'Paraguay', 'Peru', 'Uruguay', 'Venezuela'],
};

/** Words that may stand between a name and its place: "u Splitu", "del Perú", "of Colombia", "на Бразил", "во Скопје". */
const CONNECTORS = new Set(['u', 'de', 'del', 'la', 'of', 'the', 'in', 'en', 'na', 'vo', 'i', 'e', 'te', 'se', 'per', 'di', 'za', 'grad', 'grada']);
/** One word for "of" or "in" between a name and a place: "Fiscalía de Reggio Calabria", "Police of Italy", "Tužilaštvo u Milanu". */
const OF_OR_IN = new Set(['u', 'de', 'del', 'of', 'in', 'en', 'na', 'vo', 'di', 'e', 'te']);

interface Place {
  canonical: string;
  side: Side;
  country: string;
}

function placesOf(gazetteer: Gazetteer): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const e of gazetteer.entries) {
    if (!PLACE_TYPES.has(e.type) || out.has(e.canonical)) continue;
    out.set(e.canonical, { canonical: e.canonical, side: e.side, country: e.type === 'country' ? e.canonical : (e.country ?? '') });
  }
  return out;
}

/**
 * The places an entry allows. Besides canonical names, a list may say
 * "countries" (any country), "countries:latam" (the countries of one side) or
 * "cities:Croatia" (the cities and ports of one country).
 */
function allowedPlaces(entry: GazetteerEntry, places: Map<string, Place>, gazetteer: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (const p of entry.places ?? []) {
    const [kind, arg] = p.split(':', 2) as [string, string | undefined];
    if (kind === 'countries' || kind === 'cities') {
      for (const e of gazetteer.entries) {
        if (kind === 'countries' ? e.type !== 'country' || (arg && e.side !== arg) : (e.type !== 'city' && e.type !== 'port') || e.country !== arg) continue;
        out.add(e.canonical);
      }
    } else if (places.has(p)) out.add(p);
  }
  return out;
}

const cache = new WeakMap<Gazetteer, { places: Map<string, Place>; allowed: Map<GazetteerEntry, Set<string>> }>();

function compiled(gazetteer: Gazetteer) {
  let c = cache.get(gazetteer);
  if (!c) {
    const places = placesOf(gazetteer);
    const allowed = new Map<GazetteerEntry, Set<string>>();
    for (const e of gazetteer.entries) if (e.places) allowed.set(e, allowedPlaces(e, places, gazetteer));
    cache.set(gazetteer, (c = { places, allowed }));
  }
  return c;
}

/** A {place} entry as the one agency it names here. */
const concrete = (entry: GazetteerEntry, canonical: string, more: Partial<GazetteerEntry> = {}): GazetteerEntry => ({
  ...entry,
  ...more,
  canonical,
  places: undefined,
  unplaced: undefined,
  placeNames: undefined,
});

/** The first word of a name without its case ending: Министарство, Министарства → ministarstv; Policijske → policijsk. */
const headOf = (m: { text: string }) => fold(m.text.split(/[\s-]+/)[0]!).replace(/(ama|ima|om|em|im|oj|og|ot|ta|to|te|a|e|i|o|u)$/, '');

/**
 * Replaces the matches of {place} entries with concrete agencies (or drops
 * them when no place can be told), folding a place named right after the
 * agency into the agency's span.
 */
export function resolveAgencies(text: string, tokens: Token[], matches: GazetteerMatch[], gazetteer: Gazetteer, lang?: string, sourceCountry?: string): GazetteerMatch[] {
  if (!matches.some((m) => m.entry.places)) return matches;
  const { places, allowed } = compiled(gazetteer);
  // Where the text names each place, in text order: countries, and cities and ports with their country.
  const at = new Map<string, number[]>();
  const note = (place: string, pos: number) => {
    const list = at.get(place);
    if (list) list.push(pos);
    else at.set(place, [pos]);
  };
  for (const m of matches) {
    if (m.entry.places) continue;
    if (PLACE_TYPES.has(m.entry.type)) note(m.entry.canonical, m.start);
    if (m.entry.country) note(m.entry.country, m.start);
  }
  /** How far the nearest mention of a place is; mentions after count double. */
  const distance = (place: string, pos: number) => {
    const list = at.get(place)!;
    const lo = countBefore(list.length, (i) => list[i]! <= pos);
    const before = lo > 0 ? pos - list[lo - 1]! : Infinity;
    const after = lo < list.length ? 2 * (list[lo]! - pos) : Infinity;
    return Math.min(before, after);
  };
  const agencyCountries = new Set(matches.filter((m) => !m.entry.places && m.entry.type === 'organization' && m.entry.country).map((m) => m.entry.country!));
  const agencyCountry = agencyCountries.size === 1 ? [...agencyCountries][0] : undefined;
  const out: GazetteerMatch[] = [];
  const consumed = new Set<GazetteerMatch>();
  // The last multi-word agency of each first word, for short forms.
  const lastFull = new Map<string, GazetteerMatch>();
  const emit = (r: GazetteerMatch) => {
    out.push(r);
    if (r.tokenEnd - r.tokenStart > 1) lastFull.set(`${r.entry.type}\u0000${headOf(r)}`, r);
  };
  for (let idx = 0; idx < matches.length; idx++) {
    const m = matches[idx]!;
    if (consumed.has(m)) continue;
    const ok = allowed.get(m.entry);
    if (!ok) {
      emit(m);
      continue;
    }
    const fill = (place: Place): GazetteerEntry =>
      concrete(m.entry, m.entry.placeNames?.[place.canonical] ?? m.entry.canonical.replace('{place}', place.canonical), { side: place.side, country: place.country || undefined });
    // 1. The place named right after: "Policijske uprave u Novom Sadu".
    const q = qualifier(text, tokens, m, gazetteer, ok, lang);
    // A place of none of its countries right after: "la Fiscalía de Reggio Calabria" is that place's, not the source country's.
    if (q?.foreign) {
      emit({ ...m, entry: concrete(m.entry, m.entry.canonical.replace('{place}', q.entry.canonical), { side: q.entry.side, country: (q.entry.type === 'country' ? q.entry.canonical : q.entry.country) || undefined }) });
      continue;
    }
    // A city or port of an allowed country right after: "Specijalno tužilaštvo u Podgorici" is Montenegro's (the city stays a city).
    if (q && !ok.has(q.entry.canonical)) {
      emit({ ...m, entry: fill(places.get(q.entry.country!)!) });
      continue;
    }
    if (q) {
      for (let k = idx + 1; k < matches.length && matches[k]!.start < q.end; k++) consumed.add(matches[k]!);
      emit({ ...m, entry: fill(places.get(q.entry.canonical)!), text: text.slice(m.start, q.end), end: q.end, tokenEnd: q.tokenEnd });
      continue;
    }
    if (m.entry.unplaced) {
      emit({ ...m, entry: concrete(m.entry, m.entry.unplaced) });
      continue;
    }
    // 2. A short form of an agency the text named in full before: "la Fiscalía" after "la Fiscalía General del Estado".
    const earlier = lastFull.get(`${m.entry.type}\u0000${headOf(m)}`);
    if (earlier && earlier.tokenEnd - earlier.tokenStart > m.tokenEnd - m.tokenStart) {
      emit({ ...m, entry: earlier.entry });
      continue;
    }
    // 3. The source's country, else the country of every agency the text names that has one (Montenegrin
    // news in a Bosnian-looking text: "Uprava policije i Uprava carina"), else the country of the text's
    // language, or the one allowed country that writes it; 4. the allowed place the text names most, the
    // nearer one first on a tie.
    let chosen = [sourceCountry, agencyCountry, lang ? HOME_COUNTRY[lang] : undefined].find((home) => home && ok.has(home));
    const speaking = lang ? LANGUAGE_COUNTRIES[lang]?.filter((c) => ok.has(c)) : undefined;
    if (!chosen && speaking?.length === 1) chosen = speaking[0];
    if (!chosen) {
      let best = 0;
      for (const [place, list] of at) {
        if (!ok.has(place)) continue;
        if (list.length > best || (list.length === best && distance(place, m.start) < distance(chosen!, m.start))) {
          best = list.length;
          chosen = place;
        }
      }
    }
    if (chosen) emit({ ...m, entry: fill(places.get(chosen)!) });
  }
  return out;
}

/**
 * The place named right after an agency, in its clause: one the entry allows, or a city or port of a country it
 * allows; or, over one word for "of" or "in", a place of another country (`foreign`: "Fiscalía de Reggio Calabria").
 */
function qualifier(text: string, tokens: Token[], m: GazetteerMatch, gazetteer: Gazetteer, ok: Set<string>, lang?: string): (GazetteerMatch & { foreign?: boolean }) | undefined {
  for (let k = m.tokenEnd; k < Math.min(tokens.length, m.tokenEnd + 3); k++) {
    // A place belongs to the name only within the same clause.
    if (/[.,;:!?()\n]/.test(text.slice(k === m.tokenEnd ? m.end : tokens[k - 1]!.end, tokens[k]!.start))) return undefined;
    const pm = gazetteer.matchAt(text, tokens, k, lang);
    if (pm && PLACE_TYPES.has(pm.entry.type) && (ok.has(pm.entry.canonical) || (pm.entry.type !== 'country' && !!pm.entry.country && ok.has(pm.entry.country)))) return pm;
    if (pm && PLACE_TYPES.has(pm.entry.type) && k === m.tokenEnd + 1 && OF_OR_IN.has(tokens[m.tokenEnd]!.norm) && /^\p{Lu}/u.test(tokens[k]!.text)) return { ...pm, foreign: true };
    if (!CONNECTORS.has(tokens[k]!.norm)) return undefined;
  }
  return undefined;
}

/**
 * Later mentions of an agency by its first word alone, capitalised
 * ("Министарство" after "Министарство спољних послова Србије", "Armada" after
 * "Armada de Colombia"), are the same agency.
 */
export function agencyShortForms<T extends { text: string; start: number; end: number }>(tokens: Token[], agencies: T[], taken: (s: number, e: number) => boolean): T[] {
  const out: T[] = [];
  // Full names by their first word, in text order.
  const byHead = new Map<string, T[]>();
  for (const a of agencies) {
    if (!/\s/.test(a.text.trim())) continue;
    const h = headOf(a);
    if (h.length < 4) continue;
    const list = byHead.get(h) ?? [];
    list.push(a);
    byHead.set(h, list);
  }
  if (!byHead.size) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^\p{Lu}\p{Ll}{3,}/u.test(t.text) || taken(t.start, t.end)) continue;
    // A capitalised word right after makes it part of another name.
    const next = tokens[i + 1];
    if (next && /^\p{Lu}/u.test(next.text) && next.start - t.end <= 1) continue;
    const list = byHead.get(headOf(t));
    if (!list) continue;
    let a: T | undefined;
    for (const x of list) if (x.end <= t.start) a = x;
    if (a) out.push({ ...a, text: t.text, start: t.start, end: t.end });
  }
  return out;
}
