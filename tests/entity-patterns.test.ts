// Agencies, companies, vessels and nicknames, on sentences written for these
// tests (not taken from the gold set).
import { describe, expect, it } from 'vitest';
import { analyze, loadDefaultGazetteer } from '../extractors/analyze.js';
import { findEntities } from '../extractors/entities.js';
import { entitiesNamedBy } from '../extractors/query-names.js';
import { Gazetteer, GazetteerError, parseGazetteerYaml } from '../extractors/gazetteer.js';

const gaz = loadDefaultGazetteer();
/** The canonical names of the people a text names, in order. */
const personNames = (text: string, lang: string) =>
  findEntities(text, gaz, { lang })
    .filter((e) => e.type === 'person')
    .map((e) => e.canonical);
const found = (text: string, lang: string, type?: string) =>
  findEntities(text, gaz, { lang, ner: false })
    .filter((e) => !type || e.type === type)
    .map((e) => [e.text, e.canonical]);

describe('agencies every country names alike', () => {
  it('takes the place named right after the agency, in any case form, into the span', () => {
    expect(found('Predmet je preuzeo Županijski sud u Osijeku, a obranu vodi odvjetnik iz Zagreba.', 'hr', 'organization')).toEqual([
      ['Županijski sud u Osijeku', 'County Court in Osijek'],
    ]);
    expect(found('Detenidos por la Policía Nacional del Perú en el Callao.', 'es', 'organization')).toEqual([['Policía Nacional del Perú', 'National Police of Peru']]);
    expect(found('La Policía de Colombia informó que el cargamento salió de Turbo.', 'es', 'organization')).toEqual([['Policía de Colombia', 'National Police of Colombia']]);
    expect(found('Агентите на Федералната полиција на Бразил ја запленија пратката.', 'mk', 'organization')).toEqual([
      ['Федералната полиција на Бразил', 'Federal Police of Brazil'],
    ]);
    // Macedonian definite forms and "во" before the place.
    expect(found('Кривичниот суд во Скопје го осуди Никола Стојанов. Обвинителството за организиран криминал поднесе обвинение.', 'mk', 'organization')).toEqual([
      ['Кривичниот суд во Скопје', 'Basic Criminal Court Skopje'],
      ['Обвинителството за организиран криминал', "Public Prosecutor's Office for Organized Crime and Corruption (North Macedonia)"],
    ]);
    // The place folded into the agency is not a second entity.
    expect(found('Saslušanje u Policijskoj upravi u Kragujevcu trajalo je satima.', 'sr').map(([, c]) => c)).toEqual(['Police Administration Kragujevac']);
  });

  it('takes the country of the language when no place follows', () => {
    expect(found('Prema saopštenju MUP-a, uhapšena su dvojica osumnjičenih.', 'sr', 'organization')).toEqual([['MUP', 'Ministry of Interior of Serbia']]);
    expect(found('Според МВР, осомничените се приведени.', 'mk', 'organization')).toEqual([['МВР', 'Ministry of Interior of North Macedonia']]);
  });

  it('knows Kosovo\'s police and special prosecution by their names in English, Albanian and Serbian', () => {
    expect(found('Kosovo police arrested two suspects in Peja.', 'en', 'organization')).toEqual([['Kosovo police', 'Kosovo Police']]);
    expect(found('Prokuroria Speciale e Kosovës ngriti aktakuzë ndaj tre personave.', 'sq', 'organization')).toEqual([['Prokuroria Speciale e Kosovës', 'Special Prosecution of the Republic of Kosovo']]);
    expect(found('Specijalno tužilaštvo Kosova podiglo je optužnicu.', 'sr', 'organization')).toEqual([['Specijalno tužilaštvo Kosova', 'Special Prosecution of the Republic of Kosovo']]);
  });

  it('takes the country of a city or port named right after, and leaves the city a city', () => {
    const both = (text: string, lang: string) => findEntities(text, gaz, { lang, ner: false }).filter((e) => e.type === 'organization' || e.type === 'city' || e.type === 'port').map((e) => [e.text, e.canonical]);
    expect(both('Optužnicu je podiglo Specijalno tužilaštvo u Podgorici.', 'sr')).toEqual([
      ['Specijalno tužilaštvo', "Special State Prosecutor's Office (Montenegro)"],
      ['Podgorici', 'Podgorica'],
    ]);
    expect(both('La Policía Nacional en Guayaquil detuvo a dos ciudadanos serbios.', 'es')).toEqual([
      ['Policía Nacional', 'National Police of Ecuador'],
      ['Guayaquil', 'Guayaquil'],
    ]);
    // Without one, Serbian press means Serbia's; a Montenegrin source, Montenegro's; Republika Srpska's is named so.
    expect(found('Iz Specijalnog tužilaštva saopšteno je da je istraga u toku.', 'sr', 'organization')).toEqual([['Specijalnog tužilaštva', "Prosecutor's Office for Organized Crime (Serbia)"]]);
    expect(findEntities('Iz Specijalnog tužilaštva saopšteno je da je istraga u toku.', gaz, { lang: 'sr', country: 'ME', ner: false }).map((e) => e.canonical)).toEqual([
      "Special State Prosecutor's Office (Montenegro)",
    ]);
    expect(found('Po nalogu Specijalnog tužilaštva RS uhapšen je Miodrag R.', 'bs', 'organization')).toEqual([['Specijalnog tužilaštva RS', "Special Prosecutor's Office of Republika Srpska"]]);
  });

  it('otherwise takes the place the text names most', () => {
    const text = 'La droga salió de Paita hacia Amberes. Los detenidos son peruanos de Piura y Lima. La Fiscalía pidió prisión preventiva.';
    expect(found(text, 'es', 'organization')).toEqual([['Fiscalía', "Public Prosecutor's Office of Peru"]]);
    expect(found('The Interior Ministry said the raid in Belgrade ended without injuries.', 'en', 'organization')).toEqual([
      ['Interior Ministry', 'Ministry of Interior of Serbia'],
    ]);
  });

  it('reads a later mention by the first word as the same agency, but not another word that starts alike', () => {
    const text = 'Saopštilo je Министарство спољних послова Србије. Министарство је позвало грађане на опрез.';
    expect(found(text, 'sr', 'organization').map(([t, c]) => `${t}=${c}`)).toEqual([
      'Министарство спољних послова Србије=Ministry of Foreign Affairs of Serbia',
      'Министарство=Ministry of Foreign Affairs of Serbia',
    ]);
    expect(found('Pripadnici Policijske uprave u Novom Sadu uhapsili su ga. Policija navodi da istraga traje.', 'sr', 'organization')).toEqual([
      ['Policijske uprave u Novom Sadu', 'Police Administration Novi Sad'],
    ]);
  });

  it('matches acronyms only in capitals', () => {
    expect(found('Sva roba je zaplijenjena, rekli su iz SVA.', 'hr', 'organization').map(([, c]) => c)).toEqual(['Customs Surveillance Service (Spain)']);
    expect(found('Tok istrage pratili su novinari.', 'sr', 'organization')).toEqual([]);
  });

  it('rejects a {place} entry without places, and places without {place}', () => {
    expect(() => parseGazetteerYaml('type: organization\nentries:\n  - { canonical: "Police of {place}", aliases: [Police] }', 'x.yaml')).toThrow(GazetteerError);
    expect(() => parseGazetteerYaml('type: organization\nentries:\n  - { canonical: Police, places: [Serbia], aliases: [Police] }', 'x.yaml')).toThrow(/needs \{place\}/);
  });

  it('knows the agencies of the Southern Cone and Colombia, and acronyms as the Spanish press writes them (Sunat, Senae, Dijín)', () => {
    const orgs = (text: string, lang: string) => found(text, lang, 'organization').map(([, c]) => c);
    expect(orgs('La Dirandro y la Sunat participaron en el operativo en el Callao; el Senae detectó el contenedor.', 'es')).toEqual(['DIRANDRO', 'SUNAT', 'SENAE']);
    expect(orgs('La Gendarmería Nacional detuvo a un serbio en Rosario. Carabineros de Chile y la PDI incautaron la droga.', 'es')).toEqual([
      'Gendarmería Nacional Argentina',
      'Carabineros de Chile',
      'Investigations Police of Chile',
    ]);
    expect(orgs('La Armada de Colombia y la Dijín capturaron al sospechoso.', 'es')).toEqual(['Colombian Navy', 'DIJIN']);
    expect(orgs('Управата за царини спроведе акција.', 'mk')).toEqual(['Customs Administration of North Macedonia']);
  });

  it('reads a police force or prosecution written in lowercase where its place keeps its capital, not a port or court described', () => {
    const orgs = (text: string, lang: string) => found(text, lang, 'organization').map(([t, c]) => `${t} → ${c}`);
    expect(orgs('Ndërkohë, policia e Kosovës arrestoi dy persona, ndërsa policia e Shtetit sekuestroi drogën.', 'sq')).toEqual([
      'policia e Kosovës → Kosovo Police',
      'policia e Shtetit → Albanian State Police',
    ]);
    expect(orgs('La policía nacional del Ecuador y la fiscalía general del Estado informaron.', 'es')).toEqual([
      'policía nacional del Ecuador → National Police of Ecuador',
      "fiscalía general del Estado → Attorney General's Office of Ecuador",
    ]);
    expect(orgs('A special court in Belgrade tried the men who ran the port of Bar.', 'en')).toEqual([]);
  });

  it('drops an agency whose place cannot be told', () => {
    const own = new Gazetteer(parseGazetteerYaml('type: organization\nentries:\n  - { canonical: "Harbour Police of {place}", places: [Rijeka], aliases: [Harbour Police] }', 'x.yaml'));
    expect(findEntities('The Harbour Police said nothing.', own, { lang: 'en', ner: false })).toEqual([]);
  });
});

