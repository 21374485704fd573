// The shipped named-entity tagger: one model for English, one for Spanish and
// one for Serbian, Croatian, Bosnian and Montenegrin (Cyrillic is read through
// Latin transliteration). Models load lazily from extractors/models/ner-*.bin.gz.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefaultGazetteer } from '../gazetteer.js';
import { scriptOf } from '../text-normalize.js';
import type { GazetteerLookup } from './features.js';
import { gazetteerLookup } from './gazetteer-lookup.js';
import { NerModel } from './perceptron.js';

export const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'models');
export const NER_GROUPS = ['en', 'es', 'sh'] as const;
export type NerGroup = (typeof NER_GROUPS)[number];

/** Which model tags a language; undefined when Ruta has none for it. */
export function nerGroupOf(lang: string | null | undefined): NerGroup | undefined {
  switch ((lang ?? '').toLowerCase().split(/[-_]/)[0]) {
    case 'en':
      return 'en';
    case 'es':
      return 'es';
    case 'sr':
    case 'hr':
    case 'bs':
    case 'cnr':
    case 'sh':
      return 'sh';
    default:
      return undefined;
  }
}

export function modelPath(group: NerGroup): string {
  return join(MODEL_DIR, `ner-${group}.bin.gz`);
}

const models = new Map<NerGroup, NerModel>();
let lookup: GazetteerLookup | undefined;

export function defaultNerLookup(): GazetteerLookup {
  lookup ??= gazetteerLookup(loadDefaultGazetteer().entries);
  return lookup;
}

export function nerModel(group: NerGroup): NerModel {
  let m = models.get(group);
  if (!m) {
    const path = modelPath(group);
    if (!existsSync(path)) throw new Error(`NER model ${path} is missing: run "npm run train:ner"`);
    m = NerModel.deserialize(readFileSync(path));
    models.set(group, m);
  }
  return m;
}

/** BIO2 tags for the tokens of one sentence. Languages without a model get all "O". */
export function tagTokens(tokens: string[], lang: string | null | undefined): string[] {
  const group = nerGroupOf(lang);
  if (!group || !tokens.length) return tokens.map(() => 'O');
  return nerModel(group).tag(tokens, scriptOf(tokens.join(' ')), defaultNerLookup());
}
