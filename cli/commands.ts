// The `ruta` commands that read and write the database.
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readSourcesFile } from '../crawlers/sources-file.js';
import { openDb, dbPath, type Db } from '../storage/db.js';
import { listSources, upsertSources } from '../storage/sources-repo.js';
import { importWatchlists } from '../storage/watchlists-repo.js';
import { parseWatchlists } from '../alerts/watchlist-file.js';
import { iterateArticles, listArticles, listLinks } from '../storage/articles-repo.js';
import { listAlerts } from '../storage/alerts-repo.js';
import { isLinkReview, reviewLink } from '../storage/link-review-repo.js';
import { userByEmail } from '../storage/users-repo.js';
import { out, progress, table, UsageError } from './output.js';

export const CONFIG_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'config');

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(dbPath());
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export async function init(db: Db, opts: { sources?: string; watchlists?: string }): Promise<void> {
  const sourcesFile = opts.sources ?? join(CONFIG_DIR, 'sources.yaml');
  const watchFile = opts.watchlists ?? join(CONFIG_DIR, 'watchlists.yaml');
  const s = await upsertSources(db, readSourcesFile(sourcesFile));
  progress(`sources: ${s.created} added, ${s.updated} updated (${sourcesFile})`);
  if (existsSync(watchFile)) {
    // Lists editors already have are left as they made them; `ruta watchlist import` replaces.
    const w = await importWatchlists(db, parseWatchlists(readFileSync(watchFile, 'utf8'), watchFile), { mode: 'create-only' });
    progress(`watchlists: ${w.lists} created, ${w.skipped.length} already present (${watchFile})`);
  }
  progress(`database ready: ${dbPath()}`);
}

export async function sourcesImport(db: Db, file: string): Promise<void> {
  const r = await upsertSources(db, readSourcesFile(file));
  progress(`sources: ${r.created} added, ${r.updated} updated from ${file}`);
}

export async function sourcesList(db: Db, json: boolean): Promise<void> {
  const rows = await listSources(db);
  if (json) {
    for (const s of rows) out(JSON.stringify({ ...s, config: JSON.parse(s.config) }));
    return;
  }
  out(table(rows.map((s) => ({ ...s, lastError: s.lastError ?? '' })) as unknown as Record<string, unknown>[], ['id', 'kind', 'language', 'country', 'enabled', 'schedule', 'lastSuccessAt', 'lastError', 'url']));
}

export async function crawl(db: Db, opts: { source?: string }): Promise<number> {
  const { crawlOnce } = await import('../pipeline/crawl.js');
  const reports = await crawlOnce(db, { sourceId: opts.source, log: progress });
  let failures = 0;
  for (const r of reports) {
    if (r.error) failures++;
    for (const w of r.warnings) progress(`[${r.sourceId}] warning: ${w}`);
  }
  const stored = reports.reduce((n, r) => n + r.stored, 0);
  const failed = reports.reduce((n, r) => n + r.failed, 0);
  progress(`crawl finished: ${reports.length} source(s), ${stored} article(s) stored, ${failed} failed, ${failures} source error(s)`);
  for (const r of reports.filter((x) => x.error)) progress(`  ${r.sourceId}: ${r.error}`);
  return failures;
}

export async function run(db: Db): Promise<void> {
  if ((await listSources(db)).length === 0) await init(db, {});
  const { startScheduler } = await import('../pipeline/scheduler.js');
  const scheduler = await startScheduler(db, { log: progress });
  // The web app alongside the crawler; a port in use stops the app, not the crawling.
  const { startServer } = await import('../web/server.js');
  const port = Number(process.env.RUTA_PORT ?? 3000);
  const host = process.env.RUTA_HOST ?? '127.0.0.1';
  const web = await startServer(db, { port, host }).then(
    (s) => {
      progress(`web app on http://${host}:${s.port}`);
      return s;
    },
    (e: Error) => {
      progress(`web app not started on ${host}:${port}: ${e.message}; set RUTA_PORT to a free port`);
      return null;
    },
  );
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      progress(`${sig}: finishing in-flight work…`);
      Promise.allSettled([scheduler.stop(), web?.close()]).then(() => resolve());
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  progress('stopped');
}

