// Finds drug seizure quantities: numbers in every convention ("1.127",
// "1,5", "1 127", "one and a half", "1 tonelada 127 kilos"), mass units in
// every Ruta language, and a drug word nearby. Money is never a drug.
import { fold } from './text-normalize.js';

export interface SeizureMention {
  drug: string;
  text: string;
  kg: number;
  start: number;
  end: number;
  /** The port, city or country its sentence names (seizure-context.ts). */
  place?: string;
  /** The date its sentence states: "2024-03-14", "2024-03" or "2024". */
  date?: string;
}

/**
 * More than one seizure ever held: the largest single cocaine seizures on record are some 20–25 tonnes
 * (Hamburg and Antwerp 2019–2021, Guayaquil 2024), so a larger quantity is a year's or a country's total.
 */
export const MAX_ONE_SEIZURE_KG = 30_000;

/** Units (kg per unit) and drug words as tokens' folded norms have them: Latin script, lowercase, no diacritics (кокаинот is kokainot, kokainë is kokaine). */
const UNITS: [RegExp, number][] = [
  [/^(kg|kgs|kilo|kilos|quilo|quilos|quilograma|quilogramas|kilogram|kilograms|kilogramme|kilogrammes|kilogramo|kilogramos|kilograma|kilogrami|kilogramima|kilogramu|kilograme|kilogramet|kilogramesh|kilogrameve)$/u, 1],
  [/^(t|ton|tons|tonne|tonnes|tonelada|toneladas|tona|tone|toni|tonite|tonu|tonama|tonet|toneve|tonesh|tonelaje)$/u, 1000],
  [/^(lb|lbs|pound|pounds|libra|libras)$/u, 0.45359237],
  [/^(g|gr|gram|grams|gramo|gramos|grama|grami|grame)$/u, 0.001],
];

const DRUGS: [RegExp, string][] = [
  // With their case and definite endings: kokainom, kokainit, kokainot, marihuanata, hašiša (hasisa), skanka, heroinom.
  [/^(cocaine|cocaina|coca|crack|kokain(?:a|e|u|om|it|es|en|in|ot|ata)?)$/u, 'cocaine'],
  [/^(cannabis|maconha|skunk|hashish|hachis|haxixe|hashash|(?:marihuan|marijuan|kanabis|hasis|skank)\p{L}{0,3})$/u, 'cannabis'],
  [/^heroin\p{L}{0,3}$/u, 'heroin'],
  [/^(drug|drugs|droga|drogas|droge|drogu|drogat|narcotics|narcoticos|narkotik|narkotika|narkotike|narkotici|substance|supstanc|sustanc|estupefacient)\p{L}*$/u, 'unspecified'],
  [/^(amphetamine|amphetamines|anfetamina|amfetamin|amfetamina|mdma|ecstasy|methamphetamine|metanfetamina|metamfetamin)\p{L}*$/u, 'synthetic'],
];

/** Money words, folded (Cyrillic read as Latin: евра is evra), whole words: "European" and "lekar" are none. */
const CURRENCY =
  /^(euro|euros|eur|eura|evra|evro|evrove|dollar|dollars|dolar|dolares|dolara|dollare|usd|€|\$|lek|leke|leku|dinar|dinara|dinare|kuna|kune|real|reais|soles|pesos|million|millions|millones|milion|miliona|milioni|milijun|milijuna|mln)$/u;

