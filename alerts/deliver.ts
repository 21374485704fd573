// Sends what the outbox holds: claims due deliveries, marks each one
// transmitting just before it goes out, and records the outcome. See
// storage/deliveries-repo.ts for what a crash at each step leaves behind.
import type { Db } from '../storage/db.js';
import {
  alertView, claimDeliveries, markFailed, markSent, markTransmitting, markUnknown, recoverDeliveries, type ClaimedDelivery,
} from '../storage/deliveries-repo.js';
import { VERSION } from '../crawlers/settings.js';
import { mailerFromEnv, type Mailer } from './channels/email.js';
import type { SendOutcome } from './channels/outcome.js';
import { postWebhook } from './channels/webhook.js';
import { alertHtmlBlock, alertJson, alertSlack, alertSubject, alertText, escalationHtml, escalationSlack, escalationText, htmlPage, oneLine, type Escalation } from './render.js';
import { loadAlertSettings, type AlertSettings } from './settings.js';

export interface DeliverReport {
  sent: number;
  retrying: number;
  failed: number;
  inDoubt: number;
  requeued: number;
  waitingForMail: number;
}

export interface DeliverOptions {
  mailer?: Mailer | null;
  settings?: AlertSettings;
  log?: (line: string) => void;
}

function backoff(attempts: number, s: AlertSettings): Date {
  const base = Math.min(s.backoffMs * 2 ** Math.max(0, attempts - 1), s.maxBackoffMs);
  return new Date(Date.now() + base * (0.8 + Math.random() * 0.4));
}

async function content(db: Db, d: ClaimedDelivery, s: AlertSettings) {
  if (d.alertId !== null) {
    const a = await alertView(db, d.alertId);
    if (!a) return null;
    // An analyst escalated it: the message says who, when and why, before the alert.
    const esc = (JSON.parse(d.payload || '{}') as { escalation?: Escalation }).escalation;
    if (esc) {
      const subject = oneLine(`[Ruta] Escalated by ${esc.by}: ${a.reason}`, 180);
      return {
        subject,
        text: `${escalationText(esc)}\n\n${alertText(a, s.publicUrl)}`,
        html: htmlPage(subject, `${escalationHtml(esc)}${alertHtmlBlock(a, s.publicUrl)}`),
        json: { type: 'escalation', delivery: d.idempotencyKey, escalation: esc, alert: alertJson(a) },
        slack: { text: `${escalationSlack(esc)}\n${alertSlack(a).text}` },
      };
    }
    return {
      subject: alertSubject(a),
      text: alertText(a, s.publicUrl),
      html: htmlPage(alertSubject(a), alertHtmlBlock(a, s.publicUrl)),
      json: { type: 'alert', delivery: d.idempotencyKey, alert: alertJson(a) },
      slack: alertSlack(a),
    };
  }
  if (d.digestId !== null) {
    const g = await db.digest.findUnique({ where: { id: d.digestId } });
    if (!g) return null;
    return { subject: g.subject, text: g.text, html: g.html, json: { type: 'digest', delivery: d.idempotencyKey, subject: g.subject, text: g.text }, slack: { text: g.text } };
  }
  return null;
}

export async function deliverPending(db: Db, opts: DeliverOptions = {}): Promise<DeliverReport> {
  const s = opts.settings ?? loadAlertSettings();
  const log = opts.log ?? (() => {});
  const mailer = opts.mailer === undefined ? mailerFromEnv() : opts.mailer;
  const rep: DeliverReport = { sent: 0, retrying: 0, failed: 0, inDoubt: 0, requeued: 0, waitingForMail: 0 };
  const recovered = await recoverDeliveries(db);
  rep.requeued = recovered.requeued;
  rep.inDoubt += recovered.inDoubt;
  if (recovered.requeued || recovered.inDoubt) log(`deliveries: ${recovered.requeued} left unsent by a stopped sender queued again, ${recovered.inDoubt} in doubt (see \`ruta deliveries list --status unknown\`)`);
  if (!mailer) {
    rep.waitingForMail = await db.delivery.count({ where: { status: 'pending', channel: 'email' } });
    if (rep.waitingForMail) log(`deliveries: ${rep.waitingForMail} email(s) waiting: set RUTA_SMTP_URL and RUTA_MAIL_FROM to send them`);
  }
  const channels = mailer ? ['email', 'webhook', 'slack'] : ['webhook', 'slack'];
  let mailChecked: SendOutcome | null = null;
  for (;;) {
    const batch = await claimDeliveries(db, s.leaseMs, 50, new Date(), channels);
    if (!batch.length) break;
    for (const d of batch) {
      const c = await content(db, d, s);
      if (!c) {
        await markFailed(db, d.id, 'its alert or digest no longer exists', null, false);
        rep.failed++;
        continue;
      }
      let outcome: SendOutcome;
      let counted = false; // markTransmitting counts the attempt
      if (d.channel === 'email') {
        // Connect and log in before the point of no return, once per run.
        mailChecked ??= await mailer!.check();
        if (!mailChecked.ok) {
          outcome = mailChecked;
        } else {
          await markTransmitting(db, d.id);
          counted = true;
          outcome = await mailer!.send({ to: d.target, subject: c.subject, text: c.text, html: c.html, key: d.idempotencyKey });
        }
      } else {
        await markTransmitting(db, d.id);
        counted = true;
        // Slack's and Mattermost's incoming webhooks check no signature; a webhook receiver may.
        outcome = await postWebhook(d.target, d.channel === 'slack' ? c.slack : c.json, d.idempotencyKey, `Ruta/${VERSION}`, undefined, d.channel === 'webhook' ? s.webhookSecret : undefined);
      }
      if (outcome.ok) {
        await markSent(db, d.id);
        rep.sent++;
      } else if (outcome.inDoubt) {
        await markUnknown(db, d.id, outcome.error);
        rep.inDoubt++;
        log(`delivery ${d.id} (${d.channel} to ${d.target}) in doubt: ${outcome.error}`);
      } else {
        const attempts = d.attempts + 1;
        const retryAt = outcome.retry && attempts < s.maxAttempts ? backoff(attempts, s) : null;
        await markFailed(db, d.id, `attempt ${attempts}: ${outcome.error}`, retryAt, counted);
        if (retryAt) rep.retrying++;
        else rep.failed++;
        log(`delivery ${d.id} (${d.channel} to ${d.target}) ${retryAt ? `will be retried at ${retryAt.toISOString()}` : 'failed'}: ${outcome.error}`);
      }
    }
  }
  mailer?.close();
  return rep;
}
