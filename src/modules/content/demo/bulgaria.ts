import type { DemoItem } from './when.ts';

const SOFIA = 'Europe/Sofia';

const STARA_ZAGORA: DemoItem[] = [
  {
    town: 'BG/stara-zagora',
    build: (w) => ({
      type: 'news',
      language: 'bg',
      publishedAt: w.ago(11, 4),
      areas: ['europe', 'social'],
      tags: ['strasbourg club', 'cities for children', 'networks'],
      texts: {
        bg: {
          title: 'Стара Загора в европейските мрежи: Страсбургски клуб и „Градове за децата“',
          summary:
            'Общината членува в две европейски мрежи на градове – едната свързва големите градове от новите държави членки със Страсбург, а другата работи за по-добра градска среда за деца, младежи и родители.',
          body: `Международните връзки на Стара Загора не се изчерпват с побратимените градове. Общината участва и в две европейски мрежи, чрез които обменя опит с други градове и представя проблемите на своите жители пред европейските институции.

## Страсбургски клуб

Клубът е създаден през 2003 г. по инициатива на кмета на Страсбург – малко преди най-голямото разширяване на Европейския съюз. Той обединява 38 града от новите и бъдещите държави членки. Членовете му поддържат тесни връзки със Страсбург като парламентарна столица на Европа, обменят опит при създаването на общински политики, насърчават творческите обмени между градовете и настояват европейските институции да отчитат общите проблеми на големите градски райони.

## „Градове за децата“

Стара Загора е член на мрежата от учредяването ѝ през 2007 г. Тя е създадена по инициатива на кмета на Щутгарт с подкрепата на фондация „Роберт Бош“ и обединява над 50 града от 26 държави, които търсят начини градът да бъде по-добро място за децата, младежите и родителите. През 2009 г. Стара Загора беше модератор на работната група „Улично движение и безопасност“ и домакин на годишната среща на мрежата.

Повече за мрежите: [club-strasbourg.eu](https://www.club-strasbourg.eu) и [citiesforchildren.eu](https://www.citiesforchildren.eu).`,
        },
        en: {
          title: 'Stara Zagora in European networks: the Strasbourg Club and Cities for Children',
          summary:
            'The municipality belongs to two European networks of towns: one links the large cities of the newer member states with Strasbourg, the other works to make cities better for children, young people and parents.',
          body: `Stara Zagora's international ties go beyond its twin towns. The municipality also takes part in two European networks, where it exchanges experience with other cities and brings its residents' concerns to the attention of the European institutions.

## The Strasbourg Club

The club was founded in 2003 on the initiative of the Mayor of Strasbourg, on the eve of the largest enlargement of the European Union. It brings together 38 cities from the newer and future member states. Its members keep close ties with Strasbourg as the parliamentary capital of Europe, compare notes on municipal policy, encourage creative exchanges between their cities and ask the European institutions to take the shared problems of large urban areas into account.

## Cities for Children

Stara Zagora has been a member since the network was founded in 2007. Set up on the initiative of the Mayor of Stuttgart with the support of the Robert Bosch Stiftung, it connects more than 50 cities in 26 countries that work to make cities better places for children, young people and parents. In 2009 Stara Zagora moderated the network's working group on traffic and safety and hosted its annual meeting.

More about the networks: [club-strasbourg.eu](https://www.club-strasbourg.eu) and [citiesforchildren.eu](https://www.citiesforchildren.eu).`,
        },
      },
    }),
  },
  {
    town: 'BG/stara-zagora',
    build: (w) => ({
      type: 'news',
      language: 'bg',
      publishedAt: w.ago(25, 6),
      areas: ['europe', 'economy'],
      tags: ['european week of regions and cities', 'open days'],
      texts: {
        bg: {
          title: 'Стара Загора на Европейската седмица на регионите и градовете',
          summary:
            'Като член на Сдружението на градовете от Югоизточния регион общината редовно участва в Откритите дни в Брюксел – най-голямата ежегодна среща на регионите и градовете в Европа.',
          body: `Всяка година в Брюксел се провежда Европейската седмица на регионите и градовете, позната и като Открити дни (Open Days). Стотици общини и региони представят там свои проекти, обсъждат европейските политики за развитие и търсят партньори.

Стара Загора участва редовно в събитията от програмата. Общината е член на Сдружението на градовете от Югоизточния регион на България, което поддържа офис в Брюксел и представя региона и своите членове пред европейските институции.

## Защо е важно участието

- градът се представя пред потенциални партньори за европейски проекти;
- служителите на общината научават от първа ръка за новите програми и приоритети на ЕС;
- добрите практики от други региони стигат по-бързо до Стара Загора.

Програмата на седмицата се публикува на [europa.eu/regions-and-cities](https://europa.eu/regions-and-cities).`,
        },
        en: {
          title: 'Stara Zagora at the European Week of Regions and Cities',
          summary:
            "As a member of the Association of the Towns of the South-East Region, Stara Zagora regularly takes part in the Open Days in Brussels, Europe's largest yearly gathering of regions and cities.",
          body: `Every year Brussels hosts the European Week of Regions and Cities, also known as the Open Days. Hundreds of municipalities and regions present their projects there, discuss EU development policy and look for partners.

Stara Zagora takes part in the programme regularly. The municipality is a member of the Association of the Towns of the South-East Region of Bulgaria, which keeps an office in Brussels and represents the region and its members before the European institutions.

## Why it matters

- the city presents itself to potential partners for European projects;
- municipal staff learn first-hand about new EU programmes and priorities;
- good practices from other regions reach Stara Zagora sooner.

The programme of the week is published at [europa.eu/regions-and-cities](https://europa.eu/regions-and-cities).`,
        },
      },
    }),
  },
  {
    town: 'BG/stara-zagora',
    build: (w) => ({
      type: 'news',
      language: 'bg',
      publishedAt: w.ago(41, 2),
      areas: ['europe', 'culture'],
      tags: ['europe for citizens'],
      texts: {
        bg: {
          title: '„Европейските региони развиват европейско гражданство“: Стара Загора като партньор',
          summary:
            'Общината беше партньор в проект по програма „Европа за гражданите“, финансиран от Европейската комисия и посветен на активното европейско гражданство в регионите.',
          body: `Програмата „Европа за гражданите“ на Европейската комисия подкрепяше проекти, които доближават Европейския съюз до хората: срещи между граждани от различни държави, мрежи от градове, дискусии за бъдещето на Европа.

Стара Загора беше партньор в проекта „Европейските региони развиват европейско гражданство“. Проектите по тази програма събират граждани и служители от различни региони, за да сравнят как всеки от тях насърчава гражданското участие и да пренесат у дома работещите идеи.

Днес подобни инициативи се подкрепят от наследника на програмата – „Граждани, равенство, права и ценности“ (CERV). Организации от Стара Загора, които имат идеи за съвместни проекти с партньори от други европейски градове, могат да се обърнат към общинската администрация.`,
        },
      },
    }),
  },
  {
    town: 'BG/stara-zagora',
    build: (w, here) => ({
      type: 'event',
      language: 'bg',
      publishedAt: w.ago(4, 3),
      areas: ['europe', 'culture'],
      tags: ['twin towns', 'partnerships'],
      event: {
        startsAt: w.at(19, '17:30', SOFIA, 'workday'),
        endsAt: w.at(19, '19:00', SOFIA, 'workday'),
        timeZone: SOFIA,
        venueName: 'Община Стара Загора, заседателна зала',
        venueAddress: 'бул. „Цар Симеон Велики“ 107, 6000 Стара Загора',
        ...here,
        organiser: 'Община Стара Загора',
        capacity: 40,
      },
      texts: {
        bg: {
          title: 'Среща за побратимените градове и международните партньорства',
          summary:
            'Училища, читалища, спортни клубове и граждански организации от Стара Загора са поканени да научат как да работят с партньори от побратимените градове и от европейските мрежи.',
          body: `Побратимените градове на Стара Загора и мрежите, в които общината членува, дават възможности не само на администрацията. Училища, читалища, клубове и неправителствени организации също могат да намерят там партньори за обмени, съвместни събития и проекти.

## Програма

- кратко представяне на побратимените градове и на мрежите „Градове за децата“ и Страсбургски клуб;
- как се търси партньор и как се подготвя съвместен проект по европейските програми;
- въпроси и идеи от участниците.

Участието е безплатно. Местата са ограничени, затова ви молим да се регистрирате предварително.`,
        },
        en: {
          title: 'Meeting on twin towns and international partnerships',
          summary:
            'Schools, community centres, sports clubs and civic organisations from Stara Zagora are invited to learn how to work with partners from the twin towns and the European networks.',
          body: `Stara Zagora's twin towns and the networks the municipality belongs to are not only open to the administration. Schools, community centres, clubs and non-governmental organisations can find partners there too, for exchanges, joint events and projects.

## Programme

- a short introduction to the twin towns and to the Cities for Children network and the Strasbourg Club;
- how to find a partner and prepare a joint project under the European programmes;
- questions and ideas from participants.

Taking part is free. Places are limited, so please register in advance.`,
        },
      },
    }),
  },
  {
    town: 'BG/stara-zagora',
    build: (w) => ({
      type: 'practice',
      language: 'bg',
      publishedAt: w.ago(33, 1),
      areas: ['environment', 'social'],
      tags: ['signals', 'hotline'],
      contact: 'Община Стара Загора, горещ телефон за сигнали – www.starazagora.bg',
      texts: {
        bg: {
          title: 'Горещ телефон за сигнали от гражданите',
          summary:
            'Един номер, на който жителите на Стара Загора съобщават за проблеми в града – от изгоряла улична лампа до препълнени контейнери за отпадъци.',
          body: `Горещият телефон за сигнали е част от стремежа на общината да отговаря по-бързо на жителите си. Той не замества приемните часове и писмените сигнали, а ги допълва с най-лесния възможен начин за връзка.

Сигналите на гражданите са и ценен източник на информация: те показват къде градът има нужда от ремонт или поддръжка, преди проблемът да стане сериозен.`,
          problem:
            'Когато забележат проблем в града, хората често не знаят към коя служба да се обърнат. Сигналите се разпиляват между различни телефони и адреси, а подалите ги не разбират дали някой се занимава с тях.',
          solution:
            'Общината поддържа горещ телефон за сигнали. Всеки сигнал се записва и се насочва към отговорното звено, а подалият го може да провери какво е направено.',
          results:
            'Гражданите имат едно ясно място за връзка с общината, а администрацията вижда кои проблеми се повтарят и в кои квартали и може да планира работата си по-добре.',
          cost: 'Основно работното време на служителите, които приемат и насочват сигналите; не са нужни скъпи системи.',
          reuse:
            'Подходящо за всяка община. Номерът трябва да се популяризира постоянно – на сайта, в местните медии и на информационните табла.',
        },
        en: {
          title: "A citizens' hotline for reporting problems",
          summary:
            'One number that residents of Stara Zagora call to report problems in the city, from a broken street lamp to overflowing waste containers.',
          body: `The hotline for reporting problems is part of the municipality's effort to respond faster to its residents. It does not replace office hours or written reports; it adds the simplest possible way to get in touch.

Residents' reports are also a valuable source of information: they show where the city needs repairs or maintenance before a problem becomes serious.`,
          problem:
            'When people notice a problem in the city, they often do not know which service to turn to. Reports get scattered across different phone numbers and addresses, and the people who made them cannot tell whether anyone is dealing with them.',
          solution:
            'The municipality runs a hotline for reporting problems. Every report is recorded and passed to the unit responsible, and the person who made it can check what has been done.',
          results:
            'Residents have one clear point of contact with the municipality, and the administration sees which problems recur and in which neighbourhoods, so it can plan its work better.',
          cost: 'Mainly the working time of the staff who take and route the reports; no expensive systems are needed.',
          reuse: 'Suits any municipality. The number has to be promoted constantly: on the website, in local media and on notice boards.',
        },
      },
    }),
  },
];

