// Dedupe: canonical URLs, MinHash near-duplicates, stories across outlets and
// languages, over a real SQLite file and through the real `ruta dedupe`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { contentHash } from '../dedupe/content-hash.js';
import { containment, jaccard, shingleHashes, signature } from '../dedupe/minhash.js';
import { StreamDeduper } from '../dedupe/stream.js';
import { analyze } from '../extractors/analyze.js';
import { openDb } from '../storage/db.js';
import { storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';
import { runRules } from '../alerts/run-rules.js';
import { newLinkRule } from '../alerts/rules/new-link.js';
import type { EvalDoc } from '../scripts/build-dedupe-set.js';
import { jsonLines, ROOT, ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const SEEDS = join(ROOT, 'tests', 'fixtures', 'newsroom', 'seeds');
const seed = (n: string) => readFileSync(join(SEEDS, n), 'utf8');
const evalDocs = (): EvalDoc[] => gunzipSync(readFileSync(join(ROOT, 'tests', 'fixtures', 'dedupe', 'eval.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('canonical URLs', () => {
  it('drops tracking parameters, fragments, AMP and mobile variants, and trailing slashes', () => {
    const want = 'https://vijesti.example/crna-hronika/kavac?id=7';
    for (const u of [
      'https://vijesti.example/crna-hronika/kavac/?id=7&utm_source=fb&utm_medium=social',
      'https://m.vijesti.example/crna-hronika/kavac?id=7&fbclid=IwAR0x#comments',
      'https://amp.vijesti.example/crna-hronika/kavac/amp/?id=7&gclid=1',
      'HTTPS://Vijesti.Example:443/crna-hronika//kavac?ref=home&id=7',
    ]) expect(canonicalUrl(u)).toBe(want);
    expect(canonicalUrl('https://a.example/story?page=2')).not.toBe(canonicalUrl('https://a.example/story?page=3'));
  });

  it('reads through the click-through links of news-search feeds and shared links to the outlet’s page', () => {
    const want = 'https://vijesti.example/crna-hronika/kavac?id=7';
    const target = encodeURIComponent('https://www.vijesti.example/crna-hronika/kavac/?id=7&utm_source=bing'.replace('www.', ''));
    for (const u of [
      `http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=6F3A&url=${target}&c=1234&mkt=sr-latn-rs`,
      `https://www.google.com/url?rct=j&sa=t&url=${target}&ct=ga&cd=CAIyHA&usg=AOvVaw0`,
      `https://www.google.rs/url?q=${target}&sa=U`,
      `https://l.facebook.com/l.php?u=${target}&h=AT0x`,
      `https://duckduckgo.com/l/?uddg=${target}&rut=abc`,
      // A wrapper around a wrapper.
      `https://www.google.com/url?q=${encodeURIComponent(`https://l.facebook.com/l.php?u=${target}`)}`,
    ]) expect(canonicalUrl(u)).toBe(want);
    // Not a wrapper's own pages, and no target that is not a web URL.
    expect(canonicalUrl('https://www.bing.com/news/search?q=kava%C4%8D&format=rss')).toBe('https://www.bing.com/news/search?q=kava%C4%8D&format=rss');
    expect(canonicalUrl('https://www.google.com/url?q=javascript:alert(1)')).toBe('https://www.google.com/url?q=javascript%3Aalert%281%29');
    expect(canonicalUrl('https://news.example/url?q=https://other.example/a')).toBe('https://news.example/url?q=https%3A%2F%2Fother.example%2Fa');
  });
});

describe('MinHash', () => {
  it('estimates Jaccard similarity within 0.1 of the exact value on real text', () => {
    const a = seed(readdirSorted()[2]!);
    const paras = a.split(/\n\s*\n/);
    const half = paras.slice(0, Math.ceil(paras.length / 2)).join('\n\n');
    const A = shingleHashes(a);
    const B = shingleHashes(half);
    const setA = new Set(A);
    const exact = [...B].filter((x) => setA.has(x)).length / new Set([...A, ...B]).size;
    const est = jaccard(signature(A), signature(B));
    expect(Math.abs(est - exact)).toBeLessThan(0.1);
    // The truncated copy is contained in the full text.
    expect(containment(est, A.length, B.length)).toBeGreaterThan(0.8);
    // Two different reports on the same subject are not similar.
    const other = shingleHashes(seed(readdirSorted()[3]!));
    expect(jaccard(signature(A), signature(other))).toBeLessThan(0.1);
  });

  it('sees Cyrillic and Latin Serbian as the same text', () => {
    const lat = 'Policija je u luci Bar zaplenila 356 kilograma kokaina skrivenog u kontejneru sa bananama iz Ekvadora, a uhapšena su dvojica državljana Crne Gore.';
    const cyr = 'Полиција је у луци Бар запленила 356 килограма кокаина скривеног у контејнеру са бананама из Еквадора, а ухапшена су двојица држављана Црне Горе.';
    expect(jaccard(signature(shingleHashes(lat)), signature(shingleHashes(cyr)))).toBe(1);
    expect(contentHash(lat)).toBe(contentHash(cyr));
  });
});

function readdirSorted(): string[] {
  return ['000_8450eef5eceec4c1.txt', '001_e43057de27f2e7ba.txt', '002_4dff39779a3c5243.txt', '003_81a7093969e0f0ca.txt', '004_8ee80520f2e8cb2a.txt'];
}

describe('stream dedupe on the evaluation set', () => {
  it('finds copies and joins translations without merging different stories (gold and SETimes documents)', () => {
    const docs = evalDocs().filter((d) => d.outlet.startsWith('gold-') || d.outlet.startsWith('setimes-') || d.kind !== 'original' && /^(dev-|hr-|sr-|srcyr-)/.test(d.id));
    expect(docs.length).toBeGreaterThan(150);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const deduper = new StreamDeduper();
    const out = docs.map((d) => deduper.push(d));
    let right = 0;
    let wrong = 0;
    let missed = 0;
    const seen = new Set<string>();
    for (const o of out) {
      const d = byId.get(o.id)!;
      if (o.duplicateOf) (byId.get(o.duplicateOf)!.group === d.group ? right++ : wrong++);
      else if (seen.has(d.group)) missed++;
      seen.add(d.group);
    }
    expect(wrong).toBe(0);
    expect(right / (right + missed)).toBeGreaterThanOrEqual(0.95);
    // Every Croatian translation is in the story of its Serbian original.
    const storyOf = new Map(out.map((o) => [o.id, o.story]));
    const translations = docs.filter((d) => d.kind === 'translation');
    expect(translations.length).toBeGreaterThan(10);
    const joined = translations.filter((t) => storyOf.get(t.id) === storyOf.get(docs.find((d) => d.story === t.story && d.id.startsWith('sr-'))!.id));
    expect(joined.length / translations.length).toBeGreaterThanOrEqual(0.85);
    // Different gold documents (same topic, same outlet) stay apart.
    const goldOriginals = docs.filter((d) => d.kind === 'original' && d.outlet.startsWith('gold-'));
    expect(new Set(goldOriginals.map((d) => storyOf.get(d.id))).size).toBe(goldOriginals.length);
  });
});

describe('ruta dedupe', () => {
  it('answers each line with duplicateOf and story, and names bad lines on stderr', async () => {
    const docs = evalDocs();
    const original = docs.find((d) => d.kind === 'original' && d.id === 'dev-es-1')!;
    const copy = docs.find((d) => d.group === original.group && d.kind === 'syndicated')!;
    const other = docs.find((d) => d.id === 'dev-es-2')!;
    const lines = [
      { id: 'a', url: original.url, title: original.title, text: original.text, published: original.published, lang: 'es' },
      { id: 'b', url: other.url, title: other.title, text: other.text, published: other.published },
      { id: 'c', url: copy.url, title: copy.title, text: copy.text, published: copy.published, lang: 'es' },
      { id: 'd', url: 'https://x.example/1', title: 'no text' },
      { id: 'a', url: 'https://x.example/2', title: 'again', text: 'Same id as the first line.' },
    ];
    const r = await ruta(['dedupe'], {}, lines.map((l) => JSON.stringify(l)).join('\n') + '\n{not json\n');
    expect(r.code).not.toBe(0);
    const got = jsonLines(r.stdout);
    expect(got).toEqual([
      { id: 'a', duplicateOf: null, story: 'a' },
      { id: 'b', duplicateOf: null, story: 'b' },
      { id: 'c', duplicateOf: 'a', story: 'a' },
    ]);
    expect(r.stderr).toMatch(/dedupe d: "text" must be a string/);
    expect(r.stderr).toMatch(/dedupe a: id "a" was already seen/);
    expect(r.stderr).toMatch(/stdin:6: not valid JSON/);
  });
});

describe('dedupe in the database', () => {
  const dbFile = new WeakMap<object, string>();
  async function db() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = await openDb(join(t.dir, 'ruta.db'));
    dbFile.set(db, join(t.dir, 'ruta.db'));
    cleanups.push(() => void db.$disconnect());
    await upsertSources(db, [
      { id: 'litoral', name: 'El Litoral', url: 'https://litoral.example/feed', kind: 'rss', language: 'es', country: 'EC', schedule: '*/5 * * * *', render: false, enabled: true, config: {} },
      { id: 'andino', name: 'Andino', url: 'https://andino.example/feed', kind: 'rss', language: 'es', country: 'PE', schedule: '*/5 * * * *', render: false, enabled: true, config: {} },
      { id: 'vijesti', name: 'Vijesti', url: 'https://vijesti.example/feed', kind: 'rss', language: 'sr', country: 'ME', schedule: '*/5 * * * *', render: false, enabled: true, config: {} },
    ]);
    return db;
  }
  const input = (sourceId: string, url: string, title: string, text: string, lang: string, published = '2025-03-04T10:00:00Z'): ArticleInput => {
    const a = analyze({ text, title, lang });
    return { sourceId, url, fetchedUrl: url, title, author: null, published: new Date(published), lang, script: a.script, langConfidence: a.langConfidence, text, contentHash: contentHash(text), entities: a.entities, seizures: a.seizures, links: a.links };
  };

  it('keeps a same-site new version as a revision, a copy elsewhere as a duplicate in one story, and other stories apart', async () => {
    const d = await db();
    const docs = evalDocs();
    const orig = docs.find((x) => x.id === 'dev-es-1')!;
    const first = await storeArticle(d, input('litoral', 'https://litoral.example/2025/guayaquil-serbio', orig.title, orig.text, 'es'));
    expect(first.status).toBe('stored');
    // The same site edits the story and changes its slug.
    const edited = `${orig.text}\n\nActualización: la Fiscalía pidió prisión preventiva para el detenido.`;
    const rev = await storeArticle(d, input('litoral', 'https://litoral.example/2025/guayaquil-serbio-actualizado', `${orig.title} (actualizado)`, edited, 'es'));
    expect(rev).toMatchObject({ status: 'revised', articleId: first.articleId });
    expect(await d.article.count()).toBe(1);
    expect((await d.article.findUniqueOrThrow({ where: { id: first.articleId } })).text).toBe(edited);
    expect((await d.revision.findMany({ where: { articleId: first.articleId } })).map((r) => r.text)).toEqual([orig.text]);
    expect(await storeArticle(d, input('litoral', 'https://litoral.example/2025/guayaquil-serbio-actualizado', 'x', edited, 'es'))).toMatchObject({ status: 'known', articleId: first.articleId });
    // Another outlet runs the wire copy with its own boilerplate.
    const copy = await storeArticle(d, input('andino', 'https://andino.example/mundo/serbio-detenido', orig.title, `Redacción | 3 min\n\n${orig.text}\n\nLee también: las noticias del día.`, 'es', '2025-03-04T15:00:00Z'));
    expect(copy).toMatchObject({ status: 'stored', duplicateOf: first.articleId });
    if (copy.status !== 'stored' || first.status !== 'stored') throw new Error('unreachable');
    expect(copy.storyId).toBe(first.storyId);
    // That outlet then edits its copy: a revision of its own article, not of the original on the first site.
    const copyEdit = await storeArticle(d, input('andino', 'https://andino.example/mundo/serbio-detenido-guayaquil', orig.title, `Redacción | 3 min\n\n${orig.text}\n\nLee también: lo más leído.`, 'es', '2025-03-04T18:00:00Z'));
    expect(copyEdit).toMatchObject({ status: 'revised', articleId: copy.articleId });
    expect((await d.article.findUniqueOrThrow({ where: { id: first.articleId } })).text).toBe(edited);
    // A different story from the same outlet is a story of its own.
    const other = docs.find((x) => x.id === 'dev-es-2')!;
    const second = await storeArticle(d, input('litoral', 'https://litoral.example/2025/algeciras', other.title, other.text, 'es'));
    expect(second.status === 'stored' && second.storyId).not.toBe(first.storyId);
    const story = await d.story.findUniqueOrThrow({ where: { id: first.storyId } });
    expect(story).toMatchObject({ headline: orig.title, outletCount: 2, articleCount: 4, languages: 'es' });
    expect(await d.revision.count()).toBe(2);
    // Alerts speak of stories: the copy names no pair its story's alert has not named.
    // Three articles carry links (the original, the copy, the other story), in two stories: two alerts.
    expect(await d.linkEvidence.groupBy({ by: ['articleId'] }).then((g) => g.length)).toBe(3);
    expect(await runRules(d, { rules: [newLinkRule] }).then((r) => r.total)).toBe(2);
    const alerts = await d.alert.findMany({ orderBy: { id: 'asc' } });
    expect(alerts.map((a) => a.storyId)).toEqual([first.storyId, second.status === 'stored' ? second.storyId : -1]);
    expect(alerts[0]!.articleId).toBe(first.articleId);

    // `ruta stories list`: every story, or those told by two outlets, with an article in a language, reporting a link.
    const env = { RUTA_DB: dbFile.get(d)! };
    const list = async (...flags: string[]) => {
      const r = await ruta(['stories', 'list', '--json', ...flags], env);
      expect(r.code, r.stderr).toBe(0);
      return jsonLines(r.stdout);
    };
    const all = await list();
    expect(all.map((s) => s.id).sort()).toEqual([first.storyId, second.status === 'stored' ? second.storyId : -1].sort());
    const told = await list('--outlets', '2');
    expect(told.map((s) => s.id)).toEqual([first.storyId]);
    expect(told[0]).toMatchObject({ headline: orig.title, outlets: 2, articles: 4, languages: ['es'] });
    expect((told[0]!.urls as string[]).sort()).toEqual(['https://andino.example/mundo/serbio-detenido', 'https://litoral.example/2025/guayaquil-serbio']);
    expect(told[0]!.links).toEqual(expect.arrayContaining([expect.objectContaining({ balkan: expect.any(String), latam: expect.any(String), articles: 2 })]));
    expect(await list('--lang', 'sr')).toEqual([]);
    expect((await list('--about', 'links')).length).toBe(2);
    const bad = await ruta(['stories', 'list', '--about', 'weather'], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--about must be links or seizures, not "weather"')]);
    const table = await ruta(['stories', 'list', '--outlets', '2'], env);
    expect(table.stdout).toContain(orig.title.slice(0, 30));
  }, 60_000);

  it('puts a Serbian and a Croatian version of one article in one story', async () => {
    const d = await db();
    const docs = evalDocs();
    const hr = docs.find((x) => x.kind === 'translation')!;
    const sr = docs.find((x) => x.story === hr.story && x.id.startsWith('sr-') && x.kind === 'original')!;
    const a = await storeArticle(d, input('vijesti', sr.url, sr.title, sr.text, 'sr', sr.published));
    const b = await storeArticle(d, input('litoral', hr.url, hr.title, hr.text, 'hr', hr.published));
    if (a.status !== 'stored' || b.status !== 'stored') throw new Error(`expected two stored articles, got ${a.status} and ${b.status}`);
    expect(b.duplicateOf).toBeNull();
    expect(b.storyId).toBe(a.storyId);
    expect((await d.story.findUniqueOrThrow({ where: { id: a.storyId } })).languages).toBe('sr,hr');
  });
});

describe('band keys by week', () => {
  it('the migration rewrites stored keys exactly as the code now computes them, and drops orphans', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { bucketKeys, nearBucket } = await import('../dedupe/minhash.js');
    const { ROOT } = await import('./helpers/cli.js');
    const d = new Database(':memory:');
    d.defaultSafeIntegers(true);
    d.exec('CREATE TABLE "Article" (id INTEGER PRIMARY KEY, published DATETIME, fetchedAt DATETIME NOT NULL); CREATE TABLE "DedupeBand" (key BIGINT NOT NULL, articleId INTEGER NOT NULL, PRIMARY KEY (key, articleId));');
    const arts = [[1, '2025-03-04T18:00:00.000+00:00', '2026-11-22T10:00:00.123+00:00'], [2, null, '2026-11-22T10:00:00.123+00:00'], [3, '1999-12-31T23:59:59.999+00:00', '2026-01-01T00:00:00.000+00:00']] as const;
    const old = [2 ** 52 - 1, 1234567890123, 987654321];
    for (const [id, p, f] of arts) {
      d.prepare('INSERT INTO "Article" VALUES (?, ?, ?)').run(id, p, f);
      for (const k of old) d.prepare('INSERT INTO "DedupeBand" VALUES (?, ?)').run(BigInt(k), id);
    }
    d.prepare('INSERT INTO "DedupeBand" VALUES (?, ?)').run(5n, 99);
    d.exec(readFileSync(join(ROOT, 'storage', 'migrations', '20261122170000_band_week_buckets', 'migration.sql'), 'utf8'));
    const rows = d.prepare('SELECT "key", "articleId" FROM "DedupeBand"').all() as { key: bigint; articleId: bigint }[];
    for (const [id, p, f] of arts) {
      const got = rows.filter((r) => Number(r.articleId) === id).map((r) => String(r.key)).sort();
      expect(got).toEqual(bucketKeys(old, nearBucket(new Date(p ?? f))).map(String).sort());
    }
    expect(rows.filter((r) => Number(r.articleId) === 99)).toEqual([]);
  });

  it('the story-key migration files each key under the week of its time', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { nearBucket } = await import('../dedupe/minhash.js');
    const { ROOT } = await import('./helpers/cli.js');
    const d = new Database(':memory:');
    d.exec('CREATE TABLE "StoryKey" ("key" TEXT NOT NULL, "at" DATETIME NOT NULL, "storyId" INTEGER NOT NULL, PRIMARY KEY ("key", "at", "storyId"))');
    const rows = [['e:Kavač clan', '2025-03-04T18:00:00.000+00:00', 1], ['t:sh:kokain', '2026-11-22T10:00:00.123+00:00', 2], ['kg:2300', '1999-12-31T23:59:59.999+00:00', 3]] as const;
    for (const r of rows) d.prepare('INSERT INTO "StoryKey" VALUES (?, ?, ?)').run(...r);
    d.exec(readFileSync(join(ROOT, 'storage', 'migrations', '20261122171000_story_key_weeks', 'migration.sql'), 'utf8'));
    const got = d.prepare('SELECT "key", "storyId" FROM "StoryKey" ORDER BY "storyId"').all() as { key: string }[];
    expect(got.map((r) => r.key)).toEqual(rows.map(([k, at]) => `${nearBucket(new Date(at))}|${k}`));
  });
});
