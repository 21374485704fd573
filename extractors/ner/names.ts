// Names in running text: splits text into sentences and tokens the way the
// tagger was trained (words and punctuation apart), tags them, and returns
// PER, ORG, LOC and MISC spans as UTF-16 offsets into the text.
import { nerGroupOf, nerModel, tagDocumentTokens } from './tagger.js';
import { fold, sentences } from '../text-normalize.js';

export interface NameSpan {
  type: string;
  start: number;
  end: number;
}

/** Tokens as the training data has them: an English possessive or contraction is a token of its own ("Ecuador 's", "I 'm", as in CoNLL-2003). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-.][\p{L}\p{M}\p{N}]+|['’](?!(?:s|m|re|ve|ll|d)(?![\p{L}\p{M}\p{N}]))[\p{L}\p{M}\p{N}]+)*\.?|['’](?:s|m|re|ve|ll|d)(?![\p{L}\p{M}\p{N}])|[^\s\p{L}\p{M}\p{N}]/gu;

/** Macedonian reads through the Serbian–Croatian model after transliteration. */
function modelLang(lang: string | undefined): string | undefined {
  if (lang === 'mk') return 'sr';
  return nerGroupOf(lang) ? lang : undefined;
}

/** A sentence's tokens as the tagger's training data has them, with offsets from `at`. */
export function nerTokens(sentence: string, at = 0): { text: string; start: number; end: number }[] {
  const toks: { text: string; start: number; end: number }[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    let t = m[0];
    // A trailing period is the sentence's, except for initials and abbreviations ("Luka Ć.", "U.S.").
    if (t.length > 2 && t.endsWith('.') && !/^\p{Lu}(\.\p{Lu})*\.$/u.test(t)) t = t.slice(0, -1);
    toks.push({ text: t, start: at + m.index!, end: at + m.index! + t.length });
    if (t.length < m[0].length) toks.push({ text: '.', start: at + m.index! + t.length, end: at + m.index! + m[0].length });
  }
  return toks;
}

export function tagNames(text: string, lang: string | undefined): NameSpan[] {
  const l = modelLang(lang);
  if (!l) return [];
  const out: NameSpan[] = [];
  const doc: { text: string; start: number; end: number }[][] = [];
  for (const s of sentences(text)) {
    // Only sentences with a capitalised word after their first can hold a name the tagger would find.
    if (!/\s["“„«‘']?\p{Lu}/u.test(s.text) && !/^["“„«‘']?\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(s.text)) continue;
    doc.push(nerTokens(s.text, s.start));
  }
  // The sentences are tagged together: a name's other occurrences in the text inform each one.
  const tagged = tagDocumentTokens(
    doc.map((toks) => toks.map((t) => t.text)),
    l,
  );
  doc.forEach((toks, s) => {
    let cur: NameSpan | undefined;
    tagged[s]!.forEach((tag, i) => {
      const type = tag.slice(2);
      if (tag.startsWith('I-') && cur && cur.type === type) {
        cur.end = toks[i]!.end;
        return;
      }
      if (cur) out.push(cur);
      cur = tag === 'O' ? undefined : { type, start: toks[i]!.start, end: toks[i]!.end };
    });
    if (cur) out.push(cur);
  });
  return out;
}

/** How the tagger's training text usually writes a word inside a sentence: L (lowercase), C (capitalised), M (mixed) or U (never seen). */
export function usualCasing(word: string, lang: string | undefined): string {
  const group = nerGroupOf(modelLang(lang));
  return group ? nerModel(group).casing(fold(word)) : 'U';
}
