// `ruta dedupe`: documents in, in order, each answered at once with the
// earlier document it duplicates and the story it belongs to.
import { analyze } from '../extractors/analyze.js';
import { contentHash } from './content-hash.js';
import { fingerprint } from './fingerprint.js';
import { MemoryDedupeIndex } from './memory-index.js';

export interface DedupeInput {
  id: string;
  url: string;
  title: string;
  text: string;
  published?: string | null;
  lang?: string | null;
}

export interface DedupeOutput {
  id: string;
  duplicateOf: string | null;
  /** The story, named by the id of its first document. */
  story: string;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** Checks one input object; the error names the field and what it must be. */
export function parseDedupeInput(o: Record<string, unknown>): DedupeInput {
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const id = typeof o.id === 'number' ? String(o.id) : str('id');
  if (!id) throw new InputError('"id" must be a non-empty string');
  for (const k of ['url', 'title', 'text']) if (str(k) === undefined) throw new InputError(`"${k}" must be a string (document ${id})`);
  const published = o.published === undefined || o.published === null ? null : str('published');
  if (published === undefined || (published && Number.isNaN(Date.parse(published)))) throw new InputError(`"published" must be an ISO date or null (document ${id})`);
  const lang = o.lang === undefined || o.lang === null ? null : str('lang');
  if (lang === undefined) throw new InputError(`"lang" must be a language code or null (document ${id})`);
  return { id, url: str('url')!, title: str('title')!, text: str('text')!, published, lang };
}

export class StreamDeduper {
  private index = new MemoryDedupeIndex();
  private storyNames: string[] = [];
  /** The last published time seen, used for undated documents. */
  private clock = new Date(0);
  private ids = new Set<string>();

  push(doc: DedupeInput): DedupeOutput {
    if (this.ids.has(doc.id)) throw new InputError(`id ${JSON.stringify(doc.id)} was already seen; ids must be unique`);
    this.ids.add(doc.id);
    const a = analyze({ text: doc.text, title: doc.title, lang: doc.lang ?? undefined });
    const published = doc.published ? new Date(doc.published) : null;
    if (published && published > this.clock) this.clock = published;
    const fp = fingerprint({ url: doc.url, title: doc.title, text: doc.text, published, seenAt: this.clock, lang: a.lang, entities: a.entities, seizures: a.seizures });
    const d = this.index.add(doc.id, fp, contentHash(doc.text), doc.title);
    const story = d.story!;
    this.storyNames[story] ??= doc.id;
    return { id: doc.id, duplicateOf: d.duplicateOf, story: this.storyNames[story]! };
  }
}
