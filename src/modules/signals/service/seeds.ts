import { randomBytes } from 'node:crypto';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { demoAccounts } from '../../accounts/index.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { SignalState } from '../schema.ts';
import { adoptDefaults } from './categories.ts';
import { storePhotos } from './photos.ts';

const DEMO_REPORTERS = ['Иван Георгиев', 'Петя Николова', 'Димитър Костов'].map((name, i) => ({
  name,
  email: `demo-reporter-${i + 1}@example.eu`,
  language: 'bg',
}));

/** A demo report: category, metres north and east of the centre, address, description, its states with public notes, a photo's colour. */
interface DemoReport {
  category: string;
  at: [number, number];
  address: string;
  description: string;
  states: [SignalState, string][];
  responsible?: string;
  /** The first report of the town, which this one repeats. */
  duplicate?: boolean;
  photo?: string;
}

const REPORTS: DemoReport[] = [
  {
    category: 'roads',
    at: [120, -80],
    address: 'ул. „Цар Симеон Велики“ 110',
    description: 'Дълбока дупка на платното пред входа на блока. Колите я заобикалят в насрещното платно.',
    states: [['confirmed', 'Сигналът е приет и предаден на отдел „Пътна инфраструктура“.']],
    photo: '#6b6b6b',
  },
  {
    category: 'lighting',
    at: [-200, 150],
    address: 'бул. „Руски“ 24',
    description: 'Три поредни улични лампи не светят от седмица. Вечер тротоарът е съвсем тъмен.',
    states: [
      ['in_progress', 'Екип на общинското предприятие е на място.'],
      ['fixed', 'Лампите са подменени с нови светодиодни тела.'],
    ],
  },
  {
    category: 'waste',
    at: [300, 260],
    address: 'кв. „Три чучура“, до бл. 42',
    description: 'Изхвърлени строителни отпадъци и стари мебели до контейнерите.',
    states: [['action_scheduled', 'Извозването е планирано за следващия вторник.']],
    photo: '#8a6d3b',
  },
  {
    category: 'parks',
    at: [-90, -300],
    address: 'Парк „Артилерийски“',
    description: 'Счупена пейка и паднал клон на алеята край детската площадка.',
    states: [],
  },
  {
    category: 'water',
    at: [60, 420],
    address: 'ул. „Христо Ботев“ 57',
    description: 'От шахтата на тротоара тече вода вече два дни.',
    states: [['not_responsible', 'Водопроводната мрежа се поддържа от ВиК дружеството. Сигналът е препратен към него.']],
    responsible: 'ВиК дружеството в областта',
  },
  {
    category: 'roads',
    at: [125, -75],
    address: 'ул. „Цар Симеон Велики“ 112',
    description: 'Голяма дупка на пътя до блока, опасна за колоездачи.',
    states: [['duplicate', 'Същата дупка вече е подадена; следете първия сигнал.']],
    duplicate: true,
  },
  {
    category: 'noise',
    at: [-350, -120],
    address: 'ул. „Митрополит Методий Кусев“ 15',
    description: 'Шумни ремонтни дейности след 22 часа почти всяка вечер.',
    states: [['investigating', 'Проверява се дали обектът има разрешение за работа в късните часове.']],
  },
  {
    category: 'transport',
    at: [220, -420],
    address: 'Спирка „Гарата“',
    description: 'Счупено стъкло на навеса на спирката.',
    states: [
      ['fixed', 'Стъклото е сменено.'],
      ['reopened', 'Стъклото отново е счупено.'],
    ],
    photo: '#3a6ea5',
  },
];

/** A plain picture standing for a photo: made here, so a demo needs nothing from the network. */
async function demoPhoto(ctx: ModuleContext, colour: string): Promise<string | undefined> {
  const { default: sharp } = await import('sharp');
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  const stored = await storePhotos(ctx, [jpeg]);
  return 'bases' in stored ? stored.bases[0] : undefined;
}

async function seedTown(ctx: ModuleContext, slug: string, reporters: number[]) {
  const who = (i: number) => DEMO_REPORTERS[i % reporters.length]!;
  const { db } = ctx.database;
  const town = await municipalityBySlug(db, 'BG', slug);
  if (!town || town.latitude === null || town.longitude === null) return;
  const had = await db.selectFrom('signals').select('id').where('municipality_id', '=', town.id).executeTakeFirst();
  await adoptDefaults(ctx, town.id);
  if (had) return;
  const categories = new Map((await repo.categoriesOf(db, town.id)).map((c) => [c.code, c]));
  const start = Date.now() - REPORTS.length * 3 * 86_400_000;
  let first: number | undefined;
  for (const [i, r] of REPORTS.entries()) {
    const category = categories.get(r.category)!;
    const at = (days: number) => new Date(start + (i * 3 + days) * 86_400_000).toISOString();
    const last = r.states.at(-1)?.[0] ?? 'open';
    const { id } = await repo.insertSignal(db, {
      municipality_id: town.id,
      category_id: category.id,
      state: last,
      latitude: town.latitude + r.at[0] / 111_320,
      longitude: town.longitude + r.at[1] / (111_320 * Math.cos((town.latitude * Math.PI) / 180)),
      address: r.address,
      description: r.description,
      answers: null,
      author_id: reporters[i % reporters.length]!,
      contact_name: who(i).name,
      contact_email: who(i).email,
      contact_phone: null,
      show_name: i % 3 === 0 ? 1 : 0,
      confirmed: 1,
      confirm_hash: null,
      source: 'web',
      api_key_id: null,
      token: randomBytes(12).toString('hex'),
      created_at: at(0),
      confirmed_at: at(0),
      updated_at: at(r.states.length),
      fixed_at: r.states.some(([s]) => s === 'fixed') ? at(1) : null,
      asked_at: null,
      responsible: r.responsible ?? null,
      duplicate_of: r.duplicate ? (first ?? null) : null,
    });
    first ??= id;
    const entry = { signal_id: id, author_id: null, from_municipality: null };
    await repo.insertUpdate(db, { ...entry, kind: 'created', state: 'open', note: null, created_at: at(0) });
    for (const [n, [state, note]] of r.states.entries())
      await repo.insertUpdate(db, { ...entry, kind: 'state', state, note, created_at: at(n + 1) });
    const photo = r.photo && (await demoPhoto(ctx, r.photo));
    if (photo) await db.insertInto('signal_photos').values({ signal_id: id, file: photo, position: 0 }).execute();
  }
}

/** Stara Zagora and Botevgrad take reports in the default categories and hold a few, in several states. */
export const demoSignals: DemoSeed = {
  name: 'signals reports',
  run: async (ctx) => {
    const reporters = await demoAccounts(ctx.database.db, DEMO_REPORTERS);
    await seedTown(ctx, 'stara-zagora', reporters);
    await seedTown(ctx, 'botevgrad', reporters);
  },
};
