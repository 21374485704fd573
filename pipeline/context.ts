// What one crawler process shares across sources: settings, the politeness
// gate, the robots.txt cache and the browser.
import type { FetchOptions } from '../crawlers/http-fetch.js';
import { Renderer } from '../crawlers/renderer.js';
import { RobotsCache } from '../crawlers/robots.js';
import { loadCrawlerSettings, type CrawlerSettings } from '../crawlers/settings.js';
import { AllowList } from '../crawlers/ssrf.js';
import type { Db } from '../storage/db.js';
import { logFetch } from '../storage/sources-repo.js';
import { HostGate } from './host-gate.js';
import { AnalysisPool } from './analysis-pool.js';

export interface CrawlContext {
  db: Db;
  settings: CrawlerSettings;
  gate: HostGate;
  robots: RobotsCache;
  renderer: Renderer;
  analysis: AnalysisPool;
  fetchOpts: FetchOptions;
  log: (line: string) => void;
  close(): Promise<void>;
}

export function createContext(db: Db, over: { hostDelayMs?: number; log?: (line: string) => void; fetch?: FetchOptions; settings?: Partial<CrawlerSettings> } = {}): CrawlContext {
  const settings = { ...loadCrawlerSettings(), ...over.settings };
  if (over.hostDelayMs !== undefined) settings.hostDelayMs = over.hostDelayMs;
  const fetchOpts: FetchOptions = {
    allow: AllowList.fromEnv(),
    userAgent: settings.userAgent,
    maxBytes: settings.maxBytes,
    maxDecompressedBytes: settings.maxDecompressedBytes,
    maxRedirects: settings.maxRedirects,
    connectTimeoutMs: settings.connectTimeoutMs,
    idleTimeoutMs: settings.idleTimeoutMs,
    totalTimeoutMs: settings.totalTimeoutMs,
    ...over.fetch,
  };
  const gate = new HostGate(settings.hostDelayMs, settings.maxConnections);
  const robots = new RobotsCache(fetchOpts, settings.robotsCacheMs, (url, o) => {
    void logFetch(db, { sourceId: null, url, purpose: 'robots', status: o.status ?? null, ok: o.ok, error: o.error ?? null, bytes: o.bytes ?? 0 }).catch(() => undefined);
  });
  const renderer = new Renderer({ maxPages: settings.render.maxPages, timeoutMs: settings.render.timeoutMs, userAgent: settings.userAgent, allow: fetchOpts.allow });
  const analysis = new AnalysisPool();
  return {
    db,
    settings,
    gate,
    robots,
    renderer,
    analysis,
    fetchOpts,
    log: over.log ?? (() => {}),
    close: async () => {
      await renderer.close();
      await analysis.close();
    },
  };
}
