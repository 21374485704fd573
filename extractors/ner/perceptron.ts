// A first-order structured averaged perceptron over hashed features, decoded
// with Viterbi under BIO2 constraints; training (scripts/train-ner.ts) updates
// on the best path, as decoding finds it. A stacked second stage reads the
// first stage's tags (features.ts, historyFeatures).
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseCasing, type CasingCounts, type CasingLookup } from './casing.js';
import { FrozenLexicon, NameLexicon } from './lexicon.js';
import { allowed, contextFeatures, documentFeatures, historyFeatures, occurrences, hashFrom, N_TAGS, prepare, staticFeatures, T_PREV, T_SHAPE, T_WORD, tagFeatures, TAGS, wordFeatures, wordKey, type GazetteerLookup, type PreparedToken } from './features.js';

const MAGIC = 'RUTANER1';
const WORD_CACHE = 50_000;
/** Words (and shapes) whose transition rows a model keeps; each row set is 180 bytes. */
const TRANSITION_CACHE = 10_000;
const NO_TRANSITIONS = new Int16Array((N_TAGS + 1) * N_TAGS);

/**
 * Weights as int16 with one scale for the whole model, as they ship: half
 * the memory of float32, and scores summed in these integer units pick the
 * same tags (every score of a model shares the scale).
 */
function quantize(weights: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? 32767 / max : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! * scale);
  return { q, scale };
}

export interface Sentence {
  tokens: string[];
  tags: string[];
  script?: string;
  /** Consecutive sentences with the same doc form a document (see documentFeatures); none: the sentence stands alone. */
  doc?: string;
  /**
   * Its part of the training data (jackknifing): a sentence's name-lexicon
   * marks come from the other parts' names, as new text's come from names
   * seen in other documents. Without parts, no lexicon is learnt.
   */
  fold?: number;
}

/**
 * The documents in a list of sentences: [from, to) index ranges of consecutive
 * sentences with the same doc. A sentence without one stands alone.
 */
export function documentRuns(sentences: readonly { doc?: string }[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let a = 0; a < sentences.length; ) {
    let b = a + 1;
    while (b < sentences.length && sentences[b]!.doc !== undefined && sentences[b]!.doc === sentences[a]!.doc) b++;
    runs.push([a, b]);
    a = b;
  }
  return runs;
}

/**
 * Feature key → weight row, as an open-addressing table in typed arrays: the
 * keys are 32-bit hashes, which a Map would store as heap numbers, and this
 * lookup is most of the tagger's time.
 */
class RowIndex {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  readonly size: number;

  constructor(entries: Iterable<[number, number]>, count: number) {
    this.size = count;
    let size = 16;
    while (size < count * 1.5) size <<= 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const [key, row] of entries) {
      let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
      while (this.rows[i]! >= 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.rows[i] = row;
    }
  }

  /** Every key and its row. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.rows.length; i++) if (this.rows[i]! >= 0) yield [this.keys[i]!, this.rows[i]!];
  }

  /** The row of a key, or -1. */
  get(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const r = this.rows[i]!;
      if (r < 0 || this.keys[i] === key) return r;
      i = (i + 1) & this.mask;
    }
  }
}

/** Weights frozen for tagging: one row of N_TAGS scores per feature key. */
export class NerModel {
  private readonly index: RowIndex;
  /** Scores of words' own features, by word (cleared when full). */
  private readonly wordCache = new Map<string, Float64Array>();
  /** Scores of "previous tag is j" alone, one row per previous tag (j = -1 first). */
  private readonly prevScores: Float64Array;
  /** Transition scores by word and by shape (see transitionRows). */
  private readonly transCache = new Map<string, Int16Array>();
  private readonly shapeCache = new Map<string, Int16Array>();

  constructor(
    /** Feature key → row of weights (a Map, or any iterable of pairs with its size). */
    rows: Iterable<[number, number]> & { readonly size: number },
    /** Rows of N_TAGS int16 weights (see quantize); scores are in units of 1/scale. */
    private readonly weights: Int16Array,
    readonly scale: number,
    readonly meta: Record<string, unknown> = {},
    /** Usual casing of words, learnt from the training text; shipped with the weights. */
    readonly casingText = '',
    /** Names the training data tagged (lexicon.ts); shipped with the weights. */
    readonly lexiconText = '',
  ) {
    this.casing = parseCasing(casingText);
    this.lexicon = lexiconText ? FrozenLexicon.parse(lexiconText) : undefined;
    this.index = new RowIndex(rows, rows.size);
    this.prevScores = new Float64Array((N_TAGS + 1) * N_TAGS);
    for (let j = -1; j < N_TAGS; j++) this.addScores(this.prevScores, [T_PREV[j + 1]!], (j + 1) * N_TAGS);
  }

