// One HTTP GET with everything a crawler needs on hostile ground: connect,
// idle and total timeouts; a byte limit enforced while streaming; a separate
// limit on decompressed size; at most N redirects, each re-checked by the SSRF
// guard on the resolved IP; conditional GET validators. Connections are kept
// alive between requests to the same host (one TLS handshake for a run of a
// site's articles, not one per page), and a request that finds its kept
// connection closed by the server is sent once more on a new one.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { AllowList, assertAddressAllowed } from './ssrf.js';

export interface FetchOptions {
  userAgent?: string;
  accept?: string;
  etag?: string | null;
  lastModified?: string | null;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxDecompressedBytes?: number;
  maxRedirects?: number;
  allow?: AllowList;
}

export interface FetchResponse {
  url: string; // final URL after redirects
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  notModified: boolean;
  redirects: string[];
  durationMs: number;
}

export type FetchErrorCode =
  | 'timeout'
  | 'too-large'
  | 'decompression-limit'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'blocked-address'
  | 'bad-url'
  | 'network'
  | 'truncated'
  | 'http-status';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export const DEFAULT_USER_AGENT = 'Ruta/0.1 (+https://github.com/ruta-monitor/ruta; news monitoring crawler)';

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 15_000,
  totalTimeoutMs: 45_000,
  maxBytes: 5 * 1024 * 1024,
  maxDecompressedBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

/** How long a kept connection may sit idle: under the 5 s many servers allow, so that the server seldom closes it first. */
const IDLE_CONNECTION_MS = 4_000;
const agents = new Map<string, { http: http.Agent; https: https.Agent }>();

/**
 * The connection pool for requests under an allow list. The SSRF guard checks the address when a connection
 * opens, so a connection is only shared by requests under the same list.
 */
function agentFor(protocol: string, allow: AllowList): http.Agent {
  let pool = agents.get(allow.spec);
  if (!pool) {
    const options = { keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 2, timeout: IDLE_CONNECTION_MS, scheduling: 'lifo' as const };
    pool = { http: new http.Agent(options), https: new https.Agent(options) };
    agents.set(allow.spec, pool);
  }
  return protocol === 'https:' ? pool.https : pool.http;
}

function guardedLookup(allow: AllowList, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      try {
        for (const a of list) assertAddressAllowed(allow, hostname, port, a.address);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, '', 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

function networkHint(e: NodeJS.ErrnoException, u: URL): string {
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${u.hostname} does not resolve (${e.code}); check the URL, DNS and the network`;
    case 'ECONNREFUSED':
      return `${u.host} refused the connection; is the site up and the port right?`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${u.host} closed the connection (${e.code}); it may be overloaded or blocking crawlers, Ruta will retry later`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the TLS certificate of ${u.hostname} is not valid (${e.code})`;
    default:
      return `${e.code ? `${e.code}: ` : ''}${e.message}`;
  }
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Fetches `url`. Resolves for 2xx and 304; rejects with FetchError otherwise. */
export async function httpGet(url: string, options: FetchOptions = {}): Promise<FetchResponse> {
  const opts = { ...FETCH_DEFAULTS, ...options };
  const allow = options.allow ?? AllowList.fromEnv();
  const started = Date.now();
  const redirects: string[] = [];
  const seen = new Set<string>();
  let current = url;
  const deadline = started + opts.totalTimeoutMs;

  for (;;) {
    if (seen.has(current)) throw new FetchError('redirect-loop', `redirect loop at ${current}`, url);
    seen.add(current);
    const res = await requestOnce(current, opts, allow, deadline);
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.location) {
      if (redirects.length >= opts.maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${opts.maxRedirects} redirects starting at ${url}`, url, res.status);
      }
      let next: string;
      try {
        next = new URL(res.location, current).href;
      } catch {
        throw new FetchError('bad-url', `redirect to an invalid URL "${res.location}" from ${current}`, url, res.status);
      }
      redirects.push(next);
      current = next;
      continue;
    }
    const durationMs = Date.now() - started;
    if (res.status === 304) return { url: current, status: 304, headers: res.headers, body: Buffer.alloc(0), notModified: true, redirects, durationMs };
    if (res.status < 200 || res.status >= 300) {
      const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      throw new FetchError('http-status', `HTTP ${res.status} from ${current}`, current, res.status, retryAfterMs);
    }
    return { url: current, status: res.status, headers: res.headers, body: res.body, notModified: false, redirects, durationMs };
  }
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  location?: string;
}

