import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, prepareDatabase } from '../storage/db.js';
import { pendingMigrations } from '../storage/migrate.js';
import { migrationNames } from '../storage/migrations-dir.js';
import { claim, enqueue, markFailed, MAX_ATTEMPTS, reclaimStale } from '../storage/frontier-repo.js';
import { storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';
import { linkGraph, linkGraphCount } from '../storage/research-repo.js';
import { runRules } from '../alerts/run-rules.js';
import { newLinkRule } from '../alerts/rules/new-link.js';
import { fetchLogDays, pruneOldRecords } from '../storage/housekeeping.js';
import { sqlDate, writeTx } from '../storage/raw-sql.js';
import { addUser } from '../storage/users-repo.js';
import { createSession } from '../storage/sessions-repo.js';
import { ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function freshDb() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'nested', 'ruta.db');
  const db = await openDb(path);
  cleanups.push(() => void db.$disconnect());
  await upsertSources(db, [{ id: 's1', name: 'S1', url: 'https://s1.example/feed', kind: 'rss', language: 'es', country: 'EC', schedule: '*/5 * * * *', render: false, enabled: true, config: {} }]);
  return { db, path };
}

function article(over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    sourceId: 's1',
    url: 'https://s1.example/a',
    fetchedUrl: 'https://s1.example/a?utm_source=x',
    title: 'T',
    author: null,
    published: null,
    lang: 'es',
    script: 'Latn',
    langConfidence: 0.9,
    text: 'texto',
    contentHash: 'h1',
    entities: [{ type: 'criminal_group', text: 'clan Kavač', start: 0, end: 10, canonical: 'Kavač clan', side: 'balkan' }],
    seizures: [{ drug: 'cocaine', text: '1 tonelada', kg: 1000, start: 20, end: 30 }],
    links: [{ balkan: 'Kavač clan', balkanType: 'criminal_group', latam: 'Guayaquil', latamType: 'port', evidence: 'El clan Kavač envió cocaína desde Guayaquil.' }],
    ...over,
  };
}

describe('migrations', () => {
  it('a fresh file gets every migration, in Prisma’s table, and nothing is pending after', async () => {
    const { path } = await freshDb();
    expect(pendingMigrations(path)).toEqual([]);
    const raw = new Database(path, { readonly: true });
    const applied = raw.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name').all() as { migration_name: string; finished_at: string }[];
    expect(applied.map((m) => m.migration_name)).toEqual(migrationNames());
    expect(applied.every((m) => m.finished_at)).toBe(true);
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['Source', 'FetchLog', 'FrontierUrl', 'Article', 'Entity', 'Mention', 'Seizure', 'Link', 'LinkEvidence', 'Story', 'Watchlist', 'WatchlistEntry', 'Alert', 'Delivery', 'User', 'Subscription']) {
      expect(tables).toContain(t);
    }
    raw.close();
    expect(await prepareDatabase(path)).toEqual([]);
  });

  it('a migration that fails (in the migration worker) is an error that names the file, and nothing is marked applied', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'clash.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE "Source" ("x" INTEGER)'); // the first migration creates "Source"
    raw.close();
    await expect(prepareDatabase(path)).rejects.toThrow(`could not apply database migrations to ${path}`);
    expect(pendingMigrations(path)).toEqual(migrationNames());
  });
});

describe('frontier', () => {
  it('enqueues each URL once and reclaims rows left in flight', async () => {
    const { db } = await freshDb();
    expect(await enqueue(db, 's1', [{ url: 'https://s1.example/a' }, { url: 'https://s1.example/b' }])).toBe(2);
    expect(await enqueue(db, 's1', [{ url: 'https://s1.example/a' }])).toBe(0);
    const rows = await claim(db, 's1', 10);
    expect(rows.map((r) => r.state === 'new' && r.attempts)).toEqual([1, 1]);
    expect(await claim(db, 's1', 10)).toEqual([]); // both are fetching now
    expect(await reclaimStale(db)).toBe(2); // as after a crash
    expect((await claim(db, 's1', 10)).length).toBe(2);
  });

  it('backs off failures and gives up after the last attempt', async () => {
    const { db } = await freshDb();
    await enqueue(db, 's1', [{ url: 'https://s1.example/x' }]);
    const [row] = await claim(db, 's1', 1);
    expect(await markFailed(db, row!.id, 1, 'HTTP 500')).toBe('failed');
    expect(await claim(db, 's1', 1)).toEqual([]); // not due yet
    expect(await markFailed(db, row!.id, MAX_ATTEMPTS, 'HTTP 500')).toBe('gave-up');
  });
});

