// Text in capitals ("UHAPŠEN MARKO ILIĆ U GVAJAKILU"): headlines and emphasis in Balkan and Latin
// American news. Names there look like any other word; with a known given name and the surname after it
// capitalised, and every other word in lowercase, they are names again.
import { givenName } from './given-names.js';
import { usualCasing } from './ner/names.js';

/** Three words in capitals in a row, anywhere: the quick test before the word-by-word one. */
const THREE_IN_CAPS = /(?:(?<![\p{L}\p{M}'’-])[\p{Lu}\p{M}'’-]{2,}[^\p{L}\p{M}'’-]+){2}[\p{Lu}\p{M}'’-]{2,}(?![\p{L}\p{M}])/u;
/** A word in capitals of two letters or more. */
const CAPS_WORD = /^[\p{Lu}\p{M}'’-]{2,}$/u;

/**
 * The text with each run of three or more words in capitals written in lowercase but for given names and
 * the surname after each ("uhapšen Marko Ilić u gvajakilu"), every character at its offset; undefined
 * when the text has no such run.
 */
export function recaseShouting(text: string, lang: string | undefined): string | undefined {
  if (!THREE_IN_CAPS.test(text)) return undefined;
  const words = [...text.matchAll(/[\p{L}\p{M}'’-]+/gu)];
  let out: string[] | undefined;
  let run: RegExpExecArray[] = [];
  const flush = () => {
    if (run.length >= 3) {
      out ??= text.split(''); // UTF-16 code units, as offsets count
      let afterGiven = false;
      for (const m of run) {
        const w = m[0]!;
        const lower = w.toLowerCase();
        const given = givenName(w, lang) !== undefined;
        // The surname: a word of three letters or more the language does not write in lowercase ("SAN DIEGO AT …").
        const surname = afterGiven && w.length >= 3 && usualCasing(lower, lang) !== 'L';
        const titled = given || surname ? w[0]! + lower.slice(1) : lower;
        afterGiven = given;
        // Only where lower-casing keeps the length (it always does for Latin and Cyrillic letters).
        if (titled.length === w.length) for (let k = 0; k < w.length; k++) out[m.index! + k] = titled[k]!;
      }
    }
    run = [];
  };
  for (const m of words) {
    if (CAPS_WORD.test(m[0]!)) run.push(m as RegExpExecArray);
    else flush();
  }
  flush();
  return out?.join('');
}
