// npm run train:ner — trains the named-entity tagger (stacked averaged
// perceptrons) on ../shared/eval/ner/*-train.jsonl, picks the number of passes
// by F1 on the dev files, and writes extractors/models/ner-{en,es,sh}.bin.gz
// (first stage) and ner-{en,es,sh}-stage2.bin.gz (second stage).
//   1. The first stage is trained on all the training sentences.
//   2. Jackknifing: the training sentences are cut into FOLDS contiguous parts;
//      a first-stage model trained without each part tags that part, so every
//      training sentence gets first-stage tags from a model that never saw it,
//      as new text will.
//   3. The second stage trains on those tags (features.ts, historyFeatures),
//      in three orders of the data, and ships the mean of the three.
// Deterministic: a fixed seed shuffles, so the same data gives the same bytes.
//   npm run train:ner [-- en es sh] [--epochs N] [--seed S]
import { rmSync, writeFileSync } from 'node:fs';
import { CasingCounts } from '../extractors/ner/casing.js';
import { gazetteerLookup } from '../extractors/ner/gazetteer-lookup.js';
import { documentRuns, NerModel, PerceptronTrainer, rng, type Sentence } from '../extractors/ner/perceptron.js';
import { modelPath, NER_GROUPS, stage2Path, type NerGroup } from '../extractors/ner/tagger.js';
import { loadGazetteerDir, DEFAULT_GAZETTEER_DIR } from '../extractors/gazetteer.js';
import { latToCyr } from '../extractors/text-normalize.js';
import { f1, NER_FILES, readNer, score, type NerRow } from './ner-data.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxEpochs = opt('--epochs', 16);
const seed = opt('--seed', 7);
const FOLDS = 5;
/** Orders of the data the second stage is trained in, then averaged (step 3). */
const SHUFFLES = 3;
const groups = (args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as NerGroup[]).filter((g) => NER_GROUPS.includes(g));
const lookup = gazetteerLookup(loadGazetteerDir(DEFAULT_GAZETTEER_DIR));

type Row = NerRow & Sentence;

/**
 * Serbian is written in both scripts: a Cyrillic copy of every third Serbian
 * sentence teaches the model that script does not change a name. `from` maps
 * each returned sentence to its original's index in `rows`.
 */
function withCyrillicCopies(group: NerGroup, rows: Row[]): { rows: Row[]; from: number[] } {
  const from = rows.map((_, i) => i);
  if (group !== 'sh') return { rows, from };
  const copies: Row[] = [];
  rows.forEach((r, i) => {
    if (r.lang === 'sr' && i % 3 === 0) {
      copies.push({ ...r, script: 'Cyrl', tokens: r.tokens.map(latToCyr), doc: 'Cyrillic copies' });
      from.push(i);
    }
  });
  return { rows: [...rows, ...copies], from };
}

function trainer(rows: Row[], firstStage?: string[][]): PerceptronTrainer {
  const casing = new CasingCounts();
  for (const r of rows) casing.add(r.tokens);
  return new PerceptronTrainer(rows, lookup, casing, firstStage);
}

/** The sentences' tags, each document's sentences tagged together. */
function tagRuns(model: NerModel, rows: Row[]): string[][] {
  return documentRuns(rows).flatMap(([a, b]) => model.tagDocument(rows.slice(a, b), lookup));
}

