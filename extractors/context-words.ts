// Words that put a sentence in a trafficking context, in every Ruta language.
// Words of plain trade (shipment, envío, pošiljka, isporuka) are not among
// them: fruit shipments from Ecuador to a Balkan port are not a link.
//
// Each is a word or the start of one, never a piece inside another word: the
// Slavic "drugi" (other), "član" (member), "trafika" (kiosk), "klanje"
// (slaughter) and "pranje" (washing), or the Spanish "tráfico" (road traffic),
// "lavado" (washing), "cartelera" (billboard) and "banda" (a music band), are
// everyday words of news that is not about crime.
import { fold } from './text-normalize.js';

const STEMS = [
  'cocain', 'kokain', 'drog(?!eri)', 'drugs?(?![a-z])', '(?:anti)?narco', '(?:anti)?narkot', 'estupefacient', 'heroin',
  // Trafficking: English, Spanish/Portuguese (not "tráfico", road traffic, alone), Albanian and Serbo-Croatian (not "trafika", a kiosk).
  'traffick', 'traficant', 'trafico (?:de|ilicito|internacional)', 'trafik(?:im|ant|ues)', 'krijumcar', 'kriumcar', 'smuggl', 'contraband',
  'svercu', 'sverc', 'shverc',
  'cartel(?!era)', 'kartel',
  // Seizures.
  'seiz', 'incaut', 'decomis', 'apreens', 'zaplen', 'zaplijen', 'sekuestr',
  // Money laundering, not washing.
  'laund', 'lavado de (?:dinero|activos|capitales)', 'blanqueo', 'pranj[aeu] novca', 'perenje pari', 'pastrim\\w* (?:i |te )?para',
  'mafia', 'mafij',
  // Front companies: "front companies", "empresas fachada", "empresas de fachada", "fantomske firme", "paravan firme", "kompani fantazmë".
  '(?:front|shell) compan', 'empresas? (?:de )?(?:fachada|pantalla)', 'fantomsk', 'paravan[a-z]* (?:firm|kompan|preduze)', 'kompani[a-z]* fantazm',
  // Clans and gangs (not "klanje", slaughter; not "član", member: see CLAN below).
  'klan(?:a|u|om|ov[a-z]*|i|in|it|et|ot)?(?![a-z])', 'bandas? (?:criminal|delictiv|de narco|de trafic)', 'band(?:e|i|u|om|ata|ite)(?![a-z])',
  'gang(?:s|ster[a-z]*|a|e|u|om)?(?![a-z])', 'pandill',
  'kriminal', 'criminal', 'organized crime', 'crimen organizado',
];

const FOLDED = new RegExp(`(?<![a-z])(?:${STEMS.join('|')})`);
/** English and Spanish "clan" on the text itself: folded, the Serbo-Croatian "član" (member) would be one too. */
const CLAN = /(?<!\p{L})(?:clan|clanes|clans|clã|clãs)(?!\p{L})/u;

/**
 * Trafficking in what is no drug, folded: people, migrants, arms, cigarettes, fuel, wildlife ("human
 * trafficking", "tráfico de armas", "trata de personas", "krijumčarenje migranata", "šverc oružja",
 * "trafik armësh", "шверц на оружје"). Such a trade alone puts no sentence in Ruta's context.
 */
const OTHER_TRADE = new RegExp(
  [
    '(?:human|people|persons?|migrants?|arms|weapons?|guns?|firearms?|cigarettes?|tobacco|fuel|wildlife|ivory|antiquities|organs?|sex|child|children|women|girls)[ -](?:traffick|smuggl)[a-z]*',
    '(?:traffick|smuggl)[a-z]* (?:in|of) (?:human beings|humans|persons|people|women|children|migrants|arms|weapons|firearms|cigarettes|wildlife)',
    '(?:trafico|contrabando|trafic[a-z]*) (?:ilicito )?de (?:personas|seres humanos|migrantes|armas|combustible|cigarr[a-z]*|tabaco|especies|organos|pessoas|mulheres|criancas)',
    'trata de (?:personas|blancas|pessoas|seres humanos)',
    '(?:krijumcar|kriumcar|sverc)[a-z]* (?:na )?(?:ljudi|ljudima|migranata|migrante|migranti|oruzja|oruzjem|oruzje|cigareta|cigari|duhana|duvana|goriva|lugje)',
    'trafik[a-z]* (?:e |i |me )?(?:armesh|armeve|armet|njerez[a-z]*|emigrant[a-z]*|klandestin[a-z]*|cigare[a-z]*|karburant[a-z]*)',
  ].join('|'),
  'g',
);
/** A word of trade that OTHER_TRADE may qualify: most sentences have none, and skip its scan. */
const TRADE_WORD = /traf|smuggl|sverc|krij?umc|contraband/;

/** Whether a sentence speaks of drugs, trafficking, seizures, laundering or organised crime. */
export function traffickingContext(sentence: string): boolean {
  const folded = fold(sentence);
  return FOLDED.test(TRADE_WORD.test(folded) ? folded.replace(OTHER_TRADE, ' ') : folded) || CLAN.test(sentence.toLowerCase());
}

