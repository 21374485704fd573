// One crawl cycle: for each source, discover article URLs, enqueue the new
// ones in the frontier, fetch them politely (robots.txt, per-host delay,
// Retry-After), through the browser when the source renders or a plain fetch
// saw only boilerplate, process and store each article in one transaction,
// then run the alert rules. A failing source never stops the others; every
// error is recorded against its source with its URL.
import { FetchError, httpGet } from '../crawlers/http-fetch.js';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import type { Db } from '../storage/db.js';
import { claim, enqueue, markFailed, markGaveUp, reclaimStale, release } from '../storage/frontier-repo.js';
import { reviseArticle, storeArticle } from '../storage/articles-repo.js';
import { listSources, logFetch, recordSourceRun, saveValidators, type Source } from '../storage/sources-repo.js';
import type { FetchOptions } from '../crawlers/http-fetch.js';
import { runRules } from '../alerts/run-rules.js';
import { deliverPending } from '../alerts/deliver.js';
import { updateSearchIndex } from '../storage/search-index.js';
import { createContext, type CrawlContext } from './context.js';
import { discover, fetchDoc, RobotsDisallowedError, sourceConfig, sourceZone } from './discover.js';
import { buildArticle, extractPage, pageWarning } from './process-page.js';
import { resultError } from './analysis-pool.js';
import type { ArticleInput } from '../storage/articles-repo.js';

export interface SourceReport {
  sourceId: string;
  discovered: number;
  added: number;
  fetched: number;
  stored: number;
  known: number;
  revised: number;
  failed: number;
  rendered: number;
  notModified: boolean;
  newLinks: number;
  error?: string;
  warnings: string[];
}

export interface CrawlOptions {
  sourceId?: string;
  /** Progress lines, for people. */
  log?: (line: string) => void;
  /** Milliseconds between two requests to one host (default from config/settings.yaml or RUTA_HOST_DELAY_MS). */
  hostDelayMs?: number;
  /** Sources crawled at once. */
  concurrency?: number;
  /** Articles fetched per source per run at most (default: settings, RUTA_MAX_ARTICLES_PER_SOURCE). */
  maxArticlesPerSource?: number;
  fetch?: FetchOptions;
  /** Called after each article is stored. */
  onStored?: (articleId: number) => void;
}

export interface Fetched {
  article: ArticleInput;
  rendered: boolean;
}

/**
 * Fetches one article page and has it analysed (in the worker pool): plain HTTP, or the browser
 * for render sources, with one browser retry when a plain fetch saw only boilerplate on a page
 * that runs scripts.
 */
export async function fetchArticle(
  ctx: CrawlContext,
  source: Source,
  /** The frontier row (none for a source test, which stores nothing) and the feed's hints. */
  row: { id?: number; url: string; hintTitle: string | null; hintPublished: Date | null; hintAuthor: string | null },
  /** How the source's pages are read: its selectors and its clock, worked out once per run. */
  extraction: { selectors: ReturnType<typeof sourceConfig>['selectors']; zone: string | undefined },
  /** Where pages read through the browser are counted and warnings kept. */
  rep: Pick<SourceReport, 'rendered' | 'warnings'>,
): Promise<Fetched> {
  const url = row.url;
  const articleCtx = { sourceId: source.id, sourceLanguage: source.language, sourceCountry: source.country, frontierId: row.id, hintTitle: row.hintTitle, hintPublished: row.hintPublished, hintAuthor: row.hintAuthor, seenAt: new Date() };
  const viaBrowser = async (reason: string) => {
    const t0 = Date.now();
    const r = await ctx.gate.run(url, () => ctx.renderer.render(url));
    const body = Buffer.from(r.html, 'utf8');
    await logFetch(ctx.db, { sourceId: source.id, url, purpose: 'article', status: r.status, ok: true, rendered: true, bytes: body.length, durationMs: Date.now() - t0, error: reason });
    rep.rendered++;
    const result = await ctx.analysis.run({ finalUrl: r.url, body, contentType: 'text/html; charset=utf-8', ...extraction, ctx: articleCtx });
    if (result.article && result.warning) rep.warnings.push(`${url}: ${result.warning}`);
    return result;
  };
  if (source.render) {
    const r = await viaBrowser('rendered: the source has render: true');
    if (!r.article) throw resultError(r);
    return { article: r.article, rendered: true };
  }
  const res = await ctx.gate.run(url, () => httpGet(url, ctx.fetchOpts));
  const plain = await ctx.analysis.run({ finalUrl: res.url, body: res.body, contentType: res.headers['content-type'] ?? null, ...extraction, ctx: articleCtx });
  if (plain.warning) rep.warnings.push(`${url}: ${plain.warning}`);
  await logFetch(ctx.db, { sourceId: source.id, url, purpose: 'article', status: res.status, ok: true, bytes: res.body.length, durationMs: res.durationMs, error: plain.warning ?? null });
  if (plain.needsBrowser) {
    try {
      const js = await viaBrowser(`rendered: a plain fetch found only boilerplate (${plain.textLength} characters) on a page that runs scripts`);
      if (js.article && js.textLength > plain.textLength) return { article: js.article, rendered: true };
    } catch (e) {
      rep.warnings.push(`${url}: could not retry through the browser: ${(e as Error).message}`);
    }
  }
  if (!plain.article) throw resultError(plain);
  return { article: plain.article, rendered: false };
}

