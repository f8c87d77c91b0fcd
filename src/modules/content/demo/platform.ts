import type { DemoItem } from './when.ts';

export const platformItems: DemoItem[] = [
  {
    build: (w) => ({
      type: 'news',
      language: 'en',
      publishedAt: w.ago(1, 3),
      areas: ['europe', 'digital'],
      tags: ['portal'],
      texts: {
        en: {
          title: "A shared home for Europe's municipalities",
          summary:
            'News, events, initiatives and good practices from towns across the European Union, in their own languages, on one portal that any municipality can join free of charge.',
          body: `Municipium brings together what local authorities across the European Union publish for their residents: news, upcoming events, open initiatives and good practices that other towns can reuse.

## What you will find here

- **News and events** from municipalities, in their original language and often translated
- **Initiatives** that invite residents, businesses and organisations to take part before a deadline
- **Good practices**: what a town tried, what it cost and what came of it
- **Every municipality of the EU**, listed from open data even before it joins

## For municipalities

Joining costs nothing and brings no financial obligations. A municipality claims its profile, gets verified, and can then publish for its residents and for its peers in other countries.

The portal also follows the European programmes that matter to local authorities, so that anyone can see how EU policies take shape in their own town.`,
        },
        fr: {
          title: "Un espace commun pour les communes d'Europe",
          summary:
            "Actualités, événements, initiatives et bonnes pratiques des villes de l'Union européenne, dans leurs propres langues, sur un portail que toute commune peut rejoindre gratuitement.",
          body: `Municipium rassemble ce que les collectivités locales de l'Union européenne publient pour leurs habitants : actualités, événements à venir, initiatives ouvertes et bonnes pratiques que d'autres villes peuvent reprendre.

## Ce que vous trouverez ici

- **Actualités et événements** des communes, dans leur langue d'origine et souvent traduits
- **Initiatives** qui invitent habitants, entreprises et associations à participer avant une date limite
- **Bonnes pratiques** : ce qu'une ville a essayé, ce que cela a coûté et ce qui en est ressorti
- **Toutes les communes de l'UE**, répertoriées à partir de données ouvertes avant même leur adhésion

## Pour les communes

L'adhésion est gratuite et n'entraîne aucune obligation financière. Une commune revendique son profil, le fait vérifier, puis publie pour ses habitants et pour ses homologues d'autres pays.

Le portail suit aussi les programmes européens qui concernent les collectivités locales, afin que chacun puisse voir comment les politiques de l'UE prennent forme dans sa ville.`,
        },
        de: {
          title: 'Ein gemeinsames Zuhause für Europas Kommunen',
          summary:
            'Nachrichten, Veranstaltungen, Initiativen und gute Praxis aus Städten und Gemeinden der Europäischen Union – in ihren eigenen Sprachen, auf einem Portal, dem jede Kommune kostenlos beitreten kann.',
          body: `Municipium bündelt, was Kommunen in der Europäischen Union für ihre Einwohnerinnen und Einwohner veröffentlichen: Nachrichten, anstehende Veranstaltungen, offene Initiativen und gute Praxis, die andere Städte übernehmen können.

## Was Sie hier finden

- **Nachrichten und Veranstaltungen** der Kommunen, in der Originalsprache und oft übersetzt
- **Initiativen**, bei denen Bürgerinnen und Bürger, Unternehmen und Vereine bis zu einer Frist mitmachen können
- **Gute Praxis**: was eine Stadt ausprobiert hat, was es gekostet hat und was dabei herausgekommen ist
- **Alle Kommunen der EU**, aus offenen Daten verzeichnet, schon bevor sie beitreten

## Für Kommunen

Der Beitritt ist kostenlos und mit keinerlei finanziellen Verpflichtungen verbunden. Eine Kommune übernimmt ihr Profil, lässt sich verifizieren und kann dann für ihre Bevölkerung und für Partner in anderen Ländern veröffentlichen.

Das Portal begleitet auch die europäischen Programme, die für Kommunen wichtig sind – damit sichtbar wird, wie EU-Politik vor Ort ankommt.`,
        },
      },
    }),
  },
  {
    build: (w) => ({
      type: 'news',
      language: 'en',
      publishedAt: w.ago(6, 5),
      areas: ['europe'],
      tags: ['mayor of the year', 'awards'],
      texts: {
        en: {
          title: 'Mayor of the Year: from a Bulgarian tradition to a European award',
          summary:
            'The Mayor of the Year ceremony, held in Bulgaria for seven years in a row by the team behind Kmeta.bg, is the model for a European award that recognises what mayors achieve for their communities.',
          body: `For seven years in a row, the team behind Kmeta.bg, the portal of Bulgarian municipalities, has held a ceremony to name the Mayor of the Year. The award has become a moment when local achievements get national attention and towns learn from each other's projects.

The idea now travels further. The concept foresees a European ceremony, **Mayor of the European Union**, to be held with the help of the European Commission, the European Committee of the Regions and the European Parliament.

## How the award works

1. Municipalities are nominated in categories, together with the projects that earned the nomination.
2. Residents across Europe read about the nominees and vote online.
3. A jury weighs the public vote together with what each project has achieved.
4. The winners are announced at the ceremony and presented on this portal.

Categories and dates of the next edition will be announced here. Until then, the good practices that municipalities publish on the portal are the best place to see what a strong nomination looks like.`,
        },
        bg: {
          title: 'Кмет на годината: от българска традиция към европейска награда',
          summary:
            'Церемонията „Кмет на годината“, която екипът на Kmeta.bg провежда в България седем поредни години, е образец за европейска награда за постиженията на кметовете в полза на техните общности.',
          body: `Вече седем поредни години екипът на Kmeta.bg – порталът на българските общини – организира церемония, на която се обявява Кмет на годината. Наградата се превърна в повод местните постижения да получат национално внимание, а общините да се учат една от друга.

Идеята вече прекрачва границите. Концепцията предвижда европейска церемония – **Кмет на Европейския съюз**, която да бъде проведена с помощта на Европейската комисия, Европейския комитет на регионите и Европейския парламент.

## Как работи наградата

1. Общините се номинират в отделни категории заедно с проектите, заради които са предложени.
2. Жители от цяла Европа се запознават с номинираните и гласуват онлайн.
3. Жури оценява резултатите от гласуването заедно с постигнатото от всеки проект.
4. Победителите се обявяват на церемонията и се представят на този портал.

Категориите и датите на следващото издание ще бъдат обявени тук. Дотогава добрите практики, които общините публикуват в портала, са най-доброто място да се види как изглежда силна номинация.`,
        },
        sl: {
          title: 'Župan leta: od bolgarske tradicije do evropske nagrade',
          summary:
            'Slovesnost »Župan leta«, ki jo ekipa portala Kmeta.bg v Bolgariji pripravlja že sedem let zapored, je zgled za evropsko nagrado za dosežke županov v korist njihovih skupnosti.',
          body: `Ekipa, ki stoji za portalom bolgarskih občin Kmeta.bg, že sedem let zapored prireja slovesnost, na kateri razglasi župana leta. Nagrada je postala priložnost, da lokalni dosežki dobijo pozornost vse države in da se občine učijo druga od druge.

Zamisel zdaj sega dlje. Koncept predvideva evropsko slovesnost **Župan Evropske unije**, ki naj bi jo pripravili s pomočjo Evropske komisije, Evropskega odbora regij in Evropskega parlamenta.

## Kako poteka podelitev

1. Občine so nominirane v posameznih kategorijah, skupaj s projekti, zaradi katerih so bile predlagane.
2. Prebivalci vse Evrope spoznajo nominirance in glasujejo prek spleta.
3. Žirija poleg izida glasovanja presodi tudi, kaj je dosegel posamezni projekt.
4. Zmagovalce razglasijo na slovesnosti in jih predstavijo na tem portalu.

Kategorije in datumi naslednje izvedbe bodo objavljeni tukaj. Do takrat so dobre prakse, ki jih občine objavljajo na portalu, najboljši pokazatelj, kakšna je močna nominacija.`,
        },
      },
    }),
  },
  {
    build: (w) => ({
      type: 'initiative',
      language: 'en',
      publishedAt: w.ago(9, 2),
      areas: ['climate', 'europe'],
      tags: ['covenant of mayors', 'networks'],
      deadline: w.date(55),
      texts: {
        en: {
          title: 'Networks of local authorities: become Covenant of Mayors supporters',
          summary:
            'Associations and networks of municipalities can join the Covenant of Mayors for Climate & Energy as supporters. Tell us before the deadline and we will help your network through the application.',
          goal: 'At least ten networks on the portal apply to become Covenant of Mayors supporters, so that their member towns get guidance on their climate and energy commitments.',
          body: `The Covenant of Mayors for Climate & Energy relies on networks and associations of local authorities to reach towns that have not signed yet and to help those that have. A network that knows its members and their national context can become a **Covenant supporter**.

## What supporters commit to

- promote the Covenant among their members and bring current and future signatories on board;
- support and advise signatories, and share knowledge, tools and good practices with them;
- work with other supporters and with national or regional coordinators;
- take part in Covenant activities;
- report on what they have done **at least every two years**.

The Covenant of Mayors Office can suspend a supporter that stays inactive or does not keep its commitment.

## How to apply

1. Send the application through the online form.
2. Once your eligibility has been checked, the Office sends you a commitment to complete and sign.
3. When the signed commitment has arrived, your organisation gets its own profile in the Covenant community.

In return, supporters gain visibility on the Covenant's website, a place in its working groups and workshops, and a direct line to peers across Europe.

Networks that register their interest here before the deadline get help from the portal team in preparing the application. Questions about the supporter status go to the Covenant's helpdesk at supporters@eumayors.eu; more at [eumayors.eu](https://www.eumayors.eu).`,
        },
        fi: {
          title: 'Paikallisviranomaisten verkostot: ryhtykää kaupunginjohtajien yleiskokouksen tukijoiksi',
          summary:
            'Kuntien ja alueiden verkostot ja yhdistykset voivat liittyä kaupunginjohtajien ilmasto- ja energiayleiskokoukseen tukijoina. Ilmoittautukaa ennen määräaikaa, niin autamme verkostoanne hakemuksen kanssa.',
          goal: 'Vähintään kymmenen portaalin verkostoa hakee yleiskokouksen tukijaksi, jotta niiden jäsenkunnat saavat opastusta ilmasto- ja energiasitoumuksiinsa.',
          body: `Kaupunginjohtajien ilmasto- ja energiayleiskokous tarvitsee paikallisviranomaisten verkostoja ja yhdistyksiä tavoittaakseen kunnat, jotka eivät vielä ole mukana, ja tukeakseen jo allekirjoittaneita. Verkosto, joka tuntee jäsenensä ja kansalliset olosuhteet, voi ryhtyä **yleiskokouksen tukijaksi**.

## Mihin tukija sitoutuu

- edistää yleiskokousta jäsentensä keskuudessa ja houkuttelee mukaan nykyisiä ja uusia allekirjoittajia
- tukee ja neuvoo allekirjoittajia sekä jakaa heille tietoa, työkaluja ja hyviä käytäntöjä
- tekee yhteistyötä muiden tukijoiden sekä kansallisten ja alueellisten koordinaattoreiden kanssa
- osallistuu yleiskokouksen toimintaan
- raportoi toimistaan **vähintään kahden vuoden välein**

Yleiskokouksen toimisto voi keskeyttää tukijan jäsenyyden, jos toimintaa ei ole tai sitoumusta ei noudateta.

## Näin haette

1. Lähettäkää hakemus verkkolomakkeella.
2. Kun kelpoisuus on tarkistettu, toimisto lähettää teille sitoumuksen täytettäväksi ja allekirjoitettavaksi.
3. Kun allekirjoitettu sitoumus on perillä, organisaatiollenne luodaan oma profiili yleiskokouksen yhteisöön.

Vastineeksi tukijat saavat näkyvyyttä yleiskokouksen verkkosivustolla, paikan sen työryhmissä ja työpajoissa sekä suoran yhteyden kollegoihin eri puolilla Eurooppaa.

Verkostot, jotka ilmoittavat kiinnostuksestaan täällä ennen määräaikaa, saavat portaalin tiimiltä apua hakemuksen laatimiseen. Tukija-asemaa koskevat kysymykset voi lähettää yleiskokouksen tukipalveluun osoitteeseen supporters@eumayors.eu. Lisätietoa on sivustolla [eumayors.eu](https://www.eumayors.eu).`,
        },
      },
    }),
  },
  {
    build: (w) => ({
      type: 'event',
      language: 'en',
      publishedAt: w.ago(3, 1),
      areas: ['climate', 'europe'],
      tags: ['covenant of mayors', 'networks', 'online'],
      event: {
        startsAt: w.at(16, '11:00', 'Europe/Brussels', 'workday'),
        endsAt: w.at(16, '12:30', 'Europe/Brussels', 'workday'),
        timeZone: 'Europe/Brussels',
        onlineUrl: 'https://meet.jit.si/municipium-covenant-supporters',
        organiser: 'Municipium',
        capacity: 100,
      },
      texts: {
        en: {
          title: 'Online info session: becoming a Covenant of Mayors supporter',
          summary:
            'A 90-minute online session for networks and associations of municipalities that are thinking about supporting the Covenant of Mayors.',
          body: `Is your association of municipalities considering the supporter status of the Covenant of Mayors for Climate & Energy? This online session walks through what it involves, step by step.

## Programme

- What supporters do for signatories, and what they gain
- The application: online form, eligibility check, signed commitment, profile
- Reporting every two years: what to collect from the start
- Questions from participants

The session is held in English, and questions in other languages are welcome in the chat. Taking part is free; the link to join is on this page.`,
        },
        fi: {
          title: 'Verkkoinfo: näin verkostosta tulee kaupunginjohtajien yleiskokouksen tukija',
          summary:
            'Puolentoista tunnin verkkotilaisuus kuntien verkostoille ja yhdistyksille, jotka harkitsevat kaupunginjohtajien yleiskokouksen tukijaksi ryhtymistä.',
          body: `Harkitseeko kuntien yhdistyksenne kaupunginjohtajien ilmasto- ja energiayleiskokouksen tukijaksi ryhtymistä? Tässä verkkotilaisuudessa käydään vaihe vaiheelta läpi, mitä se tarkoittaa.

## Ohjelma

- Mitä tukijat tekevät allekirjoittajien hyväksi ja mitä he itse saavat
- Hakeminen: verkkolomake, kelpoisuuden tarkistus, allekirjoitettu sitoumus ja profiili
- Raportointi kahden vuoden välein: mitä tietoja kannattaa kerätä alusta asti
- Osallistujien kysymykset

Tilaisuus pidetään englanniksi, ja chatissa voi esittää kysymyksiä myös muilla kielillä. Osallistuminen on maksutonta, ja liittymislinkki on tällä sivulla.`,
        },
      },
    }),
  },
];
