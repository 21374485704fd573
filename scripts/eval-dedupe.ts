// Near-duplicate precision and recall, and story-clustering pairwise F1
// (all pairs, and pairs across languages or scripts), on the evaluation set
// tests/fixtures/dedupe/eval.jsonl.gz (npm run build:dedupe-set).
//
//   npm run eval:dedupe [-- --errors] [--seed N]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { StreamDeduper } from '../dedupe/stream.js';
import { buildDedupeSet, DEDUPE_SET, type EvalDoc } from './build-dedupe-set.js';

const showErrors = process.argv.includes('--errors');
// --seed N builds a fresh set with other edits, copies and dates from ../shared instead of reading the fixture.
const seedAt = process.argv.indexOf('--seed');
const docs: EvalDoc[] =
  seedAt > 0 ? buildDedupeSet(Number(process.argv[seedAt + 1])) : gunzipSync(readFileSync(DEDUPE_SET)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
const byId = new Map(docs.map((d) => [d.id, d]));
const deduper = new StreamDeduper();
const t0 = performance.now();
const out = docs.map((d) => deduper.push({ id: d.id, url: d.url, title: d.title, text: d.text, published: d.published, lang: d.lang }));
const ms = performance.now() - t0;

// Near-duplicates: a predicted duplicateOf is right when it is in the document's group.
const seenGroups = new Set<string>();
let tp = 0;
let fp = 0;
let fn = 0;
const errors: string[] = [];
for (const o of out) {
  const d = byId.get(o.id)!;
  const hasEarlier = seenGroups.has(d.group);
  seenGroups.add(d.group);
  if (o.duplicateOf !== null) {
    if (byId.get(o.duplicateOf)!.group === d.group) tp++;
    else {
      fp++;
      errors.push(`false duplicate: ${d.id} (${d.kind}) → ${o.duplicateOf}`);
    }
  } else if (hasEarlier) {
    fn++;
    errors.push(`missed duplicate: ${d.id} (${d.kind}) of group ${d.group}`);
  }
}
const p = tp / Math.max(1, tp + fp);
const r = tp / Math.max(1, tp + fn);

// Stories: pairwise precision and recall over the pairs of documents a filter keeps.
function pairwise(filter: (a: EvalDoc, b: EvalDoc) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let negatives = 0;
  for (let i = 0; i < out.length; i++) {
    const a = byId.get(out[i]!.id)!;
    for (let j = i + 1; j < out.length; j++) {
      const b = byId.get(out[j]!.id)!;
      if (!filter(a, b)) continue;
      const gold = a.story === b.story;
      const pred = out[i]!.story === out[j]!.story;
      if (!gold) negatives++;
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
  }
  const P = tp / Math.max(1, tp + fp);
  const R = tp / Math.max(1, tp + fn);
  return { P, R, F: P + R ? (2 * P * R) / (P + R) : 0, pairs: tp + fn, negatives, merged: fp };
}
const crossLang = (a: EvalDoc, b: EvalDoc) => a.lang !== b.lang || /[\u0400-\u04ff]/.test(a.title) !== /[\u0400-\u04ff]/.test(b.title);
const all = pairwise(() => true);
const cross = pairwise(crossLang);
// Hard negatives: different stories from the same outlet, published within four days of each other.
const sameOutlet = pairwise((a, b) => a.outlet === b.outlet && Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= 4 * 86_400_000);

const f = (x: number) => x.toFixed(3);
console.log(`documents: ${docs.length} (${[...new Set(docs.map((d) => d.lang))].join(', ')}); ${(ms / docs.length).toFixed(1)} ms/document with analysis`);
console.log(`near-duplicates: precision ${f(p)} recall ${f(r)} (tp ${tp}, fp ${fp}, fn ${fn}) [floors 0.97 / 0.95]`);
console.log(`stories, all pairs: P ${f(all.P)} R ${f(all.R)} F1 ${f(all.F)} (${all.pairs} same-story pairs)`);
console.log(`stories, cross-language/script pairs: P ${f(cross.P)} R ${f(cross.R)} F1 ${f(cross.F)} (${cross.pairs} same-story pairs)`);
console.log(`hard negatives (same outlet, different story, within 4 days): ${sameOutlet.merged} of ${sameOutlet.negatives} pairs merged`);
console.log(`stories predicted: ${new Set(out.map((o) => o.story)).size}, gold: ${new Set(docs.map((d) => d.story)).size}`);
if (showErrors) for (const e of errors) console.log(e);
if (showErrors) {
  const stories = new Map<string, EvalDoc[]>();
  out.forEach((o) => stories.set(o.story, [...(stories.get(o.story) ?? []), byId.get(o.id)!]));
  for (const [s, members] of stories) {
    const gold = new Set(members.map((m) => m.story));
    if (gold.size > 1) console.log(`merged story ${s}: ${[...gold].map((g) => `${g} "${members.find((m) => m.story === g)!.title.slice(0, 50)}"`).join(' + ')}`);
  }
}