describe('companies and vessels named by the word before them', () => {
  it('reads the legal forms of Peru, Brazil and Croatia with their dots (E.I.R.L., S.A.C., S.A.A., EIRELI, j.d.o.o.)', () => {
    expect(found('Trabajaba para Andean Exports E.I.R.L. y para Frutas del Sur S.A.C., y luego para Banano Real S.A.A. en Machala.', 'es', 'company').map(([t]) => t)).toEqual([
      'Andean Exports E.I.R.L.',
      'Frutas del Sur S.A.C.',
      'Banano Real S.A.A.',
    ]);
    expect(found('A empresa Frutas Tropicais EIRELI foi usada no esquema.', 'pt', 'company').map(([t]) => t)).toEqual(['Frutas Tropicais EIRELI']);
    expect(found('Droga je bila u pošiljci tvrtke Adria Trade j.d.o.o. iz Zagreba.', 'hr', 'company').map(([t]) => t)).toEqual(['Adria Trade j.d.o.o.']);
  });
  it('reads quoted names and capitalised names with legal suffixes', () => {
    expect(found('Droga je nađena u skladištu firme „Tropical Fruit Export“ u Machali.', 'bs', 'company')).toEqual([['Tropical Fruit Export', 'Tropical Fruit Export']]);
    expect(found('Trabajaban para la exportadora Bananera del Pacífico S.A. desde 2019.', 'es', 'company')).toEqual([
      ['Bananera del Pacífico S.A.', 'Bananera del Pacífico S.A.'],
    ]);
    expect(found('Direktor kompanije Milan Petrović izjavio je da ništa nije znao.', 'sr', 'company')).toEqual([]);
  });

  it('reads vessels, quoted or with two capitalised words', () => {
    expect(found('La cocaína iba adherida al casco del buque mercante "Blue Horizon", de bandera panameña.', 'es', 'vessel')).toEqual([['Blue Horizon', 'Blue Horizon']]);
    expect(found('Ronioci su pregledali trup broda „Morska Zvijezda“ u luci.', 'hr', 'vessel')).toEqual([['Morska Zvijezda', 'Morska Zvijezda']]);
    expect(found('The cargo was loaded onto the vessel in Guayaquil.', 'en', 'vessel')).toEqual([]);
    // A ship named after its line is the ship; the line named alone stays the company.
    const text = 'Droga je pronađena na brodu MSC Gina koji je isplovio iz Kolumbije. Kompanija MSC nije komentarisala.';
    expect(found(text, 'sr', 'vessel')).toEqual([['MSC Gina', 'MSC Gina']]);
    expect(found(text, 'sr', 'company')).toEqual([['MSC', 'MSC']]);
  });

  it('reads back the English words of a name that Cyrillic spelt, and leaves Latin names as written', () => {
    expect(found('Кокаин је пронађен на броду „Санта Роса Експрес“ и у фирми „Оушн Трејдер“.', 'sr').filter(([, c]) => c !== 'Cocaine').map(([, c]) => c)).toEqual(['Santa Rosa Express', 'Ocean Trader']);
    expect(found('Droga je bila na brodu „Ekspres Rijeka“.', 'hr', 'vessel').map(([, c]) => c)).toEqual(['Ekspres Rijeka']);
  });

  it('knows the encrypted-phone services', () => {
    expect(found('Poruke razmijenjene preko aplikacije Sky ECC i EncroChat.', 'hr', 'company').map(([, c]) => c)).toEqual(['Sky ECC', 'EncroChat']);
  });
});

describe('entities a search query names', () => {
  it('reads a query as any of Ruta\'s languages writes it: case forms, scripts, a declined name', () => {
    const named = (q: string) => entitiesNamedBy(q, gaz).map((e) => `${e.type}:${e.canonical}`);
    expect(named('Kavačkog klana')).toEqual(['criminal_group:Kavač clan']);
    expect(named('кавачки клан')).toEqual(['criminal_group:Kavač clan']);
    expect(named('Gvajakila')).toEqual(['port:Guayaquil']);
    expect(named('Darka Šarića')).toContain('person:Darko Šarić');
    expect(named('kokain')).toEqual([]);
    expect(named('  "*" ')).toEqual([]);
  });
});