  readonly casing: CasingLookup;
  readonly lexicon?: FrozenLexicon;

  get featureCount(): number {
    return this.index.size;
  }

  /**
   * The mean of models trained the same way on differently shuffled data
   * (their weights, feature by feature): one model, as fast as each, that
   * varies less with the shuffle, with the given meta and the first model's
   * casing and lexicon.
   */
  static mean(models: NerModel[], meta: Record<string, unknown> = {}): NerModel {
    const sums = new Map<number, Float64Array>();
    for (const m of models) {
      for (const [key, row] of m.index.entries()) {
        let acc = sums.get(key);
        if (!acc) sums.set(key, (acc = new Float64Array(N_TAGS)));
        for (let k = 0; k < N_TAGS; k++) acc[k]! += m.weights[row * N_TAGS + k]! / m.scale / models.length;
      }
    }
    const keys = [...sums.keys()].sort((a, b) => a - b);
    const rows = new Map(keys.map((key, i) => [key, i]));
    const weights = new Float32Array(keys.length * N_TAGS);
    keys.forEach((key, i) => weights.set(sums.get(key)!, i * N_TAGS));
    const { q, scale } = quantize(weights);
    const first = models[0]!;
    return new NerModel(rows, q, scale, meta, first.casingText, first.lexiconText);
  }

  /**
   * The second stage, when the model is stacked: it reads this model's tags
   * of the whole document (historyFeatures) and gives the final ones.
   */
  second?: NerModel;

