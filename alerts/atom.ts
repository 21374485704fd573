// Each user's alerts as an Atom feed, at a URL carrying the user's secret feed
// token. Entries are plain text (type="text"), every value XML-escaped, and
// links only http(s): a page's markup or script stays inert in any reader.
import type { Db } from '../storage/db.js';
import { subscriptionWants } from '../storage/alerts-repo.js';
import { escapeXml as xml, oneLine, safeUrl, SEVERITY_LABEL } from './render.js';

/** A feed around its entries (each already XML): its id, plain-text title, last update and own address. */
function atomDocument(id: string, title: string, updated: string, selfUrl: string, entries: string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(id)}</id>`,
    `  <title type="text">${xml(title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" href="${xml(selfUrl)}"/>`,
    '  <generator>Ruta</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export async function alertFeed(db: Db, token: string, selfUrl: string, limit = 100): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) return null;
  const user = await db.user.findUnique({ where: { feedToken: token }, include: { subscriptions: { where: { channel: 'atom' } } } });
  if (!user) return null;
  const subs = user.subscriptions;
  const rows = await db.alert.findMany({
    orderBy: { id: 'desc' },
    take: limit * 4,
    include: { article: { select: { title: true, url: true, lang: true } }, story: { select: { id: true, headline: true } } },
  });
  // Without an atom subscription the feed carries every alert; with some, what they choose.
  const alerts = rows
    .filter((a) => !subs.length || subs.some((s) => subscriptionWants(s, a.rule, a.severity)))
    .slice(0, limit);
  const updated = (alerts[0]?.createdAt ?? user.createdAt).toISOString();
  const entries = alerts.map((a) => {
    const url = safeUrl(a.article?.url);
    const entities = JSON.parse(a.entities) as string[];
    const summary = [
      a.evidence ? `“${oneLine(a.evidence, 1000)}”` : '',
      entities.length ? `Entities: ${entities.join(', ')}` : '',
      a.article ? `Article: ${oneLine(a.article.title, 300)} (${a.article.lang})` : '',
      a.story ? `Story #${a.story.id}: ${oneLine(a.story.headline, 300)}` : '',
      `Rule: ${a.rule}`,
    ].filter(Boolean).join('\n');
    return [
      '  <entry>',
      `    <id>tag:ruta,2026:alert:${a.id}</id>`,
      `    <title type="text">${xml(oneLine(`${SEVERITY_LABEL[a.severity] ?? a.severity}: ${a.reason}`, 300))}</title>`,
      `    <updated>${a.createdAt.toISOString()}</updated>`,
      url ? `    <link rel="alternate" href="${xml(url)}"/>` : '',
      `    <category term="${xml(a.rule)}"/>`,
      `    <category term="severity:${xml(a.severity)}"/>`,
      `    <summary type="text">${xml(summary)}</summary>`,
      '  </entry>',
    ].filter(Boolean).join('\n');
  });
  return atomDocument(`tag:ruta,2026:alerts:user:${user.id}`, `Ruta alerts for ${user.email}`, updated, selfUrl, entries);
}

export const feedPath = (token: string) => `/feeds/${token}/alerts.atom`;
export const linksFeedPath = (token: string) => `/feeds/${token}/links.atom`;

/**
 * The newest Balkan–Latin America links (not those analysts dismissed) for a user's feed reader: each
 * with its first evidence sentence and article, confirmed ones marked, and its page in Ruta.
 */
export async function linkFeed(db: Db, token: string, selfUrl: string, appUrl: string, limit = 100): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) return null;
  const user = await db.user.findUnique({ where: { feedToken: token }, select: { id: true, email: true, createdAt: true } });
  if (!user) return null;
  const links = await db.link.findMany({
    where: { review: { not: 'dismissed' } },
    orderBy: [{ firstSeen: 'desc' }, { id: 'desc' }],
    take: limit,
    include: { evidence: { orderBy: { id: 'asc' }, take: 1, include: { article: { select: { title: true, url: true, lang: true } } } } },
  });
  const updated = (links[0]?.firstSeen ?? user.createdAt).toISOString();
  const entries = links.map((l) => {
    const ev = l.evidence[0];
    const url = safeUrl(ev?.article.url);
    const summary = [
      ev ? `“${oneLine(ev.sentence, 1000)}”` : '',
      ev ? `Article: ${oneLine(ev.article.title, 300)} (${ev.article.lang})` : '',
      `${l.articleCount} article(s) so far${l.review === 'confirmed' ? '; confirmed by an analyst' : ''}`,
      `In Ruta: ${appUrl}/links/${l.id}`,
    ].filter(Boolean).join('\n');
    return [
      '  <entry>',
      `    <id>tag:ruta,2026:link:${l.id}</id>`,
      `    <title type="text">${xml(oneLine(`${l.balkan} – ${l.latam}${l.review === 'confirmed' ? ' (confirmed)' : ''}`, 300))}</title>`,
      `    <updated>${l.firstSeen.toISOString()}</updated>`,
      url ? `    <link rel="alternate" href="${xml(url)}"/>` : '',
      `    <link rel="related" href="${xml(`${appUrl}/links/${l.id}`)}"/>`,
      `    <category term="${xml(l.balkanType)}"/>`,
      `    <category term="${xml(l.latamType)}"/>`,
      `    <summary type="text">${xml(summary)}</summary>`,
      '  </entry>',
    ].filter(Boolean).join('\n');
  });
  return atomDocument(`tag:ruta,2026:links:user:${user.id}`, 'Ruta: new Balkan–Latin America links', updated, selfUrl, entries);
}
