// Login, logout, sessions and role checks. Every route but the login page, the
// static files and the token Atom feed needs a session; every form POST needs
// the session's CSRF token.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from '../storage/db.js';
import { checkPassword } from '../storage/users-repo.js';
import { createSession, endSession, sessionUser } from '../storage/sessions-repo.js';
import { html } from './html.js';
import { homeFor, page, type Viewer } from './layout.js';
import { LoginLimiter } from './security.js';

export const COOKIE = 'ruta_session';
export type Env = { Variables: { viewer: Viewer } };

const PUBLIC = [/^\/login$/, /^\/static\//, /^\/feeds\/[^/]+\/(?:alerts|links)\.atom$/, /^\/healthz$/];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A local path to return to after login; anything else goes home. */
function safeNext(next: string | undefined): string | null {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/login') ? next : null;
}

export function sessions(db: Db): MiddlewareHandler<Env> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (PUBLIC.some((p) => p.test(path))) return next();
    const s = await sessionUser(db, getCookie(c, COOKIE));
    if (!s) {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.redirect('/login', 303);
      return c.redirect(`/login?next=${encodeURIComponent(path + new URL(c.req.url).search)}`, 302);
    }
    c.set('viewer', { id: s.user.id, email: s.user.email, role: s.user.role, csrfToken: s.csrfToken, timezone: s.user.timezone ?? 'UTC' });
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody();
      const token = typeof body._csrf === 'string' ? body._csrf : c.req.header('x-csrf-token') ?? '';
      if (!sameToken(token, s.csrfToken)) return c.text('this form has expired; reload the page and try again\n', 403);
    }
    return next();
  };
}

/** Only these roles (admins always). */
export function allow(...roles: string[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    const v = c.get('viewer');
    if (v.role !== 'admin' && !roles.includes(v.role)) {
      return c.html(page('Not allowed', v, html`<h1>Not allowed</h1><p>This page is for ${roles.join(', ')}s. You are signed in as ${v.role}.</p>`).toString(), 403);
    }
    return next();
  };
}

function loginPage(next: string | null, error?: string) {
  return page(
    'Log in',
    null,
    html`<h1>Log in to Ruta</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${next ?? ''}">
<p><label>Email<br><input type="email" name="email" autocomplete="username" required autofocus></label></p>
<p><label>Password<br><input type="password" name="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Log in</button></p>
</form>`,
  );
}

export function authRoutes(app: import('hono').Hono<Env>, db: Db, limiter = new LoginLimiter()) {
  app.get('/login', (c) => c.html(loginPage(safeNext(c.req.query('next'))).toString()));
  app.post('/login', async (c: Context<Env>) => {
    const body = await c.req.parseBody();
    const email = String(body.email ?? '').trim().toLowerCase().slice(0, 200);
    const password = String(body.password ?? '').slice(0, 500);
    const next = safeNext(String(body.next ?? ''));
    const ip = getConnInfo(c).remote.address ?? 'unknown';
    const keys = [`ip:${ip}`, `email:${email}`];
    const wait = limiter.retryAfter(keys);
    if (wait) {
      c.header('retry-after', String(wait));
      return c.html(loginPage(next, `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`).toString(), 429);
    }
    const user = email ? await db.user.findUnique({ where: { email } }) : null;
    if (!user || !checkPassword(password, user.passwordHash)) {
      limiter.fail(keys);
      return c.html(loginPage(next, 'Wrong email or password.').toString(), 401);
    }
    limiter.succeed([`email:${email}`]);
    const s = await createSession(db, user.id);
    setCookie(c, COOKIE, s.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:', expires: s.expiresAt });
    return c.redirect(next ?? homeFor(user.role), 303);
  });
  app.post('/logout', async (c) => {
    await endSession(db, getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}
