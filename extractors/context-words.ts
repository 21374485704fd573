// Words that put a sentence in a trafficking context, in every Ruta language.
// Words of plain trade (shipment, envío, pošiljka, isporuka) are not among
// them: fruit shipments from Ecuador to a Balkan port are not a link.
//
// Each is a word or the start of one, never a piece inside another word: the
// Slavic "drugi" (other), "član" (member), "trafika" (kiosk), "klanje"
// (slaughter) and "pranje" (washing), or the Spanish "tráfico" (road traffic),
// "lavado" (washing), "cartelera" (billboard) and "banda" (a music band), are
// everyday words of news that is not about crime.
import { fold } from './text-normalize.js';

const STEMS = [
  'cocain', 'kokain', 'drog(?!eri)', 'drugs?(?![a-z])', '(?:anti)?narco', '(?:anti)?narkot', 'estupefacient', 'heroin',
  // Trafficking: English, Spanish/Portuguese (not "tráfico", road traffic, alone), Albanian and Serbo-Croatian (not "trafika", a kiosk).
  'traffick', 'traficant', 'trafico (?:de|ilicito|internacional)', 'trafik(?:im|ant|ues)', 'krijumcar', 'kriumcar', 'smuggl', 'contraband',
  'svercu', 'sverc', 'shverc',
  'cartel(?!era)', 'kartel',
  // Seizures.
  'seiz', 'incaut', 'decomis', 'apreens', 'zaplen', 'zaplijen', 'sekuestr',
  // Money laundering, not washing.
  'laund', 'lavado de (?:dinero|activos|capitales)', 'blanqueo', 'pranj[aeu] novca', 'perenje pari', 'pastrim\\w* (?:i |te )?para',
  'mafia', 'mafij',
  // Clans and gangs (not "klanje", slaughter; not "član", member: see CLAN below).
  'klan(?:a|u|om|ov[a-z]*|i|in|it|et|ot)?(?![a-z])', 'bandas? (?:criminal|delictiv|de narco|de trafic)', 'band(?:e|i|u|om|ata|ite)(?![a-z])',
  'gang(?:s|ster[a-z]*|a|e|u|om)?(?![a-z])', 'pandill',
  'kriminal', 'criminal', 'organized crime', 'crimen organizado',
];

const FOLDED = new RegExp(`(?<![a-z])(?:${STEMS.join('|')})`);
/** English and Spanish "clan" on the text itself: folded, the Serbo-Croatian "član" (member) would be one too. */
const CLAN = /(?<!\p{L})(?:clan|clanes|clans|clã|clãs)(?!\p{L})/u;

/** Whether a sentence speaks of drugs, trafficking, seizures, laundering or organised crime. */
export function traffickingContext(sentence: string): boolean {
  return FOLDED.test(fold(sentence)) || CLAN.test(sentence.toLowerCase());
}

// Other cases: "Slični slučajevi zabilježeni su u Callau", "similar cases were reported in Callao".
// A report on one case mentions others only to set it in context; the places of those cases are no one's
// in this article.
const OTHER_CASES = new RegExp(
  `(?<![a-z])(?:${[
    '(?:similar|other) (?:cases|seizures|arrests)', 'casos? (?:similares|parecidos|semelhantes)', 'otros casos', 'outros casos',
    'slicn(?:i|ih|e|im) slucaj', 'drug(?:i|ih) slucaj', 'slicn(?:i|ih) zaplen', 'slicn(?:i|ih) zaplijen',
    'raste(?:t)? te (?:ngjashme|tjera)', 'slicni slucai', 'drugi slucai',
    // A case set apart: "in a separate case", "en un caso distinto", "u drugom slučaju", "në një rast tjetër".
    '(?:in|under) (?:a|an) (?:separate|unrelated|different|another) (?:case|investigation|operation)', 'in another case',
    '(?:en|em) (?:un|um|otro|outro) caso (?:distinto|diferente|aparte|separado)', 'en otro caso', 'em outro caso',
    'u (?:drugom|odvojenom|zasebnom|posebnom) slucaju', 'ne (?:nje )?rast(?:in)? tjeter', 'vo drug sluca',
  ].join('|')})`,
);

/** Whether a sentence speaks of other, similar cases than the article's own. */
export function otherCases(sentence: string): boolean {
  return OTHER_CASES.test(fold(sentence));
}

/** Arrest and charge words, folded (Cyrillic read as Latin: уапсен is uapsen), in every Ruta language: "uhićen", "detenido", "arrested", "arrestuar", "preso". */
const ARREST = /(?<![a-z])(?:arrest|detain|detenid|detuv|captur|uhaps|uhic|uhit|privede|priveden|lisen slobode|arrestu|arrestim|uapsen|uapsi|pritvor|preso|presos|presa|prendeu|prenderam|indict|charged|imput|acusad|optuz|optuzen|akuzuar|obvin)/u;

