// Near-duplicate fingerprints: MinHash over word shingles, with LSH banding so
// that candidates are found by index lookups, never by comparing against
// every stored article.
import { normalizedText } from './content-hash.js';

/** Words per shingle. */
export const SHINGLE = 4;
/** Hash functions in a signature: BANDS bands of ROWS rows. */
export const BANDS = 32;
export const ROWS = 3;
export const PERMUTATIONS = BANDS * ROWS;

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A strong 32-bit mixer (murmur3's finaliser), used to make the permutations. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Distinct hashes of the text's word shingles (folded, script and diacritics removed). */
export function shingleHashes(text: string): Uint32Array {
  const words = normalizedText(text).split(' ').filter(Boolean);
  const set = new Set<number>();
  if (words.length > 0 && words.length < SHINGLE) set.add(fnv1a(words.join(' ')));
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return Uint32Array.from(set);
}

/** The MinHash signature of a shingle set. An empty set gets all-ones, which matches nothing real. */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < PERMUTATIONS; i++) {
      const h = mix(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * One key per band: the band's index and rows hashed into a 52-bit integer,
 * exact in a JavaScript number and in an SQLite INTEGER.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x811c9dc5 ^ b;
    let h2 = mix(b + 1);
    for (let r = 0; r < ROWS; r++) {
      const v = sig[b * ROWS + r]!;
      h1 = Math.imul(h1 ^ v, 0x01000193) >>> 0;
      h2 = mix(h2 ^ v);
    }
    keys.push((h1 >>> 0) * 0x100000 + (h2 >>> 12));
  }
  return keys;
}

/**
 * Near-duplicates are looked for among articles of the same or an adjacent
 * week (by publication, else first sighting): copies and rewrites of news
 * appear within days, and exact copies of any age are still caught by their
 * content hash. Stored band keys carry the week in their high bits, so one
 * week's keys sit together in the index: writes touch a small, warm part of it
 * however large the archive grows.
 */
export const NEAR_BUCKET_MS = 7 * 86_400_000;
const LOW_BITS = 2 ** 40;

export function nearBucket(at: Date): number {
  return Math.floor(at.getTime() / NEAR_BUCKET_MS);
}

/** The band keys as stored for an article of this week bucket. */
export function bucketKeys(bands: number[], bucket: number): number[] {
  return bands.map((k) => bucket * LOW_BITS + (k % LOW_BITS));
}

/** The stored keys to look up for an article at this time: its week and the weeks either side. */
export function lookupKeys(bands: number[], at: Date): number[] {
  const w = nearBucket(at);
  return [...bucketKeys(bands, w - 1), ...bucketKeys(bands, w), ...bucketKeys(bands, w + 1)];
}

/** Estimated Jaccard similarity of two shingle sets from their signatures. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / PERMUTATIONS;
}

/**
 * Estimated containment of the smaller set in the larger, from the Jaccard
 * estimate and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
 */
export function containment(j: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  return Math.min(1, (j * (sizeA + sizeB)) / (1 + j) / small);
}

/** Signatures travel and rest as little-endian bytes. */
export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf;
}

export function signatureFromBytes(buf: Uint8Array): Uint32Array {
  if (buf.length !== PERMUTATIONS * 4) throw new Error(`a MinHash signature has ${PERMUTATIONS * 4} bytes, not ${buf.length}`);
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  return Uint32Array.from({ length: PERMUTATIONS }, (_, i) => b.readUInt32LE(i * 4));
}