// Other cases: "Slični slučajevi zabilježeni su u Callau", "similar cases were reported in Callao".
// A report on one case mentions others only to set it in context; the places of those cases are no one's
// in this article.
const OTHER_CASES = new RegExp(
  `(?<![a-z])(?:${[
    '(?:similar|other) (?:cases|seizures|arrests)', 'casos? (?:similares|parecidos|semelhantes)', 'otros casos', 'outros casos',
    'slicn(?:i|ih|e|im) slucaj', 'drug(?:i|ih) slucaj', 'slicn(?:i|ih) zaplen', 'slicn(?:i|ih) zaplijen',
    'raste(?:t)? te (?:ngjashme|tjera)', 'slicni slucai', 'drugi slucai',
    // A case set apart: "in a separate case", "en un caso distinto", "u drugom slučaju", "në një rast tjetër".
    '(?:in|under) (?:a|an) (?:separate|unrelated|different|another) (?:case|investigation|operation)', 'in another case',
    '(?:en|em) (?:un|um|otro|outro) caso (?:distinto|diferente|aparte|separado)', 'en otro caso', 'em outro caso',
    'u (?:drugom|odvojenom|zasebnom|posebnom) slucaju', 'ne (?:nje )?rast(?:in)? tjeter', 'vo drug sluca',
    // A case said to be unrelated: "in a case not related to this one", "en un caso no relacionado", "u slučaju koji nije povezan
    // sa ovim", "në një rast që nuk lidhet me", "во случај што не е поврзан со".
    '(?:case|investigation|operation)s? (?:that (?:is|was) )?(?:not|un)related', '(?:caso|casos|operacion|operacao) (?:que )?(?:no|nao) (?:esta |estaba |tiene |tem )?(?:relacionad|vinculad|ligad)',
    '(?:caso|casos) sin (?:relacion|vinculo)', 'slucaj[a-z]* koj[a-z]* (?:nije|nisu) (?:povezan|u vezi)', 'slucaj[a-z]* nepovezan',
    'rast[a-z]* (?:qe|i cili) nuk (?:lidhet|ka lidhje)', 'sluca[a-z]* (?:sto|koj) ne e povrzan',
    // Other news: "In other news", "en otra noticia", "em outra notícia", "u drugim vestima", "në lajme të tjera".
    'in other news', '(?:en|em) (?:otra|outra) noticia', '(?:en|em) (?:otras|outras) noticias', 'u (?:drugim|ostalim) (?:vestima|vijestima)', 'ne lajme(?:t)? (?:e |te )?tjera', 'vo drugi vesti',
    // Another operation: "In another operation", "en otra operación", "em outra operação", "u drugoj akciji", "në një operacion tjetër", "во друга акција".
    '(?:in|during) another (?:operation|raid|investigation)', '(?:en|em) (?:otra|outra) (?:operacion|operacao|accion|acao)',
    '(?:en|em) (?:una |uma )?(?:operacion|operacao) (?:separada|distinta|diferente|aparte)',
    'u (?:drugoj|odvojenoj|zasebnoj|posebnoj) (?:akciji|operaciji|istrazi)', 'ne (?:nje )?operacion(?:in)? (?:tjeter|te vecante)', 'vo druga (?:akcija|operacija)',
    // A work of fiction or a film on the subject: "his new novel, a thriller about cocaine smuggling",
    // "películas sobre el narcotráfico", "roman o švercu kokaina", "film për trafikun", "филм за шверцот".
    '(?:novels?|thrillers?|films?|movies?|documentar(?:y|ies)|tv series|novelas?|peliculas?|documentales?|roman|romana|romanu|romani|romanin|romanot|film(?:a|u|om|ovi|in|i|ot|ovite)|dokumentar(?:ac|ca|cu|ni|in|i|ot|ecot)?|serij(?:a|u|e)|serial(?:i|in)?)\\s+(?:\\p{L}+\\s+)?(?:about|on|sobre|acerca de|o|ob|za|per)\\s',
  ].join('|')})`,
);

/** Whether a sentence speaks of other, similar cases than the article's own. */
export function otherCases(sentence: string): boolean {
  return OTHER_CASES.test(fold(sentence));
}

/** Arrest and charge words, folded (Cyrillic read as Latin: уапсен is uapsen), in every Ruta language: "uhićen", "detenido", "arrested", "arrestuar", "preso". */
const ARREST = /(?<![a-z])(?:arrest|detain|detenid|detuv|captur|uhaps|uhic|uhit|privede|priveden|lisen slobode|arrestu|arrestim|uapsen|uapsi|pritvor|preso|presos|presa|prendeu|prenderam|indict|charged|imput|acusad|optuz|optuzen|akuzuar|obvin)/u;

/** Whether a sentence reports an arrest or a charge. */
export function arrestContext(sentence: string): boolean {
  return ARREST.test(fold(sentence));
}

/**
 * Words of finding, folded (Cyrillic read as Latin): "seized", "found", "incautaron", "hallaron",
 * "apreendeu", "zaplijenjeno", "pronađen", "заплени", "пронајдени", "sekuestruan", "u gjet".
 */
const FOUND = /(?<![a-z])(?:seiz|found|discover|intercept|confiscat|incaut|decomis|hall(?:o|ar|aron|ad[oa]s?|azgo)(?![a-z])|localiz|encontr|apreen|achad|zaplen|zaplijen|oduzet|pronad|pronasl|pronaj|otkri|sekuest|u gjet|gjeten|gjetur|konfisk)/u;

/** Whether a sentence says that something was seized or found. */
export function foundContext(sentence: string): boolean {
  return FOUND.test(fold(sentence));
}

/** Courts and trials, folded: "the High Court in Podgorica", "el juicio en Lima", "Viši sud u Beogradu", "Gjykata në Tiranë". */
const COURT = /(?<![a-z])(?:court|trial|tribunal|juicio|juzgado|corte|sud|suda|sudu|gjykat\p{L}*|gjyq\p{L}*)(?![a-z])/u;

/** Whether the words right before a place make it an arrest's: "uhapsili su u Novom Sadu", "arrested in Pristina". */
export function arrestBefore(wordsBefore: string): boolean {
  return ARREST.test(fold(wordsBefore));
}

/** Whether the words right before a place make it a court's: "The High Court in Podgorica", "Viši sud u Beogradu". */
export function courtBefore(wordsBefore: string): boolean {
  return COURT.test(fold(wordsBefore));
}

/** A court and a word of place right before a place, folded: "a court in", "tribunal de", "sud u", "gjykata e", "судот во". */
const COURT_SEAT = /(?<![a-z])(?:court|tribunal|juzgado|corte|sud|suda|sudu|sudot|gjykat\p{L}*)\s+(?:de|del|of|in|at|en|u|e|i|ne|vo)\s+$/u;

/** Whether the place at `start` is named as a court's seat: "Un tribunal de Guayaquil condenó …". */
export function courtSeatAt(text: string, start: number): boolean {
  return COURT_SEAT.test(fold(text.slice(Math.max(0, start - 30), start)));
}

/** Whether a country is named as a ship's flag: "Panama-flagged", "flagged in Panama", "under the flag of Panama", "con bandera de Panamá", "pod zastavom Paname", "me flamur të Panamasë". */
export function flagStateAt(text: string, start: number, end: number): boolean {
  if (/^[-\s]flagged\b/u.test(text.slice(end, end + 9))) return true;
  return /(?<![a-z])(?:flagged in|flag of|bandera de|bandeira d[aeo]|zastavom|flamur(?:in)? (?:e|te))\s+$/u.test(fold(text.slice(Math.max(0, start - 30), start)));
}

