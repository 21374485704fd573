// Balkan–Latin America links: the principal connections an article reports.
//
// 1. Local evidence. A Balkan actor and a Latin American group, country or
//    city in one sentence of trafficking context (a drug or crime word, or a
//    criminal group named: "X kept in touch with Los Choneros"); a port also from the next
//    sentence ("… was arrested in Belgrade. The cocaine had left Guayaquil …"),
//    as reports name the port of loading apart from the actor; and the place
//    of a seizure in Latin America, or the place its drugs came from, with the
//    Balkan suspects named within a few sentences of it. An article without
//    such a pair has no links at all.
// 2. The article's story. Reports name the protagonist in one paragraph and the
//    route in another ("the group smuggled cocaine from Panama … the group was
//    led by X"), so every actor–place pair of the article is a candidate. Each
//    is scored by what the pair is (a person's port of loading or partner
//    group, a clan's partner group or country of supply; a city least), by
//    whether the actor is the article's most-named person and the place the
//    first of its kind named, by how close the two are, and by local evidence.
// 3. The strongest few are kept, one at a time: three, or one per ten
//    sentences in long reports. A place already linked to one actor weighs
//    less for the next, as reports give each place to one actor. A digest of
//    every co-occurring pair buries the connection. Then every actor with local
//    evidence that is still unlinked keeps its best local pair, so that a
//    report on several cases loses none of them.
//
// Each link is a canonical pair with its evidence: the sentence (or the
// sentences) where the two are named closest together.
import type { EntityMention } from './entities.js';
import { SLAVIC_LANGS, sentences } from './text-normalize.js';
import { arrestContext, correctedAt, courtSeatAt, holidayAt, rivalAt, deniedAt, disownedAt, kinAt, questionedAt, flagStateAt, forgoneAt, otherCases, suspectContext, traffickingContext } from './context-words.js';
import { clausesOfContrast } from './link-clauses.js';
import { nonParties } from './link-parties.js';

export interface LinkCandidate {
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  evidence: string;
}

/** Links name actors: a Balkan person or group. A nationality, country or port alone does not make a link. */
const BALKAN_TYPES = new Set(['person', 'criminal_group']);
const LATAM_TYPES = new Set(['country', 'port', 'city', 'criminal_group']);
/** A Balkan person or group: the one side of a link. */
const balkanActor = (m: EntityMention) => m.side === 'balkan' && BALKAN_TYPES.has(m.type);
/** A Latin American country, port, city or group: the other side. */
const latam = (m: EntityMention) => m.side === 'latam' && LATAM_TYPES.has(m.type);

/**
 * What a pair weighs by its kinds. A person's route is the port of loading and
 * the partner group; a city is often only where someone lived. A Balkan clan's
 * link is to its partner group and the country it buys in. A city links to a
 * person only.
 */
const PAIR_WEIGHT: Record<string, Record<string, number>> = {
  person: { port: 3, criminal_group: 3, country: 2, city: -1 },
  criminal_group: { port: 3, criminal_group: 5, country: 4 },
};
const PROTAGONIST = 2;
/** A place already linked to another actor of the article costs this: reports give each place to one actor. */
const PLACE_TAKEN = 1;
const FIRST_OF_KIND = 1;
const LATER_OF_KIND = -1.5;
const LOCAL_EVIDENCE = 1;
/** By sentences between the two: same sentence, adjacent, two apart; then one less for every sentence farther. */
const DISTANCE = [1.5, 0.5, 0];
const distanceWeight = (gap: number) => DISTANCE[gap] ?? 2 - gap;
const MIN_SCORE = 2;
/** A word of origin right before a place, or before its port word: "from", "desde", "iz (luke)", "nga (portit të)", "од", "do" (Portuguese "from the"). */
const ORIGIN_BEFORE =
  /(?:^|[^\p{L}])(?:from|desde|iz|nga|od|од|из|do|da|(?:procedentes?|provenientes?|originari[oa]s?|vind[oa]s?) (?:de|do|da)|con origen en)\s+(?:(?:the )?port of\s+|(?:el )?puerto de\s+|(?:o )?porto de\s+|luke\s+|лука\s+|луке\s+|port(?:i|it|in)?(?: (?:i|e|të|te|së|se))?\s+|пристаништето\s+)?$/iu;
