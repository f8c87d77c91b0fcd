import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { demoAccounts } from '../../accounts/index.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { referenceOf } from './links.ts';

interface DemoTown {
  country: string;
  slug: string;
  days: number;
  language: string;
  topics: [string, string, string][];
  /** Letters and their answers, with the hours the answer took. */
  letters: [string, string, number][];
}

const TOWNS: DemoTown[] = [
  {
    country: 'BG',
    slug: 'stara-zagora',
    days: 10,
    language: 'bg',
    topics: [
      ['Местни данъци и такси', 'Дирекция „Местни приходи“', 'taxes@stara-zagora.example.eu'],
      ['Строителство и ремонти', 'Дирекция „Устройство на територията“', 'building@stara-zagora.example.eu'],
      ['Образование и култура', 'Дирекция „Образование и култура“', 'culture@stara-zagora.example.eu'],
    ],
    letters: [
      ['Кога е крайният срок за данъка върху сградите тази година?', 'До 30 април, с 5% отстъпка при плащане наведнъж.', 20],
      ['Може ли таксата за смет да се плати онлайн?', 'Да, през портала за електронни услуги на общината.', 30],
      ['Нужно ли е разрешение за смяна на дограмата?', 'Не, ако не променяте фасадата на сградата.', 52],
      ['Има ли свободни места в общинските детски градини?', 'Да, в три градини; списъкът е на сайта на общината.', 70],
      ['Как да запиша читалище за културния календар?', 'Изпратете програмата си до края на месеца.', 40],
      ['Кой отговаря за ремонта на тротоара пред училището?', 'Общината; ремонтът е планиран за лятото.', 96],
    ],
  },
  {
    country: 'BG',
    slug: 'botevgrad',
    days: 14,
    language: 'bg',
    topics: [
      ['Административни услуги', 'Център за услуги и информация', 'services@botevgrad.example.eu'],
      ['Спорт и туризъм', 'Отдел „Спорт и туризъм“', 'sport@botevgrad.example.eu'],
    ],
    letters: [['Кога отваря градският басейн?', 'От 1 юни, всеки ден от 9 до 19 часа.', 26]],
  },
  {
    country: 'SI',
    slug: 'ljubljana',
    days: 8,
    language: 'sl',
    topics: [
      ['Promet in parkiranje', 'Oddelek za gospodarske dejavnosti in promet', 'promet@ljubljana.example.eu'],
      ['Okolje in prostor', 'Oddelek za urejanje prostora', 'prostor@ljubljana.example.eu'],
    ],
    letters: [],
  },
];

const WRITERS = [
  { name: 'Мария Стоянова', email: 'demo-writer-1@example.eu', language: 'bg' },
  { name: 'Георги Петров', email: 'demo-writer-2@example.eu', language: 'bg' },
];

async function seedTown(ctx: ModuleContext, d: DemoTown, writers: number[]) {
  const { db } = ctx.database;
  const town = await municipalityBySlug(db, d.country, d.slug);
  if (!town || (await repo.topicsOf(db, town.id)).length) return;
  await repo.saveResponseDays(db, town.id, d.days);
  const topics: number[] = [];
  for (const [name, department, email] of d.topics) topics.push(await repo.insertTopic(db, town.id, { name, department, email }));
  const year = new Date().getUTCFullYear();
  for (const [i, [body, answer, hours]] of d.letters.entries()) {
    const sent = new Date(Date.now() - (d.letters.length - i) * 9 * 86_400_000);
    const answered = new Date(sent.getTime() + hours * 3600_000).toISOString();
    const writer = WRITERS[i % WRITERS.length]!;
    const topic = i % topics.length;
    const id = await repo.insertEnquiry(db, {
      municipality_id: town.id,
      topic_id: topics[topic]!,
      topic_name: d.topics[topic]![0],
      department_email: d.topics[topic]![2],
      reference: referenceOf(town, year, await repo.nextNumber(db, town.id, year)),
      author_id: writers[i % writers.length] ?? null,
      name: writer.name,
      email: writer.email,
      phone: null,
      language: d.language,
      body,
      file: null,
      file_name: null,
      confirmed: 1,
      confirm_hash: null,
      created_at: sent.toISOString(),
      confirmed_at: sent.toISOString(),
      answered_at: answered,
      updated_at: answered,
    });
    await repo.insertReply(db, { enquiry_id: id, from_staff: 1, author_id: null, body: answer });
    await repo.setState(db, id, i % 3 === 2 ? 'closed' : 'answered');
  }
}

/** Topics and a response time for a few demo towns, and answered letters enough for Stara Zagora's median to show. */
export const demoContact: DemoSeed = {
  name: 'contact topics and letters',
  run: async (ctx) => {
    const writers = await demoAccounts(ctx.database.db, WRITERS);
    for (const town of TOWNS) await seedTown(ctx, town, writers);
  },
};
