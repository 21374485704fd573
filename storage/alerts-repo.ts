// Alerts, the per-rule watermarks over the article change journal, the rules'
// own memory (link places, story people), and the outbox rows each new alert
// creates for its immediate subscribers: all written in one transaction, so a
// crash never leaves an alert without its deliveries or a watermark past an
// alert that was not written.
import type { Db } from './db.js';
import { sqlDate, writeTx, type Sql } from './raw-sql.js';
import { spellingTwins, type PairLike } from './link-spelling.js';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AlertInput {
  rule: string;
  key: string;
  severity: Severity;
  reason: string;
  evidence: string | null;
  entities: string[];
  articleId?: number | null;
  storyId?: number | null;
  linkId?: number | null;
}

/** Rule memory written with the alerts. */
export type RuleStateWrite =
  | { kind: 'link-place'; linkId: number; entityId: number; articleId: number }
  | { kind: 'story-person'; storyId: number; entityId: number; articleId: number };

export interface ChangedArticle {
  seq: number;
  kind: 'new' | 'revised';
  id: number;
  title: string;
  url: string;
  lang: string;
  text: string;
  storyId: number | null;
  duplicateOfId: number | null;
  mentions: { entityId: number; type: string; canonical: string; side: string; text: string; start: number; end: number }[];
  seizures: { id: number; drug: string; kg: number; text: string; start: number; place: string | null }[];
  /** review: the analysts' latest verdict on the pair (open, confirmed, dismissed). */
  evidence: { linkId: number; balkan: string; latam: string; review: string; sentence: string; firstArticleId: number | null }[];
}

export async function watermark(db: Db, rule: string): Promise<number> {
  return (await db.ruleWatermark.findUnique({ where: { rule } }))?.lastId ?? 0;
}

/** Articles written or revised after journal position `after`, in journal order. */
export async function changesAfter(db: Db, after: number, limit = 200): Promise<ChangedArticle[]> {
  const changes = await db.articleChange.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: limit });
  if (!changes.length) return [];
  const ids = [...new Set(changes.map((c) => c.articleId))];
  const articles = await db.article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, title: true, url: true, lang: true, text: true, storyId: true, duplicateOfId: true,
      mentions: { orderBy: { start: 'asc' }, select: { entityId: true, text: true, start: true, end: true, entity: { select: { type: true, canonical: true, side: true } } } },
      seizures: { orderBy: { start: 'asc' }, select: { id: true, drug: true, kg: true, text: true, start: true, place: true } },
      evidence: { orderBy: { id: 'asc' }, select: { sentence: true, link: { select: { id: true, balkan: true, latam: true, review: true, evidence: { take: 1, orderBy: { id: 'asc' }, select: { articleId: true } } } } } },
    },
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: ChangedArticle[] = [];
  for (const c of changes) {
    const a = byId.get(c.articleId);
    // An article deleted since its change has nothing left to alert on; the watermark still passes it.
    const base = { seq: c.seq, kind: c.kind as 'new' | 'revised' };
    if (!a) {
      out.push({ ...base, id: c.articleId, title: '', url: '', lang: '', text: '', storyId: null, duplicateOfId: null, mentions: [], seizures: [], evidence: [] });
      continue;
    }
    out.push({
      ...base,
      id: a.id, title: a.title, url: a.url, lang: a.lang, text: a.text, storyId: a.storyId, duplicateOfId: a.duplicateOfId,
      mentions: a.mentions.map((m) => ({ entityId: m.entityId, type: m.entity.type, canonical: m.entity.canonical, side: m.entity.side, text: m.text, start: m.start, end: m.end })),
      seizures: a.seizures,
      evidence: await Promise.all(
        a.evidence.map(async (e) => ({
          linkId: e.link.id, balkan: e.link.balkan, latam: e.link.latam, review: e.link.review, sentence: e.sentence,
          firstArticleId: await firstArticleOfPair(db, e.link, e.link.evidence[0]?.articleId ?? null, a.id),
        })),
      ),
    });
  }
  return out;
}

/**
 * The first article of a pair, whatever its spelling: "Darko Saric – Guayaquil" is no new link
 * when an earlier article reported "Darko Šarić – Guayaquil". Only a pair whose own first article
 * is the one at hand is looked up; its twins share the Latin American side, a gazetteer name.
 */