/** Number words, folded (Macedonian две, четири are dve, cetiri; Albanian katër is kater). */
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, dozen: 12, hundred: 100,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, cien: 100,
  jedna: 1, jedan: 1, jednu: 1, dve: 2, dvije: 2, dva: 2, tri: 3, cetiri: 4, pet: 5, sest: 6, sedam: 7, osam: 8, devet: 9, deset: 10,
  nje: 1, dy: 2, tre: 3, kater: 4, pese: 5, gjashte: 6, shtate: 7, tete: 8, nente: 9, dhjete: 10,
  edna: 1, eden: 1, sedum: 7, osum: 8,
  um: 1, dois: 2, duas: 2, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10, cem: 100,
  // Tens.
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
  vinte: 20, trinta: 30, quarenta: 40, cinquenta: 50,
  dvadeset: 20, trideset: 30, cetrdeset: 40, pedeset: 50, sezdeset: 60, sedamdeset: 70, osamdeset: 80, devedeset: 90,
  dvaeset: 20, trieset: 30, cetirieset: 40, shezdeset: 60,
  njezet: 20, tridhjete: 30, dyzet: 40, pesedhjete: 50,
  // Hundreds written as one word.
  ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400, cuatrocientas: 400,
  quinientos: 500, quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700, ochocientos: 800,
  ochocientas: 800, novecientos: 900, novecientas: 900,
  duzentos: 200, duzentas: 200, trezentos: 300, trezentas: 300, quinhentos: 500, quinhentas: 500,
  sto: 100, stotinu: 100, dvesta: 200, dvesto: 200, dvjesta: 200, dvjesto: 200, trista: 300, tristo: 300, cetiristo: 400,
  petsto: 500, sesto: 600, seststo: 600, sedamsto: 700, osamsto: 800, devetsto: 900,
  dveste: 200, cetiristotini: 400, petstotini: 500, sestotini: 600, sedumstotini: 700, osumstotini: 800, devetstotini: 900,
  qind: 100, njeqind: 100, dyqind: 200, treqind: 300, katerqind: 400, peseqind: 500, gjashteqind: 600, shtateqind: 700,
  teteqind: 800, nenteqind: 900,
  // "Some ten, twenty, a hundred" in Serbian, Croatian and Bosnian (desetak, dvadesetak, stotinjak): the round number.
  desetak: 10, petnaestak: 15, dvadesetak: 20, tridesetak: 30, cetrdesetak: 40, pedesetak: 50, sezdesetak: 60,
  sedamdesetak: 70, osamdesetak: 80, devedesetak: 90, stotinjak: 100,
};
/** Words that multiply the number before them by a hundred: "two hundred", "tri stotine", "dy qind". */
const HUNDRED_TIMES = /^(hundred|stotine|stotina|qind)$/u;
/** Counted packages ("27 paquetes de 1 kilo"), folded. */
const PACKAGES = /^(paquete|paquetes|panela|panelas|panes|ladrillo|ladrillos|bloque|bloques|fardo|fardos|package|packages|packet|packets|brick|bricks|block|blocks|bale|bales|parcel|parcels|paket|paketa|paketi|pakete|paketica|paketic|cigla|cigle|blok|blokova|bala|bale|pako|pakot|paketat)$/u;
const OF = /^(de|of|od|e|te|ot)$/u;
/** The whole load's weight, not one package's (folded): "in total", "en total", "ukupno", "вкупно", "gjithsej". */
const TOTAL = /^(total|totalling|totaling|combined|altogether|ukupn\p{L}*|vkupn\p{L}*|gjithsej|conjunto)$/u;
/** A load of drugs (folded): "el cargamento", "the shipment", "pošiljka", "ngarkesa", "пратката". */
const LOAD = /^(cargamento|carga|alijo|shipment|consignment|load|haul|drug|posiljk|tovar|drog|ngarkes|pratk|carregamento)/u;
/** Weighing (folded): "con un peso de", "weighing", "teška", "težine", "me peshë", "тежина". */
const WEIGHT = /^(peso|pesaba|pesa|pesava|weigh|tezin|tesk|tezak|pesh)/u;
/** Seizure verbs and nouns (folded stems): a quantity in such a sentence, in an article about a drug, is that drug. */
const SEIZED = /^(seiz|intercept|confiscat|impound|found|discover|recover|incaut|decomis|hallad|hallaz|hallaron|hallo(?!\p{L})|encontrad|aprehend|aprehens|apreend|zaplen|zaplijen|zapljen|presretn|pronadj|oduzet|otkriven|zaplena|zapljena|sekuestr|konfiskua|konfisk|gjetur|kapur|pronajd)/u;
/**
 * Price words (folded): "a kilo of cocaine costs $1,500 in Guayaquil" states a price, not a seizure.
 * Only a quantity of one unit with such a word, and no seizure word, in its sentence is read as a price.
 */