export async function articlesList(db: Db, opts: { json: boolean; limit?: number }): Promise<void> {
  const rows = await listArticles(db, { limit: opts.limit });
  if (opts.json) {
    for (const a of rows) out(JSON.stringify({ id: a.id, url: a.url, title: a.title, published: a.published, lang: a.lang, script: a.script, sources: a.sources.map((s) => s.sourceId), story: a.storyId, duplicateOf: a.duplicateOfId }));
    return;
  }
  out(table(rows.map((a) => ({ ...a, story: a.storyId, copyOf: a.duplicateOfId ?? '', sources: a.sources.map((s) => s.sourceId).join(','), published: a.published?.toISOString().slice(0, 10) })) as unknown as Record<string, unknown>[], ['id', 'story', 'copyOf', 'lang', 'script', 'published', 'sources', 'title']));
}

export async function storiesList(db: Db, opts: { json: boolean; limit?: number; lang?: string; minOutlets?: number; about?: string }): Promise<void> {
  const { listStories, storyExtras } = await import('../storage/stories-repo.js');
  const rows = await listStories(db, { limit: opts.limit, lang: opts.lang, minOutlets: opts.minOutlets, withLinks: opts.about === 'links', withSeizures: opts.about === 'seizures' });
  if (opts.json) {
    const extras = await storyExtras(db, rows.map((s) => s.id));
    for (const s of rows) {
      const x = extras(s.id);
      out(JSON.stringify({
        id: s.id, headline: s.headline, firstSeen: s.firstSeenAt, lastSeen: s.lastSeenAt, languages: s.languages ? s.languages.split(',') : [], outlets: s.outletCount, articles: s.articleCount, urls: s.articles.map((a) => a.url),
        links: x.links.map((l) => ({ balkan: l.balkan, latam: l.latam, articles: l.articles })), largestSeizure: x.largestSeizure,
      }));
    }
    return;
  }
  out(table(rows.map((s) => ({ ...s, firstSeen: s.firstSeenAt.toISOString().slice(0, 16).replace('T', ' ') })) as unknown as Record<string, unknown>[], ['id', 'firstSeen', 'languages', 'outletCount', 'articleCount', 'headline']));
}

export async function articlesExport(db: Db, opts: { format: string; out?: string }): Promise<void> {
  if (opts.format !== 'jsonl') throw new UsageError(`unknown export format "${opts.format}"; use --format jsonl`);
  const sink = opts.out ? createWriteStream(opts.out) : process.stdout;
  let n = 0;
  for await (const a of iterateArticles(db)) {
    const line = JSON.stringify({ url: a.url, title: a.title, published: a.published?.toISOString() ?? null, lang: a.lang, script: a.script, text: a.text });
    if (!sink.write(`${line}\n`)) await new Promise<void>((r) => (sink as NodeJS.WritableStream).once('drain', () => r()));
    n++;
  }
  if (opts.out) await new Promise((r) => (sink as ReturnType<typeof createWriteStream>).end(r));
  progress(`exported ${n} article(s)${opts.out ? ` to ${opts.out}` : ''}`);
}

