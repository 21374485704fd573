// Parses dates as newsrooms write them, in es, en, pt, sr (both scripts), hr,
// bs, cnr, sq and mk: "12. februar 2024.", "12 de febrero de 2024",
// "12 shkurt 2024", "12 фебруари 2024", "12.02.2024. u 14:35", ISO 8601.
// A date and time written without a zone is read on the clock of the zone given (an IANA
// name: the source's, else the page's country's; UTC when none is known); a date without a
// time is that day's midnight UTC, so that it shows as the same day everywhere it is printed.
import { fold } from './text-normalize.js';
import { wallTimeIn } from './time-zones.js';

// Month stems (folded, Latin script) → month number. A stem matches any inflected form.
const MONTHS: [string, number][] = [
  // en / es / pt / it
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['enero', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['mayo', 5], ['junio', 6], ['julio', 7], ['agosto', 8],
  ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
  ['janeiro', 1], ['fevereiro', 2], ['marco', 3], ['maio', 5], ['junho', 6], ['julho', 7], ['outubro', 10], ['novembro', 11], ['dezembro', 12], ['setembro', 9],
  // sr / bs / cnr / mk (Latin after transliteration)
  ['januar', 1], ['februar', 2], ['mart', 3], ['april', 4], ['maj', 5], ['jun', 6], ['jul', 7], ['avgust', 8], ['august', 8],
  ['septembar', 9], ['septemvri', 9], ['oktobar', 10], ['oktomvri', 10], ['novembar', 11], ['noemvri', 11], ['decembar', 12], ['dekemvri', 12],
  ['januari', 1], ['fevruari', 2], ['juni', 6], ['juli', 7],
  // hr
  ['sijec', 1], ['velja', 2], ['ozuj', 3], ['trav', 4], ['svib', 5], ['lip', 6], ['srp', 7], ['kolovoz', 8], ['rujan', 9], ['rujn', 9],
  ['listopad', 10], ['studen', 11], ['prosin', 12],
  // sq
  ['janar', 1], ['shkurt', 2], ['mars', 3], ['prill', 4], ['maj', 5], ['qershor', 6], ['korrik', 7], ['gusht', 8],
  ['shtator', 9], ['tetor', 10], ['nentor', 11], ['dhjetor', 12],
  // short English/Spanish forms
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['ene', 1], ['abr', 4], ['ago', 8], ['dic', 12], ['okt', 10], ['dek', 12],
];
MONTHS.sort((a, b) => b[0].length - a[0].length);

/** The month a word names (any inflected form, any Ruta language), or undefined. */
export function monthOf(word: string): number | undefined {
  const w = fold(word);
  for (const [stem, n] of MONTHS) {
    if (w === stem) return n;
    if (stem.length >= 4 && w.startsWith(stem) && w.length - stem.length <= 4) return n;
  }
  return undefined;
}

function build(y: number, m: number, d: number, clock: Clock, zone: string): Date | undefined {
  const [hh, mm, tz, hasTime] = clock;
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 || hh > 23 || mm > 59) return undefined;
  if (hasTime && !tz) return local(y, m, d, hh, mm, 0, zone);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00${tz ?? 'Z'}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Zone abbreviations feeds and pages write after the time (RFC 822's, Europe's and Latin
 * America's), as offsets. ECT is Ecuador's here, not the Caribbean's.
 */
const ZONES: Record<string, string> = {
  GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', WET: 'Z', WEST: '+01:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', MEZ: '+01:00', MESZ: '+02:00',
  EET: '+02:00', EEST: '+03:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
  ECT: '-05:00', PET: '-05:00', COT: '-05:00', BOT: '-04:00', VET: '-04:00', CLT: '-04:00', CLST: '-03:00', BRT: '-03:00', ART: '-03:00', UYT: '-03:00', PYT: '-04:00',
};

/**
 * The time after a date, 24-hour or with AM/PM ("14:35", "u 14.35", "14h35", "2:35 PM", "2:35 p. m."),
 * and the zone written after it, if any ("+0100", "-05:00", "Z", "GMT", "CET", "GMT+2"): hour, minute, offset.
 */
type Clock = [hour: number, minute: number, offset: string | undefined, hasTime: boolean];

function clockAfter(rest: string): Clock {
  const t = /^\D{0,12}?(\d{1,2})[:.h](\d{2})\b(?::\d{2}(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*\(?(Z|[A-Z]{2,4})\b)?(?:(?:(?<=[A-Z])|\s+)([+-])(\d{1,2}):?(\d{2})?\b)?/i.exec(rest);
  if (!t) return [0, 0, undefined, false];
  const [, h, min, half, name, sign, zh, zm] = t;
  let hh = Number(h);
  if (half && hh >= 1 && hh <= 12) hh = (hh % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  const zone = sign && Number(zh) <= 14 ? `${sign}${zh!.padStart(2, '0')}:${zm ?? '00'}` : name ? ZONES[name.toUpperCase()] : undefined;
  return [hh, Number(min), zone, true];
}

/** ISO 8601 and RFC 2822 date-times that name no zone ("2024-02-12T14:35:00", "Mon, 12 Feb 2024 14:35"): their fields. */
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s+([A-Z]{2,5}))?$/;
const RFC_LOCAL = /^(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const RFC_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A zone written into a date: Z, GMT, UTC, an offset, or an abbreviation such as CET or EST. */
const NAMES_ZONE = /(?:\dZ|\b(?:GMT|UTC?)\b|[+-]\d{2}:?\d{2}\)?\s*$|\b[A-Z]{1,4}[SD]?T\b)/;

/** Minutes east of UTC of an offset written as "+01:00", "-05:00" or "Z". */
function offsetMinutesOf(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A wall-clock time in a zone, or undefined when it names no real day or time (31 February is no day: it does not roll over into March). */
function local(y: number, m: number, d: number, hh: number, mm: number, ss: number, zone: string): Date | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return undefined;
  return wallTimeIn(zone, y, m, d, hh, mm, ss);
}

/**
 * Returns a Date, or undefined when the string holds no recognisable date. `zone` (an IANA
 * name) is the clock of a time written without a zone; by default UTC, never this machine's.
 */
export function parseDate(input: string | undefined | null, zone = 'UTC'): Date | undefined {
  if (!input) return undefined;
  const s = input.trim().slice(0, 200);
  if (!s) return undefined;
  // ISO 8601 and RFC 2822 first; without a zone, JavaScript would read them on this machine's clock.
  const iso = ISO_LOCAL.exec(s);
  // "2024-02-12T14:35:00 CET": a zone by name after the time.
  if (iso && iso[7] && !ZONES[iso[7]]) return undefined;
  if (iso) {
    const at = local(+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0), iso[7] ? 'UTC' : zone);
    return at && iso[7] ? new Date(at.getTime() - offsetMinutesOf(ZONES[iso[7]]!) * 60_000) : at;
  }
  const rfc = RFC_LOCAL.exec(s);
  if (rfc && RFC_MONTHS.includes(rfc[2]!)) return local(+rfc[3]!, RFC_MONTHS.indexOf(rfc[2]!) + 1, +rfc[1]!, +rfc[4]!, +rfc[5]!, +(rfc[6] ?? 0), zone);
  if (/^\d{4}-\d{2}-\d{2}/.test(s) || /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d;
  }
  // 12.02.2024. u 14:35 — 12/02/2024 — 12-02-2024 (day first, as in every Ruta language but English)
  const num = /\b(\d{1,2})[./-]\s?(\d{1,2})[./-]\s?(\d{4}|\d{2})\b\.?(.*)$/.exec(s);
  if (num) {
    const d = build(Number(num[3]), Number(num[2]), Number(num[1]), clockAfter(num[4] ?? ''), zone);
    if (d) return d;
  }
  // 12. februar 2024. / 12 de febrero de 2024 / 12 фебруари 2024 / 12 shkurt 2024
  const dm = /(\d{1,2})\.?\s+(?:de\s+|of\s+)?([\p{L}]+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(.*)$/u.exec(s);
  if (dm) {
    const m = monthOf(dm[2]!);
    if (m) {
      const d = build(Number(dm[3]), m, Number(dm[1]), clockAfter(dm[4] ?? ''), zone);
      if (d) return d;
    }
  }
  // February 12, 2024
  const md = /([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/u.exec(s);
  if (md) {
    const m = monthOf(md[1]!);
    if (m) {
      const d = build(Number(md[3]), m, Number(md[2]), clockAfter(md[4] ?? ''), zone);
      if (d) return d;
    }
  }
  const fallback = new Date(s);
  if (Number.isNaN(fallback.getTime()) || fallback.getFullYear() <= 1990 || fallback.getFullYear() >= 2100) return undefined;
  if (NAMES_ZONE.test(s)) return fallback;
  // JavaScript read it on this machine's clock: the same fields, on the zone's (a bare date at midnight UTC).
  const [y, m, d] = [fallback.getFullYear(), fallback.getMonth() + 1, fallback.getDate()];
  return /\d:\d\d/.test(s) ? wallTimeIn(zone, y, m, d, fallback.getHours(), fallback.getMinutes(), fallback.getSeconds()) : new Date(Date.UTC(y, m - 1, d));
}
