// The depth cap on untrusted HTML (crawlers/html-dom.ts) and the bottom-up text
// measures the main-content scorer uses (extractors/text-stats.ts).
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { capNesting, loadHtml, MAX_DEPTH } from '../crawlers/html-dom.js';
import { textStats, trimmedLength } from '../extractors/text-stats.js';
import { extractPage } from '../pipeline/process-page.js';
import { parseSitemap } from '../crawlers/feeds.js';
import { ANALYZE_MAX_CHARS, analyze } from '../extractors/analyze.js';

function maxDepth(node: AnyNode, depth = 0): number {
  let best = depth;
  const stack: [AnyNode, number][] = [[node, depth]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    best = Math.max(best, d);
    for (const c of (n as Element).children ?? []) if (c.type === 'tag') stack.push([c, d + 1]);
  }
  return best;
}

describe('capNesting', () => {
  it('leaves an ordinary page as it is (the same string)', () => {
    const page = `<html><head><title>T</title><script>if (a < b) document.write("<div><div><div>")</script></head><body>${'<div class="row"><p>Text <b>bold</b> and <a href="/x">a link</a>.</p></div>'.repeat(400)}</body></html>`;
    const r = capNesting(page);
    expect(r.moved).toBe(0);
    expect(r.html).toBe(page);
  });

  it('opens elements below the cap as siblings of the deepest one, and keeps every tag and word', () => {
    const depth = 200_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>Policija je zaplijenila kokain.</p>${'</div>'.repeat(depth)}<p>After the nest.</p></body></html>`;
    const r = capNesting(html);
    expect(r.moved).toBeGreaterThan(depth - MAX_DEPTH - 10);
    const $ = loadHtml(html);
    expect(maxDepth($.root()[0]!)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    expect($('p').length).toBe(2);
    expect($('body').text()).toContain('Policija je zaplijenila kokain.');
    // The end tags of elements closed early go: the page's last paragraph is in <body>, not in a <div>.
    expect($('p').last().parent()[0]!.tagName).toBe('body');
  });

  it('follows the parser: <p> and <li> close their open siblings, raw text is not markup, void elements do not nest', () => {
    const siblings = `<html><body>${'<p>One paragraph, never closed. '.repeat(5000)}${'<ul>' + '<li>item '.repeat(5000) + '</ul>'}${'<br><img src=x><hr>'.repeat(2000)}<script>${'<div>'.repeat(5000)}</script><textarea>${'<b>'.repeat(5000)}</textarea></body></html>`;
    expect(capNesting(siblings).moved).toBe(0);
    // Unclosed inline elements do nest, and are capped.
    const inline = `<p>${'<b>Milan Bulatović u Ekvadoru '.repeat(100_000)}</p>`;
    expect(capNesting(inline).moved).toBe(100_000 - MAX_DEPTH + 1);
    expect(loadHtml(inline)('p').text()).toHaveLength('Milan Bulatović u Ekvadoru '.length * 100_000);
  });

  it('self-closing only counts inside svg and math, as in the parser', () => {
    const svg = `<svg>${'<path d="M0 0"/>'.repeat(5000)}</svg><p>after</p>`;
    expect(capNesting(svg).moved).toBe(0);
    const spans = `<body>${'<span/>'.repeat(1000)}x</body>`;
    expect(capNesting(spans).moved).toBe(1000 - MAX_DEPTH + 1);
  });
});

describe('capNesting on random markup', () => {
  it('keeps the text of 300 random deep documents exactly, in order, and bounds their depth', () => {
    let seed = 20261123;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const PIECES = ['<div>', '</div>', '<p>', '</p>', '<b>', '</b>', '<span class="x">', '</span>', '<li>', '<ul>', '</ul>', '<table><tr><td>', '</td>', '<hr>', '<br/>', '<svg><path d="M0"/>', '</svg>', '<script>var x = "<div>";</script>', '<!-- <div> -->', '<textarea><b></textarea>', 'Кокаин у луци Бар. ', 'Cocaína en Guayaquil. ', ' ', '&amp;', '<a href="/x">', '</a>', '</i>', '<x-y>'];
    for (let i = 0; i < 300; i++) {
      const depth = Math.floor(rand() * 1500);
      const html = Array.from({ length: depth + Math.floor(rand() * 300) }, (_, k) => (k < depth ? ['<div>', '<b>', '<span>', '<p>'][Math.floor(rand() * 4)] : PIECES[Math.floor(rand() * PIECES.length)])).join('');
      const capped = loadHtml(html);
      const plain = cheerio.load(parseDocument(html, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false }));
      expect(capped.root().text()).toBe(plain.root().text());
      expect(maxDepth(capped.root()[0]!)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    }
  });
});

describe('capNesting in XML mode (sitemaps)', () => {
  it('leaves a sitemap as it is, and flattens a hostile one so it parses at once', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `<url><loc>https://news.example/a${i}</loc><news:news><news:title><![CDATA[<b>${i}</b>]]></news:title></news:news></url>`).join('');
    const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls}<x/></urlset>`;
    expect(capNesting(sitemap, MAX_DEPTH, true)).toEqual({ html: sitemap, moved: 0 });
    expect(parseSitemap(sitemap, 'https://news.example/sitemap.xml').entries).toHaveLength(2000);
    const deep = `<?xml version="1.0"?><urlset>${'<url>'.repeat(200_000)}<loc>https://news.example/x</loc>${'</url>'.repeat(200_000)}<url><loc>https://news.example/y</loc></url></urlset>`;
    expect(capNesting(deep, MAX_DEPTH, true).moved).toBeGreaterThan(199_000);
    expect(parseSitemap(deep, 'https://news.example/sitemap.xml').entries.map((e) => e.url)).toContain('https://news.example/y');
  });
});

