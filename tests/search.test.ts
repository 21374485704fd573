// Full-text search across scripts, fed from the change journal.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../storage/db.js';
import { reviseArticle, storeArticle, type ArticleInput } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';
import { ftsQuery, searchPage, updateSearchIndex } from '../storage/search-index.js';
import { contentHash } from '../dedupe/content-hash.js';
import { tempDir } from './helpers/tmp.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const doc = (slug: string, title: string, text: string, script = 'Latn'): ArticleInput => ({
  sourceId: 'vijesti', url: `https://vijesti.example/${slug}`, fetchedUrl: `https://vijesti.example/${slug}`, title, author: null, published: null,
  lang: 'sr', script, langConfidence: 1, text, contentHash: contentHash(text), entities: [], seizures: [], links: [],
});

describe('full-text search', () => {
  it('turns what people type into safe FTS5 queries', () => {
    expect(ftsQuery('Кавачки клан', true)).toBe('"kavacki" AND "klan"');
    expect(ftsQuery('"luka Bar" kokain*', false)).toBe('"luka Bar" AND "kokain"*');
    expect(ftsQuery('NEAR( ) OR " * ^', true)).toBe('"near" AND "or"');
    expect(ftsQuery('!!!', true)).toBeNull();
  });

  it('finds text in either script, exact when asked, follows revisions, and resumes from its watermark', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'ruta.db');
    const db = await openDb(path);
    cleanups.push(() => db.$disconnect());
    await upsertSources(db, [{ id: 'vijesti', name: 'Vijesti', url: 'https://vijesti.example/rss', kind: 'rss', language: 'sr', country: 'ME', schedule: '*/30 * * * *', render: false, enabled: true, config: {} }]);
    await storeArticle(db, doc('cyr', 'Ухапшен члан Кавачког клана', 'Полиција је у Бару ухапсила члана Кавачког клана због шверца кокаина из Еквадора.', 'Cyrl'));
    await storeArticle(db, doc('lat', 'Zaplijena u luci Bar', 'Policija je u luci Bar zaplijenila kokain; pošiljka je stigla iz Gvajakila.'));
    const urls = async (q: string, across = true) => (await searchPage(db, q, { acrossScripts: across })).hits.map((h) => h.url.split('/').pop());
    expect(await urls('Kavačkog')).toEqual(['cyr']);
    expect(await urls('Kavačkog', false)).toEqual([]);
    expect(await urls('Кавачког', false)).toEqual(['cyr']);
    expect(await urls('kokain*')).toEqual(expect.arrayContaining(['cyr', 'lat']));
    expect(await urls('"luci Bar"')).toEqual(['lat']);
    expect(await urls('Гвајакила')).toEqual(['lat']);
    // A revision replaces the indexed text.
    await reviseArticle(db, doc('lat', 'Zaplijena u luci Bar', 'Policija je u luci Bar zaplijenila kokain; pošiljka je stigla iz Santosa.'));
    expect(await urls('Gvajakila')).toEqual([]);
    expect(await urls('Santosa')).toEqual(['lat']);
    // Nothing pending after a search; a new article is picked up from the journal, once.
    expect(await updateSearchIndex(db)).toBe(0);
    await storeArticle(db, doc('new', 'Škaljarci u Kolumbiji', 'Pripadnici škaljarskog klana viđeni su u Kolumbiji.'));
    expect(await updateSearchIndex(db)).toBe(1);
    expect(await updateSearchIndex(db)).toBe(0);
    expect(await urls('Шкаљарци')).toEqual(['new']);
    // Pages of results, and the number of all matches.
    const all = await searchPage(db, 'kokain*', { limit: 1 });
    expect([all.total, all.hits.length]).toEqual([2, 1]);
    for (let i = 0; i < 60; i++) await storeArticle(db, doc(`bulk-${i}`, `Zaplijena ${i}`, `Policija je zaplijenila kokain u akciji broj ${i}.`));
    const p1 = await searchPage(db, 'zaplijenila', { limit: 50 });
    const p2 = await searchPage(db, 'zaplijenila', { limit: 50, offset: 50 });
    expect([p1.total, p1.hits.length, p2.total, p2.hits.length]).toEqual([61, 50, 61, 11]);
    expect(new Set([...p1.hits, ...p2.hits].map((h) => h.id)).size).toBe(61);
  });
});
