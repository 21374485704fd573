// One Balkan–Latin America pair under two spellings: the Latin American side
// is a gazetteer name and never varies; the Balkan side may come with and
// without diacritics ("Darko Saric", "Darko Šarić"). Links are stored as
// analysed; only whether a pair is new looks at its twins.
import { fold } from '../extractors/text-normalize.js';

export interface PairLike {
  id: number;
  balkan: string;
  latam: string;
}

/** Whether two links are the same pair written two ways. */
export function spellingTwins(a: PairLike, b: PairLike): boolean {
  return a.id !== b.id && a.latam === b.latam && fold(a.balkan) === fold(b.balkan);
}
