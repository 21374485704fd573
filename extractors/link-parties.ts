// Who is no party to the case an article reports, though it names him beside its places.
import type { EntityMention } from './entities.js';
import { nameToLatin } from './persons.js';
import { acquittalContext, arrestContext, creditAt, officeAfter, officeBefore, speechContext, suspectContext } from './context-words.js';

/**
 * The canonical names of people who are no party: the officials of the case (prosecutor, judge,
 * minister, lawyer), unless the text has them arrested and not speaking, and a co-defendant the court
 * acquitted, and the journalists of its byline or credits.
 */
export function nonParties(text: string, sents: { text: string; start: number; end: number }[], all: EntityMention[]): Set<string> {
  // The officials of a case (prosecutor, judge, minister, lawyer: "Specijalni tužilac Milorad Ristić saopštio je …",
  // "said Marko Ilić, an analyst at the Global Initiative")
  // are no party to it; one the text has arrested and not speaking ("Advokat X uhapšen je zbog pranja novca") is.
  const sentenceOf = (m: EntityMention) => sents.find((x) => m.start >= x.start && m.start < x.end)?.text ?? '';
  const officials = new Set<string>(
    all
      .filter(
        (m) =>
          m.type === 'person' &&
          (officeBefore(text, m.start, /\s/u.test(m.text) ? undefined : { written: nameToLatin(m.text), nominative: m.canonical.split(' ').pop()! }) || officeAfter(text, m.end)),
      )
      .filter((m) => {
        const s = sentenceOf(m);
        return speechContext(s) || !arrestContext(s);
      })
      .map((m) => m.canonical),
  );
  // A person the court acquitted beside others it did not ("Sud je osudio Marina Perkovića … Sud je
  // oslobodio optužbe njegovog brata Josipa Perkovića") is no party, unless another sentence has him
  // arrested, charged or suspected. (One man acquitted once may be the one arrested later: "he".)
  const acquittedIn = all.filter((m) => m.type === 'person' && acquittalContext(sentenceOf(m)));
  if (acquittedIn.length) {
    const acquitted = new Set(acquittedIn.map((m) => m.canonical));
    const others = all.some((o) => o.type === 'person' && o.side === 'balkan' && !acquitted.has(o.canonical));
    for (const name of acquitted) {
      const elsewhere = all.some((o) => o.canonical === name && o.type === 'person' && !acquittalContext(sentenceOf(o)) && (arrestContext(sentenceOf(o)) || suspectContext(sentenceOf(o))));
      if (others && !elsewhere) officials.add(name);
    }
  }
  // The journalists: people named only in a byline or the credits ("Piše: Marko Ilić", "Reporting by …").
  const people = all.filter((m) => m.type === 'person');
  const inCredits = new Set(people.filter((m) => creditAt(text, m.start)));
  for (const m of inCredits) if (people.every((o) => o.canonical !== m.canonical || inCredits.has(o))) officials.add(m.canonical);
  return officials;
}
