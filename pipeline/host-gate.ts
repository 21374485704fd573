// Politeness: one request at a time per host, with a minimum delay between
// requests to the same host.
export class HostGate {
  private next = new Map<string, Promise<void>>();

  constructor(private delayMs: number) {}

  /** Runs `fn` when the host's turn comes; the next request to that host waits delayMs after it ends. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return fn();
    }
    const prev = this.next.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.next.set(host, prev.then(() => mine));
    await prev;
    try {
      return await fn();
    } finally {
      if (this.delayMs > 0) setTimeout(release, this.delayMs).unref?.();
      else release();
    }
  }
}