const BOTEVGRAD_AREAS = ['taxes', 'environment', 'health', 'culture', 'economy', 'sport', 'social'] as const;

const BOTEVGRAD: DemoItem[] = [
  {
    town: 'BG/botevgrad',
    build: (w) => ({
      type: 'news',
      language: 'bg',
      publishedAt: w.ago(9, 5),
      areas: ['digital', 'social', 'economy'],
      tags: ['civic participation'],
      texts: {
        bg: {
          title: 'Ботевград има онлайн платформа за гражданско участие',
          summary:
            'Граждани, бизнес и общинска администрация вече могат на едно място да обсъждат проблеми, да предлагат идеи и да следят как се изпълняват местните политики.',
          body: `Община Ботевград разполага с онлайн платформа, в която жителите, местните фирми и администрацията работят заедно за развитието на града. Целта е решенията да се обсъждат открито, а добрите идеи да не остават неизказани.

## Какво може да се прави в платформата

- да се предлагат идеи и да се обсъждат проблеми в различни сфери – от данъците и таксите до спорта и туризма;
- да се дават препоръки за по-добри общински услуги;
- да се следи как се изпълняват приетите политики;
- да се организират срещи и събития между хора с общи идеи;
- да се споделят примери за гражданско участие от други държави.

Информацията за плановете и инициативите на общината е представена разбираемо и е достъпна по всяко време, без да се налага посещение в общината. Така всеки може да участва в изграждането на обща визия за бъдещето на Ботевград.`,
        },
        en: {
          title: 'Botevgrad launches an online platform for civic participation',
          summary:
            'Residents, businesses and the municipal administration can now discuss problems, propose ideas and follow how local policies are carried out, all in one place.',
          body: `The Municipality of Botevgrad has an online platform where residents, local businesses and the administration work together on the town's development. The aim is to discuss decisions in the open and to make sure good ideas get heard.

## What the platform is for

- proposing ideas and discussing problems in policy areas from taxes and fees to sport and tourism;
- recommending how municipal services could work better;
- following how adopted policies are carried out;
- organising meetings and events for people who share an idea;
- sharing examples of civic participation from other countries.

Information on the municipality's plans and initiatives is presented clearly and is available at any time, without a trip to the town hall. That way everyone can help shape a shared vision for Botevgrad's future.`,
        },
      },
    }),
  },
  {
    town: 'BG/botevgrad',
    build: (w) => ({
      type: 'initiative',
      language: 'bg',
      publishedAt: w.ago(7, 2),
      areas: [...BOTEVGRAD_AREAS],
      tags: ['ideas', 'civic participation'],
      deadline: w.date(42),
      texts: {
        bg: {
          title: 'Какво бихте променили в Ботевград? Предложете идея',
          summary:
            'Общината събира идеи от граждани, фирми и организации в седем сфери на местната политика. Най-подкрепените предложения ще бъдат обсъдени публично с администрацията.',
          goal: 'Да бъдат събрани и обсъдени идеи във всяка от седемте сфери, а най-подкрепените да бъдат включени в плановете на общината.',
          body: `Всеки, който живее или работи в Ботевград, може да предложи как да стане по-добре в града. Идеите се подават през платформата за гражданско участие и се разпределят по сфери:

- данъци и такси;
- градска среда и екология;
- здравеопазване;
- култура и образование;
- местна икономика;
- спорт и туризъм;
- социални въпроси.

## Как протича

1. Опишете проблема и предложението си – кратко и конкретно.
2. Другите участници могат да подкрепят идеята и да я коментират.
3. След крайния срок общината организира публични обсъждания на най-подкрепените идеи и публикува отговор по всяка от тях.

Добре дошли са и идеи, вдъхновени от опита на други градове в България и Европа.`,
        },
        en: {
          title: 'What would you change in Botevgrad? Propose an idea',
          summary:
            'The municipality is collecting ideas from residents, businesses and organisations in seven areas of local policy. The proposals with the most support will be discussed in public with the administration.',
          goal: "Collect and discuss ideas in each of the seven areas, and bring the best-supported ones into the municipality's plans.",
          body: `Anyone who lives or works in Botevgrad can suggest how to make the town better. Ideas are submitted through the civic participation platform and sorted by area:

- taxes and fees;
- urban environment and ecology;
- health;
- culture and education;
- local economy;
- sport and tourism;
- social affairs.

## How it works

1. Describe the problem and your proposal, briefly and concretely.
2. Other participants can support the idea and comment on it.
3. After the deadline the municipality holds public discussions of the best-supported ideas and publishes a reply to each of them.

Ideas inspired by other towns in Bulgaria and elsewhere in Europe are welcome too.`,
        },
      },
    }),
  },
  {
    town: 'BG/botevgrad',
    build: (w, here) => ({
      type: 'event',
      language: 'bg',
      publishedAt: w.ago(2, 6),
      areas: ['environment'],
      tags: ['public discussion', 'urban environment'],
      event: {
        startsAt: w.at(10, '18:00', SOFIA, 'workday'),
        endsAt: w.at(10, '20:00', SOFIA, 'workday'),
        timeZone: SOFIA,
        venueName: 'Община Ботевград, голямата зала',
        venueAddress: 'пл. „Освобождение“ 13, 2140 Ботевград',
        ...here,
        organiser: 'Община Ботевград',
        capacity: 0,
      },
      texts: {
        bg: {
          title: 'Публично обсъждане: градска среда и екология',
          summary:
            'Първата среща на живо по идеите от платформата за гражданско участие е посветена на парковете, чистотата и зелените площи в Ботевград.',
          body: `Платформата за гражданско участие събира идеи онлайн, но някои теми е по-добре да се обсъдят лице в лице. Първата публична среща е посветена на градската среда и екологията.

## Теми на срещата

- поддръжка на парковете и междублоковите пространства;
- разделно събиране на отпадъците;
- нови дървета и зелени площи.

Представители на общинската администрация ще отговарят на въпроси и ще разкажат кои предложения могат да влязат в плановете за следващата година. Входът е свободен; регистрацията ни помага да подготвим залата.`,
        },
      },
    }),
  },
];

export const bulgariaItems: DemoItem[] = [...STARA_ZAGORA, ...BOTEVGRAD];
