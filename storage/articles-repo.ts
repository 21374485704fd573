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

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Entities, mentions, seizures and links of one article, in a handful of statements. */
async function writeAnalysis(tx: Tx, articleId: number, a: Pick<ArticleInput, 'entities' | 'seizures' | 'links'>): Promise<{ balkan: string; latam: string }[]> {
  const keys = new Map<string, { type: string; canonical: string; side: string }>();
  for (const e of a.entities) keys.set(`${e.type}\u0000${e.canonical}`, { type: e.type, canonical: e.canonical, side: e.side });
  if (keys.size) {
    const where = { OR: [...keys.values()].map(({ type, canonical }) => ({ type, canonical })) };
    const known = new Set((await tx.entity.findMany({ where, select: { type: true, canonical: true } })).map((e) => `${e.type}\u0000${e.canonical}`));
    const missing = [...keys.entries()].filter(([k]) => !known.has(k)).map(([, v]) => v);
    if (missing.length) await tx.entity.createMany({ data: missing });
    const ids = new Map((await tx.entity.findMany({ where, select: { id: true, type: true, canonical: true } })).map((e) => [`${e.type}\u0000${e.canonical}`, e.id]));
    await tx.mention.createMany({
      data: a.entities.map((e) => ({ articleId, entityId: ids.get(`${e.type}\u0000${e.canonical}`)!, text: e.text, start: e.start, end: e.end })),
    });
  }
  if (a.seizures.length) await tx.seizure.createMany({ data: a.seizures.map((s) => ({ drug: s.drug, text: s.text, kg: s.kg, start: s.start, end: s.end, articleId })) });
  const newLinks: { balkan: string; latam: string }[] = [];
  if (a.links.length) {
    const pairs = new Map(a.links.map((l) => [`${l.balkan}\u0000${l.latam}`, l]));
    const where = { OR: [...pairs.values()].map(({ balkan, latam }) => ({ balkan, latam })) };
    const existing = await tx.link.findMany({ where, select: { id: true, balkan: true, latam: true } });
    const seen = new Set(existing.map((l) => `${l.balkan}\u0000${l.latam}`));
    const now = new Date();
    if (existing.length) await tx.link.updateMany({ where: { id: { in: existing.map((l) => l.id) } }, data: { lastSeen: now, articleCount: { increment: 1 } } });
    const fresh = [...pairs.entries()].filter(([k]) => !seen.has(k)).map(([, l]) => l);
    if (fresh.length) {
      await tx.link.createMany({ data: fresh.map((l) => ({ balkan: l.balkan, balkanType: l.balkanType, latam: l.latam, latamType: l.latamType, firstSeen: now, lastSeen: now, articleCount: 1 })) });
      newLinks.push(...fresh.map(({ balkan, latam }) => ({ balkan, latam })));
    }
    const ids = await tx.link.findMany({ where, select: { id: true, balkan: true, latam: true } });
    await tx.linkEvidence.createMany({ data: ids.map((l) => ({ linkId: l.id, articleId, sentence: pairs.get(`${l.balkan}\u0000${l.latam}`)!.evidence })) });
  }
  return newLinks;
}

export async function storeArticle(db: Db, a: ArticleInput & { rendered?: boolean }): Promise<StoreResult> {
  return db.$transaction(async (tx) => {
    const finish = async (articleId: number, isNew: boolean) => {
      if (isNew) await tx.articleSource.create({ data: { articleId, sourceId: a.sourceId } });
      else {
        await tx.articleSource.upsert({
          where: { articleId_sourceId: { articleId, sourceId: a.sourceId } },
          create: { articleId, sourceId: a.sourceId },
          update: {},
        });
      }
      if (a.frontierId !== undefined) {
        await tx.frontierUrl.update({ where: { id: a.frontierId }, data: { state: 'done', articleId, lastError: null } });
      }
    };
    const byUrl = await tx.article.findUnique({ where: { url: a.url }, select: { id: true } });
    if (byUrl) {
      await finish(byUrl.id, false);
      return { status: 'known', articleId: byUrl.id };
    }
    // Same text under another URL is the same article (a syndicated or re-linked copy). Short texts
    // (a teaser, a "please enable JavaScript" page) also need the same title, so distinct articles are never merged.
    const byHash = await tx.article.findFirst({
      where: { contentHash: a.contentHash, ...(a.text.length < MIN_TEXT_FOR_HASH_DEDUPE ? { title: a.title } : {}) },
      select: { id: true },
    });
    if (byHash) {
      await finish(byHash.id, false);
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
        rendered: a.rendered ?? false,
      },
      select: { id: true },
    });
    const newLinks = await writeAnalysis(tx, article.id, a);
    await finish(article.id, true);
    return { status: 'stored', articleId: article.id, newLinks };
  });
}

export type ReviseResult = { status: 'unchanged' | 'revised' | 'stored'; articleId: number; newLinks: { balkan: string; latam: string }[] };

/**
 * A watched page or an updated article: when the text changed, the old version
 * is kept as a revision and the article takes the new text and analysis.
 */
export async function reviseArticle(db: Db, a: ArticleInput & { rendered?: boolean }): Promise<ReviseResult> {
  const current = await db.article.findUnique({ where: { url: a.url } });
  if (!current) {
    const r = await storeArticle(db, a);
    return { status: 'stored', articleId: r.articleId, newLinks: r.status === 'stored' ? r.newLinks : [] };
  }
  if (current.contentHash === a.contentHash) return { status: 'unchanged', articleId: current.id, newLinks: [] };
  return db.$transaction(async (tx) => {
    await tx.revision.create({ data: { articleId: current.id, title: current.title, text: current.text, contentHash: current.contentHash, fetchedAt: current.fetchedAt } });
    await tx.article.update({
      where: { id: current.id },
      data: { title: a.title, author: a.author, published: a.published ?? current.published, lang: a.lang, script: a.script, langConfidence: a.langConfidence, text: a.text, contentHash: a.contentHash, fetchedAt: new Date(), updatedAt: new Date(), rendered: a.rendered ?? current.rendered },
    });
    await tx.mention.deleteMany({ where: { articleId: current.id } });
    await tx.seizure.deleteMany({ where: { articleId: current.id } });
    // Links already evidenced by this article keep their evidence; only pairs new to it are added.
    const had = new Set((await tx.linkEvidence.findMany({ where: { articleId: current.id }, select: { link: { select: { balkan: true, latam: true } } } })).map((e) => `${e.link.balkan}\u0000${e.link.latam}`));
    const newLinks = await writeAnalysis(tx, current.id, { ...a, links: a.links.filter((l) => !had.has(`${l.balkan}\u0000${l.latam}`)) });
    return { status: 'revised', articleId: current.id, newLinks };
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
