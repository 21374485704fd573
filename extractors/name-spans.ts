// What a capitalised span is before it is taken for a person or an organisation:
// an institution, a venue or a place by its head word ("Univerzitet Crne Gore",
// "Donja Štajerska", "Vlada Republike"), a title or a townsman before a name
// ("Presidente Perón", "Splićanin Ante B."), a surname's initial, a surname's
// possessive ("Šarićeva"), or one organisation the tagger split in two.
import { cyrToLat, fold, type Token } from './text-normalize.js';
import { givenName } from './given-names.js';
import type { EntityMention } from './entities.js';

/**
 * The head noun of an institution, a venue or a publication, which no person's name has: last in
 * English ("Chicago Tribune", "Resilience Fund", "Shoreline Amphitheatre"), first in the other
 * languages ("Fundación Pablo Escobar", "Univerzitet Crne Gore").
 */
const HEAD_LAST = /^(fund|foundation|institute|university|college|school|academy|bank|council|ministry|agency|office|times|post|news|journal|tribune|herald|gazette|magazine|press|media|group|company|corporation|corp|inc|ltd|club|center|centre|airport|stadium|arena|hall|amphitheatre|amphitheater|pavilion|hotel|hospital|church|court|party|army|navy|committee|commission|association|union|league|federation|network|project|initiative|observatory|index|bulletin|museum|theatre|theater|festival|street|avenue|square|bridge|river|lake|island|county|province|images|photos|pictures|studios|records|productions)$/u;
const HEAD_FIRST = /^(fundacion|fundacao|fondacija|fondazione|universidad|universidade|univerzitet|sveuciliste|universiteti|banco|banka|ministerio|ministarstvo|ministria|hospital|bolnica|spitali|partido|stranka|partia|aeropuerto|aerodrom|aeroporto|aeroporti|estadio|stadion|museo|muzej|muzeu|teatro|pozoriste|kazaliste|teatri|comision|komisija|komisioni|consejo|savet|savjet|vijece|instituto|institut|instituti|colegio|escuela|skola|shkolla|calle|ulica|rruga|avenida|plaza|trg|sheshi|hotel|hoteli|klub|club|klubi)$/u;

/** Slavic place names open with these, in any case: Donja Štajerska, Gornja Ploča, Južni Banat, Malim Brijunom, Sveti Marko, Velika Gorica. */
const PLACE_FIRST = /^(?:donj|gornj|juzn|sjevern|severn|istocn|zapadn|mal|velik|star|nov|svet)(?:i|a|e|o|u|og|oga|om|oj|im|ih)$/u;

/** A townsman or townswoman: Splićanin, Zagrepčanina, Beograđaninu, Riječanka, Šibenčanke, Britanka; a man of a region: Bokelj, Sremca, Hercegovac, Dalmatinca. */
export const DEMONYM =
  /^\p{Lu}\p{Ll}+(?:anin|anina|aninu|aninom|[čćđj]an(?:ka|ke|ku|koj|kom))$|^\p{Lu}\p{Ll}{3,}an(?:ka|ke|ki|ku|kom|koj)$|^(?:Bokelj(?:a|u|em)?|(?:Srem|Hercegov|Slavon|Zagor|Dalmatin|Bosan)(?:ac|ca|cu|cem))$/u;
/** Townspeople, which no name opens: Dubrovčani, Beograđana, Riječanima, Tršćane (women's names end so too: Slađana, Tijana). */
export const DEMONYM_PLURAL = /^\p{Lu}\p{Ll}+[čćđj]an(?:i|a|e|ima)$/u;

/** A tagger person that opens with where the person is from ("Splićanin Ante B.") starts after it. */
export function withoutDemonym<T extends { type: string; start: number; end: number }>(text: string, found: T): T {
  if (found.type !== 'PER') return found;
  const m = /^(\S+)\s+(?=\S)/u.exec(text.slice(found.start, found.end));
  return m && DEMONYM.test(cyrToLat(m[1]!)) && !givenName(m[1]!) ? { ...found, start: found.start + m[0].length } : found;
}

/** Titles before a name (folded), in every Ruta language: "Presidente Perón", "Ministro Ciancio", "Ambassador Volker". */
export const TITLE = /^(prime|deputy|vice|president|presidente|presidenta|predsjednik|predsednik|presidenti|pretsedatel|minister|ministro|ministra|ministar|ministri|senator|senador|senadora|governor|gobernador|judge|juez|jueza|sudac|sudija|mayor|alcalde|alcaldesa|gradonacelnik|ambassador|embajador|ambasador|prosecutor|fiscal|tuzilac|tuzitelj|dr|mr|mrs|ms|doctor|doctora|senor|senora|gospodin|gospodja|colonel|coronel|pukovnik|general|comandante|commander|capitan|captain|inspector|inspektor|detective|bishop|biskup|cardinal|lawyer|abogado|abogada|advogado|advogada|advokat|advokatica|branilac|branioc|branitelj|braniteljica|odvjetnik|odvjetnica|avokat|avokati|avokatja)$/u;