export async function crawlSource(ctx: CrawlContext, source: Source, opts: CrawlOptions = {}): Promise<SourceReport> {
  const { db, log } = ctx;
  const rep: SourceReport = { sourceId: source.id, discovered: 0, added: 0, fetched: 0, stored: 0, known: 0, revised: 0, failed: 0, rendered: 0, notModified: false, newLinks: 0, warnings: [] };
  const config = sourceConfig(source);
  const extraction = { selectors: config.selectors, zone: sourceZone(source) };

  if (source.kind === 'page') {
    await watchPage(ctx, source, rep, opts);
  } else {
    try {
      const found = await discover(ctx, source);
      rep.discovered = found.entries.length;
      rep.notModified = found.notModified;
      const unique = new Map<string, (typeof found.entries)[number]>();
      const maxAgeDays = config.maxAgeDays ?? ctx.settings.maxAgeDays;
      const oldest = maxAgeDays > 0 ? Date.now() - maxAgeDays * 86_400_000 : -Infinity;
      let old = 0;
      for (const e of found.entries) {
        if (e.published && e.published.getTime() < oldest) old++;
        else unique.set(canonicalUrl(e.url), { ...e, url: canonicalUrl(e.url) });
      }
      if (old) rep.warnings.push(`${old} entr${old === 1 ? 'y' : 'ies'} dated more than ${maxAgeDays} days ago left out (maxAgeDays)`);
      rep.added = await enqueue(db, source.id, [...unique.values()]);
      for (const v of found.validators) await saveValidators(db, v.url, v.etag, v.lastModified);
      log(`[${source.id}] ${found.notModified ? 'not modified (304)' : `${rep.discovered} entries`}, ${rep.added} new`);
    } catch (e) {
      const msg = (e as Error).message;
      rep.error = msg.includes(source.url) || e instanceof RobotsDisallowedError ? msg : `${source.url}: ${msg}`;
      log(`[${source.id}] discovery failed: ${rep.error}`);
    }

    const limit = opts.maxArticlesPerSource ?? ctx.settings.maxArticlesPerSource;
    let done = 0;
    const runStart = new Date();
    type Row = Awaited<ReturnType<typeof claim>>[number];
    type Prepared = { row: Row; fetched?: Fetched; disallowed?: string; error?: unknown };
    // Fetching the next URL (I/O, queued at the host's gate) overlaps processing the current one (CPU).
    const prepare = async (row: Row): Promise<Prepared> => {
      try {
        const verdict = await ctx.robots.check(row.url);
        if (!verdict.allowed) return { row, disallowed: verdict.reason };
        const delay = await ctx.robots.crawlDelayMs(row.url);
        if (delay !== undefined) ctx.gate.setHostDelay(row.url, delay);
        return { row, fetched: await fetchArticle(ctx, source, row, extraction, rep) };
      } catch (error) {
        // Pause the host before the next URL is prepared.
        if (error instanceof FetchError && error.retryAfterMs) ctx.gate.pause(row.url, error.retryAfterMs);
        return { row, error };
      }
    };
    outer: while (done < limit) {
      const rows = await claim(db, source.id, Math.min(20, limit - done), runStart);
      if (!rows.length) break;
      let next: Promise<Prepared> | undefined = prepare(rows[0]!);
      for (let i = 0; i < rows.length; i++) {
        const p: Prepared = await next!;
        next = undefined;
        const following = rows[i + 1];
        if (following) {
          const wait = ctx.gate.pausedFor(following.url);
          if (wait > ctx.settings.maxRetryWaitMs) {
            // The host asked for a long pause: leave the rest for when it is over.
            await release(db, rows.slice(i + 1).map((r) => r.id), new Date(Date.now() + wait));
            rep.warnings.push(`${new URL(following.url).host} asked to wait ${Math.round(wait / 1000)} s (Retry-After); ${rows.length - i - 1} URL(s) postponed`);
          } else next = prepare(following);
        }
        done++;
        const row = p.row;
        try {
          if (p.disallowed) {
            rep.failed++;
            await markGaveUp(db, row.id, p.disallowed);
            await logFetch(db, { sourceId: source.id, url: row.url, purpose: 'article', ok: false, error: p.disallowed });
            log(`[${source.id}] ${done} gave-up: ${p.disallowed}`);
          } else {
            if (p.error) throw p.error;
            const f = p.fetched!;
            rep.fetched++;
            const article = f.article;
            const stored = await storeArticle(db, { ...article, rendered: f.rendered });
            if (stored.status === 'stored' || stored.status === 'revised') {
              if (stored.status === 'stored') rep.stored++;
              else rep.revised++;
              rep.newLinks += stored.newLinks.length;
              opts.onStored?.(stored.articleId);
            } else rep.known++;
            log(`[${source.id}] ${done} ${stored.status}${f.rendered ? ' (browser)' : ''} ${article.lang}/${article.script} ${article.title.slice(0, 70)}`);
          }
        } catch (e) {
          rep.failed++;
          const err = e as Error;
          const retryAfter = e instanceof FetchError ? e.retryAfterMs : undefined;
          const state = await markFailed(db, row.id, row.attempts, err.message, retryAfter);
          await logFetch(db, { sourceId: source.id, url: row.url, purpose: 'article', status: e instanceof FetchError ? (e.status ?? null) : null, ok: false, error: err.message });
          log(`[${source.id}] ${done} ${state}: ${err.message}`);
        }
        if (!next && following) break outer;
      }
    }
  }
  const summary = rep.error ?? (rep.failed ? `${rep.failed} article(s) failed; see \`ruta sources health\` and the fetch log` : null);
  await recordSourceRun(db, source.id, summary);
  return rep;
}