describe('nicknames', () => {
  it('reads the nickname a Macedonian paper joins to the surname as no part of the name, and a second surname as one', () => {
    expect(personNames('Полицијата го уапси Горан Трајковски-Гоце од Куманово. Трајковски бил приведен.', 'mk')).toEqual(['Goran Trajkovski', 'Goran Trajkovski']);
    expect(personNames('Министерката Ана Петровска-Николовска изјави дека полицијата ќе продолжи.', 'mk')).toEqual(['Ana Petrovska-Nikolovska']);
  });
  it('finds a later use of a nickname with its article at the start of a sentence ("el Ruso" … "El Ruso coordinaba")', () => {
    const text = 'La PNP capturó a Vladimir Kostić, alias "el Ruso", en el Callao. El Ruso coordinaba los envíos para el clan Kavač.';
    expect(found(text, 'es', 'person')).toEqual([
      ['Vladimir Kostić', 'Vladimir Kostić'],
      ['el Ruso', 'Vladimir Kostić'],
      ['El Ruso', 'Vladimir Kostić'],
    ]);
  });
  it('gives a nickname, and its later uses, the person named before it', () => {
    const text = 'Uhapšen je srpski državljanin Goran Ilić, poznat kao „Tehničar“, u Guayaquilu. Tehničar je, prema policiji, organizovao utovar.';
    const people = findEntities(text, gaz, { lang: 'sr', ner: false }).filter((e) => e.type === 'person');
    expect(people.map((p) => [p.text, p.canonical])).toEqual([
      ['Goran Ilić', 'Goran Ilić'],
      ['Tehničar', 'Goran Ilić'],
      ['Tehničar', 'Goran Ilić'],
    ]);
  });

  it('reads an unquoted two-word nickname opening with a word like "little" ("zvani Mali Raša"), and one word otherwise', () => {
    const people = (text: string) => findEntities(text, gaz, { lang: 'sr', ner: false }).filter((e) => e.type === 'person').map((p) => [p.text, p.canonical]);
    expect(people('Uhapšen je Radoje Zvicer zvani Mali Raša, a Mali Raša je nabavljao kokain.')).toEqual([
      ['Radoje Zvicer', 'Radoje Zvicer'],
      ['Mali Raša', 'Radoje Zvicer'],
      ['Mali Raša', 'Radoje Zvicer'],
    ]);
    expect(people('Uhapšen je Goran Ilić zvani Profa Marković je pobegao.').map(([t]) => t)).toContain('Profa');
  });

  it('reads a Macedonian verb of calling before a quoted name', () => {
    const people = findEntities('Уапсен е Никола Петрушевски, кого соработниците го нарекуваат „Бугарот“. Бугарот бил во Гвајакил.', gaz, { lang: 'mk' }).filter((e) => e.type === 'person');
    expect(people.map((p) => p.canonical)).toEqual(['Nikola Petruševski', 'Nikola Petruševski', 'Nikola Petruševski']);
  });

  it('reads "aka" and "a.k.a." as cues too', () => {
    for (const cue of ['aka', 'a.k.a.']) {
      const people = findEntities(`Police arrested Darko Šarić, ${cue} "Kum", in Guayaquil. Kum had fled.`, gaz, { lang: 'en', ner: false }).filter((e) => e.type === 'person');
      expect(people.map((p) => [p.text, p.canonical])).toEqual([['Darko Šarić', 'Darko Šarić'], ['Kum', 'Darko Šarić'], ['Kum', 'Darko Šarić']]);
    }
  });

  it('reads a quoted name after a verb of calling, and nothing unquoted', () => {
    const quoted = 'La Fiscalía acusa a Milan Jokić, a quien sus socios llamaban "el Sastre", de dirigir los envíos de cocaína.';
    expect(findEntities(quoted, gaz, { lang: 'es', ner: false }).filter((e) => e.type === 'person').map((p) => [p.text, p.canonical])).toEqual([
      ['Milan Jokić', 'Milan Jokić'],
      ['el Sastre', 'Milan Jokić'],
    ]);
    const unquoted = 'Milan Jokić, a quien llaman Sastre, dirigía los envíos.';
    expect(findEntities(unquoted, gaz, { lang: 'es', ner: false }).filter((e) => e.type === 'person').map((p) => p.text)).toEqual(['Milan Jokić']);
  });

  it('lets a nickname that is also a word for a nationality stay a nickname', () => {
    const text = 'Haris Mehić je komunicirao pod nadimkom „Bosanac“ sa dobavljačima.';
    const ents = findEntities(text, gaz, { lang: 'bs' });
    expect(ents.filter((e) => e.text === 'Bosanac').map((e) => [e.type, e.canonical])).toEqual([['person', 'Haris Mehić']]);
  });

  it('does not give a nickname named first to a later person with a nickname of their own; after a nationality word it is a person of its own', () => {
    const text = 'El narcotraficante montenegrino conocido como "Lucho" fue capturado en Quito. La Policía también detuvo a su socio, el ecuatoriano Jorge Andrés Cedeño, alias "El Gato".';
    const people = findEntities(text, gaz, { lang: 'es' }).filter((e) => e.type === 'person');
    expect(people.map((p) => [p.text, p.canonical, p.side])).toEqual([
      ['Lucho', 'Lucho', 'balkan'],
      ['Jorge Andrés Cedeño', 'Jorge Andrés Cedeño', 'latam'],
      ['El Gato', 'Jorge Andrés Cedeño', 'latam'],
    ]);
    // With no nationality before it and nobody to give it to, a nickname names no one.
    expect(findEntities('Un hombre conocido como "Lucho" fue capturado en Quito.', gaz, { lang: 'es' }).filter((e) => e.type === 'person')).toEqual([]);
  });

  it('a name before "alias" starts at its given names: two given names and two surnames stay one person', () => {
    const people = (text: string) => findEntities(text, gaz, { lang: 'es' }).filter((e) => e.type === 'person').map((p) => [p.text, p.canonical]);
    expect(people('La Policía capturó en Medellín a Juan Pablo Restrepo, alias Pablito, enlace del Clan del Golfo.')).toEqual([
      ['Juan Pablo Restrepo', 'Juan Pablo Restrepo'],
      ['Pablito', 'Juan Pablo Restrepo'],
    ]);
    expect(people('La Policía capturó ayer a Juan Carlos Restrepo Gómez, alias Pablito.')).toEqual([
      ['Juan Carlos Restrepo Gómez', 'Juan Carlos Restrepo Gómez'],
      ['Pablito', 'Juan Carlos Restrepo Gómez'],
    ]);
  });

  it('outranks an organisation the tagger guessed for the quoted nickname', () => {
    const text = 'En Cartagena fue capturado Besnik Krasniqi, de nacionalidad albanesa, conocido como "Tigri", señalado como enlace entre el Clan del Golfo y compradores de cocaína en los Balcanes.';
    const ents = findEntities(text, gaz, { lang: 'es' });
    expect(ents.filter((e) => e.text === 'Tigri').map((e) => [e.type, e.canonical])).toEqual([['person', 'Besnik Krasniqi']]);
  });
});

describe('groups and ports beyond the ones the issue names', () => {
  it('finds them in every language, declined, and keeps look-alike names apart', () => {
    expect(found('Optuženi su pripadnici Belivukovog klana i Šarićevoj grupi bliski ljudi, a kokain su kupovali od Comando Vermelho.', 'sr', 'criminal_group').map(([, c]) => c)).toEqual(['Belivuk clan', 'Šarić clan', 'Comando Vermelho']);
    expect(found('Припадници сурчинског клана сарађивали су са картелом Тито и Дино.', 'sr', 'criminal_group').map(([, c]) => c)).toEqual(['Surčin clan', 'Tito and Dino cartel']);
    // The Mexican Gulf Cartel is not Colombia's Clan del Golfo.
    expect(found('El Cártel del Golfo y el Clan del Golfo no son lo mismo; las disidencias de las FARC tampoco.', 'es', 'criminal_group').map(([, c]) => c)).toEqual(['Gulf Cartel', 'Clan del Golfo', 'FARC']);
    expect(found('The Kinahan cartel bought from the CJNG through the Mocro Maffia.', 'en', 'criminal_group').map(([, c]) => c)).toEqual(['Kinahan cartel', 'CJNG', 'Mocro Maffia']);
    expect(found('Kokain je iz Puerto Cabella preko Gdanjska i Marseja stigao u Bar.', 'sr', 'port').map(([, c]) => c)).toEqual(['Puerto Cabello', 'Gdańsk', 'Marseille', 'Bar']);
    expect(found('Droga u nis nga porti i Shëngjinit drejt Ankonës.', 'sq', 'port').map(([, c]) => c)).toEqual(['Shëngjin', 'Ancona']);
    expect(found('Berisha kishte lidhje me Klanin e Gjirit në Kolumbi.', 'sq', 'criminal_group').map(([, c]) => c)).toEqual(['Clan del Golfo']);
    expect(found('The Urabeños and remnants of the Shining Path control coca; in Ecuador, Los Fatales and the Latin Kings fight on.', 'en', 'criminal_group').map(([, c]) => c)).toEqual([
      'Clan del Golfo',
      'Shining Path',
      'Los Fatales',
      'Latin Kings',
    ]);
    expect(found('Surađivao je s kriminalnom skupinom Los Pulpos i gerilcima Sjajnog puta u Peruu.', 'hr', 'criminal_group').map(([, c]) => c)).toEqual(['Los Pulpos', 'Shining Path']);
    // Brazil's Fortaleza, the city, after a place word; "la fortaleza", a fortress, is none.
    expect(found('Radonjić usava uma empresa em Fortaleza para esconder a droga. La Fortaleza de San Juan es histórica.', 'pt', 'city').map(([, c]) => c)).toEqual(['Fortaleza']);
    // Paraguay's river ports are on the routes too.
    const villeta = 'Кокаин је из парагвајске луке Виљета стигао у Бар, а из бразилске луке Суапе у Копер.';
    expect(found(villeta, 'sr', 'port').map(([, c]) => c)).toEqual(['Villeta', 'Bar', 'Suape', 'Koper']);
    // The drug opening the sentence is no one (the tagger's news never had the word).
    expect(found(villeta, 'sr', 'person')).toEqual([]);
    // Names that are also people's or common words need a port word.
    expect(found('Antonio de la Torre y Lázaro Cárdenas hablaron ayer. Sines y cosenos.', 'es', 'port')).toEqual([]);
    expect(found('La carga salió del puerto de Lázaro Cárdenas hacia Colón.', 'es', 'port').map(([, c]) => c)).toEqual(['Lázaro Cárdenas', 'Colón']);
  });
});

