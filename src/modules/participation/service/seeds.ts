import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { demoAccounts } from '../../accounts/index.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { PhaseAction, PhaseKind, ProcessKind, Proposal } from '../schema.ts';
import { type AnswerData, saveAnswer } from './answers.ts';
import { indexProposal } from './fulltext.ts';
import { proposalRow } from './proposals.ts';
import { resultRow } from './results.ts';

interface DemoProcess {
  town: [string, string];
  slug: string;
  kind: ProcessKind;
  areas: string[];
  threshold: number | null;
  stances: boolean;
  texts: { language: string; title: string; summary: string; description: string }[];
  /** Each phase: its kind, days from today to its start and to its end, and what it allows. */
  phases: [PhaseKind, number, number, PhaseAction[]][];
  sections?: { title: string; body: string }[];
}

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Botevgrad's platform in its seven policy areas; Stara Zagora's shared vision. */
const DEMO_PROCESSES: DemoProcess[] = [
  {
    town: ['BG', 'botevgrad'],
    slug: 'botevgrad-ideas',
    kind: 'participatory',
    areas: ['taxes', 'environment', 'health', 'culture', 'economy', 'sport', 'social'],
    threshold: 100,
    stances: true,
    texts: [
      {
        language: 'bg',
        title: 'Идеи за Ботевград',
        summary: 'Граждани, бизнес и администрация предлагат и обсъждат идеи за общината.',
        description:
          'Активните граждани, бизнесът и администрацията предлагат идеи, обсъждат проблеми и предложения в седем области на политиката и следят какво прави общината с тях.',
      },
      {
        language: 'en',
        title: 'Ideas for Botevgrad',
        summary: 'Citizens, businesses and the town hall put forward and discuss ideas for the town.',
        description:
          'Active citizens, businesses and the administration put forward ideas, discuss problems and proposals in seven policy areas, and follow what the town does with them.',
      },
    ],
    phases: [
      ['ideas', -20, 40, ['propose', 'support', 'comment', 'debate']],
      ['discussion', 41, 70, ['support', 'comment', 'debate']],
      ['evaluation', 71, 100, ['comment']],
      ['monitoring', 101, 465, ['comment']],
    ],
  },
  {
    town: ['BG', 'stara-zagora'],
    slug: 'stara-zagora-vision-2035',
    kind: 'vision',
    areas: ['environment', 'economy', 'culture', 'mobility'],
    threshold: null,
    stances: true,
    texts: [
      {
        language: 'bg',
        title: 'Визия за Стара Загора 2035',
        summary: 'Общата стратегия на града, отворена за коментари раздел по раздел.',
        description: 'Общината споделя проекта на стратегията си до 2035 г. Коментирайте всеки раздел.',
      },
      {
        language: 'en',
        title: 'A vision for Stara Zagora 2035',
        summary: 'The town’s shared strategy, open to comments section by section.',
        description: 'The town shares the draft of its strategy to 2035. Comment on each section.',
      },
    ],
    phases: [['discussion', -10, 50, ['comment']]],
    sections: [
      { title: 'Зелен град', body: 'Нови паркове, залесяване и чист въздух във всеки квартал.' },
      { title: 'Работа и иновации', body: 'Индустриална зона, подкрепа за млади предприемачи и връзка с университета.' },
      { title: 'Култура и наследство', body: 'Античният форум, операта и музеите като една културна карта на града.' },
      { title: 'Градска мобилност', body: 'Велоалеи, нов градски транспорт и пешеходен център.' },
    ],
  },
];

/** The demo's processes; once the portal holds any process it is the portal's own, and the demo adds nothing. */
export const demoProcesses: DemoSeed = {
  name: 'participation',
  run: (ctx) =>
    transaction(ctx.database.db, async (db) => {
      if ((await repo.processList(db, { published: false }, 1)).length > 0) return;
      const now = new Date();
      const at = now.toISOString();
      for (const p of DEMO_PROCESSES) {
        const town = await municipalityBySlug(db, p.town[0], p.town[1]);
        if (!town) continue;
        const id = await repo.insertProcess(db, {
          slug: p.slug,
          owner_type: 'municipality',
          owner_id: town.id,
          kind: p.kind,
          original_language: p.texts[0]!.language,
          areas: p.areas.join(','),
          support_threshold: p.threshold,
          support_limit: null,
          supporters: 'confirmed',
          stances: p.stances ? 1 : 0,
          published: 1,
          starts_on: day(now, p.phases[0]![1]),
          ends_on: day(now, p.phases.at(-1)![2]),
          created_at: at,
          updated_at: at,
        });
        for (const t of p.texts) await repo.saveText(db, { process_id: id, ...t });
        await repo.replacePhases(
          db,
          id,
          p.phases.map(([kind, from, to, actions], position) => ({
            process_id: id,
            position,
            kind,
            starts_on: day(now, from),
            ends_on: day(now, to),
            actions: actions.join(','),
          })),
        );
        for (const [position, s] of (p.sections ?? []).entries())
          await repo.insertSection(db, { process_id: id, position, language: 'bg', title: s.title, body: s.body, comments_count: 0 });
      }
    }),
};

