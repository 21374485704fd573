// Sources and their fetch log.
import type { Db } from './db.js';
import { sqlDate, writeTx } from './raw-sql.js';
import type { Source } from './generated/client.js';

export interface SourceInput {
  id: string;
  name: string;
  url: string;
  kind: string;
  language: string | null;
  country: string | null;
  schedule: string;
  render: boolean;
  enabled: boolean;
  config: Record<string, unknown>;
}

export type { Source };

/** Inserts new sources and updates existing ones by id. Returns counts. */
export async function upsertSources(db: Db, specs: SourceInput[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    for (const s of specs) {
      const data = { ...s, config: JSON.stringify(s.config) };
      const existing = await tx.source.findUnique({ where: { id: s.id }, select: { id: true } });
      if (existing) {
        await tx.source.update({ where: { id: s.id }, data });
        updated++;
      } else {
        await tx.source.create({ data });
        created++;
      }
    }
  });
  return { created, updated };
}

export function listSources(db: Db, opts: { id?: string; enabledOnly?: boolean } = {}): Promise<Source[]> {
  return db.source.findMany({
    where: { ...(opts.id ? { id: opts.id } : {}), ...(opts.enabledOnly ? { enabled: true } : {}) },
    orderBy: { id: 'asc' },
  });
}

export async function recordSourceRun(db: Db, id: string, error: string | null): Promise<void> {
  const now = new Date();
  await db.source.update({
    where: { id },
    data: error ? { lastRunAt: now, lastErrorAt: now, lastError: error } : { lastRunAt: now, lastSuccessAt: now },
  });
}

export interface FetchLogInput {
  sourceId: string | null;
  url: string;
  purpose: 'feed' | 'article' | 'sitemap' | 'robots' | 'page';
  status?: number | null;
  ok: boolean;
  notModified?: boolean;
  rendered?: boolean;
  error?: string | null;
  bytes?: number;
  durationMs?: number;
}

/** One row per fetch; written on every request, so plain SQL (storage/raw-sql.ts). */
export async function logFetch(db: Db, e: FetchLogInput): Promise<void> {
  await writeTx(db, (sql) =>
    sql.run(
      'INSERT INTO "FetchLog" ("sourceId", "url", "purpose", "status", "ok", "notModified", "rendered", "error", "bytes", "durationMs", "at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      e.sourceId, e.url, e.purpose, e.status ?? null, e.ok ? 1 : 0, e.notModified ? 1 : 0, e.rendered ? 1 : 0, e.error ?? null, e.bytes ?? 0, Math.round(e.durationMs ?? 0), sqlDate(new Date()),
    ),
  );
}

export async function getValidators(db: Db, url: string): Promise<{ etag: string | null; lastModified: string | null } | null> {
  return db.httpCache.findUnique({ where: { url }, select: { etag: true, lastModified: true } });
}

export async function saveValidators(db: Db, url: string, etag: string | null, lastModified: string | null): Promise<void> {
  if (!etag && !lastModified) return;
  await db.httpCache.upsert({ where: { url }, create: { url, etag, lastModified }, update: { etag, lastModified } });
}
