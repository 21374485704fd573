// Email through nodemailer. The SMTP server comes from RUTA_SMTP_URL
// (smtp://user:pass@host:port, smtps:// for TLS) and the sender from
// RUTA_MAIL_FROM. The connection is checked (connect, TLS, login) before a
// delivery is marked transmitting, so a server that is down never leaves a
// delivery in doubt; SMTP replies tell a refusal (4xx retried, 5xx failed)
// from a lost connection mid-message (in doubt).
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SendOutcome } from './outcome.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The delivery's idempotency key: gives the mail a stable Message-ID, so a mail client shows a repeat as one message. */
  key: string;
}

export interface Mailer {
  from: string;
  check(): Promise<SendOutcome>;
  send(m: MailMessage): Promise<SendOutcome>;
  close(): void;
}

export class MailConfigError extends Error {}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

function classify(e: SmtpError, transmitted: boolean): SendOutcome {
  const msg = `${e.code ? `${e.code}: ` : ''}${e.response ?? e.message}`;
  if (e.responseCode) return { ok: false, inDoubt: false, retry: e.responseCode < 500, transmitted, error: `SMTP server refused (${e.responseCode}): ${msg}` };
  if (!transmitted || e.command === 'CONN' || e.code === 'EDNS' || e.code === 'EAUTH') {
    return { ok: false, inDoubt: false, retry: true, transmitted: false, error: `cannot reach the SMTP server: ${msg}; check RUTA_SMTP_URL` };
  }
  return { ok: false, inDoubt: true, error: `connection lost while sending: ${msg}` };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.RUTA_SMTP_URL?.trim();
  if (!url) return null;
  const from = env.RUTA_MAIL_FROM?.trim();
  if (!from) throw new MailConfigError('RUTA_SMTP_URL is set but RUTA_MAIL_FROM is not: set the sender address, e.g. RUTA_MAIL_FROM="Ruta <ruta@example.org>"');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MailConfigError(`RUTA_SMTP_URL "${url.replace(/\/\/[^@/]*@/, '//…@')}" is not a URL; expected smtp://user:pass@host:port`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new MailConfigError('RUTA_SMTP_URL must start with smtp:// or smtps://');
  const transport: Transporter = nodemailer.createTransport(url, { from });
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'ruta.local';
  return {
    from,
    async check() {
      try {
        await transport.verify();
        return { ok: true };
      } catch (e) {
        return classify(e as SmtpError, false);
      }
    },
    async send(m) {
      try {
        const info = await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<ruta.${createHash('sha256').update(m.key).digest('hex').slice(0, 32)}@${domain}>`,
          headers: { 'X-Ruta-Delivery': m.key },
        });
        return { ok: true, info: String((info as { response?: string }).response ?? '') };
      } catch (e) {
        return classify(e as SmtpError, true);
      }
    },
    close: () => transport.close(),
  };
}