/** kind: page — fetch the one URL conditionally; a changed text becomes a revision of the stored article. */
async function watchPage(ctx: CrawlContext, source: Source, rep: SourceReport, opts: CrawlOptions): Promise<void> {
  try {
    const res = await fetchDoc(ctx, source, source.url, 'page');
    rep.fetched++;
    if (res.notModified) {
      rep.notModified = true;
      ctx.log(`[${source.id}] not modified (304)`);
      return;
    }
    const page = extractPage(res.url, res.body, res.headers['content-type'] ?? null, sourceConfig(source).selectors, sourceZone(source));
    const article = buildArticle(page, { sourceId: source.id, sourceLanguage: source.language, sourceCountry: source.country });
    const warning = pageWarning(page);
    if (warning) rep.warnings.push(`${source.url}: ${warning}`);
    const r = await reviseArticle(ctx.db, { ...article, url: canonicalUrl(source.url) });
    await saveValidators(ctx.db, source.url, res.headers.etag ?? null, res.headers['last-modified'] ?? null);
    if (r.status === 'stored') rep.stored++;
    if (r.status === 'revised') rep.revised++;
    rep.newLinks += r.newLinks.length;
    if (r.status !== 'unchanged') opts.onStored?.(r.articleId);
    ctx.log(`[${source.id}] page ${r.status}`);
  } catch (e) {
    const msg = (e as Error).message;
    rep.error = msg.includes(source.url) ? msg : `${source.url}: ${msg}`;
    ctx.log(`[${source.id}] page failed: ${rep.error}`);
  }
}

export async function crawlOnce(db: Db, opts: CrawlOptions = {}): Promise<SourceReport[]> {
  const ctx = createContext(db, { hostDelayMs: opts.hostDelayMs, log: opts.log, fetch: opts.fetch });
  const log = ctx.log;
  try {
    const reclaimed = await reclaimStale(db);
    if (reclaimed) log(`reclaimed ${reclaimed} URL(s) left in flight by an earlier run`);
    const sources = await listSources(db, { id: opts.sourceId, enabledOnly: !opts.sourceId });
    if (opts.sourceId && !sources.length) throw new Error(`no source with id "${opts.sourceId}"; see \`ruta sources list\``);
    const reports: SourceReport[] = [];
    const queue = [...sources];
    const workers = Array.from({ length: Math.max(1, opts.concurrency ?? ctx.settings.concurrency) }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) reports.push(await crawlSource(ctx, s, opts));
    });
    await Promise.all(workers);
    await updateSearchIndex(db);
    const alerts = await runRules(db);
    log(`alerts: ${alerts.total} new${alerts.total ? ` (${Object.entries(alerts.byRule).filter(([, n]) => n).map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''}`);
    const sent = await deliverPending(db, { log });
    if (sent.sent || sent.retrying || sent.failed || sent.inDoubt) log(`deliveries: ${sent.sent} sent, ${sent.retrying} to retry, ${sent.failed} failed, ${sent.inDoubt} in doubt`);
    return reports.sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  } finally {
    await ctx.close();
  }
}