const PRICE = /^(cost|costs|costing|sell|sells|selling|sold|price|prices|priced|buy|buys|bought|fetch|fetches|fetched|cuesta|cuestan|costaba|costaban|vale|valen|valia|valian|precio|precios|vende|venden|vendia|vendian|compra|compran|compraba|compraban|paga|pagan|pagaba|pagaban|cotiza|cotizan|custa|custam|custava|preco|precos|kosta|kostao|kostala|kostaju|kostati|cijena|cijenu|cijene|cena|cenu|cene|cenata|prodaje|prodaju|prodavao|prodavala|prodava|kupuje|kupuju|kupovao|placa|placaju|placao|vredi|vrijedi|kushton|kushtonte|kushtojne|cmim|cmimi|cmimin|shitet|shiten|shitej|blihet|blihen|bleret|cini|cinat)$/u;
const HALF = /^(half|media|medio|meia|meio|pola|polovina|polovinu|gjysme)$/u;
/** "and a half" after a whole number and its unit, or between them: "dos toneladas y media", "dve i po tone", "dvije i pol tone", "две и пол тони". */
const AND = /^(y|i|e|and|dhe)$/u;
const HALF_AFTER = /^(half|media|medio|meia|meio|po|pol|polovina|gjysme)$/u;
/** Words between a package count and its unit weight: "120 bricks of cocaine, each weighing about 1.1 kg", "27 paquetes de cocaína de 1 kilo cada uno". */
const UNIT_WEIGHT_FILLER = /^(each|weighing|weighs|weighed|about|around|approximately|roughly|cada|uno|una|con|un|peso|aproximadamente|aproximado|aproximada|promedio|cerca|unos|unas|svaki|svaka|svako|tezine|tezini|tezak|teski|teska|teskih|teskog|teskim|teske|tesko|mase|po|oko|otprilike|secili|secila|me|peshe|rreth|sekoj|tezina|tezok|od|okolu|clorhidrato|hydrochloride)$/u;
/**
 * Words that give a weight without saying whose ("40 packages weighing 48 kg", "20 paquetes con un peso de 25 kilos",
 * "40 paketa težine 48 kilograma"): the whole load's, unless "each" says otherwise.
 */
const WEIGHT_WORD = /^(weighing|weighs|weighed|peso|tezine|tezini|tezina|mase|peshe|tezok)$/u;
/** Words that make a weight one package's: "each", "cada uno", "svaki", "secili", "секој", "po" (distributive: "po 1 kilogram"), "apiece". */
const EACH = /^(each|apiece|cada|svaki|svaka|svako|secili|secila|sekoj|sekoja|sekoe|po|unidad|komad)$/u;

/** The number a token writes, in digits or in words. */
function numberOf(tok: Tok | undefined): number | undefined {
  return tok ? tok.num ?? wordNumber(tok) : undefined;
}

interface Tok {
  raw: string;
  norm: string;
  start: number;
  end: number;
  /** The number the token writes in digits, read in the text's convention (parseNumber). */
  num?: number;
}

function toks(text: string, lang?: string | null): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?|[\p{L}\p{M}]+|[€$]/gu)) {
    const num = /^\d/.test(m[0]) ? parseNumber(m[0], lang) : undefined;
    out.push({ raw: m[0], norm: fold(m[0]).replace(/[\u00a0\u202f ]/g, ' '), start: m.index!, end: m.index! + m[0].length, num });
  }
  return out;
}

/**
 * Languages whose comma is only ever a decimal point: "15,865 kg de cocaína" in a Brazilian report
 * is fifteen kilos, "1,127 kilograma" is one. English writes thousands so ("2,700 kilograms"), and
 * so does much Latin American Spanish, where a lone group of three after a comma stays thousands.
 */
const DECIMAL_COMMA = new Set(['pt', 'sr', 'hr', 'bs', 'cnr', 'sq', 'mk']);

/** Parses a numeral written with any thousands/decimal convention (the text's language settles "15,865"). */
export function parseNumber(raw: string, lang?: string | null): number | undefined {
  const s = raw.replace(/[\u00a0\u202f ]/g, ' ').trim();
  if (lang && DECIMAL_COMMA.has(lang) && /^\d{1,3},\d{3}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d{1,3}(?: \d{3})+$/.test(s)) return Number(s.replace(/ /g, ''));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.')); // 1.127 / 1.127,5
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, '')); // 1,127 / 1,127.5
  if (/^\d+,\d+$/.test(s)) return Number(s.replace(',', '.')); // 1,5
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return undefined;
}

function unitFactor(norm: string): number | undefined {
  for (const [re, f] of UNITS) if (re.test(norm)) return f;
  return undefined;
}

/** The drug a word names, given as a token's folded norm (кокаинот is kokainot: cocaine). */
export function drugOf(norm: string): string | undefined {
  for (const [re, d] of DRUGS) if (re.test(norm)) return d;
  return undefined;
}

