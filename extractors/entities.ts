// Entity finding: gazetteer matches for every language, people found by
// patterns (nationality + name, "citizen of X", alias and nickname phrases,
// "identified as"), and compromise for people and organisations in English.
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import { Gazetteer, type EntityType, type GazetteerEntry, type Side } from './gazetteer.js';
import { cyrToLat, fold, sentences, tokenize, type Token } from './text-normalize.js';
import { TRAFFICKING_CONTEXT } from './context-words.js';

export interface EntityMention {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  canonical: string;
  side: Side;
  /** How it was found. */
  via: 'gazetteer' | 'pattern' | 'compromise' | 'watchlist';
  /** For watchlist hits, the list name. */
  watchlist?: string;
}

// Words that introduce a person's name after a nationality or country.
const CITIZEN = /^(drzavljanin|drzavljanina|drzavljaninu|drzavljanka|drzavljanku|citizen|national|ciudadano|ciudadana|nacional|shtetas|shtetasi|shtetasin|shtetase|drzavjanin|drzavjanka|drzhavjanin|drzhavjaninot|biznismen|biznismena|empresario|businessman|narcotrafficker|narcotraficante|trafficker)$/;
const IDENTIFIED = /^(identificado|identificada|identified|identifikovan|identifikovani|identificiran|identifikuar|idenтификуван|named|nombrado|imenom|po imenu|emri|lider|leader|jefe|boss|sef|šef|vodja|vođa|kreu|shefi|osumnjiceni|osumnjicenog|sospechoso|suspect|acusado|accused|okrivljeni|okrivljenog|i dyshuari|осомничениот)$/;
const ALIAS = /^(alias|zvani|zvanog|zvanom|zvana|nadimak|nadimkom|apodado|apodo|alias|conocido|known|njohur|poznat|poznatog|познат|nicknamed)$/;
const PARTICLES = new Set(['de', 'del', 'la', 'los', 'da', 'dos', 'van', 'von', 'di', 'el']);
const NOT_NAMES = new Set(
  ['the', 'el', 'la', 'los', 'las', 'un', 'una', 'u', 'i', 'a', 'and', 'y', 'e', 'dhe', 'ne', 'në', 'en', 'in', 'of', 'de', 'je', 'se', 'su', 'da', 'na', 'po', 'za', 'od', 'do', 'iz', 'me', 'te', 'që', 'qe',
    'policija', 'policia', 'police', 'polícia', 'policía', 'tužilaštvo', 'sud', 'court', 'tribunal', 'fiscalía', 'mup', 'ministry', 'ministerio', 'agencies', 'agencias',
    'januar', 'februar', 'enero', 'febrero', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes']
    .map((w) => w.toLowerCase()),
);

// compromise takes half a second to load: load it the first time English text needs it.
let nlpLoaded: typeof nlpType | undefined;
function nlp(text: string) {
  nlpLoaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return nlpLoaded(text);
}

/**
 * compromise parses about 7 ms per 1,000 characters: it reads at most this many
 * candidate sentences per article, so one long report cannot stall a crawl.
 */
const COMPROMISE_SENTENCES = 3;

function isNameToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (!/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t.text)) return false;
  return !NOT_NAMES.has(t.text.toLowerCase());
}

/** Reads a person name (2–4 capitalised tokens, particles allowed inside) starting at token i. */
function readName(text: string, tokens: Token[], i: number, taken: (s: number, e: number) => boolean): [number, number] | undefined {
  let j = i;
  const parts: number[] = [];
  while (j < tokens.length && parts.length < 4) {
    const t = tokens[j]!;
    if (parts.length && !/^[\s]{1,2}$/.test(text.slice(tokens[j - 1]!.end, t.start))) break;
    if (isNameToken(t) && !taken(t.start, t.end)) parts.push(j);
    else if (parts.length && PARTICLES.has(t.text) && isNameToken(tokens[j + 1])) parts.push(j);
    else break;
    j++;
  }
  if (parts.length < 2) return undefined;
  return [parts[0]!, parts[parts.length - 1]!];
}

/** A person's canonical name: Latin script, as written. */
function personCanonical(name: string): string {
  return cyrToLat(name).replace(/\s+/g, ' ').trim();
}

export interface FindOptions {
  lang?: string;
  /** Watchlist entries, matched the same way as gazetteer entries. */
  watchlist?: Gazetteer;
}

