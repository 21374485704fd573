import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../crawlers/charset.js';

const SR_CYR = 'Ухапшен држављанин Србије; ђ, ћ, ш, ж, џ. Полиција је запленила 300 килограма кокаина у луци.';
const MK = 'Полицијата уапси државјанин; ќ, ѓ, ѕ. Осомничениот ќе биде изведен пред судија.';
const HR = 'Djelatnici su zaplijenili kokain; č, ć, ž, š, đ. Uhićen je hrvatski državljanin u luci Ploče.';

describe('decodeBody', () => {
  it('follows the Content-Type header first', () => {
    const d = decodeBody(iconv.encode(`<p>${SR_CYR}</p>`, 'windows-1251'), 'text/html; charset=windows-1251');
    expect(d).toMatchObject({ charset: 'windows-1251', source: 'header' });
    expect(d.text).toContain('ђ, ћ, ш');
  });

  it('uses the BOM when the header says nothing', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HR)]);
    const d = decodeBody(buf, 'text/html');
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(d.text.startsWith('Djelatnici')).toBe(true);
  });

  it('reads <meta charset> and the XML prolog', () => {
    const html = iconv.encode(`<html><head><meta charset="windows-1250"></head><body>${HR}</body></html>`, 'windows-1250');
    const d = decodeBody(html, 'text/html');
    expect(d).toMatchObject({ charset: 'windows-1250', source: 'meta' });
    expect(d.text).toContain('č, ć, ž, š, đ');
    const xml = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><rss><title>${MK}</title></rss>`, 'windows-1251');
    expect(decodeBody(xml, null).text).toContain('ќ, ѓ, ѕ');
  });

  it('detects legacy charsets when nothing is declared', () => {
    expect(detectCharset(iconv.encode(SR_CYR, 'windows-1251'))).toBe('windows-1251');
    expect(detectCharset(iconv.encode(HR, 'windows-1250'))).toBe('windows-1250');
    expect(detectCharset(Buffer.from(SR_CYR))).toBe('utf-8');
  });

  it('recovers from an unknown or wrong declaration and says so', () => {
    const unknown = decodeBody(iconv.encode(HR, 'windows-1250'), 'text/html; charset=x-klingon-8');
    expect(unknown.warning).toMatch(/unknown charset "x-klingon-8"/);
    expect(unknown.text).toContain('č, ć, ž, š, đ');
    const wrong = decodeBody(iconv.encode(`<p>${SR_CYR}</p>`, 'windows-1251'), 'text/html; charset=utf-8');
    expect(wrong.warning).toMatch(/not valid UTF-8/);
    expect(wrong.text).toContain('Ухапшен');
  });

  it('never throws on binary garbage', () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(() => decodeBody(junk, 'application/octet-stream')).not.toThrow();
  });
});
