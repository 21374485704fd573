// Alert and delivery settings from the `alerts:` section of config/settings.yaml.
import { settingsSection } from '../crawlers/settings.js';

export interface AlertSettings {
  /** Seizures at or above this many kilograms raise an alert when they have a Balkan or Latin American side. */
  seizureKg: number;
  /** Delivery attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** First retry delay; each later retry doubles it, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long a claimed delivery may take before another run treats its sender as crashed. */
  leaseMs: number;
  /** Public base URL of `ruta serve`, used for links to Atom feeds and alerts in mail. */
  publicUrl: string;
  /** RUTA_WEBHOOK_SECRET: signs webhook bodies (X-Ruta-Signature) so receivers can tell Ruta's posts from forgeries. */
  webhookSecret?: string;
}

const DEFAULTS: AlertSettings = { seizureKg: 100, maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 6 * 3600_000, leaseMs: 120_000, publicUrl: 'http://localhost:3000' };

export function loadAlertSettings(env: NodeJS.ProcessEnv = process.env): AlertSettings {
  const s = { ...DEFAULTS, ...settingsSection<AlertSettings>('alerts', env) };
  if (env.RUTA_PUBLIC_URL) s.publicUrl = env.RUTA_PUBLIC_URL;
  // A secret only from the environment, never from a settings file that may be committed.
  s.webhookSecret = env.RUTA_WEBHOOK_SECRET || undefined;
  s.publicUrl = s.publicUrl.replace(/\/+$/, '');
  return s;
}
