// The evidence quote for an alert: the sentence around an offset in the article.
import { sentences } from '../extractors/text-normalize.js';

const MAX_QUOTE = 400;

export function sentenceAt(text: string, offset: number): string {
  const s = sentences(text).find((x) => offset >= x.start && offset < x.end);
  const quote = (s?.text ?? text.slice(Math.max(0, offset - 150), offset + 250)).trim();
  return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote;
}

