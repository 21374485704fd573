// npm run eval:ner — exact-span F1 (conlleval) of the shipped tagger on each
// dev file of ../shared/eval/ner, per type and overall, each file read as one
// running document (the files mark no article boundaries); the same with each
// sentence alone; and compromise on the English dev set for comparison.
//   npm run eval:ner [-- --no-compromise]
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import { defaultNerLookup, nerGroupOf, nerModel } from '../extractors/ner/tagger.js';
import { f1, NER_FILES, readNer, score, type NerRow, type Prf } from './ner-data.js';

const FLOORS: Record<string, number> = { en: 0.85, es: 0.8, 'sr-Latn': 0.8, 'sr-Cyrl': 0.8, hr: 0.8 };

function report(name: string, counts: Map<string, Prf>): number {
  const types = [...counts.keys()].filter((t) => t !== 'ALL').sort();
  const all = f1(counts.get('ALL')!);
  const floor = FLOORS[name];
  const verdict = floor === undefined ? '' : all.f >= floor ? `  (floor ${floor}: met)` : `  (floor ${floor}: NOT met)`;
  console.log(`${name.padEnd(12)} P ${all.p.toFixed(4)}  R ${all.r.toFixed(4)}  F1 ${all.f.toFixed(4)}${verdict}`);
  for (const t of types) {
    const s = f1(counts.get(t)!);
    const c = counts.get(t)!;
    console.log(`  ${t.padEnd(10)} P ${s.p.toFixed(4)}  R ${s.r.toFixed(4)}  F1 ${s.f.toFixed(4)}  (gold ${c.tp + c.fn})`);
  }
  return all.f;
}

/** compromise's people, places and organisations as BIO tags over the given tokens. */
function compromiseTags(nlp: typeof nlpType, row: NerRow): string[] {
  const starts: number[] = [];
  let text = '';
  for (const t of row.tokens) {
    if (text) text += ' ';
    starts.push(text.length);
    text += t;
  }
  const tags = row.tokens.map(() => 'O');
  const doc = nlp(text);
  for (const [type, list] of [
    ['PER', doc.people().json({ offset: true })],
    ['LOC', doc.places().json({ offset: true })],
    ['ORG', doc.organizations().json({ offset: true })],
  ] as const) {
    for (const m of list as { offset: { start: number; length: number } }[]) {
      const s = m.offset.start;
      const e = s + m.offset.length;
      let first = true;
      row.tokens.forEach((tok, i) => {
        const ts = starts[i]!;
        if (ts >= s && ts + tok.length <= e + 1 && /[\p{L}\p{N}]/u.test(tok) && tags[i] === 'O') {
          tags[i] = `${first ? 'B' : 'I'}-${type}`;
          first = false;
        }
      });
    }
  }
  return tags;
}

const lookup = defaultNerLookup();
const results: Record<string, number> = {};
let tokens = 0;
let ms = 0;
const devSets = Object.values(NER_FILES).flatMap((files) => files.dev.map((dev) => ({ name: dev.name, rows: readNer(dev.file) })));
for (const { name, rows } of devSets) {
  const model = nerModel(nerGroupOf(rows[0]!.lang)!);
  const t0 = performance.now();
  const pred = model.tagDocument(rows, lookup);
  ms += performance.now() - t0;
  tokens += rows.reduce((n, r) => n + r.tokens.length, 0);
  results[name] = report(name, score(rows.map((r) => r.tags), pred));
}
console.log(`tagged ${tokens} tokens at ${Math.round(tokens / (ms / 1000))} tokens/s (see npm run bench:ner for the speed figure)`);

// Each dev file is read as one running document, as the pipeline reads an
// article. For comparison: each sentence alone, as `ruta ner` tags lines without "doc".
const alone = devSets.map(({ name, rows }) => {
  const model = nerModel(nerGroupOf(rows[0]!.lang)!);
  const pred = rows.map((r) => model.tag(r.tokens, r.script, lookup));
  return `${name} ${f1(score(rows.map((r) => r.tags), pred).get('ALL')!).f.toFixed(4)}`;
});
console.log(`without document context (each sentence alone), F1: ${alone.join(', ')}`);

if (!process.argv.includes('--no-compromise')) {
  const nlp = createRequire(import.meta.url)('compromise') as typeof nlpType;
  const rows = readNer(NER_FILES.en.dev[0]!.file);
  const t0 = performance.now();
  const pred = rows.map((r) => compromiseTags(nlp, r));
  const secs = (performance.now() - t0) / 1000;
  console.log(`\ncompromise on the English dev set (PER, LOC, ORG only; it has no MISC), ${Math.round(rows.reduce((n, r) => n + r.tokens.length, 0) / secs)} tokens/s:`);
  report('compromise', score(rows.map((r) => r.tags), pred));
}
const failed = Object.entries(FLOORS).filter(([k, f]) => (results[k] ?? 0) < f);
if (failed.length) console.log(`\nbelow the floor: ${failed.map(([k]) => k).join(', ')}`);
