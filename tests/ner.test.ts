// The shipped named-entity tagger: its models, `ruta ner`, and deterministic training.
import { describe, expect, it } from 'vitest';
import { chunks } from '../scripts/ner-data.js';
import { CasingCounts } from '../extractors/ner/casing.js';
import { NerModel, PerceptronTrainer, rng } from '../extractors/ner/perceptron.js';
import { tagTokens } from '../extractors/ner/tagger.js';
import { latToCyr } from '../extractors/text-normalize.js';
import { jsonLines, ruta } from './helpers/cli.js';

const spans = (tokens: string[], tags: string[]) => chunks(tags).map((c) => `${c.type}:${tokens.slice(c.start, c.end).join(' ')}`);

describe('shipped NER models', () => {
  it('finds a person it has never seen in English, Spanish and Serbian text', () => {
    const en = 'Police in Guayaquil arrested Dragoslav Kirevski , a Montenegrin national , on Tuesday .'.split(' ');
    expect(spans(en, tagTokens(en, 'en'))).toEqual(expect.arrayContaining(['PER:Dragoslav Kirevski', 'LOC:Guayaquil']));
    const es = 'La Policía detuvo en Guayaquil a Dragoslav Kirevski , ciudadano montenegrino .'.split(' ');
    expect(spans(es, tagTokens(es, 'es'))).toContain('PER:Dragoslav Kirevski');
    const sr = 'Policija je u Guajakilu uhapsila Dragoslava Kirevskog , državljanina Crne Gore .'.split(' ');
    expect(spans(sr, tagTokens(sr, 'sr'))).toContain('PER:Dragoslava Kirevskog');
  });

  it('reads Serbian Cyrillic through transliteration: the same names as in Latin script', () => {
    const lat = 'Predsednik Srbije Boris Tadić sastao se u Beogradu sa Havijerom Solanom .'.split(' ');
    const cyr = lat.map(latToCyr);
    const a = spans(lat, tagTokens(lat, 'sr'));
    const b = spans(cyr, tagTokens(cyr, 'sr'));
    expect(a.length).toBeGreaterThan(1);
    expect(b.map((s) => s.split(':')[0])).toEqual(a.map((s) => s.split(':')[0]));
  });

  it('gives every token a valid BIO2 tag, and all O for a language without a model', () => {
    const toks = ['Ekipa', 'u', 'Tirani', ',', 'Shqipëri', '.'];
    expect(tagTokens(toks, 'sq')).toEqual(toks.map(() => 'O'));
    const tags = tagTokens('The Kavač clan and Los Choneros shipped cocaine from Guayaquil to Antwerp .'.split(' '), 'en');
    tags.forEach((t, i) => {
      expect(t).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (t.startsWith('I-')) expect(tags[i - 1]!.slice(2)).toBe(t.slice(2));
    });
    expect(tagTokens([], 'en')).toEqual([]);
  });
});

describe('training', () => {
  const data = [
    { tokens: ['Marko', 'Petrović', 'je', 'uhapšen', 'u', 'Baru', '.'], tags: ['B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'O'] },
    { tokens: ['Policija', 'u', 'Kotoru', 'traži', 'Jovana', 'Ilića', '.'], tags: ['B-ORG', 'O', 'B-LOC', 'O', 'B-PER', 'I-PER', 'O'] },
    { tokens: ['Luka', 'Bar', 'je', 'zatvorena', '.'], tags: ['B-LOC', 'I-LOC', 'O', 'O', 'O'] },
    { tokens: ['Klan', 'Škaljari', 'je', 'aktivan', 'u', 'Ekvadoru', '.'], tags: ['O', 'B-ORG', 'O', 'O', 'O', 'B-LOC', 'O'] },
  ];
  const train = (seed: number) => {
    const casing = new CasingCounts();
    for (const d of data) casing.add(d.tokens);
    const t = new PerceptronTrainer(data, undefined, casing);
    const r = rng(seed);
    for (let e = 0; e < 5; e++) t.epoch(r);
    return t.averaged({ seed }).serialize();
  };

  it('is deterministic: the same seed gives the same bytes', () => {
    expect(Buffer.compare(train(3), train(3))).toBe(0);
  });

  it('learns its training data, and survives a round trip through its file format', () => {
    const model = NerModel.deserialize(train(3));
    expect(model.tag(data[0]!.tokens)).toEqual(data[0]!.tags);
    expect(model.tag(data[1]!.tokens)).toEqual(data[1]!.tags);
    expect(() => NerModel.deserialize(Buffer.from('not a model'))).toThrow();
  });
});

describe('ruta ner', () => {
  it('answers {"id","tags"} for {"id","tokens","lang"?} lines, and names bad lines', async () => {
    const input = [
      JSON.stringify({ id: 'a', tokens: 'Dragan Lazović was arrested in Guayaquil .'.split(' '), lang: 'en' }),
      JSON.stringify({ id: 'b', tokens: 'Драган Лазовић ухапшен је у Гвајакилу .'.split(' ') }),
      JSON.stringify({ id: 'c', tokens: 'no list' }),
      'not json',
    ].join('\n');
    const r = await ruta(['ner'], {}, input);
    expect(r.code).not.toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(rows[0]!.tags).toHaveLength(7);
    expect((rows[0]!.tags as string[]).slice(0, 2)).toEqual(['B-PER', 'I-PER']);
    expect((rows[1]!.tags as string[])[0]).toBe('B-PER');
    expect(rows[2]!.tags).toEqual([]);
    expect(r.stderr).toMatch(/stdin:4/);
    expect(r.stderr).toMatch(/"tokens" must be a list/);
  });
});
