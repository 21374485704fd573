// Companies and vessels named after a word that says what they are: "la
// exportadora Frutas del Litoral S.A.", "firme „Agro Andino Export“",
// "Kompanija „Balkan Kafa Trade“", "el buque mercante "Orion Star"",
// "na brodu „Adriatic Pearl“". The name is the quoted text, or else a run of
// capitalised words with the particles and legal suffixes of company names.
import { givenName } from './given-names.js';
import { fold, quotedAt, type Token } from './text-normalize.js';
import { nameToLatin } from './persons.js';

export interface CueName {
  type: 'company' | 'vessel';
  text: string;
  start: number;
  end: number;
}

// Folded forms (Cyrillic transliterated): the cue word in its case forms.
const COMPANY_CUE =
  /^(empresa|empresas|exportadora|importadora|comercializadora|naviera|compania|company|firm|exporter|importer|firma|firme|firmi|firmu|firmom|firmes|firmen|firmata|kompanija|kompanije|kompaniji|kompaniju|kompanijom|kompanijata|kompania|kompanise|kompanine|preduzece|preduzeca|preduzecu|preduzecem|poduzece|poduzeca|poduzecu|tvrtka|tvrtke|tvrtki|tvrtku|izvoznik|izvoznika|izvozniku|izvoznikom|uvoznik|uvoznika|uvozniku|uvoznikom|shoqeria|shoqerise|shoqerine|drustvo|drustva|trgovacko)$/;
const VESSEL_CUE =
  /^(buque|barco|navio|carguero|portacontenedores|velero|ship|vessel|freighter|tanker|yacht|boat|brod|broda|brodu|brodom|teretnjak|teretnjaka|teretnjaku|jahta|jahte|jahti|anije|anija|anijen|anijes|anijet|brodot|brodovi)$/;
/** Cargo words that may stand between the cue and a name without quotes: "el buque mercante Blue Horizon", "teretni brod". */
const CARGO = /^(mercante|portacontenedores|carguero|cargo|container|merchant|teretni|teretnog|teretnom|kontejnerski|kontejnerskog|kontejnerskom|tregtare|mallrash)$/;
const SUFFIX =
  /^\s+(S\.\s?A\.(\s?[CA]\.)?|S\.A\.S\.|S\.\s?L\.|S\.R\.L\.|E\.I\.R\.L\.|EIRL|EIRELI|SAC|Ltda\.?|Ltd\.?|Inc\.?|LLC|GmbH|B\.V\.|N\.V\.|j\.d\.o\.o\.|d\.o\.o\.?|doo|sh\.p\.k\.?|shpk|SH\.P\.K\.?|Cía\.? Ltda\.?)(?![\p{L}\p{N}])/u;
/** The suffixes that name a company with no cue word: written as legal forms are, not words ("Next doo"). */
const LEGAL_FORM = /^\s+(?!doo\b|shpk\b)/u;
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'do', 'da', 'dos', 'das', 'of', 'and', '&']);

export function findCueNames(text: string, tokens: Token[], taken: (s: number, e: number) => boolean): CueName[] {
  const out: CueName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = tokens[i]!.norm;
    const type = COMPANY_CUE.test(cue) ? 'company' : VESSEL_CUE.test(cue) ? 'vessel' : undefined;
    if (!type) continue;
    let found: { text: string; start: number; end: number } | undefined;
    // The name right after the cue, or after up to two lowercase words: any before a quoted name
    // ("del buque mercante de bandera "X""), cargo words before a bare one.
    for (let j = i + 1; !found && j <= i + 3 && j < tokens.length; j++) {
      const between = tokens.slice(i + 1, j);
      if (between.some((t) => !/^\p{Ll}/u.test(t.text))) break;
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      found = quoted(text, gap, tokens[j - 1]!.end);
      if (!found && /^\s{1,2}$/.test(gap) && between.every((t) => CARGO.test(t.norm))) found = capitalised(text, tokens, j, type);
    }
    if (!found || taken(found.start, found.end) || out.some((o) => found.start < o.end && o.start < found.end)) continue;
    out.push({ type, ...found });
  }
  // A legal suffix names a company with no cue word: "a Belgrade-registered company, Agro Trade Balkan d.o.o.".
  const opensSentence = (t: Token) => /(?:^|[.!?\n]\s*)$/u.test(text.slice(Math.max(0, t.start - 3), t.start));
  for (let k = 0; k < tokens.length; k++) {
    const after = text.slice(tokens[k]!.end, tokens[k]!.end + 16);
    if (!/^\p{Lu}/u.test(tokens[k]!.text) || !SUFFIX.test(after) || !LEGAL_FORM.test(after)) continue;
    let j = k;
    while (j > 0 && k - j < 4 && /^[\s&-]{1,3}$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)) && (/^\p{Lu}/u.test(tokens[j - 1]!.text) || (PARTICLES.has(tokens[j - 1]!.norm) && j - 1 > 0 && /^\p{Lu}/u.test(tokens[j - 2]!.text)))) j--;
    // Not an article ("The", "La"), a particle, or a word opening the sentence before a lowercase one ("Shares of").
    while (j < k && (ARTICLES.has(tokens[j]!.norm) || PARTICLES.has(tokens[j]!.norm) || (opensSentence(tokens[j]!) && !/^\p{Lu}/u.test(tokens[j + 1]!.text)))) j++;
    const start = tokens[j]!.start;
    const end = tokens[k]!.end + SUFFIX.exec(after)![0].length;
    if (k === j && tokens[k]!.text.length < 3) continue;
    if (taken(start, end) || out.some((o) => start < o.end && o.start < end)) continue;
    out.push({ type: 'company', text: text.slice(start, end), start, end });
  }
  return out;
}

