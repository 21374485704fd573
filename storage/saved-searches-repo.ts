// Researchers' saved searches: a full-text query (across scripts or exact, in
// one language or all) that each digest runs over the articles stored since
// the last one, like a news alert on a search engine.
import type { Db } from './db.js';
import { ftsQuery, searchPage, type SearchHit } from './search-index.js';
import { UserInputError } from './users-repo.js';

/** Most searches one person may save. */
export const MAX_SAVED_SEARCHES = 50;
/** Most new articles a digest lists for one search. */
export const MATCHES_PER_SEARCH = 10;

export interface SavedSearchInput {
  query: string;
  across?: boolean;
  lang?: string | null;
}

/** Saves a search for a user; the same search saved again is the one saved before. */
export async function addSavedSearch(db: Db, userId: number, s: SavedSearchInput) {
  const query = s.query.replace(/\s+/g, ' ').trim();
  const across = s.across ?? true;
  const lang = s.lang || null;
  if (!query || query.length > 300) throw new UserInputError('a saved search needs a query of 1 to 300 characters');
  if (!ftsQuery(query, across)) throw new UserInputError(`"${query}" has no word to search for`);
  if (lang !== null && !/^[a-z]{2,3}$/.test(lang)) throw new UserInputError(`the language must be a code such as sr or es, not "${lang}"`);
  return db.$transaction(async (tx) => {
    const same = await tx.savedSearch.findFirst({ where: { userId, query, across, lang } });
    if (same) return same;
    if ((await tx.savedSearch.count({ where: { userId } })) >= MAX_SAVED_SEARCHES) {
      throw new UserInputError(`at most ${MAX_SAVED_SEARCHES} saved searches each; remove one first`);
    }
    return tx.savedSearch.create({ data: { userId, query, across, lang } });
  });
}

export function listSavedSearches(db: Db, userId?: number) {
  return db.savedSearch.findMany({ where: userId === undefined ? {} : { userId }, orderBy: { id: 'asc' }, include: { user: { select: { email: true } } } });
}

/** Removes a saved search (only the user's own, when `userId` is given); false when there is none. */
export async function removeSavedSearch(db: Db, id: number, userId?: number): Promise<boolean> {
  const r = await db.savedSearch.deleteMany({ where: { id, ...(userId === undefined ? {} : { userId }) } });
  return r.count > 0;
}

export interface SavedSearchMatch extends SearchHit {
  /** The user's searches it matches. */
  queries: string[];
}

/** The articles (not copies) stored in the period that the user's saved searches find, newest first, each once. */
export async function savedSearchMatches(db: Db, userId: number, since: Date, until: Date): Promise<SavedSearchMatch[]> {
  const searches = await db.savedSearch.findMany({ where: { userId }, orderBy: { id: 'asc' } });
  const found = new Map<number, SavedSearchMatch>();
  for (const s of searches) {
    const { hits } = await searchPage(db, s.query, {
      acrossScripts: s.across, lang: s.lang ?? undefined, storedAfter: since, storedUntil: until, originalsOnly: true, order: 'newest', limit: MATCHES_PER_SEARCH,
    });
    for (const h of hits) {
      const seen = found.get(h.id);
      if (seen) seen.queries.push(s.query);
      else found.set(h.id, { ...h, queries: [s.query] });
    }
  }
  return [...found.values()];
}
