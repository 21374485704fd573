// Exact-duplicate detection: a hash of the text with script, case,
// diacritics, punctuation and white space normalised away.
import { createHash } from 'node:crypto';
import { fold } from '../extractors/text-normalize.js';

export function normalizedText(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizedText(text)).digest('hex');
}
