// The shipped named-entity tagger: its models, `ruta ner`, and deterministic training.
import { describe, expect, it } from 'vitest';
import { chunks } from '../scripts/ner-data.js';
import { CasingCounts } from '../extractors/ner/casing.js';
import { documentFeatures, hash, historyFeatures, occurrences, prepare } from '../extractors/ner/features.js';
import { FrozenLexicon, NameLexicon } from '../extractors/ner/lexicon.js';
import { NerModel, PerceptronTrainer, rng } from '../extractors/ner/perceptron.js';
import { tagDocumentTokens, tagTokens } from '../extractors/ner/tagger.js';
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

describe('document context', () => {
  const doc = [
    'El meta Buffon paró un penalti .',
    'Alineación : Buffon , Thuram , Cannavaro .',
    ...Array.from({ length: 30 }, () => 'Nada nuevo .'),
    'Buffon volvió a Turín .',
  ].map((s) => prepare(s.split(' ')));

  it('finds a capitalised word\'s other occurrences nearby, nearest first, and nothing beyond the window', () => {
    const occ = occurrences(doc, 25);
    expect(occ[1]![2]).toEqual([[0, 2]]); // "Buffon" in the line-up: the goalkeeper sentence, not the one 31 sentences on
    expect(occ[0]![2]).toEqual([[1, 2]]);
    expect(occ[32]![0]).toEqual([]);
    expect(occ[0]![1]).toBeUndefined(); // lowercase words get no document features
    expect(occurrences(doc, 40)[1]![2]).toEqual([[0, 2], [32, 0]]);
  });

  it('gives a line-up name the words around its other occurrences, and the first stage\'s tags of them', () => {
    const occ = occurrences(doc, 25);
    const feats = documentFeatures(doc, occ);
    expect(feats[1]![2]).toEqual(expect.arrayContaining([hash('d-1=meta'), hash('d+1=paro'), hash('dcase=mid')]));
    expect(feats[1]![0]).toEqual([hash('d=none')]); // "Alineación" appears nowhere else
    expect(feats[1]![1]).toEqual([]);
    const first = doc.map((toks) => toks.map(() => 'O'));
    first[0]![2] = 'B-PER';
    const history = historyFeatures(first, occ, doc);
    expect(history[1]![2]).toEqual(expect.arrayContaining([hash('h=PER'), hash('hmaj=PER'), hash('h1=O')]));
  });

  it('gives a name the first stage\'s types of the items listed beside it and of its bracketed aside', () => {
    const toks = prepare('Amonestación a Aranalde , Ricardo , Herrera y Marín ( Logroñés ) .'.split(' '));
    const first = [['O', 'O', 'B-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O', 'B-PER', 'O', 'B-ORG', 'O', 'O']];
    const [feats] = historyFeatures(first, occurrences([toks]), [toks]);
    // Herrera, which the first stage called a place, sits in a list of people.
    expect(feats![6]).toEqual(expect.arrayContaining([hash('hl=PER'), hash('hr=PER'), hash('hlist=PER')]));
    // Marín: the list before it, over nothing after, and a team in brackets.
    expect(feats![8]).toEqual(expect.arrayContaining([hash('hl=LOC'), hash('hp=ORG'), hash('hlist=PER')]));
    expect(feats![8]).not.toContain(hash('hr=O'));
    // A lowercase word outside any name gets none of these.
    expect(feats![1]!.filter((f) => [hash('hl=PER'), hash('hr=PER'), hash('hlist=PER')].includes(f))).toEqual([]);
  });

  it('tags a document\'s sentences in order, each with a valid BIO2 tag', () => {
    const sentences = ['Dragan Lazović was arrested in Guayaquil .', 'Lazović , Ilić and Marić were charged .'].map((s) => s.split(' '));
    const tags = tagDocumentTokens(sentences, 'en');
    expect(tags.map((t) => t.length)).toEqual(sentences.map((s) => s.length));
    expect(spans(sentences[1]!, tags[1]!)).toContain('PER:Lazović');
    for (const t of tags.flat()) expect(t).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
  });
});

