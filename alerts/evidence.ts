// The evidence quote for an alert: the sentence around an offset in the article.
import { sentences } from '../extractors/text-normalize.js';

const MAX_QUOTE = 400;

export function sentenceAt(text: string, offset: number): string {
  const s = sentences(text).find((x) => offset >= x.start && offset < x.end);
  const quote = (s?.text ?? text.slice(Math.max(0, offset - 150), offset + 250)).trim();
  return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote;
}

/** Where a sentence sits in the text, or null when the article no longer holds it. */
export function spanOf(text: string, sentence: string): [number, number] | null {
  const i = text.indexOf(sentence);
  return i < 0 ? null : [i, i + sentence.length];
}
