import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { demoAccount, grantRole } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import type { CommentSubject, Stance } from '../schema.ts';
import { newDebate } from './debates.ts';

const PEOPLE = {
  maria: { name: 'Мария Иванова', email: 'maria.ivanova@example.org', language: 'bg' },
  georgi: { name: 'Георги Петров', email: 'georgi.petrov@example.org', language: 'bg' },
  elena: { name: 'Елена Димитрова', email: 'elena.dimitrova@example.org', language: 'bg' },
  townHall: { name: 'Деница Стоянова, община Ботевград', email: 'denitsa.stoyanova@example.org', language: 'bg' },
} as const;
type Who = keyof typeof PEOPLE;

/** A comment of the demo: who, what, the stance, whether it is the town's official reply, and its answers. */
type DemoComment = [Who, string, Stance | null, boolean, DemoComment[]?];

const BOTEVGRAD_DEBATE = {
  title: 'Как да направим центъра по-удобен за пешеходци?',
  body:
    'Площадът и главната улица са пълни с паркирани коли вечер и през уикенда.\n\n' +
    'Какво бихте променили първо: **зони без коли** в определени часове, повече пейки и сянка, или по-широки тротоари?',
  area: 'environment',
  comments: [
    [
      'maria',
      'Зона без коли в събота и неделя би била чудесно начало. Децата могат да карат колело на площада.',
      'for',
      false,
      [
        ['townHall', 'Благодарим! Общината ще пусне пробна зона без коли през юни и ще събере мнения след това.', null, true],
        ['georgi', 'Стига да има къде да се паркира наблизо.', null, false],
      ],
    ],
    ['georgi', 'Търговците по главната улица ще загубят клиенти, ако колите не могат да спират.', 'against', false],
    ['elena', 'Повече сянка и пейки са нужни каквото и да решим за колите.', 'neutral', false],
  ] as DemoComment[],
};

/** Comments on two sections of Stara Zagora's vision, by their titles. */
const VISION_COMMENTS: Record<string, DemoComment[]> = {
  'Зелен град': [
    ['elena', 'Нека новите паркове имат чешми с питейна вода и сенчести места за възрастните.', 'for', false],
    ['georgi', 'Залесяването по булевардите е добро, но кой ще полива дърветата през лятото?', 'neutral', false],
  ],
  'Градска мобилност': [['maria', 'Велоалеите трябва да свързват кварталите с университета, не само центъра.', 'for', false]],
};

async function addThread(
  db: Parameters<typeof repo.insertComment>[0],
  ids: Record<Who, number>,
  type: CommentSubject,
  id: number,
  list: DemoComment[],
  parent: number | null,
  day: number,
): Promise<number> {
  let added = 0;
  for (const [n, [who, body, stance, official, answers]] of list.entries()) {
    const at = new Date(Date.now() - (day - n) * 3600_000).toISOString();
    const cid = await repo.insertComment(db, {
      subject_type: type,
      subject_id: id,
      parent_id: parent,
      author_id: ids[who],
      body,
      stance,
      official: official ? 1 : 0,
      hidden: 0,
      created_at: at,
      edited_at: null,
    });
    added += 1 + (answers ? await addThread(db, ids, type, id, answers, cid, day - n - 1) : 0);
  }
  return added;
}

/** A debate in Botevgrad's process and comments on Stara Zagora's vision; once a process has debates, nothing. */
export const demoDebates: DemoSeed = {
  name: 'participation debates',
  run: (ctx) =>
    transaction(ctx.database.db, async (db) => {
      const ideas = await repo.processBySlug(db, 'botevgrad-ideas');
      const vision = await repo.processBySlug(db, 'stara-zagora-vision-2035');
      if (!ideas || !vision || (await repo.debatesOfProcess(db, ideas.id, 1)).length > 0) return;
      const ids = {} as Record<Who, number>;
      for (const [key, who] of Object.entries(PEOPLE)) ids[key as Who] = await demoAccount(db, who);
      await grantRole(db, ids.townHall, 'municipality_editor', ideas.owner_id, null);
      const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const d = BOTEVGRAD_DEBATE;
      const fields = { area: d.area, author_id: ids.townHall, official: 1, language: 'bg', title: d.title, body: d.body, closes_at: null };
      const debate = await repo.insertDebate(db, newDebate(ideas, fields, at));
      await repo.countComment(db, 'debate', debate, await addThread(db, ids, 'debate', debate, BOTEVGRAD_DEBATE.comments, null, 48));
      for (const s of await repo.sectionsOf(db, vision.id)) {
        const list = VISION_COMMENTS[s.title];
        if (list) await repo.countComment(db, 'section', s.id, await addThread(db, ids, 'section', s.id, list, null, 30));
      }
    }),
};
