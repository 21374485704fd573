// Builds the dedupe and story evaluation set, tests/fixtures/dedupe/eval.jsonl.gz,
// from real texts: the seeds, the domain gold documents, and documents regrouped
// from the NER files (Reuters and EFE wire copy, SETimes news in Serbian Latin,
// Serbian Cyrillic and Croatian). Syndicated copies and same-site revisions are
// made with realistic edits; SETimes gives real cross-language pairs (a Croatian
// and a Serbian version of one article). Deterministic: same inputs, same bytes.
//
//   npm run build:dedupe-set
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rng } from '../extractors/ner/perceptron.js';
import { fold } from '../extractors/text-normalize.js';
import { goldDocs } from './gold-data.js';
import { SHARED } from './langid-data.js';
import { readNer, type NerRow } from './ner-data.js';

export const DEDUPE_SET = join(import.meta.dirname, '..', 'tests', 'fixtures', 'dedupe', 'eval.jsonl.gz');

export interface EvalDoc {
  id: string;
  url: string;
  title: string;
  text: string;
  published: string;
  lang: string;
  /** Near-duplicate group: copies and revisions of one text share it. */
  group: string;
  /** Story: every document about the same event, in any language. */
  story: string;
  kind: 'original' | 'syndicated' | 'revision' | 'translation' | 'script';
  outlet: string;
}

interface Base {
  id: string;
  lang: string;
  title: string;
  paragraphs: string[];
  published: Date;
  outlet: string;
}

