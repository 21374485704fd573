// A multinomial naive Bayes language classifier over hashed character
// n-grams (1–4, within word boundaries) and words. Trained by
// scripts/train-langid.ts; the weights ship in extractors/models/langid.bin.gz.
import { gunzipSync, gzipSync } from 'node:zlib';

export const BUCKETS = 1 << 18;
const SCALE = 1000; // log-probabilities are stored as Int16 thousandths

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed feature indices of a text (with repeats: they count). Hashes are computed in place, without substrings. */
export function features(text: string): number[] {
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

export class NaiveBayes {
  constructor(
    readonly labels: string[],
    /** Per label, BUCKETS log-probabilities in thousandths. */
    readonly weights: Int16Array[],
    readonly priors: number[],
  ) {}

  static train(examples: TrainingExample[], alpha = 0.1): NaiveBayes {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const counts = labels.map(() => new Float64Array(BUCKETS));
    const totals = labels.map(() => 0);
    const docs = labels.map(() => 0);
    for (const e of examples) {
      const k = labels.indexOf(e.label);
      docs[k]!++;
      for (const f of features(e.text)) {
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
    const priors = docs.map((d) => Math.log((d + 1) / (n + labels.length)) * 0.1);
    return new NaiveBayes(labels, weights, priors);
  }

  /** Labels with log-scores, best first. */
  scores(text: string, only?: Set<string>): { label: string; score: number }[] {
    return this.scoreFeatures(features(text), only);
  }

  private scoreFeatures(feats: number[], only?: Set<string>): { label: string; score: number }[] {
    const out: { label: string; score: number }[] = [];
    for (let k = 0; k < this.labels.length; k++) {
      const label = this.labels[k]!;
      if (only && !only.has(label)) continue;
      const w = this.weights[k]!;
      let s = this.priors[k]! * SCALE;
      for (const f of feats) s += w[f]!;
      out.push({ label, score: s / SCALE });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** The best label and a confidence from the softmax of the per-feature-normalised scores. */
  predict(text: string, only?: Set<string>): { label: string; confidence: number } | undefined {
    const feats = features(text);
    const s = this.scoreFeatures(feats, only);
    if (!s.length) return undefined;
    const n = Math.max(1, feats.length);
    // Scale by length so confidence does not saturate on long texts; 4 sharpens per-feature differences.
    const exps = s.map((x) => Math.exp(((x.score - s[0]!.score) / n) * 4 * Math.sqrt(n)));
    const z = exps.reduce((a, b) => a + b, 0);
    return { label: s[0]!.label, confidence: exps[0]! / z };
  }

  serialize(): Buffer {
    const header = Buffer.from(JSON.stringify({ labels: this.labels, priors: this.priors, buckets: BUCKETS }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const body = Buffer.concat(this.weights.map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength)));
    return gzipSync(Buffer.concat([len, header, body]), { level: 9 });
  }

  static deserialize(gz: Buffer): NaiveBayes {
    const raw = gunzipSync(gz);
    const hlen = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + hlen).toString('utf8')) as { labels: string[]; priors: number[]; buckets: number };
    if (header.buckets !== BUCKETS) throw new Error(`language model has ${header.buckets} buckets, this code expects ${BUCKETS}; retrain with npm run train:langid`);
    const body = raw.subarray(4 + hlen);
    const copy = new Uint8Array(body.length);
    copy.set(body);
    const weights = header.labels.map((_, k) => new Int16Array(copy.buffer, k * BUCKETS * 2, BUCKETS));
    return new NaiveBayes(header.labels, weights, header.priors);
  }
}

