// npm run eval:langid — language identification on ../shared/eval/langid/dev.jsonl
// by 5-fold cross-validation: each fold is classified by models trained on the
// other four folds (and, for the general model, the NER sentences), never on itself. Prints the confusion
// matrix, per-language sentence accuracy, and Bosnian/Croatian/Serbian macro-F1
// for sentences and for articles (same-language sentences joined to ≥ 400 characters).
import { NaiveBayes } from '../extractors/langid-model.js';
import { identifyLanguage } from '../extractors/langid.js';
import { labelOf, langidRows, nerRows, trainBcmsModel, type LangRow } from './langid-data.js';

const FOLDS = 5;
const rows = langidRows().filter((r) => !(r.script === 'Latn' && (r.lang === 'fa' || r.lang === 'mk')));
const ner = nerRows();
const truth = (r: LangRow) => r.lang;

interface Pred {
  gold: string;
  pred: string;
  key: string;
}
const sentencePreds: Pred[] = [];
const articlePreds: Pred[] = [];
const t0 = Date.now();
for (let fold = 0; fold < FOLDS; fold++) {
  const train = rows.filter((_, i) => i % FOLDS !== fold);
  const test = rows.filter((_, i) => i % FOLDS === fold);
  const models = {
    general: NaiveBayes.train([...train, ...ner].map((r) => ({ text: r.text, label: labelOf(r) }))),
    bcms: trainBcmsModel(train),
  };
  for (const r of test) sentencePreds.push({ gold: truth(r), pred: identifyLanguage(r.text, null, models).lang, key: `${r.lang}-${r.script}` });
  // Articles: consecutive same-language, same-source test sentences joined to at least 400 characters.
  const groups = new Map<string, LangRow[]>();
  for (const r of test) groups.set(`${r.lang}|${r.script}|${r.source}`, [...(groups.get(`${r.lang}|${r.script}|${r.source}`) ?? []), r]);
  for (const [, list] of groups) {
    let buf: string[] = [];
    for (const r of list) {
      buf.push(r.text);
      const text = buf.join(' ');
      if (text.length >= 400) {
        articlePreds.push({ gold: truth(r), pred: identifyLanguage(text, null, models).lang, key: `${r.lang}-${r.script}` });
        buf = [];
      }
    }
  }
  process.stderr.write(`fold ${fold + 1}/${FOLDS} done\n`);
}

function confusion(preds: Pred[], title: string) {
  const golds = [...new Set(preds.map((p) => p.gold))].sort();
  const predsSeen = [...new Set(preds.map((p) => p.pred))].sort();
  const cols = [...new Set([...golds, ...predsSeen])];
  console.log(`\n${title}: confusion matrix (rows: truth, columns: predicted)`);
  console.log(['', ...cols].map((c) => c.padStart(6)).join(''));
  for (const g of golds) {
    console.log([g, ...cols.map((c) => String(preds.filter((p) => p.gold === g && p.pred === c).length))].map((c) => c.padStart(6)).join(''));
  }
}

function accuracyBy(preds: Pred[]) {
  const keys = [...new Set(preds.map((p) => p.key))].sort();
  return Object.fromEntries(keys.map((k) => {
    const sel = preds.filter((p) => p.key === k);
    return [k, { n: sel.length, accuracy: sel.filter((p) => p.pred === p.gold).length / sel.length }];
  }));
}

function macroF1(preds: Pred[], labels: string[]): number {
  const sel = preds.filter((p) => labels.includes(p.gold));
  const f1s = labels.map((l) => {
    const tp = sel.filter((p) => p.gold === l && p.pred === l).length;
    const fp = sel.filter((p) => p.gold !== l && p.pred === l).length;
    const fn = sel.filter((p) => p.gold === l && p.pred !== l).length;
    const prec = tp + fp ? tp / (tp + fp) : 0;
    const rec = tp + fn ? tp / (tp + fn) : 0;
    return prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
  });
  return f1s.reduce((a, b) => a + b, 0) / labels.length;
}

confusion(sentencePreds, 'Sentences');
const acc = accuracyBy(sentencePreds);
console.log('\nSentence accuracy per language (floor 99% for es, en, sq, mk, sr-Cyrl):');
let ok = true;
for (const [k, v] of Object.entries(acc)) {
  const floor = ['es-Latn', 'en-Latn', 'sq-Latn', 'mk-Cyrl', 'sr-Cyrl'].includes(k) ? 0.99 : undefined;
  if (floor && v.accuracy < floor) ok = false;
  console.log(`  ${k.padEnd(8)} ${(v.accuracy * 100).toFixed(1).padStart(5)}%  (${v.n})${floor ? (v.accuracy >= floor ? '  ok' : '  BELOW FLOOR') : ''}`);
}
const bcms = ['bs', 'hr', 'sr'];
const bcmsLatin = (p: Pred[]) => p.filter((x) => x.key.endsWith('Latn'));
const sentF1 = macroF1(bcmsLatin(sentencePreds), bcms);
const artF1 = macroF1(bcmsLatin(articlePreds), bcms);
confusion(bcmsLatin(articlePreds).filter((p) => bcms.includes(p.gold)), 'Bosnian/Croatian/Serbian articles (≥ 400 characters)');
console.log(`\nbs/hr/sr macro-F1, sentences: ${sentF1.toFixed(3)}`);
console.log(`bs/hr/sr macro-F1, articles (${bcmsLatin(articlePreds).filter((p) => bcms.includes(p.gold)).length}): ${artF1.toFixed(3)}   (floor 0.95)`);
if (artF1 < 0.95) ok = false;
console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s) ${ok ? 'PASS' : 'FAIL'}`);
process.exitCode = ok ? 0 : 1;
