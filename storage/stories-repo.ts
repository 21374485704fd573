// Stories: one event across outlets and languages (dedupe/).
import type { Db } from './db.js';

/** The most recently active stories first, with their articles' URLs. */
export function listStories(db: Db, opts: { limit?: number } = {}) {
  return db.story.findMany({
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
    take: opts.limit ?? 50,
    select: {
      id: true,
      headline: true,
      firstSeenAt: true,
      lastSeenAt: true,
      languages: true,
      outletCount: true,
      articleCount: true,
      articles: { select: { id: true, url: true, lang: true, duplicateOfId: true }, orderBy: { id: 'asc' }, take: 20 },
    },
  });
}