/** `ruta articles reanalyze`: progress on stderr every 2 s, then what changed on stdout. */
export async function articlesReanalyze(db: Db, opts: { source?: string; since?: string; dryRun: boolean; quiet: boolean; json: boolean }): Promise<void> {
  let since: Date | undefined;
  if (opts.since !== undefined) {
    since = new Date(opts.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(opts.since) || Number.isNaN(since.getTime())) throw new UsageError(`--since takes a date such as 2026-01-31, not "${opts.since}"`);
  }
  if (opts.source !== undefined && !(await db.source.findUnique({ where: { id: opts.source } }))) throw new UsageError(`no source "${opts.source}"; see \`ruta sources list\``);
  const { reanalyzeStored } = await import('../pipeline/reanalyze.js');
  let last = Date.now();
  const report = await reanalyzeStored(db, { sourceId: opts.source, since, dryRun: opts.dryRun, quiet: opts.quiet }, (r) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    progress(`reanalyze: ${r.read}/${r.total} article(s), ${r.changed} changed, links +${r.added.length} −${r.removed.length}`);
  });
  if (opts.json) {
    out(JSON.stringify({ ...report, dryRun: opts.dryRun }));
  } else {
    for (const l of report.removed) out(`- ${l.balkan} – ${l.latam}  (article ${l.articleId})`);
    for (const l of report.added) out(`+ ${l.balkan} – ${l.latam}  (article ${l.articleId})`);
  }
  progress(
    `${opts.dryRun ? 'dry run, nothing saved: ' : ''}${report.read} article(s) read, ${report.changed} ${opts.dryRun ? 'would change' : 'changed'}; ` +
      `links: ${report.added.length} added, ${report.removed.length} removed${!opts.dryRun && !opts.quiet && report.added.length ? ' (`ruta alerts run` alerts on the new ones)' : ''}`,
  );
}

export async function alertsList(db: Db, json: boolean, filter: { status?: string; rule?: string; severity?: string; since?: Date; limit?: number } = {}): Promise<void> {
  const rows = await listAlerts(db, filter);
  if (json) {
    for (const a of rows) {
      out(JSON.stringify({ id: a.id, rule: a.rule, severity: a.severity, reason: a.reason, evidence: a.evidence, entities: JSON.parse(a.entities), status: a.status, createdAt: a.createdAt, article: a.article, story: a.story }));
    }
    return;
  }
  out(table(rows.map((a) => ({ ...a, title: a.article?.title ?? '' })) as unknown as Record<string, unknown>[], ['id', 'severity', 'rule', 'reason', 'title']));
}

export async function linksList(db: Db, json: boolean, filter: { review?: string; since?: Date } = {}): Promise<void> {
  const rows = await listLinks(db, filter);
  if (json) {
    for (const l of rows) {
      out(JSON.stringify({ id: l.id, balkan: l.balkan, balkanType: l.balkanType, latam: l.latam, latamType: l.latamType, firstSeen: l.firstSeen, lastSeen: l.lastSeen, articleCount: l.articleCount, review: l.review, evidence: l.evidence.map((e) => ({ sentence: e.sentence, url: e.article.url })) }));
    }
    return;
  }
  out(table(rows.map((l) => ({ ...l, evidence: l.evidence[0]?.sentence ?? '' })) as unknown as Record<string, unknown>[], ['id', 'balkan', 'latam', 'articleCount', 'firstSeen', 'review', 'evidence']));
}

/** `ruta links review ID confirmed|dismissed|open [--note TEXT] [--by EMAIL]`: an analyst's verdict on a link. */
export async function linksReview(db: Db, id: string | undefined, status: string | undefined, o: { note?: string; by?: string }): Promise<void> {
  const usage = 'usage: ruta links review ID confirmed|dismissed|open [--note TEXT] [--by EMAIL]';
  if (!id || !/^\d+$/.test(id) || !status) throw new UsageError(usage);
  if (!isLinkReview(status)) throw new UsageError(`the verdict must be confirmed, dismissed or open, not "${status}"; ${usage}`);
  const by = o.by ? await userByEmail(db, o.by) : null;
  const link = await db.link.findUnique({ where: { id: Number(id) }, select: { balkan: true, latam: true } });
  if (!link || !(await reviewLink(db, Number(id), by?.id ?? null, status, o.note ?? ''))) throw new UsageError(`no link #${id}; see \`ruta links list\``);
  progress(`link #${id} ${link.balkan} – ${link.latam}: ${status === 'open' ? 'reopened' : status}${by ? ` by ${by.email}` : ''}`);
}