/** A ton in the Slavic singular, which says "one" without a numeral: "tona kokaina", "više od tone", "gotovo tonu". */
const BARE_TON = /^(tona|tone|tonu|tonom)$/u;

/** "Thousand" before a unit, folded: "1,2 mil quilos", "dos mil kilos", "hiljadu kilograma", "dvije tisuće kilograma". */
const THOUSAND = /^(mil|thousand|hiljadu|hiljade|hiljada|tisucu|tisuce|tisuca|mije|iljada|iljadi)$/u;

/** The number a word writes ("sto" is a hundred, but "što", folded alike, is "what"). */
function wordNumber(tok: Tok | undefined): number | undefined {
  if (!tok || (tok.norm === 'sto' && /[šŠ]/u.test(tok.raw))) return undefined;
  return WORD_NUMBERS[tok.norm];
}

/** A word of a written number: a number, "hundred" or "thousand". */
const numberWord = (tok: Tok | undefined) => !!tok && (wordNumber(tok) !== undefined || HUNDRED_TIMES.test(tok.norm) || THOUSAND.test(tok.norm));

/**
 * Number words that end at token `last`, composed: "two hundred and fifty", "a hundred", "doscientos cincuenta",
 * "dvjesto pedeset", "tri stotine", "dos mil quinientos". A hundred needs its count: "several hundred kilos" and
 * "nekoliko stotina kilograma" say no number. Returns [value, firstTokenIndex].
 */
function numberWordsBefore(t: Tok[], last: number): [number, number] | undefined {
  if (wordNumber(t[last]) === undefined && !HUNDRED_TIMES.test(t[last]?.norm ?? '')) return undefined;
  let first = last;
  for (;;) {
    const k = first - 1;
    if (numberWord(t[k])) first = k;
    // "two hundred and fifty", "dvjesto i pedeset": "and" before a number under a hundred.
    else if (k >= 1 && AND.test(t[k]!.norm) && numberWord(t[k - 1]) && (wordNumber(t[k + 1]) ?? 100) < 100) first = k - 1;
    else break;
  }
  // "a hundred", "an hundred": one.
  const article = first > 0 && /^(a|an)$/u.test(t[first - 1]!.norm) && !THOUSAND.test(t[first]!.norm) && HUNDRED_TIMES.test(t[first]!.norm);
  let total = 0;
  let current = article ? 1 : 0;
  let counted = article;
  for (let k = first; k <= last; k++) {
    const tok = t[k]!;
    if (THOUSAND.test(tok.norm)) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (HUNDRED_TIMES.test(tok.norm)) {
      if (!current) return undefined;
      current *= 100;
    } else if (!AND.test(tok.norm)) {
      current += wordNumber(tok) ?? 0;
      counted = true;
    }
  }
  if (!counted) return undefined;
  return [total + current, article ? first - 1 : first];
}

/** Reads a quantity ending just before token index `u` (the unit). Returns [value, firstTokenIndex]. */
function quantityBefore(t: Tok[], u: number): [number, number] | undefined {
  const prev = t[u - 1];
  if (!prev) return undefined;
  // "2.3 metric tons": the number before "metric".
  if (prev.norm === 'metric') return quantityBefore(t, u - 1);
  if (THOUSAND.test(prev.norm)) {
    const q = quantityBefore(t, u - 1);
    return q ? [q[0] * 1000, q[1]] : [1000, u - 1];
  }
  const n = prev.num;
  if (n !== undefined) {
    // "2 mil 500 kilos", "dos mil 500 kilos" (thousands, then the rest in digits, as Latin American papers write it).
    // One space each side of "mil": not "2 mil, 500 kilos".
    const th = t[u - 2];
    if (th && THOUSAND.test(th.norm) && Number.isInteger(n) && n < 1000 && prev.start - th.end === 1 && th.start - (t[u - 3]?.end ?? -9) === 1) {
      // The thousands as if "mil" were the unit: "2 mil" is 2,000.
      const q = quantityBefore(t, u - 1);
      if (q) return [q[0] + n, q[1]];
    }
    // "one and a half tons", "1 and a half"
    return [n, u - 1];
  }
  // "dve i po tone": a whole number, "and", "half", then the unit.
  const whole = numberOf(t[u - 3]);
  if (HALF_AFTER.test(prev.norm) && t[u - 2] && AND.test(t[u - 2]!.norm) && whole !== undefined) return [whole + 0.5, u - 3];
  // "half a tonne", "a tonne of cocaine"
  if (prev.norm === 'a' || prev.norm === 'an') return t[u - 2] && HALF.test(t[u - 2]!.norm) ? [0.5, u - 2] : [1, u - 1];
  if (HALF.test(prev.norm)) {
    // "one and a half": one | and/y/i/e | a | half
    const from = Math.max(0, u - 5);
    const at = t.slice(from, u - 1).findIndex((x) => numberOf(x) !== undefined);
    return at < 0 ? [0.5, u - 1] : [numberOf(t[from + at])! + 0.5, from + at];
  }
  // "40-ak kilograma" (some forty): the number and its suffix.
  const num = t[u - 2]?.num;
  if (prev.norm === 'ak' && num !== undefined && prev.start - t[u - 2]!.end === 1) return [num, u - 2];
  // "hundred" after digits: "5 hundred kilos".
  if (HUNDRED_TIMES.test(prev.norm) && num !== undefined) return [num * 100, u - 2];
  return numberWordsBefore(t, u - 1);
}

