// Bad input never crashes or hangs extraction: empty, binary, gigantic, broken
// and hostile HTML, generated from a fixed seed so failures reproduce.
import { expect, it } from 'vitest';
import { extractPage } from '../pipeline/process-page.js';
import { analyze } from '../extractors/analyze.js';

let seed = 20261122;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const PIECES = ['<p>', '</p>', '<div class="share">', '</div>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>', '<table><tr><td>', '<br>', '&amp;', '&#x0;', '&#1114112;', '<meta charset="x-bogus">', '<html>', '</body>', '\u0000', '\uFFFD', '\uD800', 'Кокаин у луци Бар. ', 'Cocaína en Guayaquil, 1.127 kilos. ', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '"', "'", '<', '>', '<p ' + 'a="b" '.repeat(50) + '>'];

function randomDoc(): Buffer {
  const kind = rand();
  if (kind < 0.2) return Buffer.from(Array.from({ length: Math.floor(rand() * 20000) }, () => Math.floor(rand() * 256)));
  return Buffer.from(Array.from({ length: Math.floor(rand() * 400) }, () => pick(PIECES)).join(''));
}

it('200 random and broken documents: an article or a clear error, never a crash', () => {
  for (let i = 0; i < 200; i++) {
    const doc = randomDoc();
    try {
      const page = extractPage('https://fuzz.example/a', doc, pick(['text/html', 'text/html; charset=utf-8', 'text/html; charset=windows-1251', null]));
      expect(typeof page.extracted.text).toBe('string');
      expect(page.extracted.text).not.toMatch(/alert\(1\)/);
      analyze({ text: page.extracted.text, title: page.extracted.title });
    } catch (e) {
      expect((e as Error).message).toMatch(/fuzz\.example/);
    }
  }
});

it('gigantic and deeply nested pages finish', () => {
  const deep = Buffer.from(`${'<div>'.repeat(200_000)}<p>Policija je zaplijenila kokain.</p>${'</div>'.repeat(200_000)}`);
  expect(extractPage('https://fuzz.example/deep', deep, 'text/html').extracted.text).toContain('zaplijenila');
  const big = Buffer.from(`<html><body>${'<p>Carinici su pronašli kokain u kontejneru banana iz Ekvadora, a istraga je u toku.</p>'.repeat(40000)}</body></html>`);
  const ex = extractPage('https://fuzz.example/big', big, 'text/html').extracted;
  expect(ex.text.length).toBeGreaterThan(1_000_000);
});

it('empty input', () => {
  expect(() => extractPage('https://fuzz.example/empty', Buffer.alloc(0), 'text/html')).not.toThrow();
  expect(extractPage('https://fuzz.example/empty', Buffer.alloc(0), 'text/html').extracted.text).toBe('');
});

it('non-HTML content types are refused with the URL named', () => {
  expect(() => extractPage('https://fuzz.example/x.pdf', Buffer.from('%PDF-1.4'), 'application/pdf')).toThrow(/fuzz\.example\/x\.pdf is application\/pdf/);
});
