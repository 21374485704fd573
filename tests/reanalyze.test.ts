// `ruta articles reanalyze` on a real SQLite file: articles stored with an
// older analysis (a wrong link, a missed one) get today's, the links' counts
// follow, a link no article reports any more goes, and a second run changes
// nothing.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../dedupe/content-hash.js';
import { analyze } from '../extractors/analyze.js';
import { reanalyzeStored } from '../pipeline/reanalyze.js';
import { storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { openDb, type Db } from '../storage/db.js';
import { upsertSources } from '../storage/sources-repo.js';
import { jsonLines, ruta } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshDb(): Promise<{ db: Db; path: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'ruta.db');
  const db = await openDb(path);
  cleanups.push(() => db.$disconnect());
  await upsertSources(db, ['el-litoral', 'night-desk'].map((id) => ({ id, name: id, url: `https://${id}.example/feed`, kind: 'rss', language: 'en', country: 'EC', schedule: '*/30 * * * *', render: false, enabled: true, config: {} })));
  return { db, path };
}

/** An article as an older Ruta stored it: today's analysis, with the links it had then. */
function stored(sourceId: string, slug: string, title: string, text: string, links: ArticleInput['links']): ArticleInput {
  const a = analyze({ text, title, langPrior: 'en', country: 'EC' });
  return {
    sourceId, url: `https://${sourceId}.example/${slug}`, fetchedUrl: `https://${sourceId}.example/${slug}`, title, author: null, published: new Date('2026-11-20T08:00:00Z'),
    lang: a.lang, script: a.script, langConfidence: a.langConfidence, text, contentHash: contentHash(text),
    entities: a.entities.map(({ type, text, start, end, canonical, side }) => ({ type, text, start, end, canonical, side })),
    seizures: a.seizures, links,
  };
}

const link = (balkan: string, latam: string, evidence = 'old evidence') => ({ balkan, balkanType: 'person', latam, latamType: 'country', evidence });

// A street name the older analysis read as Brazil; the port it missed.
const STREET = {
  title: 'Serbian arrested in Montevideo',
  text: 'Serbian national Marko Ilić was arrested on Avenida Brasil in Montevideo with 20 kilograms of cocaine. Police said the drugs had come through the port.',
};
// Another outlet that, then as now, links Marko Ilić to Brazil.
const OTHER = {
  title: 'Serbian suspect flew in from São Paulo',
  text: 'Uruguayan police say Serbian national Marko Ilić bought the cocaine in Brazil before he was arrested with it in Montevideo. He had travelled from São Paulo by bus.',
};

describe('re-analysis of stored articles', () => {
  it('replaces an older analysis: a wrong link goes, a missed one comes, counts follow, and a second run changes nothing', async () => {
    const { db } = await freshDb();
    const a = await storeArticle(db, stored('el-litoral', 'street', STREET.title, STREET.text, [link('Marko Ilić', 'Brazil'), link('Marko Ilić', 'Fake Port')]));
    const b = await storeArticle(db, stored('night-desk', 'other', OTHER.title, OTHER.text, analyze({ text: OTHER.text, title: OTHER.title, langPrior: 'en', country: 'EC' }).links));
    expect(a.status).toBe('stored');
    expect(b.status).toBe('stored');
    const brazil = () => db.link.findUnique({ where: { balkan_latam: { balkan: 'Marko Ilić', latam: 'Brazil' } } });
    expect((await brazil())?.articleCount).toBe(2);
    const changesBefore = await db.articleChange.count();

    // A dry run tells and saves nothing.
    const dry = await reanalyzeStored(db, { dryRun: true });
    expect(dry).toMatchObject({ total: 2, read: 2, changed: 1 });
    expect(dry.removed.map((l) => `${l.balkan} – ${l.latam}`).sort()).toEqual(['Marko Ilić – Brazil', 'Marko Ilić – Fake Port']);
    expect(dry.added.map((l) => `${l.balkan} – ${l.latam}`)).toEqual(['Marko Ilić – Montevideo']);
    expect((await brazil())?.articleCount).toBe(2);
    expect(await db.link.count({ where: { latam: 'Fake Port' } })).toBe(1);

    const done = await reanalyzeStored(db);
    expect(done).toMatchObject({ read: 2, changed: 1 });
    // Brazil stays, reported by the other article only; the port no article reports is gone.
    expect((await brazil())?.articleCount).toBe(1);
    expect(await db.linkEvidence.count({ where: { articleId: a.articleId, link: { latam: 'Brazil' } } })).toBe(0);
    expect(await db.link.count({ where: { latam: 'Fake Port' } })).toBe(0);
    const montevideo = await db.link.findUniqueOrThrow({ where: { balkan_latam: { balkan: 'Marko Ilić', latam: 'Montevideo' } }, include: { evidence: true } });
    expect(montevideo.evidence.map((e) => e.articleId)).toContain(a.articleId);
    // The change is journalled once, for the alert rules.
    expect(await db.articleChange.count()).toBe(changesBefore + 1);
    expect((await db.articleChange.findFirstOrThrow({ orderBy: { seq: 'desc' } })).articleId).toBe(a.articleId);

    // Nothing left to change.
    expect(await reanalyzeStored(db)).toMatchObject({ read: 2, changed: 0, added: [], removed: [] });
    expect(await db.articleChange.count()).toBe(changesBefore + 1);
  });

  it('reads one source or recent articles when asked, and --quiet journals nothing', async () => {
    const { db } = await freshDb();
    await storeArticle(db, stored('el-litoral', 'street', STREET.title, STREET.text, [link('Marko Ilić', 'Brazil')]));
    await storeArticle(db, stored('night-desk', 'other', OTHER.title, OTHER.text, []));
    expect(await reanalyzeStored(db, { sourceId: 'night-desk', dryRun: true })).toMatchObject({ total: 1, read: 1 });
    expect(await reanalyzeStored(db, { since: new Date(Date.now() + 3_600_000), dryRun: true })).toMatchObject({ total: 0, read: 0 });
    const before = await db.articleChange.count();
    const r = await reanalyzeStored(db, { quiet: true });
    expect(r.changed).toBe(2);
    expect(await db.articleChange.count()).toBe(before);
  });

  it('runs from the command line with progress, a summary and JSON', async () => {
    const { db, path } = await freshDb();
    await storeArticle(db, stored('el-litoral', 'street', STREET.title, STREET.text, [link('Marko Ilić', 'Brazil')]));
    await db.$disconnect();
    const dry = await ruta(['articles', 'reanalyze', '--dry-run', '--json'], { RUTA_DB: path });
    expect(dry.code).toBe(0);
    expect(jsonLines(dry.stdout)[0]).toMatchObject({ total: 1, changed: 1, dryRun: true, removed: [{ balkan: 'Marko Ilić', latam: 'Brazil' }] });
    expect(dry.stderr).toContain('dry run, nothing saved: 1 article(s) read, 1 would change; links: 1 added, 1 removed');
    const run = await ruta(['articles', 'reanalyze'], { RUTA_DB: path });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^- Marko Ilić – Brazil {2}\(article \d+\)$/), expect.stringMatching(/^\+ Marko Ilić – Montevideo {2}\(article \d+\)$/)]);
    const bad = await ruta(['articles', 'reanalyze', '--since', 'yesterday'], { RUTA_DB: path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since takes a date such as 2026-01-31, not "yesterday"');
    const unknown = await ruta(['articles', 'reanalyze', '--source', 'nope'], { RUTA_DB: path });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source "nope"');
  });
});