/** Does a sentence end between tokens k - 1 and k? */
function sentenceBreak(text: string, t: Tok[], k: number): boolean {
  return /[.!?\n]/.test(text.slice(t[k - 1]!.end, t[k]!.start)) && !abbreviatedUnit(text, t, k);
}

const UNIT_ABBREVIATION = /^(kg|kgs|gr|g|t|lb|lbs)$/u;
/** A unit's abbreviation with its full stop before token k, a lowercase word, ends no sentence: "20 kg. de cocaína". */
function abbreviatedUnit(text: string, t: Tok[], k: number): boolean {
  return /^\. +$/.test(text.slice(t[k - 1]!.end, t[k]!.start)) && UNIT_ABBREVIATION.test(t[k - 1]!.norm) && /^\p{Ll}/u.test(t[k]!.raw);
}

/**
 * How far, in tokens, a quantity's sentence is read each way: a sentence of news is shorter, and a text
 * of one endless sentence (thousands of quantities, no full stop) stays linear.
 */
const SENTENCE_REACH = 80;

/** The tokens of the sentence around tokens first..last, outside that span: those before it, nearest first, then those after it. */
function* sentenceAround(text: string, t: Tok[], first: number, last: number): Generator<Tok> {
  for (let k = first; k >= Math.max(0, first - SENTENCE_REACH); k--) {
    yield t[k]!;
    if (k > 0 && sentenceBreak(text, t, k)) break;
  }
  for (let k = last + 1; k < Math.min(t.length, last + 1 + SENTENCE_REACH) && !sentenceBreak(text, t, k); k++) yield t[k]!;
}

/** Does the sentence around tokens first..last have a token that `re` matches? */
function sentenceHas(text: string, t: Tok[], first: number, last: number, re: RegExp): boolean {
  for (const tok of sentenceAround(text, t, first, last)) if (re.test(tok.norm)) return true;
  return false;
}

