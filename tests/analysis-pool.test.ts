import { afterAll, expect, it } from 'vitest';
import { AnalysisPool, resultError } from '../pipeline/analysis-pool.js';
import { ExtractionError } from '../pipeline/process-page.js';

const threaded = new AnalysisPool(1);
const inline = new AnalysisPool(0);
afterAll(async () => {
  await threaded.close();
  await inline.close();
});

const page = Buffer.from(
  '<html lang="sr"><head><meta charset="utf-8"><title>Zaplena u luci Bar</title></head><body><nav><a href="/">Početna</a></nav><article><h1>Zaplena u luci Bar</h1>' +
    '<p>Carinici su u luci Bar zaplenili 120 kilograma kokaina iz Ekvadora, a uhapšen je državljanin Crne Gore Marko Vuković.</p>' +
    '<p>Pošiljka je stigla preko Gvajakila, a policija sumnja na Škaljarski klan.</p></article></body></html>',
);
const task = { finalUrl: 'https://vesti.example/bar.html', contentType: 'text/html; charset=utf-8', ctx: { sourceId: 's', sourceLanguage: 'sr', seenAt: new Date('2026-11-22T10:00:00Z') } };

it('a worker thread returns exactly what the main thread would', async () => {
  const a = await threaded.run({ ...task, body: new Uint8Array(page) });
  const b = await inline.run({ ...task, body: new Uint8Array(page) });
  expect(a.article).toEqual(b.article);
  expect(a.article!.seizures.map((s) => s.kg)).toEqual([120]);
  expect(a.article!.links.map((l) => `${l.balkan} ~ ${l.latam}`)).toContain('Škaljari clan ~ Guayaquil');
});

it('an extraction failure in a worker comes back as the same kind of error', async () => {
  const r = await threaded.run({ ...task, body: new Uint8Array(Buffer.from('<html><head><title>x</title></head><body></body></html>')) });
  expect(r.article).toBeUndefined();
  const e = resultError(r);
  expect(e).toBeInstanceOf(ExtractionError);
  expect(e.message).toMatch(/no article text found at https:\/\/vesti\.example\/bar\.html/);
});