describe('ports whose names are also words', () => {
  it('accepts them after a port word or joined to another port, and not as a plain word', () => {
    expect(found('Kokain je ukrcan u lukama Santos i Paranaguá.', 'sr', 'port').map(([, c]) => c)).toEqual(['Santos', 'Paranaguá']);
    expect(found('Roba je išla preko Rijeke i Kopra do Srbije.', 'sr', 'port').map(([, c]) => c)).toEqual(['Rijeka', 'Koper']);
    expect(found('Sa Bara je otplovio brod.', 'sr', 'port')).toEqual([]);
    expect(found('Rijeka je nabujala nakon kiše.', 'hr', 'port')).toEqual([]);
    // Portuguese place words license them too: "em Santos", "no porto".
    expect(found('A Polícia Federal prendeu em Santos o sérvio Nenad Ilić.', 'pt', 'port').map(([, c]) => c)).toEqual(['Santos']);
    // Spanish "a" is "to" after travel or a place of departure; after an arrest it marks a person.
    expect(found('El serbio viajó a Lima y el barco zarpó con destino a Santos.', 'es').map(([, c]) => c)).toEqual(['Serbian', 'Lima', 'Santos']);
    expect(found('La cocaína iba de Guayaquil a Santos.', 'es').map(([, c]) => c)).toEqual(['Guayaquil', 'Santos']);
    expect(found('La policía detuvo a Santos en su casa.', 'es', 'port')).toEqual([]);
    // Followed by its own country: "Bar, Montenegro", "Santos (Brazil)"; not after a common noun.
    expect(found('The cocaine was bound for Bar, Montenegro, and Santos (Brazil).', 'en').map(([, c]) => c)).toEqual(['Bar', 'Montenegro', 'Santos', 'Brazil']);
    expect(found('A bar, Montenegro said.', 'en').map(([, c]) => c)).toEqual(['Montenegro']);
  });
});

describe('places that share a name', () => {
  const places = (text: string, lang: string) => found(text, lang).map(([, c]) => c);
  it('takes the namesake the text names by its country or region, after it or before it, in every language', () => {
    expect(places('El serbio fue detenido en Valencia, Venezuela, con cocaína.', 'es')).toEqual(['Serbian', 'Valencia (Venezuela)', 'Venezuela']);
    expect(places('Fue arrestado en Valencia, estado Carabobo.', 'es')).toEqual(['Valencia (Venezuela)']);
    expect(places('The Venezuelan city of Valencia and Venezuela’s Barcelona.', 'en')).toEqual(['Venezuelan', 'Valencia (Venezuela)', 'Venezuela', 'Barcelona (Venezuela)']);
    expect(places('Uhapšen je u Valensiji u Venecueli. U Valensiji je nađeno 200 kilograma.', 'sr')).toEqual(['Valencia (Venezuela)', 'Venezuela', 'Valencia (Venezuela)']);
    expect(places('Уапсен е во Валенсија, Венецуела.', 'mk')).toEqual(['Valencia (Venezuela)', 'Venezuela']);
    expect(places('U arrestua në Valencia të Venezuelës.', 'sq')).toEqual(['Valencia (Venezuela)', 'Venezuela']);
    expect(places('Capturado en Cartagena (Murcia) con cocaína de Ecuador.', 'es')).toEqual(['Cartagena (Spain)', 'Ecuador']);
    expect(places('Detenido en Cartagena, en España.', 'es')).toEqual(['Cartagena (Spain)', 'Spain']);
    // The longer name is its own place.
    expect(places('Arrested in Santa Cruz de Tenerife, and earlier in Santa Cruz de la Sierra.', 'en')).toEqual(['Santa Cruz de Tenerife', 'Santa Cruz']);
  });

  it('keeps the better-known place where the text does not say otherwise', () => {
    expect(places('Un ciudadano venezolano fue detenido en el puerto de Valencia.', 'es')).toEqual(['Venezuelan', 'Valencia']);
    expect(places('Cocaine shipped from Venezuela to Valencia was seized.', 'en')).toEqual(['Venezuela', 'Valencia']);
    expect(places('El serbio fue detenido en Cartagena, Colombia.', 'es')).toEqual(['Serbian', 'Cartagena', 'Colombia']);
    expect(places('Marchas en Madrid, Barcelona, Valencia y Alicante.', 'es')).toEqual(['Madrid', 'Barcelona', 'Valencia', 'Alicante']);
    // An agency's place is the better-known one unless the text says otherwise.
    expect(found('La Audiencia Provincial de Valencia condenó al serbio.', 'es', 'organization').map(([, c]) => c)).toEqual(['Provincial Court of Valencia']);
  });

  it('asks a homonym for its country', () => {
    expect(() => parseGazetteerYaml('type: city\nentries:\n  - { canonical: Valencia (Venezuela), homonym: true, aliases: [Valencia] }', 'x.yaml')).toThrow(/needs its "country"/);
    expect(() => parseGazetteerYaml('type: city\nentries:\n  - { canonical: Valencia, country: Spain, qualifiers: [Carabobo], aliases: [Valencia] }', 'x.yaml')).toThrow(/homonym: true/);
  });
});

describe('people by their given name', () => {
  it('reads a known given name and a surname in any language, in the nominative', () => {
    const sq = findEntities('Gjykata dënoi Besnik Hoxhën, ndërsa për Besnikun flitet shumë.', gaz, { lang: 'sq', ner: false }).filter((e) => e.type === 'person');
    expect(sq.map((p) => p.canonical)).toEqual(['Besnik Hoxha']);
    const hr = findEntities('Policija je uhitila Stipu Matića iz Sinja.', gaz, { lang: 'hr', ner: false }).filter((e) => e.type === 'person');
    expect(hr.map((p) => p.canonical)).toEqual(['Stipe Matić']);
  });

  it('lets a city that is also a given name give way to the person', () => {
    const ents = findEntities('The court also sentenced Milan Radić, while the cocaine went on to Milan by truck.', gaz, { lang: 'en', ner: false });
    expect(ents.map((e) => `${e.type}:${e.canonical}`)).toEqual(['person:Milan Radić', 'city:Milan']);
    const ghent = findEntities('Police arrested Genti Dervishi in Gent.', gaz, { lang: 'en', ner: false });
    expect(ghent.map((e) => `${e.type}:${e.canonical}`)).toEqual(['person:Genti Dervishi', 'city:Ghent']);
  });

  it('does not make a person of a given name before a place in Balkan text, nor of a port word', () => {
    const ents = findEntities('Luka Rijeka objavila je podatke o prometu.', gaz, { lang: 'hr', ner: false });
    expect(ents.filter((e) => e.type === 'person')).toEqual([]);
    expect(found('Shares of Luka Koper rose after cocaine was found at the port.', 'en', 'person')).toEqual([]);
  });

  it('reads a place after a given name as the surname in Spanish, Portuguese and English', () => {
    expect(found('O primeiro-ministro Luís Montenegro disse que a cocaína vinda do Brasil é uma ameaça.', 'pt')).toEqual([
      ['Luís Montenegro', 'Luís Montenegro'],
      ['Brasil', 'Brazil'],
    ]);
    expect(found('El fiscal Rodrigo Valencia informó que el cargamento salió de Guayaquil.', 'es', 'person')).toEqual([['Rodrigo Valencia', 'Rodrigo Valencia']]);
    expect(found('Police arrested Carlos Lima and Hugo Santos Pereira in Lima.', 'en').map(([, c]) => c)).toEqual(['Carlos Lima', 'Hugo Santos Pereira', 'Lima']);
  });
});

