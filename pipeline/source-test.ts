// A test of one source, for editors: what its feed, sitemap, listing or
// search finds now, and what Ruta reads from its first articles (fields,
// language, who and what they name). It fetches politely as a crawl does and
// stores nothing but the fetch log.
import type { Source } from '../storage/sources-repo.js';
import type { CrawlContext } from './context.js';
import { fetchArticle } from './crawl.js';
import { discover, sourceConfig, sourceZone } from './discover.js';

export interface SourceTestArticle {
  url: string;
  ok: boolean;
  error?: string;
  title?: string;
  author?: string | null;
  published?: string | null;
  lang?: string;
  script?: string;
  chars?: number;
  start?: string;
  entities?: number;
  named?: string[];
  links?: string[];
  seizures?: string[];
  /** Read through the browser: the source has render: true, or a plain fetch found only boilerplate. */
  rendered?: boolean;
  /** A wrong charset, a text longer than analysis reads, a failed browser retry. */
  warnings?: string[];
}

export interface SourceTestReport {
  source: string;
  entries: number;
  documents: number;
  sample: { url: string; title?: string; published?: string | null }[];
  articles: SourceTestArticle[];
}

export async function testSource(ctx: CrawlContext, source: Source, limit = 3): Promise<SourceTestReport> {
  const found = await discover(ctx, source, { conditional: false });
  const unique = [...new Map(found.entries.map((e) => [e.url, e])).values()];
  const rep: SourceTestReport = {
    source: source.id,
    entries: unique.length,
    documents: found.fetched,
    sample: unique.slice(0, 10).map((e) => ({ url: e.url, title: e.title, published: e.published ? e.published.toISOString() : null })),
    articles: [],
  };
  const extraction = { selectors: sourceConfig(source).selectors, zone: sourceZone(source) };
  for (const e of unique.slice(0, limit)) {
    try {
      const verdict = await ctx.robots.check(e.url);
      if (!verdict.allowed) throw new Error(verdict.reason);
      // Fetched and read as a crawl reads it (crawl.ts), counted apart.
      const seen = { rendered: 0, warnings: [] as string[] };
      const { article: a, rendered } = await fetchArticle(ctx, source, { url: e.url, hintTitle: e.title ?? null, hintPublished: e.published ?? null, hintAuthor: e.author ?? null }, extraction, seen);
      rep.articles.push({
        url: e.url, ok: true, title: a.title, author: a.author, published: a.published ? a.published.toISOString() : null, lang: a.lang, script: a.script,
        chars: a.text.length, start: a.text.slice(0, 200),
        entities: a.entities.length,
        named: [...new Set(a.entities.filter((x) => x.type !== 'nationality').map((x) => x.canonical))].slice(0, 12),
        links: [...new Set(a.links.map((l) => `${l.balkan} – ${l.latam}`))],
        seizures: a.seizures.map((z) => `${z.kg} kg ${z.drug}`),
        rendered, warnings: seen.warnings,
      });
    } catch (err) {
      rep.articles.push({ url: e.url, ok: false, error: (err as Error).message });
    }
  }
  return rep;
}
