// Crawler settings from config/settings.yaml, with environment overrides.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FETCH_DEFAULTS } from './http-fetch.js';

export interface CrawlerSettings {
  contact: string;
  userAgent: string;
  hostDelayMs: number;
  maxConnections: number;
  concurrency: number;
  maxBytes: number;
  maxDecompressedBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  totalTimeoutMs: number;
  maxRetryWaitMs: number;
  maxArticlesPerSource: number;
  /** Feed and sitemap entries dated more than this many days ago are not queued; 0 queues every age. */
  maxAgeDays: number;
  robotsCacheMs: number;
  render: { maxPages: number; timeoutMs: number };
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const DEFAULTS: Omit<CrawlerSettings, 'userAgent'> = {
  contact: 'https://github.com/ruta-monitor/ruta',
  hostDelayMs: 1000,
  maxConnections: 8,
  concurrency: 4,
  ...FETCH_DEFAULTS,
  maxRetryWaitMs: 10_000,
  maxArticlesPerSource: 500,
  maxAgeDays: 0,
  robotsCacheMs: 24 * 3600_000,
  render: { maxPages: 4, timeoutMs: 30_000 },
};

function num(env: string | undefined, fallback: number): number {
  const n = Number(env);
  return env !== undefined && env !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** One top-level section of config/settings.yaml (RUTA_CONFIG_DIR), or {} when the file or section is absent. */
export function settingsSection<T>(section: string, env: NodeJS.ProcessEnv = process.env): Partial<T> {
  const file = join(env.RUTA_CONFIG_DIR ?? join(ROOT, 'config'), 'settings.yaml');
  if (!existsSync(file)) return {};
  try {
    return ((parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null)?.[section] ?? {}) as Partial<T>;
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
  }
}

export function loadCrawlerSettings(env: NodeJS.ProcessEnv = process.env): CrawlerSettings {
  const fromFile = settingsSection<CrawlerSettings>('crawler', env);
  const s = { ...DEFAULTS, ...fromFile, render: { ...DEFAULTS.render, ...(fromFile.render ?? {}) } };
  s.contact = env.RUTA_CONTACT_URL || s.contact;
  s.hostDelayMs = num(env.RUTA_HOST_DELAY_MS, s.hostDelayMs);
  s.maxConnections = Math.max(1, num(env.RUTA_MAX_CONNECTIONS, s.maxConnections));
  s.concurrency = Math.max(1, num(env.RUTA_CONCURRENCY, s.concurrency));
  s.maxArticlesPerSource = Math.max(1, num(env.RUTA_MAX_ARTICLES_PER_SOURCE, s.maxArticlesPerSource));
  s.maxAgeDays = num(env.RUTA_MAX_AGE_DAYS, s.maxAgeDays);
  return { ...s, userAgent: env.RUTA_USER_AGENT || `Ruta/${VERSION} (+${s.contact}; news monitoring crawler)` };
}