/** What ends a clause, for the tests below that read the clause a mention stands in. */
const CLAUSE_END = /[.;:!?()\n,]/u;
/** The end of `before` past its last clause end (or past the last of `ends`): the clause up to a mention. */
function lastClause(before: string, ends: readonly string[] = ['.', ';', ':', '!', '?', '(', ')', '\n', ',']): string {
  return before.slice(Math.max(0, ...ends.map((c) => before.lastIndexOf(c) + 1)));
}
function wordCount(s: string): number {
  return s.match(/\p{L}+/gu)?.length ?? 0;
}

/** "Instead of": "instead of", "rather than", "en lugar de", "en vez de", "em vez de", "ao invés de", "umjesto", "umesto", "уместо", "наместо", "në vend të". */
const INSTEAD_OF = /(?<![\p{L}])(?:instead of|rather than|en lugar de|en vez de|em vez de|em lugar de|ao invés de|umjesto|umesto|уместо|наместо|në vend (?:të|që|se))(?![\p{L}])/giu;
/** What may join the places of one list: a comma, "or", "and", "o", "y", "ou", "ili", "i", "ose", "dhe", "или", "и". */
const LIST_JOIN = /^\s*(?:,\s*)?(?:(?:or|and|nor|o|y|e|u|ou|ili|i|ni|ose|dhe|apo|или|и)\s+)?$/iu;

/** A gap within one clause and six words. */
const nearInClause = (gap: string) => !CLAUSE_END.test(gap) && wordCount(gap) <= 6;

/**
 * Whether the place or group at `start` is the road not taken: it comes, within six words, after an
 * "instead of" in the same clause, the first place there or one of a list that is ("buying from Peruvian
 * suppliers instead of working through intermediaries in Colombia", "umjesto preko Kolumbije kokain
 * nabavljao u Ekvadoru": Colombia only). "Instead of Colombia, they buy in Ecuador": Ecuador is past the comma.
 * `others` are the text's other mentions (places, groups), for the list.
 */
export function forgoneAt(text: string, start: number, others: readonly { start: number; end: number }[]): boolean {
  const from = Math.max(0, start - 100);
  let marker = -1;
  for (const m of text.slice(from, start).matchAll(INSTEAD_OF)) marker = from + m.index + m[0].length;
  if (marker < 0) return false;
  // The mentions between the marker and this one: each must lead to the next by a list's joint only.
  const between = others.filter((o) => o.start >= marker && o.end <= start).sort((a, b) => a.start - b.start);
  let at = marker;
  for (const [k, o] of between.entries()) {
    const gap = text.slice(at, o.start);
    if (k > 0 ? !LIST_JOIN.test(gap) : !nearInClause(gap)) return false;
    at = o.end;
  }
  const gap = text.slice(at, start);
  return between.length ? LIST_JOIN.test(gap) : nearInClause(gap);
}

/**
 * A denial, folded: "no evidence that", "no ties to", "has never been to", "denied any links to", "no hay pruebas de",
 * "ningún vínculo con", "nunca estuvo en", "nenhuma ligação com", "nikada nije bio u", "nema dokaza", "nikakve veze sa",
 * "nuk ka qenë kurrë në", "asnjë lidhje me", "никогаш не бил во", "нема докази", "никаква врска со".
 */
const DENIAL = new RegExp(
  [
    String.raw`\bno (?:evidence|proof|indication|sign|known (?:ties|links?|connections?))\b`,
    String.raw`\bno (?:ties|links?|connections?|contacts?|dealings)\b`,
    String.raw`\bnever (?:been (?:to|in|at)|set foot|travell?ed to|visited|was in|went to|lived in|had (?:any )?(?:ties|links?|contacts?|dealings)|met|dealt with)\b`,
    String.raw`\b(?:not|never) (?:linked|connected|tied|involved)\b`,
    String.raw`\bdenie[sd] (?:any |having (?:any )?|ever )?(?:ties|links?|connections?|involvement|contacts?|dealings|being|been|travell?ing|visiting)\b`,
    String.raw`\bnothing to do with\b`,
    String.raw`\b(?:sin|no hay|no (?:se )?(?:encontr\p{L}*|hall\p{L}*|tiene|tenia|tuvo|existen?|hay)) (?:ningun[ao]? )?(?:pruebas?|evidencias?|indicios?|vinculos?|relacion|nexos?|conexion|contactos?)\b`,
    String.raw`\bningun[ao]? (?:vinculo|nexo|relacion|conexion|prueba|contacto)\b`,
    String.raw`\bnunca (?:(?:estuvo|ha estado|habia estado|vivio|viajo|fue|piso) (?:en|a|al)|visito|tuvo (?:vinculos?|contactos?|relacion))\b`,
    String.raw`\bnego (?:cualquier |tener |haber (?:tenido )?)?(?:vinculos?|relacion|nexos?|contactos?|estado|viajado)\b`,
    String.raw`\bnenhum[a]? (?:ligacao|prova|vinculo|relacao|indicio|contato)\b`,
    String.raw`\bnunca (?:(?:esteve|viajou|foi|morou) (?:em|no|na|a|ao|para)|visitou|teve (?:ligacao|vinculos?|contato))\b`,
    String.raw`\bnao (?:ha|existem?|havia|tem|tinha) (?:provas?|indicios|evidencias?|ligacao|vinculos?)\b`,
    String.raw`\bnegou (?:qualquer |ter )?(?:ligacao|envolvimento|vinculos?|relacao|estado)\b`,
    String.raw`\bnikad(?:a)? (?:nije|nisu) (?:bio|bila|bili|boravio|boravila|boravili|putovao|putovala|putovali|imao|imala|imali) (?:u|na|veze|kontakt\p{L}*)\b`,
    String.raw`\b(?:nema|nije bilo|nisu pronasli|nisu nasli|nije pronadjen\p{L}*) (?:nikakvih |ikakvih )?(?:dokaza|veze|veza|kontakata)\b`,
    String.raw`\bnije (?:bio |bila )?(?:povezan\p{L}*|imao (?:nikakve |ikakve )?veze)\b`,
    String.raw`\bnikakv\p{L}* (?:vez\p{L}*|dokaz\p{L}*|kontakt\p{L}*)\b`,
    String.raw`\bnegira\p{L}* (?:bilo kakv\p{L}* |svaku |ikakv\p{L}* )?(?:vez\p{L}*|umesan\p{L}*|umijesan\p{L}*|povezanost\p{L}*|kontakt\p{L}*)\b`,
    String.raw`\bnuk (?:ka|kishte|kane|kishin) (?:qene kurre (?:ne|me)|asnje|prova|prove|lidhje)\b`,
    String.raw`\bkurre nuk (?:ka|kishte) (?:qene ne|pasur lidhje|udhetuar)\b`,
    String.raw`\basnje (?:lidhje|prove|prova|kontakt)\b`,
    String.raw`\bmohoi (?:cdo |te kete )?(?:lidhje|perfshirje|kontakt)\b`,
    String.raw`\bnikogas (?:ne (?:bil|bila|bile|patuval|patuvala|imal|imala) (?:vo|vrska|kontakt\p{L}*)|nemal\p{L}* (?:vrska|kontakt\p{L}*))\b`,
    String.raw`\bnema (?:nikakvi )?(?:dokazi|vrska|vrski|kontakti)\b`,
    String.raw`\bnikakv\p{L}* (?:vrsk\p{L}*|dokaz\p{L}*|kontakt\p{L}*)\b`,
    String.raw`\bnegira\p{L}* (?:bilo kakv\p{L}* |sekakv\p{L}* )?(?:vrsk\p{L}*|umesan\p{L}*|kontakt\p{L}*)\b`,
  ].join('|'),
  'gu',
);

