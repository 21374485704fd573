// Ruta's domain gold set, ../shared/eval/gold/dev.jsonl (format in ../shared/eval/README.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, SHARED } from './langid-data.js';

export interface GoldDoc {
  id: string;
  lang: string;
  script: string;
  title: string;
  text: string;
  entities: { type: string; text: string; canonical: string }[];
  seizures: { drug: string; text: string; kg: number }[];
  links: { balkan: string; latam: string }[];
  is_link_story: boolean;
}

export function goldDocs(): GoldDoc[] {
  const path = join(SHARED, 'eval', 'gold', 'dev.jsonl');
  if (!existsSync(path)) throw new Error(`${path} is missing: the evaluation data lives in ../shared/eval (set RUTA_SHARED_DIR)`);
  return jsonl<GoldDoc>(path);
}
