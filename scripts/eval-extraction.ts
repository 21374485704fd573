// npm run eval:extraction — article body extraction on ../shared/eval/extraction/zyte-dev
// with the benchmark's own metric (4-token shingles, see ../shared/eval/README.md),
// beside the published peers' outputs on the same pages, and speed against
// @mozilla/readability + jsdom on the same pages. Floors: F1 ≥ 0.97, ≥ 5× faster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../pipeline/process-page.js';
import { SHARED } from './langid-data.js';

const DIR = join(SHARED, 'eval', 'extraction', 'zyte-dev');
const truth = JSON.parse(readFileSync(join(DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const peers = JSON.parse(readFileSync(join(DIR, 'peers-output.json'), 'utf8')) as Record<string, Record<string, { articleBody: string }>>;
const ids = Object.keys(truth).sort();
const pages = new Map(ids.map((id) => [id, gunzipSync(readFileSync(join(DIR, 'html', `${id}.html.gz`)))]));

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const out = new Map<string, number>();
  const add = (s: string) => out.set(s, (out.get(s) ?? 0) + 1);
  if (tokens.length && tokens.length < 4) add(tokens.join(' '));
  for (let i = 0; i + 4 <= tokens.length; i++) add(tokens.slice(i, i + 4).join(' '));
  return out;
}

/** The benchmark's metric over all pages: mean page precision and recall, then F1. */
function score(predictions: Record<string, string>): { p: number; r: number; f1: number } {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const id of ids) {
    const pred = shingles(predictions[id] ?? '');
    const gold = shingles(truth[id]!.articleBody);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [s, c] of pred) {
      const g = gold.get(s) ?? 0;
      tp += Math.min(c, g);
      fp += Math.max(0, c - g);
    }
    for (const [s, c] of gold) fn += Math.max(0, c - (pred.get(s) ?? 0));
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
  }
  const p = ps.reduce((a, b) => a + b, 0) / Math.max(1, ps.length);
  const r = rs.reduce((a, b) => a + b, 0) / Math.max(1, rs.length);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

// Ruta
const ours: Record<string, string> = {};
let t0 = performance.now();
for (const id of ids) {
  try {
    ours[id] = extractPage(truth[id]!.url, pages.get(id)!, null).extracted.text;
  } catch {
    ours[id] = '';
  }
}
const rutaMs = performance.now() - t0;

// @mozilla/readability + jsdom on the same pages
const virtualConsole = new VirtualConsole();
t0 = performance.now();
for (const id of ids) {
  try {
    const dom = new JSDOM(pages.get(id)!, { url: truth[id]!.url, virtualConsole });
    new Readability(dom.window.document).parse();
    dom.window.close();
  } catch {
    /* a page readability cannot read counts its time all the same */
  }
}
const readabilityMs = performance.now() - t0;

const rows = [{ name: 'Ruta', ...score(ours) }, ...Object.entries(peers).map(([name, out]) => ({ name, ...score(Object.fromEntries(ids.map((id) => [id, out[id]?.articleBody ?? '']))) }))];
rows.sort((a, b) => b.f1 - a.f1);
console.log(`zyte-dev: ${ids.length} pages\n`);
console.log('extractor            F1     precision  recall');
for (const r of rows) console.log(`${r.name.padEnd(20)} ${r.f1.toFixed(3)}  ${r.p.toFixed(3)}      ${r.r.toFixed(3)}${r.name === 'Ruta' ? '   <-' : ''}`);
const f1 = rows.find((r) => r.name === 'Ruta')!.f1;
const speedup = readabilityMs / rutaMs;
console.log(`\nspeed: Ruta ${(ids.length / (rutaMs / 1000)).toFixed(0)} pages/s, readability.js + jsdom ${(ids.length / (readabilityMs / 1000)).toFixed(0)} pages/s: ${speedup.toFixed(1)}× (floor 5×)`);
console.log(`F1 ${f1.toFixed(4)} (floor 0.970)`);
const ok = f1 >= 0.97 && speedup >= 5;
console.log(ok ? 'PASS' : 'FAIL');
process.exitCode = ok ? 0 : 1;
