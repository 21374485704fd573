// Argument parsing for the users, saved searches, subscriptions, watchlist, digest, deliveries and serve commands.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Db } from '../storage/db.js';
import { UserInputError } from '../storage/users-repo.js';
import { WatchlistOwnerError } from '../storage/watchlists-repo.js';
import { WatchlistFileError } from '../alerts/watchlist-file.js';
import { MailConfigError } from '../alerts/channels/email.js';
import * as c from './alert-commands.js';
import { UsageError } from './output.js';

const USAGE: Record<string, string> = {
  users: 'usage: ruta users add --email E --role researcher|analyst|editor|admin --timezone TZ [--password-stdin] | ruta users list [--json]',
  searches: 'usage: ruta searches add --user EMAIL [--lang xx] [--exact] QUERY | ruta searches list [--user EMAIL] [--json] | ruta searches remove ID',
  subscriptions: 'usage: ruta subscriptions add --user EMAIL --channel email|webhook|slack|atom [--target T] [--mode immediate|digest] [--rules R1,R2] [--severity S] | remove ID',
  watchlist: 'usage: ruta watchlist list | import FILE.yaml [--owner EMAIL] | export [FILE.yaml] [--name NAME] | preview FILE|ID [--days 30] [--json] | audit ID|NAME | stats ID|NAME [--days 90] [--json]',
  digest: 'usage: ruta digest preview --user EMAIL [--out FILE] | ruta digest send --user EMAIL',
  deliveries: 'usage: ruta deliveries list [--status S] [--json] | retry ID [ID…] | run',
  serve: 'usage: ruta serve [--port PORT] [--host HOST]   (defaults: RUTA_PORT or 3000, RUTA_HOST or 127.0.0.1)',
};

export async function alertMain(cmd: string, sub: string | undefined, rest: string[], withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>): Promise<number> {
  const parse = (list: string[], options: NonNullable<ParseArgsConfig['options']>) => parseArgs({ args: list, options, allowPositionals: true, strict: true });
  try {
    switch (`${cmd} ${cmd === 'serve' ? '' : (sub ?? '')}`.trim()) {
      case 'users add': {
        const { values: v } = parse(rest, { email: { type: 'string' }, role: { type: 'string' }, timezone: { type: 'string' }, 'password-stdin': { type: 'boolean' }, 'digest-hour': { type: 'string' } });
        await withDb((db) => c.usersAdd(db, { email: v.email as string, role: v.role as string, timezone: v.timezone as string | undefined, passwordStdin: !!v['password-stdin'], digestHour: v['digest-hour'] as string | undefined }));
        return 0;
      }
      case 'users list': {
        const { values: v } = parse(rest, { json: { type: 'boolean' } });
        await withDb((db) => c.usersList(db, !!v.json));
        return 0;
      }
      case 'searches add': {
        const { values: v, positionals } = parse(rest, { user: { type: 'string' }, lang: { type: 'string' }, exact: { type: 'boolean' } });
        await withDb((db) => c.searchesAdd(db, { user: v.user as string | undefined, lang: v.lang as string | undefined, exact: !!v.exact, words: positionals }));
        return 0;
      }
      case 'searches list': {
        const { values: v } = parse(rest, { user: { type: 'string' }, json: { type: 'boolean' } });
        await withDb((db) => c.searchesList(db, { user: v.user as string | undefined, json: !!v.json }));
        return 0;
      }
      case 'searches remove':
        await withDb((db) => c.searchesRemove(db, rest[0]));
        return 0;
      case 'subscriptions add': {
        const { values: v } = parse(rest, { user: { type: 'string' }, channel: { type: 'string' }, target: { type: 'string' }, mode: { type: 'string' }, rules: { type: 'string' }, severity: { type: 'string' } });
        await withDb((db) => c.subscriptionsAdd(db, v as Record<string, string>));
        return 0;
      }
      case 'subscriptions remove':
        await withDb((db) => c.subscriptionsRemove(db, rest[0]));
        return 0;
      case 'watchlist list':
      case 'watchlist audit': {
        const { values: v, positionals } = parse(rest, { json: { type: 'boolean' } });
        await withDb((db) => (sub === 'list' ? c.watchlistList(db, !!v.json) : c.watchlistAuditCmd(db, positionals[0], !!v.json)));
        return 0;
      }
      case 'watchlist stats': {
        const { values: v, positionals } = parse(rest, { days: { type: 'string' }, json: { type: 'boolean' } });
        await withDb((db) => c.watchlistStats(db, positionals[0], { days: v.days as string | undefined, json: !!v.json }));
        return 0;
      }
      case 'watchlist import': {
        const { values: v, positionals } = parse(rest, { owner: { type: 'string' }, by: { type: 'string' } });
        if (!positionals[0]) throw new UsageError(USAGE.watchlist!);
        await withDb((db) => c.watchlistImport(db, positionals[0]!, { owner: v.owner as string | undefined, actor: v.by as string | undefined }));
        return 0;
      }
      case 'watchlist export': {
        const { values: v, positionals } = parse(rest, { name: { type: 'string', multiple: true } });
        await withDb((db) => c.watchlistExport(db, positionals[0], (v.name as string[] | undefined) ?? []));
        return 0;
      }
      case 'watchlist preview': {
        const { values: v, positionals } = parse(rest, { days: { type: 'string' }, json: { type: 'boolean' } });
        await withDb((db) => c.watchlistPreview(db, positionals[0], { days: v.days as string | undefined, json: !!v.json }));
        return 0;
      }
      case 'digest preview':
      case 'digest send': {
        const { values: v } = parse(rest, { user: { type: 'string' }, out: { type: 'string' } });
        if (sub === 'preview') {
          await withDb((db) => c.digestPreview(db, v.user as string | undefined, v.out as string | undefined));
          return 0;
        }
        return await withDb((db) => c.digestSend(db, v.user as string | undefined));
      }
      case 'deliveries list': {
        const { values: v } = parse(rest, { status: { type: 'string' }, json: { type: 'boolean' } });
        await withDb((db) => c.deliveriesList(db, { status: v.status as string | undefined, json: !!v.json }));
        return 0;
      }
      case 'deliveries retry':
        await withDb((db) => c.deliveriesRetry(db, rest));
        return 0;
      case 'deliveries run':
        await withDb((db) => c.deliveriesRun(db));
        return 0;
      case 'serve': {
        const { values: v } = parse([sub, ...rest].filter((x): x is string => x !== undefined), { port: { type: 'string' }, host: { type: 'string' } });
        const port = Number(v.port ?? process.env.RUTA_PORT ?? 3000);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${v.port}"`);
        await withDb((db) => c.serveCmd(db, port, (v.host as string | undefined) ?? process.env.RUTA_HOST ?? '127.0.0.1'));
        return 0;
      }
      default:
        throw new UsageError(USAGE[cmd] ?? `unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UserInputError || e instanceof WatchlistFileError || e instanceof WatchlistOwnerError || e instanceof MailConfigError) throw new UsageError(e.message);
    throw e;
  }
}