const MIN_KEPT = 3;
/** How many sentences from a seizure in Latin America its suspects may be named. */
const SEIZURE_REACH = 3;
const SENTENCES_PER_LINK = 10;
/** A sentence opening by naming whom the one before described: "Se trata de X", "Riječ je o X", "Bëhet fjalë për X", "Станува збор за X", "He was identified as X". */
const IDENTIFIES = /^\s*(?:se trata d[eo]|trata-se d[eo]|(?:rij|r)eč je o|реч је о|ријеч је о|radi se o|ради се о|bëhet fjalë për|станува збор за|(?:he|she|the (?:man|woman|suspect)) (?:was|has been) identified as|identified as)(?!\p{L})/iu;

/** A sentence opening on another matter: "Meanwhile,", "Mientras tanto,", "En otro orden,", "U međuvremenu,", "Ndërkohë,", "Во меѓувреме,". */
const TOPIC_SHIFT = /^\s*(?:meanwhile|in the meantime|mientras tanto|entretanto|en otro orden|por otra parte|por otro lado|u međuvremenu|u medjuvremenu|у међувремену|ndërkohë|во меѓувреме)(?!\p{L})/iu;

/** Whether a local window links the pair (see step 1 above). */
function linkable(b: EntityMention, l: EntityMention, inSentence: EntityMention[][], w: number[], origins: Set<EntityMention>): boolean {
  if (l.type === 'city' && b.type !== 'person') return false;
  if (l.type === 'port' || w.length === 1 || (l.type === 'country' && origins.has(l))) return true;
  return w.some((k) => inSentence[k]!.includes(b) && inSentence[k]!.includes(l));
}

/**
 * Words that refer back to a person, by language, as written: pronouns and the press's role nouns for a
 * suspect ("he", "el acusado", "osumnjičeni", "i dyshuari", "осомничениот"). By language, because one
 * language's pronoun is another's word: English "on", Spanish "he" (I have), "AI".
 */
const ANAPHORS: Record<string, string[]> = {
  en: ['he', 'she', 'him', 'his', 'the suspect', 'the accused', 'the defendant'],
  es: ['él', 'ella', 'el acusado', 'el detenido', 'el sospechoso', 'el capturado', 'el imputado', 'el procesado', 'la acusada', 'la detenida'],
  pt: ['ele', 'ela', 'o suspeito', 'o acusado', 'o preso'],
  sh: ['on', 'ona', 'osumnjičeni', 'osumnjičenik', 'osumnjičena', 'uhapšeni', 'uhićeni', 'optuženi', 'okrivljeni', 'он', 'она', 'осумњичени', 'ухапшени', 'оптужени', 'окривљени'],
  sq: ['ai', 'ajo', 'i dyshuari', 'i arrestuari', 'i akuzuari', 'e dyshuara'],
  mk: ['тој', 'таа', 'осомничениот', 'обвинетиот', 'уапсениот'],
};
const ANAPHOR_PATTERNS = new Map(Object.entries(ANAPHORS).map(([lang, words]) => [lang, new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'iu')]));
/** The language's words that refer back to a person, as one pattern (none for a language not listed). */
const anaphorFor = (lang: string | null | undefined) => ANAPHOR_PATTERNS.get(lang && lang !== 'mk' && SLAVIC_LANGS.has(lang) ? 'sh' : (lang ?? ''));

/** Sentence indices of each canonical name's mentions, in text order. */
function mentionSentences(mentions: { m: EntityMention; s: number }[]): Map<string, { type: string; at: number[] }> {
  const out = new Map<string, { type: string; at: number[] }>();
  for (const { m, s } of mentions) {
    const e = out.get(m.canonical);
    if (e) e.at.push(s);
    else out.set(m.canonical, { type: m.type, at: [s] });
  }
  return out;
}