for (const group of groups.length ? groups : NER_GROUPS) {
  const t0 = Date.now();
  const files = NER_FILES[group];
  // Each file is one running document: sentences see their words' occurrences in nearby sentences (features.ts, documentFeatures).
  const base: Row[] = files.train.flatMap((f) => readNer(f).map((r) => ({ ...r, doc: f })));
  // Contiguous parts, for the name lexicon's jackknifing and for the second stage's.
  base.forEach((r, i) => (r.fold = Math.floor((i * FOLDS) / base.length)));
  const { rows: train, from } = withCyrillicCopies(group, base);
  const devFiles = files.dev.map((d) => readNer(d.file));
  const devGold = devFiles.flat().map((r) => r.tags);
  const devF1 = (model: NerModel) => f1(score(devGold, devFiles.flatMap((rows) => model.tagDocument(rows, lookup))).get('ALL')!).f;
  const log = (s: string) => process.stderr.write(`${group}: ${s}\n`);

  // 1. The first stage, on everything.
  const first = trainer(train);
  let random = rng(seed);
  let best1: { f: number; epoch: number; model: NerModel } | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const acc = first.epoch(random);
    const model = first.averaged({ group, stage: 1, epoch, seed });
    const f = devF1(model);
    log(`stage 1, pass ${epoch}, training accuracy ${(acc * 100).toFixed(2)}%, dev F1 ${f.toFixed(4)}`);
    if (!best1 || f > best1.f) best1 = { f, epoch, model };
  }
  const model1 = best1!.model;

  // 2. Jackknifed first-stage tags of the training sentences.
  const jack: string[][] = new Array(base.length);
  for (let k = 0; k < FOLDS; k++) {
    const lo = base.findIndex((r) => r.fold === k);
    let hi = lo;
    while (hi < base.length && base[hi]!.fold === k) hi++;
    const rest = withCyrillicCopies(group, [...base.slice(0, lo), ...base.slice(hi)]).rows;
    const t = trainer(rest);
    const r = rng(seed + k + 1);
    for (let epoch = 1; epoch <= best1!.epoch; epoch++) t.epoch(r);
    const tags = tagRuns(t.averaged(), base.slice(lo, hi));
    tags.forEach((tg, i) => (jack[lo + i] = tg));
    log(`jackknife fold ${k + 1}/${FOLDS} tagged (${best1!.epoch} passes)`);
  }

  // 3. The second stage, on the jackknifed tags; tuned with the first stage's tags of the dev files.
  //    It is trained SHUFFLES times, each on its own order of the data, and
  //    each pass ships as the mean of those models (NerModel.mean): it varies
  //    less with the order than any one of them.
  const second = trainer(train, from.map((i) => jack[i]!));
  const perPass: NerModel[][] = Array.from({ length: maxEpochs }, () => []);
  for (let k = 0; k < SHUFFLES; k++) {
    if (k) second.restart();
    random = rng(seed + 100 * k);
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      const acc = second.epoch(random);
      perPass[epoch - 1]!.push(second.averaged());
      log(`stage 2, order ${k + 1}/${SHUFFLES}, pass ${epoch}, training accuracy ${(acc * 100).toFixed(2)}%`);
    }
  }
  let best2: { f: number; epoch: number; model: NerModel } | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const model = NerModel.mean(perPass[epoch - 1]!, { group, stage: 2, epoch, seed, shuffles: SHUFFLES });
    model1.second = model;
    const f = devF1(model1);
    log(`stage 2, pass ${epoch}, mean of ${SHUFFLES} orders, dev F1 ${f.toFixed(4)}`);
    if (!best2 || f > best2.f) best2 = { f, epoch, model };
  }
  // The second stage ships only where it beats the first on dev; the first stage's meta says whether there is one.
  const stacked = best2!.f > best1!.f;
  model1.second = undefined;
  model1.meta.stage2 = stacked;
  const bytes1 = model1.serialize();
  const bytes2 = stacked ? best2!.model.serialize({ bare: true }) : undefined;
  writeFileSync(modelPath(group), bytes1);
  if (bytes2) writeFileSync(stage2Path(group), bytes2);
  else rmSync(stage2Path(group), { force: true });
  console.log(
    `${group}: ${train.length} sentences; stage 1 best pass ${best1!.epoch} (dev F1 ${best1!.f.toFixed(4)}), ` +
      `stage 2 best pass ${best2!.epoch} (dev F1 ${best2!.f.toFixed(4)}${stacked ? '' : ', no better: not shipped'}); ` +
      `${model1.featureCount}${bytes2 ? ` + ${best2!.model.featureCount}` : ''} features, ` +
      `${((bytes1.length + (bytes2?.length ?? 0)) / 1024 / 1024).toFixed(1)} MB → ${modelPath(group)}${bytes2 ? `, ${stage2Path(group)}` : ''} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}
