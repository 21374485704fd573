// Webhook POSTs: JSON, or the {"text": …} form Slack and Mattermost incoming
// webhooks read. Each carries an Idempotency-Key header (the delivery's key).
// A refused connection is retried; a 2xx is delivered; 408, 429 and 5xx are
// retried; other 4xx fail (fix the target, then `ruta deliveries retry`); a
// timeout or a dropped connection after the request went out is in doubt.
// With a secret, the body is signed: X-Ruta-Timestamp (Unix seconds) and
// X-Ruta-Signature: sha256=HEX, the HMAC-SHA256 of "TIMESTAMP.BODY".
import { createHmac } from 'node:crypto';
import type { SendOutcome } from './outcome.js';

/** The signature headers of a body sent at `at` (seconds), for receivers to check origin and freshness. */
export function signatureHeaders(secret: string, body: string, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const mac = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  return { 'x-ruta-timestamp': String(at), 'x-ruta-signature': `sha256=${mac}` };
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL']);

export async function postWebhook(url: string, body: unknown, key: string, userAgent: string, timeoutMs = 15_000, secret?: string): Promise<SendOutcome> {
  let res: Response;
  const json = JSON.stringify(body);
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': key, 'user-agent': userAgent, ...(secret ? signatureHeaders(secret, json) : {}) },
      body: json,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const code = err.cause?.code ?? (err as { code?: string }).code ?? '';
    const msg = `${code || err.name}: ${err.cause?.message ?? err.message}`;
    // Refused before any request (a port fetch blocks, a malformed URL): it will never work.
    if (/bad port|invalid url/i.test(err.cause?.message ?? '') || err.name === 'TypeError' && /invalid url/i.test(err.message)) {
      return { ok: false, inDoubt: false, retry: false, transmitted: false, error: `${url} cannot be used: ${msg}; fix the subscription target` };
    }
    if (NOT_SENT.has(code)) return { ok: false, inDoubt: false, retry: true, transmitted: false, error: `cannot reach ${url}: ${msg}` };
    return { ok: false, inDoubt: true, error: `no answer from ${url}: ${msg}` };
  }
  const text = (await res.text().catch(() => '')).slice(0, 200);
  if (res.ok) return { ok: true, info: `${res.status}` };
  const retry = res.status === 408 || res.status === 429 || res.status >= 500;
  return { ok: false, inDoubt: false, retry, transmitted: true, error: `${url} answered ${res.status}${text ? `: ${text}` : ''}${retry ? '' : '; fix the subscription target, then `ruta deliveries retry ID`'}` };
}
