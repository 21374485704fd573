// Alert and delivery settings from the `alerts:` section of config/settings.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

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
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULTS: AlertSettings = { seizureKg: 100, maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 6 * 3600_000, leaseMs: 120_000, publicUrl: 'http://localhost:3000' };

export function loadAlertSettings(env: NodeJS.ProcessEnv = process.env): AlertSettings {
  const file = join(env.RUTA_CONFIG_DIR ?? join(ROOT, 'config'), 'settings.yaml');
  let fromFile: Partial<AlertSettings> = {};
  if (existsSync(file)) {
    try {
      fromFile = ((parse(readFileSync(file, 'utf8')) as { alerts?: Partial<AlertSettings> } | null)?.alerts ?? {}) as Partial<AlertSettings>;
    } catch (e) {
      throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
    }
  }
  const s = { ...DEFAULTS, ...fromFile };
  if (env.RUTA_PUBLIC_URL) s.publicUrl = env.RUTA_PUBLIC_URL;
  s.publicUrl = s.publicUrl.replace(/\/+$/, '');
  return s;
}
