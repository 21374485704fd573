// Every fault a real site throws, each behind its own source, crawled together
// with the fixture newsroom: each fault is recorded against its source and the
// rest of the crawl completes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../crawlers/sources-file.js';
import { openDb, type Db } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { crawlOnce, type SourceReport } from '../pipeline/crawl.js';
import { FAULT_TARGETS, startFaultServer, type FaultServer } from './helpers/fault-server.js';
import { startNewsroom, type Newsroom } from './fixtures/newsroom/server.js';
import { tempDir } from './helpers/tmp.js';

let faults: FaultServer;
let nr: Newsroom;
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let reports: SourceReport[];
const names = [...Object.keys(FAULT_TARGETS), 'malformed'];

beforeAll(async () => {
  faults = await startFaultServer();
  nr = await startNewsroom();
  tmp = tempDir();
  process.env.RUTA_ALLOW_HOSTS = `127.0.0.1:${faults.port},127.0.0.1:${nr.port}`;
  db = await openDb(join(tmp.dir, 'faults.db'));
  const yaml = names.map((n) => `- { id: fault-${n}, name: "${n}", url: "${faults.url}/feeds/${n}.xml", kind: rss, language: en }`).join('\n');
  await upsertSources(db, [...parseSources(yaml, 'faults'), ...parseSources(nr.sourcesYaml({ only: ['el-litoral', 'jadranski-list'] }), 'newsroom')]);
  const lines: string[] = [];
  reports = await crawlOnce(db, {
    hostDelayMs: 0,
    log: (l) => lines.push(l),
    fetch: { idleTimeoutMs: 800, totalTimeoutMs: 2500, maxBytes: 1024 * 1024, maxDecompressedBytes: 2 * 1024 * 1024 },
  });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await faults.close();
  await nr.close();
  tmp.cleanup();
  delete process.env.RUTA_ALLOW_HOSTS;
});

async function articleError(source: string): Promise<string> {
  const logs = await db.fetchLog.findMany({ where: { sourceId: `fault-${source}`, purpose: 'article', error: { not: null } } });
  return logs.map((l) => l.error).join(' | ');
}

describe('faults are recorded against their source', () => {
  const expected: Record<string, RegExp> = {
    timeout: /sent nothing for 800 ms|no complete response/,
    '5xx': /HTTP 500/,
    '429': /HTTP 429/,
    drip: /no complete response within 2500 ms/,
    huge: /more than 1048576 bytes/,
    bomb: /decompresses to more than 2097152 bytes/,
    'redirect-loop': /redirect loop/,
    'robots-disallow': /disallowed by http:\/\/127\.0\.0\.1:\d+\/robots\.txt/,
    truncated: /ended after|closed before|error while reading/,
    'private-redirect': /refused to fetch 127\.0\.0\.2/,
  };
  for (const [name, re] of Object.entries(expected)) {
    it(name, async () => {
      expect(await articleError(name)).toMatch(re);
      const src = await db.source.findUniqueOrThrow({ where: { id: `fault-${name}` } });
      expect(src.lastError).toMatch(/1 article\(s\) failed/);
      const failedRow = await db.frontierUrl.findFirstOrThrow({ where: { sourceId: `fault-${name}`, state: { in: ['failed', 'gave-up'] } } });
      expect(failedRow.lastError).toMatch(re);
    });
  }

  it('429: the URL waits for Retry-After', async () => {
    const row = await db.frontierUrl.findFirstOrThrow({ where: { sourceId: 'fault-429', state: 'failed' } });
    // Retry-After: 1 — not the default backoff, which starts at a minute.
    const wait = row.nextAttemptAt.getTime() - row.updatedAt.getTime();
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThan(5000);
  });

  it('robots.txt disallow gives up at once, without fetching', async () => {
    const row = await db.frontierUrl.findFirstOrThrow({ where: { sourceId: 'fault-robots-disallow', state: 'gave-up' } });
    expect(row.attempts).toBe(1);
  });

  it('malformed XML is a source error naming the feed', async () => {
    const src = await db.source.findUniqueOrThrow({ where: { id: 'fault-malformed' } });
    expect(src.lastError).toMatch(/malformed feed at http:\/\/127\.0\.0\.1:\d+\/feeds\/malformed\.xml/);
  });

  it('a wrong charset declaration is recovered, stored, and noted', async () => {
    expect(await articleError('wrong-charset')).toMatch(/declared \(header\) but the bytes are not valid UTF-8/);
    const a = await db.article.findFirstOrThrow({ where: { title: 'Zapljena u Pločama' } });
    expect(a.text).toContain('zaplijenili su 200 kilograma kokaina');
    expect(a.lang).toBe('hr');
  });
});

describe('the rest of the crawl completes', () => {
  it('every fault feed’s good article is stored', async () => {
    for (const n of Object.keys(FAULT_TARGETS)) {
      expect(await db.article.count({ where: { title: `Good article next to ${n}` } }), n).toBe(1);
    }
  });
  it('the newsroom outlets are crawled in full', async () => {
    const expectedCount = nr.outlets.filter((o) => ['el-litoral', 'jadranski-list'].includes(o.id)).reduce((n, o) => n + o.articles.length, 0);
    expect(reports.filter((r) => r.sourceId === 'el-litoral' || r.sourceId === 'jadranski-list').reduce((n, r) => n + r.stored, 0)).toBe(expectedCount);
  });
});