describe('suspects named by surname or initials alone', () => {
  it('reads a surname after "de apellido", "surnamed", "po prezimenu", "me mbiemrin", "со презиме", with the nationality before it', () => {
    const people = (text: string, lang: string) => findEntities(text, gaz, { lang }).filter((e) => e.type === 'person').map((e) => `${e.canonical}/${e.side}`);
    expect(people('Entre los detenidos está un ciudadano albanés de apellido Hoxha, quien coordinaba los envíos desde Guayaquil.', 'es')).toEqual(['Hoxha/balkan']);
    expect(people('Police arrested a Serbian man surnamed Ilić in Guayaquil.', 'en')).toEqual(['Ilić/balkan']);
    expect(people('U arrestua shtetasi shqiptar me mbiemrin Hoxha.', 'sq')).toEqual(['Hoxha/balkan']);
    expect(people('Уапсен е македонски државјанин со презиме Трајковски.', 'mk')).toEqual(['Trajkovski/balkan']);
    expect(people('El apellido del detenido no fue revelado.', 'es')).toEqual([]);
  });

  it('reads initials after where the suspect is from, and never a lone initial as a name', () => {
    expect(personNames('Uhićen je 35-godišnji Splićanin A. B. zbog krijumčarenja kokaina iz Ekvadora.', 'hr')).toEqual(['A. B.']);
    expect(personNames('Hasta ahora, Ford tenía dos modelos para el segmento D. En Estados Unidos y Brasil vende otros.', 'es')).toEqual([]);
    // Nor an abbreviated title before a name.
    expect(personNames('El Sr. Marko Ilić, de nacionalidad serbia, fue detenido en Guayaquil.', 'es')).toEqual(['Marko Ilić']);
  });
});

describe('a surname two people share', () => {
  it('names the one named first, the story\'s subject, not the relative named after him', () => {
    expect(personNames('U arrestua shtetasi shqiptar Ervin Meta. Meta dyshohet se ka pasur kontakte në Medelin. Në operacion u arrestua edhe vëllai i tij, Klodian Meta.', 'sq')).toEqual([
      'Ervin Meta',
      'Ervin Meta',
      'Klodian Meta',
    ]);
    expect(personNames('Police arrested Ervin Meta in Durrës. His brother, Klodian Meta, was held in Tirana. Meta had flown in from Bogotá.', 'en')).toEqual([
      'Ervin Meta',
      'Klodian Meta',
      'Ervin Meta',
    ]);
    expect(personNames('Uhapšen je Dejan Perić. Perić je bio u Limi, a njegov brat Goran Perić u Guayaquilu. Perića terete za šverc.', 'sr')).toEqual([
      'Dejan Perić',
      'Dejan Perić',
      'Goran Perić',
      'Dejan Perić',
    ]);
  });
});

describe('places in their short and local names', () => {
  const places = (text: string, lang: string) => found(text, lang).map(([t, c]) => `${t} → ${c}`);
  it('reads Bosnia as "Bosna" in every case, but not Herceg-Bosna, Central Bosnia or a club', () => {
    expect(places('Uhapšen je u Bosni, a droga je iz Bosne prebačena u Srbiju.', 'sr')).toEqual([
      'Bosni → Bosnia and Herzegovina',
      'Bosne → Bosnia and Herzegovina',
      'Srbiju → Serbia',
    ]);
    expect(places('Ai u arrestua në Bosnjë; shtetas të Bosnjës.', 'sq')).toEqual(['Bosnjë → Bosnia and Herzegovina', 'Bosnjës → Bosnia and Herzegovina']);
    expect(places('Bivši predsjednik vlade Herceg-Bosne govorio je o Srednjoj Bosni.', 'bs')).toEqual([]);
    expect(places('Direktor RK Bosna je zadovoljan.', 'bs')).toEqual(['RK Bosna → RK Bosna']);
  });
  it('reads ports by their local names: Kopar, Guajakil, Kallao, Salónica, Panamaja', () => {
    expect(places('Kokain je stigao u Kopar.', 'hr')).toEqual(['Kopar → Koper']);
    expect(places('Ngarkesa u nis nga porti i Guajakilit dhe porti i Kallaos, përmes Panamasë.', 'sq')).toEqual([
      'Guajakilit → Guayaquil',
      'Kallaos → Callao',
      'Panamasë → Panama',
    ]);
    expect(places('La droga iba rumbo a Salónica.', 'es')).toEqual(['Salónica → Thessaloniki']);
    expect(places('Kokaina erdhi përmes portit të Kartagjenës dhe La Guairës.', 'sq')).toEqual(['Kartagjenës → Cartagena', 'La Guairës → La Guaira']);
  });
});

describe('nationalities and names across spellings', () => {
  it('reads "bosanskohercegovački" and "Kosovan" as nationalities, and an Albanian paper\'s -iç as the Slavic -ić', () => {
    expect(found('Uhićen je bosanskohercegovački državljanin Edin Hadžić.', 'hr', 'nationality')).toEqual([['bosanskohercegovački', 'Bosnian']]);
    expect(found('A Kosovan man was detained.', 'en', 'nationality')).toEqual([['Kosovan', 'Kosovar']]);
    expect(personNames('U arrestua shtetasi malazez Ivan Vukoviç.', 'sq')).toEqual(['Ivan Vuković']);
  });
  it('gives a person the side of a nationality one word before only across a noun for a person, not a verb', () => {
    const sides = (text: string, lang: string) => findEntities(text, gaz, { lang }).filter((e) => e.type === 'person').map((e) => `${e.canonical}/${e.side}`);
    expect(sides('Police arrested Serbian national John Smith in Guayaquil.', 'en')).toEqual(['John Smith/balkan']);
    expect(sides('Uhapšen je crnogorski državljanin Juan Pérez u Guayaquilu.', 'sr')).toEqual(['Juan Pérez/balkan']);
    expect(sides('Crna Gora je iz Kolumbije izručila Marka Radulovića, osumnjičenog za šverc kokaina.', 'sr')).toEqual(['Marko Radulović/balkan']);
    expect(sides('Crna Gora je iz Kolumbije izručila Juana Péreza.', 'sr')).toEqual(['Juan Pérez/other']);
  });
});