/** Reads JSON lines from a file or stdin, calling fn for each object; bad lines are reported on stderr with their number. */
export async function eachJsonLine(file: string | undefined, fn: (obj: Record<string, unknown>) => void | Promise<void>): Promise<number> {
  const input = file ? createReadStream(file) : process.stdin;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      errors++;
      progress(`${file ?? 'stdin'}:${lineNo}: not valid JSON (${(e as Error).message}); line skipped`);
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      errors++;
      progress(`${file ?? 'stdin'}:${lineNo}: expected a JSON object; line skipped`);
      continue;
    }
    await fn(obj as Record<string, unknown>);
  }
  return errors;
}

/** A line with no "text" string is answered (so output lines still pair with input lines), reported, and counted. */
function textOf(o: Record<string, unknown>, command: string, answered: string): string | undefined {
  if (typeof o.text === 'string') return o.text;
  progress(`${command} ${JSON.stringify(o.id ?? null)}: the line has no "text" string${o.text === undefined ? '' : ` (it has ${Array.isArray(o.text) ? 'a list' : typeof o.text})`}; ${answered}`);
  return undefined;
}

export async function analyzeCmd(file: string | undefined): Promise<number> {
  const { analyze, partialAnalysisNote } = await import('../extractors/analyze.js');
  let missing = 0;
  const bad = await eachJsonLine(file, (o) => {
    const given = textOf(o, 'analyze', 'answered with no entities, seizures or links');
    if (given === undefined) missing++;
    const text = given ?? '';
    const published = typeof o.published === 'string' && o.published.trim() ? o.published : undefined;
    if (published && Number.isNaN(new Date(published).getTime())) progress(`analyze ${JSON.stringify(o.id ?? null)}: "published" ${JSON.stringify(published)} is no date (ISO 8601 expected); dates without a year are left undated`);
    const a = analyze({ text, title: typeof o.title === 'string' ? o.title : undefined, lang: typeof o.lang === 'string' ? o.lang : undefined, country: typeof o.country === 'string' ? o.country : undefined, published });
    if (a.analyzedChars !== undefined) progress(`${JSON.stringify(o.id ?? null)}: ${partialAnalysisNote(text.length, a.analyzedChars)}`);
    out(
      JSON.stringify({
        id: o.id ?? null,
        lang: a.lang,
        script: a.script,
        entities: a.entities.map(({ type, text, start, end, canonical }) => ({ type, text, start, end, canonical })),
        seizures: a.seizures.map(({ drug, text, kg, start, end, place, date }) => ({ drug, text, kg, start, end, place: place ?? null, date: date ?? null })),
        links: a.links.map(({ balkan, latam, evidence }) => ({ balkan, latam, evidence })),
        ...(given === undefined ? { error: 'no "text" string' } : {}),
      }),
    );
  });
  return bad + missing;
}

export async function sourcesHealth(db: Db, json: boolean): Promise<void> {
  const { sourceHealth } = await import('../storage/health-repo.js');
  const { NO_YIELD, sourceYield } = await import('../storage/source-yield.js');
  const rows = await sourceHealth(db);
  // What each delivered in 30 days that matters here: articles with a link or a seizure, or that raised an alert.
  const yields = await sourceYield(db, new Date(Date.now() - 30 * 86_400_000));
  if (json) {
    for (const h of rows) out(JSON.stringify({ ...h, onTopic30d: yields.get(h.id) ?? NO_YIELD }));
    return;
  }
  out(
    table(
      rows.map((h) => {
        const y = yields.get(h.id) ?? NO_YIELD;
        return { ...h, errorRate: `${Math.round(h.errorRate * 100)}%`, lastSuccessAt: h.lastSuccessAt?.toISOString().slice(0, 16) ?? 'never', lastError: h.lastError ?? '', onTopic30d: `${y.onTopic}/${y.articles}` };
      }) as unknown as Record<string, unknown>[],
      ['id', 'status', 'lastSuccessAt', 'errorRate', 'itemsPerDay', 'usualIntervalHours', 'onTopic30d', 'lastError'],
    ),
  );
  const bad = rows.filter((h) => h.enabled && (h.status === 'failing' || h.status === 'silent'));
  if (bad.length) progress(`${bad.length} source(s) failing or silent: ${bad.map((h) => h.id).join(', ')}`);
}