/**
 * Whether the place or group at `start` is denied: a denial stands before it in its clause, at most ten words
 * away ("no evidence that Ilić had ever been to Ecuador", "Ilić had no ties to Los Choneros", "Ilić nikada nije bio
 * u Ekvadoru"). A comma, a colon or a semicolon ends the denial: "He denied the charges, but police say he met them in Guayaquil".
 */
export function deniedAt(text: string, start: number): boolean {
  const clause = lastClause(fold(text.slice(Math.max(0, start - 160), start)));
  let end = -1;
  for (const m of clause.matchAll(DENIAL)) end = m.index + m[0].length;
  return end >= 0 && wordCount(clause.slice(end)) <= 10;
}

/**
 * A relative of someone's, as the subject of a clause, folded (Cyrillic read as Latin): "his wife", "su
 * hermano", "njegov brat", "njegova supruga", "gruaja e tij", "vëllai i saj", "неговиот брат".
 */
const KIN = new RegExp(
  [
    "\\b(?:his|her|their)\\s+(?:wife|husband|brother|sister|father|mother|son|daughter|cousin|uncle|aunt|girlfriend|boyfriend|family|parents|relatives)\\b",
    '\\b(?:su|sus|sua|seu|seus|suas)\\s+(?:esposa|esposo|mujer|marido|hermano|hermana|padre|madre|hijo|hija|primo|prima|tio|tia|novia|novio|pareja|familia|padres|familiares|irmao|irma|pai|mae|filho|filha|namorada|pais)\\b',
    '\\b(?:njegov|njegova|njegovi|njen|njena|njezin|njezina|njihov|njihova|negoviot|negovata|nejziniot|nejzinata|nivniot|nivnata)\\s+(?:supruga|zena|brat|sestra|otac|majka|sin|kci|kcerka|cerka|rodjak|rodjaka|porodica|obitelj|roditelji|djevojka|devojka|sopruga|tatko|kerka|semejstvo|roditeli)\\b',
    '\\b(?:gruaja|bashkeshortja|bashkeshorti|vellai|motra|babai|nena|djali|vajza|kusheriri|familja|prinderit|e dashura)\\s+(?:e|i|te)\\s+(?:tij|saj|tyre)\\b',
  ].join('|'),
  'u',
);

/**
 * Whether the place at `start` is a relative's, told beside the case: "his wife is from Ecuador", "Njegov brat,
 * koji živi u Kolumbiji, …", "su esposa, de nacionalidad ecuatoriana". The relative stands in the place's
 * sentence part, with at most fourteen words from it to the place, and nothing there speaks of the trade or an arrest (a relative
 * arrested in Guayaquil is part of the case).
 */
export function kinAt(text: string, start: number): boolean {
  const part = lastClause(fold(text.slice(Math.max(0, start - 120), start)), ['.', ';', ':', '!', '?', '\n']);
  const m = KIN.exec(part);
  if (!m) return false;
  const span = part.slice(m.index);
  return wordCount(span) <= 14 && !traffickingContext(span) && !arrestContext(span);
}

/** Holidays and tourism, folded: "ljetovao u Brazilu", "de vacaciones en Cancún", "on holiday in Brazil", "me pushime në Brazil". */
const HOLIDAY =
  /(?<![\p{L}])(?:holidays?|vacation\p{L}*|vacaciones|veranea\p{L}*|turist\p{L}*|tourist\p{L}*|ljetova\p{L}*|letova\p{L}*|odmor\p{L}*|medeni mjesec|honeymoon|luna de miel|pushim\p{L}*|letuva\p{L}*)(?![\p{L}])/u;

/**
 * Whether the place at `start` is where someone went on holiday, in its clause: "tvrdio da je u Ekvador putovao samo
 * kao turist te da je s obitelji ljetovao u Brazilu", "estuvo de vacaciones en Brasil". A holiday is no route, unless the
 * clause speaks of the trade too.
 */
export function holidayAt(text: string, start: number): boolean {
  const clause = lastClause(fold(text.slice(Math.max(0, start - 80), start)), ['.', ';', ':', '!', '?', '\n', ',']);
  // The holiday word among the six words before the place.
  const near = (clause.match(/\p{L}+/gu) ?? []).slice(-6).join(' ');
  return HOLIDAY.test(near) && !traffickingContext(clause);
}

