// Articles with their analysis, stored in one transaction per article
// together with the frontier row's `done` mark.
import type { Db } from './db.js';

export interface EntityRow {
  type: string;
  text: string;
  start: number;
  end: number;
  canonical: string;
  side: string;
}
export interface SeizureRow {
  drug: string;
  text: string;
  kg: number;
  start: number;
  end: number;
}
export interface LinkRow {
  balkan: string;
  balkanType: string;
  latam: string;
  latamType: string;
  evidence: string;
}

export interface ArticleInput {
  frontierId?: number;
  sourceId: string;
  url: string; // canonical
  fetchedUrl: string;
  title: string;
  author: string | null;
  published: Date | null;
  lang: string;
  script: string;
  langConfidence: number;
  text: string;
  contentHash: string;
  entities: EntityRow[];
  seizures: SeizureRow[];
  links: LinkRow[];
}

export type StoreResult =
  | { status: 'stored'; articleId: number; newLinks: { balkan: string; latam: string }[] }
  | { status: 'known' | 'duplicate'; articleId: number };

const MIN_TEXT_FOR_HASH_DEDUPE = 300;

export async function storeArticle(db: Db, a: ArticleInput): Promise<StoreResult> {
  return db.$transaction(async (tx) => {
    const finish = async (articleId: number) => {
      await tx.articleSource.upsert({
        where: { articleId_sourceId: { articleId, sourceId: a.sourceId } },
        create: { articleId, sourceId: a.sourceId },
        update: {},
      });
      if (a.frontierId !== undefined) {
        await tx.frontierUrl.update({ where: { id: a.frontierId }, data: { state: 'done', articleId, lastError: null } });
      }
    };
    const byUrl = await tx.article.findUnique({ where: { url: a.url }, select: { id: true } });
    if (byUrl) {
      await finish(byUrl.id);
      return { status: 'known', articleId: byUrl.id };
    }
    // Same text under another URL is the same article (a syndicated or re-linked copy). Short texts
    // (a teaser, a "please enable JavaScript" page) also need the same title, so distinct articles are never merged.
    const byHash = await tx.article.findFirst({
      where: { contentHash: a.contentHash, ...(a.text.length < MIN_TEXT_FOR_HASH_DEDUPE ? { title: a.title } : {}) },
      select: { id: true },
    });
    if (byHash) {
      await finish(byHash.id);
      return { status: 'duplicate', articleId: byHash.id };
    }
    const article = await tx.article.create({
      data: {
        url: a.url,
        fetchedUrl: a.fetchedUrl,
        title: a.title,
        author: a.author,
        published: a.published,
        lang: a.lang,
        script: a.script,
        langConfidence: a.langConfidence,
        text: a.text,
        contentHash: a.contentHash,
      },
    });
    const entityIds = new Map<string, number>();
    for (const e of a.entities) {
      const key = `${e.type}\u0000${e.canonical}`;
      let id = entityIds.get(key);
      if (id === undefined) {
        const row = await tx.entity.upsert({
          where: { type_canonical: { type: e.type, canonical: e.canonical } },
          create: { type: e.type, canonical: e.canonical, side: e.side },
          update: {},
          select: { id: true },
        });
        id = row.id;
        entityIds.set(key, id);
      }
      await tx.mention.create({ data: { articleId: article.id, entityId: id, text: e.text, start: e.start, end: e.end } });
    }
    if (a.seizures.length) {
      await tx.seizure.createMany({ data: a.seizures.map((s) => ({ ...s, articleId: article.id })) });
    }
    const newLinks: { balkan: string; latam: string }[] = [];
    const now = new Date();
    for (const l of a.links) {
      const existing = await tx.link.findUnique({ where: { balkan_latam: { balkan: l.balkan, latam: l.latam } } });
      const link = existing
        ? await tx.link.update({ where: { id: existing.id }, data: { lastSeen: now, articleCount: { increment: 1 } } })
        : await tx.link.create({ data: { balkan: l.balkan, balkanType: l.balkanType, latam: l.latam, latamType: l.latamType, firstSeen: now, lastSeen: now, articleCount: 1 } });
      if (!existing) newLinks.push({ balkan: l.balkan, latam: l.latam });
      await tx.linkEvidence.create({ data: { linkId: link.id, articleId: article.id, sentence: l.evidence } });
    }
    await finish(article.id);
    return { status: 'stored', articleId: article.id, newLinks };
  });
}

export function listArticles(db: Db, opts: { limit?: number; sourceId?: string } = {}) {
  return db.article.findMany({
    where: opts.sourceId ? { sources: { some: { sourceId: opts.sourceId } } } : {},
    orderBy: [{ id: 'asc' }],
    take: opts.limit,
    include: { sources: { select: { sourceId: true } } },
  });
}

/** Streams articles in id order, a page at a time, so exports of any size use little memory. */
export async function* iterateArticles(db: Db, pageSize = 500) {
  let after = 0;
  for (;;) {
    const page = await db.article.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: pageSize });
    if (!page.length) return;
    yield* page;
    after = page[page.length - 1]!.id;
  }
}

export function listLinks(db: Db) {
  return db.link.findMany({
    orderBy: [{ articleCount: 'desc' }, { firstSeen: 'asc' }],
    include: { evidence: { take: 3, orderBy: { id: 'asc' }, include: { article: { select: { url: true, title: true } } } } },
  });
}