export async function sourcesTest(db: Db, id: string, o: { limit: number; json: boolean }): Promise<number> {
  const source = await db.source.findUnique({ where: { id } });
  if (!source) throw new UsageError(`no source "${id}"; see \`ruta sources list\``);
  const { createContext } = await import('../pipeline/context.js');
  const { testSource } = await import('../pipeline/source-test.js');
  const ctx = createContext(db, { log: progress });
  try {
    progress(`testing ${source.id} (${source.kind}) at ${source.url}`);
    let rep;
    try {
      rep = await testSource(ctx, source, o.limit);
    } catch (e) {
      progress(`${source.id}: ${source.url} could not be read: ${(e as Error).message}; check the URL and kind in the source's entry`);
      return 1;
    }
    if (o.json) out(JSON.stringify(rep));
    else {
      out(`${rep.entries} article link(s) found in ${rep.documents} document(s)${rep.entries ? '; the first:' : ''}`);
      for (const e of rep.sample) out(`  ${e.published ? `${e.published.slice(0, 10)}  ` : ''}${e.url}${e.title ? `  “${e.title}”` : ''}`);
      for (const a of rep.articles) {
        out('');
        if (!a.ok) {
          out(`✗ ${a.url}\n  ${a.error}`);
          continue;
        }
        out(`✓ ${a.url}`);
        out(`  title      ${a.title}`);
        out(`  author     ${a.author ?? '(none found)'}`);
        out(`  published  ${a.published ?? '(none found)'}`);
        out(`  language   ${a.lang} (${a.script}), ${a.chars} characters: ${(a.start ?? '').replace(/\s+/g, ' ').slice(0, 120)}…`);
        out(`  names      ${a.named?.length ? a.named.join(', ') : '(none)'}`);
        if (a.links?.length) out(`  links      ${a.links.join('; ')}`);
        if (a.seizures?.length) out(`  seizures   ${a.seizures.join('; ')}`);
        for (const w of a.warnings ?? []) out(`  warning    ${w}`);
        if (a.rendered && !source.render) out('  note       read through the browser: a plain fetch found only boilerplate; render: true saves the first fetch');
      }
    }
    const bad = rep.articles.filter((a) => !a.ok).length;
    if (!rep.entries) progress(`${source.id}: no article links found; for a listing, check selectors.links; for a feed or sitemap, the URL`);
    else if (bad) progress(`${source.id}: ${bad} of ${rep.articles.length} article(s) could not be read (above)`);
    return rep.entries && !bad ? 0 : 1;
  } finally {
    await ctx.close();
  }
}

export async function sourcesAdd(db: Db | null, url: string, opts: { id?: string; language?: string; country?: string; save?: boolean }): Promise<number> {
  const { proposeSource } = await import('../crawlers/discover-source.js');
  const { loadCrawlerSettings } = await import('../crawlers/settings.js');
  const { AllowList } = await import('../crawlers/ssrf.js');
  const { stringify } = await import('yaml');
  const settings = loadCrawlerSettings();
  const p = await proposeSource(url, { allow: AllowList.fromEnv(), userAgent: settings.userAgent, totalTimeoutMs: settings.totalTimeoutMs });
  for (const c of p.candidates) progress(`found ${c.kind} ${c.url}${c.error ? ` — unusable: ${c.error}` : ` — ${c.entries} entries`}`);
  if (!p.source) {
    progress(`no feed or sitemap found at ${p.homepage}: no <link rel="alternate"> feed and no Sitemap: line in robots.txt; add the source by hand with kind: listing and selectors`);
    return 1;
  }
  const s = { ...p.source, id: opts.id ?? p.source.id, language: opts.language ?? p.source.language, country: opts.country?.toUpperCase() ?? p.source.country };
  const { config: _config, enabled: _enabled, ...entry } = s;
  out(stringify({ sources: [entry] }).trimEnd());
  if (opts.save && db) {
    const r = await upsertSources(db, [s]);
    progress(`source ${s.id} ${r.created ? 'added' : 'updated'}`);
  } else progress('proposed entry above; add --save to store it, or paste it into a sources file');
  return 0;
}

