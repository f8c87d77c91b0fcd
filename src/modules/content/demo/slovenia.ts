import type { DemoItem } from './when.ts';

const LJUBLJANA_ZONE = 'Europe/Ljubljana';
const EC_NET_SITE = 'https://europeforcitizense.wixsite.com/ecnet';

const SLOVENSKA_BISTRICA: DemoItem[] = [
  {
    town: 'SI/slovenska-bistrica',
    build: (w) => ({
      type: 'news',
      language: 'sl',
      publishedAt: w.ago(14, 3),
      areas: ['europe', 'social'],
      tags: ['ec-net', 'europe for citizens', 'networks of towns'],
      texts: {
        sl: {
          title: 'EC-NET: kaj je prinesla mreža mest za evropsko državljanstvo',
          summary:
            'RIC Slovenska Bistrica je s petnajstimi partnerji iz več evropskih držav sodeloval v projektu EC-NET, ki je ocenil dolgoročni učinek mrež mest ter pripravil zbirko metod in priporočila za prihodnost.',
          body: `Projekt **Evropsko državljanstvo – mreža mest (EC-NET)** je med 2. novembrom 2020 in 1. novembrom 2022 povezal šestnajst partnerjev iz več evropskih držav, med njimi RIC Slovenska Bistrica. Partnerji – občine, organizacije civilne družbe in njihovi prebivalci – so pred tem že vodili uspešne mreže mest v programu Evropa za državljane ali v njih sodelovali.

Projekt je iskal odgovor na vprašanje, kaj je od teh mrež ostalo po desetih letih: kako so vplivale na ljudi, ki so v njih sodelovali, in na lokalne skupnosti. V ospredju so bili evroskepticizem, solidarnost, aktivno državljanstvo in medkulturni dialog.

## Potek

- uvodni sestanek partnerjev, 14. in 15. decembra 2020;
- sestanek partnerjev, 2. marca 2021;
- mednarodni dogodek »Spodbujanje solidarnosti za aktivno evropsko državljanstvo«, 7. in 8. junija 2021;
- skupaj šest mednarodnih dogodkov, ob njih raziskave, intervjuji in lokalne delovne skupine.

## Rezultati

- **EC-NET Toolkit** – zbirka metod, preizkušenih v petnajstih projektih mrež mest;
- **EC-NET priporočila** – predlogi za prihodnost programa in za politike, ki krepijo dejavno udeležbo državljanov.

Več na [spletni strani projekta](${EC_NET_SITE}).`,
        },
        en: {
          title: 'EC-NET: what a network of towns achieved for European citizenship',
          summary:
            'RIC Slovenska Bistrica and fifteen partners from several European countries took part in EC-NET, which assessed the long-term impact of networks of towns and produced a toolkit of methods and recommendations for the future.',
          body: `The **European Citizenship Network of Towns (EC-NET)** brought together sixteen partners from several European countries between 2 November 2020 and 1 November 2022, among them RIC Slovenska Bistrica, the municipality's development and information centre. The partners – municipalities, civil society organisations and their citizens – had earlier led or taken part in successful networks of towns under the Europe for Citizens programme.

The project asked what those networks left behind after ten years: how they affected the people who took part and their local communities. Euroscepticism, solidarity, active citizenship and intercultural dialogue were at the centre.

## Timeline

- kick-off meeting of the partners, 14–15 December 2020;
- partner meeting, 2 March 2021;
- international event "Promoting solidarity for active European citizenship", 7–8 June 2021;
- six international events in all, with research, interviews and local working groups alongside.

## Results

- **EC-NET Toolkit** – a collection of methods tested in fifteen network-of-towns projects;
- **EC-NET Recommendations** – proposals for the future of the programme and for policies that strengthen citizens' active participation.

More on the [project website](${EC_NET_SITE}).`,
        },
        de: {
          title: 'EC-NET: Was ein Städtenetzwerk für die europäische Bürgerschaft erreicht hat',
          summary:
            'RIC Slovenska Bistrica hat mit fünfzehn Partnern aus mehreren europäischen Ländern am Projekt EC-NET teilgenommen, das die langfristige Wirkung von Städtenetzwerken untersucht und eine Methodensammlung sowie Empfehlungen erarbeitet hat.',
          body: `Das Projekt **European Citizenship Network of Towns (EC-NET)** verband vom 2. November 2020 bis zum 1. November 2022 sechzehn Partner aus mehreren europäischen Ländern, darunter RIC Slovenska Bistrica. Die Partner – Gemeinden, zivilgesellschaftliche Organisationen und ihre Bürgerinnen und Bürger – hatten zuvor erfolgreiche Städtenetzwerke im Programm „Europa für Bürgerinnen und Bürger“ geleitet oder mitgetragen.

Das Projekt ging der Frage nach, was von diesen Netzwerken nach zehn Jahren geblieben ist: welche Wirkung sie auf die Beteiligten und auf die Gemeinden vor Ort hatten. Im Mittelpunkt standen Euroskepsis, Solidarität, aktive Bürgerschaft und interkultureller Dialog.

## Ablauf

- Auftakttreffen der Partner am 14. und 15. Dezember 2020
- Partnertreffen am 2. März 2021
- internationale Veranstaltung „Solidarität für eine aktive europäische Bürgerschaft fördern“ am 7. und 8. Juni 2021
- insgesamt sechs internationale Veranstaltungen, begleitet von Befragungen, Interviews und lokalen Arbeitsgruppen

## Ergebnisse

- **EC-NET Toolkit** – eine Sammlung von Methoden, die in fünfzehn Städtenetzwerk-Projekten erprobt wurden
- **EC-NET-Empfehlungen** – Vorschläge für die Zukunft des Programms und für eine Politik, die die aktive Beteiligung der Bürgerinnen und Bürger stärkt

Mehr auf der [Projektwebsite](${EC_NET_SITE}).`,
        },
      },
    }),
  },
  {
    town: 'SI/slovenska-bistrica',
    build: (w, here) => ({
      type: 'event',
      language: 'sl',
      publishedAt: w.ago(5, 2),
      areas: ['europe', 'social'],
      tags: ['ec-net', 'workshop'],
      event: {
        startsAt: w.at(23, '17:00', LJUBLJANA_ZONE, 'workday'),
        endsAt: w.at(23, '19:00', LJUBLJANA_ZONE, 'workday'),
        timeZone: LJUBLJANA_ZONE,
        venueName: 'Grad Slovenska Bistrica',
        venueAddress: '2310 Slovenska Bistrica',
        ...here,
        organiser: 'RIC Slovenska Bistrica',
        capacity: 30,
      },
      texts: {
        sl: {
          title: 'Delavnica: metode EC-NET za lokalna društva',
          summary:
            'Predstavitev zbirke orodij in priporočil projekta EC-NET za društva, šole in aktivne občane, ki bi radi sodelovali v evropskih projektih.',
          body: `Kako povabiti ljudi k pogovoru o Evropi, ko se jim zdi daleč? Kako v projekt vključiti mlade in tiste, ki običajno ne hodijo na javne dogodke? Partnerji projekta EC-NET so odgovore zbrali v zbirki metod, preizkušenih v petnajstih mrežah mest.

## Program

- predstavitev zbirke orodij EC-NET in izbranih metod;
- priporočila projekta za prihodnje mreže mest;
- kako poiskati partnerje in se prijaviti na evropske razpise za državljane;
- pogovor in vprašanja.

Delavnica je brezplačna, število mest je omejeno. Prijave sprejemamo do zapolnitve mest.`,
        },
        en: {
          title: 'Workshop: EC-NET methods for local associations',
          summary:
            'An introduction to the EC-NET toolkit and recommendations for associations, schools and active citizens who would like to take part in European projects.',
          body: `How do you get people talking about Europe when it feels far away? How do you bring young people, and those who never come to public meetings, into a project? The EC-NET partners gathered their answers in a collection of methods tested in fifteen networks of towns.

## Programme

- the EC-NET toolkit and a selection of its methods;
- the project's recommendations for future networks of towns;
- how to find partners and apply for European funding for citizens' projects;
- discussion and questions.

The workshop is free and places are limited. Registrations are accepted until it is full.`,
        },
      },
    }),
  },
  {
    town: 'SI/slovenska-bistrica',
    build: (w) => ({
      type: 'event',
      language: 'sl',
      publishedAt: w.ago(8, 1),
      areas: ['europe'],
      tags: ['ec-net', 'online'],
      event: {
        startsAt: w.at(37, '16:00', LJUBLJANA_ZONE, 'workday'),
        endsAt: w.at(37, '17:30', LJUBLJANA_ZONE, 'workday'),
        timeZone: LJUBLJANA_ZONE,
        onlineUrl: 'https://meet.jit.si/ecnet-recommendations',
        organiser: 'RIC Slovenska Bistrica',
      },
      texts: {
        sl: {
          title: 'Spletni pogovor: priporočila EC-NET za novo desetletje mrež mest',
          summary:
            'Partnerji projekta EC-NET predstavijo svoja priporočila za prihodnost programov za državljane in odgovarjajo na vprašanja občin, ki pripravljajo nove mreže mest.',
          body: `Priporočila EC-NET so nastala iz izkušenj petnajstih mrež mest in pogovorov z udeleženci – oblikovalci politik, javnimi uslužbenci, aktivisti in občani. Na spletnem pogovoru jih bodo predstavili partnerji projekta.

## Za koga

- za občine in društva, ki razmišljajo o prijavi mreže mest ali pobratenja;
- za vse, ki jih zanima, kako okrepiti dejavno udeležbo ljudi v lokalnem in evropskem življenju.

Pogovor bo potekal v angleščini. Prijava ni potrebna – povezava do spletne sobe je na tej strani.`,
        },
        en: {
          title: 'Online talk: EC-NET recommendations for a new decade of networks of towns',
          summary:
            "The EC-NET partners present their recommendations for the future of citizens' programmes and answer questions from municipalities preparing new networks of towns.",
          body: `The EC-NET recommendations grew out of fifteen networks of towns and conversations with the people who took part in them: policy makers, public servants, activists and citizens. The project partners present them in this online talk.

## Who it is for

- municipalities and associations thinking about applying for a network of towns or a town twinning;
- anyone interested in how to strengthen people's active part in local and European life.

The talk is in English. No registration is needed: the link to the online room is on this page.`,
        },
      },
    }),
  },
  {
    town: 'SI/slovenska-bistrica',
    build: (w) => ({
      type: 'practice',
      language: 'sl',
      publishedAt: w.ago(48, 3),
      areas: ['climate', 'environment'],
      tags: ['energy advice', 'households'],
      contact: 'Energetska svetovalna pisarna ENSVET Slovenska Bistrica, naročanje prek RIC Slovenska Bistrica',
      texts: {
        sl: {
          title: 'Brezplačno energetsko svetovanje za gospodinjstva',
          summary:
            'V energetski svetovalni pisarni občani brezplačno dobijo nasvete o toplotni izolaciji, zamenjavi ogrevanja in subvencijah, preden se lotijo prenove.',
          body: `Energetska svetovalna pisarna deluje v mreži ENSVET, ki jo po vsej Sloveniji vodi Eko sklad. Svetovalci so neodvisni strokovnjaki: ne prodajajo opreme in ne izvajajo del, zato lahko svetujejo nepristransko.

Pogovor je namenjen vsem, ki gradijo, prenavljajo ali razmišljajo o zamenjavi ogrevanja. Na obisk prinesite račune za energijo, načrte ali ponudbe, ki jih že imate. Več o mreži ENSVET na [ekosklad.si](https://www.ekosklad.si).`,
          problem:
            'Lastniki hiš in stanovanj se o prenovi pogosto odločajo na podlagi ponudb izvajalcev. Brez neodvisnega nasveta težko ocenijo, kateri ukrep se jim res izplača in za katerega lahko dobijo nepovratna sredstva.',
          solution:
            'Občani se naročijo na brezplačen pogovor z neodvisnim energetskim svetovalcem. Svetovalec pregleda načrte, račune za energijo ali ponudbe in predlaga, v kakšnem vrstnem redu se lotiti ukrepov.',
          results:
            'Ljudje se za prenovo odločajo bolj premišljeno: najprej izolacija in okna, nato ogrevanje. Vloge za subvencije Eko sklada, pripravljene s pomočjo svetovalca, so popolnejše in hitreje rešene.',
          cost: 'Za občane je svetovanje brezplačno; pisarno financira Eko sklad, občina pa zagotovi prostor.',
          reuse:
            'Vsaka občina lahko v sodelovanju z Eko skladom odpre svetovalno pisarno. Ključno je, da je svetovanje neodvisno od prodajalcev opreme.',
        },
        en: {
          title: 'Free energy advice for households',
          summary:
            'At the energy advice office, residents get free advice on insulation, replacing their heating and available grants before they start renovating.',
          body: `The energy advice office is part of ENSVET, the network run across Slovenia by the Eco Fund (Eko sklad). The advisers are independent experts: they neither sell equipment nor carry out works, so their advice is impartial.

The consultation is for anyone who is building, renovating or thinking about replacing their heating. Bring your energy bills, plans or any quotes you already have. More about ENSVET at [ekosklad.si](https://www.ekosklad.si).`,
          problem:
            "Home owners often decide on renovation on the basis of contractors' quotes. Without independent advice it is hard to judge which measure really pays off and which one qualifies for a grant.",
          solution:
            'Residents book a free consultation with an independent energy adviser, who reviews plans, energy bills or quotes and suggests the order in which to tackle the measures.',
          results:
            "People make better-informed decisions: insulation and windows first, then heating. Grant applications to the Eco Fund prepared with an adviser's help are more complete and processed faster.",
          cost: 'Free for residents; the office is funded by the Eco Fund, and the municipality provides the premises.',
          reuse:
            'Any municipality can open an advice office together with the Eco Fund. What matters is that the advice is independent of equipment sellers.',
        },
      },
    }),
  },
];

