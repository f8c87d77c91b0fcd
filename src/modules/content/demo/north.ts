import type { DemoItem } from './when.ts';

const HELSINKI_ZONE = 'Europe/Helsinki';
const BERLIN_ZONE = 'Europe/Berlin';

const FINLAND: DemoItem[] = [
  {
    town: 'FI/tampere',
    build: (w) => ({
      type: 'news',
      language: 'fi',
      publishedAt: w.ago(13, 2),
      areas: ['culture'],
      tags: ['library'],
      texts: {
        fi: {
          title: 'Tesoman kirjasto avataan uudistettuna',
          summary:
            'Remontin jälkeen kirjastossa on enemmän tilaa lapsille ja nuorille, hiljainen lukusali ja omatoimiaika, jolloin kirjastoon pääsee myös henkilökunnan työajan ulkopuolella.',
          body: `Tesoman kirjasto on ollut remontin ajan suljettuna, ja nyt se avataan taas asukkaille. Tilat suunniteltiin uudelleen yhdessä käyttäjien kanssa: alueen asukkaat vastasivat kyselyyn, ja lapset ja nuoret kertoivat toiveistaan työpajoissa.

## Mikä muuttui

- lasten ja nuorten osasto on kaksi kertaa aiempaa suurempi
- uusi hiljainen lukusali opiskelijoille ja etätyöntekijöille
- omatoimikirjasto on auki joka päivä kello 7–22, sisään pääsee kirjastokortilla ja PIN-koodilla
- ryhmätilan voi varata maksutta esimerkiksi kerhoille ja yhdistyksille

Avajaisia vietetään koko perheen tapahtumalla. Aukioloajat löytyvät osoitteesta [tampere.fi](https://www.tampere.fi).`,
        },
        en: {
          title: 'Tesoma library reopens after renovation',
          summary:
            'The renovated library has more room for children and young people, a quiet reading room and self-service hours when it is open even without staff.',
          body: `Tesoma library was closed during the renovation and now opens to residents again. The premises were redesigned together with their users: local residents answered a survey, and children and young people shared their wishes in workshops.

## What has changed

- the children's and youth section is twice as large as before
- a new quiet reading room for students and remote workers
- the self-service library is open every day from 7 am to 10 pm with a library card and PIN
- a group room that clubs and associations can book free of charge

The reopening is celebrated with an event for the whole family. Opening hours are at [tampere.fi](https://www.tampere.fi).`,
        },
      },
    }),
  },
  {
    town: 'FI/tampere',
    build: (w, here) => ({
      type: 'event',
      language: 'fi',
      publishedAt: w.ago(13, 1),
      areas: ['culture'],
      tags: ['library', 'families'],
      event: {
        startsAt: w.at(-5, '12:00', HELSINKI_ZONE, 'saturday'),
        endsAt: w.at(-5, '16:00', HELSINKI_ZONE, 'saturday'),
        timeZone: HELSINKI_ZONE,
        venueName: 'Tesoman kirjasto',
        venueAddress: 'Tesoma, Tampere',
        ...here,
        organiser: 'Tampereen kaupunginkirjasto',
      },
      texts: {
        fi: {
          title: 'Tesoman kirjaston avajaiset',
          summary: 'Koko perheen avajaispäivä uudistetussa kirjastossa: satutuokioita, musiikkia ja kirjastokierroksia.',
          body: `Tervetuloa tutustumaan uudistettuun Tesoman kirjastoon! Avajaispäivänä kirjastossa on ohjelmaa kaikenikäisille.

- satutuokiot lapsille kello 12.30 ja 14.00
- lähialueen koulujen oppilaiden musiikkiesityksiä
- opastettuja kierroksia, joilla neuvotaan myös omatoimikirjaston käytössä
- kirjastokortin voi tehdä paikan päällä henkilöllisyystodistusta vastaan

Tapahtuma on maksuton, eikä siihen tarvitse ilmoittautua.`,
        },
      },
    }),
  },
  {
    town: 'FI/oulu',
    build: (w) => ({
      type: 'practice',
      language: 'fi',
      publishedAt: w.ago(30, 4),
      areas: ['climate', 'environment'],
      tags: ['heat pumps', 'energy advice'],
      contact: 'Oulun kaupungin energianeuvonta – www.ouka.fi',
      texts: {
        fi: {
          title: 'Öljylämmityksestä lämpöpumppuun: neuvontaa ja yhteistilauksia pientaloille',
          summary:
            'Oulu auttaa öljylämmitteisten pientalojen asukkaita vaihtamaan maalämpöön tai ilma-vesilämpöpumppuun puolueettoman neuvonnan ja asukkaiden yhteistilausten avulla.',
          body: `Oulussa on edelleen paljon öljylämmitteisiä omakotitaloja. Kaupunki haluaa nopeuttaa niiden siirtymistä vähäpäästöiseen lämmitykseen, koska se on yksi tehokkaimmista keinoista vähentää asumisen päästöjä.

Asukasilloissa kuullaan myös naapureita, jotka ovat jo vaihtaneet lämmitystapaa. Kokemukset arjesta, kuten lämpöpumpun äänestä, sähkönkulutuksesta ja porakaivon teosta, vakuuttavat usein paremmin kuin mikään esite.`,
          problem:
            'Öljylämmitys on kallista ja aiheuttaa suuret päästöt, mutta moni pientalon omistaja lykkää vaihtoa. Tarjouksia on vaikea vertailla, eikä ole selvää, sopiiko omaan taloon paremmin maalämpö vai ilma-vesilämpöpumppu.',
          solution:
            'Kaupungin energianeuvoja kiertää asuinalueilla pitämässä asukasiltoja ja tekee maksuttomia kotikäyntejä. Saman alueen asukkaat voivat liittyä yhteistilaukseen, jossa urakoitsijat kilpailutetaan kerralla usean talon puolesta.',
          results:
            'Asukkaat saavat vertailukelpoisia tarjouksia ja tekevät päätöksensä aiempaa varmemmin. Yhteistilaukset ovat laskeneet hintoja, ja lämmitysmuotoa on vaihdettu eniten niillä alueilla, joilla asukasiltoja on pidetty.',
          cost: 'Energianeuvojan työaika ja asukasiltojen järjestäminen; laitteet ja asennukset asukkaat maksavat itse.',
          reuse:
            'Sopii kunnille, joissa on paljon öljylämmitteisiä pientaloja. Yhteistilauksen ehdot kannattaa laatia yhdessä kuluttajaneuvonnan kanssa.',
        },
        en: {
          title: 'From oil heating to heat pumps: advice and group purchases for homeowners',
          summary:
            'Oulu helps owners of oil-heated detached houses switch to ground-source or air-to-water heat pumps, through impartial advice and group purchases organised by residents.',
          body: `Oulu still has many detached houses heated with oil. The city wants them to move to low-emission heating sooner, because it is one of the most effective ways to cut emissions from housing.

At the residents' evenings, people also hear from neighbours who have already switched. Everyday experience – how loud the heat pump is, what happens to the electricity bill, what drilling the borehole was like – is often more convincing than any brochure.`,
          problem:
            'Oil heating is expensive and produces high emissions, yet many homeowners keep putting off the switch. Quotes are hard to compare, and it is not obvious whether a ground-source or an air-to-water heat pump suits a given house better.',
          solution:
            "The city's energy adviser tours residential areas holding residents' evenings and makes free home visits. Residents of the same area can join a group purchase in which contractors bid for several houses at once.",
          results:
            "Residents receive comparable quotes and decide with more confidence. Group purchases have brought prices down, and most switches have happened in the areas where residents' evenings were held.",
          cost: "The energy adviser's working time and the cost of the residents' evenings; residents pay for the equipment and installation themselves.",
          reuse:
            'Suits municipalities with many oil-heated detached houses. The terms of the group purchase are best drawn up together with consumer advisory services.',
        },
      },
    }),
  },
  {
    town: 'FI/helsinki',
    build: (w) => ({
      type: 'initiative',
      language: 'fi',
      publishedAt: w.ago(5, 3),
      areas: ['culture', 'social', 'sport'],
      tags: ['youth'],
      deadline: w.date(35),
      texts: {
        fi: {
          title: 'Millainen olisi hyvä nuorisotila? Kerro ideasi',
          summary:
            'Helsinki uudistaa nuorisotilojaan ja haluaa kuulla 12–17-vuotiailta, mitä tiloissa pitäisi voida tehdä ja milloin niiden pitäisi olla auki.',
          goal: 'Saada ideoita nuorilta kaikista suurpiireistä ja toteuttaa suosituimmat niistä nuorisotilojen uudistuksessa.',
          body: `Nuorisotilat ovat nuorten omia paikkoja, joten niiden pitäisi myös näyttää nuorilta. Siksi kaupunki kysyy ennen uudistusta suoraan nuorilta: mitä haluaisit tehdä nuorisotalolla, mitä sieltä nyt puuttuu ja mihin aikaan tila olisi sinulle hyödyllisin?

## Näin osallistut

1. Kirjoita ideasi – muutama rivi riittää.
2. Jätä se kaupungin verkkosivuilla tai lähimmän nuorisotalon ideapisteessä.
3. Nuorisoneuvosto ja nuorisopalvelujen työntekijät käyvät ideat läpi määräajan jälkeen, ja jokaiseen ideaan vastataan.

Ideoita voi jättää suomeksi, ruotsiksi tai englanniksi.`,
        },
        sv: {
          title: 'Hur ser en bra ungdomsgård ut? Berätta din idé',
          summary:
            'Helsingfors förnyar sina ungdomslokaler och vill höra av 12–17-åringar vad man ska kunna göra där och när lokalerna ska vara öppna.',
          goal: 'Att samla idéer från unga i alla stordistrikt och förverkliga de populäraste när ungdomslokalerna förnyas.',
          body: `Ungdomsgårdarna är de ungas egna platser, och därför ska de också se ut som de unga vill. Innan lokalerna förnyas frågar staden de unga direkt: vad vill du göra på ungdomsgården, vad saknas i dag och vilka tider skulle passa dig bäst?

## Så deltar du

1. Skriv din idé – det räcker med några rader.
2. Lämna den på stadens webbplats eller vid idépunkten på närmaste ungdomsgård.
3. Ungdomsfullmäktige och ungdomstjänsternas personal går igenom idéerna efter sista dagen, och varje idé får ett svar.

Du kan skriva på finska, svenska eller engelska.`,
        },
        en: {
          title: 'What makes a good youth centre? Share your idea',
          summary:
            'Helsinki is renewing its youth centres and wants to hear from 12 to 17-year-olds what they should be able to do there and when the centres should be open.',
          goal: 'Gather ideas from young people in every major district and carry out the most popular ones in the renewal of the youth centres.',
          body: `Youth centres belong to young people, so they should look the way young people want. Before the renewal, the city is asking them directly: what would you like to do at the youth centre, what is missing now, and what opening hours would suit you best?

## How to take part

1. Write down your idea – a few lines are enough.
2. Leave it on the city's website or at the idea point of your nearest youth centre.
3. After the deadline the youth council and youth services staff go through all the ideas, and every idea gets an answer.

You can write in Finnish, Swedish or English.`,
        },
      },
    }),
  },
];

