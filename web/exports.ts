// The link graph as CSV, JSON, FollowTheMoney entities (JSON lines) and GEXF for Gephi.
import { createHash } from 'node:crypto';
import type { GraphLink } from '../storage/research-repo.js';
import type { SearchHit } from '../storage/search-index.js';
import type { ExportRow } from '../storage/triage-repo.js';
import { escapeXml as xml } from '../alerts/render.js';

const csvCell = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString() : String(v ?? '');
  // Quote always; neutralise formulas a spreadsheet would run (=, +, -, @ at the start).
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export function linksCsv(links: GraphLink[]): string {
  const head = ['balkan', 'balkan_type', 'latam', 'latam_type', 'evidence', 'first_seen', 'last_seen', 'review'];
  return `${[head.join(','), ...links.map((l) => [l.balkan, l.balkanType, l.latam, l.latamType, l.evidence, l.firstSeen, l.lastSeen, l.review].map(csvCell).join(','))].join('\r\n')}\r\n`;
}

/** Search hits as CSV: each article's id (its stored copy is /articles/ID), address, title, date, language, script and the snippet shown. */
export function searchCsv(hits: SearchHit[]): string {
  const head = ['id', 'url', 'title', 'published', 'lang', 'script', 'snippet'];
  return `${[head.join(','), ...hits.map((h) => [h.id, h.url, h.title, h.published ?? '', h.lang, h.script, h.snippet].map(csvCell).join(','))].join('\r\n')}\r\n`;
}

/** Alerts as CSV: the queue's rows with their evidence, entities, article and decisions. */
export function alertsCsv(rows: ExportRow[]): string {
  const head = ['id', 'created', 'rule', 'severity', 'status', 'reason', 'evidence', 'entities', 'article_id', 'article_title', 'article_url', 'story_id', 'assignee', 'decided_by', 'decided_at', 'note'];
  const date = (v: string | null) => (v ? new Date(v).toISOString() : '');
  return `${[head.join(','), ...rows.map((r) => [r.id, date(r.createdAt), r.rule, r.severity, r.status, r.reason, r.evidence, (JSON.parse(r.entities) as string[]).join('; '), r.articleId, r.articleTitle, r.articleUrl, r.storyId, r.assignee, r.triagedBy, date(r.triagedAt), r.note].map(csvCell).join(','))].join('\r\n')}\r\n`;
}

export function linksJson(links: GraphLink[]): string {
  return `${JSON.stringify(links.map((l) => ({ balkan: { name: l.balkan, type: l.balkanType }, latam: { name: l.latam, type: l.latamType }, evidence: l.evidence, firstSeen: l.firstSeen.toISOString(), lastSeen: l.lastSeen.toISOString(), review: l.review })), null, 2)}\n`;
}

const id = (kind: string, ...parts: string[]) => `ruta-${kind}-${createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;

/** Entity type → FollowTheMoney schema. */
const FTM_SCHEMA: Record<string, string> = {
  person: 'Person',
  criminal_group: 'Organization',
  organization: 'Organization',
  company: 'Company',
  vessel: 'Vessel',
  port: 'Address',
  city: 'Address',
  country: 'Address',
  nationality: 'Organization',
};

/** FollowTheMoney entities, one per line: the link sides, and an UnknownLink per link. */
export function linksFtm(links: GraphLink[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const entity = (name: string, type: string) => {
    const eid = id('entity', type, name);
    if (!seen.has(eid)) {
      seen.add(eid);
      const schema = FTM_SCHEMA[type] ?? 'LegalEntity';
      const properties: Record<string, string[]> = schema === 'Address' ? { full: [name] } : { name: [name] };
      properties.notes = [`Ruta entity type: ${type}`];
      lines.push(JSON.stringify({ id: eid, schema, properties }));
    }
    return eid;
  };
  for (const l of links) {
    const a = entity(l.balkan, l.balkanType);
    const b = entity(l.latam, l.latamType);
    lines.push(JSON.stringify({
      id: id('link', l.balkan, l.latam),
      schema: 'UnknownLink',
      properties: { subject: [a], object: [b], role: ['Balkan–Latin America link reported in news'], startDate: [l.firstSeen.toISOString().slice(0, 10)], endDate: [l.lastSeen.toISOString().slice(0, 10)], summary: [`${l.evidence} article(s) of evidence`] },
    }));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}


/** GEXF 1.3 for Gephi: nodes with side and type, weighted undirected edges. */
export function linksGexf(links: GraphLink[]): string {
  const nodes = new Map<string, { label: string; side: string; type: string }>();
  for (const l of links) {
    nodes.set(id('entity', l.balkanType, l.balkan), { label: l.balkan, side: 'balkan', type: l.balkanType });
    nodes.set(id('entity', l.latamType, l.latam), { label: l.latam, side: 'latam', type: l.latamType });
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Ruta</creator><description>Balkan–Latin America links</description></meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node"><attribute id="side" title="side" type="string"/><attribute id="type" title="type" type="string"/></attributes>',
    '    <nodes>',
    ...[...nodes].map(([k, n]) => `      <node id="${k}" label="${xml(n.label)}"><attvalues><attvalue for="side" value="${n.side}"/><attvalue for="type" value="${xml(n.type)}"/></attvalues></node>`),
    '    </nodes>',
    '    <edges>',
    ...links.map((l, i) => `      <edge id="${i}" source="${id('entity', l.balkanType, l.balkan)}" target="${id('entity', l.latamType, l.latam)}" weight="${l.evidence}"/>`),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