async function firstArticleOfPair(db: Db, link: PairLike, first: number | null, articleId: number): Promise<number | null> {
  if (first !== articleId) return first;
  const others = await db.link.findMany({
    where: { latam: link.latam, id: { not: link.id } },
    select: { id: true, balkan: true, latam: true, evidence: { take: 1, orderBy: { id: 'asc' }, select: { articleId: true } } },
  });
  return others.reduce((min, o) => (spellingTwins(o, link) && o.evidence[0] && o.evidence[0].articleId < min ? o.evidence[0].articleId : min), first);
}

/** For an article a `page` source watches, that source and the version its latest change replaced; null otherwise. */
export async function watchedPageRevision(db: Db, articleId: number): Promise<{ source: string; revision: { id: number; title: string; text: string } } | null> {
  return writeTx(db, (sql) => {
    const source = sql.get<{ name: string }>(
      'SELECT s."name" FROM "ArticleSource" x JOIN "Source" s ON s."id" = x."sourceId" WHERE x."articleId" = ? AND s."kind" = \'page\' ORDER BY s."id" LIMIT 1',
      articleId,
    );
    if (!source) return null;
    const revision = sql.get<{ id: number; title: string; text: string }>('SELECT "id", "title", "text" FROM "Revision" WHERE "articleId" = ? ORDER BY "id" DESC LIMIT 1', articleId);
    return revision ? { source: source.name, revision } : null;
  });
}

/** Entity names of a story's alerts from one rule. */
export async function storyAlertEntities(db: Db, rule: string, storyId: number): Promise<Set<string>[]> {
  const rows = await db.alert.findMany({ where: { rule, storyId }, select: { entities: true } });
  return rows.map((r) => new Set(JSON.parse(r.entities) as string[]));
}

export async function linkPlaces(db: Db, linkId: number): Promise<Set<number>> {
  const rows = await db.linkPlace.findMany({ where: { linkId }, select: { entityId: true } });
  return new Set(rows.map((r) => r.entityId));
}

export async function storyPersons(db: Db, storyId: number): Promise<Set<number>> {
  const rows = await db.storyPerson.findMany({ where: { storyId }, select: { entityId: true } });
  return new Set(rows.map((r) => r.entityId));
}

