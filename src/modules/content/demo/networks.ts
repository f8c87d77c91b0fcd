import type { DemoItem } from './when.ts';

const PARIS = 'Europe/Paris';

/** What the networks of the demo publish in their own name; the networks' seed asks for them once it has made each network. */
export const networkItems: DemoItem[] = [
  {
    network: 'strasbourg-club',
    build: (w) => ({
      type: 'news',
      language: 'en',
      publishedAt: w.ago(3, 5),
      areas: ['europe', 'social'],
      tags: ['strasbourg club', 'civic participation'],
      texts: {
        en: {
          title: 'Mayors of the Strasbourg Club compare how residents take part in decisions',
          summary:
            'At an online round table, members from Stara Zagora, Strasbourg and Gdańsk showed how residents of their towns propose projects, vote on part of the budget and follow what the council decides.',
          body: `Every member town of the club asks its residents for their views, but each does it in its own way. The round table put three of them side by side.

## What the towns showed

- **Stara Zagora**: residents send ideas and report problems to the town hall online, and see the answer and what was done
- **Strasbourg**: a participatory budget in which residents propose projects and vote for those the town then carries out
- **Gdańsk**: a citizens' panel of residents drawn by lot, whose recommendations the council has undertaken to answer

## What comes next

The members agreed to write down what worked and what did not, so that other towns of the club can reuse it. The notes will be shared before the club's next meeting in Strasbourg.`,
        },
        bg: {
          title: 'Кметовете от Страсбургския клуб сравниха как жителите участват в решенията',
          summary:
            'На онлайн кръгла маса членове от Стара Загора, Страсбург и Гданск показаха как жителите на техните градове предлагат проекти, гласуват за част от бюджета и следят решенията на общинския съвет.',
          body: `Всеки град член на клуба пита жителите си за мнението им, но всеки го прави по свой начин. Кръглата маса постави три от тях един до друг.

## Какво показаха градовете

- **Стара Загора**: жителите изпращат идеи и сигнали до общината онлайн и виждат отговора и какво е направено
- **Страсбург**: граждански бюджет, в който жителите предлагат проекти и гласуват за тези, които градът после изпълнява
- **Гданск**: граждански панел от жители, избрани чрез жребий, на чиито препоръки съветът се е задължил да отговори

## Какво следва

Членовете се договориха да опишат какво е проработило и какво не, за да могат и другите градове от клуба да се възползват. Бележките ще бъдат споделени преди следващата среща на клуба в Страсбург.`,
        },
        fr: {
          title: 'Les maires du Club de Strasbourg comparent la participation des habitants',
          summary:
            'Lors d’une table ronde en ligne, des membres de Stara Zagora, Strasbourg et Gdańsk ont montré comment les habitants de leurs villes proposent des projets, votent sur une part du budget et suivent les décisions du conseil.',
          body: `Chaque ville membre du club consulte ses habitants, mais chacune à sa manière. La table ronde en a réuni trois.

## Ce que les villes ont présenté

- **Stara Zagora** : les habitants envoient leurs idées et signalent les problèmes à la mairie en ligne, puis voient la réponse et ce qui a été fait
- **Strasbourg** : un budget participatif où les habitants proposent des projets et votent pour ceux que la ville réalise ensuite
- **Gdańsk** : un panel citoyen d’habitants tirés au sort, auquel le conseil s’est engagé à répondre

## Et ensuite

Les membres ont convenu de noter ce qui a marché et ce qui n’a pas marché, pour que les autres villes du club puissent s’en servir. Ces notes seront partagées avant la prochaine réunion du club à Strasbourg.`,
        },
      },
    }),
  },
  {
    network: 'strasbourg-club',
    build: (w) => ({
      type: 'news',
      language: 'en',
      publishedAt: w.ago(16, 2),
      areas: ['europe', 'culture'],
      tags: ['strasbourg club', 'exchanges'],
      texts: {
        en: {
          title: 'Town hall staff of the Strasbourg Club spend a week in each other’s towns',
          summary:
            'The club’s exchange programme lets staff of one member town work for a week beside their counterparts in another. This year’s places are open to every member town.',
          body: `A week in another town hall teaches more than a conference. Staff of member towns spend five working days with the service that does their own job elsewhere: planning, social services, culture, European projects.

## How it works

- the town that sends someone pays the journey; the town that receives them finds a room
- each visit ends with a short note, shared with every member of the club
- towns apply together, as pairs, through the club's coordinators

Member towns that want to take part can write to the club's coordinators, who put the pairs together.`,
        },
        bg: {
          title: 'Служители от градовете на Страсбургския клуб прекарват седмица един при друг',
          summary:
            'Програмата за обмен на клуба дава възможност на служители от един град член да работят една седмица заедно с колегите си в друг. Тазгодишните места са отворени за всички градове членове.',
          body: `Една седмица в друга община учи повече от конференция. Служители от градовете членове прекарват пет работни дни в звеното, което върши същата работа другаде: устройство на територията, социални услуги, култура, европейски проекти.

## Как работи

- градът, който изпраща служител, плаща пътуването; градът домакин осигурява настаняването
- всяко посещение завършва с кратка бележка, споделена с всички членове на клуба
- градовете кандидатстват заедно, по двойки, чрез координаторите на клуба

Градовете членове, които искат да участват, могат да пишат на координаторите на клуба, които съставят двойките.`,
        },
      },
    }),
  },
  {
    network: 'strasbourg-club',
    build: (w) => ({
      type: 'event',
      language: 'en',
      publishedAt: w.ago(8, 1),
      areas: ['europe'],
      tags: ['strasbourg club', 'annual meeting'],
      event: {
        startsAt: w.at(33, '09:30', PARIS, 'workday'),
        endsAt: w.at(33, '17:00', PARIS, 'workday'),
        timeZone: PARIS,
        venueName: 'Palais de la Musique et des Congrès',
        venueAddress: 'Place de Bordeaux, 67000 Strasbourg',
        latitude: 48.5936,
        longitude: 7.7553,
        organiser: 'Strasbourg Club',
      },
      texts: {
        en: {
          title: 'The Strasbourg Club’s members meet in Strasbourg',
          summary:
            'Mayors and staff of the member towns meet for a day: what the towns learnt from each other this year, the exchange programme, and what the club asks of the European institutions.',
          body: `The yearly meeting of the club's members, open to the mayors and staff of every member town.

## Programme

- **09:30** welcome by the host town
- **10:00** residents in decisions: what the member towns learnt from each other
- **13:30** the staff exchange programme: this year's pairs tell what they took home
- **15:30** what the club asks of the European institutions this year
- **17:00** close

The meeting is held in English and French, with interpretation into Bulgarian and Polish.`,
        },
        fr: {
          title: 'Les membres du Club de Strasbourg se réunissent à Strasbourg',
          summary:
            'Maires et agents des villes membres se retrouvent pour une journée : ce que les villes ont appris les unes des autres cette année, le programme d’échanges et ce que le club demande aux institutions européennes.',
          body: `La réunion annuelle des membres du club, ouverte aux maires et aux agents de toutes les villes membres.

## Programme

- **9 h 30** accueil par la ville hôte
- **10 h** les habitants dans les décisions : ce que les villes membres ont appris les unes des autres
- **13 h 30** le programme d’échanges des agents : les binômes de l’année racontent ce qu’ils en ont rapporté
- **15 h 30** ce que le club demande cette année aux institutions européennes
- **17 h** clôture

La réunion se tient en anglais et en français, avec interprétation en bulgare et en polonais.`,
        },
        bg: {
          title: 'Членовете на Страсбургския клуб се срещат в Страсбург',
          summary:
            'Кметове и служители от градовете членове се събират за един ден: какво са научили градовете един от друг тази година, програмата за обмен и какво клубът иска от европейските институции.',
          body: `Годишната среща на членовете на клуба, открита за кметовете и служителите на всички градове членове.

## Програма

- **09:30** откриване от града домакин
- **10:00** жителите в решенията: какво научиха градовете членове един от друг
- **13:30** програмата за обмен на служители: тазгодишните двойки разказват какво са донесли у дома
- **15:30** какво клубът иска тази година от европейските институции
- **17:00** закриване

Срещата се провежда на английски и френски език, с превод на български и полски.`,
        },
      },
    }),
  },
];
