// A faulty HTTP server for fetch tests: slow, huge, compressed bombs,
// redirect loops, truncated bodies, error statuses.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export interface FaultServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x61)); // 64 MB of "a" in ~64 KB
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    switch (u.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>fine</p>');
        return;
      case '/hang': // headers never come
        return;
      case '/drip': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>');
        const t = setInterval(() => res.write('.'), 400);
        timers.add(t);
        req.on('close', () => clearInterval(t));
        return;
      }
      case '/huge': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x62);
        let sent = 0;
        const pump = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        req.on('close', () => (sent = Infinity));
        pump();
        return;
      }
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb);
        return;
      case '/gzip-ok': {
        const body = zlib.gzipSync(Buffer.from('<p>compressed and fine</p>'));
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(body);
        return;
      }
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' }).end();
        return;
      case '/chain': {
        const n = Number(u.searchParams.get('n') ?? 0);
        res.writeHead(301, { location: n > 0 ? `/chain?n=${n - 1}` : '/ok' }).end();
        return;
      }
      case '/to':
        res.writeHead(302, { location: u.searchParams.get('url') ?? '/ok' }).end();
        return;
      case '/truncated':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
        res.write('<p>only part of it');
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      case '/500':
        res.writeHead(500).end('boom');
        return;
      case '/429':
        res.writeHead(429, { 'retry-after': '120' }).end('slow down');
        return;
      case '/503-date':
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