describe('storing articles and the link alert', () => {
  it('stores an article with its analysis in one go, then recognises it by URL and by content', async () => {
    const { db } = await freshDb();
    const first = await storeArticle(db, article());
    expect(first).toMatchObject({ status: 'stored', newLinks: [{ balkan: 'Kavač clan', latam: 'Guayaquil' }] });
    expect(await storeArticle(db, article())).toMatchObject({ status: 'known' });
    expect(await storeArticle(db, article({ url: 'https://s1.example/copy' }))).toMatchObject({ status: 'duplicate' });
    expect(await db.article.count()).toBe(1);
    expect(await db.mention.count()).toBe(1);
    expect(await db.seizure.findFirst()).toMatchObject({ kg: 1000, drug: 'cocaine' });

    // A month earlier: another story, so its link alert is its own (alerts speak of stories).
    const second = await storeArticle(db, article({ url: 'https://s1.example/b', contentHash: 'h2', published: new Date('2024-01-01T00:00:00Z') }));
    expect(second).toMatchObject({ status: 'stored', newLinks: [] });
    expect(await db.link.findFirst()).toMatchObject({ articleCount: 2 });

    expect(await runRules(db, { rules: [newLinkRule] }).then((r) => r.total)).toBe(2);
    expect(await runRules(db, { rules: [newLinkRule] }).then((r) => r.total)).toBe(0); // the watermark: nothing new, no alert
    const alerts = await db.alert.findMany({ orderBy: { id: 'asc' } });
    expect(alerts.map((a) => a.severity)).toEqual(['high', 'medium']);
    expect(alerts[0]!.reason).toMatch(/New Balkan–Latin America link: Kavač clan – Guayaquil/);
  });

  it('filters the link graph by a country, or by its ports and cities where an article names only them', async () => {
    const { db } = await freshDb();
    const text = 'El clan Kavač envió cocaína desde Guayaquil.';
    await storeArticle(
      db,
      article({
        text,
        entities: [
          { type: 'criminal_group', text: 'clan Kavač', start: 3, end: 13, canonical: 'Kavač clan', side: 'balkan' },
          { type: 'port', text: 'Guayaquil', start: 34, end: 43, canonical: 'Guayaquil', side: 'latam' },
        ],
      }),
    );
    expect(await linkGraph(db, { country: 'Ecuador' })).toEqual([]);
    expect((await linkGraph(db, { country: 'Ecuador', places: ['Guayaquil', 'Manta'] })).map((l) => `${l.balkan} – ${l.latam}`)).toEqual(['Kavač clan – Guayaquil']);
    expect(await linkGraph(db, { country: 'Peru', places: ['Callao'] })).toEqual([]);
  });

  it('gives a page the best-evidenced links and the total, and an export all of them', async () => {
    const { db } = await freshDb();
    const ports = ['Guayaquil', 'Callao', 'Santos'];
    // Guayaquil in three articles, Callao in two, Santos in one.
    let n = 0;
    for (const [k, port] of ports.entries()) {
      for (let i = 0; i < 3 - k; i++) {
        n++;
        await storeArticle(db, article({ url: `https://s1.example/${n}`, contentHash: `h${n}`, text: `texto ${n}`, links: [{ balkan: 'Kavač clan', balkanType: 'criminal_group', latam: port, latamType: 'port', evidence: `El clan Kavač envió cocaína desde ${port} (${n}).` }] }));
      }
    }
    expect((await linkGraph(db, {}, { limit: 2 })).map((l) => [l.latam, l.evidence])).toEqual([['Guayaquil', 3], ['Callao', 2]]);
    expect(await linkGraphCount(db)).toBe(3);
    expect((await linkGraph(db, {}, { limit: null })).map((l) => l.latam)).toEqual(ports);
  });

  it('does not merge different articles that share a short text', async () => {
    const { db } = await freshDb();
    await storeArticle(db, article({ text: 'Please enable JavaScript to read this article.', contentHash: 'js' }));
    const other = await storeArticle(db, article({ url: 'https://s1.example/other', title: 'Another story', text: 'Please enable JavaScript to read this article.', contentHash: 'js' }));
    expect(other.status).toBe('stored');
    expect(await db.article.count()).toBe(2);
  });
});

