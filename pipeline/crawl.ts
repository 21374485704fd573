// One crawl cycle: for each source, discover article URLs, enqueue the new
// ones in the frontier, fetch and process them, store each article in one
// transaction, then run the alert rules. A failing source never stops the
// others; every error is recorded against its source with its URL.
import { AllowList } from '../crawlers/ssrf.js';
import { FetchError, httpGet, type FetchOptions } from '../crawlers/http-fetch.js';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import type { Db } from '../storage/db.js';
import { claim, enqueue, markFailed, reclaimStale } from '../storage/frontier-repo.js';
import { storeArticle } from '../storage/articles-repo.js';
import { listSources, logFetch, recordSourceRun, saveValidators, type Source } from '../storage/sources-repo.js';
import { runLinkRule } from '../alerts/link-rule.js';
import { discover } from './discover.js';
import { HostGate } from './host-gate.js';
import { processPage } from './process-page.js';

export interface SourceReport {
  sourceId: string;
  discovered: number;
  added: number;
  fetched: number;
  stored: number;
  known: number;
  failed: number;
  notModified: boolean;
  newLinks: number;
  error?: string;
  warnings: string[];
}

export interface CrawlOptions {
  sourceId?: string;
  /** Progress lines, for people. */
  log?: (line: string) => void;
  /** Milliseconds between two requests to one host (RUTA_HOST_DELAY_MS, default 1000). */
  hostDelayMs?: number;
  /** Sources crawled at once (RUTA_CONCURRENCY, default 4). */
  concurrency?: number;
  /** Articles fetched per source per run at most. */
  maxArticlesPerSource?: number;
  fetch?: FetchOptions;
  /** Called after each article is stored (the crash test uses it). */
  onStored?: (articleId: number) => void;
}

function envInt(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 ? v : dflt;
}

export async function crawlSource(db: Db, source: Source, gate: HostGate, opts: CrawlOptions): Promise<SourceReport> {
  const log = opts.log ?? (() => {});
  const rep: SourceReport = { sourceId: source.id, discovered: 0, added: 0, fetched: 0, stored: 0, known: 0, failed: 0, notModified: false, newLinks: 0, warnings: [] };
  const fetchOpts: FetchOptions = { allow: AllowList.fromEnv(), userAgent: process.env.RUTA_USER_AGENT || undefined, ...opts.fetch };
  const config = JSON.parse(source.config || '{}') as { selectors?: Record<string, string> };
  try {
    const found = await discover(db, gate, source, fetchOpts);
    rep.discovered = found.entries.length;
    rep.notModified = found.notModified;
    const unique = new Map<string, (typeof found.entries)[number]>();
    for (const e of found.entries) unique.set(canonicalUrl(e.url), { ...e, url: canonicalUrl(e.url) });
    rep.added = await enqueue(db, source.id, [...unique.values()]);
    for (const v of found.validators) await saveValidators(db, v.url, v.etag, v.lastModified);
    log(`[${source.id}] ${found.notModified ? 'not modified (304)' : `${rep.discovered} entries`}, ${rep.added} new`);
  } catch (e) {
    const msg = (e as Error).message;
    rep.error = msg.includes(source.url) ? msg : `${source.url}: ${msg}`;
    log(`[${source.id}] discovery failed: ${rep.error}`);
  }

  const limit = opts.maxArticlesPerSource ?? envInt('RUTA_MAX_ARTICLES_PER_SOURCE', 500);
  let done = 0;
  while (done < limit) {
    const rows = await claim(db, source.id, Math.min(20, limit - done));
    if (!rows.length) break;
    for (const row of rows) {
      done++;
      try {
        const res = await gate.run(row.url, () => httpGet(row.url, fetchOpts));
        rep.fetched++;
        const page = processPage({
          sourceId: source.id,
          sourceLanguage: source.language,
          selectors: config.selectors,
          frontierId: row.id,
          requestedUrl: row.url,
          finalUrl: res.url,
          body: res.body,
          contentType: res.headers['content-type'] ?? null,
          hintTitle: row.hintTitle,
          hintPublished: row.hintPublished,
        });
        if (page.charsetWarning) rep.warnings.push(`${row.url}: ${page.charsetWarning}`);
        await logFetch(db, { sourceId: source.id, url: row.url, purpose: 'article', status: res.status, ok: true, bytes: res.body.length, durationMs: res.durationMs, error: page.charsetWarning ?? null });
        const stored = await storeArticle(db, page.article);
        if (stored.status === 'stored') {
          rep.stored++;
          rep.newLinks += stored.newLinks.length;
          opts.onStored?.(stored.articleId);
        } else rep.known++;
        log(`[${source.id}] ${done} ${stored.status} ${page.article.lang}/${page.article.script} ${page.article.title.slice(0, 70)}`);
      } catch (e) {
        rep.failed++;
        const err = e as Error;
        const retryAfter = e instanceof FetchError ? e.retryAfterMs : undefined;
        const state = await markFailed(db, row.id, row.attempts, err.message, retryAfter);
        await logFetch(db, { sourceId: source.id, url: row.url, purpose: 'article', status: e instanceof FetchError ? (e.status ?? null) : null, ok: false, error: err.message });
        log(`[${source.id}] ${done} ${state}: ${err.message}`);
      }
    }
  }
  const summary = rep.error ?? (rep.failed ? `${rep.failed} article(s) failed; see \`ruta sources health\` and the fetch log` : null);
  await recordSourceRun(db, source.id, summary);
  return rep;
}

export async function crawlOnce(db: Db, opts: CrawlOptions = {}): Promise<SourceReport[]> {
  const log = opts.log ?? (() => {});
  const reclaimed = await reclaimStale(db);
  if (reclaimed) log(`reclaimed ${reclaimed} URL(s) left in flight by an earlier run`);
  const sources = await listSources(db, { id: opts.sourceId, enabledOnly: !opts.sourceId });
  if (opts.sourceId && !sources.length) throw new Error(`no source with id "${opts.sourceId}"; see \`ruta sources list\``);
  const gate = new HostGate(opts.hostDelayMs ?? envInt('RUTA_HOST_DELAY_MS', 1000));
  const reports: SourceReport[] = [];
  const queue = [...sources];
  const workers = Array.from({ length: Math.max(1, opts.concurrency ?? envInt('RUTA_CONCURRENCY', 4)) }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) reports.push(await crawlSource(db, s, gate, opts));
  });
  await Promise.all(workers);
  const alerts = await runLinkRule(db);
  log(`alerts: ${alerts} new`);
  return reports.sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}
