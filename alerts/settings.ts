// Alert and delivery settings from the `alerts:` section of config/settings.yaml.
import { settingsSection } from '../crawlers/settings.js';

export interface AlertSettings {
  /** Seizures at or above this many kilograms raise an alert when they have a Balkan or Latin American side. */
  seizureKg: number;
  /** A link or seizure story told by this many outlets raises a story-spread alert. */
  spreadOutlets: number;
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

const DEFAULTS: AlertSettings = { seizureKg: 100, spreadOutlets: 3, maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 6 * 3600_000, leaseMs: 120_000, publicUrl: 'http://localhost:3000' };

export function loadAlertSettings(env: NodeJS.ProcessEnv = process.env): AlertSettings {
  const s = { ...DEFAULTS, ...settingsSection<AlertSettings>('alerts', env) };
  if (env.RUTA_PUBLIC_URL) s.publicUrl = env.RUTA_PUBLIC_URL;
  // A secret only from the environment, never from a settings file that may be committed.
  s.webhookSecret = env.RUTA_WEBHOOK_SECRET || undefined;
  s.publicUrl = s.publicUrl.replace(/\/+$/, '');
  // A threshold that would alert on everything is a mistake: say where to fix it.
  if (!(typeof s.seizureKg === 'number' && s.seizureKg > 0)) throw new Error(`settings.yaml: alerts.seizureKg must be a positive number of kilograms, not ${JSON.stringify(s.seizureKg)}`);
  if (!(Number.isInteger(s.spreadOutlets) && s.spreadOutlets >= 2)) throw new Error(`settings.yaml: alerts.spreadOutlets must be a whole number of outlets, 2 or more, not ${JSON.stringify(s.spreadOutlets)}`);
  return s;
}
