// Training data for the language classifier: ../shared/eval/langid and the
// sentences of ../shared/eval/ner (Reuters, EFE and SETimes news).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NaiveBayes } from '../extractors/langid-model.js';

export const SHARED = process.env.RUTA_SHARED_DIR ?? join(import.meta.dirname, '..', '..', 'shared');

export interface LangRow {
  id: string;
  text: string;
  lang: string;
  script: string;
  source: string;
}

export function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function langidRows(): LangRow[] {
  const path = join(SHARED, 'eval', 'langid', 'dev.jsonl');
  if (!existsSync(path)) throw new Error(`${path} is missing: the evaluation data lives in ../shared/eval (set RUTA_SHARED_DIR)`);
  return jsonl<LangRow>(path);
}

/** NER sentences as language examples, joined in runs of three so they read like short paragraphs. */
export function nerRows(): LangRow[] {
  const dir = join(SHARED, 'eval', 'ner');
  if (!existsSync(dir)) return [];
  const out: LangRow[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const rows = jsonl<{ id: string; lang: string; script: string; tokens: string[] }>(join(dir, f));
    for (let i = 0; i + 3 <= rows.length; i += 3) {
      const text = rows.slice(i, i + 3).map((r) => r.tokens.join(' ')).join(' ');
      if (text.length < 40) continue;
      out.push({ id: `${f}:${i}`, text, lang: rows[i]!.lang, script: rows[i]!.script, source: f });
    }
  }
  return out;
}

/** The label the classifier learns: Serbian Cyrillic is its own class (script is read separately). */
export function labelOf(r: { lang: string; script: string }): string {
  return r.lang === 'sr' && r.script === 'Cyrl' ? 'sr-Cyrl' : r.lang;
}

/**
 * The Bosnian/Croatian/Serbian model, trained on the Latin-script bs, hr and sr
 * sentences of the langid rows given, so the three classes stay balanced (the
 * NER sentences have no Bosnian and would pull Bosnian text towards Croatian).
 */
export function trainBcmsModel(langid: LangRow[]): NaiveBayes {
  const rows = langid.filter((r) => r.script === 'Latn' && (r.lang === 'bs' || r.lang === 'hr' || r.lang === 'sr'));
  return NaiveBayes.train(rows.map((r) => ({ text: r.text, label: r.lang })), { kind: 'bcms' });
}