const GERMANY: DemoItem[] = [
  {
    town: 'DE/freiburg',
    build: (w) => ({
      type: 'practice',
      language: 'de',
      publishedAt: w.ago(21, 2),
      areas: ['mobility', 'social'],
      tags: ['school routes', 'children'],
      contact: 'Stadt Freiburg im Breisgau – www.freiburg.de',
      texts: {
        de: {
          title: 'Elternhaltestellen: sicherer Schulweg statt Elterntaxi-Chaos',
          summary:
            'An Grundschulen hat Freiburg Hol- und Bringzonen in einigen hundert Metern Entfernung eingerichtet. Die Kinder gehen das letzte Stück zu Fuß – und vor den Schultoren wird es ruhiger.',
          body: `Die Elternhaltestellen sind Teil eines Programms für sichere Schulwege. Jede Grundschule bekommt einen Schulwegplan, der die sichersten Routen und Querungsstellen zeigt, und eine Elternhaltestelle dort, wo Autos gefahrlos halten können.

Viele Eltern fahren ihre Kinder aus Sorge um deren Sicherheit. Die Erfahrung zeigt: Wenn die Kinder die letzten Meter gemeinsam mit Freundinnen und Freunden zu Fuß gehen, wächst ihre Selbstständigkeit – und der Schulweg wird für alle sicherer.`,
          problem:
            'Morgens fuhren viele Eltern ihre Kinder bis direkt vor das Schultor. Wendemanöver, Halten in zweiter Reihe und zugeparkte Gehwege gefährdeten gerade die Kinder, die zu Fuß oder mit dem Rad kamen.',
          solution:
            'Gemeinsam mit Schulen, Elternbeiräten und Polizei wurden Elternhaltestellen in 250 bis 400 Metern Entfernung ausgewiesen und beschildert. Von dort führt ein markierter Weg zur Schule. Dazu kommen Schulwegpläne für jede Schule und Aktionswochen, in denen die Klassen Fußwege sammeln.',
          results:
            'Vor den beteiligten Schulen halten morgens deutlich weniger Autos. Mehr Kinder kommen zu Fuß, und Lehrkräfte berichten, dass die Kinder wacher und pünktlicher in den Unterricht starten.',
          cost: 'Beschilderung und Markierungen im niedrigen vierstelligen Bereich pro Schule, dazu Arbeitszeit in Verwaltung und Schulen.',
          reuse: 'Gut übertragbar auf jede Stadt mit Grundschulen; entscheidend ist, die Elternvertretungen von Anfang an einzubeziehen.',
        },
        en: {
          title: 'Drop-off points: safe walks to school instead of school-gate traffic jams',
          summary:
            'At primary schools, Freiburg has set up drop-off and pick-up zones a few hundred metres away. Children walk the last stretch, and the school gates have become calmer.',
          body: `The drop-off points are part of a programme for safe routes to school. Every primary school gets a map of the safest routes and crossings, and a drop-off point where cars can stop without danger.

Many parents drive their children out of concern for their safety. Experience shows that when children walk the last few hundred metres with their friends, they become more independent, and the way to school becomes safer for everyone.`,
          problem:
            'In the morning, many parents drove their children right up to the school gate. Cars turning, double-parking and blocking the pavement put at risk the very children who came on foot or by bike.',
          solution:
            'Together with schools, parent councils and the police, drop-off points were set up and signposted 250 to 400 metres away, with a marked path from there to the school. Each school also got a route map, and classes hold action weeks in which they collect the trips they make on foot.',
          results:
            'Far fewer cars stop outside the schools taking part in the morning. More children walk, and teachers report that they arrive more alert and on time.',
          cost: 'Signs and markings in the low thousands of euros per school, plus staff time at the city and in schools.',
          reuse: 'Easy to transfer to any town with primary schools; the key is to involve parent representatives from the very start.',
        },
      },
    }),
  },
  {
    town: 'DE/leipzig',
    build: (w) => ({
      type: 'news',
      language: 'de',
      publishedAt: w.ago(17, 5),
      areas: ['culture', 'digital'],
      tags: ['library'],
      texts: {
        de: {
          title: 'Stadtteilbibliotheken öffnen länger – auch ohne Personal',
          summary:
            'In drei Stadtteilbibliotheken können Leserinnen und Leser die Räume künftig auch außerhalb der Servicezeiten nutzen: früh morgens, abends und am Sonntag.',
          body: `Lernen nach der Arbeit, Zeitung lesen am Sonntagvormittag, Bücher abholen auf dem Weg zur Schicht: Drei Leipziger Stadtteilbibliotheken öffnen ihre Räume künftig deutlich länger. Außerhalb der Servicezeiten kommen angemeldete Nutzerinnen und Nutzer mit ihrem Bibliotheksausweis hinein.

## So funktioniert es

- einmalige Freischaltung des Ausweises mit kurzer Einweisung vor Ort
- Zugang täglich von 8 bis 22 Uhr, auch am Sonntag
- Ausleihe und Rückgabe an den Selbstverbuchungsautomaten
- Videoüberwachung im Eingangsbereich und eine Notrufsäule

Die Beratung durch das Bibliotheksteam gibt es weiterhin zu den bekannten Servicezeiten. Nach einem Jahr wird ausgewertet, ob weitere Standorte dazukommen.`,
        },
      },
    }),
  },
  {
    town: 'DE/stuttgart',
    build: (w) => ({
      type: 'event',
      language: 'de',
      publishedAt: w.ago(10, 3),
      areas: ['social', 'sport'],
      tags: ['children', 'families'],
      event: {
        startsAt: w.at(30, '15:00', BERLIN_ZONE, 'saturday'),
        endsAt: w.at(30, '18:00', BERLIN_ZONE, 'saturday'),
        timeZone: BERLIN_ZONE,
        venueName: 'Rathaus Stuttgart, Großer Sitzungssaal',
        venueAddress: 'Marktplatz 1, 70173 Stuttgart',
        latitude: 48.7755,
        longitude: 9.1791,
        organiser: 'Landeshauptstadt Stuttgart',
        capacity: 120,
      },
      texts: {
        de: {
          title: 'Kinder- und Familienforum: Wo spielen wir morgen?',
          summary:
            'Kinder, Jugendliche und Eltern bringen ihre Ideen für Spielplätze, Schulhöfe und Freiflächen ein – mit Mitmachstationen und einer Fragerunde mit der Stadtverwaltung.',
          body: `Wie kinderfreundlich eine Stadt ist, wissen die Kinder selbst am besten. Beim Kinder- und Familienforum können sie gemeinsam mit ihren Eltern zeigen, wo sie gern spielen, wo es gefährlich ist und was in ihrem Stadtteil fehlt.

## Programm

- Mitmachstationen mit großen Stadtplänen zum Markieren von Lieblingsorten und Gefahrenstellen
- Werkstatt für Jugendliche: Treffpunkte im öffentlichen Raum
- Fragerunde mit Fachleuten aus Stadtplanung und Jugendamt
- Kinderbetreuung für die Kleinsten

Die Ergebnisse fließen in die Planung neuer Spielflächen ein. Der Eintritt ist frei; um Anmeldung wird gebeten, damit genügend Material bereitliegt.`,
        },
        en: {
          title: 'Children and families forum: where will we play tomorrow?',
          summary:
            'Children, young people and parents share their ideas for playgrounds, schoolyards and open spaces, with hands-on stations and a question round with the city administration.',
          body: `Children know best how child-friendly their city is. At the children and families forum they can show, together with their parents, where they like to play, where it is dangerous and what their neighbourhood is missing.

## Programme

- hands-on stations with large city maps to mark favourite places and danger spots
- a workshop for teenagers on meeting places in public space
- a question round with experts from urban planning and the youth welfare office
- childcare for the youngest

The results feed into the planning of new play areas. Admission is free; please register so that there is enough material for everyone.`,
        },
      },
    }),
  },
];