describe('hostile pages through extraction and analysis', () => {
  it('a page of 20,000 unclosed blocks, each with a paragraph, gives its paragraphs', () => {
    const n = 20_000;
    const html = `<html><body>${'<div><p>Policija je zaplijenila kokain iz Ekvadora u luci Bar. '.repeat(n)}</body></html>`;
    const ex = extractPage('https://hostile.example/blocks', Buffer.from(html), 'text/html').extracted;
    // The main block is the deepest one with the most paragraphs: all but the first MAX_DEPTH or so.
    const paragraphs = ex.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(n - MAX_DEPTH);
    expect(new Set(paragraphs)).toEqual(new Set(['Policija je zaplijenila kokain iz Ekvadora u luci Bar.']));
  });

  it('analysis reads the first ANALYZE_MAX_CHARS of a longer text, cut at a paragraph break, and says so', () => {
    const para = 'Policija je u luci Bar zaplijenila 300 kilograma kokaina iz Ekvadora.';
    const text = Array.from({ length: Math.ceil((ANALYZE_MAX_CHARS * 2) / (para.length + 2)) }, () => para).join('\n\n');
    const a = analyze({ text });
    expect(a.analyzedChars).toBeGreaterThan(ANALYZE_MAX_CHARS - 5000);
    expect(a.analyzedChars).toBeLessThanOrEqual(ANALYZE_MAX_CHARS);
    expect(text.slice(a.analyzedChars! - 2, a.analyzedChars)).toBe('\n\n');
    expect(a.entities.length).toBeGreaterThan(1000);
    expect(Math.max(...a.entities.map((e) => e.end))).toBeLessThanOrEqual(a.analyzedChars!);
    expect(analyze({ text: para }).analyzedChars).toBeUndefined();
  });
});

describe('textStats', () => {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  it('gives every element the length cheerio text() would have after clean(), and its link text', () => {
    const html = `<html><body><div id="a">  Lead <b> bold </b>\n\n<a href="/1"> one  link </a><div><p>Para, with; marks.</p>  <a href="/2"><span>two</span> <i>links</i></a></div>   </div><ul><li> x </li><li></li></ul><p>   </p></body></html>`;
    const $ = cheerio.load(html);
    const stats = textStats($.root()[0]!);
    $('*').each((_, el) => {
      const s = stats.get(el)!;
      expect(trimmedLength(s.text)).toBe(clean($(el).text()).length);
      expect(trimmedLength(s.links)).toBe(clean($(el).find('a').toArray().map((a) => $(a).text()).join('')).length);
      expect(s.punct).toBe($(el).text().match(/[,.;]/g)?.length ?? 0);
    });
  });
});
