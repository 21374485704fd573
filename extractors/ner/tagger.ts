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

/** The second stage, which reads the first stage's tags of the whole document (see scripts/train-ner.ts). */
export function stage2Path(group: NerGroup): string {
  return join(MODEL_DIR, `ner-${group}-stage2.bin.gz`);
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
    // A second stage ships where it beat the first on dev (scripts/train-ner.ts); the first stage's meta says so.
    if (m.meta.stage2) {
      const path2 = stage2Path(group);
      if (!existsSync(path2)) throw new Error(`NER model ${path2} is missing: run "npm run train:ner"`);
      m.second = NerModel.deserialize(readFileSync(path2));
    }
    models.set(group, m);
  }
  return m;
}

/** BIO2 tags for the tokens of one sentence. Languages without a model get all "O". */
export function tagTokens(tokens: string[], lang: string | null | undefined): string[] {
  return tagDocumentTokens([tokens], lang)[0]!;
}

/** BIO2 tags for the sentences of one document, tagged together (a name's other occurrences inform each one). */
export function tagDocumentTokens(sentences: string[][], lang: string | null | undefined): string[][] {
  const group = nerGroupOf(lang);
  if (!group) return sentences.map((tokens) => tokens.map(() => 'O'));
  return nerModel(group).tagDocument(
    sentences.map((tokens) => ({ tokens, script: scriptOf(tokens.join(' ')) })),
    defaultNerLookup(),
  );
}
