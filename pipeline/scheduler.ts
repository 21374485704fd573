// `ruta run`: every enabled source on its own node-cron schedule, with a
// random delay so sources sharing a schedule do not fire together. Runs of one
// source never overlap. SIGTERM and SIGINT let in-flight work finish, then stop.
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../storage/db.js';
import { reclaimStale } from '../storage/frontier-repo.js';
import { listSources } from '../storage/sources-repo.js';
import { runRules } from '../alerts/run-rules.js';
import { deliverPending } from '../alerts/deliver.js';
import { queueDueDigests } from '../alerts/digest.js';
import { updateSearchIndex } from '../storage/search-index.js';
import { fetchLogDays, pruneOldRecords } from '../storage/housekeeping.js';
import { crawlSource, type CrawlOptions } from './crawl.js';
import { createContext } from './context.js';

export interface Scheduler {
  stop(): Promise<void>;
  tasks: number;
}

export async function startScheduler(db: Db, opts: CrawlOptions & { jitterMs?: number } = {}): Promise<Scheduler> {
  const log = opts.log ?? (() => {});
  // A wrong RUTA_FETCH_LOG_DAYS stops the start, not a night's housekeeping.
  const keepDays = fetchLogDays();
  const reclaimed = await reclaimStale(db);
  if (reclaimed) log(`reclaimed ${reclaimed} URL(s) left in flight by an earlier run`);
  const ctx = createContext(db, { hostDelayMs: opts.hostDelayMs, log, fetch: opts.fetch });
  const sources = await listSources(db, { enabledOnly: true });
  const inFlight = new Set<Promise<unknown>>();
  const running = new Set<string>();
  let stopping = false;
  const jitterMax = opts.jitterMs ?? Number(process.env.RUTA_SCHEDULE_JITTER_MS ?? 30_000);

  const tasks: ScheduledTask[] = sources.map((s) =>
    cron.schedule(
      s.schedule,
      async () => {
        if (stopping || running.has(s.id)) return;
        running.add(s.id);
        const work = (async () => {
          await new Promise((r) => setTimeout(r, Math.random() * jitterMax));
          if (stopping) return;
          const fresh = (await listSources(db, { id: s.id }))[0];
          if (!fresh?.enabled) return;
          const rep = await crawlSource(ctx, fresh, opts);
          await updateSearchIndex(db);
          const alerts = (await runRules(db)).total;
          if (alerts) await sendOutbox();
          log(`[${s.id}] run finished: ${rep.stored} stored, ${rep.failed} failed${rep.error ? `, error: ${rep.error}` : ''}; ${alerts} new alert(s)`);
        })()
          .catch((e) => log(`[${s.id}] run failed: ${(e as Error).message}`))
          .finally(() => {
            running.delete(s.id);
            inFlight.delete(work);
          });
        inFlight.add(work);
      },
      { name: `source:${s.id}`, noOverlap: true },
    ),
  );
  // The outbox (retries with backoff) and the daily digests: every user's local digest hour is
  // checked every five minutes, so a digest missed while Ruta was down goes out when it is back.
  let sending: Promise<unknown> | null = null;
  // The outbox runs every minute: a line that says the same as last time (mail waiting for
  // RUTA_SMTP_URL, say) is not repeated.
  let lastOutboxLine = '';
  const outboxLog = (line: string) => {
    if (line !== lastOutboxLine) log(line);
    lastOutboxLine = line;
  };
  function sendOutbox(): Promise<unknown> {
    sending ??= deliverPending(db, { log: outboxLog })
      .catch((e) => log(`deliveries failed: ${(e as Error).message}`))
      .finally(() => (sending = null));
    return sending;
  }
  const outboxTask = cron.schedule('* * * * *', () => void (stopping ? null : sendOutbox()), { name: 'outbox', noOverlap: true });
  const digestTask = cron.schedule(
    '*/5 * * * *',
    async () => {
      if (stopping) return;
      try {
        if (await queueDueDigests(db, new Date(), log)) await sendOutbox();
      } catch (e) {
        log(`digests failed: ${(e as Error).message}`);
      }
    },
    { name: 'digests', noOverlap: true },
  );
  // Housekeeping: at start and every night, the fetch log past RUTA_FETCH_LOG_DAYS and expired sessions.
  const housekeeping = async () => {
    if (stopping) return;
    try {
      const r = await pruneOldRecords(db, { fetchLogDays: keepDays });
      if (r.fetchLog || r.sessions) log(`housekeeping: deleted ${r.fetchLog} fetch log row(s) older than ${keepDays} days and ${r.sessions} expired session(s)`);
    } catch (e) {
      log(`housekeeping failed: ${(e as Error).message}`);
    }
  };
  const housekeepingTask = cron.schedule('41 3 * * *', housekeeping, { name: 'housekeeping', noOverlap: true });
  const firstHousekeeping = housekeeping();
  inFlight.add(firstHousekeeping);
  void firstHousekeeping.finally(() => inFlight.delete(firstHousekeeping));
  tasks.push(outboxTask, digestTask, housekeepingTask);
  const own = 3;
  log(`scheduler: ${tasks.length - own} source(s) scheduled, outbox every minute, digests checked every 5 minutes, housekeeping nightly`);
  return {
    tasks: tasks.length - own,
    async stop() {
      stopping = true;
      for (const t of tasks) await t.stop();
      await Promise.allSettled([...inFlight, sending]);
      for (const t of tasks) await t.destroy();
      await ctx.close();
    },
  };
}
