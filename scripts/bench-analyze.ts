// npm run bench:analyze — articles per second of `analyze` (language, entities
// with the trained tagger, seizures, links) on one core, over 2,000 articles
// built from the gold documents and the seed articles, cycled with their
// paragraphs rotated so that no two inputs are the same text; then long texts
// of 100 k and 150 k characters (times in proportion) and one of 800 k, of
// which analysis reads the first 150 k (ANALYZE_MAX_CHARS).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYZE_MAX_CHARS, analyze } from '../extractors/analyze.js';
import { goldDocs } from './gold-data.js';
import { SHARED } from './langid-data.js';

const N = Number(process.env.BENCH_ARTICLES ?? 2000);
const base: { text: string; title: string; lang?: string }[] = [];
for (const d of goldDocs()) base.push({ text: d.text, title: d.title });
const seeds = join(SHARED, 'seeds');
if (existsSync(seeds)) {
  for (const f of readdirSync(seeds).sort()) {
    const raw = readFileSync(join(seeds, f), 'utf8');
    // Seeds may be HTML or text: keep the text only, in article-sized pieces.
    const text = raw.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/[ \t]+/g, ' ');
    for (let i = 0; i < text.length; i += 4000) base.push({ text: text.slice(i, i + 4000), title: f });
  }
}
const articles = Array.from({ length: N }, (_, i) => {
  const b = base[i % base.length]!;
  const paras = b.text.split('\n\n');
  const k = Math.floor(i / base.length) % paras.length;
  return { text: [...paras.slice(k), ...paras.slice(0, k)].join('\n\n'), title: b.title };
});
const chars = articles.reduce((n, a) => n + a.text.length, 0);
// Warm-up: load the models and gazetteers, and let the JIT settle.
for (const a of articles.slice(0, 50)) analyze(a);
const t0 = performance.now();
let entities = 0;
let links = 0;
for (const a of articles) {
  const r = analyze(a);
  entities += r.entities.length;
  links += r.links.length;
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `${N} articles (${Math.round(chars / N)} characters on average) in ${secs.toFixed(2)} s: ${Math.round(N / secs)} articles/s on one core, ` +
    `${(secs * 1000 / N).toFixed(2)} ms each; ${entities} entities, ${links} links; peak RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`,
);

// Long texts (the articles run together): analysis must stay linear in length up to
// ANALYZE_MAX_CHARS, and read no further than that.
const long = articles.map((a) => a.text).join('\n\n').slice(0, 800_000);
for (const size of [100_000, ANALYZE_MAX_CHARS, long.length]) {
  const t1 = performance.now();
  const r = analyze({ text: long.slice(0, size) });
  const ms = performance.now() - t1;
  const read = r.analyzedChars ?? size;
  console.log(
    `one text of ${Math.round(size / 1000)} k characters: ${(ms / 1000).toFixed(2)} s (${Math.round(read / ms)} k characters/s read), ${r.entities.length} entities` +
      (r.analyzedChars !== undefined ? `; analysis read the first ${Math.round(read / 1000)} k` : ''),
  );
}

// Hostile texts of the same length: one endless sentence of names, of quantities, of initials, of nicknames;
// each must take about as long per character as news does (before the fixes that keep them linear, the worst
// took 45 s).
const hostile: Record<string, string> = {
  'capitalised names, no full stop': Array.from({ length: 20000 }, (_, i) => ['Marko', 'Petrović', 'Guayaquil', 'Kavač', 'Los', 'Choneros'][i % 6]).join(' '),
  'news words, no full stop': Array.from({ length: 25000 }, (_, i) => ['kokain', 'iz', 'Ekvadora', 'u', 'luci', 'Bar', 'uhapšen', 'Marko'][i % 8]).join(' '),
  'quantities, no full stop': Array.from({ length: 20000 }, (_, i) => `${i} kg`).join(' '),
  'initials': 'A. B. '.repeat(20000),
  'nicknames': 'Marko Petrović, alias "Kum", '.repeat(4000),
};
let worst = 0;
for (const [name, text] of Object.entries(hostile)) {
  const t1 = performance.now();
  analyze({ text, lang: 'sr' });
  const ms = performance.now() - t1;
  worst = Math.max(worst, ms);
  console.log(`hostile text (${name}), ${Math.round(text.length / 1000)} k characters: ${(ms / 1000).toFixed(2)} s`);
}
console.log(`slowest hostile text: ${(worst / 1000).toFixed(2)} s`);