// Proposals and supports of the demo: Botevgrad's ideas, so that its lists look alive.

/** Title, body, area, place (latitude, longitude, address) and how many of the demo people support it. */
type DemoProposal = [string, string, string, [number, number, string | null] | null, number];

const DEMO_PROPOSALS: DemoProposal[] = [
  [
    'Велоалея по бул. „Васил Левски“',
    'Предлагам отделна велоалея от центъра до гарата, за да се придвижват децата и работещите безопасно с велосипед.',
    'environment',
    [42.9071, 23.7884, 'бул. „Васил Левски“'],
    6,
  ],
  [
    'Засаждане на дървета в квартал „Васил Левски“',
    'Нека всяка година засаждаме по сто нови дървета в междублоковите пространства, с помощта на училищата.',
    'environment',
    [42.9102, 23.7951, 'кв. „Васил Левски“'],
    4,
  ],
  [
    'Намален местен данък за млади семейства',
    'Млади семейства с деца до три години да плащат половин данък сгради за първото си жилище в общината.',
    'taxes',
    null,
    3,
  ],
  [
    'Разширено работно време на детската поликлиника',
    'Поликлиниката да работи до 19 ч., за да могат работещите родители да водят децата си след работа.',
    'health',
    [42.9055, 23.7902, 'ул. „Саломон Бенбасат“'],
    5,
  ],
  [
    'Лятно кино на площада',
    'През юли и август всеки петък вечер безплатна прожекция на български филми на централния площад.',
    'culture',
    [42.9066, 23.7925, 'пл. „Освобождение“'],
    5,
  ],
  [
    'Дигитална библиотека на Ботевград',
    'Старите вестници и снимки от читалището да се сканират и да са достъпни онлайн за всички.',
    'culture',
    null,
    2,
  ],
  [
    'Бизнес инкубатор за младежи',
    'Общината да предостави помещение и ментори за младежи, които започват собствен бизнес.',
    'economy',
    [42.9089, 23.7868, 'ул. „Отец Паисий“'],
    3,
  ],
  [
    'Обновяване на стадион „Христо Ботев“',
    'Нова настилка на пистата и осветление, за да се тренира и вечер.',
    'sport',
    [42.9031, 23.7962, 'стадион „Христо Ботев“'],
    4,
  ],
  ['Туристическа пътека до Зелин', 'Маркирана пътека с табели и места за почивка от града до местността Зелин.', 'sport', null, 1],
  [
    'Топъл обяд за самотни възрастни хора',
    'Доставка на топъл обяд до дома на самотни възрастни хора, с помощта на доброволци.',
    'social',
    [42.9079, 23.7911, 'ул. „Гурко“'],
    6,
  ],
];

const DEMO_PEOPLE = ['Мария Петрова', 'Георги Иванов', 'Елена Димитрова', 'Николай Стоянов', 'Анна Колева', 'Стефан Тодоров'].map(
  (name, i) => ({ name, email: `demo-supporter-${i + 1}@example.eu`, language: 'bg' }),
);

/** Botevgrad's demo proposals with their supports; nothing once its process holds any proposal. */
export const demoProposals: DemoSeed = {
  name: 'participation proposals',
  run: (ctx) =>
    transaction(ctx.database.db, async (db) => {
      const process = await repo.processBySlug(db, 'botevgrad-ideas');
      if (!process || (await repo.countProposals(db, { processId: process.id })) > 0) return;
      const people = await demoAccounts(db, DEMO_PEOPLE);
      const now = Date.now();
      for (const [i, proposal] of DEMO_PROPOSALS.entries()) {
        const at = new Date(now - (DEMO_PROPOSALS.length - i) * 86_400_000).toISOString();
        await publishDemo(db, process.id, people[i % people.length]!, people, proposal, at);
      }
    }),
};

