// From fetched bytes to an article ready to store: decode, extract, identify
// the language, analyse, and compute the canonical URL and content hash.
import { decodeBody } from '../crawlers/charset.js';
import { extractArticle, type Selectors } from '../extractors/article-extract.js';
import { analyze } from '../extractors/analyze.js';
import { canonicalUrl, sameSite } from '../dedupe/canonical-url.js';
import { contentHash } from '../dedupe/content-hash.js';
import type { ArticleInput } from '../storage/articles-repo.js';

export class ExtractionError extends Error {}

export interface PageInput {
  sourceId: string;
  sourceLanguage: string | null;
  selectors?: Selectors;
  frontierId?: number;
  requestedUrl: string;
  finalUrl: string;
  body: Buffer;
  contentType: string | null;
  hintTitle?: string | null;
  hintPublished?: Date | null;
}

export interface ProcessedPage {
  article: ArticleInput;
  charsetWarning?: string;
  bodySource: string;
}

export function processPage(p: PageInput): ProcessedPage {
  if (p.contentType && !/html|xml|text\/plain/i.test(p.contentType)) {
    throw new ExtractionError(`${p.finalUrl} is ${p.contentType}, not an HTML page; remove it from the feed or the source`);
  }
  const decoded = decodeBody(p.body, p.contentType);
  const ex = extractArticle(decoded.text, p.finalUrl, p.selectors);
  const text = ex.text.trim();
  if (!text) throw new ExtractionError(`no article text found at ${p.finalUrl}; set body selectors for source ${p.sourceId} if the page is an article`);
  const title = ex.title || p.hintTitle || p.finalUrl;
  const analysis = analyze({ text, title, langPrior: p.sourceLanguage });
  const declared = ex.canonicalUrl && sameSite(ex.canonicalUrl, p.finalUrl) ? ex.canonicalUrl : null;
  return {
    article: {
      frontierId: p.frontierId,
      sourceId: p.sourceId,
      url: canonicalUrl(declared ?? p.finalUrl),
      fetchedUrl: p.finalUrl,
      title,
      author: ex.author,
      published: ex.published ?? p.hintPublished ?? null,
      lang: analysis.lang,
      script: analysis.script,
      langConfidence: analysis.langConfidence,
      text,
      contentHash: contentHash(text),
      entities: analysis.entities.map(({ type, text, start, end, canonical, side }) => ({ type, text, start, end, canonical, side })),
      seizures: analysis.seizures,
      links: analysis.links,
    },
    charsetWarning: decoded.warning,
    bodySource: ex.bodySource,
  };
}
