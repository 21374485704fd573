// A test of one source, for editors: what its feed, sitemap, listing or
// search finds now, and what Ruta reads from its first articles (fields,
// language, who and what they name). It fetches politely as a crawl does and
// stores nothing but the fetch log.
import { httpGet } from '../crawlers/http-fetch.js';
import { logFetch, type Source } from '../storage/sources-repo.js';
import { resultError } from './analysis-pool.js';
import type { CrawlContext } from './context.js';
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
  warning?: string;
  needsBrowser?: boolean;
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
      const res = source.render
        ? await ctx.gate.run(e.url, async () => {
            const r = await ctx.renderer.render(e.url);
            return { url: r.url, status: r.status, body: Buffer.from(r.html, 'utf8'), headers: { 'content-type': 'text/html; charset=utf-8' } as Record<string, string | undefined>, durationMs: 0 };
          })
        : await ctx.gate.run(e.url, () => httpGet(e.url, ctx.fetchOpts));
      await logFetch(ctx.db, { sourceId: source.id, url: e.url, purpose: 'article', status: res.status, ok: true, rendered: source.render, bytes: res.body.length, durationMs: res.durationMs });
      const r = await ctx.analysis.run({
        finalUrl: res.url, body: res.body, contentType: res.headers['content-type'] ?? null, ...extraction,
        ctx: { sourceId: source.id, sourceLanguage: source.language, sourceCountry: source.country, hintTitle: e.title ?? null, hintPublished: e.published ?? null, hintAuthor: e.author ?? null, seenAt: new Date() },
      });
      if (!r.article) throw resultError(r);
      const a = r.article;
      rep.articles.push({
        url: e.url, ok: true, title: a.title, author: a.author, published: a.published ? a.published.toISOString() : null, lang: a.lang, script: a.script,
        chars: a.text.length, start: a.text.slice(0, 200),
        entities: a.entities.length,
        named: [...new Set(a.entities.filter((x) => x.type !== 'nationality').map((x) => x.canonical))].slice(0, 12),
        links: [...new Set(a.links.map((l) => `${l.balkan} – ${l.latam}`))],
        seizures: a.seizures.map((z) => `${z.kg} kg ${z.drug}`),
        warning: r.warning, needsBrowser: r.needsBrowser,
      });
    } catch (err) {
      rep.articles.push({ url: e.url, ok: false, error: (err as Error).message });
    }
  }
  return rep;
}
