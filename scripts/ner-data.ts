// NER data in ../shared/eval/ner and the conlleval metric: exact-span F1 per
// type and micro-averaged over all chunks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NerGroup } from '../extractors/ner/tagger.js';
import { jsonl, SHARED } from './langid-data.js';

export interface NerRow {
  id: string;
  lang: string;
  script: string;
  tokens: string[];
  tags: string[];
}

export const NER_DIR = join(SHARED, 'eval', 'ner');

export function readNer(file: string): NerRow[] {
  const path = join(NER_DIR, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: the evaluation data lives in ../shared/eval (set RUTA_SHARED_DIR)`);
  return jsonl<NerRow>(path);
}

/** Training and dev files of each model. Serbian and Croatian SETimes share one model. */
export const NER_FILES: Record<NerGroup, { train: string[]; dev: { name: string; file: string }[] }> = {
  en: { train: ['en-conll2003-train.jsonl'], dev: [{ name: 'en', file: 'en-conll2003-dev.jsonl' }] },
  es: { train: ['es-conll2002-train.jsonl'], dev: [{ name: 'es', file: 'es-conll2002-dev.jsonl' }] },
  sh: {
    train: ['sr-setimes-train.jsonl', 'hr-setimes-train.jsonl'],
    dev: [
      { name: 'sr-Latn', file: 'sr-setimes-dev.jsonl' },
      { name: 'sr-Cyrl', file: 'sr-cyrl-setimes-dev.jsonl' },
      { name: 'hr', file: 'hr-setimes-dev.jsonl' },
    ],
  },
};

export interface Chunk {
  type: string;
  start: number;
  end: number; // exclusive
}

/** Chunks as conlleval reads them: an I-X after anything but X starts a chunk. */
export function chunks(tags: string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | undefined;
  tags.forEach((tag, i) => {
    const [bio, type = ''] = tag === 'O' ? ['O'] : [tag.slice(0, 1), tag.slice(2)];
    const continues = cur && bio === 'I' && cur.type === type;
    if (continues) {
      cur!.end = i + 1;
      return;
    }
    if (cur) out.push(cur);
    cur = bio === 'O' ? undefined : { type, start: i, end: i + 1 };
  });
  if (cur) out.push(cur);
  return out;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(c: Prf): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Per-type and overall ("ALL") counts of exact-span matches. */
export function score(gold: string[][], pred: string[][]): Map<string, Prf> {
  const out = new Map<string, Prf>();
  const get = (t: string) => {
    let c = out.get(t);
    if (!c) out.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  get('ALL');
  gold.forEach((g, s) => {
    const gc = chunks(g);
    const pc = chunks(pred[s]!);
    const key = (c: Chunk) => `${c.type}:${c.start}:${c.end}`;
    const gk = new Set(gc.map(key));
    const pk = new Set(pc.map(key));
    for (const c of pc) {
      const hit = gk.has(key(c));
      get(c.type)[hit ? 'tp' : 'fp']++;
      get('ALL')[hit ? 'tp' : 'fp']++;
    }
    for (const c of gc) {
      if (pk.has(key(c))) continue;
      get(c.type).fn++;
      get('ALL').fn++;
    }
  });
  return out;
}
