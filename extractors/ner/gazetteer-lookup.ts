// Gazetteer membership as a tagger feature: a folded word maps to the class of
// the gazetteer entries it belongs to (LOC for places, ORG for groups and
// agencies, MISC for nationality words), allowing for inflectional endings.
import { namesInText, type GazetteerEntry } from '../gazetteer.js';
import { trainedGivenName } from '../given-names.js';
import { fold } from '../text-normalize.js';
import type { GazetteerLookup } from './features.js';

const CLASS: Record<string, string> = {
  country: 'LOC',
  city: 'LOC',
  port: 'LOC',
  criminal_group: 'ORG',
  organization: 'ORG',
  company: 'ORG',
  nationality: 'MISC',
  vessel: 'MISC',
};

const MIN_STEM = 4;

export function gazetteerLookup(entries: GazetteerEntry[]): GazetteerLookup {
  const words = new Map<string, string>();
  const stems = new Map<string, string>();
  for (const e of entries) {
    const cls = CLASS[e.type];
    if (!cls || e.tagger === false) continue;
    for (const alias of namesInText(e)) {
      const parts = fold(alias).split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3);
      const label: string = parts.length > 1 ? `${cls}-part` : cls;
      for (const p of parts) {
        if (!words.has(p) || label === cls) words.set(p, label);
        const stem = /[aeiou]$/.test(p) && p.length - 1 >= MIN_STEM ? p.slice(0, -1) : p;
        if (stem.length >= MIN_STEM && (!stems.has(stem) || label === cls)) stems.set(stem, label);
      }
    }
  }
  const lookup = (w: string) => {
    const exact = words.get(w);
    if (exact && !exact.endsWith('-part')) return exact;
    // A common given name (config/given-names.yaml), in any case form, even when a place is named
    // after one ("San Antonio", "Pedro Juan Caballero"): most Antonios are people.
    if (trainedGivenName(w)) return 'GIVEN';
    if (exact) return exact;
    // Inflected forms: the stem plus up to four letters of ending (Ekvadoru, Crnoj, Durrësit).
    for (let cut = 1; cut <= 4 && w.length - cut >= MIN_STEM; cut++) {
      const hit = stems.get(w.slice(0, -cut)) ?? words.get(w.slice(0, -cut));
      if (hit) return hit;
    }
    return undefined;
  };
  // Words repeat: remember the answers (cleared when full).
  const seen = new Map<string, string | undefined>();
  return (w: string) => {
    if (seen.has(w)) return seen.get(w);
    const r = lookup(w);
    if (seen.size >= 100_000) seen.clear();
    seen.set(w, r);
    return r;
  };
}
