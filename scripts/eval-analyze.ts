// npm run eval:analyze — Ruta's analysis against its domain gold set,
// ../shared/eval/gold/dev.jsonl (format and metric in ../shared/eval/README.md):
// entity P/R/F1 per language variant and per type (same type and canonical name,
// per occurrence), seizures (kg within 1%), links (canonical pairs per
// document) and links on the negative documents.
//   npm run eval:analyze [-- --errors]
import { analyze } from '../extractors/analyze.js';
import { goldDocs, type GoldDoc } from './gold-data.js';
import { f1, type Prf } from './ner-data.js';

const docs = goldDocs();
const showErrors = process.argv.includes('--errors');

/** Montenegrin documents are counted with Serbian Latin, as the gold set's README groups them. */
const variantOf = (d: GoldDoc) => (d.lang === 'sr' || d.lang === 'cnr' ? `sr-${d.script}` : d.lang);
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const byVariant = new Map<string, Prf>();
const byType = new Map<string, Prf>();
const entAll: Prf = { tp: 0, fp: 0, fn: 0 };
const seizures: Prf = { tp: 0, fp: 0, fn: 0 };
const links: Prf = { tp: 0, fp: 0, fn: 0 };
let negativeDocs = 0;
let negativeLinks = 0;
const bump = (m: Map<string, Prf>, k: string, field: keyof Prf) => {
  let c = m.get(k);
  if (!c) m.set(k, (c = { tp: 0, fp: 0, fn: 0 }));
  c[field]++;
};

const t0 = performance.now();
for (const d of docs) {
  const a = analyze({ text: d.text, title: d.title, lang: d.lang });
  const v = variantOf(d);
  // Entities: greedy one-to-one matching on (type, canonical), per occurrence.
  const gold = d.entities.map((e) => `${e.type}\u0000${norm(e.canonical)}`);
  const used = new Array<boolean>(gold.length).fill(false);
  const errors: string[] = [];
  for (const p of a.entities) {
    const key = `${p.type}\u0000${norm(p.canonical)}`;
    const i = gold.findIndex((g, k) => !used[k] && g === key);
    const field = i >= 0 ? 'tp' : 'fp';
    if (i >= 0) used[i] = true;
    else errors.push(`  FP ${p.type} "${p.text}" → ${p.canonical}`);
    bump(byVariant, v, field);
    bump(byType, p.type, field);
    entAll[field]++;
  }
  d.entities.forEach((g, k) => {
    if (used[k]) return;
    errors.push(`  FN ${g.type} "${g.text}" → ${g.canonical}`);
    bump(byVariant, v, 'fn');
    bump(byType, g.type, 'fn');
    entAll.fn++;
  });
  // Seizures: kg within 1% of an unmatched gold seizure.
  const sUsed = new Array<boolean>(d.seizures.length).fill(false);
  for (const p of a.seizures) {
    const i = d.seizures.findIndex((g, k) => !sUsed[k] && Math.abs(p.kg - g.kg) <= 0.01 * g.kg);
    if (i >= 0) {
      sUsed[i] = true;
      seizures.tp++;
    } else {
      seizures.fp++;
      errors.push(`  FP seizure "${p.text}" = ${p.kg} kg`);
    }
  }
  d.seizures.forEach((g, k) => {
    if (sUsed[k]) return;
    seizures.fn++;
    errors.push(`  FN seizure "${g.text}" = ${g.kg} kg`);
  });
  // Links: sets of canonical pairs.
  const gl = new Set(d.links.map((l) => `${norm(l.balkan)} ↔ ${norm(l.latam)}`));
  const pl = new Set(a.links.map((l) => `${norm(l.balkan)} ↔ ${norm(l.latam)}`));
  for (const p of pl) {
    if (gl.has(p)) links.tp++;
    else {
      links.fp++;
      errors.push(`  FP link ${p}`);
    }
  }
  for (const g of gl) {
    if (pl.has(g)) continue;
    links.fn++;
    errors.push(`  FN link ${g}`);
  }
  if (!d.links.length) {
    negativeDocs++;
    negativeLinks += pl.size;
  }
  if (showErrors && errors.length) console.log(`${d.id} (${v}):\n${errors.join('\n')}`);
}
const secs = (performance.now() - t0) / 1000;

const line = (name: string, c: Prf) => {
  const s = f1(c);
  return `${name.padEnd(16)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};
console.log(`${docs.length} documents in ${secs.toFixed(2)} s\n\nEntities by language variant (floor F1 0.90 each):`);
const variantFloor = [...byVariant.entries()].sort();
for (const [k, c] of variantFloor) console.log(line(k, c) + (f1(c).f >= 0.9 ? '' : '  below floor'));
console.log(line('all', entAll));
console.log('\nEntities by type:');
for (const [k, c] of [...byType.entries()].sort()) console.log(line(k, c));
const exact = seizures.tp / Math.max(1, seizures.tp + seizures.fn);
console.log(`\nSeizures: ${line('', seizures).trim()}; ${(exact * 100).toFixed(1)}% of gold seizures exact (floor 95%)`);
console.log(`Links: ${line('', links).trim()} (floor F1 0.90)`);
console.log(`Negative documents (no gold link): ${negativeDocs}, links predicted on them: ${negativeLinks} (floor 0)`);
