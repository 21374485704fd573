// Clauses of contrast and comparisons: one sentence that tells of two actors, each with its places.
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
 * A comparison that opens a sentence: "Like the Mexican cartels in Ecuador, …", "Unlike the Škaljari
 * clan, which buys in Colombia, …", "Al igual que", "A diferencia de", "Za razliku od", "Kao i", "Poput",
 * "Ndryshe nga", "Ashtu si", "За разлика од", "Како и". Inside a sentence these words list examples
 * ("balkanski klanovi, poput kavačkog, …", "Ilić, kao i Vasić, uhapšen je …"): no comparison.
 */
const COMPARISON = /^\s*["“„«]?(?:(?:just )?like|unlike|as with|similar to|al igual que|a diferencia de|ao contrário d[aeo]s?|assim como|za razliku od|kao i|poput|slično kao|ndryshe nga|ashtu si|njësoj si|за разлика од|за разлику од|како и|као и|попут|исто како)\s/giu;
/** A comma that goes on with the comparison: a relative clause follows ("Unlike the Škaljari clan, which …"). */
const GOES_ON = /^,\s+(?:which|who|whose|que|quien|cuy\p{L}+|el cual|la cual|koj\p{L}*|čij\p{L}*|që|i cili|e cila|të cilit|кој\p{L}*|кои|што|чиј\p{L}*)\s/iu;

/** The comparisons of a sentence, as absolute [start, end) spans: from the opener to the comma that ends it. */
function comparisons(sentence: { text: string; start: number }): [number, number][] {
  const out: [number, number][] = [];
  for (const m of sentence.text.matchAll(COMPARISON)) {
    let end = m.index! + m[0].length;
    for (;;) {
      const comma = sentence.text.indexOf(',', end);
      if (comma < 0) {
        end = -1;
        break;
      }
      end = comma;
      if (!GOES_ON.test(sentence.text.slice(comma))) break;
      end = comma + 1;
    }
    // A comparison that runs to the sentence's end is its main clause ("…, like the Kavač clan"): no split.
    if (end > 0) out.push([sentence.start + m.index!, sentence.start + end]);
  }
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
  const compared = sents.map(comparisons);
  // Which comparison of sentence s a mention stands in (-1: the main clause).
  const spanOf = (m: EntityMention, s: number) => compared[s]!.findIndex(([a, z]) => m.start >= a && m.start < z);
  return (s, b, l) => {
    const here = inSentence[s]!;
    // A place in a comparison is the compared one's; the main clause's place is not the compared actor's.
    if (compared[s]!.length) {
      const ofB = here.filter((x) => x.canonical === b).map((x) => spanOf(x, s));
      const ofL = here.filter((x) => x.canonical === l).map((x) => spanOf(x, s));
      if (ofB.length && ofL.length && !ofL.some((k) => ofB.includes(k))) return true;
    }
    if (!clauses[s]!.length) return false;
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