const ARTICLES = new Set(['the', 'a', 'an', 'la', 'el', 'los', 'las', 'o', 'os', 'as']);

/**
 * English words of ship and company names as Serbian and Macedonian Cyrillic spell them, read back
 * (Latin transliteration, folded → English): "Санта Роса Експрес" is the Santa Rosa Express, not
 * "Ekspres"; "Оушн Трејдер" is Ocean Trader.
 */
const ENGLISH_BACK: Record<string, string> = {
  ekspres: 'Express', ousn: 'Ocean', osn: 'Ocean', si: 'Sea', kvin: 'Queen', princes: 'Princess', trejder: 'Trader', kargo: 'Cargo',
  glori: 'Glory', spirit: 'Spirit', vencer: 'Venture', lajn: 'Line', lajns: 'Lines', siping: 'Shipping', trejd: 'Trade', trejding: 'Trading',
  grup: 'Group', internesenel: 'International', internesnal: 'International', pasifik: 'Pacific', atlantik: 'Atlantic', blu: 'Blue',
  vajt: 'White', sanrajz: 'Sunrise', horajzn: 'Horizon', hrajzon: 'Horizon', frut: 'Fruit', fruts: 'Fruits', logistiks: 'Logistics',
  kompani: 'Company', korporejsn: 'Corporation', limited: 'Limited', holding: 'Holding', marin: 'Marine', najt: 'Knight', trast: 'Trust',
};

/** A company's or a vessel's canonical name: Latin script, with English words that Cyrillic spelt read back. */
export function cueNameCanonical(name: string): string {
  const latin = nameToLatin(name);
  if (!/\p{Script=Cyrillic}/u.test(name)) return latin;
  return latin.replace(/\p{L}+/gu, (w) => ENGLISH_BACK[fold(w)] ?? w);
}

/** A name in quotes right after the cue: the text between the quotes, if it is name-like. */
function quoted(text: string, gap: string, gapStart: number): { text: string; start: number; end: number } | undefined {
  const m = /^\s{0,2}\S$/u.exec(gap);
  const q = m && quotedAt(text, gapStart + gap.length - 1, 60);
  if (!q || !/^[\p{Lu}\p{N}]/u.test(q.text) || q.text.split(/\s+/).length > 6) return undefined;
  return q;
}

/** Capitalised words from token j, with particles inside and a legal suffix at the end. Vessels need two words. */
function capitalised(text: string, tokens: Token[], j: number, type: CueName['type']): { text: string; start: number; end: number } | undefined {
  let k = j;
  let last = -1;
  let words = 0;
  while (k < tokens.length && words < 5) {
    const t = tokens[k]!;
    if (words && SUFFIX.test(text.slice(tokens[k - 1]!.end))) break;
    if (k > j && !/^[\s&-]{1,3}$/.test(text.slice(tokens[k - 1]!.end, t.start))) break;
    if (/^\p{Lu}/u.test(t.text)) {
      last = k;
      words++;
    } else if (!(words && PARTICLES.has(t.norm) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''))) break;
    k++;
  }
  if (last < 0 || (type === 'vessel' && words < 2)) return undefined;
  // "Direktor kompanije Vladimir Stanišić": a person, not a company.
  if (givenName(tokens[j]!.text)) return undefined;
  const start = tokens[j]!.start;
  let end = tokens[last]!.end;
  const suffix = SUFFIX.exec(text.slice(end));
  if (suffix) end += suffix[0].length;
  else if (type === 'company' && words < 2) return undefined;
  return { text: text.slice(start, end), start, end };
}
