// npm run bench:ner — tokens per second of the shipped tagger on one core
// (this process's one thread), over the dev sentences of every model, after a
// warm-up pass. Model loading is timed separately.
import { defaultNerLookup, nerModel, NER_GROUPS } from '../extractors/ner/tagger.js';
import { NER_FILES, readNer } from './ner-data.js';

const FLOOR = 20_000;
const lookup = defaultNerLookup();
let allTokens = 0;
let allMs = 0;
for (const group of NER_GROUPS) {
  const t0 = performance.now();
  const model = nerModel(group);
  const loadMs = performance.now() - t0;
  const rows = NER_FILES[group].dev.flatMap((d) => readNer(d.file));
  for (const r of rows.slice(0, 300)) model.tag(r.tokens, r.script, lookup); // warm-up
  let tokens = 0;
  const start = performance.now();
  for (let pass = 0; pass < 2; pass++) {
    for (const r of rows) {
      model.tag(r.tokens, r.script, lookup);
      tokens += r.tokens.length;
    }
  }
  const ms = performance.now() - start;
  allTokens += tokens;
  allMs += ms;
  console.log(`${group}: ${tokens} tokens in ${(ms / 1000).toFixed(2)} s = ${Math.round(tokens / (ms / 1000))} tokens/s (model load ${Math.round(loadMs)} ms, ${model.featureCount} features)`);
}
const rate = Math.round(allTokens / (allMs / 1000));
console.log(`overall: ${rate} tokens/s on one core (floor ${FLOOR}: ${rate >= FLOOR ? 'met' : 'NOT met'})`);
