// Politeness: one request at a time per host, a minimum delay between
// requests to one host (raised by robots.txt crawl-delay), a global limit on
// requests in flight, and pauses when a host answers 429 or 503 with
// Retry-After.
import { Semaphore } from '../crawlers/semaphore.js';

export class HostGate {
  private tail = new Map<string, Promise<void>>();
  private hostDelay = new Map<string, number>();
  private pausedUntil = new Map<string, number>();
  private connections: Semaphore;

  constructor(
    private delayMs: number,
    maxConnections = 8,
  ) {
    this.connections = new Semaphore(maxConnections);
  }

  static hostOf(url: string): string {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  }

  /** Sets a host's minimum delay (crawl-delay), never below the default. Capped at a minute. */
  setHostDelay(url: string, ms: number): void {
    this.hostDelay.set(HostGate.hostOf(url), Math.min(60_000, Math.max(this.delayMs, ms)));
  }

  /** The host asked to wait (Retry-After). */
  pause(url: string, ms: number): void {
    const host = HostGate.hostOf(url);
    this.pausedUntil.set(host, Math.max(this.pausedUntil.get(host) ?? 0, Date.now() + ms));
  }

  /** Milliseconds until the host may be asked again. */
  pausedFor(url: string): number {
    return Math.max(0, (this.pausedUntil.get(HostGate.hostOf(url)) ?? 0) - Date.now());
  }

  /** Runs `fn` when the host's turn comes; the host's next request waits its delay after this one ends. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = HostGate.hostOf(url);
    const prev = this.tail.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chained = prev.then(() => mine);
    this.tail.set(host, chained);
    await prev;
    const pause = this.pausedFor(url);
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    await this.connections.acquire();
    try {
      return await fn();
    } finally {
      this.connections.release();
      const delay = this.hostDelay.get(host) ?? this.delayMs;
      const done = () => {
        release();
        if (this.tail.get(host) === chained) this.tail.delete(host);
      };
      if (delay > 0) setTimeout(done, delay);
      else done();
    }
  }
}
