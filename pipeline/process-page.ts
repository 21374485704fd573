// From fetched bytes to an article ready to store: decode and extract
// (extractPage), then identify the language, analyse, and compute the
// canonical URL and content hash (buildArticle).
import { decodeBody } from '../crawlers/charset.js';
import { extractArticle, type ExtractedArticle, type Selectors } from '../extractors/article-extract.js';
import { analysisEnd, analyze, partialAnalysisNote, type Analysis } from '../extractors/analyze.js';
import { canonicalUrl, sameSite } from '../dedupe/canonical-url.js';
import { contentHash } from '../dedupe/content-hash.js';
import { fingerprint } from '../dedupe/fingerprint.js';
import type { ArticleInput, StoredAnalysis } from '../storage/articles-repo.js';

export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

export interface ExtractedPage {
  finalUrl: string;
  extracted: ExtractedArticle;
  charsetWarning?: string;
}

/** Below this many characters of body text, a page with scripts is retried through the browser. */
const BOILERPLATE_CHARS = 400;

/** `zone` (IANA): the source's clock for dates the page writes without a zone; by default the page's domain's country's, else UTC. */
export function extractPage(finalUrl: string, body: Buffer, contentType: string | null, selectors?: Selectors, zone?: string): ExtractedPage {
  if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
    throw new ExtractionError(`${finalUrl} is ${contentType}, not an HTML page; remove it from the feed or the source`);
  }
  const decoded = decodeBody(body, contentType);
  return { finalUrl, extracted: extractArticle(decoded.text, finalUrl, selectors, zone), charsetWarning: decoded.warning };
}

/** True when a plain fetch saw only boilerplate on a page that runs scripts: the browser may see more. */
export function needsBrowser(p: ExtractedPage): boolean {
  const ex = p.extracted;
  return ex.hasScripts && (ex.bodySource === 'meta' || ex.bodySource === 'none' || ex.text.length < BOILERPLATE_CHARS);
}

/** What a crawl report should say about the page: a charset that was wrong, a text longer than analysis reads. */
export function pageWarning(p: ExtractedPage): string | undefined {
  const text = p.extracted.text.trim();
  const end = analysisEnd(text);
  const long = end < text.length ? partialAnalysisNote(text.length, end) : undefined;
  return [p.charsetWarning, long].filter(Boolean).join('; ') || undefined;
}

export interface ArticleContext {
  sourceId: string;
  sourceLanguage: string | null;
  /** The source's country code, for agencies named without their country. */
  sourceCountry?: string | null;
  frontierId?: number;
  hintTitle?: string | null;
  hintPublished?: Date | null;
  /** The feed's author of the item: the article's when its page names none. */
  hintAuthor?: string | null;
  /** When the page was fetched: the article's date for story clustering when it has no publication date. */
  seenAt?: Date;
}

/** What the database keeps of an analysis: language, script, and the entities, seizures and links as rows. */
export function storedAnalysis(a: Analysis): StoredAnalysis {
  return {
    lang: a.lang,
    script: a.script,
    langConfidence: a.langConfidence,
    entities: a.entities.map(({ type, text, start, end, canonical, side }) => ({ type, text, start, end, canonical, side })),
    seizures: a.seizures,
    links: a.links,
  };
}

export function buildArticle(p: ExtractedPage, ctx: ArticleContext): ArticleInput {
  const ex = p.extracted;
  const text = ex.text.trim();
  if (!text) throw new ExtractionError(`no article text found at ${p.finalUrl}; set body selectors for source ${ctx.sourceId} if the page is an article`);
  const title = ex.title || ctx.hintTitle || p.finalUrl;
  const published = ex.published ?? ctx.hintPublished ?? null;
  // A date the text writes without a year is dated by the article's, else by when it was fetched.
  const analysis = analyze({ text, title, langPrior: ctx.sourceLanguage, country: ctx.sourceCountry, published: published ?? ctx.seenAt ?? new Date() });
  const declared = ex.canonicalUrl && sameSite(ex.canonicalUrl, p.finalUrl) ? ex.canonicalUrl : null;
  const url = canonicalUrl(declared ?? p.finalUrl);
  return {
    frontierId: ctx.frontierId,
    sourceId: ctx.sourceId,
    url,
    fetchedUrl: p.finalUrl,
    title,
    author: ex.author ?? ctx.hintAuthor ?? null,
    published,
    text,
    contentHash: contentHash(text),
    ...storedAnalysis(analysis),
    // Near-duplicate detection reads what analysis read: past that, a text only costs time and memory.
    fingerprint: fingerprint({ url, title, text: analysis.analyzedChars === undefined ? text : text.slice(0, analysis.analyzedChars), published, seenAt: ctx.seenAt ?? new Date(), lang: analysis.lang, entities: analysis.entities, seizures: analysis.seizures }),
  };
}
