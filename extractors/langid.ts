// Language and script identification. franc for the general case; Cyrillic
// letters that only one language has, and Latin-script BCMS cues, settle the
// languages franc confuses. A per-source language prior decides short or
// ambiguous texts.
import { francAll } from 'franc';
import { scriptOf } from './text-normalize.js';

export const RUTA_LANGS = ['es', 'en', 'pt', 'sr', 'hr', 'bs', 'cnr', 'sq', 'mk'] as const;

export interface LangResult {
  lang: string; // ISO 639-1, 'cnr' or 'und'
  script: 'Latn' | 'Cyrl';
  confidence: number;
}

// The languages Ruta reads, and those its sources most often carry besides.
const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', srp: 'sr', hrv: 'hr', bos: 'bs', als: 'sq', mkd: 'mk', bul: 'bg', rus: 'ru',
  fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', slv: 'sl', ind: 'id', pes: 'fa',
};
const CANDIDATES = Object.keys(ISO3_TO_1);
const BCMS = new Set(['sr', 'hr', 'bs', 'cnr']);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

const HR_WORDS = /^(tko|što|tisuć\p{L}*|kolovoz\p{L}*|siječ\p{L}*|veljač\p{L}*|ožuj\p{L}*|travnj\p{L}*|svib\p{L}*|lipanj\p{L}*|srpanj\p{L}*|rujan\p{L}*|listopad\p{L}*|studen\p{L}*|prosin\p{L}*|vlak\p{L}*|kruh|zrakoplov\p{L}*|općin\p{L}*|sveučiliš\p{L}*|izvješć\p{L}*|priopćenj\p{L}*|glasnogovorni\p{L}*|djelatni\p{L}*|uhićen\p{L}*|hrvatsk\p{L}*|zagreb\p{L}*|kuna|kuna\p{L}*|tijekom|također|svibanj)$/u;
const SR_WORDS = /^(ko|šta|hiljad\p{L}*|avgust\p{L}*|uhapšen\p{L}*|saopšt\p{L}*|opštin\p{L}*|bezbedn\p{L}*|reč\p{L}*|dece|deca|vreme\p{L}*|mesec\p{L}*|posle|beograd\p{L}*|srpsk\p{L}*|srbij\p{L}*|tužilaštv\p{L}*|takođe|tokom)$/u;
const EKAVIAN = /^(mest\p{L}*|vest\p{L}*|svet\p{L}*|deo|delo\p{L}*|sled\p{L}*|pesm\p{L}*|reka|reke|lep\p{L}*|nedel\p{L}*|prem\p{L}*|cen\p{L}*|ispred|dve|bel\p{L}*|zamen\p{L}*|primen\p{L}*|deli\p{L}*)$/u;
const IJEKAVIAN = /^\p{L}*(ije|je[lnrtsdvmž])\p{L}*$/u;
const BS_WORDS = /^(hiljad\p{L}*|historij\p{L}*|sedmic\p{L}*|bosn\p{L}*|sarajev\p{L}*|bih|kanton\p{L}*|federacij\p{L}*|općin\p{L}*|tokom)$/u;
const CNR_WORDS = /^(crnogorsk\p{L}*|podgoric\p{L}*|đe|śutra|sjutra|ćera|budv\p{L}*|kotor\p{L}*|nikšić\p{L}*)$/u;

/** Latin-script BCMS: ekavian reflexes point to Serbian; ijekavian with Croatian-only words to Croatian. */
function bcmsLatin(text: string): { lang: string; margin: number } {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let hr = 0, sr = 0, ek = 0, ijek = 0, bs = 0, cnr = 0;
  for (const w of words) {
    if (HR_WORDS.test(w)) hr++;
    if (SR_WORDS.test(w)) sr++;
    if (EKAVIAN.test(w)) ek++;
    if (IJEKAVIAN.test(w)) ijek++;
    if (BS_WORDS.test(w)) bs++;
    if (CNR_WORDS.test(w)) cnr++;
  }
  const ijekavianText = ijek > ek * 2;
  const scores: [string, number][] = [
    ['hr', hr * 2 + (ijekavianText ? 1 : 0)],
    ['sr', sr * 2 + ek * 2 - (ijekavianText ? 1 : 0)],
    ['bs', bs * 2 + (ijekavianText ? 0.5 : 0)],
    ['cnr', cnr * 2 + (ijekavianText ? 0.5 : 0)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return { lang: scores[0]![1] > 0 ? scores[0]![0] : 'sr', margin: scores[0]![1] - scores[1]![1] };
}

export function identifyLanguage(text: string, prior?: string | null): LangResult {
  const sample = text.slice(0, 5000);
  const script = scriptOf(sample);
  const letters = count(sample, /\p{L}/gu);
  if (letters < 3) return { lang: prior ?? 'und', script, confidence: 0 };

  if (script === 'Cyrl') {
    const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
    const mk = count(sample, /[ѓќѕЃЌЅ]/g) + words.filter((w) => /^(во|од|што|ќе|беше|според|има|нивната|македонија)$/u.test(w)).length * 0.3;
    const sr = count(sample, /[ђћЂЋ]/g) + words.filter((w) => /^(у|који|која|које|према|након|још|србије|србија)$/u.test(w)).length * 0.3;
    if (mk > sr && mk > 0) return { lang: 'mk', script, confidence: Math.min(1, 0.7 + mk / 50) };
    if (sr > mk && sr > 0) return { lang: 'sr', script, confidence: Math.min(1, 0.7 + sr / 50) };
    if (prior === 'mk' || prior === 'sr') return { lang: prior, script, confidence: 0.5 };
  }

  // franc's trigram profile settles within a thousand characters or so.
  const ranked = francAll(sample.slice(0, 1200), { only: CANDIDATES, minLength: 3 });
  const [best, second] = ranked;
  let lang = best && best[0] !== 'und' ? (ISO3_TO_1[best[0]] ?? 'und') : 'und';
  let confidence = best && second ? Math.max(0, Math.min(1, best[1] - second[1] + 0.5)) : best ? best[1] : 0;

  if (script === 'Cyrl' && (lang === 'bs' || lang === 'hr')) lang = 'sr'; // franc calls Serbian Cyrillic Bosnian
  if (BCMS.has(lang) || (lang === 'sl' && script === 'Latn')) {
    if (script === 'Latn') {
      const b = bcmsLatin(sample);
      lang = b.lang;
      confidence = Math.min(1, 0.55 + b.margin / 10);
      if (prior && BCMS.has(prior) && b.margin < 2) {
        lang = prior;
        confidence = 0.6;
      }
    } else lang = 'sr';
  }
  // Short texts lean on the source's language.
  if (prior && letters < 200 && lang !== prior && confidence < 0.8) return { lang: prior, script, confidence: 0.5 };
  return { lang, script, confidence: Number(confidence.toFixed(3)) };
}
