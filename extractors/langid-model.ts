// Multinomial naive Bayes language classifiers over hashed features, of two kinds:
// - 'general': character n-grams (1–4, within words) and words; tells Ruta's
//   languages apart (extractors/models/langid.bin.gz);
// - 'bcms': character n-grams (1–5, across word boundaries), words, word pairs and
//   the marker categories of bcms-markers.ts; tells Bosnian, Croatian and Serbian
//   in Latin script apart (extractors/models/langid-bcms.bin.gz).
// Both are trained by scripts/train-langid.ts.
import { gunzipSync, gzipSync } from 'node:zlib';
import { markerCategories } from './bcms-markers.js';

export type FeatureKind = 'general' | 'bcms';
const KIND_BUCKETS: Record<FeatureKind, number> = { general: 1 << 18, bcms: 1 << 19 };
const SCALE = 1000; // log-probabilities are stored as Int16 thousandths
/** How many times a marker category counts, against some 1,000 n-grams per sentence. */
const MARKER_WEIGHT = 50;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Features of the BCMS model: n-grams across word boundaries (digits folded), words, word pairs, marker categories. */
function bcmsFeatures(text: string): number[] {
  const buckets = KIND_BUCKETS.bcms;
  const out: number[] = [];
  const words = text.toLowerCase().replace(/\d+/g, '0').match(/[\p{L}\p{M}]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(fnv1a(`w:${w}`) % buckets);
    if (i) out.push(fnv1a(`b:${words[i - 1]} ${w}`) % buckets);
    for (const cat of markerCategories(w)) {
      const f = fnv1a(`m:${cat}`) % buckets;
      for (let k = 0; k < MARKER_WEIGHT; k++) out.push(f);
    }
  }
  const line = ` ${words.join(' ')} `;
  for (let i = 0; i < line.length; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= 5 && i + n <= line.length; n++) {
      h ^= line.charCodeAt(i + n - 1);
      h = Math.imul(h, 0x01000193);
      out.push((Math.imul(h ^ n, 0x01000193) >>> 0) % buckets);
    }
  }
  return out;
}

function featuresOf(kind: FeatureKind, text: string): number[] {
  return kind === 'bcms' ? bcmsFeatures(text) : features(text);
}

/** Hashed feature indices of a text for the general model (with repeats: they count). Hashes are computed in place, without substrings. */
export function features(text: string): number[] {
  const BUCKETS = KIND_BUCKETS.general;
  const out: number[] = [];
  const words = text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  for (const w of words) {
    out.push(fnv1a(`w:${w}`) % BUCKETS);
    const padded = ` ${w} `;
    const len = padded.length;
    for (let i = 0; i < len; i++) {
      let h = 0x811c9dc5;
      for (let n = 1; n <= 4 && i + n <= len; n++) {
        h ^= padded.charCodeAt(i + n - 1);
        h = Math.imul(h, 0x01000193);
        if (n === 1 && padded.charCodeAt(i) === 32) continue;
        out.push((h >>> 0) % BUCKETS);
      }
    }
  }
  return out;
}

export interface TrainingExample {
  text: string;
  label: string;
}

export interface TrainOptions {
  /** Additive smoothing. */
  alpha?: number;
  kind?: FeatureKind;
}

export class NaiveBayes {
  /**
   * Log-probabilities in thousandths, bucket by bucket, each bucket's labels side by side: a
   * feature's scores for every label are one read (per-label arrays cost a cache miss per label).
   */
  private readonly byBucket: Int16Array;

  constructor(
    readonly labels: string[],
    /** Per label, one log-probability per bucket, in thousandths (or the interleaved table itself). */
    weights: Int16Array[] | Int16Array,
    readonly priors: number[],
    readonly kind: FeatureKind = 'general',
  ) {
    if (weights instanceof Int16Array) this.byBucket = weights;
    else {
      const L = labels.length;
      this.byBucket = new Int16Array(KIND_BUCKETS[kind] * L);
      weights.forEach((w, k) => {
        for (let f = 0; f < w.length; f++) this.byBucket[f * L + k] = w[f]!;
      });
    }
  }

  /** One label's log-probability per bucket (for serialising). */
  private labelWeights(k: number): Int16Array {
    const L = this.labels.length;
    const w = new Int16Array(KIND_BUCKETS[this.kind]);
    for (let f = 0; f < w.length; f++) w[f] = this.byBucket[f * L + k]!;
    return w;
  }