/** The one drug some tokens name by name, if they name exactly one. */
function oneDrugOf(toks: Iterable<Tok>): string | undefined {
  const kinds = new Set<string>();
  for (const tok of toks) {
    const d = drugOf(tok.norm);
    if (d && d !== 'unspecified') kinds.add(d);
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** The one drug that the sentence around tokens first..last names by name, if it names exactly one ("20 kg droge, uglavnom marihuane"). */
function namedDrug(text: string, t: Tok[], first: number, last: number): string | undefined {
  return oneDrugOf(sentenceAround(text, t, first, last));
}

/**
 * The drug of a bare quantity (tokens first..last) in a seizure sentence: the last drug named before it in
 * the text. So too the weight of the load the sentence before found ("… 1.200 bloques de cocaína. El
 * cargamento, con un peso de 1,3 toneladas, …"), when it is the sentence's only weight.
 */
function impliedDrug(text: string, t: Tok[], first: number, last: number, lastDrugBefore: (k: number) => string | undefined): string | undefined {
  const after = t[last + 1];
  if (after && OF.test(after.norm) && t[last + 2] && /^\p{L}/u.test(t[last + 2]!.raw) && text.slice(t[last]!.end, after.start).trim() === '') return undefined;
  let seized = false;
  for (let k = first; k > Math.max(0, first - SENTENCE_REACH) && !seized && !sentenceBreak(text, t, k); k--) seized = SEIZED.test(t[k - 1]!.norm);
  for (let k = last + 1; k < Math.min(t.length, last + 1 + SENTENCE_REACH) && !seized && !sentenceBreak(text, t, k); k++) seized = SEIZED.test(t[k]!.norm);
  if (!seized) return weightOfLoad(text, t, first, last) ? drugOfSentenceBefore(text, t, first) : undefined;
  return lastDrugBefore(first);
}

/** The drug of the nearest token before token k that names one, for every k: computed once, in one pass. */
function lastDrugs(t: Tok[]): (k: number) => string | undefined {
  let table: (string | undefined)[] | undefined;
  return (k) => {
    if (!table) {
      table = new Array<string | undefined>(t.length + 1);
      let d: string | undefined;
      for (let j = 0; j <= t.length; j++) {
        table[j] = d; // the drug of tokens before j
        if (j < t.length) d = drugOf(t[j]!.norm) ?? d;
      }
    }
    return table[k];
  };
}

/** "El cargamento, con un peso de 1,3 toneladas": a load's weight, and the only weight its sentence gives. */
function weightOfLoad(text: string, t: Tok[], first: number, last: number): boolean {
  let load = false;
  let weight = false;
  for (const tok of sentenceAround(text, t, first, last)) {
    if (tok.num === undefined && unitFactor(tok.norm) !== undefined) return false; // another weight
    load ||= LOAD.test(tok.norm);
    weight ||= WEIGHT.test(tok.norm);
  }
  return load && weight;
}

/** The tokens of the sentence before token k's, nearest first (none if k's opens the text or is too long to read back over). */
function* sentenceBefore(text: string, t: Tok[], k: number): Generator<Tok> {
  let j = k - 1;
  while (j >= Math.max(0, k - SENTENCE_REACH) && !sentenceBreak(text, t, j + 1)) j--; // to the end of the sentence before
  if (j < 0 || !sentenceBreak(text, t, j + 1)) return;
  for (const stop = Math.max(0, j - SENTENCE_REACH); j >= stop; j--) {
    yield t[j]!;
    if (j > 0 && sentenceBreak(text, t, j)) return;
  }
}

/** The one drug the sentence before token k's names by name, if it names exactly one. */
function namedDrugBefore(text: string, t: Tok[], k: number): string | undefined {
  return oneDrugOf(sentenceBefore(text, t, k));
}

/** The drug the sentence before token k's names, if it names one. */
function drugOfSentenceBefore(text: string, t: Tok[], k: number): string | undefined {
  for (const tok of sentenceBefore(text, t, k)) {
    const drug = drugOf(tok.norm);
    if (drug) return drug;
  }
  return undefined;
}

export function findSeizures(text: string, lang?: string | null): SeizureMention[] {
  const t = toks(text, lang);
  const out: SeizureMention[] = [];
  const lastDrugBefore = lastDrugs(t);
  for (let i = 0; i < t.length; i++) {
    const f = unitFactor(t[i]!.norm);
    if (f === undefined) continue;
    // Single-letter units ("t", "g") only directly after a numeral.
    if (t[i]!.raw.length === 1 && t[i - 1]?.num === undefined) continue;
    // "dos toneladas y media", "two tonnes and a half", "tona i po": the half after the unit, in its sentence.
    let halfAt = t[i + 1] && AND.test(t[i + 1]!.norm) ? (t[i + 2]?.norm === 'a' ? i + 3 : i + 2) : -1;
    if (halfAt > 0 && (!t[halfAt] || !HALF_AFTER.test(t[halfAt]!.norm) || sentenceBreak(text, t, i + 1))) halfAt = -1;
    // "tona i po", "tonelada y media": one, and a half.
    // "zaplijenjena je tona kokaina", "više od tone kokaina": a ton, told by the noun's singular alone.
    const bareTon = f >= 1000 && BARE_TON.test(t[i]!.norm) && !!t[i + 1] && drugOf(t[i + 1]!.norm) !== undefined;
    const q = quantityBefore(t, i) ?? ((halfAt === i + 2 && f >= 1000) || bareTon ? ([1, i] as [number, number]) : undefined);
    if (!q) continue;
    let [value, first] = q;
    let kg = value * f;
    let last = i;
    // "1 tonelada 127 kilos", "2 tone i 300 kilograma"
    if (halfAt > 0) {
      kg += f / 2;
      last = halfAt;
    }
    const n2 = t[last + 1] && AND.test(t[last + 1]!.norm) ? last + 2 : last + 1;
    const next = t[n2];
    const nextUnit = t[n2 + 1];
    if (f === 1000 && next && nextUnit && next.num !== undefined && unitFactor(nextUnit.norm) === 1) {
      kg += next.num;
      last = n2 + 1;
    }
    // The thing measured: a drug word within the next few tokens (or the few before the number).
    let drug: string | undefined;
    let money = false;
    for (let k = last + 1; k < Math.min(t.length, last + 7); k++) {
      // The sentence ends, or another quantity begins ("29,5 kilograma, 41.000 evra"): what follows is not ours.
      if ((/[.;!?]/.test(text.slice(t[k - 1]!.end, t[k]!.start)) && !abbreviatedUnit(text, t, k)) || t[k]!.num !== undefined) break;
      if (CURRENCY.test(t[k]!.norm)) {
        money = true;
        break;
      }
      drug = drugOf(t[k]!.norm);
      if (drug) break;
    }
    if (!drug) for (let k = first - 1; k >= Math.max(0, first - 5) && !sentenceBreak(text, t, k + 1); k--) {
      drug = drugOf(t[k]!.norm);
      if (drug) break;
    }
    // No drug word beside it: in a sentence that reports a seizure, the quantity is the
    // drug the article has been talking about ("a further 900 kg was intercepted"),
    // unless the unit names what it weighs ("2 tonnes of weapons").
    if (!drug && !money) drug = impliedDrug(text, t, first, last, lastDrugBefore);
    if (!drug || money || kg <= 0) continue;
    // "105,75 kilograma droge marihuane", "320 kilos de droga" from a hashish ring: the drug by its name.
    if (drug === 'unspecified') drug = namedDrug(text, t, first, last) ?? drug;
    // "… një trafiku kokaine nga Ekuadori. Sipas policisë, droga, rreth 230 kilogramë, …": "the drugs" are the one drug the sentence before names.
    if (drug === 'unspecified') drug = namedDrugBefore(text, t, first) ?? drug;
    // "27 paquetes de 1 kilo", "120 bricks of cocaine, each weighing about 1.1 kg": the
    // count of packages times the stated unit weight.
    // Not where the weight is the whole load's: "23 bales of cocaine weighing 1,150 kg in total", "ukupno".
    const total = TOTAL.test(t[first - 1]?.norm ?? '') || t.slice(last + 1, last + 4).some((x, j) => TOTAL.test(x.norm) && !sentenceBreak(text, t, last + 1 + j));
    // The weight is one package's when the package word takes it directly ("paquetes de 1 kilo", "packages of 1 kg")
    // or a word says "each" (before it, or just after the unit); after "weighing" or "con un peso de" alone it is the load's.
    const eachAfter = t.slice(last + 1, last + 4).some((x, j) => EACH.test(x.norm) && !sentenceBreak(text, t, last + 1 + j));
    let weighing = false;
    let each = eachAfter;
    for (let k = first - 1; k >= Math.max(1, first - 12) && !total && !sentenceBreak(text, t, k + 1); k--) {
      if (PACKAGES.test(t[k]!.norm)) {
        const count = numberOf(t[k - 1]);
        if (count !== undefined && count > 1 && k < first - 1 && (each || !weighing)) {
          kg *= count;
          first = k - 1;
        }
        break;
      }
      if (!OF.test(t[k]!.norm) && !UNIT_WEIGHT_FILLER.test(t[k]!.norm) && !drugOf(t[k]!.norm)) break;
      weighing ||= WEIGHT_WORD.test(t[k]!.norm);
      each ||= EACH.test(t[k]!.norm);
    }
    // "a kilogram of cocaine costs $100,000 in Europe", "un kilo de cocaína cuesta 1.500 dólares": a price, not a seizure.
    if (kg === f && sentenceHas(text, t, first, last, PRICE) && !sentenceHas(text, t, first, last, SEIZED)) continue;
    // "Ecuador seized a record 220 tonnes of drugs in 2023": a year's or a country's total, not one seizure.
    if (kg > MAX_ONE_SEIZURE_KG) continue;
    out.push({ drug, text: text.slice(t[first]!.start, t[last]!.end), kg: Math.round(kg * 1000) / 1000, start: t[first]!.start, end: t[last]!.end });
    i = last;
  }
  return out;
}
