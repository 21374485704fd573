// Unicode-correct text normalisation shared by the extractors: Serbian and
// Macedonian transliteration both ways, diacritics folding and tokenisation
// with UTF-16 offsets into the original text.

const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj',
  м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č',
  џ: 'dž', ш: 'š',
  // Macedonian
  ѓ: 'ǵ', ќ: 'ḱ', ѕ: 'dz', ѝ: 'i',
  // Russian/Bulgarian letters that turn up in quotes and names
  й: 'j', щ: 'št', ъ: '', ь: '', ю: 'ju', я: 'ja', ы: 'y', э: 'e', ё: 'jo', є: 'je', і: 'i', ї: 'ji',
};

const LAT_TO_CYR: [string, string][] = [
  ['dž', 'џ'], ['lj', 'љ'], ['nj', 'њ'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['đ', 'ђ'],
  ['e', 'е'], ['ž', 'ж'], ['z', 'з'], ['i', 'и'], ['j', 'ј'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'],
  ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['ć', 'ћ'], ['u', 'у'], ['f', 'ф'], ['h', 'х'],
  ['c', 'ц'], ['č', 'ч'], ['š', 'ш'], ['ǵ', 'ѓ'], ['ḱ', 'ќ'],
];

function matchCase(out: string, src: string): string {
  if (src === src.toLowerCase()) return out;
  if (src.length === 1 || src.slice(1) === src.slice(1).toLowerCase()) return out.charAt(0).toUpperCase() + out.slice(1);
  return out.toUpperCase();
}

/** Cyrillic (Serbian, Macedonian) to Latin script. Other characters pass through. */
export function cyrToLat(s: string): string {
  // One replace, not a string built a character at a time: that is a rope of one node per
  // character until it is read, 30 bytes each (150 MB for a 5 MB text).
  return s.replace(CYRILLIC, (ch) => {
    const t = CYR_TO_LAT[ch.toLowerCase()];
    return t === undefined ? ch : matchCase(t, ch);
  });
}

/** Every letter CYR_TO_LAT knows, in either case. */
const CYRILLIC = /[\u0400-\u045f]/g;

/** Serbian Latin to Cyrillic. */
export function latToCyr(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    let done = false;
    for (const [lat, cyr] of LAT_TO_CYR) {
      const piece = s.slice(i, i + lat.length);
      if (piece.toLowerCase() === lat) {
        out += matchCase(cyr, piece);
        i += lat.length;
        done = true;
        break;
      }
    }
    if (!done) out += s[i++];
  }
  return out;
}

/**
 * A Latin name as Macedonian Cyrillic spells it, in letters that fold alike: Macedonian writes Serbian
 * ć and đ as ќ and ѓ (Бојовиќ, Ѓорѓе), which Macedonia romanises as kj and gj (Gjorgjievski); ќ and ѓ
 * fold to k and g. So "Bojović" also reads "Бојовиќ", and "Kire Gjorgjievski" "Кире Ѓорѓиевски".
 */
export function macedonianSpelling(alias: string): string {
  return alias.replace(/ć|Ć|đ|Đ|[GgKk]j/g, (c) => AS_FOLDED_MACEDONIAN[c] ?? c[0]!);
}
const AS_FOLDED_MACEDONIAN: Record<string, string> = { ć: 'k', Ć: 'K', đ: 'g', Đ: 'G' };

/** Lowercase, Latin script, no diacritics; đ becomes dj so Đukanović and Djukanovic meet. Length may change. */
export function fold(s: string): string {
  // Fast path: plain ASCII needs only lowercasing.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase().replace(/[`]/g, "'");
  return cyrToLat(s)
    .toLowerCase()
    .replace(/đ/g, 'dj')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'");
}

/**
 * Whether names decline in a language's text: Slavic cases and Albanian definite forms. Unknown
 * (null, "und") counts as yes. In English, Spanish or Portuguese a name is written as it is.
 */
export function inflectsNames(lang: string | null | undefined): boolean {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0]!;
  return !base || base === 'und' || INFLECTING.has(base);
}
const INFLECTING = new Set(['sr', 'hr', 'bs', 'cnr', 'sh', 'mk', 'sq', 'sl', 'bg']);

/** The South Slavic languages Ruta reads: Serbian, Croatian, Bosnian, Montenegrin, Macedonian. */
export const SLAVIC_LANGS: ReadonlySet<string> = new Set(['sr', 'hr', 'bs', 'cnr', 'mk']);

export interface Token {
  /** The token as written. */
  text: string;
  /** Folded form for matching. */
  norm: string;
  start: number; // UTF-16 offset into the original text
  end: number;
}

/** A word, with inner apostrophes (D'Amico, 'Ndrangheta) but not an English possessive: "Ecuador's" is Ecuador. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’](?!s(?![\p{L}\p{M}\p{N}]))[\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index!;
    out.push({ text: m[0], norm: fold(m[0]), start, end: start + m[0].length });
  }
  return out;
}

export function scriptOf(text: string): 'Latn' | 'Cyrl' {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x52f) cyr++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) lat++;
  }
  return cyr > lat ? 'Cyrl' : 'Latn';
}

/** Splits text into sentences, keeping offsets. Abbreviations like "St." and numbers like "12." are not ends. */
export function sentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  const boundaries: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') boundaries.push(i + 1);
    else if ('.!?…'.includes(ch)) {
      let j = i;
      while (j + 1 < text.length && '.!?…"”»)'.includes(text[j + 1]!)) j++;
      const next = text.slice(j + 1, j + 3);
      if (!/^\s/.test(next) && j + 1 < text.length) continue;
      const before = text.slice(Math.max(0, i - 4), i);
      if (ch === '.' && /(^|\s)(\p{Lu}|\d{1,2}|St|Sr|Dr|Mr|Mrs|Jr|Inc|Ltd|S\.A|no|br|gen|ul|tj|npr|itd|sl)$/u.test(before)) continue;
      const after = text.slice(j + 1).trimStart();
      if (after && /^\p{Ll}/u.test(after)) continue;
      boundaries.push(j + 1);
      i = j;
    }
  }
  for (const b of [...boundaries, text.length]) {
    if (b <= start) continue;
    const piece = text.slice(start, b);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start = b;
  }
  return out;
}

export const OPEN_QUOTES = '"“„«\'‘‹';
const CLOSE_QUOTES = '"”“»\'’›';

/**
 * The text inside the quotes that open at `at` ("…", „…“, «…», '…'), trimmed,
 * when they close within `maxLen` characters on the same line.
 */
export function quotedAt(text: string, at: number, maxLen: number): { text: string; start: number; end: number } | undefined {
  if (!OPEN_QUOTES.includes(text[at] ?? '\n')) return undefined;
  const start = at + 1;
  let end = start;
  while (end < text.length && end - start <= maxLen && !CLOSE_QUOTES.includes(text[end]!) && text[end] !== '\n') end++;
  if (end >= text.length || !CLOSE_QUOTES.includes(text[end]!)) return undefined;
  const inner = text.slice(start, end);
  const lead = inner.length - inner.trimStart().length;
  const name = inner.trim();
  return name ? { text: name, start: start + lead, end: start + lead + name.length } : undefined;
}
