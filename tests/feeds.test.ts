import { describe, expect, it } from 'vitest';
import { FeedParseError, parseDiscovery, parseFeedEntries, parseSitemap } from '../crawlers/feeds.js';
import { parseSources, SourcesFileError } from '../crawlers/sources-file.js';

const BASE = 'https://news.example.org/feed.xml';

describe('feeds and sitemaps', () => {
  it('reads RSS 2.0 with relative links and dates', () => {
    const d = parseFeedEntries(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
       <item><title>Uno</title><link>/a/1</link><pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate></item>
       <item><title>Dos</title><guid isPermaLink="true">https://news.example.org/a/2</guid></item>
       <item><title>No link</title></item></channel></rss>`,
      BASE,
    );
    expect(d.format).toBe('rss');
    expect(d.entries.map((e) => e.url)).toEqual(['https://news.example.org/a/1', 'https://news.example.org/a/2']);
    expect(d.entries[0]!.published?.toISOString()).toBe('2024-03-14T09:30:00.000Z');
  });

  it('reads dates as newsrooms write them in feeds: day first, local names, named zones', () => {
    const dated = (pubDate: string) =>
      parseFeedEntries(`<rss version="2.0"><channel><title>T</title><item><link>/a</link><pubDate>${pubDate}</pubDate></item></channel></rss>`, BASE).entries[0]!.published?.toISOString();
    // 12 February, not 2 December.
    expect(dated('12.02.2024 14:35')).toBe('2024-02-12T14:35:00.000Z');
    expect(dated('mar, 12 feb 2024 14:35:00 -0500')).toBe('2024-02-12T19:35:00.000Z');
    expect(dated('12 Feb 2024 14:35:00 CET')).toBe('2024-02-12T13:35:00.000Z');
    expect(dated('Tue, 12 Feb 2024 14:35:00 CEST')).toBe('2024-02-12T12:35:00.000Z');
    expect(dated('12. veljače 2024. u 14:35')).toBe('2024-02-12T14:35:00.000Z');
    expect(dated('not a date')).toBeUndefined();
  });

  it('reads feed and sitemap dates without a zone on the source’s clock, else the domain’s country’s', () => {
    const rss = `<rss version="2.0"><channel><title>T</title><item><link>/a</link><pubDate>12.02.2024 14:35</pubDate></item></channel></rss>`;
    expect(parseFeedEntries(rss, 'https://www.vijesti.me/rss').entries[0]!.published?.toISOString()).toBe('2024-02-12T13:35:00.000Z');
    expect(parseFeedEntries(rss, 'https://www.vijesti.me/rss', 'America/Guayaquil').entries[0]!.published?.toISOString()).toBe('2024-02-12T19:35:00.000Z');
    const sitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://www.elcomercio.pe/a</loc><lastmod>2024-07-12T14:35:00</lastmod></url></urlset>`;
    expect(parseDiscovery('sitemap', sitemap, 'https://www.elcomercio.pe/sitemap.xml').entries[0]!.published?.toISOString()).toBe('2024-07-12T19:35:00.000Z');
    expect(parseDiscovery('sitemap', sitemap, 'https://www.elcomercio.pe/sitemap.xml', 'Europe/Zagreb').entries[0]!.published?.toISOString()).toBe('2024-07-12T12:35:00.000Z');
  });

  it('reads the item\'s author: dc:creator, RSS author (not an address alone), Atom and JSON Feed authors', () => {
    const rss = parseFeedEntries(
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
       <item><link>/a</link><dc:creator>Marko Marković</dc:creator></item>
       <item><link>/b</link><author>desk@news.example.org (Ana Perić)</author></item>
       <item><link>/c</link><author>desk@news.example.org</author></item></channel></rss>`,
      BASE,
    );
    expect(rss.entries.map((e) => e.author)).toEqual(['Marko Marković', 'Ana Perić', undefined]);
    const atom = parseFeedEntries(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>B</title><link href="/b"/><author><name>Luan Berisha</name></author><author><name>Ivan Babić</name></author></entry></feed>`, BASE);
    expect(atom.entries[0]!.author).toBe('Luan Berisha, Ivan Babić');
    const json = parseFeedEntries(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', url: 'https://news.example.org/j', authors: [{ name: 'Gentian Dervishi' }] }] }), BASE);
    expect(json.entries[0]!.author).toBe('Gentian Dervishi');
  });

  it('reads Atom alternate links', () => {
    const d = parseFeedEntries(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>B</title><link rel="self" href="/self"/><link rel="alternate" href="https://news.example.org/b"/><id>b</id><updated>2024-01-18T12:10:00+01:00</updated></entry></feed>`,
      BASE,
    );
    expect(d.entries).toEqual([{ url: 'https://news.example.org/b', title: 'B', published: new Date('2024-01-18T11:10:00Z') }]);
  });

  it('resolves Atom links against xml:base, and takes the article behind a FeedBurner redirect', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.test/politika/"><title>x</title>
      <entry><title>a</title><link href="a.html"/></entry>
      <entry xml:base="https://news.test/hronika/"><title>b</title><link href="b.html"/></entry></feed>`;
    expect(parseFeedEntries(atom, 'https://news.test/feed.xml').entries.map((e) => e.url)).toEqual(['https://news.test/politika/a.html', 'https://news.test/hronika/b.html']);
    const fb = `<?xml version="1.0"?><rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>x</title>
      <item><title>a</title><link>https://feeds.feedburner.com/~r/x/~3/abc/</link><feedburner:origLink>https://news.test/a.html?id=1&amp;s=2</feedburner:origLink></item>
      <item><title>b</title><link>https://news.test/b.html</link></item></channel></rss>`;
    expect(parseFeedEntries(fb, 'https://feeds.feedburner.com/x').entries.map((e) => e.url)).toEqual(['https://news.test/a.html?id=1&s=2', 'https://news.test/b.html']);
  });

  it('reads RDF (RSS 1.0) and JSON Feed through the same parser', () => {
    const rdf = parseFeedEntries(
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://news.example.org/"><title>R</title><link>https://news.example.org/</link><description>d</description></channel><item rdf:about="https://news.example.org/r1"><title>R1</title><link>https://news.example.org/r1</link><dc:date>2024-02-12T10:00:00Z</dc:date></item></rdf:RDF>`,
      BASE,
    );
    expect(rdf.format).toBe('rdf');
    expect(rdf.entries).toEqual([{ url: 'https://news.example.org/r1', title: 'R1', published: new Date('2024-02-12T10:00:00Z') }]);
    const json = parseFeedEntries(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://news.example.org/j1', title: 'J1', date_published: '2024-02-12T10:00:00Z' }] }), BASE);
    expect(json.format).toBe('json');
    expect(json.entries).toEqual([{ url: 'https://news.example.org/j1', title: 'J1', published: new Date('2024-02-12T10:00:00Z') }]);
  });

  it('reads news sitemaps and sitemap indexes', () => {
    const s = parseSitemap(
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://news.example.org/c</loc><news:news><news:publication_date>2024-05-27T10:45:00+02:00</news:publication_date><news:title>C</news:title></news:news></url></urlset>`,
      BASE,
    );
    expect(s.entries).toEqual([{ url: 'https://news.example.org/c', title: 'C', published: new Date('2024-05-27T08:45:00Z') }]);
    const idx = parseDiscovery('rss', `<sitemapindex><sitemap><loc>https://news.example.org/s1.xml</loc></sitemap></sitemapindex>`, BASE);
    expect(idx.sitemaps).toEqual(['https://news.example.org/s1.xml']);
  });

  it('rejects malformed feeds with a message naming the URL', () => {
    expect(() => parseFeedEntries('<rss><channel><item><title>broken', BASE)).toThrow(FeedParseError);
    expect(() => parseFeedEntries('<html><body>not a feed</body></html>', BASE)).toThrow(/malformed feed at https:\/\/news\.example\.org\/feed\.xml/);
    expect(() => parseSitemap('<html></html>', BASE)).toThrow(FeedParseError);
  });
});

describe('sources file', () => {
  it('parses the documented fields and keeps the rest as config', () => {
    const [s] = parseSources(`sources:\n  - id: a\n    name: A\n    url: https://a.example/feed\n    kind: rss\n    language: ES\n    schedule: "*/10 * * * *"\n    render: false\n    selectors: { body: ".story" }\n`);
    expect(s).toMatchObject({ id: 'a', kind: 'rss', language: 'es', schedule: '*/10 * * * *', render: false, enabled: true, config: { selectors: { body: '.story' } } });
  });

  it('explains what is wrong', () => {
    expect(() => parseSources('- { id: a, url: "https://a", kind: podcast }')).toThrow(/kind must be one of rss, atom, sitemap, listing, page/);
    expect(() => parseSources('- { id: a, url: "ftp://a", kind: rss }')).toThrow(/not an http\(s\) URL/);
    expect(() => parseSources('- { id: a, url: "https://a", kind: rss, schedule: "every day" }')).toThrow(/not a valid cron/);
    expect(() => parseSources('- { id: a, url: "https://a", kind: rss }\n- { id: a, url: "https://b", kind: rss }')).toThrow(/duplicate id "a"/);
    expect(() => parseSources(': : :')).toThrow(SourcesFileError);
  });
});
