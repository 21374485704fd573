// npm run train:ner — trains the named-entity tagger (averaged perceptron) on
// ../shared/eval/ner/*-train.jsonl, picks the number of passes by F1 on the dev
// files, and writes extractors/models/ner-{en,es,sh}.bin.gz. Deterministic: a
// fixed seed shuffles, so the same data gives the same bytes.
//   npm run train:ner [-- en es sh] [--epochs N] [--seed S]
import { writeFileSync } from 'node:fs';
import { CasingCounts } from '../extractors/ner/casing.js';
import { gazetteerLookup } from '../extractors/ner/gazetteer-lookup.js';
import { PerceptronTrainer, rng, type NerModel } from '../extractors/ner/perceptron.js';
import { modelPath, NER_GROUPS, type NerGroup } from '../extractors/ner/tagger.js';
import { loadGazetteerDir, DEFAULT_GAZETTEER_DIR } from '../extractors/gazetteer.js';
import { latToCyr } from '../extractors/text-normalize.js';
import { f1, NER_FILES, readNer, score } from './ner-data.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const maxEpochs = opt('--epochs', 16);
const seed = opt('--seed', 7);
const groups = (args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as NerGroup[]).filter((g) => NER_GROUPS.includes(g));
const lookup = gazetteerLookup(loadGazetteerDir(DEFAULT_GAZETTEER_DIR));

for (const group of groups.length ? groups : NER_GROUPS) {
  const t0 = Date.now();
  const files = NER_FILES[group];
  const train = files.train.flatMap(readNer);
  // Serbian is written in both scripts: a Cyrillic copy of every third Serbian
  // sentence teaches the model that script does not change a name.
  if (group === 'sh')
    train.push(...train.filter((r, i) => r.lang === 'sr' && i % 3 === 0).map((r) => ({ ...r, script: 'Cyrl', tokens: r.tokens.map(latToCyr) })));
  const dev = files.dev.flatMap((d) => readNer(d.file));
  const casing = new CasingCounts();
  for (const r of train) casing.add(r.tokens);
  const trainer = new PerceptronTrainer(train, lookup, casing);
  const random = rng(seed);
  let best: { f: number; epoch: number; model: NerModel } | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const acc = trainer.epoch(random);
    const model = trainer.averaged({ group, epoch, seed });
    const pred = dev.map((r) => model.tag(r.tokens, r.script, lookup));
    const { f } = f1(score(dev.map((r) => r.tags), pred).get('ALL')!);
    process.stderr.write(`${group}: pass ${epoch}, training accuracy ${(acc * 100).toFixed(2)}%, dev F1 ${f.toFixed(4)}\n`);
    if (!best || f > best.f) best = { f, epoch, model };
  }
  const bytes = best!.model.serialize();
  writeFileSync(modelPath(group), bytes);
  console.log(
    `${group}: ${train.length} sentences, best pass ${best!.epoch} (dev F1 ${best!.f.toFixed(4)}), ${best!.model.featureCount} features, ` +
      `${(bytes.length / 1024 / 1024).toFixed(1)} MB → ${modelPath(group)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}
