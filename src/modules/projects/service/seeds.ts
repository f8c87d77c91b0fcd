import { DateTime } from 'luxon';
import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Applicant } from '../schema.ts';

interface DemoProgramme {
  slug: string;
  acronym: string;
  name: string;
  body: string;
  website: string;
  areas: string[];
  summary: string;
  strands: [string, string][];
}

const PROGRAMMES: DemoProgramme[] = [
  {
    slug: 'cerv',
    acronym: 'CERV',
    name: 'Citizens, Equality, Rights and Values',
    body: 'European Commission (EACEA)',
    website:
      'https://commission.europa.eu/funding-tenders/find-funding/eu-funding-programmes/citizens-equality-rights-and-values-programme_en',
    areas: ['europe', 'culture', 'social'],
    summary:
      'The EU programme for civic engagement and democratic participation. Its citizens’ strand funds meetings of people from twinned towns and networks of towns that work together on a common theme over several years, mostly through lump sums.',
    strands: [
      ['town-twinning', 'Town twinning'],
      ['networks-of-towns', 'Networks of towns'],
    ],
  },
  {
    slug: 'interreg-europe',
    acronym: 'Interreg Europe',
    name: 'Interreg Europe',
    body: 'Interreg Europe Joint Secretariat (Lille)',
    website: 'https://www.interregeurope.eu/',
    areas: ['economy', 'climate', 'mobility', 'environment'],
    summary:
      'An interregional cooperation programme of the European Regional Development Fund. Public authorities from different countries exchange experience on regional development policies and prepare action plans to improve them.',
    strands: [],
  },
  {
    slug: 'life',
    acronym: 'LIFE',
    name: 'Programme for the Environment and Climate Action',
    body: 'European Commission (CINEA)',
    website: 'https://cinea.ec.europa.eu/programmes/life_en',
    areas: ['environment', 'climate'],
    summary:
      'The EU’s funding instrument for the environment and climate action. It supports projects on nature and biodiversity, the circular economy, climate change mitigation and adaptation, and the clean energy transition.',
    strands: [
      ['nature-biodiversity', 'Nature and biodiversity'],
      ['circular-economy', 'Circular economy and quality of life'],
      ['climate-action', 'Climate change mitigation and adaptation'],
      ['clean-energy', 'Clean energy transition'],
    ],
  },
  {
    slug: 'horizon-europe',
    acronym: 'Horizon Europe',
    name: 'Horizon Europe',
    body: 'European Commission (DG RTD and executive agencies)',
    website:
      'https://research-and-innovation.ec.europa.eu/funding/funding-opportunities/funding-programmes-and-open-calls/horizon-europe_en',
    areas: ['climate', 'digital', 'health', 'mobility'],
    summary:
      'The EU’s framework programme for research and innovation. Its missions set concrete goals for 2030, and cities and regions take part in several of them, notably the mission for climate-neutral and smart cities.',
    strands: [
      ['cities-mission', 'Mission: Climate-neutral and smart cities'],
      ['adaptation-mission', 'Mission: Adaptation to climate change'],
    ],
  },
  {
    slug: 'erasmus',
    acronym: 'Erasmus+',
    name: 'Erasmus+',
    body: 'European Commission (EACEA) and national agencies',
    website: 'https://erasmus-plus.ec.europa.eu/',
    areas: ['culture', 'sport', 'social'],
    summary:
      'The EU programme for education, training, youth and sport. Municipalities take part in youth exchanges, small-scale partnerships and cooperation partnerships, most of them managed by the national agency of their country.',
    strands: [
      ['small-scale', 'Small-scale partnerships'],
      ['cooperation', 'Cooperation partnerships'],
    ],
  },
  {
    slug: 'urbact',
    acronym: 'URBACT',
    name: 'URBACT',
    body: 'URBACT Secretariat (Saint-Denis)',
    website: 'https://urbact.eu/',
    areas: ['economy', 'social', 'environment'],
    summary:
      'A European territorial cooperation programme for sustainable urban development. Cities of all sizes form networks to learn from each other and plan integrated actions with local groups of stakeholders.',
    strands: [
      ['action-planning', 'Action planning networks'],
      ['transfer', 'Transfer networks'],
    ],
  },
];

interface DemoCall {
  reference: string;
  programme: string;
  strand?: string;
  title: string;
  summary: string;
  areas: string[];
  applicants: Applicant[];
  partners: [number, number];
  months?: [number, number];
  budget?: number;
  lumpSum?: number;
  /** Days from now to the opening and the deadline, which is at 17:00 Brussels time. */
  days: [number, number];
}