  /** Tags one sentence from its tokens' context feature keys (computed once for both stages) and extra features. */
  private tagWith(toks: PreparedToken[], context: number[][], extra?: number[][]): string[] {
    const n = toks.length;
    if (!n) return [];
    // Emission scores once per token; transitions from the previous tag, its word and shape pairs.
    const emit = new Float64Array(n * N_TAGS);
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      const key = wordKey(t);
      let word = this.wordCache.get(key);
      if (!word) {
        word = new Float64Array(N_TAGS);
        this.addScores(word, wordFeatures(t));
        if (this.wordCache.size >= WORD_CACHE) this.wordCache.clear();
        this.wordCache.set(key, word);
      }
      emit.set(word, i * N_TAGS);
      this.addScores(emit, context[i]!, i * N_TAGS);
      if (extra) this.addScores(emit, extra[i]!, i * N_TAGS);
    }
    const byWord = toks.map((t) => this.transitionRows(this.transCache, t.lower, T_WORD));
    const byShape = toks.map((t) => this.transitionRows(this.shapeCache, t.shape, T_SHAPE));
    return decode(n, emit, (i, j, out) => {
      const o = (j + 1) * N_TAGS;
      const w = byWord[i]!;
      const sh = byShape[i]!;
      for (let k = 0; k < N_TAGS; k++) out[k] = this.prevScores[o + k]! + w[o + k]! + sh[o + k]!;
    }).map((k) => TAGS[k]!);
  }

  /** Scores of "previous tag is j and this word (or shape) is v", one row per previous tag, cached by v. */
  private transitionRows(cache: Map<string, Int16Array>, v: string, prefixes: number[]): Int16Array {
    let rows = cache.get(v);
    if (!rows) {
      const sums = new Float64Array((N_TAGS + 1) * N_TAGS);
      let found = false;
      for (let j = -1; j < N_TAGS; j++) found = this.addRow(sums, hashFrom(prefixes[j + 1]!, v), (j + 1) * N_TAGS) || found;
      // Each entry is one int16 weight, so int16 storage is exact; most words have none and share a row of zeros.
      rows = found ? Int16Array.from(sums) : NO_TRANSITIONS;
      if (cache.size >= TRANSITION_CACHE) cache.clear();
      cache.set(v, rows);
    }
    return rows;
  }

  tag(tokens: string[], script = 'Latn', gazetteer?: GazetteerLookup): string[] {
    return this.tagDocument([{ tokens, script }], gazetteer)[0]!;
  }

  /**
   * Tags the sentences of one document, in order: each token also sees its
   * word's other occurrences in nearby sentences, and, in a stacked model, the
   * first stage's tags of them.
   */
  tagDocument(sentences: { tokens: string[]; script?: string }[], gazetteer?: GazetteerLookup): string[][] {
    const prepared = sentences.map((s) => prepare(s.tokens, gazetteer, this.casing));
    if (this.lexicon) for (const toks of prepared) this.lexicon.mark(toks);
    const occ = occurrences(prepared);
    const docFeats = documentFeatures(prepared, occ);
    const context = prepared.map((toks, s) => toks.map((_, i) => contextFeatures(toks, i, sentences[s]!.script ?? 'Latn')));
    const first = prepared.map((toks, s) => this.tagWith(toks, context[s]!, docFeats[s]));
    const second = this.second;
    if (!second) return first;
    const history = historyFeatures(first, occ, prepared);
    return prepared.map((toks, s) => second.tagWith(toks, context[s]!, docFeats[s]!.map((d, i) => [...d, ...history[s]![i]!])));
  }

  /** Adds a feature's weights to scores[at…]; false when the model does not know the feature. */
  private addRow(scores: Float64Array, key: number, at = 0): boolean {
    const row = this.index.get(key);
    if (row < 0) return false;
    const w = this.weights;
    const o = row * N_TAGS;
    for (let k = 0; k < N_TAGS; k++) scores[at + k]! += w[o + k]!;
    return true;
  }

  private addScores(scores: Float64Array, feats: number[], at = 0): void {
    for (const f of feats) this.addRow(scores, f, at);
  }

  /**
   * Compressed form: magic, JSON meta, casing table, name lexicon, keys (u32),
   * int16 weights with one scale. `bare` leaves out the casing table and the
   * lexicon, as for a second stage (it reads the tokens its first stage prepared).
   */
  serialize(options: { bare?: boolean } = {}): Buffer {
    const n = this.index.size;
    const keys = new Uint32Array(n);
    const q = new Int16Array(n * N_TAGS);
    // Rows in key order, so the same weights always give the same bytes.
    const entries = [...this.index.entries()].sort((a, b) => a[0] - b[0]);
    entries.forEach(([key, row], i) => {
      keys[i] = key;
      q.set(this.weights.subarray(row * N_TAGS, (row + 1) * N_TAGS), i * N_TAGS);
    });
    const casing = Buffer.from(options.bare ? '' : this.casingText, 'utf8');
    const lexicon = Buffer.from(options.bare ? '' : this.lexiconText, 'utf8');
    const meta = Buffer.from(JSON.stringify({ ...this.meta, scale: this.scale, tags: TAGS, n, casingBytes: casing.length, lexiconBytes: lexicon.length }), 'utf8');
    const head = Buffer.alloc(MAGIC.length + 4);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(meta.length, MAGIC.length);
    // Delta-coded keys and byte-planed weights compress far better.
    const deltas = new Uint32Array(n);
    for (let i = 0; i < n; i++) deltas[i] = keys[i]! - (i ? keys[i - 1]! : 0);
    const lo = new Uint8Array(q.length);
    const hi = new Uint8Array(q.length);
    for (let i = 0; i < q.length; i++) {
      lo[i] = q[i]! & 0xff;
      hi[i] = (q[i]! >> 8) & 0xff;
    }
    return gzipSync(Buffer.concat([head, meta, casing, lexicon, Buffer.from(deltas.buffer), Buffer.from(hi), Buffer.from(lo)]), { level: 9 });
  }

  static deserialize(gz: Buffer): NerModel {
    const buf = gunzipSync(gz);
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a Ruta NER model (bad magic)');
    const metaLen = buf.readUInt32LE(MAGIC.length);
    let o = MAGIC.length + 4;
    const meta = JSON.parse(buf.toString('utf8', o, o + metaLen)) as { scale: number; tags: string[]; n: number; casingBytes: number; lexiconBytes?: number };
    o += metaLen;
    const casingText = buf.toString('utf8', o, o + meta.casingBytes);
    o += meta.casingBytes;
    const lexiconText = buf.toString('utf8', o, o + (meta.lexiconBytes ?? 0));
    o += meta.lexiconBytes ?? 0;
    if (meta.tags.join() !== TAGS.join()) throw new Error('NER model was trained with a different tag set');
    const n = meta.n;
    const weights = new Int16Array(n * N_TAGS);
    // Keys are read straight into the row index: no Map of every feature in between.
    const keysAt = o;
    const rows = {
      size: n,
      *[Symbol.iterator](): Generator<[number, number]> {
        let key = 0;
        for (let i = 0; i < n; i++) {
          key = (key + buf.readUInt32LE(keysAt + i * 4)) >>> 0;
          yield [key, i];
        }
      },
    };
    o += n * 4;
    const hi = o;
    const lo = o + n * N_TAGS;
    for (let i = 0; i < n * N_TAGS; i++) {
      const v = (buf[hi + i]! << 8) | buf[lo + i]!;
      weights[i] = v << 16 >> 16;
    }
    return new NerModel(rows, weights, meta.scale, meta, casingText, lexiconText);
  }
}