/** Words that make the group after them an enemy of the sentence's actor, folded: "war with rival Kavač", "el clan rival", "sukob sa suparničkim klanom". */
const RIVAL =
  /(?:^|[^\p{L}])(?:rival|rivals|archrival|arch-rival|rivales|rivalsk\p{L}*|suparnick\p{L}*|protivnick\p{L}*|rivali|rivalet|rivalit|rivalin|enemig[oa]s?|(?:war|feud|fighting|conflict) (?:with|against)|(?:guerra|enfrentamiento|disputa) (?:con|contra)|(?:rat|sukob|sukobu|obracun|obracunu) (?:sa|s)|lufta me|vojna so)(?:\s+(?:the|el|la|los|its|their|su|sus|with|sa|s|me|e|te|klanom|klana|klanit|grupit|clan|group|grupo|banda))*\s+$/u;

/**
 * Whether the criminal group at `start` is named as the enemy of another, not a party to its route: "the Škaljari
 * clan financed its war with rival Kavač", "en guerra con el clan Kavač", "u sukobu sa kavačkim klanom".
 */
export function rivalAt(text: string, start: number): boolean {
  return RIVAL.test(fold(text.slice(Math.max(0, start - 50), start)).toLowerCase());
}

/**
 * A link denied after the place, in its sentence: "seized cocaine at Callao, but no Balkan links have been
 * established there", "sin que se hayan establecido vínculos con los Balcanes", "nisu utvrđene veze sa
 * Balkanom", "nuk janë gjetur lidhje", "не се утврдени врски". Folded.
 */
const DISOWNED = new RegExp(
  [
    String.raw`\bno (?:balkan |known |such )?(?:links?|ties|connections?) (?:(?:have|has) been |were |was |could be )?(?:established|found|confirmed|identified|proven)\b`,
    String.raw`\b(?:no|sin que) se (?:han|hayan|ha|haya) (?:establecido|encontrado|confirmado|comprobado) (?:ningun[ao]?s? )?(?:vinculos?|nexos?|relacion|conexion)`,
    String.raw`\bnao (?:foram|foi) (?:estabelecid|encontrad|confirmad)\p{L}* (?:ligac|vincul|conex)`,
    String.raw`\bnisu (?:utvrdjen|pronadjen|potvrdjen)\p{L}* (?:nikakv\p{L}* )?(?:veze?|kontakt)`,
    String.raw`\bnuk (?:jane|eshte|u) (?:gjetur|vertetuar|konfirmuar|provuar) (?:asnje |ndonje )?lidhj`,
    String.raw`\bne se (?:utvrdeni|pronajdeni|potvrdeni) (?:nikakvi )?vrski`,
  ].join('|'),
  'u',
);

/** Whether the rest of the place's sentence denies that it is linked ("… at Callao, but no Balkan links have been established there"). */
export function disownedAt(text: string, end: number): boolean {
  const rest = text.slice(end, end + 160);
  const stop = rest.search(/[.!?\n]/u);
  return DISOWNED.test(fold(stop >= 0 ? rest.slice(0, stop) : rest));
}

/** "Only", after the negation of "not only … but also": only, solo, sólo, solamente, apenas, somente, samo, само, vetëm. */
const ONLY = /^(?:only|just|solo|sólo|solamente|únicamente|apenas|somente|só|samo|само|vetëm|vetem)$/u;
/** Corrections, by language: the negation before the place and the "but" after it ("not … but", "no … sino", "não … mas", "nije … već", "nuk … por", "не … туку"). */
const CORRECTIONS: [RegExp, RegExp][] = [
  [/^(?:not|never)$/u, /^(?:but)$/u],
  [/^(?:no|nunca)$/u, /^(?:sino)$/u],
  [/^(?:não|nao|nunca)$/u, /^(?:mas)$/u],
  [/^(?:nije|nisu|ne|nikada|nikad|није|нису|не|никада)$/u, /^(?:već|vec|nego|већ|него)$/u],
  [/^(?:nuk|jo|kurrë)$/u, /^(?:por|po)$/u],
  [/^(?:не|никогаш)$/u, /^(?:туку|но)$/u],
];

/**
 * Whether the place or group at [start, end) is the one a correction sets aside: a negation among the four
 * words before it, in its clause, and its language's "but" right after it ("came not from Ecuador but from
 * Colombia", "no venía de Ecuador sino de Colombia", "nije stigao iz Ekvadora, već iz Kolumbije").
 */
export function correctedAt(text: string, start: number, end: number): boolean {
  const next = /^\s*,?\s*(\p{L}+)/u.exec(text.slice(end, end + 20).toLowerCase())?.[1];
  if (!next) return false;
  const clause = lastClause(text.slice(Math.max(0, start - 60), start).toLowerCase());
  const words = (clause.match(/\p{L}+/gu) ?? []).slice(-4);
  // "Not only … but also" adds the second place to the first: "no solo en Ecuador sino también en Colombia", "ne samo u Ekvadoru, već i …".
  if (words.some((w, i) => i > 0 && ONLY.test(w))) return false;
  return CORRECTIONS.some(([neg, but]) => but.test(next) && words.some((w) => neg.test(w)));
}

/** A byline's opening word, folded: "By", "Por", "Piše:", "Autor:", "Texto:", "Nga:", "Пишува:", "Photo:". */
const BYLINE = /^\s*(?:by|por|de|pise|pisu|autor(?:ka|i|ica)?|author|authors|texto|text|redaccion|redakcija|priredio|priredila|pripremio|pripremila|nga|shkruan|pisuva|pisuvaat|avtor\p{L}*|foto|photo|photos|fotografija|fotografije|video|reporter\p{L}*|novinar\p{L}*)\s*:?\s*$/u;
/** A wire service's credits: "Reporting by", "Editing by", "Con información de", "Editado por". */
const CREDITS = /(?:(?:additional )?reporting|editing|writing|edited|written|compiled|produced|translated) by|con informacion de|editado por|escrito por|reportagem de|tekst i foto|izvjestava|izvestava/u;
/** What may join the names of a byline or the credits. */
const NAME_JOINS = new Set(['and', 'y', 'e', 'i', 'dhe', 'и', '&', 'in', 'en', 'u', 'në', 'во', 'from', 'desde', 'iz', 'nga', 'од']);