const CALLS: DemoCall[] = [
  {
    reference: 'CERV-TOWN-TT-DEMO',
    programme: 'cerv',
    strand: 'town-twinning',
    title: 'Town twinning: citizens of twinned towns meet (demo example)',
    summary: 'A demonstration entry, not a real call: meetings of citizens from twinned towns on the future of Europe.',
    areas: ['europe', 'culture'],
    applicants: ['municipality', 'ngo'],
    partners: [2, 2],
    months: [3, 12],
    budget: 4_000_000,
    lumpSum: 30_000,
    days: [-30, 45],
  },
  {
    reference: 'CERV-TOWN-NT-DEMO',
    programme: 'cerv',
    strand: 'networks-of-towns',
    title: 'Networks of towns working on a common theme (demo example)',
    summary: 'A demonstration entry, not a real call: networks of at least five towns from several countries.',
    areas: ['europe', 'social'],
    applicants: ['municipality', 'ngo', 'public_body'],
    partners: [5, 3],
    months: [12, 24],
    budget: 8_000_000,
    lumpSum: 150_000,
    days: [-20, 90],
  },
  {
    reference: 'LIFE-CLIMA-DEMO',
    programme: 'life',
    strand: 'climate-action',
    title: 'Local climate adaptation projects (demo example)',
    summary: 'A demonstration entry, not a real call: towns adapting streets and parks to heat waves and floods.',
    areas: ['climate', 'environment'],
    applicants: ['municipality', 'ngo', 'public_body', 'university', 'business'],
    partners: [1, 1],
    months: [24, 60],
    budget: 60_000_000,
    days: [-10, 150],
  },
  {
    reference: 'URBACT-APN-DEMO',
    programme: 'urbact',
    strand: 'action-planning',
    title: 'Action planning networks of cities (demo example)',
    summary: 'A demonstration entry, not a real call: it opens later, so it shows as forthcoming.',
    areas: ['economy', 'social'],
    applicants: ['municipality', 'public_body'],
    partners: [6, 3],
    months: [24, 30],
    days: [20, 120],
  },
  {
    reference: 'ERASMUS-YOUTH-DEMO',
    programme: 'erasmus',
    strand: 'small-scale',
    title: 'Small-scale partnerships in youth (demo example)',
    summary: 'A demonstration entry, not a real call: its deadline has passed, so it shows as closed.',
    areas: ['social', 'sport'],
    applicants: ['municipality', 'ngo'],
    partners: [2, 2],
    months: [6, 24],
    lumpSum: 60_000,
    days: [-120, -15],
  },
];

const at = (days: number, now: DateTime) =>
  now.setZone('Europe/Brussels').plus({ days }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;

async function seedProgramme(ctx: ModuleContext, p: DemoProgramme, now: string): Promise<void> {
  await transaction(ctx.database.db, async (trx) => {
    if (await repo.programmeBySlug(trx, p.slug)) return;
    const { slug, acronym, website, body, areas } = p;
    const row = { slug, acronym, website, managing_body: body, areas: areas.join(','), active: 1, original_language: 'en' };
    const id = await repo.insertProgramme(trx, { ...row, created_at: now, updated_at: now });
    await repo.saveProgrammeText(trx, id, 'en', { name: p.name, summary: p.summary });
    for (const [position, [key, name]] of p.strands.entries())
      await repo.insertStrand(trx, { programme_id: id, key, position, names: JSON.stringify({ en: name }) });
  });
}

async function seedCall(ctx: ModuleContext, c: DemoCall, now: DateTime): Promise<void> {
  await transaction(ctx.database.db, async (trx) => {
    const programme = await repo.programmeBySlug(trx, c.programme);
    if (!programme || (await repo.callByReference(trx, c.reference))) return;
    const strand = (await repo.strandsOf(trx, [programme.id])).find((s) => s.key === c.strand);
    const created = now.toUTC().toISO()!;
    const id = await repo.insertCall(trx, {
      programme_id: programme.id,
      strand_id: strand?.id ?? null,
      reference: c.reference,
      areas: c.areas.join(','),
      applicants: c.applicants.join(','),
      countries: '',
      min_partners: c.partners[0],
      min_countries: c.partners[1],
      duration_months_min: c.months?.[0] ?? null,
      duration_months_max: c.months?.[1] ?? null,
      budget_eur: c.budget ?? null,
      lump_sum_eur: c.lumpSum ?? null,
      opens_at: at(c.days[0], now),
      deadline_at: at(c.days[1], now),
      time_zone: 'Europe/Brussels',
      url: programme.website,
      original_language: 'en',
      created_at: created,
      updated_at: created,
    });
    await repo.saveCallText(trx, id, 'en', { title: c.title, summary: c.summary });
  });
}

/** Six programmes local authorities apply to, and demonstration calls dated from the day the seed runs. */
export const demoProgrammes: DemoSeed = {
  name: 'programmes',
  async run(ctx) {
    const now = DateTime.utc();
    for (const p of PROGRAMMES) await seedProgramme(ctx, p, now.toISO()!);
    for (const c of CALLS) await seedCall(ctx, c, now);
  },
};