/** Publishes a demo proposal at `at`, supported by as many of `people` as it says, indexed as the form indexes it. */
async function publishDemo(
  db: Parameters<typeof repo.insertProposal>[0],
  processId: number,
  authorId: number | null,
  people: number[],
  [title, body, area, place, supporters]: DemoProposal,
  at: string,
) {
  const fields = { process_id: processId, author_id: authorId, language: 'bg', title, body, area };
  const where = { latitude: place?.[0] ?? null, longitude: place?.[1] ?? null, address: place?.[2] ?? null };
  const id = await repo.insertProposal(db, proposalRow({ ...fields, ...where, supports_count: supporters }, at));
  for (const user of people.slice(0, supporters))
    await repo.insertSupport(db, { proposal_id: id, process_id: processId, user_id: user, created_at: at });
  await indexProposal(db, { id, language: 'bg', title, body });
  return id;
}

// Official answers and monitoring: answers to a few of Botevgrad's proposals, and results with their timelines.

/** Proposals of the demo's own, each with the town's answer. */
const ANSWERED_PROPOSALS: [DemoProposal, AnswerData][] = [
  [
    [
      'Велоалея до язовир Бебреш',
      'Безопасна велоалея от центъра до язовира, за да се стига без кола.',
      'sport',
      [42.9096, 23.7934, null],
      0,
    ],
    { state: 'accepted', text: 'Общината включва велоалеята в бюджета за следващата година.', costCents: 48_000_000, publishAt: null },
  ],
  [
    ['Повече пейки в Градската градина', 'Възрастните хора нямат къде да седнат по алеите.', 'environment', [42.9055, 23.7925, null], 0],
    { state: 'under_way', text: 'Двадесет нови пейки се поставят през пролетта.', costCents: 1_200_000, publishAt: null },
  ],
  [
    ['Безплатен паркинг в центъра', 'Първите два часа паркиране да са безплатни.', 'taxes', null, 0],
    {
      state: 'rejected',
      text: 'Паркирането в центъра е платено, за да има свободни места; таксата остава.',
      costCents: null,
      publishAt: null,
    },
  ],
];

/** Answers and monitored results for Botevgrad's ideas; once its process has a result, the demo adds nothing. */
export const demoAnswers: DemoSeed = {
  name: 'participation answers',
  run: async (ctx) => {
    const { db } = ctx.database;
    const process = await repo.processBySlug(db, 'botevgrad-ideas');
    if (!process || (await repo.resultList(db, { processIds: [process.id] }, 0, 1)).length) return;
    const now = new Date();
    const at = now.toISOString();
    // Its own three proposals, beside the demo's others: the answers speak of them. Demo people wrote them.
    const authors = await demoAccounts(db, DEMO_PEOPLE.slice(0, ANSWERED_PROPOSALS.length));
    const proposals: Proposal[] = [];
    for (const [i, [proposal, answer]] of ANSWERED_PROPOSALS.entries()) {
      const id = await publishDemo(db, process.id, authors[i] ?? null, [], proposal, at);
      const p = (await repo.proposalById(db, id)) as Proposal;
      await saveAnswer(ctx, null, p, answer, { tell: false, now });
      proposals.push(p);
    }
    const accepted = await repo.resultLinking(db, proposals[0]!.id);
    const garden = {
      process_id: process.id,
      language: 'bg',
      title: 'Обновяване на Градската градина',
      description: 'Нови пейки, осветление и алеи в Градската градина.',
      area: 'environment',
      progress: 60,
      status: 'in_progress' as const,
      starts_on: day(now, -120),
      ends_on: day(now, 60),
      external_id: 'BG-2026-07',
    };
    const second = await repo.insertResult(db, resultRow(garden, at));
    if (proposals[1]) await repo.replaceLinks(db, second, [proposals[1].id]);
    const timelines: [number | undefined, [number, string, number][]][] = [
      [
        accepted?.result_id,
        [
          [-30, 'Проектът на велоалеята е възложен.', 10],
          [-5, 'Трасето е одобрено от общинския съвет.', 25],
        ],
      ],
      [
        second,
        [
          [-110, 'Започна подмяната на осветлението.', 20],
          [-60, 'Алеите са ремонтирани.', 45],
          [-10, 'Поставени са първите десет пейки.', 60],
        ],
      ],
    ];
    for (const [id, events] of timelines) {
      if (!id) continue;
      for (const [days, text, progress] of events) await repo.insertEvent(db, { result_id: id, on_date: day(now, days), text, progress });
      const last = events.at(-1)![2];
      await repo.updateResult(db, id, { progress: last, status: 'in_progress', starts_on: day(now, events[0]![0]) });
    }
  },
};
