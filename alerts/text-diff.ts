// What changed between two versions of a page's text, word by word (jsdiff):
// for the "page-changed" alert (how much, what is newly named) and for the
// stored copy's earlier versions.
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface TextChange {
  /** The parts in order, or null when the texts are too far apart to compare in time (a rewrite). */
  parts: DiffPart[] | null;
  addedWords: number;
  removedWords: number;
  /** Where the new text gained words: [start, end) offsets (UTF-16) into the new text. */
  addedRanges: [number, number][];
  /** The first removed passage, for a change that only takes text out. */
  firstRemoved: string | null;
}

/** Longest text compared word by word; beyond it, and past the time limit, a change is a rewrite. */
const MAX_CHARS = 300_000;
const TIMEOUT_MS = 300;

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export function textChange(before: string, after: string): TextChange {
  const parts = before.length + after.length <= MAX_CHARS ? (diffWordsWithSpace(before, after, { timeout: TIMEOUT_MS }) as DiffPart[] | undefined) : undefined;
  if (!parts) return { parts: null, addedWords: words(after), removedWords: words(before), addedRanges: after ? [[0, after.length]] : [], firstRemoved: before.slice(0, 300) || null };
  const addedRanges: [number, number][] = [];
  let at = 0;
  let addedWords = 0;
  let removedWords = 0;
  let firstRemoved: string | null = null;
  for (const p of parts) {
    if (p.removed) {
      removedWords += words(p.value);
      if (firstRemoved === null && words(p.value)) firstRemoved = p.value.trim();
      continue;
    }
    if (p.added) {
      addedWords += words(p.value);
      if (words(p.value)) addedRanges.push([at, at + p.value.length]);
    }
    at += p.value.length;
  }
  return { parts, addedWords, removedWords, addedRanges, firstRemoved };
}
