import { expect, it } from 'vitest';
import { NaiveBayes } from '../extractors/langid-model.js';
import { defaultLangModel, identifyLanguage } from '../extractors/langid.js';

it('training is deterministic: the same examples give the same bytes', () => {
  const ex = [
    { text: 'la policía decomisó cocaína en el puerto', label: 'es' },
    { text: 'police seized cocaine at the port', label: 'en' },
    { text: 'policia sekuestroi kokainë në port', label: 'sq' },
  ];
  expect(NaiveBayes.train(ex).serialize().equals(NaiveBayes.train(ex).serialize())).toBe(true);
});

it('the shipped model knows Ruta’s languages and scripts', () => {
  const model = defaultLangModel();
  for (const l of ['es', 'en', 'pt', 'sq', 'mk', 'sr', 'sr-Cyrl', 'hr', 'bs']) expect(model.labels).toContain(l);
  const cases: [string, string, string][] = [
    ['La Fiscalía pidió prisión preventiva para los tres detenidos por el envío de droga a Europa.', 'es', 'Latn'],
    ['The prosecutor asked the court to keep the three suspects in custody pending trial.', 'en', 'Latn'],
    ['A Polícia Federal prendeu três suspeitos de enviar cocaína para a Europa em contêineres.', 'pt', 'Latn'],
    ['Prokuroria kërkoi masën e arrestit për tre të dyshuarit për trafikun e drogës drejt Evropës.', 'sq', 'Latn'],
    ['Обвинителството побара притвор за тројцата осомничени за шверц на дрога во Европа.', 'mk', 'Cyrl'],
    ['Тужилаштво је затражило притвор за тројицу осумњичених за шверц дроге у Европу.', 'sr', 'Cyrl'],
  ];
  for (const [text, lang, script] of cases) expect(identifyLanguage(text), text).toMatchObject({ lang, script });
});

it('languages the classifier was not trained on fall to franc', () => {
  expect(identifyLanguage('Die Polizei hat im Hamburger Hafen mehrere Tonnen Kokain beschlagnahmt und drei Verdächtige festgenommen.').lang).toBe('de');
});

it('the source prior settles short BCMS texts and Montenegrin', () => {
  expect(identifyLanguage('Uhapšen u luci.', 'hr').lang).toBe('hr');
  expect(identifyLanguage('Policija je u Budvi uhapsila dvojicu osumnjičenih za šverc kokaina iz Ekvadora, saopštila je Uprava policije.', 'cnr').lang).toBe('cnr');
});
