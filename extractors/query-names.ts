// The entities a search query names, in whatever language and form it names them:
// "Kavačkog klana", "кавачки клан" and "clan Kavač" all name the Kavač clan, and
// "Darka Šarića" names Darko Šarić. A search then finds the articles that name
// the entity in any language, beside those that contain the query's words.
import { findEntities } from './entities.js';
import type { Gazetteer } from './gazetteer.js';
import { RUTA_LANGS } from './langid.js';

export interface NamedEntity {
  type: string;
  canonical: string;
}

/** The entities the query names, read as each of Ruta's languages would write it (no trained tagger: a query is no sentence). */
export function entitiesNamedBy(query: string, gazetteer: Gazetteer): NamedEntity[] {
  const q = query.replace(/["*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!q) return [];
  const seen = new Map<string, NamedEntity>();
  for (const lang of RUTA_LANGS) {
    for (const m of findEntities(q, gazetteer, { lang, ner: false })) {
      const key = `${m.type}\u0000${m.canonical}`;
      if (!seen.has(key)) seen.set(key, { type: m.type, canonical: m.canonical });
    }
  }
  return [...seen.values()];
}
