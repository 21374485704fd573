// Common given names (config/given-names.yaml): a given name followed by a
// capitalised word is a person, and an inflected given name ("Antu", "Ilira")
// goes back to its dictionary form.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fold, inflectsNames } from './text-normalize.js';

export const GIVEN_NAMES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'given-names.yaml');

let names: Map<string, string> | undefined;
/** Per dictionary form, the lists (south_slavic, albanian, …) that hold it. */
let origins: Map<string, Set<string>> | undefined;
/** Lists the tagger was not trained with (`untrained: [list, …]` in the file): they name people, but are no tagger feature. */
let untrained = new Set<string>();

function lexicon(): Map<string, string> {
  if (!names) {
    const doc = parse(readFileSync(process.env.RUTA_GIVEN_NAMES ?? GIVEN_NAMES_FILE, 'utf8')) as Record<string, unknown>;
    names = new Map();
    origins = new Map();
    untrained = new Set(Array.isArray(doc?.untrained) ? doc.untrained.map(String) : []);
    for (const [key, list] of Object.entries(doc ?? {})) {
      if (!Array.isArray(list) || key === 'untrained') continue;
      for (const n of list) {
        if (typeof n !== 'string' || !n.trim()) continue;
        names.set(fold(n.trim()), n.trim());
        origins.set(n.trim(), (origins.get(n.trim()) ?? new Set()).add(key));
      }
    }
  }
  return names;
}

/** The Balkan lists: south_slavic and albanian, and those added since training (albanian_since_training). */
const balkanList = (key: string) => /^(south_slavic|albanian)/.test(key);

/** The lists (south_slavic, albanian, spanish_portuguese, english) that hold a word's given name; empty when it is none. */
function listsOf(word: string): string[] {
  const name = givenName(word);
  return name ? [...origins!.get(name)!] : [];
}

/** Whether a word is a given name known only from the Balkan lists ("Dragan", "Fatmir"; not "Mario", which Spanish has too). */
export function balkanGivenName(word: string): boolean {
  const lists = listsOf(word);
  return lists.length > 0 && lists.every(balkanList);
}

/** Whether a word is a given name of the Albanian lists only ("Agim", "Fatmir"; not "Ilir" if a Slavic list had it too). */
export function albanianGivenName(word: string): boolean {
  const lists = listsOf(word);
  return lists.length > 0 && lists.every((l) => l.startsWith('albanian'));
}

/** Whether a word is a given name known only from lists of other lands ("Felipe", "Jennifer"; not "Antonio", which the Balkan list has too). */
export function foreignGivenName(word: string): boolean {
  const lists = listsOf(word);
  return lists.length > 0 && !lists.some(balkanList);
}

/** Whether a word is a given name of the Spanish and Portuguese list (Felipe, Adolfo, José). */
export function hispanicGivenName(word: string): boolean {
  return listsOf(word).includes('spanish_portuguese');
}

// Case endings of given names, folded: Slavic (Marka, Marku, Markom, Ante → Antu, Ivana → Ivanu) and Albanian (Ilirin, Ilirit, Fatmirit, Metës → metes).
const ENDINGS = ['om', 'em', 'ju', 'ja', 'in', 'it', 'es', 'en', 'a', 'u', 'e', 'i', 'n', 't', 's'];

/** The dictionary form of a given name, inflected or not; undefined when the word is not a known given name. */
export function givenName(word: string, lang?: string | null): string | undefined {
  const lex = lexicon();
  const w = fold(word);
  const exact = lex.get(w);
  if (exact) return exact;
  // Names decline in Slavic and Albanian text only: Portuguese "Artes" is not Arta.
  if (lang && !inflectsNames(lang)) return undefined;
  for (const e of ENDINGS) {
    if (!w.endsWith(e) || w.length - e.length < 3) continue;
    const base = w.slice(0, -e.length);
    // A fleeting a: Aleksandra, Aleksandru → Aleksandar; Petra → Petar.
    const fleeting = /[^aeiou]r$/.test(base) ? `${base.slice(0, -1)}ar` : base;
    for (const c of [base, fleeting, `${base}e`, `${base}o`, `${base}a`, `${base}i`]) {
      const hit = lex.get(c);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** A given name as the tagger's feature: one of the lists it was trained with (see `untrained`). */
export function trainedGivenName(word: string): string | undefined {
  const name = givenName(word);
  return name && [...origins!.get(name)!].some((k) => !untrained.has(k)) ? name : undefined;
}