describe('brothers and couples named with one surname', () => {
  it('gives the given name before "and" the surname after it, in its nominative', () => {
    expect(personNames('La Fiscalía acusó a los hermanos Nikola y Marko Petrović de traficar cocaína desde Guayaquil.', 'es')).toEqual(['Nikola Petrović', 'Marko Petrović']);
    expect(personNames('Prosecutors charged brothers Nikola and Marko Petrović with trafficking cocaine.', 'en')).toEqual(['Nikola Petrović', 'Marko Petrović']);
    expect(personNames('Tužilaštvo je podiglo optužnicu protiv Nikole i Marka Petrovića zbog šverca kokaina.', 'sr')).toEqual(['Nikola Petrović', 'Marko Petrović']);
    expect(personNames('Уапшени су Никола и Марко Петровић због шверца кокаина.', 'sr')).toEqual(['Nikola Petrović', 'Marko Petrović']);
    expect(personNames('U arrestuan vëllezërit Ardit dhe Erion Kola për trafik kokaine.', 'sq')).toEqual(['Ardit Kola', 'Erion Kola']);
  });
  it('leaves two full names, and a given name the text names in full with another surname, as they are', () => {
    expect(personNames('Police arrested Marko Ilić and Petar Perić over cocaine from Ecuador.', 'en')).toEqual(['Marko Ilić', 'Petar Perić']);
    expect(personNames('Novak Đoković je pobedio. Zbog Novaka i Dušana Vemića sam propustila tortu.', 'sr')).not.toContain('Novak Vemić');
  });
});

describe('double surnames', () => {
  it('reads a hyphenated surname whole', () => {
    expect(personNames('Predsjednica Kolinda Grabar-Kitarović posjetila je Zagreb.', 'hr')).toEqual(['Kolinda Grabar-Kitarović']);
    expect(personNames('Državni odvjetnik Zlata Hrvoj-Šipek rekla je da je riječ o akciji.', 'hr')).toEqual(['Zlata Hrvoj-Šipek']);
    expect(personNames('Uhićena je Ana Marić-Horvat zbog krijumčarenja kokaina iz Ekvadora.', 'hr')).toEqual(['Ana Marić-Horvat']);
  });
});

describe('given names that are also words', () => {
  it('does not read Spanish "Pero" (but) as a given name', () => {
    expect(found('Pero Sánchez no respondió a las preguntas.', 'es', 'person')).toEqual([]);
  });
});

describe('an agency with its own name in some places', () => {
  it('uses the place name the entry gives, and the pattern elsewhere', () => {
    expect(found('En Guayaquil, la Fiscalía pidió prisión para los detenidos ecuatorianos.', 'es', 'organization').map(([, c]) => c)).toEqual([
      "Attorney General's Office of Ecuador",
    ]);
    expect(found('En Lima, la Fiscalía pidió prisión para los detenidos peruanos.', 'es', 'organization').map(([, c]) => c)).toEqual([
      "Public Prosecutor's Office of Peru",
    ]);
    expect(() => parseGazetteerYaml('type: organization\nentries:\n  - { canonical: "Police of {place}", places: [Peru], names: [x], aliases: [Police] }', 'x.yaml')).toThrow(/"names" maps/);
  });
});

describe('long texts', () => {
  it('finds in a text of 300 repeated paragraphs exactly 300 times what it finds in one', () => {
    const para =
      'Tužilaštvo BiH saopštilo je da je Marko Ilić, zvani „Kum“, preko firme „Adria Fruit Export“ i broda „Morska Zvijezda“ prevezao kokain iz Guayaquila. Kum je, prema MUP-u, radio za Kavački klan.\n\n';
    const one = findEntities(para, gaz, { lang: 'bs', ner: false });
    const many = findEntities(para.repeat(300), gaz, { lang: 'bs', ner: false });
    expect(one.length).toBeGreaterThan(6);
    expect(many.length).toBe(one.length * 300);
    const types = (ms: typeof one) => ms.map((m) => `${m.type}:${m.canonical}`);
    expect(types(many.slice(-one.length))).toEqual(types(one));
  });
});

describe('sides of people found by pattern', () => {
  it('gives a person named after "osumnjičeni" or "identified as" the side of the surname or language', () => {
    const hr = findEntities('Osumnjičeni Marko Ilić uhićen je u Rijeci.', gaz, { lang: 'hr', ner: false }).find((e) => e.type === 'person');
    expect(hr).toMatchObject({ canonical: 'Marko Ilić', side: 'balkan' });
    const es = findEntities('Fue identificado como Julián Esparza Robles, de 37 años.', gaz, { lang: 'es', ner: false }).find((e) => e.type === 'person');
    expect(es).toMatchObject({ canonical: 'Julián Esparza Robles', side: 'other' });
  });
  it('takes no side from a country before a comma ("from Brazil, including Arben Krasniqi"), and a nationality or a noun after one still gives it', () => {
    const people = (text: string) => findEntities(text, gaz, { lang: 'en' }).filter((e) => e.type === 'person').map((e) => `${e.canonical}/${e.side}`);
    expect(people('Kosovo police arrested two people suspected of trafficking cocaine from Brazil, including Arben Krasniqi, 38, from Peja.')).toEqual(['Arben Krasniqi/balkan']);
    expect(people('Police arrested the Serbian national Marko Ilić in Lima.')).toEqual(['Marko Ilić/balkan']);
  });
});

describe('Macedonian people through the Serbian–Croatian tagger', () => {
  it('takes neither common words nor places for people, and keeps the people', () => {
    const text =
      'Меѓутоа, обвинителството тврди дека Никола Петрушевски ги организирал пратките. ' +
      'Според документите, Главната улога ја имал Петрушевски. Градот Кичево и Горно Броди се споменуваат во списите. ' +
      'Во Венеција се сретнал со Марко Трајковски.';
    const people = findEntities(text, gaz, { lang: 'mk' })
      .filter((e) => e.type === 'person')
      .map((e) => e.canonical);
    expect([...new Set(people)].sort()).toEqual(['Marko Trajkovski', 'Nikola Petruševski']);
    // The surname alone, opening the sentence's name slot, is the same person.
    expect(people.filter((p) => p === 'Nikola Petruševski').length).toBe(2);
  });
  it('a watchlist name in Latin letters finds its Macedonian spelling with ќ and ѓ', () => {
    const watchlist = new Gazetteer(parseGazetteerYaml('type: person\nentries:\n  - { canonical: Kire Gjorgjievski, side: balkan, aliases: [] }\n  - { canonical: Vladimir Bojović, side: balkan, aliases: [] }\n', 'w.yaml'));
    const hits = findEntities('Полицијата го уапси Кире Ѓорѓиевски и Владимир Бојовиќ.', gaz, { lang: 'mk', watchlist }).filter((e) => e.watchlist);
    expect(hits.map((e) => [e.text, e.canonical])).toEqual([
      ['Кире Ѓорѓиевски', 'Kire Gjorgjievski'],
      ['Владимир Бојовиќ', 'Vladimir Bojović'],
    ]);
  });
});

describe('the side of a person in Balkan news', () => {
  it('is Balkan for a local name and not for a name of another land', () => {
    const sideOf = (text: string, lang: string) =>
      Object.fromEntries(findEntities(text, gaz, { lang }).filter((e) => e.type === 'person').map((e) => [e.canonical, e.side]));
    expect(sideOf('Uhapšeni su Dragan Kovač i Хуан Карлос Перес zbog kokaina.', 'sr')).toEqual({ 'Dragan Kovač': 'balkan', 'Huan Karlos Peres': 'other' });
    expect(sideOf('Uhapšeni su Dragan Kovač i Kolumbijac Хуан Карлос Перес.', 'sr')).toEqual({ 'Dragan Kovač': 'balkan', 'Huan Karlos Peres': 'latam' });
    expect(sideOf('Policija je privela Milana Jovanovića i Хосе Гавирию. Jennifer Lawrence je svjedočila.', 'sr')).toMatchObject({ 'Milan Jovanović': 'balkan', 'Jennifer Lawrence': 'other' });
    expect(sideOf('Uhapšeni su Dragan Kovač i Хосе Гавирија.', 'sr')).toEqual({ 'Dragan Kovač': 'balkan', 'Hose Gavirija': 'other' });
  });
});

