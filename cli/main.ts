// The `ruta` command.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SourcesFileError } from '../crawlers/sources-file.js';
import { progress, UsageError } from './output.js';

const HELP = `ruta — monitors news for links between Balkan criminal networks and Latin American cocaine trafficking

Usage: ruta <command> [options]

  init [--sources FILE] [--watchlists FILE]   create the database, import config/sources.yaml and config/watchlists.yaml (idempotent)
  sources import FILE                         add or update sources from a YAML file
  sources list [--json]                       list sources
  sources health [--json]                     per source: last success, last error, error rate, items per day, silent
  sources add URL [--id ID] [--language xx] [--country XX] [--save]
                                              find feeds (link rel=alternate) and sitemaps (robots.txt) of a homepage
                                              and propose a source entry; --save stores it
  sources test ID [--limit N] [--json]       what a source's feed, sitemap, listing or search finds now, and what Ruta
                                              reads from its first N articles (3): fields, language, names, links,
                                              seizures; stores nothing but the fetch log; exits 1 when it finds nothing
                                              or cannot read an article
  crawl --once [--source ID] [--strict]       crawl every enabled source (or one) once, with progress;
                                              --strict exits 3 when a source failed
  run                                         crawl on each source's cron schedule, send alerts and digests, and serve
                                              the web app (RUTA_HOST:RUTA_PORT), until SIGTERM
  articles list [--json] [--limit N]          list stored articles with their story and the original they copy
  stories list [--json] [--limit N] [--lang xx] [--outlets N] [--about links|seizures]
                                              stories (one event across outlets and languages), most recent first:
                                              with an article in a language, told by N outlets or more, reporting a link or a seizure
  articles export --format jsonl [--out FILE] one article per line: url, title, published, lang, script, text
  articles reanalyze [--source ID] [--since DATE] [--dry-run] [--quiet] [--json]
                                              analyse stored articles again with today's extractors and gazetteer: their
                                              entities, seizures, links and language are replaced; prints the links
                                              added (+) and removed (-); --dry-run saves nothing; --quiet raises no alerts
  alerts list [--json] [--status S] [--rule R] [--severity S] [--since DATE] [--limit N]
                                              list alerts, newest first: by triage status, rule, severity, raised since
  alerts run                                  run the alert rules over new and changed articles, then deliver
  users add --email E --role researcher|analyst|editor|admin --timezone TZ [--password-stdin] [--digest-hour H]
  users list [--json]                         users, their subscriptions and Atom feed URLs
  searches add --user EMAIL [--lang xx] [--exact] QUERY
                                              save a full-text search (as /search: across scripts unless --exact);
                                              each of the user's digests lists the new articles it finds
  searches list [--user EMAIL] [--json] | searches remove ID
  subscriptions add --user EMAIL --channel email|webhook|slack|atom [--target URL|EMAIL]
                [--mode immediate|digest] [--rules R1,R2] [--severity low|medium|high|critical]
  subscriptions remove ID
  watchlist list [--json] | audit ID|NAME [--json]
  watchlist stats ID|NAME [--days 90] [--json]  each entry's alerts and the analysts' decisions on them; "noisy" when
                                              they dismissed half or more of three or more decisions
  watchlist import FILE.yaml [--owner EMAIL] [--by EMAIL]
                                              save the lists in the file (entries left out are removed; audited)
  watchlist export [FILE.yaml] [--name NAME]  write watchlists as YAML (stdout without FILE)
  watchlist preview FILE|ID [--days 30] [--json]
                                              what a changed list would flag in stored articles and links; saves nothing
  digest preview --user EMAIL [--out FILE]    write the user's next digest as HTML and print its path
  digest send --user EMAIL                    build and send the user's digest now
  deliveries list [--status S] [--json]       the outbox: pending, sent, failed, unknown (in doubt after a crash)
  deliveries retry ID [ID…]                   send failed or in-doubt deliveries again
  deliveries run                              send what is due now
  serve [--port P] [--host H]                 the web app and the Atom feeds (RUTA_PORT, default 3000; RUTA_HOST, default 127.0.0.1)
  links list [--json] [--review open|confirmed|dismissed] [--since DATE]
                                              list Balkan–Latin America links with evidence and the analysts' verdict;
                                              --since: those Ruta first saw on or after DATE
  links review ID confirmed|dismissed|open [--note TEXT] [--by EMAIL]
                                              an analyst's verdict on a link: a dismissed link leaves the digest,
                                              the graph and the exports and raises no more alerts; open reopens it
  analyze [--in FILE.jsonl]                   entities, seizures and links for {"id","text","title"?,"lang"?} lines
  extract [--in FILE.jsonl]                   article fields for {"id","url"} + "html" or "path" (raw bytes, gzip allowed)
  langid [--in FILE.jsonl]                    {"id","lang","script","confidence"} for {"id","text"} lines
  ner [--in FILE.jsonl]                       {"id","tags"} (BIO: PER, ORG, LOC, MISC) for {"id","tokens","lang"?} lines
  dedupe [--in FILE.jsonl]                    {"id","duplicateOf","story"} for {"id","url","title","text","published"?,"lang"?} lines, in order
  demo                                        start the fixture newsroom, crawl it once, print what was found
  db prune [--fetch-log-days N]               delete fetch log rows older than N days (RUTA_FETCH_LOG_DAYS, default 90)
                                              and expired web sessions; \`ruta run\` does this daily
  db backup FILE                              a consistent copy of the database, safe while Ruta runs; never overwrites
  status [--json]                             what Ruta holds and what waits: articles, stories, links, open alerts,
                                              the frontier by state, the outbox, sources by health, the last crawl

Environment:
  RUTA_DB              database file (default ./data/ruta.db)
  RUTA_ALLOW_HOSTS     hosts, host:port or CIDRs that may be fetched although loopback or private
  RUTA_HOST_DELAY_MS   minimum delay between two requests to one host (default 1000)
  RUTA_MAX_CONNECTIONS requests in flight at once over all hosts (default 8)
  RUTA_CONTACT_URL     contact URL named in the User-Agent
  RUTA_CHROMIUM        the browser for render: true sources (else Playwright's, else /usr/bin/chromium)
  RUTA_CONCURRENCY     sources crawled at once (default 4)
  RUTA_MAX_ARTICLES_PER_SOURCE  articles fetched per source per run, newest first (default 500)
  RUTA_MAX_AGE_DAYS    feed and sitemap entries older than this many days are not queued (default 0: every age)
  RUTA_USER_AGENT      User-Agent header (default names Ruta and its contact URL)
  RUTA_SMTP_URL        SMTP server for alert mail and digests: smtp://user:pass@host:port (smtps:// for TLS)
  RUTA_MAIL_FROM       sender of alert mail and digests, e.g. "Ruta <ruta@example.org>"
  RUTA_HOST, RUTA_PORT where the web app listens (default 127.0.0.1:3000)
  RUTA_PUBLIC_URL      where \`ruta serve\` is reachable, for feed and triage links (default http://localhost:3000)
  RUTA_FETCH_LOG_DAYS  days of fetch log kept (default 90; 0 keeps all)
  RUTA_WEBHOOK_SECRET  signs webhook bodies: X-Ruta-Signature: sha256=HMAC(secret, "TIMESTAMP.BODY")
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const args = (list: string[], options: NonNullable<ParseArgsConfig['options']>) =>
    parseArgs({ args: list, options, allowPositionals: true, strict: true });
  try {
    if (cmd === undefined || ['help', '--help', '-h'].includes(cmd)) {
      process.stdout.write(HELP);
      return 0;
    }
    const { analyzeCmd, alertsList, articlesExport, articlesList, crawl, extractCmd, init, langidCmd, linksList, linksReview, nerCmd, dedupeCmd, storiesList, run, sourcesAdd, sourcesHealth, sourcesTest, sourcesImport, sourcesList, withDb } = await import('./commands.js');
    switch (cmd) {
      case 'init': {
        const { values } = args([sub, ...rest].filter((x): x is string => x !== undefined), { sources: { type: 'string' }, watchlists: { type: 'string' } });
        await withDb((db) => init(db, { sources: values.sources as string | undefined, watchlists: values.watchlists as string | undefined }));
        return 0;
      }
      case 'sources': {
        const { values, positionals } = args(rest, { json: { type: 'boolean' }, id: { type: 'string' }, language: { type: 'string' }, country: { type: 'string' }, save: { type: 'boolean' }, limit: { type: 'string' } });
        if (sub === 'test') {
          if (!positionals[0]) throw new UsageError('usage: ruta sources test ID [--limit N] [--json]');
          const limit = values.limit === undefined ? 3 : Number(values.limit);
          if (!(Number.isInteger(limit) && limit >= 0 && limit <= 50)) throw new UsageError(`--limit must be a whole number from 0 to 50, not "${values.limit}"`);
          return withDb((db) => sourcesTest(db, positionals[0]!, { limit, json: !!values.json }));
        }
        if (sub === 'health') {
          await withDb((db) => sourcesHealth(db, !!values.json));
          return 0;
        }
        if (sub === 'add') {
          if (!positionals[0]) throw new UsageError('usage: ruta sources add URL [--id ID] [--language xx] [--country XX] [--save]');
          const o = { id: values.id as string | undefined, language: values.language as string | undefined, country: values.country as string | undefined, save: !!values.save };
          return values.save ? withDb((db) => sourcesAdd(db, positionals[0]!, o)) : sourcesAdd(null, positionals[0]!, o);
        }
        if (sub === 'import') {
          if (!positionals[0]) throw new UsageError('usage: ruta sources import FILE');
          await withDb((db) => sourcesImport(db, positionals[0]!));
          return 0;
        }
        if (sub === 'list') {
          await withDb((db) => sourcesList(db, !!values.json));
          return 0;
        }
        throw new UsageError('usage: ruta sources import FILE | list [--json] | health [--json] | add URL [--save] | test ID [--limit N] [--json]');
      }
      case 'crawl': {
        const { values } = args([sub, ...rest].filter((x): x is string => x !== undefined), { once: { type: 'boolean' }, source: { type: 'string' }, strict: { type: 'boolean' } });
        if (!values.once) throw new UsageError('usage: ruta crawl --once [--source ID] [--strict]   (use `ruta run` to crawl on schedule)');
        const failures = await withDb((db) => crawl(db, { source: values.source as string | undefined }));
        // Source errors are recorded and reported; --strict turns them into exit status 3 for scripts.
        return failures && values.strict ? 3 : 0;
      }
      case 'run':
        await withDb((db) => run(db));
        return 0;
      case 'articles': {
        if (sub === 'reanalyze') {
          const { values } = args(rest, { source: { type: 'string' }, since: { type: 'string' }, 'dry-run': { type: 'boolean' }, quiet: { type: 'boolean' }, json: { type: 'boolean' } });
          const { articlesReanalyze } = await import('./commands.js');
          await withDb((db) =>
            articlesReanalyze(db, { source: values.source as string | undefined, since: values.since as string | undefined, dryRun: !!values['dry-run'], quiet: !!values.quiet, json: !!values.json }),
          );
          return 0;
        }
        const { values } = args(rest, { json: { type: 'boolean' }, limit: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
        if (sub === 'list') {
          await withDb((db) => articlesList(db, { json: !!values.json, limit: values.limit ? Number(values.limit) : undefined }));
          return 0;
        }
        if (sub === 'export') {
          await withDb((db) => articlesExport(db, { format: (values.format as string | undefined) ?? 'jsonl', out: values.out as string | undefined }));
          return 0;
        }
        throw new UsageError('usage: ruta articles list [--json] [--limit N] | ruta articles export --format jsonl [--out FILE] | ruta articles reanalyze [--source ID] [--since DATE] [--dry-run] [--quiet] [--json]');
      }
      case 'status': {
        const { values } = args([sub, ...rest].filter((x): x is string => x !== undefined), { json: { type: 'boolean' } });
        const { statusCmd } = await import('./commands.js');
        await withDb((db) => statusCmd(db, !!values.json));
        return 0;
      }
      case 'db': {
        if (sub === 'backup') {
          const { positionals } = args(rest, {});
          if (positionals.length !== 1) throw new UsageError('usage: ruta db backup FILE');
          const { dbBackup } = await import('./commands.js');
          await dbBackup(positionals[0]!);
          return 0;
        }
        const { values } = args(rest, { 'fetch-log-days': { type: 'string' } });
        if (sub !== 'prune') throw new UsageError('usage: ruta db prune [--fetch-log-days N] | ruta db backup FILE');
        const { dbPrune } = await import('./commands.js');
        await withDb((db) => dbPrune(db, values['fetch-log-days'] as string | undefined));
        return 0;
      }
      case 'stories': {
        const { values } = args(rest, { json: { type: 'boolean' }, limit: { type: 'string' }, lang: { type: 'string' }, outlets: { type: 'string' }, about: { type: 'string' } });
        if (sub !== 'list') throw new UsageError('usage: ruta stories list [--json] [--limit N] [--lang xx] [--outlets N] [--about links|seizures]');
        const whole = (name: 'limit' | 'outlets') => {
          const raw = values[name] as string | undefined;
          if (raw === undefined) return undefined;
          const n = Number(raw);
          if (!(Number.isInteger(n) && n > 0)) throw new UsageError(`--${name} must be a positive whole number, not "${raw}"`);
          return n;
        };
        const about = values.about as string | undefined;
        if (about !== undefined && about !== 'links' && about !== 'seizures') throw new UsageError(`--about must be links or seizures, not "${about}"`);
        const lang = values.lang as string | undefined;
        if (lang !== undefined && !/^[a-z]{2,3}$/.test(lang)) throw new UsageError(`--lang must be a language code such as sr or es, not "${lang}"`);
        await withDb((db) => storiesList(db, { json: !!values.json, limit: whole('limit'), lang, minOutlets: whole('outlets'), about }));
        return 0;
      }
      case 'alerts':
        if (sub === 'run') {
          const { alertsRun } = await import('./alert-commands.js');
          await withDb((db) => alertsRun(db));
          return 0;
        }
      // falls through
      case 'links': {
        if (cmd === 'links' && sub === 'review') {
          const { values, positionals } = args(rest, { note: { type: 'string' }, by: { type: 'string' } });
          await withDb((db) => linksReview(db, positionals[0], positionals[1], { note: values.note as string | undefined, by: values.by as string | undefined }));
          return 0;
        }
        const usage = cmd === 'links'
          ? 'usage: ruta links list [--json] [--review open|confirmed|dismissed] [--since DATE] | ruta links review ID confirmed|dismissed|open [--note TEXT] [--by EMAIL]'
          : 'usage: ruta alerts list [--json] [--status S] [--rule R] [--severity S] [--since DATE] [--limit N] | ruta alerts run';
        if (sub !== 'list') throw new UsageError(usage);
        const { values } = args(rest, { json: { type: 'boolean' }, status: { type: 'string' }, rule: { type: 'string' }, severity: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, review: { type: 'string' } });
        const since = values.since === undefined ? undefined : new Date(`${values.since as string}`);
        if (since && (Number.isNaN(since.getTime()) || !/^\d{4}-\d\d-\d\d/.test(values.since as string))) throw new UsageError(`--since must be a date such as 2026-11-01, not "${values.since}"`);
        const pick = (name: string, allowed: readonly string[]) => {
          const x = values[name] as string | undefined;
          if (x !== undefined && !allowed.includes(x)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${x}"`);
          return x;
        };
        if (cmd === 'alerts') {
          const { TRIAGE_STATUSES, SEVERITIES } = await import('../storage/triage-repo.js');
          const { RULE_NAMES } = await import('../alerts/rules/index.js');
          const limit = values.limit === undefined ? undefined : Number(values.limit);
          if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit must be a positive whole number, not "${values.limit}"`);
          const filter = { status: pick('status', TRIAGE_STATUSES), rule: pick('rule', RULE_NAMES), severity: pick('severity', SEVERITIES), since, limit };
          await withDb((db) => alertsList(db, !!values.json, filter));
        } else {
          const { LINK_REVIEWS } = await import('../storage/link-review-repo.js');
          await withDb((db) => linksList(db, !!values.json, { review: pick('review', LINK_REVIEWS), since }));
        }
        return 0;
      }
      case 'extract':
      case 'ner':
      case 'dedupe':
      case 'langid': {
        const { values } = args([sub, ...rest].filter((x): x is string => x !== undefined), { in: { type: 'string' } });
        const run = cmd === 'extract' ? extractCmd : cmd === 'ner' ? nerCmd : cmd === 'dedupe' ? dedupeCmd : langidCmd;
        return (await run(values.in as string | undefined)) ? 1 : 0;
      }
      case 'analyze': {
        const { values } = args([sub, ...rest].filter((x): x is string => x !== undefined), { in: { type: 'string' } });
        return (await analyzeCmd(values.in as string | undefined)) ? 1 : 0;
      }
      case 'users':
      case 'searches':
      case 'subscriptions':
      case 'watchlist':
      case 'digest':
      case 'deliveries':
      case 'serve':
        return await (await import('./alert-main.js')).alertMain(cmd, sub, rest, withDb);
      case 'demo':
        await (await import('./demo.js')).demo();
        return 0;
      default:
        throw new UsageError(`unknown command "${cmd}"; run \`ruta help\``);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof SourcesFileError) {
      progress(`ruta: ${e.message}`);
      return 2;
    }
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      progress(`ruta: ${(e as Error).message}; run \`ruta help\``);
      return 2;
    }
    progress(`ruta: ${(e as Error).message}`);
    if (process.env.RUTA_DEBUG) progress((e as Error).stack ?? '');
    return 1;
  }
}
