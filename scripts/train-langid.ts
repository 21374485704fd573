// npm run train:langid — trains the language classifier on ../shared/eval/langid
// and the NER sentences in ../shared/eval/ner, and the Bosnian/Croatian/Serbian
// classifier on the Latin-script bs, hr and sr sentences of ../shared/eval/langid;
// writes extractors/models/langid.bin.gz and langid-bcms.bin.gz.
// Deterministic: the same data gives the same bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NaiveBayes } from '../extractors/langid-model.js';
import { labelOf, langidRows, nerRows, trainBcmsModel } from './langid-data.js';

const rows = [...langidRows(), ...nerRows()].filter((r) => r.script !== 'Latn' || r.lang !== 'fa').filter((r) => !(r.lang === 'mk' && r.script === 'Latn'));
const t0 = Date.now();
const model = NaiveBayes.train(rows.map((r) => ({ text: r.text, label: labelOf(r) })));
const out = join(import.meta.dirname, '..', 'extractors', 'models', 'langid.bin.gz');
const bytes = model.serialize();
writeFileSync(out, bytes);
const counts: Record<string, number> = {};
for (const r of rows) counts[labelOf(r)] = (counts[labelOf(r)] ?? 0) + 1;
console.log(`trained on ${rows.length} examples in ${Date.now() - t0} ms: ${JSON.stringify(counts)}`);
console.log(`wrote ${out} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`);

const t1 = Date.now();
const bcms = trainBcmsModel(langidRows());
const bcmsOut = join(import.meta.dirname, '..', 'extractors', 'models', 'langid-bcms.bin.gz');
const bcmsBytes = bcms.serialize();
writeFileSync(bcmsOut, bcmsBytes);
console.log(`trained the Bosnian/Croatian/Serbian model in ${Date.now() - t1} ms`);
console.log(`wrote ${bcmsOut} (${(bcmsBytes.length / 1024 / 1024).toFixed(1)} MB)`);
