// Stories: one event across outlets and languages (dedupe/).
import type { Db } from './db.js';
import { writeTx } from './raw-sql.js';

/** The most recently active stories first (as the filter admits), with their articles' URLs. */
export function listStories(db: Db, opts: StoryFilter = {}) {
  return db.story.findMany({
    where: storyWhere(opts),
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

export interface StoryFilter {
  /** Only stories told by at least this many outlets. */
  minOutlets?: number;
  /** Only stories with an article in this language. */
  lang?: string;
  /** Only stories whose articles report a Balkan–Latin America link. */
  withLinks?: boolean;
  /** Only stories whose articles report a seizure. */
  withSeizures?: boolean;
  limit?: number;
  offset?: number;
}

/** The stories a filter admits, as a Prisma condition. */
function storyWhere(f: StoryFilter) {
  return {
    ...(f.minOutlets && f.minOutlets > 1 ? { outletCount: { gte: f.minOutlets } } : {}),
    AND: [
      ...(f.lang ? [{ articles: { some: { lang: f.lang } } }] : []),
      ...(f.withLinks ? [{ articles: { some: { evidence: { some: {} } } } }] : []),
      ...(f.withSeizures ? [{ articles: { some: { seizures: { some: {} } } } }] : []),
    ],
  };
}

interface StoryLink {
  id: number;
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  /** The analysts' verdict: open, confirmed or dismissed. */
  review: string;
  /** How many of the story's articles report it. */
  articles: number;
  /** The sentence of the first that does (read for a story's page; empty in lists). */
  sentence: string;
}

/** The links a story's articles report, most reported first: id, sides, and how many of its articles report each. */
async function storyLinks(db: Db, storyIds: number[], withSentences = false) {
  if (!storyIds.length) return new Map<number, StoryLink[]>();
  // From the stories' articles (by the storyId index) to their evidence, counted in SQL: a story of fifty copies has
  // thousands of evidence rows, and the ORM's relation filter scanned all evidence. The sentence is the first one's.
  const rows = await writeTx(db, (sql) =>
    sql.all<Omit<StoryLink, 'sentence'> & { storyId: number; first: number }>(
      `SELECT a."storyId", l."id", l."balkan", l."balkanType", l."latam", l."latamType", l."review", COUNT(*) AS "articles", MIN(e."id") AS "first"
       FROM "Article" a JOIN "LinkEvidence" e ON e."articleId" = a."id" JOIN "Link" l ON l."id" = e."linkId"
       WHERE a."storyId" IN (${storyIds.map(() => '?').join(', ')}) GROUP BY a."storyId", l."id"`,
      ...storyIds,
    ),
  );
  const sentences = withSentences
    ? new Map(
        await writeTx(db, (sql) =>
          rows.length ? sql.all<{ id: number; sentence: string }>(`SELECT "id", "sentence" FROM "LinkEvidence" WHERE "id" IN (${rows.map(() => '?').join(', ')})`, ...rows.map((r) => r.first)).map((r) => [r.id, r.sentence] as const) : [],
        ),
      )
    : new Map<number, string>();
  const byStory = new Map<number, StoryLink[]>();
  for (const { storyId, first, ...link } of rows) byStory.set(storyId, [...(byStory.get(storyId) ?? []), { ...link, articles: Number(link.articles), sentence: sentences.get(first) ?? '' }]);
  for (const links of byStory.values()) links.sort((a, b) => b.articles - a.articles || a.id - b.id);
  return byStory;
}

/** A page of stories, the most recently active first, with the links their articles report and their largest seizure. */
export async function storyPage(db: Db, f: StoryFilter = {}) {
  const where = storyWhere(f);
  const [total, stories] = await Promise.all([
    db.story.count({ where }),
    db.story.findMany({
      where,
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
      take: f.limit ?? 50,
      skip: f.offset ?? 0,
      select: { id: true, headline: true, firstSeenAt: true, lastSeenAt: true, languages: true, outletCount: true, articleCount: true },
    }),
  ]);
  const extras = await storyExtras(db, stories.map((s) => s.id));
  return { total, stories: stories.map((s) => ({ ...s, languages: s.languages ? s.languages.split(',') : [], ...extras(s.id) })) };
}

/** For each of the stories, the links its articles report (most reported first) and its largest seizure. */
export async function storyExtras(db: Db, ids: number[]) {
  const [links, seizures] = await Promise.all([
    storyLinks(db, ids),
    ids.length
      ? writeTx(db, (sql) =>
          sql.all<{ storyId: number; kg: number; drug: string }>(
            `SELECT a."storyId", z."kg", z."drug" FROM "Article" a JOIN "Seizure" z ON z."articleId" = a."id" WHERE a."storyId" IN (${ids.map(() => '?').join(', ')})`,
            ...ids,
          ),
        )
      : [],
  ]);
  const largest = new Map<number, { kg: number; drug: string }>();
  for (const z of seizures) if (z.kg > (largest.get(z.storyId)?.kg ?? 0)) largest.set(z.storyId, { kg: z.kg, drug: z.drug });
  return (id: number) => ({ links: links.get(id) ?? [], largestSeizure: largest.get(id) ?? null });
}

/** One story: its articles with their outlets, the links and seizures they report, and whom and what they name most. */
export async function storyDetail(db: Db, id: number) {
  const story = await db.story.findUnique({
    where: { id },
    select: {
      id: true, headline: true, firstSeenAt: true, lastSeenAt: true, languages: true, outletCount: true, articleCount: true,
      // Stored articles (articleCount counts an article's versions too).
      _count: { select: { articles: true } },
      articles: {
        orderBy: [{ published: 'asc' }, { id: 'asc' }],
        take: 500,
        select: { id: true, title: true, url: true, lang: true, script: true, published: true, createdAt: true, duplicateOfId: true, sources: { select: { source: { select: { id: true, name: true } } } } },
      },
    },
  });
  if (!story) return null;
  const articleIds = story.articles.map((a) => a.id);
  const [links, rows, counts] = await Promise.all([
    storyLinks(db, [id], true),
    db.seizure.findMany({ where: { articleId: { in: articleIds } }, orderBy: [{ kg: 'desc' }, { id: 'asc' }], select: { kg: true, drug: true, text: true, place: true, date: true, articleId: true } }),
    db.mention.groupBy({ by: ['entityId'], where: { articleId: { in: articleIds } }, _count: { _all: true } }),
  ]);
  const top = counts.sort((a, b) => b._count._all - a._count._all || a.entityId - b.entityId).slice(0, 60);
  const entities = await db.entity.findMany({ where: { id: { in: top.map((t) => t.entityId) } }, select: { id: true, type: true, canonical: true, side: true } });
  const byId = new Map(entities.map((e) => [e.id, e]));
  // One seizure reported by several of the story's articles is one, with how many report it.
  const seizures: ((typeof rows)[number] & { articles: number })[] = [];
  for (const z of rows) {
    const same = seizures.find((s) => s.drug === z.drug && Math.round(s.kg) === Math.round(z.kg));
    if (same) {
      same.articles++;
      same.place ??= z.place;
      same.date ??= z.date;
    } else seizures.push({ ...z, articles: 1 });
  }
  const named = top.map((t) => ({ ...byId.get(t.entityId)!, mentions: t._count._all })).filter((e) => e.type !== 'nationality');
  return { ...story, languages: story.languages ? story.languages.split(',') : [], links: links.get(id) ?? [], seizures, named };
}
