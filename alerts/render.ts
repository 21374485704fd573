// Alerts as mail (HTML and plain text), webhook JSON and Slack/Mattermost
// text. Everything that came from a crawled page (titles, quotes, names, URLs)
// is untrusted: HTML is escaped, links are kept only for http(s) URLs, and
// Slack control sequences are neutralised, so a page carrying markup or script
// arrives as inert text.

export interface AlertView {
  id: number;
  rule: string;
  severity: string;
  reason: string;
  evidence: string | null;
  entities: string[];
  createdAt: Date;
  article: { id: number; title: string; url: string; lang: string } | null;
  story: { id: number; headline: string } | null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML-escaped, without the control characters XML 1.0 forbids. */
export const escapeXml = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** The URL when it is http(s), else null: no javascript:, data: or other schemes in a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** One line for headers and chat: no control characters or line breaks. */
export const oneLine = (s: string, max = 200) => {
  const t = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export const SEVERITY_LABEL: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function alertSubject(a: AlertView): string {
  return oneLine(`[Ruta] ${SEVERITY_LABEL[a.severity] ?? a.severity}: ${a.reason}`, 180);
}

export function alertText(a: AlertView, appUrl: string): string {
  const lines = [`${SEVERITY_LABEL[a.severity] ?? a.severity} — ${oneLine(a.reason, 1000)}`, ''];
  if (a.evidence) lines.push(`“${oneLine(a.evidence, 1000)}”`, '');
  if (a.entities.length) lines.push(`Entities: ${a.entities.map((e) => oneLine(e, 100)).join(', ')}`);
  if (a.article) lines.push(`Article: ${oneLine(a.article.title, 300)} (${a.article.lang})`, `Source: ${safeUrl(a.article.url) ?? '(not an http link)'}`);
  if (a.story) lines.push(`Story #${a.story.id}: ${oneLine(a.story.headline, 300)}`);
  lines.push(`Rule: ${a.rule} · alert #${a.id} · ${a.createdAt.toISOString()}`, `Triage: ${appUrl}/alerts/${a.id}`);
  return `${lines.join('\n')}\n`;
}

export function alertHtmlBlock(a: AlertView, appUrl: string): string {
  const url = safeUrl(a.article?.url);
  const title = a.article ? escapeHtml(a.article.title) : '';
  return [
    `<div style="border-left:4px solid ${a.severity === 'critical' || a.severity === 'high' ? '#b00020' : '#996a00'};padding:4px 12px;margin:12px 0">`,
    `<p style="margin:0"><strong>${escapeHtml(SEVERITY_LABEL[a.severity] ?? a.severity)}</strong> — ${escapeHtml(a.reason)}</p>`,
    a.evidence ? `<blockquote style="margin:6px 0;color:#333">“${escapeHtml(a.evidence)}”</blockquote>` : '',
    a.entities.length ? `<p style="margin:0">Entities: ${a.entities.map((e) => `<b>${escapeHtml(e)}</b>`).join(', ')}</p>` : '',
    a.article ? `<p style="margin:0">${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title} <small>(${escapeHtml(a.article.lang)})</small></p>` : '',
    a.story ? `<p style="margin:0;color:#555">Story #${a.story.id}: ${escapeHtml(a.story.headline)}</p>` : '',
    `<p style="margin:0;color:#777;font-size:small">${escapeHtml(a.rule)} · <a href="${escapeHtml(`${appUrl}/alerts/${a.id}`)}">triage alert #${a.id}</a></p>`,
    '</div>',
  ].join('');
}

/** An analyst's escalation of an alert, as its delivery's payload carries it. */
export interface Escalation {
  by: string;
  note: string | null;
  at: string;
}

export function escalationText(e: Escalation): string {
  return [`Escalated by ${oneLine(e.by, 200)} at ${e.at}`, ...(e.note ? [`Note: ${oneLine(e.note, 2000)}`] : [])].join('\n');
}

export function escalationHtml(e: Escalation): string {
  return `<p style="margin:12px 0 0"><strong>Escalated</strong> by ${escapeHtml(e.by)} at ${escapeHtml(e.at)}${e.note ? `: “${escapeHtml(e.note)}”` : ''}</p>`;
}

export function escalationSlack(e: Escalation): string {
  return `*Escalated* by ${slackEscape(e.by)}${e.note ? `: ${slackEscape(e.note)}` : ''}`;
}

export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:720px">${body}</body></html>`;
}

export function alertJson(a: AlertView) {
  return {
    id: a.id,
    rule: a.rule,
    severity: a.severity,
    reason: a.reason,
    evidence: a.evidence,
    entities: a.entities,
    createdAt: a.createdAt.toISOString(),
    article: a.article ? { id: a.article.id, title: a.article.title, url: a.article.url, lang: a.article.lang } : null,
    story: a.story,
  };
}

/** Slack and Mattermost read `text` as markup: &, < and > must be escaped, and mentions defused. */
const slackEscape = (s: string) => oneLine(s, 1000).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@(channel|here|everyone|all)\b/gi, '@\u200b$1');

export function alertSlack(a: AlertView): { text: string } {
  const url = safeUrl(a.article?.url);
  const parts = [`*${SEVERITY_LABEL[a.severity] ?? a.severity}* — ${slackEscape(a.reason)}`];
  if (a.evidence) parts.push(`> ${slackEscape(a.evidence)}`);
  if (a.article) parts.push(url ? `<${url.replace(/[|>]/g, encodeURIComponent)}|${slackEscape(a.article.title).replace(/\|/g, '¦')}>` : slackEscape(a.article.title));
  if (a.story) parts.push(`Story #${a.story.id}: ${slackEscape(a.story.headline)}`);
  return { text: parts.join('\n') };
}