describe('name lexicon', () => {
  it('marks names the training data tagged, longest first, in any case form, with their usual type', () => {
    const lex = new NameLexicon();
    const add = (s: string, tags: string[]) => lex.add(prepare(s.split(' ')), tags);
    add('Vijeće sigurnosti UN-a zasjeda .', ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
    add('Vijeće sigurnosti odlučuje .', ['B-ORG', 'I-ORG', 'O', 'O']);
    add('Sigurnosti nema .', ['O', 'O', 'O']);
    add('Marko Perić i Perić .', ['B-PER', 'I-PER', 'O', 'B-PER', 'O']);
    add('Perić d.o.o.', ['B-ORG', 'I-ORG']);
    const frozen = FrozenLexicon.parse(lex.frozen().serialize());
    const toks = prepare('U Vijeću sigurnosti govorio je Perić .'.split(' '));
    frozen.mark(toks);
    expect(toks.map((t) => t.lex)).toEqual(['-', 'B|ORG', 'I|ORG', '-', '-', 'B|PER|1', '-']);
    const longer = prepare('Vijeće sigurnosti UN-a'.split(' '));
    frozen.mark(longer);
    expect(longer.map((t) => t.lex)).toEqual(['B|ORG', 'I|ORG', 'I|ORG']);
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

  it('learns a name lexicon only from other parts of the data, and ships it in the model file', () => {
    const casing = new CasingCounts();
    const parts = data.map((d, i) => ({ ...d, fold: i % 2 }));
    const t = new PerceptronTrainer(parts, undefined, casing);
    t.epoch(rng(1));
    const model = NerModel.deserialize(t.averaged().serialize());
    const toks = prepare('Svjedočio je Marko Petrović iz Kotora .'.split(' '));
    model.lexicon!.mark(toks);
    expect(toks.map((t) => t.lex)).toEqual(['-', '-', 'B|PER', 'I|PER', '-', 'B|LOC|1', '-']);
    expect(NerModel.deserialize(train(3)).lexicon).toBeUndefined(); // no parts, no lexicon
  });

  it('restarts from zero on the same data, and averages models trained in different orders', () => {
    const casing = new CasingCounts();
    for (const d of data) casing.add(d.tokens);
    const t = new PerceptronTrainer(data, undefined, casing);
    const models: NerModel[] = [];
    for (const seed of [3, 4]) {
      t.restart();
      const r = rng(seed);
      for (let e = 0; e < 5; e++) t.epoch(r);
      models.push(t.averaged({ seed }));
    }
    // A restarted trainer is a fresh one: the same seed gives the same bytes.
    expect(Buffer.compare(models[0]!.serialize(), train(3))).toBe(0);
    // The mean of a model with itself is that model; the mean of two keeps every feature of either.
    expect(Buffer.compare(NerModel.mean([models[0]!, models[0]!], models[0]!.meta).serialize(), models[0]!.serialize())).toBe(0);
    const mean = NerModel.mean(models);
    expect(mean.featureCount).toBeGreaterThanOrEqual(Math.max(models[0]!.featureCount, models[1]!.featureCount));
    expect(mean.tag(data[0]!.tokens)).toEqual(data[0]!.tags);
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

  it('tags consecutive lines with the same "doc" together, as the pipeline tags an article', async () => {
    const sentences = ['Dragan Lazović was arrested in Guayaquil .', 'Lazović , Ilić and Marić were charged .', 'Police in Antwerp seized cocaine .'].map((s) => s.split(' '));
    const input = [
      JSON.stringify({ id: 1, doc: 'x', tokens: sentences[0], lang: 'en' }),
      JSON.stringify({ id: 2, doc: 'x', tokens: sentences[1], lang: 'en' }),
      JSON.stringify({ id: 3, tokens: sentences[2], lang: 'en' }),
    ].join('\n');
    const r = await ruta(['ner'], {}, input);
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => x.id)).toEqual([1, 2, 3]);
    expect(rows.slice(0, 2).map((x) => x.tags)).toEqual(tagDocumentTokens(sentences.slice(0, 2), 'en'));
    expect(rows[2]!.tags).toEqual(tagTokens(sentences[2]!, 'en'));
  });
});
