// Article text with entity mentions marked by type; everything escaped.
import { html, type Html } from './html.js';

export interface MentionSpan {
  start: number;
  end: number;
  type: string;
  canonical: string;
}

/** What the highlight colours mean. */
export const LEGEND: [string, string][] = [['person', 'person'], ['criminal_group', 'group'], ['port', 'place'], ['nationality', 'nationality, vessel'], ['organization', 'organisation, company'], ['seizure', 'seizure']];

export function highlight(text: string, mentions: MentionSpan[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue; // overlapping or stale
    parts.push(html`${text.slice(at, m.start)}`);
    parts.push(html`<mark class="t-${m.type.replace(/[^a-z_]/g, '')}" title="${m.type}: ${m.canonical}">${text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