describe('a name and a line break', () => {
  it('ends the name at the break: a headline or a list item follows', () => {
    const people = findEntities('Policija je uhapsila Nikola Perić\nPjesnik i kokain: nova optužnica', gaz, { lang: 'hr', ner: false }).filter((e) => e.type === 'person');
    expect(people.map((e) => e.text)).toEqual(['Nikola Perić']);
  });
});

describe('one word the tagger calls a name', () => {
  it('is dropped when the language writes it in lowercase', () => {
    const people = (text: string, lang: string) => findEntities(text, gaz, { lang }).filter((e) => e.type === 'person').map((e) => e.text);
    expect(people('Durante la conferencia el Ministro destacó que: “Rosario tiene ventajas competitivas ya que posee núcleos de investigación”.', 'es')).not.toContain('Ministro');
    expect(people('У истом мјесецу убијено је још више од 200 људи из овог села које је пред Други свјетски рат имало око хиљаду становника.', 'sr')).not.toContain('Други');
  });
});

describe('football clubs', () => {
  it('are organisations, and the port or city in their name is no place', () => {
    const all = (text: string, lang: string) => findEntities(text, gaz, { lang, ner: false }).map((e) => [e.type, e.canonical]);
    expect(all('Hajduk Split je u nedjelju pobijedio Dinamo Zagreb.', 'hr')).toEqual([['organization', 'Hajduk Split'], ['organization', 'Dinamo Zagreb']]);
    expect(all('Barcelona SC venció a Emelec y Alianza Lima empató.', 'es')).toEqual([['organization', 'Barcelona SC'], ['organization', 'Emelec'], ['organization', 'Alianza Lima']]);
    expect(all('Navijači Partizana i Crvene zvezde.', 'sr')).toEqual([['organization', 'Partizan Belgrade'], ['organization', 'Red Star Belgrade']]);
    // A club's first word beside a player's role or its fans; a word two clubs share names neither.
    expect(all('Serbia took the lead, but former Santos midfielder Thiago Moreira equalised.', 'en')).toContainEqual(['organization', 'Santos FC']);
    expect(all('Navijači Hajduka su slavili.', 'hr')).toEqual([['organization', 'Hajduk Split']]);
    expect(all('The Barcelona midfielder scored.', 'en')).toEqual([['port', 'Barcelona']]);
  });
});

describe('regions', () => {
  it('are neither people nor organisations, and are not reported', () => {
    // Sentences where the tagger, without the regions, made organisations and a person of them.
    const found = [
      ...findEntities('Serbian groups are believed to work with family clans based in the coca-growing region of the Apurimac, Ene and Mantaro River Valleys (VRAEM).', gaz, { lang: 'en' }),
      ...findEntities('Vlada Vojvodine je saopćila da je policija zaplijenila kokain.', gaz, { lang: 'sr' }),
    ].map((e) => e.text);
    for (const region of ['VRAEM', 'Apurimac', 'Vlada Vojvodine']) expect(found).not.toContain(region);
    // "Latin American", "South American", "sudamericanos": a region's adjective, not the American nationality.
    const nat = (text: string, lang: string) => findEntities(text, gaz, { lang }).filter((e) => e.type === 'nationality').map((e) => e.canonical);
    expect(nat('Balkan and Latin American networks; the team ended its South American tour. An American citizen was held.', 'en')).toEqual(['American']);
    expect(nat('Los carteles sudamericanos y latinoamericanos.', 'es')).toEqual([]);
  });
});

describe('a border crossing', () => {
  it('is no person, though its name looks like a surname', () => {
    const people = findEntities('Granična policija BiH je na graničnom prijelazu Izačić pronašla kokain, a vozač je uhapšen na prelazu Batrovci.', gaz, { lang: 'bs' }).filter((e) => e.type === 'person');
    expect(people.map((e) => e.text)).toEqual([]);
  });
});

describe('a list of people after a plural nationality', () => {
  const people = (text: string, lang: string) =>
    findEntities(text, gaz, { lang })
      .filter((e) => e.type === 'person')
      .map((e) => `${e.canonical} ${e.side}`);
  it('gives every name of the list the nationality, and reads names nothing else knows', () => {
    // "Renato" is no known given name and Muça no -ić surname: only the list says he is Albanian.
    expect(people('La Policía capturó en el Callao a los ciudadanos albaneses Klodian Deda y Renato Muça con 640 kilos de cocaína.', 'es')).toEqual(['Klodian Deda balkan', 'Renato Muça balkan']);
    expect(people('Ecuadorian police arrested two Albanian nationals, Klodian Deda and Renato Muça, at the port of Guayaquil.', 'en')).toEqual(['Klodian Deda balkan', 'Renato Muça balkan']);
    expect(people('Policia arrestoi dy shtetas shqiptarë, Klodian Deda dhe Renato Muça, në portin e Guayaquilit.', 'sq')).toEqual(['Klodian Deda balkan', 'Renato Muça balkan']);
  });
  it('but not after one person of a nationality, nor after a nationality in a title', () => {
    expect(people('La policía detuvo al serbio Goran Ilić y a Juan Pérez en el puerto de Guayaquil.', 'es')).toEqual(['Goran Ilić balkan', 'Juan Pérez other']);
    expect(people('La Policía capturó a los hermanos colombianos Renato Gómez y Carlos Gómez, socios del serbio Goran Ilić.', 'es')).toEqual(['Renato Gómez latam', 'Carlos Gómez latam', 'Goran Ilić balkan']);
    // Capitalised inside a sentence, a Portuguese nationality is part of a course's name.
    expect(people('Os candidatos podem escolher Estudos Portugueses e Espanhóis, Ciências da Comunicação, Estudos Artísticos e Design.', 'pt')).toEqual([]);
  });
});

describe('suspects named by initials and age', () => {
  it('are people of the country whose news names them so, with a Latin-script canonical name', () => {
    const people = (text: string, lang: string) =>
      findEntities(text, gaz, { lang })
        .filter((e) => e.type === 'person')
        .map((e) => `${e.text} → ${e.canonical} ${e.side}`);
    expect(people('Pripadnici policije uhapsili su u Novom Sadu M. T. (44), koji se sumnjiči za šverc kokaina iz Bolivije.', 'sr')).toEqual(['M. T. → M. T. balkan']);
    expect(people('Уапсен е возачот на камионот, државјанин на Србија, Д.П. (37).', 'mk')).toEqual(['Д.П. → D. P. balkan']);
    // Without an age or a cue, initials are no one: "U.S. (12)" in English is a list of medal counts.
    expect(people('Medal table: U.S. (12), China (9).', 'en')).toEqual([]);
  });
});

describe('a Slavic case form of a country', () => {
  it('is the country, though it is spelt like an English nationality', () => {
    const types = (text: string, lang: string) => findEntities(text, gaz, { lang, ner: false }).map((e) => `${e.type}:${e.canonical}`);
    expect(types('Kokain je stigao iz Urugvaja i Argentine u Rijeku.', 'hr')).toEqual(['country:Uruguay', 'country:Argentina', 'port:Rijeka']);
    expect(types('Превоз кокаина из Уругваја и Аргентине.', 'sr')).toEqual(['country:Uruguay', 'country:Argentina']);
    expect(types('The Argentine police seized the cocaine.', 'en')).toEqual(['nationality:Argentine']);
  });
});

describe('an agency the text does not place', () => {
  it("is of the country of the text's other agencies, before the country of its language", () => {
    // Montenegrin news that language ID may call Bosnian: the police directorate is Montenegro's, so is the customs.
    expect(found('Službenici Uprave policije i Uprave carina su u Luci Bar pronašli 30 kilograma kokaina.', 'bs', 'organization').map(([, c]) => c)).toEqual([
      'Police Directorate of Montenegro',
      'Customs Administration of Montenegro',
    ]);
    // With no agency of a country, the language's country.
    expect(found('Službenici Uprave carina pronašli su 30 kilograma kokaina.', 'bs', 'organization').map(([, c]) => c)).toEqual(['Customs Administration of Bosnia and Herzegovina']);
  });
});