type Scorer = (feats: number[], out: Float64Array) => void;

/** The best BIO2-valid tag sequence under a first-order model (indices into TAGS), scoring features as it goes (training). */
export function viterbi(toks: PreparedToken[], statics: number[][], score: Scorer): number[] {
  const n = toks.length;
  if (!n) return [];
  const emit = new Float64Array(n * N_TAGS);
  for (let i = 0; i < n; i++) score(statics[i]!, emit.subarray(i * N_TAGS, (i + 1) * N_TAGS));
  return decode(n, emit, (i, j, out) => {
    out.fill(0);
    score(tagFeatures(toks, i, j), out);
  });
}

/**
 * Viterbi over n tokens: emission scores (n × N_TAGS) and a transition scorer
 * that fills `out` with the scores of moving from tag j (-1 before the
 * sentence) into token i.
 */
function decode(n: number, emit: Float64Array, transition: (i: number, j: number, out: Float64Array) => void): number[] {
  if (!n) return [];
  const delta = new Float64Array(n * N_TAGS).fill(-Infinity);
  const back = new Int8Array(n * N_TAGS);
  const trans = new Float64Array(N_TAGS);
  for (let i = 0; i < n; i++) {
    for (let j = i === 0 ? -1 : 0; j < (i === 0 ? 0 : N_TAGS); j++) {
      const base = j < 0 ? 0 : delta[(i - 1) * N_TAGS + j]!;
      if (base === -Infinity) continue;
      transition(i, j, trans);
      for (let k = 0; k < N_TAGS; k++) {
        if (!allowed(j, k)) continue;
        const v = base + trans[k]! + emit[i * N_TAGS + k]!;
        if (v > delta[i * N_TAGS + k]!) {
          delta[i * N_TAGS + k] = v;
          back[i * N_TAGS + k] = j;
        }
      }
    }
  }
  return backtrack(delta, back, n);
}

function backtrack(delta: Float64Array, back: Int8Array, n: number): number[] {
  let best = 0;
  for (let k = 1; k < N_TAGS; k++) if (delta[(n - 1) * N_TAGS + k]! > delta[(n - 1) * N_TAGS + best]!) best = k;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    best = back[i * N_TAGS + best]!;
  }
  return out;
}

/** Deterministic PRNG (mulberry32) for shuffling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PreparedSentence {
  toks: PreparedToken[];
  gold: number[];
  script: string;
  statics: number[][];
}

/** Averaged perceptron training with lazy averaging. */
export class PerceptronTrainer {
  private rows = new Map<number, number>();
  private w = new Float64Array(1 << 16);
  private totals = new Float64Array(1 << 16);
  private stamps = new Float64Array(1 << 16);
  private step = 0;
  private data: PreparedSentence[];
  /** What every model of this trainer ships: the casing table and the name lexicon, which training does not change. */
  private readonly casingText: string;
  private lexiconText = '';

