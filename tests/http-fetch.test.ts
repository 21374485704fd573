import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, httpGet, parseRetryAfter } from '../crawlers/http-fetch.js';
import { AllowList, isSpecialAddress } from '../crawlers/ssrf.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

let srv: FaultServer;
let allow: AllowList;
beforeAll(async () => {
  srv = await startFaultServer();
  allow = new AllowList(`127.0.0.1:${srv.port}`);
});
afterAll(() => srv.close());

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('SSRF guard', () => {
  it('classifies special addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(isSpecialAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '2a00:1450:4001:800::200e']) expect(isSpecialAddress(ip), ip).toBe(false);
  });

  it('allows by host, host:port and CIDR only', () => {
    const a = new AllowList('localhost, 127.0.0.1:8080, 10.0.0.0/8');
    expect(a.allows('localhost', 1234, '127.0.0.1')).toBe(true);
    expect(a.allows('127.0.0.1', 8080, '127.0.0.1')).toBe(true);
    expect(a.allows('127.0.0.1', 8081, '127.0.0.1')).toBe(false);
    expect(a.allows('intranet', 80, '10.9.8.7')).toBe(true);
    expect(a.allows('intranet', 80, '192.168.0.1')).toBe(false);
  });

  it('refuses loopback unless RUTA_ALLOW_HOSTS-style rules allow it', async () => {
    const e = await failure(httpGet(`${srv.url}/ok`, { allow: new AllowList('') }));
    expect(e.code).toBe('blocked-address');
    expect(e.message).toContain('RUTA_ALLOW_HOSTS');
    const ok = await httpGet(`${srv.url}/ok`, { allow });
    expect(ok.body.toString()).toBe('<p>fine</p>');
  });

  it('re-checks every redirect hop: a redirect to a private address not allowed is refused', async () => {
    const e = await failure(httpGet(`${srv.url}/to?url=${encodeURIComponent('http://127.0.0.2:9/secret')}`, { allow }));
    expect(e.code).toBe('blocked-address');
    const viaName = await failure(httpGet(`${srv.url}/to?url=${encodeURIComponent('http://localhost:9/secret')}`, { allow }));
    expect(viaName.code).toBe('blocked-address');
  });
});

describe('httpGet faults', () => {
  it('times out when headers never come', async () => {
    const e = await failure(httpGet(`${srv.url}/hang`, { allow, idleTimeoutMs: 300, totalTimeoutMs: 2000 }));
    expect(e.code).toBe('timeout');
  });

  it('stops a slow drip at the total timeout', async () => {
    const t0 = Date.now();
    const e = await failure(httpGet(`${srv.url}/drip`, { allow, idleTimeoutMs: 5000, totalTimeoutMs: 1200 }));
    expect(e.code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('enforces the byte limit while streaming', async () => {
    const e = await failure(httpGet(`${srv.url}/huge`, { allow, maxBytes: 1024 * 1024 }));
    expect(e.code).toBe('too-large');
  });

  it('stops a gzip bomb at the decompressed-size limit', async () => {
    const e = await failure(httpGet(`${srv.url}/bomb`, { allow, maxDecompressedBytes: 2 * 1024 * 1024 }));
    expect(e.code).toBe('decompression-limit');
    const ok = await httpGet(`${srv.url}/gzip-ok`, { allow });
    expect(ok.body.toString()).toBe('<p>compressed and fine</p>');
  });

  it('detects redirect loops and long chains', async () => {
    expect((await failure(httpGet(`${srv.url}/loop-a`, { allow }))).code).toBe('redirect-loop');
    expect((await failure(httpGet(`${srv.url}/chain?n=6`, { allow }))).code).toBe('too-many-redirects');
    const ok = await httpGet(`${srv.url}/chain?n=3`, { allow });
    expect(ok.redirects).toHaveLength(4);
    expect(ok.url).toBe(`${srv.url}/ok`);
  });

  it('reports truncated bodies', async () => {
    expect((await failure(httpGet(`${srv.url}/truncated`, { allow }))).code).toBe('truncated');
  });

  it('reports error statuses with Retry-After', async () => {
    const e500 = await failure(httpGet(`${srv.url}/500`, { allow }));
    expect([e500.code, e500.status]).toEqual(['http-status', 500]);
    const e429 = await failure(httpGet(`${srv.url}/429`, { allow }));
    expect(e429.status).toBe(429);
    expect(e429.retryAfterMs).toBe(120_000);
    const e503 = await failure(httpGet(`${srv.url}/503-date`, { allow }));
    expect(e503.retryAfterMs).toBeGreaterThan(20_000);
    expect(parseRetryAfter('garbage')).toBeUndefined();
  });
});

describe('kept connections', () => {
  it('fetches a run of one site\'s pages over one connection, and asks again on a new one when the site has closed it', async () => {
    let connections = 0;
    const served = new WeakMap<object, number>();
    const server = http.createServer((req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      // The site drops a kept connection at its third request, unanswered, as a server does whose idle timeout just ran out.
      if (req.url === '/drop' && n > 1) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${req.url}</p>`);
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const local = new AllowList(base.replace('http://', ''));
    try {
      for (const p of ['/a', '/b', '/c']) expect((await httpGet(base + p, { allow: local })).body.toString()).toBe(`<p>${p}</p>`);
      expect(connections).toBe(1);
      expect((await httpGet(`${base}/drop`, { allow: local })).body.toString()).toBe('<p>/drop</p>');
      expect(connections).toBe(2);
      // A list that does not allow the site gets none of the connections the other list opened.
      expect((await failure(httpGet(`${base}/a`, { allow: new AllowList('') }))).code).toBe('blocked-address');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
