// A faulty HTTP server for fetch tests: slow, huge, compressed bombs,
// redirect loops, truncated bodies, error statuses.
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

const GOOD_WORDS = ['harbour', 'officials', 'inspection', 'cargo', 'brokers', 'couriers', 'warehouse', 'prosecutors', 'vessel', 'terminal', 'suspects', 'shipment', 'network', 'smugglers', 'detectives', 'containers', 'customs', 'authorities', 'fruit', 'exporters'];

/**
 * The good article of each fault feed: one report, with every third word
 * chosen by the feed's name, so that no two good articles are near-duplicates
 * of each other (dedupe would fold them into one).
 */
function goodParagraphs(name: string): string {
  const hash = (s: string) => {
    let h = 2166136261;
    for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    return h;
  };
  let k = 0;
  const vary = (s: string) => s.replace(/\b[a-z]{4,}\b/g, (w) => (k++ % 3 === 0 ? GOOD_WORDS[hash(`${name}/${k}`) % GOOD_WORDS.length]! : w));
  return [
    `Customs officers in Antwerp found 300 kilograms of cocaine in a container from Guayaquil, the ${name} desk reports, after a routine inspection of refrigerated cargo declared as bananas.`,
    'Investigators said the shipment was ordered by a network linked to the Kavač clan, and arrests followed in Montenegro where police searched several apartments and seized phones and cash.',
    'The prosecutors expect further charges once the financial records of the importing company and its brokers in Rotterdam have been examined by the national crime agency.',
  ]
    .map((p) => `<p>${vary(p)}</p>`)
    .join('');
}

/** What each fault feed links to (besides one good article). */
export const FAULT_TARGETS: Record<string, string> = {
  timeout: '/hang',
  '5xx': '/500',
  '429': '/429-short',
  drip: '/drip',
  huge: '/huge',
  bomb: '/bomb',
  'redirect-loop': '/loop-a',
  'robots-disallow': '/private/secret',
  'wrong-charset': '/wrong-charset',
  truncated: '/truncated',
  'private-redirect': `/to?url=${encodeURIComponent('http://127.0.0.2:9/internal')}`,
};

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
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const feed = /^\/feeds\/([a-z0-9-]+)\.xml$/.exec(u.pathname);
    if (feed) {
      const name = feed[1]!;
      if (name === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed');
        return;
      }
      const target = FAULT_TARGETS[name] ?? '/ok';
      const items = [`${base}${target}`, `${base}/good/${name}`].map((l, i) => `<item><title>${name} ${i}</title><link>${l.replace(/&/g, '&amp;')}</link></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>${items}</channel></rss>`);
      return;
    }
    const good = /^\/good\/([a-z0-9-]+)$/.exec(u.pathname);
    if (good) {
      const body = `<html><head><meta charset="utf-8"><title>Good ${good[1]}</title></head><body><article><h1>Good article next to ${good[1]}</h1>${goodParagraphs(good[1]!)}</article></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      return;
    }
    switch (u.pathname) {
      case '/robots.txt':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n');
        return;
      case '/private/secret':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>robots.txt says no</p>');
        return;
      case '/429-short':
        res.writeHead(429, { 'retry-after': '1' }).end('slow down');
        return;
      case '/wrong-charset': {
        const text = '<html><head><title>Zapljena u Pločama</title></head><body><article><h1>Zapljena u Pločama</h1><p>Djelatnici carine zaplijenili su 200 kilograma kokaina u luci Ploče; uhićen je hrvatski državljanin.</p><p>Pošiljka je stigla iz Ekvadora preko Valencije, priopćio je USKOK.</p></article></body></html>';
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(text, 'windows-1250'));
        return;
      }
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
