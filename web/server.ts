// `ruta serve`: Ruta's HTTP server. For now it serves each user's Atom feed of
// alerts at /feeds/TOKEN/alerts.atom and a health check.
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Db } from '../storage/db.js';
import { alertFeed } from '../alerts/atom.js';

export function createApp(db: Db): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok\n'));
  app.get('/feeds/:token/alerts.atom', async (c) => {
    const body = await alertFeed(db, c.req.param('token'), c.req.url);
    if (body === null) return c.text('no feed here: check the feed URL from `ruta users list`\n', 404);
    return c.body(body, 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
  return app;
}

export function startServer(db: Db, opts: { port: number; host?: string }): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const app = createApp(db);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '127.0.0.1' }, (info) => {
      resolve({ server, port: info.port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
