// Language and script identification. A naive Bayes classifier over character
// n-grams, trained on news text (scripts/train-langid.ts), tells apart the
// languages Ruta reads; a second one, trained on balanced Bosnian, Croatian and
// Serbian news with marker words (bcms-markers.ts), decides between those three
// in Latin script. franc covers every other language. A per-source language
// prior decides short texts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { francAll } from 'franc';
import { NaiveBayes } from './langid-model.js';
import { scriptOf } from './text-normalize.js';

export const RUTA_LANGS = ['es', 'en', 'pt', 'sr', 'hr', 'bs', 'cnr', 'sq', 'mk'] as const;

export interface LangResult {
  lang: string; // ISO 639-1, 'cnr' or 'und'
  script: 'Latn' | 'Cyrl';
  confidence: number;
}

export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), 'models', 'langid.bin.gz');
export const BCMS_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), 'models', 'langid-bcms.bin.gz');

let loaded: NaiveBayes | undefined;
/** The shipped model, loaded on first use. */
export function defaultLangModel(): NaiveBayes {
  loaded ??= NaiveBayes.deserialize(readFileSync(MODEL_PATH));
  return loaded;
}

let loadedBcms: NaiveBayes | undefined;
/** The shipped Bosnian/Croatian/Serbian model, loaded on first use. */
export function defaultBcmsModel(): NaiveBayes {
  loadedBcms ??= NaiveBayes.deserialize(readFileSync(BCMS_MODEL_PATH));
  return loadedBcms;
}

/** The two classifiers identifyLanguage uses; tests and evaluation pass their own. */
export interface LangModels {
  general: NaiveBayes;
  bcms: NaiveBayes;
}

// franc, for languages the classifier was not trained on.
const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', srp: 'sr', hrv: 'hr', bos: 'bs', als: 'sq', mkd: 'mk', bul: 'bg', rus: 'ru', ukr: 'uk',
  fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', slv: 'sl', pol: 'pl', ces: 'cs', ron: 'ro', tur: 'tr', hun: 'hu', ell: 'el',
  ind: 'id', zlm: 'ms', pes: 'fa', arb: 'ar', cat: 'ca',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);
/** Bosnian, Croatian, Serbian and Montenegrin: one language by its n-grams, four by their standards. */
export const BCMS_LANGS: ReadonlySet<string> = new Set(['sr', 'hr', 'bs', 'cnr']);
/** Letters of the South Slavic Latin alphabets, and the other languages franc may name that write them. */
const HACEKS = /[čćđšžČĆĐŠŽ]/gu;
const HACEK_LANGS = new Set(['sl', 'cs', 'sk', 'sr', 'hr', 'bs']);
const WEST_SLAVIC = /[řůěťďňĺľŕýôŘŮĚŤĎŇĹĽŔÝÔ]/gu;
// Montenegrin by its own forms (đe, sjutra, the letters ś and ź), not by naming Podgorica or Budva: Serbian, Bosnian and Croatian news name them too.
const CNR_WORDS = /^(đe|neđe|iđe|svuđe|đevojk\p{L}*|sjutra|ćera\p{L}*|\p{L}*[śź]\p{L}*)$/u;

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Languages of other scripts, as franc names them, and their ISO 639-1 codes. */
const OTHER_SCRIPTS: Record<string, string> = {
  jpn: 'ja', cmn: 'zh', kor: 'ko', arb: 'ar', pes: 'fa', urd: 'ur', heb: 'he', ell: 'el', tha: 'th', hin: 'hi', ben: 'bn',
  kat: 'ka', hye: 'hy', amh: 'am', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', mya: 'my', khm: 'km', sin: 'si', lao: 'lo',
};

/** A text mostly in a script other than Latin and Cyrillic (Japanese, Chinese, Arabic, Greek…): its language by franc, else und. */
function otherScript(sample: string, n: number): string | undefined {
  const latinOrCyrillic = sample.match(/[\p{Script=Latin}\p{Script=Cyrillic}]/gu)?.length ?? 0;
  if (latinOrCyrillic * 2 >= n) return undefined;
  const [best] = francAll(sample.slice(0, 1000), { only: Object.keys(OTHER_SCRIPTS), minLength: 3 });
  return (best && OTHER_SCRIPTS[best[0]]) ?? 'und';
}

/**
 * Cyrillic that is neither Serbian nor Macedonian, told by the letters those two alphabets lack
 * (ы э ъ ь й щ ё, and the Ukrainian і ї є ґ, the Belarusian ў) and those only they have (ј љ њ џ ђ ћ ѓ ќ ѕ).
 */
function otherCyrillic(sample: string): string | undefined {
  const east = sample.match(/[ыэъьйщёєіїўґ]/giu)?.length ?? 0;
  const south = sample.match(/[јљњџђћѓќѕ]/giu)?.length ?? 0;
  if (east < 3 || east <= 3 * south) return undefined;
  if (/[ўЎ]/u.test(sample)) return 'be';
  if ((sample.match(/[іїєґ]/giu)?.length ?? 0) >= 2) return 'uk';
  if (/[ыэ]/iu.test(sample)) return 'ru';
  if (/[ъ]/iu.test(sample)) return 'bg';
  const [best] = francAll(sample.slice(0, 1000), { only: ['rus', 'ukr', 'bul', 'bel'], minLength: 3 });
  return best ? ({ rus: 'ru', ukr: 'uk', bul: 'bg', bel: 'be' } as Record<string, string>)[best[0]] : 'und';
}