/** Joins CoNLL-style tokens back into running text. */
function detok(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/ ([,.;:!?)\]%»”])/g, '$1')
    .replace(/([(\[«„“¿¡]) /g, '$1')
    .replace(/ '(s|re|ve|ll|d|m)\b/g, "'$1")
    .replace(/ n't\b/g, "n't");
}

const ENDS_SENTENCE = /[.!?"”»:]$/;

/** Sentences to paragraphs of two or three sentences. */
function paragraphsOf(sentences: string[], rand: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = rand() < 0.5 ? 2 : 3;
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

function proseLike(sentences: string[]): boolean {
  const text = sentences.join(' ');
  const words = text.split(/\s+/);
  const numeric = words.filter((w) => /\d/.test(w)).length;
  return sentences.length >= 5 && text.length >= 600 && numeric / words.length < 0.15;
}

const MONTHS_ES: Record<string, number> = { ene: 0, feb: 1, mar: 2, abr: 3, may: 4, jun: 5, jul: 6, ago: 7, sep: 8, oct: 9, nov: 10, dic: 11 };

/** CoNLL-2003: a headline line, then a dateline "CITY 1996-08-30", then the story. */
function conllEnglish(rows: NerRow[], rand: () => number): Base[] {
  const out: Base[] = [];
  const starts: number[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const d = rows[i + 1]!.tokens;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d[d.length - 1] ?? '') || d.length > 6) continue;
    // A byline ("Pierre Belec") may stand between the headline and the dateline.
    const byline = rows[i]!.tags.every((t) => t.endsWith('PER')) && i > 0;
    starts.push(byline ? i - 1 : i);
  }
  starts.forEach((s, k) => {
    const end = starts[k + 1] ?? rows.length;
    const title = detok(rows[s]!.tokens);
    const dl = /^\d{4}-/.test(rows[s + 1]!.tokens.at(-1)!) ? s + 1 : s + 2;
    const date = rows[dl]!.tokens.at(-1)!;
    const body = rows.slice(dl + 1, end).map((r) => detok(r.tokens));
    if (!proseLike(body) || /RESULTS|STANDINGS|SCORES|SUMMARIES/.test(title)) return;
    out.push({ id: `en-${s}`, lang: 'en', title: titleCase(title), paragraphs: paragraphsOf(body, rand), published: new Date(`${date}T12:00:00Z`), outlet: 'reuters' });
  });
  return out;
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const t = s.toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** CoNLL-2002 Spanish: each story opens with "Place (Country), 23 may (EFE)." */
function conllSpanish(rows: NerRow[], rand: () => number): Base[] {
  const out: Base[] = [];
  const starts: number[] = [];
  rows.forEach((r, i) => {
    if (r.tokens.some((t) => /^EFE/.test(t)) && r.tokens.length <= 16 && r.tokens.some((t) => t in MONTHS_ES)) starts.push(i);
  });
  starts.forEach((s, k) => {
    const end = starts[k + 1] ?? rows.length;
    const dateline = rows[s]!.tokens;
    const mi = dateline.findIndex((t) => t in MONTHS_ES);
    const day = Number(dateline[mi - 1]);
    const body = rows
      .slice(s + 1, end)
      .filter((r) => r.tokens.length > 1)
      .map((r) => detok(r.tokens));
    if (!proseLike(body) || !Number.isFinite(day)) return;
    const first = body[0]!.split(/\s+/).slice(0, 12).join(' ').replace(/[,;:]$/, '');
    out.push({
      id: `es-${s}`,
      lang: 'es',
      title: first,
      paragraphs: paragraphsOf([`${detok(dateline)} ${body[0]}`, ...body.slice(1)], rand),
      published: new Date(Date.UTC(2000, MONTHS_ES[dateline[mi]!]!, day, 12)),
      outlet: 'efe',
    });
  });
  return out;
}

interface SetimesDoc {
  start: number;
  title: string;
  body: string[];
  names: Set<string>;
}

/** SETimes: a headline (a line without closing punctuation) opens each article. */
function setimesDocs(rows: NerRow[]): SetimesDoc[] {
  const starts: number[] = [];
  rows.forEach((r, i) => {
    const last = r.tokens.at(-1) ?? '';
    const next = rows[i + 1];
    if (r.tokens.length <= 20 && !ENDS_SENTENCE.test(last) && next && ENDS_SENTENCE.test(next.tokens.at(-1) ?? '')) starts.push(i);
  });
  return starts.map((s, k) => {
    const end = starts[k + 1] ?? rows.length;
    const names = new Set<string>();
    for (const r of rows.slice(s, end)) r.tokens.forEach((t, j) => r.tags[j] !== 'O' && names.add(fold(t).slice(0, 5)));
    return { start: s, title: detok(rows[s]!.tokens), body: rows.slice(s + 1, end).map((r) => detok(r.tokens)), names };
  });
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

/** Croatian and Serbian SETimes articles that are translations of one another, in corpus order. */
function setimesPairs(): { hr: Base; sr: Base; srCyrl: Base }[] {
  const hr = setimesDocs(readNer('hr-setimes-dev.jsonl'));
  const srRows = readNer('sr-setimes-dev.jsonl');
  const cyrRows = readNer('sr-cyrl-setimes-dev.jsonl');
  const sr = setimesDocs(srRows);
  const out: { hr: Base; sr: Base; srCyrl: Base }[] = [];
  let from = 0;
  const day0 = Date.UTC(2009, 0, 5, 12);
  sr.forEach((s, k) => {
    let best = -1;
    let bestScore = 0;
    for (let j = from; j < Math.min(hr.length, from + 12); j++) {
      const score = overlap(s.names, hr[j]!.names);
      if (score > bestScore) [best, bestScore] = [j, score];
    }
    if (best < 0 || bestScore < 0.6 || s.names.size < 3) return;
    from = best + 1;
    const h = hr[best]!;
    // A missed headline runs two articles together: keep only pairs of similar length.
    const ratio = h.body.join(' ').length / s.body.join(' ').length;
    if (!proseLike(s.body) || !proseLike(h.body) || ratio > 1.6 || ratio < 0.6) return;
    const end = sr[k + 1]?.start ?? srRows.length;
    const cyr = cyrRows.slice(s.start, end).map((r) => detok(r.tokens));
    const published = new Date(day0 + out.length * 86_400_000 * 2);
    const base = (id: string, lang: string, title: string, body: string[], outlet: string): Base => ({ id, lang, title, paragraphs: paragraphsOf(body, rng(k + 1)), published, outlet });
    out.push({
      hr: base(`hr-${h.start}`, 'hr', h.title, h.body, 'setimes-hr'),
      sr: base(`sr-${s.start}`, 'sr', s.title, s.body, 'setimes-sr'),
      srCyrl: base(`srcyr-${s.start}`, 'sr', cyr[0]!, cyr.slice(1), 'setimes-sr-cyrl'),
    });
  });
  return out;
}

function goldBases(rand: () => number): Base[] {
  const day0 = Date.UTC(2025, 2, 3, 9);
  return goldDocs().map((d, i) => ({
    id: d.id,
    lang: d.lang === 'cnr' ? 'sr' : d.lang,
    title: d.title,
    paragraphs: d.text.split(/\n+/).filter(Boolean),
    published: new Date(day0 + Math.floor(rand() * 60) * 86_400_000 + i * 3_600_000),
    outlet: `gold-${d.lang}`,
  }));
}

function seedBases(): Base[] {
  const dir = join(SHARED, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, i) => {
      const lines = readFileSync(join(dir, f), 'utf8').split(/\n+/).map((l) => l.trim()).filter(Boolean);
      return { id: `seed-${i}`, lang: 'en', title: lines[0]!.slice(0, 120), paragraphs: lines.slice(1), published: new Date(Date.UTC(2024, 5, 1 + i * 9, 8)), outlet: `seed-${i}` };
    });
}

// ------------------------------------------------------------------ edits

const HEADERS: Record<string, string[]> = {
  en: ['By Staff Reporter | 3 min read', 'Subscribe to our newsletter for the latest news.', 'Advertisement', 'Listen to this article'],
  es: ['Redacción | Lectura de 3 minutos', 'Suscríbete a nuestro boletín', 'Publicidad', 'Escuchar esta noticia'],
  sr: ['Autor: Redakcija | 3 min čitanja', 'Pratite nas na društvenim mrežama', 'Reklama', 'Поделите вест'],
  hr: ['Autor: Hina | 3 min čitanja', 'Pratite nas na Facebooku', 'Oglas', 'Poslušajte članak'],
  bs: ['Autor: Fena | 3 min čitanja', 'Pratite nas na Facebooku', 'Oglas'],
  sq: ['Nga redaksia | 3 minuta lexim', 'Na ndiqni në rrjetet sociale', 'Reklamë'],
  mk: ['Автор: Редакција | 3 минути читање', 'Следете не на социјалните мрежи', 'Реклама'],
};
const FOOTERS: Record<string, string[]> = {
  en: ['© 2026 All rights reserved. Share this article: Facebook, X, WhatsApp.', 'Read more: Top stories of the day.', 'Reporting by our correspondent; editing by the desk.'],
  es: ['© 2026 Todos los derechos reservados. Comparte esta noticia.', 'Lee también: Las noticias más leídas del día.', 'Con información de agencias.'],
  sr: ['© 2026 Sva prava zadržana. Podelite ovu vest.', 'Pročitajte još: Najčitanije vesti dana.', 'Izvor: agencije'],
  hr: ['© 2026 Sva prava pridržana. Podijelite članak.', 'Pročitajte još: Najčitanije vijesti dana.', 'Izvor: Hina'],
  bs: ['© 2026 Sva prava zadržana. Podijelite članak.', 'Pročitajte još: Najčitanije vijesti.'],
  sq: ['© 2026 Të gjitha të drejtat e rezervuara. Shpërndaje lajmin.', 'Lexo më shumë: Lajmet e ditës.'],
  mk: ['© 2026 Сите права се задржани. Споделете ја веста.', 'Прочитајте повеќе: Најчитани вести.'],
};
const UPDATE_PREFIX: Record<string, string> = { en: 'UPDATE: ', es: 'ACTUALIZACIÓN: ', sr: 'AŽURIRANO: ', hr: 'AŽURIRANO: ', bs: 'AŽURIRANO: ', sq: 'PËRDITËSIM: ', mk: 'АЖУРИРАНО: ' };

function pick<T>(xs: T[], rand: () => number): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'story';
}

interface Copy {
  title: string;
  paragraphs: string[];
}

/** One realistic edit of a copy: boilerplate, a headline rewrite, an update paragraph, truncation, reordering or a cut sentence. */
function edit(c: Copy, lang: string, kind: number, rand: () => number, others: Base[]): Copy {
  const p = [...c.paragraphs];
  switch (kind) {
    case 0: // different boilerplate
      return { title: c.title, paragraphs: [pick(HEADERS[lang] ?? HEADERS.en!, rand), ...p, pick(FOOTERS[lang] ?? FOOTERS.en!, rand)] };
    case 1: {
      // headline rewrite
      const words = c.title.split(/\s+/);
      const title =
        rand() < 0.5 && words.length > 6
          ? words.slice(0, Math.ceil(words.length * 0.6)).join(' ')
          : `${UPDATE_PREFIX[lang] ?? ''}${c.title}`;
      return { title, paragraphs: p };
    }
    case 2: {
      // an added update paragraph from the same language's wire
      const donor = pick(others.filter((o) => o.lang === lang), rand);
      const para = donor ? pick(donor.paragraphs, rand) : '';
      if (rand() < 0.5) p.push(para);
      else p.splice(1, 0, para);
      return { title: c.title, paragraphs: p };
    }
    case 3: {
      // truncation: a teaser or a cut wire copy
      const keep = Math.max(2, Math.ceil(p.length * (0.5 + rand() * 0.3)));
      return { title: c.title, paragraphs: p.slice(0, keep) };
    }
    case 4: {
      // reordering two paragraphs after the lead
      if (p.length >= 4) {
        const i = 1 + Math.floor(rand() * (p.length - 2));
        [p[i], p[i + 1]] = [p[i + 1]!, p[i]!];
      }
      return { title: c.title, paragraphs: p };
    }
    default: {
      // a sentence cut from the middle
      if (p.length >= 3) {
        const i = 1 + Math.floor(rand() * (p.length - 2));
        const sentences = p[i]!.split(/(?<=[.!?])\s+/);
        sentences.splice(Math.floor(rand() * sentences.length), 1);
        p[i] = sentences.join(' ');
      }
      return { title: c.title, paragraphs: p.filter(Boolean) };
    }
  }
}

const SYNDICATORS: Record<string, string[]> = {
  en: ['dailyherald.example', 'worldwire.example', 'newsroom24.example'],
  es: ['eldiario-andino.example', 'noticiasdelsur.example', 'prensa-libre.example'],
  sr: ['vesti-online.example', 'beogradski-list.example'],
  hr: ['jadranski-portal.example', 'vijesti-hr.example'],
  bs: ['sarajevske-vijesti.example', 'bh-portal.example'],
  sq: ['lajme-shqip.example', 'portali-durres.example'],
  mk: ['vesti-mk.example', 'skopje-denes.example'],
};

function outletHost(outlet: string): string {
  return `${outlet.replace(/[^a-z0-9-]/g, '-')}.example`;
}

function shingleSet(text: string): Set<string> {
  const w = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const s = new Set<string>();
  for (let i = 0; i + 4 <= w.length; i++) s.add(w.slice(i, i + 4).join(' '));
  return s;
}

/** Base id → the id of the first base it copies (exact shingle Jaccard ≥ 0.5 or containment ≥ 0.8), or its own. */
function copiesAmong(bases: Base[]): Map<string, string> {
  const sets = bases.map((b) => shingleSet(b.paragraphs.join(' ')));
  const out = new Map<string, string>();
  bases.forEach((b, i) => {
    out.set(b.id, b.id);
    for (let j = 0; j < i; j++) {
      if (bases[j]!.lang !== b.lang) continue;
      let n = 0;
      for (const x of sets[i]!) if (sets[j]!.has(x)) n++;
      const jac = n / (sets[i]!.size + sets[j]!.size - n);
      const con = n / Math.max(1, Math.min(sets[i]!.size, sets[j]!.size));
      if (jac >= 0.5 || con >= 0.8) {
        out.set(b.id, out.get(bases[j]!.id)!);
        break;
      }
    }
  });
  return out;
}

export function buildDedupeSet(seed = 7): EvalDoc[] {
  const rand = rng(seed);
  const en = conllEnglish(readNer('en-conll2003-dev.jsonl'), rand);
  const es = conllSpanish(readNer('es-conll2002-dev.jsonl'), rand);
  const pairs = setimesPairs();
  const gold = goldBases(rand);
  const seeds = seedBases();
  const bases: Base[] = [...en.slice(0, 160), ...es.slice(0, 160), ...gold, ...seeds];
  const all: Base[] = [...bases, ...pairs.flatMap((p) => [p.hr, p.sr])];
  const docs: EvalDoc[] = [];
  const emit = (b: Base, c: Copy, host: string, kind: EvalDoc['kind'], group: string, story: string, published: Date, suffix: string) => {
    docs.push({
      id: `${b.id}${suffix}`,
      url: `https://${host}/${b.published.toISOString().slice(0, 10).replace(/-/g, '/')}/${slug(c.title)}-${b.id}${kind === 'revision' ? '-v2' : ''}`,
      title: c.title,
      text: c.paragraphs.join('\n\n'),
      published: published.toISOString(),
      lang: b.lang,
      group,
      story,
      kind,
      outlet: host,
    });
  };
  const variants = (b: Base, story: string, kind: EvalDoc['kind'] = 'original', group = story === b.id || kind === 'translation' ? b.id : story) => {
    const original: Copy = { title: b.title, paragraphs: b.paragraphs };
    emit(b, original, outletHost(b.outlet), kind, group, story, b.published, '');
    if (rand() < 0.45) return;
    const n = 1 + Math.floor(rand() * 3);
    for (let v = 0; v < n; v++) {
      const revision = v === 0 && rand() < 0.3;
      let copy = original;
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) copy = edit(copy, b.lang, Math.floor(rand() * 6), rand, all);
      const host = revision ? outletHost(b.outlet) : pick(SYNDICATORS[b.lang] ?? SYNDICATORS.en!, rand);
      const delay = Math.floor(rand() * 30) * 3_600_000;
      emit(b, copy, host, revision ? 'revision' : 'syndicated', group, story, new Date(b.published.getTime() + delay), `~${v + 1}`);
    }
  };
  // Wire corpora hold re-filed versions of one story: those bases are copies of each other, one group.
  const groupOf = copiesAmong(bases);
  for (const b of bases) variants(b, groupOf.get(b.id)!);
  for (const p of pairs) {
    variants(p.sr, p.sr.id);
    variants({ ...p.hr, published: new Date(p.hr.published.getTime() + 5 * 3_600_000) }, p.sr.id, 'translation');
    emit(p.srCyrl, { title: p.srCyrl.title, paragraphs: p.srCyrl.paragraphs }, outletHost(p.srCyrl.outlet), 'script', p.sr.id, p.sr.id, new Date(p.sr.published.getTime() + 2 * 3_600_000), '');
  }
  // The stream order: by time of publication, ties broken by id.
  return docs.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const docs = buildDedupeSet();
  mkdirSync(dirname(DEDUPE_SET), { recursive: true });
  writeFileSync(DEDUPE_SET, gzipSync(Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n') + '\n'), { level: 9 }));
  const by = (k: keyof EvalDoc) => Object.entries(docs.reduce<Record<string, number>>((m, d) => ((m[String(d[k])] = (m[String(d[k])] ?? 0) + 1), m), {}));
  console.log(`${docs.length} documents → ${DEDUPE_SET}`);
  console.log('by kind:', by('kind').map(([k, n]) => `${k} ${n}`).join(', '));
  console.log('by language:', by('lang').map(([k, n]) => `${k} ${n}`).join(', '));
}