  static train(examples: TrainingExample[], options: TrainOptions = {}): NaiveBayes {
    const kind = options.kind ?? 'general';
    const alpha = options.alpha ?? (kind === 'bcms' ? 0.01 : 0.1);
    const BUCKETS = KIND_BUCKETS[kind];
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const counts = labels.map(() => new Float64Array(BUCKETS));
    const totals = labels.map(() => 0);
    const docs = labels.map(() => 0);
    for (const e of examples) {
      const k = labels.indexOf(e.label);
      docs[k]!++;
      for (const f of featuresOf(kind, e.text)) {
        counts[k]![f]!++;
        totals[k]!++;
      }
    }
    const weights = labels.map((_, k) => {
      const w = new Int16Array(BUCKETS);
      const denom = Math.log(totals[k]! + alpha * BUCKETS);
      for (let f = 0; f < BUCKETS; f++) w[f] = Math.max(-32768, Math.round((Math.log(counts[k]![f]! + alpha) - denom) * SCALE));
      return w;
    });
    const n = examples.length;
    // Priors are flattened: the training mix says little about what a source will publish.
    // The BCMS model is trained on balanced classes and keeps flat priors.
    const priors = docs.map((d) => (kind === 'bcms' ? 0 : Math.log((d + 1) / (n + labels.length)) * 0.1));
    return new NaiveBayes(labels, weights, priors, kind);
  }

  /** Labels with log-scores, best first. */
  scores(text: string, only?: Set<string>): { label: string; score: number }[] {
    return this.scoreFeatures(featuresOf(this.kind, text), only);
  }

  private scoreFeatures(feats: number[], only?: Set<string>): { label: string; score: number }[] {
    const L = this.labels.length;
    const sums = new Float64Array(L);
    const table = this.byBucket;
    for (const f of feats) {
      const o = f * L;
      for (let k = 0; k < L; k++) sums[k]! += table[o + k]!;
    }
    const out: { label: string; score: number }[] = [];
    for (let k = 0; k < L; k++) {
      const label = this.labels[k]!;
      if (only && !only.has(label)) continue;
      out.push({ label, score: (this.priors[k]! * SCALE + sums[k]!) / SCALE });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** The best label and a confidence from the softmax of the per-feature-normalised scores. */
  predict(text: string, only?: Set<string>): { label: string; confidence: number } | undefined {
    const feats = featuresOf(this.kind, text);
    const s = this.scoreFeatures(feats, only);
    if (!s.length) return undefined;
    const n = Math.max(1, feats.length);
    // Scale by length so confidence does not saturate on long texts; 4 sharpens per-feature differences.
    const exps = s.map((x) => Math.exp(((x.score - s[0]!.score) / n) * 4 * Math.sqrt(n)));
    const z = exps.reduce((a, b) => a + b, 0);
    return { label: s[0]!.label, confidence: exps[0]! / z };
  }

  serialize(): Buffer {
    const header = Buffer.from(JSON.stringify({ labels: this.labels, priors: this.priors, buckets: KIND_BUCKETS[this.kind], kind: this.kind }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const body = Buffer.concat(this.labels.map((_, k) => this.labelWeights(k)).map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength)));
    return gzipSync(Buffer.concat([len, header, body]), { level: 9 });
  }

  static deserialize(gz: Buffer): NaiveBayes {
    const raw = gunzipSync(gz);
    const hlen = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + hlen).toString('utf8')) as { labels: string[]; priors: number[]; buckets: number; kind?: FeatureKind };
    const kind = header.kind ?? 'general';
    const BUCKETS = KIND_BUCKETS[kind];
    if (header.buckets !== BUCKETS) throw new Error(`language model has ${header.buckets} buckets, this code expects ${BUCKETS}; retrain with npm run train:langid`);
    // The file holds each label's weights in turn; the table in memory interleaves them.
    const body = raw.subarray(4 + hlen);
    const aligned = new Int16Array(body.length / 2);
    new Uint8Array(aligned.buffer).set(body);
    const L = header.labels.length;
    const table = new Int16Array(BUCKETS * L);
    for (let k = 0; k < L; k++) for (let f = 0, at = k * BUCKETS; f < BUCKETS; f++) table[f * L + k] = aligned[at + f]!;
    return new NaiveBayes(header.labels, table, header.priors, kind);
  }
}