describe('housekeeping', () => {
  it('deletes the fetch log past its keeping time in batches, and expired sessions; keeps the rest', async () => {
    const { db, path } = await freshDb();
    const now = new Date();
    const day = 86_400_000;
    // 12,000 fetches a hundred days old (more than two batches), then three recent ones, as logFetch writes them.
    await writeTx(db, (sql) => {
      for (let i = 0; i < 12_000; i++) sql.run('INSERT INTO "FetchLog" ("sourceId", "url", "purpose", "ok", "at") VALUES (?, ?, ?, ?, ?)', 's1', `https://s1.example/a/${i}`, 'article', 1, sqlDate(new Date(now.getTime() - 100 * day + i)));
      for (const d of [89, 7, 0]) sql.run('INSERT INTO "FetchLog" ("sourceId", "url", "purpose", "ok", "at") VALUES (?, ?, ?, ?, ?)', 's1', `https://s1.example/recent/${d}`, 'article', 1, sqlDate(new Date(now.getTime() - d * day)));
    });
    const user = await addUser(db, { email: 'r@ruta.test', role: 'researcher', password: 'a long enough password' });
    const live = await createSession(db, user.id);
    const old = await createSession(db, user.id);
    await db.session.update({ where: { id: (await db.session.findFirstOrThrow({ where: { csrfToken: old.csrfToken } })).id }, data: { expiresAt: new Date(now.getTime() - day) } });

    expect(await pruneOldRecords(db, { fetchLogDays: 0, now })).toEqual({ fetchLog: 0, sessions: 1 });
    expect(await db.fetchLog.count()).toBe(12_003);
    expect(await pruneOldRecords(db, { fetchLogDays: 90, now })).toEqual({ fetchLog: 12_000, sessions: 0 });
    expect((await db.fetchLog.findMany({ select: { url: true }, orderBy: { id: 'asc' } })).map((r) => r.url)).toEqual(['https://s1.example/recent/89', 'https://s1.example/recent/7', 'https://s1.example/recent/0']);
    expect(await db.session.count({ where: { csrfToken: live.csrfToken } })).toBe(1);

    expect(fetchLogDays({})).toBe(90);
    expect(fetchLogDays({ RUTA_FETCH_LOG_DAYS: '0' })).toBe(0);
    expect(() => fetchLogDays({ RUTA_FETCH_LOG_DAYS: 'a month' })).toThrow(/RUTA_FETCH_LOG_DAYS must be a whole number of days/);
    await db.$disconnect();
    // The command: a bad count is a usage error; a good one says what it deleted.
    const bad = await ruta(['db', 'prune', '--fetch-log-days', 'a month'], { RUTA_DB: path });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--fetch-log-days must be a whole number of days')]);
    const ok = await ruta(['db', 'prune', '--fetch-log-days', '1'], { RUTA_DB: path });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('deleted 2 fetch log row(s) older than 1 days and 0 expired session(s)\n');
  });
});

describe('backup', () => {
  it('copies the database consistently while a crawl writes to it, checks the copy, and never overwrites', async () => {
    const { db, path } = await freshDb();
    for (let i = 0; i < 3; i++) await storeArticle(db, article({ url: `https://s1.example/a${i}`, fetchedUrl: `https://s1.example/a${i}`, contentHash: `h${i}`, text: `texto número ${i} sobre Guayaquil` }));
    // Enough rows that the copy takes several steps, then a writer that keeps writing while the backup runs.
    await writeTx(db, (sql) => {
      for (let i = 0; i < 30_000; i++) sql.run('INSERT INTO "FetchLog" ("sourceId", "url", "purpose", "ok", "at") VALUES (?, ?, ?, ?, ?)', 's1', `https://s1.example/log/${i}/${'x'.repeat(80)}`, 'article', 1, sqlDate(new Date()));
    });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await writeTx(db, (sql) => sql.run('INSERT INTO "FetchLog" ("sourceId", "url", "purpose", "ok", "at") VALUES (?, ?, ?, ?, ?)', 's1', `https://s1.example/live/${written}`, 'feed', 1, sqlDate(new Date())));
        written++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const dest = join(dirname(path), 'backups', 'ruta-copy.db');
    const r = await ruta(['db', 'backup', dest], { RUTA_DB: path });
    writing = false;
    await writer;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^backed up .*ruta\.db to .*ruta-copy\.db: \d+\.\d MB, 3 article\(s\), checked\n$/);
    expect(written).toBeGreaterThan(0);
    const copy = new Database(dest, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n).toBe(3);
      // Every row committed before the copy began is in it; rows written meanwhile are whole or absent.
      const logs = (copy.prepare('SELECT count(*) AS n FROM "FetchLog"').get() as { n: number }).n;
      expect(logs).toBeGreaterThanOrEqual(30_000);
      expect(logs).toBeLessThanOrEqual(30_000 + written);
    } finally {
      copy.close();
    }
    // Never over an existing file; nothing left half-written.
    const again = await ruta(['db', 'backup', dest], { RUTA_DB: path });
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already exists; choose a new file name')]);
    const none = await ruta(['db', 'backup', join(dirname(path), 'x.db')], { RUTA_DB: join(dirname(path), 'missing.db') });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('there is no database at')]);
    expect(existsSync(`${dest}.partial`)).toBe(false);
  }, 60_000);
});