/** Country code top-level domains whose news is written in one of Bosnian, Croatian, Serbian and Montenegrin. */
const BCMS_TLD: Record<string, string> = { rs: 'sr', hr: 'hr', ba: 'bs', me: 'cnr' };

/**
 * Which of Bosnian, Croatian, Serbian or Montenegrin a page is written in, by what it declares ("hr", "bs-BA",
 * "sr-ME", "cnr") or else by its country's domain (.rs, .hr, .ba, .me), for a page with no source to say so.
 * Another declared language ("en") says nothing here: it is the page template's as often as the text's.
 */
export function bcmsPriorOf(url: string, declared: string | null): string | undefined {
  let tld: string | undefined;
  try {
    tld = BCMS_TLD[new URL(url).hostname.split('.').pop() ?? ''];
  } catch {
    tld = undefined;
  }
  // "sr-Latn-ME": the language, then perhaps a script, then the region.
  const [primary, ...rest] = (declared ?? '').split(/[-_]/);
  const region = rest.find((x) => /^[a-z]{2}$/.test(x));
  // Montenegrin outlets mostly declare Serbian: "sr" on a .me domain is Montenegrin.
  if (primary === 'cnr' || (primary === 'sr' && (region === 'me' || (!region && tld === 'cnr')))) return 'cnr';
  if (primary === 'sr' || primary === 'hr' || primary === 'bs') return primary;
  return tld;
}

export function identifyLanguage(text: string, prior?: string | null, models?: Partial<LangModels>): LangResult {
  const model = models?.general ?? defaultLangModel();
  const sample = text.slice(0, 3000);
  const script = scriptOf(sample);
  const n = letters(sample);
  if (n < 3) return { lang: prior ?? 'und', script, confidence: 0 };

  // Scripts and alphabets the classifier was not trained on.
  const foreign = otherScript(sample, n) ?? (script === 'Cyrl' ? otherCyrillic(sample) : undefined);
  if (foreign) return { lang: foreign, script, confidence: foreign === 'und' ? 0 : 0.9 };

  // A thousand and a half characters decide the language of an article; more only costs time.
  const nb = model.predict(sample.slice(0, 1500));
  let lang = nb ? (nb.label === 'sr-Cyrl' ? 'sr' : nb.label) : 'und';
  let confidence = nb?.confidence ?? 0;

  // A language the classifier was not trained on: franc knows it, and is clear about it.
  const [best, second] = francAll(sample.slice(0, 500), { only: FRANC_ONLY, minLength: 3 });
  const fl = best ? ISO3_TO_1[best[0]] : undefined;
  const margin = best && second ? best[1] - second[1] : 0;
  // Not one whose alphabet lacks the text's č, ć, đ, š or ž ("Uhapšen diler u Baru" is no Turkish).
  const haceks = sample.match(HACEKS)?.length ?? 0;
  const lacksHaceks = haceks > 0 && !HACEK_LANGS.has(fl ?? '');
  if (fl && !model.labels.includes(fl) && !(fl === 'sl' && script === 'Latn' && BCMS_LANGS.has(lang)) && !lacksHaceks && margin > 0.1) {
    lang = fl;
    confidence = Math.min(0.9, 0.5 + margin);
  }

  // Czech or Slovak, by the letters no South Slavic alphabet has (ř, ů, ě, ť, ď, ň, ĺ, ľ, ŕ, ý, ô), more of them than
  // of č, ć, đ, š and ž (not a Czech name or a stray word in Croatian, nor mojibake's "Ĺľ"): franc tells which.
  const west = sample.match(WEST_SLAVIC)?.length ?? 0;
  if (BCMS_LANGS.has(lang) && script === 'Latn' && west >= 2 && west > haceks) {
    const [which] = francAll(sample.slice(0, 1000), { only: ['ces', 'slk'], minLength: 3 });
    if (which) return { lang: which[0] === 'ces' ? 'cs' : 'sk', script, confidence: 0.8 };
  }
  // Bosnian, Croatian or Serbian in Latin script: the dedicated classifier decides.
  if (BCMS_LANGS.has(lang) && script === 'Latn') {
    const bcms = (models?.bcms ?? defaultBcmsModel()).predict(sample.slice(0, 1500));
    if (bcms) {
      lang = bcms.label;
      confidence = bcms.confidence;
    }
  }
  // Montenegrin shares Serbian and Croatian n-grams; its own forms or the source say so.
  if (BCMS_LANGS.has(lang)) {
    const cnr = (sample.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => CNR_WORDS.test(w)).length;
    if (prior === 'cnr' || cnr >= 2) lang = 'cnr';
    // A Bosnian, Croatian or Serbian source: its language stands unless a long text clearly says otherwise.
    else if (prior && BCMS_LANGS.has(prior) && (confidence < 0.8 || n < 200)) lang = prior;
  }
  // Short texts lean on the source's language.
  if (prior && n < 200 && lang !== prior && confidence < 0.8) return { lang: prior, script, confidence: 0.5 };
  return { lang, script, confidence: Number(confidence.toFixed(3)) };
}