const POLAND: DemoItem[] = [
  {
    town: 'PL/lodz',
    build: (w) => ({
      type: 'news',
      language: 'pl',
      publishedAt: w.ago(3, 4),
      areas: ['mobility', 'environment'],
      tags: ['woonerf', 'public space'],
      texts: {
        pl: {
          title: 'Kolejna ulica w Śródmieściu zamieniona w woonerf',
          summary:
            'Po przebudowie jezdnia i chodnik są na jednym poziomie, pojawiły się drzewa, ławki i stojaki rowerowe, a samochody mogą jechać najwyżej 20 km/h.',
          body: `Łódź konsekwentnie zamienia kolejne ulice Śródmieścia w woonerfy, czyli przestrzenie, w których pierwszeństwo mają piesi. Zakończyła się przebudowa następnego odcinka i ulica jest już otwarta dla mieszkańców.

## Co się zmieniło

- jezdnię i chodniki zrównano, a granice wyznaczają donice, ławki i drzewa;
- posadzono kilkadziesiąt drzew i urządzono rabaty z roślinami odpornymi na suszę;
- deszczówka trafia do ogrodów deszczowych zamiast do kanalizacji;
- przy wejściach do kamienic stanęły stojaki rowerowe.

Samochody nadal mogą wjechać na ulicę, ale obowiązuje strefa zamieszkania: pierwszeństwo mają piesi, a prędkość jest ograniczona do 20 km/h. Więcej o przebudowach w centrum na [uml.lodz.pl](https://uml.lodz.pl).`,
        },
        en: {
          title: 'Another street in the city centre becomes a woonerf',
          summary:
            'After the rebuild, road and pavement are on one level, there are new trees, benches and bicycle racks, and cars may drive at no more than 20 km/h.',
          body: `Łódź keeps turning streets in its city centre into woonerfs – shared spaces where pedestrians come first. Work on the latest section is finished and the street is open to residents again.

## What has changed

- road and pavements are level, with planters, benches and trees marking the edges;
- dozens of trees have been planted, along with beds of drought-resistant plants;
- rainwater goes into rain gardens instead of the sewers;
- bicycle racks stand by the entrances to the tenement houses.

Cars can still use the street, but it is a residential zone: pedestrians have priority and the speed limit is 20 km/h. More about the rebuilding of the centre at [uml.lodz.pl](https://uml.lodz.pl).`,
        },
      },
    }),
  },
  {
    town: 'PL/gdansk',
    build: (w) => ({
      type: 'practice',
      language: 'pl',
      publishedAt: w.ago(44, 2),
      areas: ['social', 'climate'],
      tags: ['citizens assembly', 'deliberation'],
      contact: 'Urząd Miejski w Gdańsku – www.gdansk.pl',
      texts: {
        pl: {
          title: 'Panel obywatelski: wylosowani mieszkańcy decydują',
          summary:
            'Gdańsk jako pierwsze miasto w Polsce oddał trudne decyzje w ręce losowo wybranych mieszkańców. Rekomendacje poparte przez co najmniej 80% panelistów są dla władz miasta wiążące.',
          body: `Panel obywatelski to forma demokracji deliberacyjnej: zamiast pytać wszystkich o zdanie, miasto zaprasza reprezentatywną grupę mieszkańców, daje im czas i wiedzę, a potem pozwala podjąć decyzję.

Kluczowe jest zaufanie. Proces prowadzi niezależny zespół, materiały i nagrania wystąpień ekspertów są publiczne, a panel sam decyduje, kogo chce jeszcze wysłuchać.`,
          problem:
            'Konsultacje społeczne przyciągały zwykle tych samych, najbardziej aktywnych mieszkańców i organizacje. W sprawach spornych, takich jak ochrona przed skutkami ulew czy jakość powietrza, trudno było wypracować rozwiązania, które większość uzna za sprawiedliwe.',
          solution:
            'Uczestników panelu losuje się tak, by odzwierciedlali mieszkańców pod względem wieku, płci, wykształcenia i dzielnicy. Przez kilka spotkań słuchają ekspertów i stron sporu, dyskutują w małych grupach, a na koniec głosują nad rekomendacjami. Te, które uzyskają co najmniej 80% poparcia, władze miasta zobowiązują się wdrożyć.',
          results:
            'Pierwszy panel, poświęcony przygotowaniu miasta na ulewne deszcze, przyjął rekomendacje, które trafiły do planów miasta. Kolejne panele dotyczyły między innymi jakości powietrza. Model przejęły potem inne polskie miasta.',
          cost: 'Moderacja, eksperci i organizacja spotkań; paneliści otrzymują niewielką rekompensatę za poświęcony czas.',
          reuse: 'Sprawdza się w ważnych i spornych sprawach, w których władze są gotowe z góry przyjąć wynik.',
        },
        en: {
          title: "Citizens' assembly: residents drawn by lot decide",
          summary:
            "Gdańsk was the first city in Poland to put difficult decisions in the hands of randomly selected residents. Recommendations backed by at least 80% of the panel are binding on the city's leadership.",
          body: `A citizens' assembly is a form of deliberative democracy: instead of asking everyone, the city invites a representative group of residents, gives them time and knowledge, and then lets them decide.

Trust is the key. An independent team runs the process, the materials and recordings of expert talks are public, and the panel itself decides whom else it wants to hear.`,
          problem:
            'Public consultations usually attracted the same small circle of the most active residents and organisations. On contested issues, such as protection from heavy rainfall or air quality, it was hard to find solutions most people would consider fair.',
          solution:
            'Panel members are drawn by lot so that they reflect the population by age, gender, education and district. Over several meetings they hear experts and stakeholders, discuss in small groups and finally vote on recommendations. Those that win at least 80% support, the city commits to carry out.',
          results:
            "The first panel, on preparing the city for heavy rainfall, adopted recommendations that went into the city's plans. Later panels dealt with air quality, among other topics. Other Polish cities have since adopted the model.",
          cost: 'Facilitation, experts and organising the meetings; panel members receive a small compensation for their time.',
          reuse: 'Works well for important, contested issues where the authorities are ready to accept the outcome in advance.',
        },
      },
    }),
  },
];

export const northItems: DemoItem[] = [...FINLAND, ...GERMANY, ...POLAND];
