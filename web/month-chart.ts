// A bar per month, as server-rendered SVG: the seizures page (kilograms) and
// entity pages (articles naming it). Months without a value are drawn empty,
// since the axis is time.
import { html, type Html } from './html.js';

/** Every month from the first to the last with a value, those without one as 0; at most the last `years` years. */
export function monthSeries(byMonth: Map<string, number>, years = 20): [string, number][] {
  const seen = [...byMonth.keys()].sort();
  const months: [string, number][] = [];
  if (!seen.length) return months;
  // A stray old date must not push the recent months off.
  const [ly, lm] = seen[seen.length - 1]!.split('-').map(Number) as [number, number];
  const floor = (ly - years) * 12 + lm;
  let [y, m] = seen[0]!.split('-').map(Number) as [number, number];
  if (y * 12 + m < floor) [y, m] = [Math.floor((floor - 1) / 12), ((floor - 1) % 12) + 1];
  for (let key = `${y}-${String(m).padStart(2, '0')}`; key <= seen[seen.length - 1]!; key = `${y}-${String(m).padStart(2, '0')}`) {
    months.push([key, byMonth.get(key) ?? 0]);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The bars, each with its month and value as a tooltip, values over wide bars, month ticks where there is room. */
export function monthChart(months: [string, number][], o: { id: string; label: string; fmt: (v: number) => string; title: (v: number) => string; height?: number }): Html {
  const height = o.height ?? 240;
  const plot = height - 70;
  const base = height - 40;
  const max = Math.max(1, ...months.map(([, v]) => v));
  const barW = Math.max(8, Math.min(40, Math.floor(900 / Math.max(1, months.length))));
  const chartW = Math.max(960, 40 + months.length * (barW + 4));
  return html`<div class="scroll-x"><svg id="${o.id}" class="month-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${chartW} ${height}" width="${chartW}" height="${height}" role="img" aria-label="${o.label}">
${months.map(([m, v], i) => {
  const h = Math.max(2, Math.round((v / max) * plot));
  const x = 30 + i * (barW + 4);
  // Month ticks where there is room for them: every bar when wide, every year's January (and the first) when narrow.
  const tick = barW >= 24 || i === 0 || m.endsWith('-01');
  return html`<g class="bar"><title>${m}: ${o.title(v)}</title>${v ? html`<rect x="${x}" y="${base - h}" width="${barW}" height="${h}"/>` : ''}${v && barW >= 24 ? html`<text x="${x}" y="${base - 6 - h}" class="value">${o.fmt(v)}</text>` : ''}${tick ? html`<text x="${x}" y="${base + 20}" class="tick">${m}</text>` : ''}</g>`;
})}</svg></div>`;
}