/** `ruta extract`: {"id","url"} plus "html" or "path" (raw bytes, gzip allowed) → {"id","title","author","published","text","lang","script"}. */
export async function extractCmd(file: string | undefined): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const { gunzipSync } = await import('node:zlib');
  const { extractPage } = await import('../pipeline/process-page.js');
  const { BCMS_LANGS, bcmsPriorOf, identifyLanguage } = await import('../extractors/langid.js');
  let failures = 0;
  const bad = await eachJsonLine(file, async (o) => {
    const id = o.id ?? null;
    const url = typeof o.url === 'string' ? o.url : 'about:blank';
    try {
      let body: Buffer;
      let contentType: string | null = null;
      if (typeof o.html === 'string') {
        body = Buffer.from(o.html, 'utf8');
        contentType = 'text/html; charset=utf-8';
      } else if (typeof o.path === 'string') {
        body = await readFile(o.path);
        if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
      } else throw new Error('each line needs "html" or "path"');
      const { extracted: ex } = extractPage(url, body, contentType);
      const text = ex.text.trim();
      let l = identifyLanguage(`${ex.title}\n${text}`);
      // Which of the Bosnian, Croatian, Serbian and Montenegrin standards: what the page declares, or its country's domain.
      const prior = BCMS_LANGS.has(l.lang) ? bcmsPriorOf(url, ex.declaredLanguage) : undefined;
      if (prior) l = identifyLanguage(`${ex.title}\n${text}`, prior);
      out(JSON.stringify({ id, title: ex.title, author: ex.author, published: ex.published?.toISOString() ?? null, text, lang: text ? l.lang : 'und', script: l.script }));
    } catch (e) {
      failures++;
      progress(`extract ${String(id)} (${url}): ${(e as Error).message}`);
      out(JSON.stringify({ id, title: null, author: null, published: null, text: '', lang: 'und', script: 'Latn', error: (e as Error).message }));
    }
  });
  return bad + failures;
}

/** `ruta langid`: {"id","text"} → {"id","lang","script","confidence"}. */
export async function langidCmd(file: string | undefined): Promise<number> {
  const { identifyLanguage } = await import('../extractors/langid.js');
  let missing = 0;
  const bad = await eachJsonLine(file, (o) => {
    const given = textOf(o, 'langid', 'answered und');
    if (given === undefined) {
      missing++;
      out(JSON.stringify({ id: o.id ?? null, lang: 'und', script: 'Latn', confidence: 0, error: 'no "text" string' }));
      return;
    }
    const r = identifyLanguage(given, typeof o.lang === 'string' ? o.lang : undefined);
    out(JSON.stringify({ id: o.id ?? null, lang: r.lang, script: r.script, confidence: r.confidence }));
  });
  return bad + missing;
}

/**
 * `ruta ner`: {"id","tokens","lang"?} → {"id","tags"}. Without "lang", the
 * language is identified from the tokens. Consecutive lines with the same
 * optional "doc" value are one document's sentences and are tagged together,
 * as the pipeline tags an article; other lines stand alone.
 */
export async function nerCmd(file: string | undefined): Promise<number> {
  const { tagDocumentTokens, nerGroupOf } = await import('../extractors/ner/tagger.js');
  const { identifyLanguage } = await import('../extractors/langid.js');
  let failures = 0;
  let pending: { id: unknown; tokens: string[] }[] = [];
  let pendingKey: string | undefined;
  let pendingLang: string | undefined;
  const flush = () => {
    if (!pending.length) return;
    const tags = tagDocumentTokens(
      pending.map((p) => p.tokens),
      pendingLang,
    );
    pending.forEach((p, i) => out(JSON.stringify({ id: p.id, tags: tags[i] })));
    pending = [];
    pendingKey = undefined;
  };
  const bad = await eachJsonLine(file, (o) => {
    const id = o.id ?? null;
    if (!Array.isArray(o.tokens) || !o.tokens.every((t) => typeof t === 'string')) {
      flush();
      failures++;
      progress(`ner ${String(id)}: "tokens" must be a list of strings; line answered with no tags`);
      out(JSON.stringify({ id, tags: [], error: '"tokens" must be a list of strings' }));
      return;
    }
    const tokens = o.tokens as string[];
    let lang = typeof o.lang === 'string' && o.lang ? o.lang : undefined;
    if (!lang || !nerGroupOf(lang)) lang = lang ?? identifyLanguage(tokens.join(' ')).lang;
    const key = o.doc === undefined || o.doc === null ? undefined : `${nerGroupOf(lang) ?? lang}\u0000${JSON.stringify(o.doc)}`;
    if (key === undefined || key !== pendingKey) flush();
    pending.push({ id, tokens });
    pendingKey = key;
    pendingLang = lang;
    if (key === undefined) flush();
  });
  flush();
  return bad + failures;
}