describe('a name that is also a word or a surname (Bar, Santos)', () => {
  const places = (text: string, lang: string) =>
    findEntities(text, gaz, { lang })
      .filter((e) => e.type === 'port' || e.type === 'city' || e.type === 'person')
      .map((e) => `${e.type}:${e.text}`);
  it('is the place after a municipality word, and wherever else the text names it alone inside a sentence', () => {
    expect(places('Општина Бар донела је одлуку о забрани продаје алкохола. Туристичка организација Бара очекује више гостију.', 'sr')).toEqual(['port:Бар', 'port:Бара']);
    // Beside another capitalised word it may be a name's part.
    expect(places('Kokain je stigao u luku Santos. Policija je ispitala Carlosa Santosa.', 'sr')).not.toContain('port:Santosa');
  });
});

describe('Chilean ports on the Pacific route', () => {
  it('are known: Antofagasta, Iquique, Arica', () => {
    expect(found('The 520 kilograms were seized in the port of Antofagasta; earlier loads left Iquique and Arica.', 'en', 'port').map(([, c]) => c)).toEqual(['Antofagasta', 'Iquique', 'Arica']);
  });
});

describe('people named as the object of an arrest, or by their age', () => {
  const people = (text: string, lang: string) =>
    findEntities(text, gaz, { lang })
      .filter((e) => e.type === 'person')
      .map((e) => e.canonical);
  it('are read where no given name is known (Albanian and Macedonian news have no tagger)', () => {
    expect(people('Policia arrestoi Aldo Berisha dhe Erion Kola. Sipas policisë, Berisha kishte kontakte me bandën Los Lobos.', 'sq')).toEqual(['Aldo Berisha', 'Erion Kola', 'Aldo Berisha']);
    expect(people('Në pranga përfundoi 34-vjeçari Kristi Dedja, i cili koordinonte dërgesat e kokainës.', 'sq')).toEqual(['Kristi Dedja']);
    expect(people('Уапсен е 42-годишниот Горан Трајковски од Куманово.', 'mk')).toEqual(['Goran Trajkovski']);
  });
});

describe('an Albanian named in Cyrillic', () => {
  it('is one person with his surname alone, though Serbian spells that Beriša', () => {
    expect(personNames('Премијер Сали Бериша састао се са делегацијом. Бериша је рекао да ће Албанија сарађивати.', 'sr')).toEqual(['Sali Berisha', 'Sali Berisha']);
  });
});

describe('Ecuadorian press phrasing', () => {
  it('names provinces (no people), suspects by their initials, and the Balkan mafia as a group', () => {
    const text =
      'La Policía detuvo a cuatro personas, entre ellas un montenegrino, en una hacienda bananera de El Oro. El extranjero, identificado con las iniciales M.B., era el enlace de la mafia balcánica en Puerto Bolívar.';
    const found = findEntities(text, gaz, { lang: 'es' }).map((e) => `${e.type}:${e.canonical}`);
    expect(found).not.toContain('person:El Oro');
    expect(found).toContain('person:M. B.');
    expect(found).toContain('criminal_group:Balkan mafia');
  });
  it('knows the "albanokosovar" and the anti-drug police by its name and acronym', () => {
    const found = (text: string) => findEntities(text, gaz, { lang: 'es' }).map((e) => `${e.type}:${e.text}=${e.canonical}`);
    expect(found('El albanokosovar Besnik Hoxha fue detenido en Machala.')).toEqual(['nationality:albanokosovar=Kosovar', 'person:Besnik Hoxha=Besnik Hoxha', 'city:Machala=Machala']);
    expect(found('Agentes de la Dirección Nacional de Investigación Antidrogas y la DNIA decomisaron la droga.')).toEqual([
      'organization:Dirección Nacional de Investigación Antidrogas=Ecuadorian Anti-Narcotics Police',
      'organization:DNIA=Ecuadorian Anti-Narcotics Police',
    ]);
  });
});

describe('a company named with its legal form and no cue word', () => {
  it('is a company; a word that only begins like one (Incas, doo) is not', () => {
    const companies = (text: string, lang: string) => found(text, lang, 'company').map(([t]) => t);
    expect(companies('Documents show that a Belgrade-registered company, Agro Trade Balkan d.o.o., imported bananas from Ecuador.', 'en')).toEqual(['Agro Trade Balkan d.o.o.']);
    expect(companies('La carga pertenecía a Frutas del Litoral S.A., con sede en Machala.', 'es')).toEqual(['Frutas del Litoral S.A.']);
    expect(companies('Shares of Apple Inc. fell.', 'en')).toEqual(['Apple Inc.']);
    expect(companies('En el Imperio Incaico la presencia femenina es notable.', 'es')).toEqual([]);
    expect(companies('Next doo on the grandstand, the seed won.', 'en')).toEqual([]);
  });
});

describe('a place inside the name of a ship or a company', () => {
  it('is part of the name, not a place of the story', () => {
    const all = (text: string, lang: string) => findEntities(text, gaz, { lang, ner: false }).map((e) => `${e.type}:${e.text}`);
    expect(all('Brod „Budva Star” zaplenjen je u luci Santos.', 'sr')).toEqual(['vessel:Budva Star', 'port:Santos']);
    expect(all('Kokain je pronađen u kontejneru firme „Santos Trade“ iz Beograda.', 'sr')).toEqual(['company:Santos Trade', 'city:Beograda']);
    // A place that is the whole of the quoted name is the ship's name, and gives no link.
    expect(all('Na brodu „Budva“ pronađeno je 500 kilograma kokaina.', 'sr')).toEqual(['vessel:Budva']);
    const ship = analyze({ text: 'El buque "Santa Marta" fue abordado con 2 toneladas de cocaína; el capitán montenegrino Petar Vuković fue detenido.', lang: 'es' });
    expect(ship.entities.map((e) => `${e.type}:${e.canonical}`)).toEqual(['vessel:Santa Marta', 'nationality:Montenegrin', 'person:Petar Vuković']);
    expect(ship.links).toEqual([]);
  });
});

describe('Albanian given names', () => {
  it('name people in Albanian news with no cue word', () => {
    expect(personNames('Sipas hetimeve, Ledio Marku dhe Jetmir Kola kishin kontakte me trafikantë në Ekuador.', 'sq')).toEqual(['Ledio Marku', 'Jetmir Kola']);
  });
});

describe('places named after people', () => {
  it('an airport, a hospital, a school or a stadium named after someone is no person', () => {
    expect(personNames('Un ciudadano croata fue detenido en el aeropuerto Jorge Chávez del Callao con 5 kilos de cocaína.', 'es')).toEqual([]);
    expect(personNames('Fue detenido en el Aeropuerto Internacional José Joaquín de Olmedo de Guayaquil.', 'es')).toEqual([]);
    expect(personNames('He was arrested at Jorge Chávez International Airport in Lima.', 'en')).toEqual([]);
    expect(personNames('Uhapšen je na aerodromu Nikola Tesla u Beogradu.', 'sr')).toEqual([]);
    expect(personNames('El herido fue trasladado al hospital Severo Ochoa.', 'es')).toEqual([]);
  });
  it('a person named after such a word and a comma is a person', () => {
    expect(personNames('El director del aeropuerto, Jorge Chávez, dijo que la droga venía de Bolivia.', 'es')).toEqual(['Jorge Chávez']);
    expect(personNames('Jorge Chávez, the airport director, said the cocaine came from Bolivia.', 'en')).toEqual(['Jorge Chávez']);
  });
});
