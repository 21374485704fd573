import { expect, it } from 'vitest';
import { NaiveBayes } from '../extractors/langid-model.js';
import { markerCategories } from '../extractors/bcms-markers.js';
import { defaultBcmsModel, defaultLangModel, identifyLanguage } from '../extractors/langid.js';

it('training is deterministic: the same examples give the same bytes', () => {
  const ex = [
    { text: 'la policía decomisó cocaína en el puerto', label: 'es' },
    { text: 'police seized cocaine at the port', label: 'en' },
    { text: 'policia sekuestroi kokainë në port', label: 'sq' },
  ];
  expect(NaiveBayes.train(ex).serialize().equals(NaiveBayes.train(ex).serialize())).toBe(true);
  const bcms = NaiveBayes.train(ex, { kind: 'bcms' });
  expect(NaiveBayes.deserialize(bcms.serialize()).scores('la policía decomisó cocaína')).toEqual(bcms.scores('la policía decomisó cocaína'));
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

it('a short headline with č, ć, đ, š or ž and no source prior is no language whose alphabet lacks them', () => {
  // franc read this one as Turkish.
  expect(['sr', 'hr', 'bs']).toContain(identifyLanguage('Uhapšen diler u Baru').lang);
});

it('Czech, with letters no South Slavic alphabet has (ř, ů, ě), is no Bosnian, Croatian or Serbian', () => {
  expect(identifyLanguage('Celníci v Hamburku zadrželi dvě tuny kokainu ukryté v zásilce banánů z Ekvádoru, uvedla policie.').lang).toBe('cs');
  // A Czech name in Serbian news leaves it Serbian.
  expect(identifyLanguage('Policija je u luci Bar zaplenila kokain, a uhapšen je češki državljanin Tomáš Dvořák, saopštila je Uprava policije.').lang).not.toBe('cs');
});

it('Cyrillic of other alphabets is no Serbian or Macedonian, and other scripts are named', () => {
  const cases: [string, string][] = [
    ['Характеристики бега можно увеличить за счет кодов, и это не изменит показатель выносливости игрока.', 'ru'],
    ['Україна отримала нову партію зброї від союзників, повідомили в міністерстві оборони.', 'uk'],
    ['България получи нова пратка оръжие от съюзниците, съобщиха от министерството на отбраната.', 'bg'],
    ['Η ελληνική αστυνομία κατέσχεσε 800 κιλά κοκαΐνης στο λιμάνι της Θεσσαλονίκης.', 'el'],
    ['Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、パソコンで読みたい時もあります。', 'ja'],
    ['警方在厄瓜多尔瓜亚基尔港查获了两吨可卡因。', 'zh'],
    // A Macedonian sentence that quotes a Ukrainian name stays Macedonian.
    ['Музејот на историските вредности на Украина ( украински : Музей історичних коштовностей України) е еден од водечките музеи во Украина и светот, кој се состои од историски и уметнички вредности.', 'mk'],
    ['Полиција је ухапсила осумњиченог за шверц кокаина из Еквадора у Београду.', 'sr'],
  ];
  for (const [text, lang] of cases) expect(identifyLanguage(text).lang, text).toBe(lang);
});

it('the source prior settles short BCMS texts and Montenegrin', () => {
  expect(identifyLanguage('Uhapšen u luci.', 'hr').lang).toBe('hr');
  expect(identifyLanguage('Policija je u Budvi uhapsila dvojicu osumnjičenih za šverc kokaina iz Ekvadora, saopštila je Uprava policije.', 'cnr').lang).toBe('cnr');
});

it('marker words fall into the categories that tell Bosnian, Croatian and Serbian apart', () => {
  expect(markerCategories('tisuću')).toContain('hr');
  expect(markerCategories('uhićeni')).toContain('hr');
  expect(markerCategories('hiljadu')).toContain('nothr');
  expect(markerCategories('uhapšeni')).toContain('nothr');
  expect(markerCategories('vreme')).toContain('ekav');
  expect(markerCategories('vrijeme')).toContain('ijekav');
  expect(markerCategories('organizovali')).toContain('ovati');
  expect(markerCategories('organizirali')).toContain('irati');
  expect(markerCategories('historija')).toContain('bs');
  // Common words shared by all three are not markers.
  for (const w of ['policija', 'kokain', 'luka', 'većina', 'postaje', 'pokušaj']) expect(markerCategories(w), w).toEqual([]);
});

it('the shipped Bosnian/Croatian/Serbian model reads Latin-script news paragraphs', () => {
  const cases: [string, string][] = [
    ['Policija je u utorak uhitila trojicu osumnjičenika. Tijekom pretresa u luci Ploče pronađeno je tisuću kilograma kokaina, priopćilo je državno odvjetništvo, a istraga o kaznenom djelu se nastavlja idućeg tjedna.', 'hr'],
    ['Policija je u utorak uhapsila trojicu osumnjičenih. Tokom pretresa u luci Bar pronađeno je hiljadu kilograma kokaina, saopštilo je tužilaštvo, a istraga o krivičnom delu se nastavlja sledeće nedelje u Beogradu.', 'sr'],
    ['Policija je u utorak uhapsila trojicu osumnjičenih. Tokom pretresa u Sarajevu pronađeno je hiljadu kilograma kokaina, saopćilo je Tužilaštvo Kantona Sarajevo, a istraga o krivičnom djelu nastavlja se iduće sedmice.', 'bs'],
  ];
  for (const [text, lang] of cases) expect(identifyLanguage(text), text).toMatchObject({ lang, script: 'Latn' });
  expect(defaultBcmsModel().labels).toEqual(['bs', 'hr', 'sr']);
});