export async function dedupeCmd(file: string | undefined): Promise<number> {
  const { StreamDeduper, parseDedupeInput, InputError } = await import('../dedupe/stream.js');
  const deduper = new StreamDeduper();
  let failures = 0;
  const bad = await eachJsonLine(file, (o) => {
    try {
      out(JSON.stringify(deduper.push(parseDedupeInput(o))));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures++;
      progress(`dedupe ${String(o.id ?? '(no id)')}: ${(e as Error).message}; line skipped`);
    }
  });
  return bad + failures;
}

/** `ruta db prune`: the fetch log past its keeping time and expired sessions. */
export async function dbPrune(db: Db, days: string | undefined): Promise<void> {
  const { fetchLogDays, pruneOldRecords } = await import('../storage/housekeeping.js');
  let keep: number;
  try {
    keep = fetchLogDays(days === undefined ? process.env : { RUTA_FETCH_LOG_DAYS: days });
  } catch (e) {
    throw new UsageError((e as Error).message.replace('RUTA_FETCH_LOG_DAYS', '--fetch-log-days'));
  }
  const r = await pruneOldRecords(db, { fetchLogDays: keep });
  out(`deleted ${r.fetchLog} fetch log row(s) ${keep ? `older than ${keep} days` : '(none: the whole log is kept)'} and ${r.sessions} expired session(s)`);
}

/** `ruta db backup FILE`: the online backup, with progress on stderr; errors say what to do. */
export async function dbBackup(file: string): Promise<void> {
  const { backupDatabase, BackupError } = await import('../storage/backup.js');
  let last = 0;
  try {
    const r = await backupDatabase(dbPath(), file, (done, total) => {
      if (Date.now() - last > 2000) {
        last = Date.now();
        progress(`backing up: ${Math.round((done / Math.max(1, total)) * 100)}% (${done} of ${total} pages)`);
      }
    });
    out(`backed up ${dbPath()} to ${r.path}: ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.articles} article(s), checked`);
  } catch (e) {
    if (e instanceof BackupError) throw new UsageError(e.message);
    throw e;
  }
}

/** `ruta status`: one look at what Ruta holds and what waits. */
export async function statusCmd(db: Db, json: boolean): Promise<void> {
  const { status } = await import('../storage/status-repo.js');
  const s = await status(db, dbPath());
  if (json) {
    out(JSON.stringify(s));
    return;
  }
  const counts = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  const at = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'never');
  out(
    [
      `database   ${s.database.path} (${(s.database.bytes / 1024 / 1024).toFixed(1)} MB)`,
      `articles   ${s.articles} in ${s.stories} stories; last stored ${at(s.lastArticleAt)}`,
      `links      ${s.links} Balkan–Latin America links (${s.linkReviews.confirmed} confirmed, ${s.linkReviews.dismissed} dismissed by analysts); ${s.seizures} seizures`,
      `alerts     ${s.alerts.open} open, ${s.alerts.escalated} escalated, ${s.alerts.total} in all`,
      `frontier   ${counts(s.frontier)}`,
      `outbox     ${counts(s.deliveries)}`,
      `sources    ${counts(s.sources)} (enabled); last crawl ${at(s.lastCrawlAt)}`,
    ].join('\n'),
  );
}
