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
  expect(a.article!.links.map((l) => `${l.balkan} ~ ${l.latam}`)).toContain('Marko Vuković ~ Guayaquil');
});

it('an extraction failure in a worker comes back as the same kind of error', async () => {
  const r = await threaded.run({ ...task, body: new Uint8Array(Buffer.from('<html><head><title>x</title></head><body></body></html>')) });
  expect(r.article).toBeUndefined();
  const e = resultError(r);
  expect(e).toBeInstanceOf(ExtractionError);
  expect(e.message).toMatch(/no article text found at https:\/\/vesti\.example\/bar\.html/);
});

it('a page that needs more memory than a worker has fails with an error that says so, and the next page is analysed', async () => {
  const small = new AnalysisPool(1, 32);
  try {
    // 600,000 elements: far more markup than an article page, and more than 32 MB of DOM.
    const huge = Buffer.from(`<html><body>${'<div><span>a</span><a href="/x">b</a></div>'.repeat(150_000)}</body></html>`);
    await expect(small.run({ ...task, body: new Uint8Array(huge) })).rejects.toThrow(/needs more than the 32 MB an analysis worker has .*RUTA_WORKER_HEAP_MB/);
    const r = await small.run({ ...task, body: new Uint8Array(page) });
    expect(r.article!.seizures.map((s) => s.kg)).toEqual([120]);
  } finally {
    await small.close();
  }
});

it('a text longer than analysis reads comes back with a warning that says how much was read', async () => {
  const para = '<p>Carinici su u luci Bar zaplenili 120 kilograma kokaina iz Ekvadora, a uhapšen je Marko Vuković.</p>';
  const long = Buffer.from(`<html><body><article>${para.repeat(2500)}</article></body></html>`);
  const r = await threaded.run({ ...task, body: new Uint8Array(long) });
  expect(r.article).toBeDefined();
  expect(r.warning).toMatch(/^the text is \d+ characters long; entities, seizures and links were looked for in the first \d+ only$/);
});
