// Security headers for every response, and a login rate limit.
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/**
 * Failed logins per account (5) and per client address (20, several people may
 * share one), in a sliding window of 15 minutes: past its limit a key waits
 * until its oldest failure leaves the window.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(private limits: Record<string, number> = { email: 5, ip: 20 }, private windowMs = 15 * 60_000) {}

  private max(key: string): number {
    return this.limits[key.slice(0, key.indexOf(':'))] ?? 5;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before another attempt, or 0. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const k of keys) {
      const list = this.recent(k, now);
      if (list.length >= this.max(k)) wait = Math.max(wait, Math.ceil((list[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: string[], now = Date.now()): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now]);
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