  /**
   * `firstStage`, for a second-stage trainer: the first stage's tags of every
   * sentence, predicted by models that did not train on it (jackknifing).
   */
  constructor(
    sentences: Sentence[],
    gazetteer?: GazetteerLookup,
    private readonly casing?: CasingCounts,
    firstStage?: string[][],
  ) {
    this.casingText = casing?.serialize() ?? '';
    const index = new Map<string, number>(TAGS.map((t, i) => [t, i]));
    // Leave-one-out: a training sentence sees casing counts without its own words, as new text will.
    const prepared = sentences.map((s) => prepare(s.tokens, gazetteer, casing?.without(s.tokens)));
    const folds = [...new Set(sentences.map((s) => s.fold).filter((f) => f !== undefined))].sort((a, b) => a - b);
    if (folds.length > 1) {
      const all = new NameLexicon();
      prepared.forEach((toks, si) => all.add(toks, sentences[si]!.tags));
      this.lexiconText = all.frozen().serialize();
      for (const fold of folds) {
        const others = new NameLexicon();
        prepared.forEach((toks, si) => {
          if (sentences[si]!.fold !== fold) others.add(toks, sentences[si]!.tags);
        });
        const frozen = others.frozen();
        prepared.forEach((toks, si) => {
          if (sentences[si]!.fold === fold) frozen.mark(toks);
        });
      }
    }
    const docFeats: number[][][] = [];
    for (const [a, b] of documentRuns(sentences)) {
      const doc = prepared.slice(a, b);
      const occ = occurrences(doc);
      const feats = documentFeatures(doc, occ);
      if (firstStage) {
        const history = historyFeatures(firstStage.slice(a, b), occ, doc);
        docFeats.push(...feats.map((sf, s) => sf.map((tf, i) => [...tf, ...history[s]![i]!])));
      } else docFeats.push(...feats);
    }
    this.data = sentences.map((s, si) => {
      const toks = prepared[si]!;
      const script = s.script ?? 'Latn';
      return {
        toks,
        script,
        gold: s.tags.map((t) => {
          const k = index.get(t);
          if (k === undefined) throw new Error(`unknown tag ${t}`);
          return k;
        }),
        statics: toks.map((_, i) => [...staticFeatures(toks, i, script), ...docFeats[si]![i]!]),
      };
    });
  }

  private row(key: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.rows.size;
      this.rows.set(key, r);
      const need = (r + 1) * N_TAGS;
      if (need > this.w.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.w = grow(this.w);
        this.totals = grow(this.totals);
        this.stamps = grow(this.stamps);
      }
    }
    return r;
  }

  private update(key: number, tag: number, delta: number): void {
    const i = this.row(key) * N_TAGS + tag;
    this.totals[i]! += (this.step - this.stamps[i]!) * this.w[i]!;
    this.stamps[i] = this.step;
    this.w[i]! += delta;
  }

  /** Forgets every weight, to train again from zero on the same prepared data (see NerModel.mean). */
  restart(): void {
    this.rows = new Map();
    this.w = new Float64Array(1 << 16);
    this.totals = new Float64Array(1 << 16);
    this.stamps = new Float64Array(1 << 16);
    this.step = 0;
  }

  /** One pass over the data in a seeded order; returns the token accuracy of the pass. */
  epoch(random: () => number): number {
    const order = this.data.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0;
    let total = 0;
    const score: Scorer = (feats, out) => {
      for (const f of feats) {
        const r = this.rows.get(f);
        if (r === undefined) continue;
        for (let k = 0; k < N_TAGS; k++) out[k]! += this.w[r * N_TAGS + k]!;
      }
    };
    for (const si of order) {
      const s = this.data[si]!;
      this.step++;
      const guess = viterbi(s.toks, s.statics, score);
      for (let i = 0; i < s.toks.length; i++) {
        const g = s.gold[i]!;
        const p = guess[i]!;
        const gp = i ? s.gold[i - 1]! : -1;
        const pp = i ? guess[i - 1]! : -1;
        total++;
        if (g === p) correct++;
        if (g !== p) for (const f of s.statics[i]!) {
          this.update(f, g, 1);
          this.update(f, p, -1);
        }
        if (g !== p || gp !== pp) {
          for (const f of tagFeatures(s.toks, i, gp)) this.update(f, g, 1);
          for (const f of tagFeatures(s.toks, i, pp)) this.update(f, p, -1);
        }
      }
    }
    return total ? correct / total : 0;
  }

  /** The averaged weights, with features whose weights are all near zero dropped. */
  averaged(meta: Record<string, unknown> = {}, prune = 0.0): NerModel {
    const n = this.rows.size;
    const avg = new Float32Array(n * N_TAGS);
    for (let i = 0; i < n * N_TAGS; i++) {
      const total = this.totals[i]! + (this.step - this.stamps[i]!) * this.w[i]!;
      avg[i] = this.step ? total / this.step : 0;
    }
    const rows = new Map<number, number>();
    const kept: number[] = [];
    for (const [key, r] of this.rows) {
      let max = 0;
      for (let k = 0; k < N_TAGS; k++) max = Math.max(max, Math.abs(avg[r * N_TAGS + k]!));
      if (max > prune) {
        rows.set(key, kept.length);
        kept.push(r);
      }
    }
    const weights = new Float32Array(kept.length * N_TAGS);
    kept.forEach((r, i) => weights.set(avg.subarray(r * N_TAGS, (r + 1) * N_TAGS), i * N_TAGS));
    const { q, scale } = quantize(weights);
    return new NerModel(rows, q, scale, meta, this.casingText, this.lexiconText);
  }
}
