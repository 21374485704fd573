// Decodes fetched bytes to text. The charset comes from the Content-Type
// header, then a byte-order mark, then the document's own declaration (HTML
// meta or XML prolog), then detection.
import iconv from 'iconv-lite';

export type CharsetSource = 'header' | 'bom' | 'meta' | 'detected';

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
  /** Set when a declared charset was unknown or contradicted by the bytes. */
  warning?: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

function bomCharset(buf: Uint8Array): { charset: string; length: number } | undefined {
  for (const [bytes, charset] of BOMS) if (bytes.every((b, i) => buf[i] === b)) return { charset, length: bytes.length };
  return undefined;
}

/** Reads <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding="…"?> from the first 4 KB. */
export function declaredCharset(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : undefined;
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses a single-byte charset from byte statistics: Cyrillic text in
 * windows-1251 is dominated by bytes 0xC0–0xFF, Central European Latin text
 * in windows-1250 by ASCII letters with a few high bytes.
 */
export function detectCharset(buf: Uint8Array): string {
  if (isValidUtf8(buf)) return 'utf-8';
  let high = 0;
  let cyrLetters = 0;
  let ascii = 0;
  for (const b of buf) {
    if (b >= 0x80) {
      high++;
      if (b >= 0xc0) cyrLetters++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
  }
  if (high > 0 && cyrLetters / high > 0.6 && cyrLetters > ascii * 0.5) return 'windows-1251';
  // Markers of Central European windows-1250: š ž ś ź Š Ž (0x9A 0x9E 0x9C 0x9F 0x8A 0x8E) and č ć đ (0xE8 0xE6 0xF0).
  let ce = 0;
  for (const b of buf) if ([0x8a, 0x8e, 0x9a, 0x9e, 0xe8, 0xe6, 0xf0, 0xc8, 0xc6, 0xd0].includes(b)) ce++;
  return ce > high * 0.3 ? 'windows-1250' : 'windows-1252';
}

function normalise(label: string): string {
  const l = label.toLowerCase().trim();
  if (l === 'utf8') return 'utf-8';
  if (l === 'x-user-defined') return 'windows-1252';
  return l;
}

/** Decodes `buf` following header → BOM → meta → detection. Never throws on bad bytes. */
export function decodeBody(buf: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(buf);
  const fromHeader = charsetFromContentType(contentType);
  const warnings: string[] = [];

  const attempt = (label: string | undefined, source: CharsetSource): Decoded | undefined => {
    if (!label) return undefined;
    const cs = normalise(label);
    if (!iconv.encodingExists(cs)) {
      warnings.push(`unknown charset "${label}" declared (${source})`);
      return undefined;
    }
    // A UTF-8 declaration on bytes that are not UTF-8 is a wrong declaration.
    if (cs === 'utf-8' && !isValidUtf8(bom ? buf.subarray(bom.length) : buf)) {
      warnings.push(`charset "${label}" declared (${source}) but the bytes are not valid UTF-8`);
      return undefined;
    }
    const body = bom && bom.charset === cs ? buf.subarray(bom.length) : buf;
    return { text: iconv.decode(Buffer.from(body), cs), charset: cs, source };
  };

  const result: Decoded =
    attempt(fromHeader, 'header') ??
    (bom ? attempt(bom.charset, 'bom') : undefined) ??
    attempt(declaredCharset(buf), 'meta') ??
    (() => {
      const cs = detectCharset(buf);
      return { text: iconv.decode(Buffer.from(buf), cs), charset: cs, source: 'detected' as const };
    })();
  if (warnings.length) result.warning = `${warnings.join('; ')}; decoded as ${result.charset} (${result.source})`;
  return result;
}