/** Whether a sentence reports an arrest or a charge. */
export function arrestContext(sentence: string): boolean {
  return ARREST.test(fold(sentence));
}

/** Suspect words, folded: "suspected", "sospechoso", "suspeitos", "osumnjičeni", "sumnja se", "осомничен", "се сомнева", "i dyshuar", "dyshojnë". */
const SUSPECT = /(?<![a-z])(?:suspect|sospech|suspeit|osumnjic|sumnj|osomnic|somnev|dyshuar|dyshim|dyshoj)/u;

/** Whether a sentence names someone as arrested, charged or suspected. */
export function suspectContext(sentence: string): boolean {
  const folded = fold(sentence);
  return ARREST.test(folded) || SUSPECT.test(folded);
}

/**
 * Office words, folded (Cyrillic read as Latin): a person named after one is an official of the
 * case (prosecutor, judge, minister, spokesperson, police chief, lawyer), not a party to it (a
 * "director" is not among them: a company's may be the suspect):
 * "Specijalni tužilac Milorad Ristić", "the Interior Minister, Ivica Dačić", "la fiscal María Pérez".
 */
const OFFICE = new RegExp(
  `^(?:${[
    'prosecutor', 'fiscal', 'fiscala', 'tuzilac', 'tuzioca?', 'tuziocu', 'tuziocem', 'tuzitelj(?:a|u|em|ica|ice)?', 'prokuror(?:i|it|in|ja)?', 'obvinitel(?:ot|ka)?',
    'judge', 'jueza?', 'sudij[aeiu]', 'sudijata', 'sudac', 'suca', 'sucu', 'sutkinj[aeu]', 'gjyqtar(?:i|it|ja)?',
    'minister', 'ministr[aeiou]', 'ministrom', 'ministar', 'ministrit', 'ministerot', 'ministerka',
    'spokes(?:man|woman|person)', 'portavoz', 'portparol(?:i|it|ot|ka)?', 'glasnogovorni(?:k|ka|ku|kom|ca|ce)', 'zedhenes(?:i|it|ja)?',
    'nacelni(?:k|ka|ku|kom)', 'commissioner', 'komesar(?:a|u|om)?', 'ambassador', 'embajadora?', 'ambasador(?:a|u|om|i|it)?',
    'lawyer', 'attorney', 'abogad[oa]', 'advokat(?:a|u|om|i|it|ja)?', 'avokat(?:i|it|ja)?', 'branitelj(?:a|u|em)?', 'branila?c', 'branioc[aue]?',
    'mayor', 'alcalde(?:sa)?', 'gradonacelni(?:k|ka|ku|kom)', 'kryetar(?:i|it)?',
    'president[ea]?', 'presidenti(?:t)?', 'predsjedni(?:k|ka|ku|kom|ca)', 'predsedni(?:k|ka|ku|kom|ca)', 'pretsedatel(?:ot)?',
  ].join('|')})$`,
);
/** "former", "ex", "bivši", "ish", "поранешниот": a former official may be a party. */
const FORMER = /(?<![a-z])(?:former|ex|exs|bivs\p{L}*|ish|poranesn\p{L}*|antiguo|antigua)$/u;

/** Whether the word right before `start` (a comma may stand between) names an office held now: "Specijalni tužilac Milorad Ristić", "Interior Minister Ivica Dačić". */
export function officeBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (!/^[^.;\n]*?[\p{L}-]+,?\s+$/u.test(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(';')) + 1))) return false;
  const words = fold(before).split(/[^\p{L}-]+/u).filter(Boolean).slice(-3);
  const office = words[words.length - 1];
  // Only the office's holder, never the institution ("Según la Fiscalía, X", "Sipas prokurorisë, X") or many ("Prosecutors said X").
  if (!office || !OFFICE.test(office)) return false;
  return !words.some((w) => w.split('-').some((p) => FORMER.test(p)));
}

/** Verbs of saying, folded (Cyrillic read as Latin): officials speak in the news, parties are spoken of. */
const SPEECH = /(?<![a-z])(?:said|says|told|stated|announced|declared|explained|added|saopst|saopcen|izjavi|rekao|rekla|kazao|kazala|naveo|navela|istakao|istakla|potvrdi|informo|declaro|dijo|afirmo|senalo|explico|anuncio|indico|aseguro|tha(?![a-z])|deklaroi|njoftoi|soopsti|rece(?![a-z])|izjavil)/u;

/** Whether a sentence quotes or reports someone speaking. */
export function speechContext(sentence: string): boolean {
  return SPEECH.test(fold(sentence));
}
