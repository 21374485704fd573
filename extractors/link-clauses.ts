// Clauses of contrast: one sentence that tells of two actors, each with its places.
import type { EntityMention } from './entities.js';

/**
 * A clause of contrast opens where a comma or semicolon stands before "while", "mientras", "dok",
 * "ndërsa", "додека" …, and after a semicolon: "The Škaljari clan relied on contacts in Peru, while
 * the Kavač clan developed ties to Ecuador" gives Peru to the Škaljari clan only.
 */
const CONTRAST = /(?:[,;]\s+(?:while|whereas|mientras(?: que)?|en tanto que|enquanto|dok|док|ndërsa|kurse|додека)|;)\s/giu;

/** Where each clause of contrast of a sentence starts (absolute offsets), after the first. */
function clauseStarts(sentence: { text: string; start: number }): number[] {
  const out: number[] = [];
  for (const m of sentence.text.matchAll(CONTRAST)) out.push(sentence.start + m.index! + m[0].length);
  return out;
}

/**
 * For sentences and their entities, a test: whether sentence s tells of actor b and place l only in
 * different clauses of contrast, each clause naming l naming another actor: the place is that actor's
 * ("… while the Kavač clan developed ties to Ecuador"), not one of "… dok je kolumbijski državljanin X
 * bio zadužen za kontakte u Kolumbiji".
 */
export function clausesOfContrast(
  sents: { text: string; start: number }[],
  inSentence: EntityMention[][],
  isActor: (m: EntityMention) => boolean,
): (s: number, b: string, l: string) => boolean {
  const clauses = sents.map(clauseStarts);
  const clauseOf = (m: EntityMention, s: number) => clauses[s]!.filter((c) => c <= m.start).length;
  return (s, b, l) => {
    if (!clauses[s]!.length) return false;
    const here = inSentence[s]!;
    const ofB = new Set(here.filter((x) => x.canonical === b).map((x) => clauseOf(x, s)));
    const ofL = new Set(here.filter((x) => x.canonical === l).map((x) => clauseOf(x, s)));
    if (!ofB.size || !ofL.size) return false;
    for (const c of ofL) {
      if (ofB.has(c)) return false;
      if (!here.some((x) => x.canonical !== b && isActor(x) && clauseOf(x, s) === c)) return false;
    }
    return true;
  };
}