/** For each sentence of sorted list `a` in context, the nearest sentence of sorted list `b`; the closest such pair. */
function nearestFromContext(a: number[], b: number[], context: boolean[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  let k = 0;
  for (const x of a) {
    while (k < b.length && b[k]! < x) k++;
    if (!context[x]) continue;
    for (const y of [b[k - 1], b[k]]) if (y !== undefined && (!best || Math.abs(x - y) < Math.abs(best[0] - best[1]))) best = [x, y];
  }
  return best;
}

/** The closest pair of sentences [actor's, place's] of which at least one is in trafficking context. */
function closest(a: number[], b: number[], context: boolean[]): [number, number] | undefined {
  const p = nearestFromContext(a, b, context);
  const q = nearestFromContext(b, a, context);
  if (!q) return p;
  if (!p || Math.abs(q[0] - q[1]) < Math.abs(p[0] - p[1])) return [q[1], q[0]];
  return p;
}

/** A seizure as links need it: where it is, and the place its sentence names (seizure-context.ts). */
export interface SeizureAt {
  start: number;
  place?: string;
}

export function findLinks(text: string, all: EntityMention[], seizures: SeizureAt[] = [], lang?: string | null): LinkCandidate[] {
  const sents = sentences(text);
  const officials = nonParties(text, sents, all);
  // A ship's flag is no route: "a Panama-flagged vessel", "con bandera de Panamá"; nor is the road not taken ("instead of … in
  // Colombia"), a place denied ("no evidence that he had been to Ecuador", "no ties to Los Choneros") or set aside ("not from
  // Ecuador but from Colombia") or only asked about ("investigating whether he had ties to the Škaljari clan"), nor a
  // relative's place told beside the case ("his wife is from Ecuador"), nor a holiday ("s obitelji ljetovao u Brazilu").
  const named = all.filter((m) => m.type !== 'person' && m.type !== 'nationality');
  const noRoute = (m: EntityMention) =>
    (m.type === 'country' && flagStateAt(text, m.start, m.end)) || forgoneAt(text, m.start, named) || deniedAt(text, m.start) || correctedAt(text, m.start, m.end) || questionedAt(text, m.start) ||
    kinAt(text, m.start) || holidayAt(text, m.start) || disownedAt(text, m.end);
  // Nor is a clan named as another's enemy a party to its route ("the Škaljari clan financed its war with rival Kavač").
  const entities = all.filter((m) => (m.type === 'person' ? !officials.has(m.canonical) : !noRoute(m) && !(m.type === 'criminal_group' && m.side === 'balkan' && rivalAt(text, m.start))));
  // Each sentence's entities, by one sweep over both in text order.
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let from = 0;
  const other = sents.map((s) => otherCases(s.text));
  const inSentence = sents.map((s, si) => {
    while (from < sorted.length && sorted[from]!.start < s.start) from++;
    const here: EntityMention[] = [];
    for (let k = from; k < sorted.length && sorted[k]!.start < s.end; k++) if (sorted[k]!.end <= s.end) here.push(sorted[k]!);
    // The places of other cases ("Slični slučajevi zabilježeni su u Callau") are no actor's here, and
    // the people of another case ("U drugoj akciji uhićen je Josip Matić") have no place of this one.
    return other[si] ? here.filter((m) => m.type === 'criminal_group' || (m.side !== 'latam' && !(m.side === 'balkan' && m.type === 'person'))) : here;
  });
  const apartIn = clausesOfContrast(sents, inSentence, balkanActor);
  // In an article about drugs or crime, a sentence that names a criminal group is about it too,
  // whatever its words ("X kept in touch with Los Choneros"). (Los Lobos is also a band: an article
  // that reports an arrest is about crime, one on a concert is not.)
  const words = sents.map((s) => traffickingContext(s.text));
  const crimeArticle = words.some(Boolean) || sents.some((s) => arrestContext(s.text));
  const context = words.map((c, k) => c || (crimeArticle && inSentence[k]!.some((m) => m.type === 'criminal_group')));

  // A list item's bullet or dash is no part of the quote: "• For years, Balkan nationals …".
  const quoted = (k: number) => sents[k]!.text.replace(/^[•·▪▸►*–—-]\s+/u, '');
  const passageText = (w: number[]) => w.map((k, i) => (i && k - w[i - 1]! > 1 ? '… ' : '') + quoted(k)).join(' ');

  // A country the drugs came from ("a shipment of bananas from Ecuador", "iz Ekvadora") is the route's
  // origin, as a port of loading is: it links from the next sentence too.
  const originOf = (m: EntityMention) => ORIGIN_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start));
  const origins = new Set(sorted.filter((m) => m.type === 'country' && originOf(m)));

  // Step 1: local evidence: per pair, the sentence window that links them.
  const onePerName = inSentence.map((list) => {
    const seen = new Set<string>();
    return list.filter((m) => {
      const key = `${m.type}\u0000${m.canonical}\u0000${m.side}\u0000${origins.has(m)}`;
      return !seen.has(key) && !!seen.add(key);
    });
  });
  const local = new Map<string, number[]>();
  for (let i = 0; i < sents.length; i++) {
    const windows: number[][] = [[i]];
    if (i + 1 < sents.length) windows.push([i, i + 1]);
    for (const w of windows) {
      // A sentence on another case or other news lends its context to no neighbour: "Novak Djokovic venció
      // en Buenos Aires. En otra noticia, la policía … incautó 300 kilos de cocaína."
      if (!w.some((k) => context[k] && (w.length === 1 || !other[k]))) continue;
      // One mention of each name per sentence (with whether it is a route's origin) decides as well as all of
      // them: a sentence naming one place a thousand times costs no more than once.
      const ents = w.flatMap((k) => onePerName[k]!.map((m) => ({ m, k })));
      for (const { m: b, k: bk } of ents) {
        if (!balkanActor(b)) continue;
        for (const { m: l, k: lk } of ents) {
          if (!latam(l) || !linkable(b, l, inSentence, w, origins)) continue;
          // Two clauses of contrast in one sentence tell of two actors: neither's places are the other's.
          if (bk === lk && apartIn(bk, b.canonical, l.canonical)) continue;
          // A neighbour that turns to another matter ("Meanwhile, Dutch customs seized cocaine from Ecuador")
          // lends its places to no actor of the sentence before.
          if (w.length === 2 && bk !== lk && lk === w[1] && TOPIC_SHIFT.test(sents[lk]!.text)) continue;
          // An actor in a sentence of no trafficking, arrest or suspicion, on a place of its own in Latin America,
          // takes no place from a neighbour that names no Balkan actor: "La policía incautó 500 kilos de cocaína
          // en Guayaquil. El futbolista serbio Dušan Vlahović firmó con un club de Buenos Aires."
          if (
            w.length === 2 && bk !== lk && !context[bk] && !inSentence[lk]!.some(balkanActor) && inSentence[bk]!.some((m) => latam(m) && m.canonical !== l.canonical) &&
            !arrestContext(sents[bk]!.text) && !suspectContext(sents[bk]!.text)
          )
            continue;
          // A sentence of no trafficking that names both takes its context from its neighbour only
          // where that one names a Balkan actor too ("Su enlace en Guayaquil, X, organizaba los envíos"
          // after the clan's), or no other place in Latin America: "Djokovic last played in Argentina
          // in 2012. Meanwhile, police in Rosario reported a drop in drug-related violence."
          if (w.length === 2 && bk === lk && !context[bk]) {
            const there = inSentence[w[0] === bk ? w[1]! : w[0]!]!;
            if (!there.some(balkanActor) && there.some((m) => latam(m) && m.canonical !== l.canonical)) continue;
          }
          const key = `${b.canonical}\u0000${l.canonical}`;
          // The evidence is the first passage that links them; a two-sentence window gives way to
          // the one of its sentences that names both.
          const had = local.get(key);
          if (!had || (w.length === 1 && had.length === 2 && had.includes(w[0]!))) local.set(key, w);
        }
      }
    }
  }
  // A sentence of trafficking that names no Balkan actor but refers to one ("he", "el acusado", "osumnjičeni",
  // "i dyshuari", "осомничениот") is about the one Balkan person the two sentences before name: "Serbian
  // police arrested Milan Jovanović … From there, he organised cocaine shipments leaving Guayaquil."
  const anaphor = anaphorFor(lang);
  for (let i = 1; i < sents.length && anaphor; i++) {
    if (!context[i] || other[i] || inSentence[i]!.some(balkanActor) || !anaphor.test(sents[i]!.text)) continue;
    // The nearest sentence before that names a Balkan actor, if it names one person alone (and no group).
    let from = -1;
    for (let k = i - 1; k >= Math.max(0, i - 2) && from < 0; k--) {
      if (other[k]) break;
      if (inSentence[k]!.some(balkanActor)) from = k;
    }
    if (from < 0) continue;
    const who = inSentence[from]!.filter(balkanActor);
    if (who.some((m) => m.type !== 'person') || new Set(who.map((m) => m.canonical)).size !== 1) continue;
    const b = who[0]!;
    for (const l of inSentence[i]!) {
      if (!latam(l) || !linkable(b, l, inSentence, [i], origins)) continue;
      const key = `${b.canonical}\u0000${l.canonical}`;
      if (!local.has(key)) local.set(key, [from, i]);
    }
  }
  // A sentence that names the one the sentence before described ("… capturó en Cartagena a un ciudadano albanés … para
  // negociar cargamentos de cocaína con el Clan del Golfo. Se trata de Arben Shehu, …") gives that person its places.
  for (let i = 1; i < sents.length; i++) {
    const said = IDENTIFIES.exec(sents[i]!.text);
    if (!said || !context[i - 1] || other[i - 1] || inSentence[i - 1]!.some((m) => m.type === 'person' && m.side === 'balkan')) continue;
    if (!inSentence[i - 1]!.some((m) => m.type === 'nationality' && m.side === 'balkan')) continue;
    // The name right after the words, not one further on ("Se trata de un hombre de 40 años, vecino de Novak Đoković").
    const at = sents[i]!.start + said[0].length;
    const b = inSentence[i]!.find((m) => m.type === 'person' && balkanActor(m) && /^[\s"'“„«]*$/u.test(text.slice(at, m.start)));
    if (!b) continue;
    for (const l of inSentence[i - 1]!) {
      if (!latam(l)) continue;
      const key = `${b.canonical}\u0000${l.canonical}`;
      if (!local.has(key)) local.set(key, [i - 1, i]);
    }
  }
  // A seizure is the article's event: the Balkan actors the article names as arrested, charged or
  // suspected within a few sentences of it ("… 850 kilos at the port of Paranaguá. … the suspects,
  // Dejan Radović and Nikola Perović, …") are linked to its place in Latin America, or to where its
  // drugs came from.
  for (const z of seizures) {
    const s = sents.findIndex((x) => z.start >= x.start && z.start < x.end);
    if (s < 0) continue;
    // Its place, or where the drugs came from, in its sentence or the next: "640 kilograma kokaina … koji je
    // stigao iz Ekvadora"; "Në Vlorë u sekuestruan 150 kg kokainë. Ngarkesa kishte ardhur nga Brazili".
    const targets = [
      ...inSentence[s]!.filter((m) => latam(m) && (m.canonical === z.place || originOf(m))),
      ...(inSentence[s + 1] ?? []).filter((m) => latam(m) && originOf(m)),
    ];
    if (!targets.length) continue;
    for (let k = Math.max(0, s - SEIZURE_REACH); k <= Math.min(sents.length - 1, s + SEIZURE_REACH); k++) {
      if (!suspectContext(sents[k]!.text) || other[k]) continue;
      for (const b of inSentence[k]!) {
        if (!balkanActor(b)) continue;
        for (const place of targets) {
          const key = `${b.canonical}\u0000${place.canonical}`;
          if (!local.has(key)) local.set(key, k === s ? [s] : [Math.min(s, k), Math.max(s, k)]);
        }
      }
    }
  }
  if (!local.size) return [];

  // Step 2: every actor–place pair of the article, scored.
  // A mention is in trafficking context when its sentence or a neighbour is.
  // So is one in a paragraph with such a sentence: "X arrived in Guayaquil and set up an export company. Within two
  // years it shipped containers to Antwerp. Belgian customs seized 1.8 tonnes of cocaine from one of them."
  const paragraph = sents.map(() => 0);
  for (let i = 1; i < sents.length; i++) paragraph[i] = paragraph[i - 1]! + (text.slice(sents[i - 1]!.end, sents[i]!.start).includes('\n') ? 1 : 0);
  const paragraphContext = new Set(paragraph.filter((p, i) => context[i]));
  const nearContext = context.map((c, i) => c || context[i - 1] === true || context[i + 1] === true || paragraphContext.has(paragraph[i]!));
  const placed = inSentence.flatMap((list, s) => list.map((m) => ({ m, s })));
  // A one-word name only the tagger read, and that names no one the text names in full ("преко Скај
  // апликације"), is no actor.
  const actors = mentionSentences(placed.filter(({ m }) => balkanActor(m) && !(m.type === 'person' && m.via === 'ner' && !m.canonical.includes(' '))));
  const places = mentionSentences(placed.filter(({ m }) => latam(m)));
  let protagonist: { name: string; mentions: number } | undefined;
  for (const [name, a] of actors) if (a.type === 'person' && (!protagonist || a.at.length > protagonist.mentions)) protagonist = { name, mentions: a.at.length };
  // A place named only as a court's seat is where the case was tried, not the route, where the text
  // names another: "Un tribunal de Guayaquil condenó a X, detenido en el puerto de Posorja".
  const seatOnly = new Set(places.keys());
  for (const { m } of placed) if (m.side === 'latam' && !courtSeatAt(text, m.start)) seatOnly.delete(m.canonical);
  if (seatOnly.size < places.size) for (const name of seatOnly) places.delete(name);
  const firstOfKind = new Map<string, string>();
  for (const [name, p] of places) if (!firstOfKind.has(p.type)) firstOfKind.set(p.type, name);

  interface Scored {
    balkan: string;
    balkanType: string;
    latam: string;
    latamType: string;
    near: [number, number];
    score: number;
  }
  const scored: Scored[] = [];
  for (const [bName, b] of actors) {
    for (const [lName, l] of places) {
      const weight = PAIR_WEIGHT[b.type]?.[l.type];
      if (weight === undefined) continue;
      const near = closest(b.at, l.at, nearContext);
      if (!near) continue;
      // Nearest in one sentence, but there in different clauses of contrast: the place is another actor's.
      if (near[0] === near[1] && apartIn(near[0], bName, lName)) continue;
      // A group's place nearest in another sentence, which names another Balkan group: the place is that
      // one's ("… pripadnika škaljarskog klana … iz Brazila. Kavački klan je sarađivao sa PCC-om"). (People
      // of one case share its places: "A fourth suspect, the Bosnian Edin Kovač, is still at large.")
      if (b.type === 'criminal_group' && near[0] !== near[1] && inSentence[near[1]]!.some((m) => m.side === 'balkan' && m.type === 'criminal_group' && m.canonical !== bName)) continue;
      const score =
        weight +
        (bName === protagonist?.name ? PROTAGONIST : 0) +
        (firstOfKind.get(l.type) === lName ? FIRST_OF_KIND : LATER_OF_KIND) +
        distanceWeight(Math.abs(near[0] - near[1])) +
        (local.has(`${bName}\u0000${lName}`) ? LOCAL_EVIDENCE : 0);
      if (score >= MIN_SCORE) scored.push({ balkan: bName, balkanType: b.type, latam: lName, latamType: l.type, near, score });
    }
  }
  const linkOf = (c: Scored): LinkCandidate => {
    const [x, y] = c.near[0] <= c.near[1] ? c.near : [c.near[1], c.near[0]];
    const w = local.get(`${c.balkan}\u0000${c.latam}`);
    const evidence = w ? passageText(w) : y - x > 1 ? `${quoted(x)} … ${quoted(y)}` : passageText(x === y ? [x] : [x, y]);
    return { balkan: c.balkan, balkanType: c.balkanType, latam: c.latam, latamType: c.latamType, evidence };
  };

  // Step 3: the strongest few, one at a time, a place already taken weighing less.
  // On equal terms the stronger pair wins, then text order (the sort is stable).
  // A pair whose place is taken only ever loses PLACE_TAKEN, so the best next pick
  // is either the next pair in score order or the best of those set back.
  scored.sort((p, q) => q.score - p.score);
  const keep = Math.max(MIN_KEPT, Math.ceil(sents.length / SENTENCES_PER_LINK));
  const out: LinkCandidate[] = [];
  const taken = new Set<string>();
  const linked = new Set<string>();
  const setBack: Scored[] = [];
  let next = 0;
  let back = 0;
  while (out.length < keep) {
    while (next < scored.length && taken.has(scored[next]!.latam)) setBack.push(scored[next++]!);
    const fresh = scored[next];
    const demoted = setBack[back];
    const demotedScore = demoted ? demoted.score - PLACE_TAKEN : -Infinity;
    let chosen: Scored;
    if (demoted && demotedScore >= MIN_SCORE && (!fresh || demotedScore >= fresh.score)) {
      chosen = demoted;
      back++;
    } else if (fresh) {
      chosen = fresh;
      next++;
    } else break;
    out.push(linkOf(chosen));
    taken.add(chosen.latam);
    linked.add(chosen.balkan);
  }
  // Every actor with local evidence keeps its best link from it, beyond the few: a report
  // on four cases names four people, and none of them may go missing.
  for (const c of scored) {
    if (linked.has(c.balkan) || Math.abs(c.near[0] - c.near[1]) > 1 || !local.has(`${c.balkan}\u0000${c.latam}`)) continue;
    out.push(linkOf(c));
    linked.add(c.balkan);
  }
  return out;
}
