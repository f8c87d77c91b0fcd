import type { DemoTown } from './towns.ts';

const BLUE = '#1f4e9c';
const GOLD = '#f2c230';
const RED = '#c8102e';
const SILVER = '#f5f5f0';
const GREEN = '#2e7d32';

/** Bulgaria, Greece, Poland and Slovenia (see DemoTown for what is real and what is invented). */
export const eastTowns: DemoTown[] = [
  {
    town: 'BG/botevgrad',
    nativeName: 'Ботевград',
    region: 'Sofia Province',
    website: 'https://www.botevgrad.bg',
    email: 'info@botevgrad.bg',
    phone: '+359 723 69 100',
    address: 'пл. „Освобождение“ 13, 2140 Ботевград',
    mayor: 'Petar Dimitrov',
    mayorSince: '2019',
    languages: ['bg'],
    emblem: { field: BLUE, charge: GOLD, ordinary: 'chief', initials: 'Б' },
    about: {
      en: [
        'Botevgrad lies in a valley at the foot of the Balkan Mountains, about 60 km north-east of Sofia.',
        'Known as Orhanie until 1934, the town was then renamed after the poet and revolutionary Hristo Botev.',
        'Its clock tower of 1866 is the symbol of the town, and its basketball club Balkan is one of the best known in Bulgaria.',
      ],
      bg: [
        'Ботевград се намира в котловина в подножието на Стара планина, на около 60 км североизточно от София.',
        'До 1934 г. градът се нарича Орхание, след което е преименуван на поета и революционер Христо Ботев.',
        'Часовниковата кула от 1866 г. е символ на града, а баскетболният клуб „Балкан“ е сред най-известните в България.',
      ],
    },
  },
  {
    town: 'BG/stara-zagora',
    nativeName: 'Стара Загора',
    region: 'Stara Zagora Province',
    website: 'https://www.starazagora.bg',
    email: 'info@starazagora.bg',
    phone: '+359 42 614 614',
    address: 'бул. „Руски“ 33, 6000 Стара Загора',
    mayor: 'Nikolay Stoyanov',
    mayorSince: '2015',
    languages: ['bg'],
    emblem: { field: RED, charge: GOLD, ordinary: 'fess', initials: 'СЗ' },
    about: {
      en: [
        'Stara Zagora lies in the Upper Thracian Plain at the foot of the Sredna Gora and is one of the largest cities in Bulgaria.',
        'The Roman town of Augusta Traiana stood here, and its forum can still be seen in the centre.',
        'The Neolithic Dwellings museum shows houses about 8,000 years old, among the best preserved in Europe.',
        'Burnt down in 1877, the city was rebuilt on a regular grid of streets lined with linden trees.',
      ],
      bg: [
        'Стара Загора се намира в Горнотракийската низина, в подножието на Средна гора,',
        'и е сред най-големите градове в България.',
        'Тук е стоял римският град Августа Траяна, чийто форум и днес може да се види в центъра.',
        'Музеят „Неолитни жилища“ показва къщи на около 8000 години, сред най-добре запазените в Европа.',
        'Опожарен през 1877 г., градът е построен отново с прави улици, засадени с липи.',
      ],
    },
  },
  {
    town: 'GR/thessaloniki',
    nativeName: 'Θεσσαλονίκη',
    region: 'Central Macedonia',
    website: 'https://thessaloniki.gr',
    email: 'info@thessaloniki.gr',
    phone: '+30 2313 317 000',
    address: 'Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη',
    mayor: 'Eleni Vlachou',
    mayorSince: '2024',
    languages: ['el'],
    emblem: { field: BLUE, charge: SILVER, ordinary: 'cross', initials: 'Θ' },
    about: {
      en: [
        'Thessaloniki, the second-largest city in Greece, lies on the Thermaic Gulf in Central Macedonia.',
        'Founded in 315 BC and named after a sister of Alexander the Great, it was a great city of the Byzantine Empire.',
        'Its early Christian and Byzantine monuments are a UNESCO World Heritage Site,',
        'and the White Tower on the waterfront is its symbol.',
      ],
      el: [
        'Η Θεσσαλονίκη, η δεύτερη μεγαλύτερη πόλη της Ελλάδας, βρίσκεται στον Θερμαϊκό Κόλπο, στην Κεντρική Μακεδονία.',
        'Ιδρύθηκε το 315 π.Χ., πήρε το όνομά της από μια αδελφή του Μεγάλου Αλεξάνδρου',
        'και υπήρξε μεγάλη πόλη της Βυζαντινής Αυτοκρατορίας.',
        'Τα παλαιοχριστιανικά και βυζαντινά μνημεία της ανήκουν στην παγκόσμια κληρονομιά της UNESCO,',
        'και ο Λευκός Πύργος στην παραλία είναι το σύμβολό της.',
      ],
    },
  },
  {
    town: 'PL/gdansk',
    region: 'Pomeranian Voivodeship',
    website: 'https://www.gdansk.pl',
    email: 'info@gdansk.pl',
    phone: '+48 58 323 60 00',
    address: 'ul. Nowe Ogrody 8/12, 80-803 Gdańsk',
    mayor: 'Tomasz Wiśniewski',
    mayorSince: '2018',
    languages: ['pl'],
    emblem: { field: RED, charge: SILVER, ordinary: 'pale', initials: 'G' },
    about: {
      en: [
        'Gdańsk lies on the Baltic coast near the mouth of the Vistula and, with Gdynia and Sopot, forms the Tricity.',
        "A rich Hanseatic port for centuries, it is known for its Main Town, Neptune's Fountain and the amber trade.",
        'The Second World War began at Westerplatte in 1939, and the Solidarity movement was born in its shipyard in 1980.',
      ],
      pl: [
        'Gdańsk leży nad Bałtykiem, u ujścia Wisły, i razem z Gdynią i Sopotem tworzy Trójmiasto.',
        'Przez wieki był bogatym portem hanzeatyckim; słynie z Głównego Miasta, Fontanny Neptuna i handlu bursztynem.',
        'Na Westerplatte w 1939 roku rozpoczęła się II wojna światowa, a w 1980 roku w stoczni narodziła się „Solidarność”.',
      ],
    },
  },
  {
    town: 'PL/lodz',
    region: 'Łódź Voivodeship',
    website: 'https://uml.lodz.pl',
    email: 'info@uml.lodz.pl',
    phone: '+48 42 638 40 00',
    address: 'ul. Piotrkowska 104, 90-926 Łódź',
    mayor: 'Agnieszka Kowalczyk',
    mayorSince: '2018',
    languages: ['pl'],
    emblem: { field: RED, charge: GOLD, ordinary: 'fess', initials: 'Ł' },
    about: {
      en: [
        'Łódź lies in the centre of Poland and grew in the 19th century from a small town into a great centre of the textile industry.',
        "Piotrkowska Street, one of Europe's longest shopping streets, runs for some 4 km past the palaces of factory owners.",
        'Its Film School trained directors such as Andrzej Wajda, Roman Polański and Krzysztof Kieślowski.',
      ],
      pl: [
        'Łódź leży w centrum Polski; w XIX wieku z małego miasteczka wyrosła na wielki ośrodek przemysłu włókienniczego.',
        'Ulica Piotrkowska, jedna z najdłuższych ulic handlowych w Europie, ciągnie się przez około 4 km wśród pałaców fabrykantów.',
        'Szkoła Filmowa w Łodzi wykształciła takich reżyserów jak Andrzej Wajda, Roman Polański i Krzysztof Kieślowski.',
      ],
    },
  },
  {
    town: 'SI/ljubljana',
    region: 'Central Slovenia',
    website: 'https://www.ljubljana.si',
    email: 'info@ljubljana.si',
    phone: '+386 1 306 10 00',
    address: 'Mestni trg 1, 1000 Ljubljana',
    mayor: 'Matej Kovač',
    mayorSince: '2022',
    languages: ['sl'],
    emblem: { field: SILVER, charge: GREEN, ordinary: 'fess', initials: 'L' },
    about: {
      en: [
        'Ljubljana, the capital of Slovenia, lies on the Ljubljanica river beneath its castle hill.',
        'Much of its face comes from the architect Jože Plečnik, whose works in the city are a UNESCO World Heritage Site.',
        'A dragon guards its bridges and its coat of arms, and it was European Green Capital in 2016.',
      ],
      sl: [
        'Ljubljana, glavno mesto Slovenije, leži ob Ljubljanici pod grajskim gričem.',
        'Velik del svoje podobe dolguje arhitektu Jožetu Plečniku, čigar dela v mestu so na Unescovem seznamu svetovne dediščine.',
        'Zmaj varuje njene mostove in grb, leta 2016 pa je bila Zelena prestolnica Evrope.',
      ],
    },
  },
  {
    town: 'SI/maribor',
    region: 'Drava',
    website: 'https://www.maribor.si',
    email: 'info@maribor.si',
    phone: '+386 2 220 10 00',
    address: 'Ulica heroja Staneta 1, 2000 Maribor',
    mayor: 'Tina Horvat',
    mayorSince: '2022',
    languages: ['sl'],
    emblem: { field: RED, charge: SILVER, ordinary: 'plain', initials: 'M' },
    about: {
      en: [
        'Maribor, the second-largest city in Slovenia, lies on the Drava river at the foot of the Pohorje hills.',
        'On the riverside Lent grows the Old Vine, more than 400 years old',
        'and said to be the oldest vine in the world still bearing grapes.',
        "Maribor was European Capital of Culture in 2012, and the Golden Fox women's ski races are held on Pohorje.",
      ],
      sl: [
        'Maribor, drugo največje mesto v Sloveniji, leži ob Dravi ob vznožju Pohorja.',
        'Na Lentu raste Stara trta, stara več kot 400 let, ki velja za najstarejšo še rodno trto na svetu.',
        'Maribor je bil leta 2012 Evropska prestolnica kulture, na Pohorju pa poteka tekma za Zlato lisico.',
      ],
    },
  },
  {
    town: 'SI/slovenska-bistrica',
    region: 'Drava',
    website: 'https://www.slovenska-bistrica.si',
    email: 'info@slovenska-bistrica.si',
    phone: '+386 2 843 28 00',
    address: 'Kolodvorska ulica 10, 2310 Slovenska Bistrica',
    mayor: 'Gregor Potočnik',
    mayorSince: '2018',
    languages: ['sl'],
    emblem: { field: BLUE, charge: GOLD, ordinary: 'bend', initials: 'SB' },
    about: {
      en: [
        'Slovenska Bistrica is a town in north-eastern Slovenia, between the Pohorje hills and the Drava plain, south of Maribor.',
        'Its castle in the town centre, remodelled in the baroque style, now hosts exhibitions and concerts.',
        'The municipality, with some 26,000 residents, is known for its aluminium industry and its hillside vineyards.',
      ],
      sl: [
        'Slovenska Bistrica je mesto v severovzhodni Sloveniji, med Pohorjem in Dravskim poljem, južno od Maribora.',
        'Grad v središču mesta, prenovljen v baročnem slogu, danes gosti razstave in koncerte.',
        'Občina s približno 26.000 prebivalci je znana po aluminijski industriji in vinogradih na pobočjih.',
      ],
    },
  },
];
