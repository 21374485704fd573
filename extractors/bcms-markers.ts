// Marker words that tell Bosnian, Croatian and Serbian apart, grouped by what
// they point to. Written from the standard languages' known differences (jat
// reflex, -irati/-ovati, Croatian purisms, Bosnian h-forms, months) and from
// whom and where each country's news writes about (Bosniak names, towns, clubs,
// parties), not mined from the evaluation data. The BCMS classifier (langid-model.ts) adds one
// heavily weighted feature per category a word falls into, so a few
// unambiguous words outweigh hundreds of shared character n-grams.
// A marker is a whole word, a stem ending in '*', or an ending starting with '*'
// (endings only count on words of seven letters or more).
export const BCMS_MARKERS: Record<string, readonly string[]> = {
  // Croatian standard words where Bosnian and Serbian use another (tisuća, tjedan, sveučilište, uhićen, kazneno djelo, months siječanj…prosinac).
  hr: [
    'tisuć*', 'tjed*', 'tijekom', 'povijes*', 'sveučiliš*', 'kazališ*', 'zrakoplov*', 'vlak', 'vlaka',
    'vlakom', 'vlakovi*', 'kruh*', 'točk*', 'tko', 'netko', 'nitko', 'svatko', 'itko', 'glazb*', 'znanost*',
    'znanstv*', 'obitelj*', 'veleposlan*', 'nogomet*', 'momčad*', 'izbornik*', 'izvješć*', 'ravnatelj*',
    'siječ*', 'veljač*', 'ožuj*', 'travanj*', 'travnj*', 'svib*', 'lipanj*', 'lipnj*', 'srpanj*', 'srpnj*',
    'kolovoz*', 'rujan*', 'rujn*', 'listopad*', 'studenog*', 'studenom', 'prosin*', 'europ*', 'suradn*',
    'sudjelov*', 'primjerice', 'odvjetni*', 'liječni*', 'tvrtk*', 'poduzeć*', 'gospodarst*', 'gospodarsk*',
    'mirovin*', 'umirovlj*', 'sustav*', 'čimbeni*', 'postot*', 'milijun*', 'sukladno', 'nazočn*', 'priopć*',
    'vojarn*', 'dopušt*', 'natjec*', 'prosvjed*', 'hrvatsk*', 'zagreb*', 'tvornic*', 'iznimn*', 'ozlijeđ*',
    'ozljed*', 'zapovjed*', 'dužnosni*', 'unatoč', 'diljem', 'svezi', 'osobito', 'glede', 'zračn*',
    'kolodvor*', 'putovnic*', 'redarstv*', 'bojnik*', 'satnik*', 'izvijest*', 'računal*', 'pogrešk*',
    'zemljopis*', 'kemij*', 'kemijsk*', 'rječnik*', 'sportaš*', 'sveučilištar*', 'zrakoplovst*', 'proračun*',
    'županij*', 'župan*', 'stoljeć*', 'kuna', 'kune', 'kuni', 'glasnogovorni*', 'djelatni*', 'zaposleni*',
    'sabor*', 'gledatelj*', 'slušatelj*', 'nositelj*', 'stvaratelj*', 'plaća', 'plaće', 'plaću', 'spol',
    'spola', 'otok', 'otoka', 'otoku', 'otoci', 'otočn*', 'zračnu', 'zračne', 'zračna', 'tiskovn*', 'tisak',
    'sudac', 'suca', 'sucu', 'suci', 'ubojst*', 'ubojic*', 'prometn*', 'uhić*', 'kazneno', 'kaznenog',
    'kaznenom', 'kaznen*', 'odvjetništv*', 'tužitelj*', 'izvanredn*', 'udrug*', 'razin*', 'inozem*',
    'pozornost*', 'točn*', 'trenutačn*', 'istodobn*', 'plin', 'plina', 'plinu', 'plinovod*', 'dionic*',
    'kino', 'kina', 'oporb*', 'podružnic*', 'dakako', 'obran*', 'obrani*', 'dragovolj*', 'članak', 'članka',
    'članku', 'stavak', 'stavka', 'optuženik*', 'branitelj*', 'upravitelj*', 'opskrb*', 'potpor*', 'čelni*',
    'rukovoditelj*', 'autocest*', 'pojasni*', 'dozna*', 'tajnik*', 'tajnic*', 'časnik*', 'časnic*', 'postaja',
    'postajama', 'pokus', 'pokusa', 'pokusu', 'pokusi', 'uvjet', 'uvjeta', 'uvjeti', 'uvjetima', 'uvjetno',
    'utjecaj*',
  ],
  // Bosnian and Serbian words where Croatian uses another (hiljada, sedmica, univerzitet, uhapšen, krivično djelo, months januar…decembar).
  nothr: [
    'hiljad*', 'sedmic*', 'tokom', 'istorij*', 'historij*', 'univerzitet*', 'pozoriš*', 'avion*', 'voz',
    'vozom', 'hljeb*', 'hleb*', 'tačk*', 'ko', 'niko', 'neko', 'svako', 'iko', 'nekog', 'nikog', 'muzik*',
    'nauk*', 'naučn*', 'porodic*', 'porodičn*', 'ambasad*', 'fudbal*', 'selektor*', 'izvještaj*', 'izveštaj*',
    'januar*', 'februar*', 'mart', 'marta', 'martu', 'april*', 'maj', 'maja', 'maju', 'jun', 'juna', 'junu',
    'jul', 'jula', 'julu', 'avgust*', 'august*', 'septemb*', 'oktob*', 'novemb*', 'decemb*', 'evrop*',
    'saradn*', 'učestvov*', 'učešć*', 'procen*', 'milion*', 'preduzeć*', 'privred*', 'penzij*', 'uslov*',
    'sistem*', 'saopšt*', 'saopć*', 'oficir*', 'takmič*', 'advokat*', 'ljekar*', 'lekar*', 'fabrik*', 'kafa',
    'kafe', 'kafu', 'kahv*', 'šta', 'izuzetn*', 'povrijeđ*', 'povređ*', 'povred*', 'komandant*', 'zvaničn*',
    'funkcioner*', 'sekretar*', 'uprkos', 'širom', 'naročito', 'bezbjednost*', 'bezbednost*', 'spisak',
    'hemij*', 'hemijsk*', 'bosansk*', 'sarajev*', 'bih', 'fbih', 'km', 'srpsk*', 'beograd*', 'mostar*',
    'tuzl*', 'zenic*', 'banjalu*', 'kompjuter*', 'računar*', 'vazduh*', 'takođe', 'juče', 'opština*',
    'opštin*', 'opšt*', 'spoljn*', 'uopšte', 'vek', 'veka', 'veku', 'pasoš*', 'portparol*', 'uposleni*',
    'skupštin*', 'gledalac', 'gledaoc*', 'slušalac', 'slušaoc*', 'nosilac', 'nosioc*', 'plata', 'platu',
    'platom', 'ostrv*', 'aerodrom*', 'štamp*', 'sudij*', 'ubistv*', 'ubic*', 'saobraćaj*', 'uhapš*', 'hapš*',
    'krivičn*', 'tužilaštv*', 'tužilac', 'tužioc*', 'vanredn*', 'udruženj*', 'nivo', 'nivoa', 'nivou',
    'inostran*', 'tačn*', 'trenutno', 'istovremen*', 'gas', 'bioskop*', 'kancelarij*', 'filijal*',
    'opozicij*', 'odbran*', 'dobrovolj*', 'branilac', 'branioc*', 'upravnik*', 'snabd*', 'rukovodil*',
    'rukovodioc*', 'autoput*', '*ćemo', '*ćete',
  ],
  // Verb forms in -ovati/-isati (organizovati, informisati): Bosnian and Serbian.
  ovati: [
    '*ovati', '*ovan', '*ovana', '*ovano', '*ovani', '*ovanih', '*ovanje', '*ovanja', '*ovao', '*ovala',
    '*ovali', '*isati', '*isan', '*isana', '*isani', '*isao', '*isala',
  ],
  // Verb forms in -irati (organizirati, informirati): Croatian, often Bosnian.
  irati: [
    '*irati', '*iran', '*irana', '*irano', '*irani', '*iranih', '*iranje', '*iranja', '*irao', '*irala',
    '*irali', '*ira', '*iraju',
  ],
  // Ekavian reflexes of jat (vreme, mesto, dete, posle): Serbian.
  ekav: [
    'vreme*', 'mesto', 'mesta', 'mestu', 'mest*', 'reč', 'reči', 'rečju', 'deca', 'dece', 'deci', 'decu',
    'detet*', 'lep*', 'vest', 'vesti', 'pre', 'posle', 'uvek', 'gde', 'negde', 'svugde', 'reka', 'reke',
    'reci', 'reku', 'svet', 'sveta', 'svetu', 'svetsk*', 'beo', 'bela', 'belo', 'beli', 'mleko*', 'cena',
    'cene', 'ceni', 'cenu', 'cel*', 'deo', 'dela', 'delu', 'delov*', 'leto', 'leta', 'letu', 'letnj*',
    'primer*', 'smer*', 'hteo', 'htela', 'hteli', 'nedelj*', 'pesm*', 'pesnik*', 'cvet*', 'telo', 'tela',
    'telu', 'mera', 'mere', 'meru', 'levo', 'levi*', 'severn*', 'sever*', 'ocen*', 'uspe*', 'razume*',
    'predsednik*', 'predsedni*', 'poslednj*', 'sledeć*', 'rešenj*', 'mesec*', 'vere', 'vera', 'veru',
    'vernik*', 'gnev*', 'seća*', 'devojk*', 'devojč*', 'zvezd*', 'izveštaj*', 'obaveštenj*', 'obezbed*',
    'bezbedn*', 'poveren*', 'pobed*', 'lekar*', 'zamenik*', 'zamen*', 'promen*', 'mesni*', 'sedišt*',
    'videt*', 'napred*', 'mešovit*', 'uticaj*', 'posed*', 'odelj*', 'opredelj*', 'odelje*', 'sesti',
    'zavere*', 'vetar', 'vetr*', 'pesak', 'snega', 'sneg', 'greh*', 'grešk*', 'sedeo', 'sedel*', 'sedn*',
    'zamerk*', 'osećaj*', 'oseća*', 'nemačk*', 'nemc*', 'lečenj*', 'leči*', 'ponedeljak*', 'ponedeljk*',
    'svedok*', 'svedoč*', 'savet*', 'izvesn*', 'uveren*', 'prestonic*', 'izveštaj*', 'dete',
  ],
  // Ijekavian reflexes of jat (vrijeme, mjesto, dijete, poslije): Croatian, Bosnian, Montenegrin.
  ijekav: [
    'vrijeme*', 'mjesto', 'mjesta', 'mjestu', 'mjest*', 'riječ*', 'dijete', 'djeca', 'djece', 'djeci',
    'djecu', 'djetet*', 'lijep*', 'vijest*', 'prije', 'poslije', 'uvijek', 'gdje', 'negdje', 'svugdje',
    'rijek*', 'svijet', 'svijeta', 'svijetu', 'svjetsk*', 'bijel*', 'mlijek*', 'cijen*', 'cijel*', 'dio',
    'dijela', 'dijelu', 'dijelov*', 'ljeto', 'ljeta', 'ljetu', 'ljetnj*', 'primjer*', 'smjer*', 'htio',
    'htjela', 'htjeli', 'nedjelj*', 'pjesm*', 'pjesnik*', 'cvijet*', 'cvjet*', 'tijelo', 'tijela', 'tijelu',
    'mjera', 'mjere', 'mjeru', 'lijevo', 'lijev*', 'sjever*', 'ocjen*', 'uspje*', 'razumje*', 'predsjedni*',
    'posljednj*', 'sljedeć*', 'rješ*', 'rješenj*', 'mjesec*', 'vjer*', 'sjeća*', 'djevojk*', 'djevojč*',
    'zvijezd*', 'obavještenj*', 'obezbjed*', 'bezbjedn*', 'povjeren*', 'pobjed*', 'ljekar*', 'zamjenik*',
    'zamjen*', 'promjen*', 'sjedišt*', 'vidjet*', 'naprijed*', 'mješovit*', 'posjed*', 'odjelj*',
    'opredjelj*', 'odjelje*', 'vjetar', 'vjetr*', 'pijesak', 'snijega', 'snijeg', 'grijeh*', 'griješ*',
    'sjedio', 'sjedil*', 'sjedn*', 'zamjerk*', 'osjećaj*', 'osjeća*', 'njemačk*', 'nijemc*', 'liječenj*',
    'liječ*', 'svjedok*', 'svjedoč*', 'savjet*', 'vijeće', 'vijeća', 'izvjesn*', 'uvjeren*', 'pjev*',
    'bijes*', 'bježa*', 'uspjeh*', 'vjerovatno', 'vjerojatno', 'mjesn*', 'dvije', 'dvjesto*', 'sjećanj*',
    'stoljeć*', 'stoljet*', 'vijek*',
  ],
  // Croatian and Bosnian words where Serbian uses another (općina, također, jučer, vanjski, zrak).
  notsr: [
    'općin*', 'opći', 'opća', 'opće', 'općeg', 'općem', 'općoj', 'općih', 'također', 'uopće', 'jučer',
    'sigurnost*', 'vanjsk*', 'saopćenj*', 'historij*', 'zrak', 'zraka', 'zraku', 'zračn*', 'stoljeć*',
    'tjedan*',
  ],
  // Words typical of Bosnian usage: h-forms (historija, hljeb, kahva, lahko), Islamic and Bosnian institutions and places.
  bs: [
    'historij*', 'hljeb*', 'kahv*', 'sahat*', 'lahk*', 'mehk*', 'hudovic*', 'dženaz*', 'bajram*', 'džamij*',
    'sevdah*', 'merhamet*', 'insan', 'čaršij*', 'mahal*', 'akšam*', 'ramazan*', 'iftar*', 'bošnjač*',
    'bošnjak*', 'kantonaln*', 'kanton*', 'fbih', 'bih', 'sarajev*', 'tuzl*', 'zenic*', 'mostar*', 'bihać*',
    'uposleni*', 'općin*', 'saopćenj*',
  ],
  // Bosniak given names and surnames, and Bosnian towns and clubs: Bosnian news writes about Bosnians.
  bsnames: [
    'emir*', 'edin', 'edina', 'edinu', 'adnan*', 'haris*', 'senad*', 'mirza*', 'amir', 'amira', 'amiru', 'elvir*', 'nermin*',
    'almir*', 'kenan*', 'tarik*', 'faruk*', 'enes*', 'samir*', 'sead*', 'safet*', 'muhamed*', 'mehmed*', 'alija*', 'husein*',
    'ibrahim*', 'ismet*', 'izet*', 'fikret*', 'amel', 'amela*', 'amra*', 'lejl*', 'ajla*', 'selma', 'selme', 'selmu', 'merim*',
    'emina', 'emine', 'eminu', 'belm*',
    'dženan*', 'azra*', 'sanel*', 'jasmin*', 'bakir*', 'sulejman*', 'osman*', 'mustaf*', 'hamz*', 'hasan*', 'huso*', 'mujo*',
    '*begović', '*begovića', '*begoviću', '*agić', '*agića', 'hadži*', 'hodžić*', 'hasanović*', 'mehmedović*', 'alić*', 'ramić*',
    'husić*', 'salihović*', 'softić*', 'mujić*', 'muratović*', 'omerović*', 'osmanović*', 'sulejmanović*', 'ibrahimović*',
    'hadžić*', 'izetbegović*', 'avdić*', 'halilović*', 'delalić*', 'dževad*', 'dženit*',
    'brčk*', 'travnik*', 'goražd*', 'srebrenic*', 'cazin*', 'kakanj*', 'konjic*', 'jajc*', 'sanski', 'bugojn*',
    'zavidović*', 'gračanic*', 'lukavc*', 'živinic*', 'tešanj*', 'maglaj*', 'željezničar*', 'sda', 'sbb', 'kantona', 'kantonu',
  ],
  // Croatian towns, parties and clubs.
  hrplaces: [
    'osijek*', 'zadar', 'zadra', 'zadru', 'pula', 'puli', 'pulu', 'dubrovni*', 'šibeni*', 'varaždin*', 'karlovac', 'karlovca',
    'karlovcu', 'sisak', 'siska', 'sisku', 'vukovar*', 'splitu', 'splita', 'hdz*', 'hajduk*', 'dinamo', 'dinama', 'dinamu',
    'slavonij*', 'dalmacij*', 'istra', 'istri', 'istre', 'istru', 'zagorj*', 'plenković*', 'milanović*',
  ],
  // Serbian towns, parties, clubs and money.
  srplaces: [
    'niš', 'niša', 'nišu', 'kragujev*', 'subotic*', 'čačk*', 'čačak', 'kraljevo', 'kraljevu', 'zrenjanin*',
    'pančev*', 'leskovc*', 'vranje', 'vranju', 'šabac', 'šapc*', 'smederev*', 'valjev*', 'vojvodin*', 'vučić*', 'sns', 'partizan*',
    'dinar*',
  ],
};

interface CompiledCategory {
  cat: string;
  exact: Set<string>;
  stems: string[];
  endings: string[];
}

const COMPILED: CompiledCategory[] = Object.entries(BCMS_MARKERS).map(([cat, list]) => ({
  cat,
  exact: new Set(list.filter((x) => !x.includes('*'))),
  stems: list.filter((x) => x.endsWith('*') && !x.startsWith('*')).map((x) => x.slice(0, -1)),
  endings: list.filter((x) => x.startsWith('*')).map((x) => x.slice(1)),
}));

/** The marker categories a lower-cased word belongs to. */
export function markerCategories(word: string): string[] {
  const out: string[] = [];
  for (const c of COMPILED) {
    if (c.exact.has(word) || c.stems.some((s) => word.startsWith(s)) || (word.length > 6 && c.endings.some((e) => word.endsWith(e)))) out.push(c.cat);
  }
  return out;
}