export function findEntities(text: string, gazetteer: Gazetteer, opts: FindOptions = {}): EntityMention[] {
  const tokens = tokenize(text);
  const out: EntityMention[] = [];
  const overlaps = (s: number, e: number) => out.some((m) => s < m.end && m.start < e);

  const add = (entry: GazetteerEntry, m: { text: string; start: number; end: number }, via: EntityMention['via']) => {
    out.push({ type: entry.type, text: m.text, start: m.start, end: m.end, canonical: entry.canonical, side: entry.side, via, watchlist: via === 'watchlist' ? entry.origin : undefined });
  };

  if (opts.watchlist) {
    for (const m of opts.watchlist.match(text, tokens)) {
      if (m.entry.negative?.length && negativeNearby(text, m.start, m.entry.negative)) continue;
      add(m.entry, m, 'watchlist');
    }
  }
  const gaz = gazetteer.match(text, tokens);
  for (const m of gaz) if (!overlaps(m.start, m.end)) add(m.entry, m, 'gazetteer');

  // People by pattern: "el serbio Dragan X", "državljanin Crne Gore Marko X", "shtetasi shqiptar A B", "identificado como X Y".
  const sideOfPattern = (i: number): Side | undefined => {
    // A nationality or country right before the name gives the person a side.
    for (const m of gaz) {
      if (m.tokenEnd === i || m.tokenEnd === i - 1) {
        if (m.entry.type === 'nationality' || m.entry.type === 'country') return m.entry.side;
      }
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    let trigger = false;
    const gm = gaz.find((m) => m.tokenEnd === i && (m.entry.type === 'nationality' || m.entry.type === 'country'));
    if (gm) {
      const before = tokens[gm.tokenStart - 1];
      trigger = gm.entry.type === 'nationality' || (!!before && CITIZEN.test(before.norm));
    }
    if (!trigger && CITIZEN.test(tokens[i - 1]?.norm ?? '')) trigger = true;
    if (!trigger && IDENTIFIED.test(tokens[i - 1]?.norm ?? '')) trigger = true;
    if (!trigger && /^(como|as|kao|si|како)$/.test(tokens[i - 1]?.norm ?? '') && IDENTIFIED.test(tokens[i - 2]?.norm ?? '')) trigger = true;
    if (!trigger && ALIAS.test(tokens[i + 2]?.norm ?? '')) trigger = true; // "Marko Petrović, alias …"
    if (!trigger) continue;
    const span = readName(text, tokens, i, overlaps);
    if (!span) continue;
    const s = tokens[span[0]]!.start;
    const e = tokens[span[1]]!.end;
    const name = text.slice(s, e);
    out.push({ type: 'person', text: name, start: s, end: e, canonical: personCanonical(name), side: sideOfPattern(i) ?? 'other', via: 'pattern' });
    i = span[1];
  }

  // English: compromise finds people and organisations the patterns miss. It is slow on long
  // texts, so it reads only sentences that hold a name's shape (two capitalised words in a row)
  // and speak of trafficking, where an unknown name matters.
  if (opts.lang === 'en') {
    const NAME_SHAPE = /\p{Lu}[\p{Ll}'’.-]+\s+(?:(?:de|da|van|von|el|al)\s+)?\p{Lu}[\p{Ll}'’-]+/gu;
    let budget = COMPROMISE_SENTENCES;
    for (const sent of sentences(text)) {
      if (budget <= 0) break;
      // Only sentences that name a Balkan or Latin American place or group (where a new person makes a link),
      // and only name shapes that no gazetteer entry or pattern explained yet.
      const sided = out.some((m) => m.start >= sent.start && m.end <= sent.end && (m.side === 'balkan' || m.side === 'latam'));
      if (!sided) continue;
      const unexplained = [...sent.text.matchAll(NAME_SHAPE)].some((m) => !overlaps(sent.start + m.index!, sent.start + m.index! + m[0].length));
      if (!unexplained || !TRAFFICKING_CONTEXT.test(fold(sent.text))) continue;
      budget--;
      const doc = nlp(sent.text);
      for (const [kind, list] of [
        ['person', doc.people().json({ offset: true })],
        ['organization', doc.organizations().json({ offset: true })],
      ] as const) {
        for (const p of list as { text: string; offset: { start: number; length: number } }[]) {
          let s = sent.start + p.offset.start;
          let e = s + p.offset.length;
          // compromise includes trailing punctuation in text; trim to letters.
          while (e > s && !/[\p{L}\p{N}]/u.test(text[e - 1]!)) e--;
          while (s < e && !/[\p{L}\p{N}]/u.test(text[s]!)) s++;
          const name = text.slice(s, e);
          if (e <= s || overlaps(s, e)) continue;
          if (kind === 'person' && name.split(/\s+/).length < 2) continue;
          out.push({ type: kind, text: name, start: s, end: e, canonical: personCanonical(name), side: 'other', via: 'compromise' });
        }
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function negativeNearby(text: string, start: number, negatives: string[]): boolean {
  const window = text.slice(Math.max(0, start - 200), start + 200).toLowerCase();
  return negatives.some((n) => n && window.includes(n.toLowerCase()));
}