function requestOnce(url: string, opts: typeof FETCH_DEFAULTS & FetchOptions, allow: AllowList, deadline: number, fresh = false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return reject(new FetchError('bad-url', `not a valid URL: ${url}`, url));
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      return reject(new FetchError('bad-url', `only http and https URLs can be fetched: ${url}`, url));
    }
    const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      try {
        assertAddressAllowed(allow, host, port, host);
      } catch (e) {
        return reject(new FetchError('blocked-address', (e as Error).message, url));
      }
    }
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
      accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    const lib = u.protocol === 'https:' ? https : http;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const remaining = Math.max(1, deadline - Date.now());
    timers.push(setTimeout(() => finish(new FetchError('timeout', `no complete response within ${opts.totalTimeoutMs} ms from ${url}`, url)), remaining));

    let answered = false;
    const req = lib.request(
      u,
      { method: 'GET', headers, lookup: isIP(host) ? undefined : guardedLookup(allow, port), agent: fresh ? false : agentFor(u.protocol, allow) },
      (res) => {
        answered = true;
        const status = res.statusCode ?? 0;
        const resHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
        if (status >= 300 && status < 400) {
          res.resume();
          return finish(null, { status, headers: resHeaders, body: Buffer.alloc(0), location: resHeaders.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return finish(null, { status, headers: resHeaders, body: Buffer.alloc(0) });
        }
        const declared = Number(resHeaders['content-length']);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          return finish(new FetchError('too-large', `${url} declares ${declared} bytes, over the ${opts.maxBytes}-byte limit`, url, status));
        }
        let raw = 0;
        res.on('data', (chunk: Buffer) => {
          raw += chunk.length;
          if (raw > opts.maxBytes) finish(new FetchError('too-large', `${url} sent more than ${opts.maxBytes} bytes; raise maxBytes for this source if it is legitimate`, url, status));
        });
        res.on('aborted', () => finish(new FetchError('truncated', `connection closed before the whole body of ${url} arrived`, url, status)));
        res.on('error', (e) => finish(new FetchError('truncated', `error while reading ${url}: ${e.message}`, url, status)));

        const encoding = (resHeaders['content-encoding'] ?? '').toLowerCase().trim();
        let stream: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
        else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxDecompressedBytes) {
            finish(new FetchError('decompression-limit', `${url} decompresses to more than ${opts.maxDecompressedBytes} bytes (a compression bomb?)`, url, status));
            stream.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (e) => finish(new FetchError('truncated', `could not decompress ${url} (${encoding}): ${e.message}`, url, status)));
        stream.on('end', () => {
          if (Number.isFinite(declared) && raw < declared) {
            return finish(new FetchError('truncated', `${url} ended after ${raw} of ${declared} bytes`, url, status));
          }
          finish(null, { status, headers: resHeaders, body: Buffer.concat(chunks) });
        });
      },
    );
    req.setTimeout(opts.idleTimeoutMs, () => finish(new FetchError('timeout', `${url} sent nothing for ${opts.idleTimeoutMs} ms`, url)));
    req.on('socket', (socket) => {
      if (socket.connecting) {
        const t = setTimeout(() => finish(new FetchError('timeout', `could not connect to ${u.host} within ${opts.connectTimeoutMs} ms`, url)), opts.connectTimeoutMs);
        timers.push(t);
        socket.once('connect', () => clearTimeout(t));
      }
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.message.startsWith('refused to fetch')) return finish(new FetchError('blocked-address', e.message, url));
      // The server closed a kept connection just as it was reused: nothing was answered, so ask again on a new one.
      if (req.reusedSocket && !answered && !settled && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) {
        settled = true;
        for (const t of timers) clearTimeout(t);
        requestOnce(url, opts, allow, deadline, true).then(resolve, reject);
        return;
      }
      finish(new FetchError('network', `could not fetch ${url}: ${networkHint(e, u)}`, url));
    });
    req.end();
  });
}
