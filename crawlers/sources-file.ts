// The sources file (YAML): a list of sources, each with at least id, name,
// url, kind, language, schedule and render.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import cron from 'node-cron';
import { isTimeZone } from '../extractors/time-zones.js';

export const SOURCE_KINDS = ['rss', 'atom', 'sitemap', 'listing', 'page', 'search'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceSpec {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  language: string | null;
  country: string | null;
  schedule: string;
  render: boolean;
  enabled: boolean;
  /** Everything else: selectors, limits. Stored as JSON. */
  config: Record<string, unknown>;
}

export class SourcesFileError extends Error {}

const KNOWN = new Set(['id', 'name', 'url', 'kind', 'language', 'country', 'schedule', 'render', 'enabled']);

export function parseSources(yamlText: string, origin = 'sources file'): SourceSpec[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    throw new SourcesFileError(`${origin}: not valid YAML: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list)) throw new SourcesFileError(`${origin}: expected a list of sources, or a "sources:" key holding one`);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const where = `${origin}, source #${i + 1}`;
    if (!raw || typeof raw !== 'object') throw new SourcesFileError(`${where}: expected a mapping`);
    const r = raw as Record<string, unknown>;
    const str = (k: string, required: boolean): string | null => {
      const v = r[k];
      if (v === undefined || v === null || v === '') {
        if (required) throw new SourcesFileError(`${where}: "${k}" is required`);
        return null;
      }
      if (typeof v !== 'string') throw new SourcesFileError(`${where}: "${k}" must be a string`);
      return v.trim();
    };
    const id = str('id', true)!;
    if (/\s/.test(id)) throw new SourcesFileError(`${where}: id "${id}" may not contain spaces`);
    if (seen.has(id)) throw new SourcesFileError(`${where}: duplicate id "${id}"`);
    seen.add(id);
    const url = str('url', true)!;
    try {
      const u = new URL(url.replace(/\{(query|lang)\}/g, 'x'));
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    } catch {
      throw new SourcesFileError(`${where} (${id}): url "${url}" is not an http(s) URL`);
    }
    const kind = str('kind', true)! as SourceKind;
    if (!SOURCE_KINDS.includes(kind)) throw new SourcesFileError(`${where} (${id}): kind must be one of ${SOURCE_KINDS.join(', ')}, not "${kind}"`);
    if (kind === 'search' && !url.includes('{query}')) throw new SourcesFileError(`${where} (${id}): a search source's url needs a {query} placeholder (and may use {lang})`);
    const schedule = str('schedule', false) ?? '*/30 * * * *';
    if (!cron.validate(schedule)) throw new SourcesFileError(`${where} (${id}): schedule "${schedule}" is not a valid cron expression`);
    const bool = (k: string, dflt: boolean) => {
      const v = r[k];
      if (v === undefined || v === null) return dflt;
      if (typeof v !== 'boolean') throw new SourcesFileError(`${where} (${id}): "${k}" must be true or false`);
      return v;
    };
    const config: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (!KNOWN.has(k)) config[k] = v;
    // Counts of the crawl (pages of a listing, search queries, an age in days): whole numbers, 0 or more.
    for (const k of ['maxPages', 'maxQueries', 'maxAgeDays']) {
      const v = config[k];
      if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
        throw new SourcesFileError(`${where} (${id}): "${k}" must be a whole number of 0 or more, not ${JSON.stringify(v)}`);
      }
    }
    if (config.offsite !== undefined && typeof config.offsite !== 'boolean') throw new SourcesFileError(`${where} (${id}): "offsite" must be true or false`);
    if (config.timezone !== undefined && (typeof config.timezone !== 'string' || !isTimeZone(config.timezone))) {
      throw new SourcesFileError(`${where} (${id}): "timezone" must be an IANA time zone such as America/Guayaquil or Europe/Belgrade, not ${JSON.stringify(config.timezone)}`);
    }
    return {
      id,
      name: str('name', false) ?? id,
      url,
      kind,
      language: str('language', false)?.toLowerCase() ?? null,
      country: str('country', false)?.toUpperCase() ?? null,
      schedule,
      render: bool('render', false),
      enabled: bool('enabled', true),
      config,
    };
  });
}

export function readSourcesFile(path: string): SourceSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourcesFileError(`cannot read sources file ${path}: ${(e as Error).message}`);
  }
  return parseSources(text, path);
}
