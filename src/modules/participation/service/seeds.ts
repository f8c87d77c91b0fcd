import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { PhaseAction, PhaseKind, ProcessKind, Proposal } from '../schema.ts';
import { type AnswerData, saveAnswer } from './answers.ts';

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

// Official answers and monitoring: answers to a few of Botevgrad's proposals, and results with their timelines.

const DEMO_PROPOSALS = [
  {
    title: 'Велоалея до язовир Бебреш',
    body: 'Безопасна велоалея от центъра до язовира, за да се стига без кола.',
    area: 'sport',
    at: [42.9096, 23.7934],
  },
  {
    title: 'Повече пейки в Градската градина',
    body: 'Възрастните хора нямат къде да седнат по алеите.',
    area: 'environment',
    at: [42.9055, 23.7925],
  },
  { title: 'Безплатен паркинг в центъра', body: 'Първите два часа паркиране да са безплатни.', area: 'taxes', at: null },
] as const;

const DEMO_ANSWERS: AnswerData[] = [
  { state: 'accepted', text: 'Общината включва велоалеята в бюджета за следващата година.', costCents: 48_000_000, publishAt: null },
  { state: 'under_way', text: 'Двадесет нови пейки се поставят през пролетта.', costCents: 1_200_000, publishAt: null },
  {
    state: 'rejected',
    text: 'Паркирането в центъра е платено, за да има свободни места; таксата остава.',
    costCents: null,
    publishAt: null,
  },
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
    let proposals = (await repo.proposalsOfProcess(db, process.id, 3)) as Proposal[];
    if (!proposals.length) {
      for (const p of DEMO_PROPOSALS)
        await repo.insertProposal(db, {
          process_id: process.id,
          author_id: null,
          on_behalf_of: null,
          language: 'bg',
          title: p.title,
          body: p.body,
          area: p.area,
          latitude: p.at?.[0] ?? null,
          longitude: p.at?.[1] ?? null,
          address: null,
          answer_state: null,
          supports_count: 0,
          comments_count: 0,
          hidden: 0,
          withdrawn: 0,
          published_at: at,
          edited_at: null,
          updated_at: at,
        });
      proposals = (await repo.proposalsOfProcess(db, process.id, 3)) as Proposal[];
    }
    for (const [i, p] of proposals.entries()) await saveAnswer(ctx, null, p, DEMO_ANSWERS[i]!, { tell: false, now });
    const accepted = await repo.resultLinking(db, proposals[0]!.id);
    const second = await repo.insertResult(db, {
      process_id: process.id,
      language: 'bg',
      title: 'Обновяване на Градската градина',
      description: 'Нови пейки, осветление и алеи в Градската градина.',
      area: 'environment',
      progress: 60,
      status: 'in_progress',
      starts_on: day(now, -120),
      ends_on: day(now, 60),
      external_id: 'BG-2026-07',
      comments_count: 0,
      created_at: at,
      updated_at: at,
    });
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