/** Whether the last `n` words before `start` are names and what joins them ("Marko Ilić and ", "Ilić in Belgrade, "). */
function namesBefore(text: string, lineStart: number, start: number, n: number): boolean {
  if (n === 0) return true;
  const words = text.slice(lineStart, start).match(/[\p{L}\p{M}'’.-]+|&/gu) ?? [];
  return words.length >= n && words.slice(-n).every((w) => /^\p{Lu}/u.test(w) || NAME_JOINS.has(w));
}

/**
 * Whether the person at `start` is named in a byline or the credits, not in the story: "Piše: Marko Ilić",
 * "By Ana Petrović", "Reporting by Marko Ilić in Belgrade; editing by Ana Petrović", "Пишува: Горан Трајковски".
 */
export function creditAt(text: string, start: number): boolean {
  // Only the 200 characters before and 120 after are read: a text of one long line costs no more.
  const from = Math.max(0, start - 200);
  const back = text.slice(from, start).lastIndexOf('\n');
  const nl = back < 0 ? -1 : from + back;
  const lineStart = nl >= 0 ? nl + 1 : from;
  const ahead = text.slice(start, start + 120);
  const lineEnd = ahead.includes('\n') ? start + ahead.indexOf('\n') : start + ahead.length;
  const whole = (nl >= 0 || from === 0) && (ahead.includes('\n') || lineEnd === text.length);
  const line = text.slice(lineStart, lineEnd);
  const before = fold(text.slice(lineStart, start));
  const wordsAfter = (s: string) => s.match(/[\p{L}'’.-]+|&/gu)?.length ?? 0;
  // A byline is a short line of its own: the opening word, then the names.
  if (whole && line.length <= 100 && !/[.!?]\s+\p{Lu}/u.test(line)) {
    const m = /^\s*(\p{L}+)\s*:?\s*/u.exec(before);
    // Every word after the opening one is a name or joins names, up to a comma, a bar or a dash ("De Marko Ilić,
    // corresponsal en Belgrado", "Autor: Marko Ilić | 12.03.2024").
    const names = line.slice(m?.[0].length ?? 0).split(/[|•·]|\s[-–—]\s|,(?=[^,]*$)|,\s+\p{Ll}/u)[0]!;
    const onlyNames = !/\d/u.test(names) && (names.match(/[\p{L}\p{M}'’.-]+|&/gu) ?? []).every((w) => /^\p{Lu}/u.test(w) || NAME_JOINS.has(w));
    if (m && BYLINE.test(m[0]) && onlyNames) return true;
  }
  // Credits: the names after "Reporting by", up to a semicolon or a full stop.
  const segment = lastClause(before, [';', '.', '|']);
  const credit = CREDITS.exec(segment);
  return credit !== null && namesBefore(text, lineStart, start, wordsAfter(segment.slice(credit.index + credit[0].length)));
}

/**
 * "Whether", folded: "whether", "da li", "nëse", "дали", and the Spanish and Portuguese "si"/"se" after a verb of
 * inquiry ("investiga si", "apura se") or before one of having or being ("si tenía", "se tinha").
 */
const WHETHER = /(?<![a-z])(?:whether|da li|ne(?:se)? (?:ai|ajo|ata|ato|kishte|ka|kane|ishte)|nese|dali|si (?:tenia|tiene|habia|mantenia|mantiene|estaba|pertenecia|formaba|era)|se (?:tinha|tem|mantinha|pertencia|fazia|era|estava)|(?:investig|averigu|determin|esclarec|verific|comprob|establec|apur|indag)\p{L}* (?:si|se))(?![a-z])/u;

/**
 * Whether the place or group at `start` is only asked about: a "whether" stands before it in its clause, at
 * most ten words away ("Policia peruane po heton nëse ai kishte lidhje me klanin Shkaljari", "investigating
 * whether he had ties to the Škaljari clan", "provjerava da li je bio u Ekvadoru").
 */
export function questionedAt(text: string, start: number): boolean {
  const clause = lastClause(fold(text.slice(Math.max(0, start - 120), start)));
  const m = WHETHER.exec(clause);
  return m !== null && wordCount(clause.slice(m.index + m[0].length)) <= 10;
}

/** Acquittal, folded: "acquitted", "absuelto", "absolvido", "oslobođen optužbi", "oslobodio optužbe", "u shpall i pafajshëm", "ослободен од обвинението". */
const ACQUITTAL =
  /(?<![a-z])(?:acquit|absuel|absolvi|oslobod\p{L}*(?: \p{L}+){0,3} (?:optuzb|od obvinen|krivic)|oslobodjen[aio]?(?![a-z])(?! (?:je |su |ga |)(?:iz|uz|na|od|pritvor|jamcevin))|pafajshem|pafajesi)/u;

/** Whether a sentence tells of an acquittal. */
export function acquittalContext(sentence: string): boolean {
  return ACQUITTAL.test(fold(sentence));
}

/** Suspect words, folded: "suspected", "sospechoso", "suspeitos", "osumnjičeni", "sumnja se", "осомничен", "се сомнева", "i dyshuar", "dyshojnë". */
const SUSPECT = /(?<![a-z])(?:suspect|sospech|suspeit|osumnjic|sumnj|osomnic|somnev|dyshuar|dyshim|dyshoj)/u;

/** Whether a sentence names someone as arrested, charged or suspected. */
export function suspectContext(sentence: string): boolean {
  const folded = fold(sentence);
  return ARREST.test(folded) || SUSPECT.test(folded);
}

/**
 * Office words, folded (Cyrillic read as Latin): a person named after one is an official of the
 * case (prosecutor, judge, minister, spokesperson, police chief, lawyer), not a party to it (a
 * "director" is not among them: a company's may be the suspect):
 * "Specijalni tužilac Milorad Ristić", "the Interior Minister, Ivica Dačić", "la fiscal María Pérez".
 */
const OFFICE = new RegExp(
  `^(?:${[
    'prosecutor', 'fiscal', 'fiscala', 'tuzilac', 'tuzioca?', 'tuziocu', 'tuziocem', 'tuzitelj(?:a|u|em|ica|ice)?', 'prokuror(?:i|it|in|ja)?', 'obvinitel(?:ot|ka)?',
    'judge', 'jueza?', 'sudij[aeiu]', 'sudijata', 'sudac', 'suca', 'sucu', 'sutkinj[aeu]', 'gjyqtar(?:i|it|ja)?',
    'minister', 'ministr[aeiou]', 'ministrom', 'ministar', 'ministrit', 'ministerot', 'ministerka',
    'spokes(?:man|woman|person)', 'portavoz', 'portparol(?:i|it|ot|ka)?', 'glasnogovorni(?:k|ka|ku|kom|ca|ce)', 'zedhenes(?:i|it|ja)?',
    'nacelni(?:k|ka|ku|kom)', 'commissioner', 'komesar(?:a|u|om)?', 'ambassador', 'embajadora?', 'ambasador(?:a|u|om|i|it)?',
    'lawyer', 'attorney', 'abogad[oa]', 'advokat(?:a|u|om|i|it|ja)?', 'avokat(?:i|it|ja)?', 'branitelj(?:a|u|em)?', 'branila?c', 'branioc[aue]?',
    'odvjetni(?:k|ka|ku|kom|ca|ce)', 'general', 'coronel', 'colonel',
    'mayor', 'alcalde(?:sa)?', 'gradonacelni(?:k|ka|ku|kom)', 'kryetar(?:i|it)?',
    'president[ea]?', 'presidenti(?:t)?', 'predsjedni(?:k|ka|ku|kom|ca)', 'predsedni(?:k|ka|ku|kom|ca)', 'pretsedatel(?:ot)?',
    // Those who report on or study the trade: journalists, criminologists, analysts, researchers ("Kriminolog X kaže …").
    'journalist', 'reporter', 'criminologist', 'analyst', 'expert', 'researcher', 'professor', 'academic', 'scholar', 'investigator',
    'periodista', 'reporter[oa]', 'criminolog[oa]', 'analista', 'expert[oa]', 'especialista', 'investigador[a]?', 'academic[oa]', 'catedratic[oa]',
    'jornalista', 'criminologista', 'pesquisador[a]?', 'professor[a]?',
    'novinar(?:a|u|om|ka|ke|ki|ku|ot|kata)?', 'urednik(?:a|u|om)?', 'kriminolog(?:a|u|om|ot|ut)?', 'analiticar(?:a|u|om|ka|ke|ku|ot)?',
    'strucnja(?:k|ka|ku|kom|kinja)', 'ekspert(?:a|u|om|ica|i|it|ja|ot|ka)?', 'istrazivac(?:a|u|em|ica)?', 'istrazuvac(?:ot|ka)?', 'profesor(?:a|u|om|ica|i|it|ot|ka)?',
    'gazetar(?:i|it|ja|e)?', 'analist(?:i|it|ja|e)?', 'studiues(?:i|it|ja)?', 'hulumtues(?:i|it|ja)?',
  ].join('|')})$`,
);
/**
 * Words that may stand between an office word and its holder's name, folded: the office's field or
 * whose it is ("Ministar unutarnjih poslova Davor Božinović", "Advokat odbrane Vladimir Đukanović",
 * "el ministro del Interior Juan Zapata", "Ministri i Brendshëm Taulant Balla", "министерот за
 * внатрешни работи", "Tužilac za organizovani kriminal Mladen Nenadić", "ministar sigurnosti BiH").
 */
const OFFICE_FIELD = new Set([
  'of', 'the', 'for', 'interior', 'home', 'affairs', 'justice', 'security', 'defence', 'defense', 'finance', 'foreign',
  'del', 'de', 'la', 'seguridad', 'justicia', 'gobierno', 'defensa', 'hacienda', 'da', 'do', 'justica', 'seguranca',
  'unutarnjih', 'unutrasnjih', 'poslova', 'pravosuda', 'pravde', 'sigurnosti', 'bezbednosti', 'bezbjednosti', 'odbrane', 'obrane',
  'finansija', 'financija', 'za', 'organizovani', 'organizirani', 'kriminal', 'bih', 'srbije', 'hrvatske', 'crne', 'gore',
  'i', 'e', 'te', 'brendshem', 'brendshme', 'drejtesise', 'mbrojtjes', 'sigurise', 'vnatresni', 'raboti', 'pravda', 'uprave',
]);
/** A nationality after an office, as Spanish and Portuguese write it: "el ministro serbio X", "o procurador albanês X". */
const OFFICE_NATIONALITY = /^(?:serbi[oa]|servi[oa]|croat[ao]|montenegrin[oa]|albanes[ae]?|bosni[oa]|macedoni[oa]|kosovar|ecuatorian[oa]|equatorian[oa]|colombian[oa]|peruan[oa]|brasilen[oa]|brasileir[oa]|boliviano|boliviana|paraguay[oa]|argentin[oa]|chilen[oa]|mexican[oa]|espanol[a]?|italian[oa]|belga|holandes[a]?|neerlandes[a]?)$/;
/** The police, customs or an agency, folded: words of an office's field ("Direktor Uprave policije X"). */
const AGENCY = new Set(['police', 'policia', 'policije', 'policise', 'policijata', 'carina', 'carine', 'aduanas', 'customs', 'agency', 'agencia']);
for (const w of AGENCY) OFFICE_FIELD.add(w);
/** "former", "ex", "bivši", "ish", "поранешниот": a former official may be a party. */
const FORMER = /(?<![a-z])(?:former|ex|exs|bivs\p{L}*|ish|poranesn\p{L}*|antiguo|antigua)$/u;
/** Whether the office word at `at` (folded words) is a former one: "former", "ex-" or "bivši" among the two words before it. */
const formerAt = (words: string[], at: number) => words.slice(Math.max(0, at - 2), at + 1).some((w) => w.split('-').some((p) => FORMER.test(p)));

/** A lawyer, in the nominative: before a surname in another case it is that person's lawyer ("Branilac Bojanića"). */
const LAWYER_NOMINATIVE = /^(?:advokat|advokatica|branilac|branitelj|braniteljica|odvjetnik|odvjetnica)$/;

/**
 * Whether the word right before `start` (a comma may stand between) names an office held now:
 * "Specijalni tužilac Milorad Ristić", "Interior Minister Ivica Dačić". Given the mention's surname
 * as written and in the nominative, a lawyer followed by another case of it is the client's
 * ("Branilac Bojanića najavio je žalbu": Bojanić's lawyer), and no office of the person's.
 */
export function officeBefore(text: string, start: number, surname?: { written: string; nominative: string }): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (!/^[^.;\n]*?[\p{L}-]+,?\s+$/u.test(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(';')) + 1))) return false;
  let words = fold(before).split(/[^\p{L}-]+/u).filter(Boolean).slice(-6);
  if (surname && LAWYER_NOMINATIVE.test(words[words.length - 1] ?? '') && /^\s+$/u.test(before.slice(-1)) && fold(surname.written) !== fold(surname.nominative)) return false;
  // Whose office it is, named between the office and a comma: "Advokat Ristića, Vladimir Đukanović", "el abogado de
  // Ristić, Juan Pérez", "Ristić's lawyer, John Smith": the client's name (one or two capitalised words) is passed over.
  if (/,\s+$/u.test(before)) {
    const raw = before.split(/[^\p{L}'’-]+/u).filter(Boolean).slice(-6);
    for (let k = 1; k <= 2 && k < raw.length; k++) {
      const client = raw.slice(raw.length - k);
      if (!client.every((w) => /^\p{Lu}/u.test(w))) break;
      const i = raw.length - k - 1 - (/^(?:de|del|of)$/.test(raw[raw.length - k - 1] ?? '') ? 1 : 0);
      if (i >= 0 && OFFICE.test(fold(raw[i]!))) {
        words = raw.slice(0, i + 1).map((w) => fold(w));
        break;
      }
    }
  }
  // The office word, and at most four words of its field after it.
  let at = words.length - 1;
  while (at >= 0 && words.length - 1 - at < 4 && (OFFICE_FIELD.has(words[at]!) || OFFICE_NATIONALITY.test(words[at]!))) at--;
  // Only the office's holder, never the institution ("Según la Fiscalía, X", "Sipas prokurorisë, X") or many ("Prosecutors said X").
  if (at < 0) return false;
  // The head of a police or customs body, named before its holder: "The head of Serbia's anti-drug police,
  // Goran Petrović", "Šef Službe za borbu protiv narkotika Marko Ilić", "Drejtori i Policisë së Durrësit, …".
  let head = words.length - 1;
  while (head >= 0 && !HEAD.test(words[head]!)) head--;
  // (A director of the police is one such head: "Direktor Uprave policije X"; a company's may be the suspect.)
  if (head >= 0 && words.slice(head + 1).some((w) => BODY.test(w))) return !formerAt(words, head);
  if (!OFFICE.test(words[at]!)) return false;
  // "el abogado de Ilić", "the lawyer for Ilić": the name is the client's.
  if (LAWYER.test(words[at]!) && words.length - 1 === at + 1 && /^(?:de|del|of|for|do|da)$/.test(words[at + 1]!) && /\s$/u.test(before)) return false;
  return !formerAt(words, at);
}

/** Lawyers in every language, folded: whose lawyer they are may follow ("abogado de Ilić"). */
const LAWYER = /^(?:lawyer|attorney|abogad[oa]|advogad[oa]|advokat[a-z]*|avokat[a-z]*|branil[a-z]*|branitelj[a-z]*|odvjetni[a-z]*)$/;

/** Words that may open an apposition before its office word: articles and a few qualifiers, folded. */
const APPOSITION_LEAD = new Set([
  'a', 'an', 'the', 'el', 'la', 'un', 'una', 'o', 'um', 'uma', 'nje', 'senior', 'chief', 'lead', 'leading', 'local', 'independent',
  'investigative', 'special', 'public', 'state', 'deputy', 'veteran', 'security', 'drug', 'crime', 'organized', 'organised',
  'principal', 'jefe', 'especial', 'publico', 'publica', 'glavni', 'glavna', 'specijalni', 'specijalna', 'posebni', 'istrazivacki',
  'istrazivacka', 'kryesor', 'posacem', 'speciale', 'glaven', 'glavnata', 'glavniot', 'specijalniot', 'istrazuvacki',
]);

/**
 * Whether an apposition right after the name gives an office held now: "Marko Ilić, prosecutor in the
 * case, said", "said Marko Ilić, an analyst at the Global Initiative", "explicó Marko Ilić, investigador
 * de InSight Crime". A former office ("a former prosecutor") is none.
 */
export function officeAfter(text: string, end: number): boolean {
  const m = /^,\s+([^,.;:()\n]+)/u.exec(text.slice(end, end + 80));
  if (!m) return false;
  const words = fold(m[1]!).split(/[^\p{L}-]+/u).filter(Boolean);
  for (let i = 0; i < Math.min(words.length, 3); i++) {
    const w = words[i]!;
    if (FORMER.test(w)) return false;
    if (OFFICE.test(w)) return true;
    // The head of a police or customs body ("jefe de la Dirección Antinarcóticos", "head of Serbia's anti-drug
    // police", "šef Službe za suzbijanje narkotika"); the head of a gang is none ("jefe de Los Lobos").
    if (HEAD.test(w)) return words.slice(i + 1).some((x) => BODY.test(x));
    if (!APPOSITION_LEAD.has(w)) return false;
  }
  return false;
}

/** Heads of a body, folded. */
const HEAD = /^(?:head|chief|jef[ea]|director[a]?|direktor(?:ka|a|u|om|ot)?|sef(?:ica|a|u|om|ot)?|shef(?:i|in)?|drejtor(?:i|it|in|ja|esha)?|komandant|commander|comandante|rakovoditel(?:ot)?|nacalnik(?:ot)?)$/;
/** Police, customs and other bodies of the state, folded stems. */
const BODY = /^(?:polic|customs|aduan|carin|dogan|unit|unidad|direcci|dirandro|antinarc|anti-drug|antidrog|narkot|agenc|sluzb|uprav|department|departament|division|divizion|sektor|drejtori|ministr|mup|mvr|dea|europol|interpol|fiscal|tuzil|prokuror|oddel|odeljen|odjel)/;

/** Verbs of saying, folded (Cyrillic read as Latin): officials speak in the news, parties are spoken of. */
const SPEECH = /(?<![a-z])(?:said|says|told|stated|announced|declared|explained|added|saopst|saopcen|izjavi|rekao|rekla|kazao|kazala|naveo|navela|istakao|istakla|potvrdi|informo|declaro|dijo|afirmo|senalo|explico|anuncio|indico|aseguro|tha(?![a-z])|deklaroi|njoftoi|soopsti|rece(?![a-z])|izjavil)/u;

/** Whether a sentence quotes or reports someone speaking. */
export function speechContext(sentence: string): boolean {
  return SPEECH.test(fold(sentence));
}