const LJUBLJANA_AND_MARIBOR: DemoItem[] = [
  {
    town: 'SI/ljubljana',
    build: (w) => ({
      type: 'news',
      language: 'sl',
      publishedAt: w.ago(15, 2),
      areas: ['mobility', 'climate'],
      tags: ['cycling'],
      texts: {
        sl: {
          title: 'Nova kolesarska povezava med Šiško in središčem mesta',
          summary:
            'Odprt je ločen dvosmerni kolesarski pas, po katerem kolesarji od Šiške do središča mesta pridejo brez prepletanja z avtomobilskim prometom.',
          body: `Kolesarji lahko zdaj uporabljajo novo povezavo med Šiško in središčem Ljubljane. Dvosmerni kolesarski pas je od vozišča in pločnika ločen z robnikom in zelenico, prehodi čez križišča pa so označeni z rdečo barvo, da so kolesarji bolje vidni.

## Kaj je novega

- neprekinjen kolesarski pas v obe smeri;
- nova stojala za kolesa ob postajališčih mestnega potniškega prometa;
- semaforji za kolesarje na dveh večjih križiščih;
- 24 novih dreves ob pasu.

Povezava je del širše mreže kolesarskih poti, ki mestne četrti povezuje s središčem. Pripombe in predloge lahko sporočite prek mestnega portala [ljubljana.si](https://www.ljubljana.si).`,
        },
        en: {
          title: 'New cycle link between Šiška and the city centre',
          summary: 'A separate two-way cycle lane now takes cyclists from Šiška to the city centre without mixing with car traffic.',
          body: `Cyclists can now use a new link between Šiška and the centre of Ljubljana. The two-way cycle lane is separated from the road and the pavement by a kerb and a strip of grass, and its crossings are painted red so that cyclists are easier to see.

## What is new

- a continuous cycle lane in both directions;
- new bicycle racks at bus stops;
- traffic lights for cyclists at two large junctions;
- 24 new trees along the lane.

The link is part of a wider network of cycle routes connecting the city's districts with the centre. Comments and suggestions are welcome through the city portal [ljubljana.si](https://www.ljubljana.si).`,
        },
      },
    }),
  },
  {
    town: 'SI/ljubljana',
    build: (w) => ({
      type: 'event',
      language: 'sl',
      publishedAt: w.ago(14, 4),
      areas: ['mobility', 'sport'],
      tags: ['cycling'],
      event: {
        startsAt: w.at(-6, '10:00', LJUBLJANA_ZONE, 'saturday'),
        endsAt: w.at(-6, '12:00', LJUBLJANA_ZONE, 'saturday'),
        timeZone: LJUBLJANA_ZONE,
        venueName: 'Kongresni trg',
        venueAddress: '1000 Ljubljana',
        latitude: 46.0503,
        longitude: 14.5038,
        organiser: 'Mestna občina Ljubljana',
      },
      texts: {
        sl: {
          title: 'Skupna kolesarska vožnja po novi povezavi',
          summary: 'Vabljeni na sproščeno vožnjo z vodičem po novi kolesarski povezavi med središčem mesta in Šiško.',
          body: `Novo kolesarsko povezavo bomo predstavili tako, kot jo je najbolje spoznati – s kolesa. Vožnja je primerna za vse generacije in poteka v počasnem tempu.

- zbirno mesto: Kongresni trg;
- dolžina: približno 6 km, z vrnitvijo v središče;
- s seboj: kolo v dobrem stanju, priporočamo čelado.

Udeležba je brezplačna in ne zahteva prijave. Ob slabem vremenu bomo vožnjo prestavili, obvestilo bo objavljeno na tej strani.`,
        },
      },
    }),
  },
  {
    town: 'SI/maribor',
    build: (w) => ({
      type: 'initiative',
      language: 'sl',
      publishedAt: w.ago(4, 5),
      areas: ['economy', 'social', 'environment'],
      tags: ['participatory budget'],
      deadline: w.date(18),
      texts: {
        sl: {
          title: 'Participativni proračun: glasujte za projekte v svoji mestni četrti',
          summary:
            'Občani so predlagali projekte za svoje četrti, strokovne službe so preverile, ali jih je mogoče izvesti. Zdaj je na vrsti glasovanje – projekti z največ glasovi bodo uvrščeni v proračun.',
          goal: 'Da o projektih v vsaki mestni četrti in krajevni skupnosti glasuje čim več prebivalcev, izbrani projekti pa se uvrstijo v proračun za prihodnje leto.',
          body: `Pri participativnem proračunu prebivalci sami odločajo, za kaj bo porabljen del občinskega proračuna v njihovem okolju. Predlogi so prišli od ljudi: od novih klopi in igral do razsvetljave poti in skupnih vrtov.

## Kdo lahko glasuje

Glasujejo lahko vsi prebivalci s stalnim prebivališčem v Mariboru, ki so dopolnili 15 let – vsak v svoji mestni četrti ali krajevni skupnosti.

## Kako

1. Preglejte seznam projektov za svojo četrt ali krajevno skupnost.
2. Glasujte prek spleta ali na glasovalnem mestu v prostorih četrti.
3. Izberete lahko več projektov, dokler njihova skupna vrednost ne preseže zneska, ki je na voljo za vaše območje.

Rezultate bomo objavili po koncu glasovanja.`,
        },
        en: {
          title: 'Participatory budget: vote for projects in your district',
          summary:
            "Residents proposed projects for their districts and the city's services checked that they can be carried out. Now it is time to vote: the projects with the most votes go into the budget.",
          goal: "As many residents as possible vote on the projects in every district and local community, and the chosen projects go into next year's budget.",
          body: `In the participatory budget, residents decide themselves how part of the municipal budget is spent where they live. The proposals came from people: from new benches and playground equipment to lighting along paths and community gardens.

## Who can vote

Everyone aged 15 or over with permanent residence in Maribor can vote, each in their own district or local community.

## How

1. Look through the list of projects for your district or local community.
2. Vote online or at the polling point in your district's premises.
3. You can choose several projects, as long as their total value stays within the amount available for your area.

The results will be published when voting closes.`,
        },
      },
    }),
  },
];

export const sloveniaItems: DemoItem[] = [...SLOVENSKA_BISTRICA, ...LJUBLJANA_AND_MARIBOR];