/** Whether another article of the story entered the change journal before this change. */
export async function storyHasEarlier(db: Db, storyId: number, seq: number, articleId: number): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "ArticleChange" c JOIN "Article" a ON a."id" = c."articleId" WHERE a."storyId" = ${storyId} AND c."seq" < ${seq} AND c."articleId" <> ${articleId} LIMIT 1`;
  return rows.length > 0;
}

/** Whether any article of the story reports a Balkan–Latin America link. */
export async function isLinkStory(db: Db, storyId: number): Promise<boolean> {
  return (await db.linkEvidence.count({ where: { article: { storyId } }, take: 1 })) > 0;
}

/**
 * How far a story has spread: its outlets (the sites of its articles), their languages, its headline, whether it
 * reports a link or a seizure, and the links' sides and seizure places it names (for dismissals and subscriptions).
 */
export async function storySpread(db: Db, storyId: number, minOutlets = 0): Promise<{ outlets: number; languages: string[]; headline: string; matters: boolean; names: string[] } | null> {
  return writeTx(db, (sql) => {
    const story = sql.get<{ headline: string; outletCount: number }>('SELECT "headline", "outletCount" FROM "Story" WHERE "id" = ?', storyId);
    // Outlets are the sites the story's articles come from (two feeds of one site are one outlet), as dedupe counts
    // them; most stories are told by one, and need no closer look.
    if (!story || story.outletCount < minOutlets) return null;
    const outlets = story.outletCount;
    const languages = sql.all<{ lang: string }>('SELECT DISTINCT "lang" FROM "Article" WHERE "storyId" = ? ORDER BY "lang"', storyId).map((r) => r.lang);
    const links = sql.all<{ balkan: string; latam: string }>(
      'SELECT DISTINCT l."balkan", l."latam" FROM "Article" a JOIN "LinkEvidence" e ON e."articleId" = a."id" JOIN "Link" l ON l."id" = e."linkId" WHERE a."storyId" = ? AND l."review" <> \'dismissed\' LIMIT 10',
      storyId,
    );
    const seized = sql.all<{ place: string | null }>('SELECT DISTINCT z."place" FROM "Article" a JOIN "Seizure" z ON z."articleId" = a."id" WHERE a."storyId" = ? LIMIT 10', storyId);
    const names = [...new Set([...links.flatMap((l) => [l.balkan, l.latam]), ...seized.map((z) => z.place).filter((p): p is string => !!p)])];
    return { outlets: Number(outlets), languages, headline: story.headline, matters: links.length > 0 || seized.length > 0, names };
  });
}

const rank = (s: string) => SEVERITIES.indexOf(s as Severity);

/** Whether a subscription (its rules, empty for all, and lowest severity) wants an alert. */
export function subscriptionWants(sub: { rules: string; minSeverity: string }, rule: string, severity: string): boolean {
  const rules = JSON.parse(sub.rules) as string[];
  return (!rules.length || rules.includes(rule)) && rank(severity) >= rank(sub.minSeverity);
}

interface ImmediateSubscription {
  id: number;
  userId: number;
  channel: string;
  target: string | null;
  rules: string;
  minSeverity: string;
  email: string;
}

/** Outbox rows for one new alert: every immediate subscription that wants its rule and severity. */
function enqueueAlert(sql: Sql, subs: ImmediateSubscription[], alertId: number, a: AlertInput, now: string | null): void {
  for (const s of subs) {
    if (!subscriptionWants(s, a.rule, a.severity)) continue;
    const target = s.channel === 'email' ? (s.target ?? s.email) : s.target;
    if (!target) continue;
    sql.run(
      'INSERT INTO "Delivery" ("idempotencyKey", "alertId", "userId", "channel", "target", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, ?, \'{}\', \'pending\', 0, ?, ?) ON CONFLICT ("idempotencyKey") DO NOTHING',
      `alert:${alertId}:subscription:${s.id}`, alertId, s.userId, s.channel, target, now, now,
    );
  }
}

/** An analyst dismissed an alert of this rule in this story naming the same pair or entry: the story stays quiet about it. */
function dismissedInStory(sql: Sql, a: AlertInput): boolean {
  if (a.storyId === null || a.storyId === undefined) return false;
  const rows = sql.all<{ entities: string }>('SELECT "entities" FROM "Alert" WHERE "rule" = ? AND "storyId" = ? AND "status" = \'dismissed\'', a.rule, a.storyId);
  return rows.some((r) => {
    const names = new Set(JSON.parse(r.entities) as string[]);
    return a.entities.every((e) => names.has(e));
  });
}

/** Writes a rule's alerts (ignoring keys already present), their deliveries, the rule's memory and its watermark, in one transaction. */
export async function commitRuleBatch(db: Db, rule: string, alerts: AlertInput[], state: RuleStateWrite[], mark: number): Promise<number> {
  return writeTx(db, (sql) => {
    const now = sqlDate(new Date());
    let created = 0;
    const subs = alerts.length
      ? sql.all<ImmediateSubscription>(
          'SELECT s."id", s."userId", s."channel", s."target", s."rules", s."minSeverity", u."email" FROM "Subscription" s JOIN "User" u ON u."id" = s."userId" WHERE s."mode" = \'immediate\' AND s."channel" IN (\'email\', \'webhook\', \'slack\')',
        )
      : [];
    for (const a of alerts) {
      if (dismissedInStory(sql, a)) continue;
      const row = sql.get<{ id: number }>(
        'INSERT INTO "Alert" ("rule", "key", "severity", "reason", "evidence", "entities", "articleId", "storyId", "linkId", "status", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \'open\', ?) ON CONFLICT ("key") DO NOTHING RETURNING "id"',
        a.rule, a.key, a.severity, a.reason, a.evidence, JSON.stringify(a.entities), a.articleId ?? null, a.storyId ?? null, a.linkId ?? null, now,
      );
      if (!row) continue;
      created++;
      enqueueAlert(sql, subs, row.id, a, now);
    }
    for (const s of state) {
      if (s.kind === 'link-place') sql.run('INSERT INTO "LinkPlace" ("linkId", "entityId", "articleId", "at") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', s.linkId, s.entityId, s.articleId, now);
      else sql.run('INSERT INTO "StoryPerson" ("storyId", "entityId", "articleId", "at") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', s.storyId, s.entityId, s.articleId, now);
    }
    sql.run('INSERT INTO "RuleWatermark" ("rule", "lastId", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("rule") DO UPDATE SET "lastId" = excluded."lastId", "updatedAt" = excluded."updatedAt"', rule, mark, now);
    return created;
  });
}

export function listAlerts(db: Db, opts: { limit?: number; rule?: string; status?: string; severity?: string; since?: Date } = {}) {
  return db.alert.findMany({
    where: { rule: opts.rule, status: opts.status, severity: opts.severity, createdAt: opts.since ? { gte: opts.since } : undefined },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: opts.limit,
    include: { article: { select: { url: true, title: true, lang: true } }, story: { select: { id: true, headline: true } } },
  });
}