/**
 * A tagger person that opens with a title starts after it: "Presidente Perón", "Capitán Domingo
 * Boasio", "señora Chang". (Not a royal's: "Prince Andrew" is how he is named.)
 */
export function withoutTitle<T extends { type: string; start: number; end: number }>(text: string, found: T): T {
  if (found.type !== 'PER') return found;
  let start = found.start;
  for (let m = /^(\p{L}+)\.?\s+(?=\p{Lu})/u.exec(text.slice(start, found.end)); m && TITLE.test(fold(m[1]!)); m = /^(\p{L}+)\.?\s+(?=\p{Lu})/u.exec(text.slice(start, found.end)))
    start += m[0].length;
  return start === found.start ? found : { ...found, start };
}

/**
 * Two tagger organisations with "y", "and", "i" between them are one where the text names the whole
 * as one elsewhere: "Instituto Prensa" y "Sociedad", beside "Instituto Prensa y Sociedad (IPYS)".
 */
export function joinSplitOrganisations(text: string, out: EntityMention[], removeAt: (i: number) => void, push: (...ms: EntityMention[]) => void): void {
  const orgs = out.filter((m) => m.type === 'organization').sort((a, b) => a.start - b.start);
  const whole = new Map(orgs.map((m) => [m.text, m]));
  for (let k = 0; k + 1 < orgs.length; k++) {
    const a = orgs[k]!;
    const b = orgs[k + 1]!;
    if (a.via !== 'ner' || b.via !== 'ner' || !/^\s+(?:y|and|i|e|&|и)\s+$/u.test(text.slice(a.end, b.start))) continue;
    const joined = text.slice(a.start, b.end);
    const named = whole.get(joined);
    if (!named) continue;
    removeAt(out.indexOf(b));
    removeAt(out.indexOf(a));
    push({ ...named, text: joined, start: a.start, end: b.end });
    k++;
  }
}

/** Head nouns that are English surnames too (Anthony Lake, Stuart Hall, Frank Church). */
export const SURNAME_TOO = new Set(['lake', 'hall', 'church', 'bank', 'banks', 'court', 'post', 'press', 'bridge', 'bridges']);

/** "Vlada Republike Hrvatske", "Vlade Srbije": the government of a land, not Vlada (Vladimir) of that name. */
const government = (words: string[]) =>
  /^vlad(a|e|i|u|om)$/u.test(words[0]!) && /^(republik|federacij|srbij|hrvatsk|crne|kosov|bosn|makedonij|albanij|slovenij|vojvodin|kanton|opcin|grad|zupanij|pokrajin)/u.test(words[1]!);

/** A span the tagger called a person that names an institution, a venue, a publication or a place instead. */
export function institution(name: string): boolean {
  const words = fold(name).split(/[\s-]+/);
  return words.length > 1 && (HEAD_LAST.test(words[words.length - 1]!) || HEAD_FIRST.test(words[0]!) || PLACE_FIRST.test(words[0]!) || government(words));
}

/** A surname's initial, as Balkan police name suspects ("Ante B.", "Милош Ј."): one capital and its full stop. */
export function isInitial(text: string, t: Token | undefined): boolean {
  return !!t && /^\p{Lu}$/u.test(t.text) && text[t.end] === '.';
}

/** Whether a word's ending after a surname is a Slavic possessive adjective's (Šarić-ev, -eva, -evoj, -evog …). */
export function possessiveEnding(rest: string): boolean {
  return /^(?:ov|ev|in)(?:a|e|u|o|i|om|oj|og|oga|omu|im|ih|ima)?$/u.test(rest);
}

/** Whether a folded word is the possessive adjective of a folded surname: Šarićeva of Šarić, Sanaderovu of Sanader, Obamina of Obama. */
export function possessiveOf(word: string, surname: string): boolean {
  if (word.startsWith(surname) && possessiveEnding(word.slice(surname.length))) return true;
  // A surname in -a drops it before -in: Obama, Obamina.
  const stem = surname.slice(0, -1);
  return surname.endsWith('a') && word.startsWith(stem) && /^in/u.test(word.slice(stem.length)) && possessiveEnding(word.slice(stem.length));
}
