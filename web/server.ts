// `ruta serve`: the web app for analysts, editors and researchers, and each
// user's token Atom feed of alerts. Server-rendered with Hono; every route but
// the login page, static files and the feed needs a session.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { serve, type ServerType } from '@hono/node-server';
import type { Db } from '../storage/db.js';
import { alertFeed, linkFeed } from '../alerts/atom.js';
import { loadAlertSettings } from '../alerts/settings.js';
import { authRoutes, sessions, type Env } from './auth.js';
import { homeFor, page } from './layout.js';
import { html } from './html.js';
import { securityHeaders } from './security.js';
import { triageRoutes } from './routes/triage.js';
import { watchlistRoutes } from './routes/watchlists.js';
import { digestRoutes } from './routes/digest.js';
import { researchRoutes } from './routes/research.js';
import { storyRoutes } from './routes/stories.js';
import { articleRoutes } from './routes/articles.js';
import { sourceRoutes } from './routes/sources.js';

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');
const STATIC: Record<string, { type: string; body: string }> = {
  'app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(STATIC_DIR, 'app.js'), 'utf8') },
  'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(STATIC_DIR, 'app.css'), 'utf8') },
};

export function createApp(db: Db): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', securityHeaders);
  app.use('*', sessions(db));
  app.use('*', csrf()); // form posts must come from this origin, and carry the session's token (web/auth.ts)
  // For a monitor or a container's health check: the app answers and its database does.
  app.get('/healthz', async (c) => {
    try {
      await db.$queryRawUnsafe('SELECT 1');
      return c.text('ok\n');
    } catch (e) {
      return c.text(`database unavailable: ${(e as Error).message}\n`, 503);
    }
  });
  app.get('/static/:file', (c) => {
    const f = STATIC[c.req.param('file')];
    return f ? c.body(f.body, 200, { 'content-type': f.type, 'cache-control': 'public, max-age=300' }) : c.notFound();
  });
  app.get('/feeds/:token/alerts.atom', async (c) => {
    const body = await alertFeed(db, c.req.param('token'), c.req.url);
    if (body === null) return c.text('no feed here: check the feed URL from `ruta users list`\n', 404);
    return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'private, max-age=60' });
  });
  app.get('/feeds/:token/links.atom', async (c) => {
    const body = await linkFeed(db, c.req.param('token'), c.req.url, loadAlertSettings().publicUrl);
    if (body === null) return c.text('no feed here: check the feed URL from `ruta users list`\n', 404);
    return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'private, max-age=60' });
  });
  authRoutes(app, db);
  app.get('/', (c) => c.redirect(homeFor(c.get('viewer').role), 302));
  triageRoutes(app, db);
  watchlistRoutes(app, db);
  digestRoutes(app, db);
  researchRoutes(app, db);
  storyRoutes(app, db);
  articleRoutes(app, db);
  sourceRoutes(app, db);
  // A page that is not there, or a failure, is a page of the app with the way back, not a bare line of text.
  app.notFound((c) =>
    c.html(page('Not found', c.get('viewer') ?? null, html`<h1>Not found</h1><p>There is nothing at <code>${c.req.path}</code>. <a href="/">Back to Ruta</a></p>`).toString(), 404),
  );
  app.onError((err, c) => {
    // A request refused on purpose (a form posted from another site, which the CSRF guard stops) is no server error:
    // it keeps its status and is not logged as one.
    if (err instanceof HTTPException) {
      const refused = err.status === 403 ? 'A form from another site, or a page open too long, cannot change anything here.' : err.message || 'The request was refused.';
      return c.html(page('Refused', c.get('viewer') ?? null, html`<h1>Refused</h1><p>${refused} <a href="/">Go back to Ruta</a> and try again.</p>`).toString(), err.status);
    }
    console.error(`web: ${c.req.method} ${c.req.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.html(
      page('Something went wrong', c.get('viewer') ?? null, html`<h1>Something went wrong</h1><p>The page could not be built; the error is in the server's log. Try again, or <a href="/">go back to Ruta</a>.</p>`).toString(),
      500,
    );
  });
  return app;
}

export function startServer(db: Db, opts: { port: number; host?: string }): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const app = createApp(db);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '127.0.0.1' }, (info) => {
      resolve({ server, port: info.port, close: () => new Promise((r) => server.close(() => r())) });
    });
    server.once('error', reject);
  });
}
