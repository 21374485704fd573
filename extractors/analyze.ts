// The analysis stage: language and script, entities, seizures and links for
// one text. `ruta analyze` and the pipeline both call this, so the pipeline
// stores exactly what `analyze` returns.
import { DEFAULT_GAZETTEER_DIR, Gazetteer, loadDefaultGazetteer } from './gazetteer.js';
import { findEntities, type EntityMention } from './entities.js';
import { findSeizures, type SeizureMention } from './seizures.js';
import { findLinks, type LinkCandidate } from './links.js';
import { identifyLanguage } from './langid.js';

export interface AnalyzeInput {
  text: string;
  title?: string;
  lang?: string | null;
  /** The source's language, used as a prior for short texts. */
  langPrior?: string | null;
}

export interface Analysis {
  lang: string;
  script: 'Latn' | 'Cyrl';
  langConfidence: number;
  entities: EntityMention[];
  seizures: SeizureMention[];
  links: LinkCandidate[];
}

export { DEFAULT_GAZETTEER_DIR, loadDefaultGazetteer };

export function analyze(input: AnalyzeInput, gazetteer = loadDefaultGazetteer(), watchlist?: Gazetteer): Analysis {
  const detected = identifyLanguage(`${input.title ?? ''}\n${input.text}`, input.lang ?? input.langPrior);
  const lang = input.lang ?? detected.lang;
  const entities = findEntities(input.text, gazetteer, { lang, watchlist });
  const seizures = findSeizures(input.text);
  const links = findLinks(input.text, entities);
  return { lang, script: detected.script, langConfidence: detected.confidence, entities, seizures, links };
}
