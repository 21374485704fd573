// Who is no party to the case an article reports, though it names him beside its places.
import type { EntityMention } from './entities.js';
import { nameToLatin } from './persons.js';
import { fold } from './text-normalize.js';
import { countBefore } from './sorted.js';
import { acquittalContext, arrestContext, creditAt, officeAfter, officeBefore, speechContext, suspectContext } from './context-words.js';

/**
 * Whose relative or neighbour someone is, right before a name, folded: "the nephew of", "sobrino de", "vecino de", "nipi i".
 * (Not the Slavic kin words: "brat Nikola Petrović" is the brother himself, and only the case says otherwise.)
 */
const KIN_OF =
  /(?<![\p{L}])(?:(?:nephew|niece|son|daughter|brother|sister|wife|husband|cousin|neighbou?r|father|mother|uncle|aunt|relative|in-law)s? of(?: the)?|(?:sobrin[oa]|hij[oa]|herman[oa]|espos[oa]|prim[oa]|vecin[oa]|padre|madre|ti[oa]|pariente|cunad[oa]|yerno|suegr[oa])s? de(?:l)?|(?:sobrinh[oa]|filh[oa]|irma[o]?|espos[oa]|vizinh[oa]|pai|mae)s? d[eoa]|(?:nipi|djali|vellai|motra|gruaja|bashkeshorti|kushiri|fqinji|babai|nena) (?:i|e))\s+$/u;

/**
 * The canonical names of people who are no party: the officials of the case (prosecutor, judge,
 * minister, lawyer), unless the text has them arrested and not speaking, and a co-defendant the court
 * acquitted, and the journalists of its byline or credits.
 */
export function nonParties(text: string, sents: { text: string; start: number; end: number }[], all: EntityMention[]): Set<string> {
  // The officials of a case (prosecutor, judge, minister, lawyer: "Specijalni tužilac Milorad Ristić saopštio je …",
  // "said Marko Ilić, an analyst at the Global Initiative")
  // are no party to it; one the text has arrested and not speaking ("Advokat X uhapšen je zbog pranja novca") is.
  // A mention's sentence by binary search, and each test of a sentence made once: a text of one endless
  // sentence naming thousands of people stays linear.
  const sentenceAt = (m: EntityMention) => {
    const k = countBefore(sents.length, (i) => sents[i]!.end <= m.start);
    return k < sents.length && m.start >= sents[k]!.start ? k : -1;
  };
  const once = (test: (s: string) => boolean) => {
    const seen = new Map<number, boolean>();
    return (m: EntityMention) => {
      const k = sentenceAt(m);
      let r = seen.get(k);
      if (r === undefined) seen.set(k, (r = test(sents[k]?.text ?? '')));
      return r;
    };
  };
  const acquittedAt = once(acquittalContext);
  const arrestedAt = once(arrestContext);
  const suspectedAt = once(suspectContext);
  const speakingAt = once(speechContext);
  const officials = new Set<string>(
    all
      .filter(
        (m) =>
          m.type === 'person' &&
          (officeBefore(text, m.start, /\s/u.test(m.text) ? undefined : { written: nameToLatin(m.text), nominative: m.canonical.split(' ').pop()! }) || officeAfter(text, m.end)),
      )
      .filter((m) => speakingAt(m) || !arrestedAt(m))
      .map((m) => m.canonical),
  );
  // A person the court acquitted beside others it did not ("Sud je osudio Marina Perkovića … Sud je
  // oslobodio optužbe njegovog brata Josipa Perkovića") is no party, unless another sentence has him
  // arrested, charged or suspected. (One man acquitted once may be the one arrested later: "he".)
  const acquittedIn = all.filter((m) => m.type === 'person' && acquittedAt(m));
  if (acquittedIn.length) {
    const acquitted = new Set(acquittedIn.map((m) => m.canonical));
    const others = all.some((o) => o.type === 'person' && o.side === 'balkan' && !acquitted.has(o.canonical));
    // The acquitted who are arrested, charged or suspected in another sentence.
    const elsewhere = new Set(all.filter((o) => o.type === 'person' && acquitted.has(o.canonical) && !acquittedAt(o) && (arrestedAt(o) || suspectedAt(o))).map((o) => o.canonical));
    for (const name of acquitted) if (others && !elsewhere.has(name)) officials.add(name);
  }
  // The journalists: people named only in a byline or the credits ("Piše: Marko Ilić", "Reporting by …"); and people
  // named only as whose relative or neighbour someone is ("the nephew of Darko Šarić", "vecino de Novak Đoković").
  const people = all.filter((m) => m.type === 'person');
  for (const only of [(m: EntityMention) => creditAt(text, m.start), (m: EntityMention) => KIN_OF.test(fold(text.slice(Math.max(0, m.start - 40), m.start)))]) {
    const named = new Set(people.filter(only));
    for (const m of named) if (people.every((o) => o.canonical !== m.canonical || named.has(o))) officials.add(m.canonical);
  }
  return officials;
}
