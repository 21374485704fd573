// Whose clock a date without a zone was written on: "12.02.2024. u 14:35" on a
// Serbian page is 14:35 in Belgrade, "12 de febrero de 2024, 14:35" on an
// Ecuadorian one 14:35 in Guayaquil. A source's country (or its `timezone` in
// sources.yaml), else a page's country domain, names the zone; offsets come
// from the IANA database that ships with Node (Intl), daylight saving included.

/** The zone of most of each country's newsrooms (the capital's where a country has several). */
const COUNTRY_ZONES: Record<string, string> = {
  // Latin America
  EC: 'America/Guayaquil', PE: 'America/Lima', CO: 'America/Bogota', BO: 'America/La_Paz', BR: 'America/Sao_Paulo',
  VE: 'America/Caracas', CL: 'America/Santiago', AR: 'America/Argentina/Buenos_Aires', UY: 'America/Montevideo',
  PY: 'America/Asuncion', MX: 'America/Mexico_City', PA: 'America/Panama', CR: 'America/Costa_Rica', GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa', SV: 'America/El_Salvador', NI: 'America/Managua', DO: 'America/Santo_Domingo', CU: 'America/Havana',
  // The Balkans (Kosovo keeps Belgrade's clock and has no zone of its own)
  RS: 'Europe/Belgrade', ME: 'Europe/Podgorica', HR: 'Europe/Zagreb', BA: 'Europe/Sarajevo', AL: 'Europe/Tirane',
  XK: 'Europe/Belgrade', MK: 'Europe/Skopje', SI: 'Europe/Ljubljana', BG: 'Europe/Sofia', GR: 'Europe/Athens',
  // Europe and beyond
  ES: 'Europe/Madrid', PT: 'Europe/Lisbon', IT: 'Europe/Rome', FR: 'Europe/Paris', DE: 'Europe/Berlin', NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels', GB: 'Europe/London', IE: 'Europe/Dublin', AT: 'Europe/Vienna', CH: 'Europe/Zurich',
  US: 'America/New_York', CA: 'America/Toronto',
};

/** The IANA zone of a country code (ISO 3166-1 alpha-2, any case), if Ruta knows it. */
export function zoneOfCountry(country: string | null | undefined): string | undefined {
  return country ? COUNTRY_ZONES[country.toUpperCase()] : undefined;
}

/** The zone a page's country-code domain names (.rs, .ec, .com.br, .co.uk), if any. */
export function zoneOfUrl(url: string): string | undefined {
  let tld: string;
  try {
    tld = new URL(url).hostname.split('.').pop() ?? '';
  } catch {
    return undefined;
  }
  // .uk is Britain's domain; the other codes are their countries'.
  return zoneOfCountry(tld === 'uk' ? 'GB' : tld.length === 2 ? tld : undefined);
}

/** True when Node knows the zone by this name ("Europe/Belgrade", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at an instant ("GMT+01:00" → 60). */
function offsetMinutes(zone: string, at: number): number {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formats.set(zone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The instant a wall-clock time in a zone names (Luxon's method: guess with the offset at the
 * time read as UTC, then correct once by the offset at the guess). A time the clocks skip when
 * they spring forward reads as the time that follows the gap.
 */
export function wallTimeIn(zone: string, y: number, mo: number, d: number, hh: number, mm: number, ss = 0): Date {
  const local = Date.UTC(y, mo - 1, d, hh, mm, ss);
  if (zone === 'UTC') return new Date(local);
  const o1 = offsetMinutes(zone, local);
  let guess = local - o1 * 60_000;
  const o2 = offsetMinutes(zone, guess);
  if (o1 === o2) return new Date(guess);
  guess -= (o2 - o1) * 60_000;
  const o3 = offsetMinutes(zone, guess);
  if (o2 === o3) return new Date(guess);
  return new Date(local - Math.min(o2, o3) * 60_000);
}
