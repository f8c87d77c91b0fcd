import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { demoNetworkContent } from '../../content/index.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { MembershipState, NetworkKind, QuestionKind, ReportState } from '../schema.ts';

interface DemoKind {
  code: string;
  labels: Record<string, string>;
  applicants?: 'municipality' | 'organisation' | 'both';
  reportYears?: number;
}

interface DemoNetwork {
  slug: string;
  kind: NetworkKind;
  founded: number | null;
  website: string | null;
  areas: string[];
  texts: { language: string; name: string; acronym: string; description: string }[];
  kinds: DemoKind[];
  /** Town (country/slug), kind code, state, and years since joining. */
  members: [string, string, MembershipState, number][];
  /** The report form, and reports of some members (town, state, answers in the form's order). */
  questions?: DemoQuestion[];
  reports?: [string, ReportState, string[]][];
}

interface DemoQuestion {
  kind: QuestionKind;
  labels: Record<string, string>;
  choices?: Record<string, string>[];
  required?: boolean;
  public?: boolean;
}

/** A form like the climate initiatives ask of their signatories. */
const CLIMATE_FORM: DemoQuestion[] = [
  {
    kind: 'text',
    labels: {
      en: 'What did the town do since its last report?',
      bg: 'Какво направи общината от последния си доклад?',
      fr: 'Qu’a fait la commune depuis son dernier rapport ?',
    },
    required: true,
    public: true,
  },
  {
    kind: 'number',
    labels: {
      en: 'Emissions avoided (tonnes of CO2 a year)',
      bg: 'Избегнати емисии (тона CO2 годишно)',
      fr: 'Émissions évitées (tonnes de CO2 par an)',
    },
    required: true,
    public: true,
  },
  {
    kind: 'choice',
    labels: { en: 'The action plan', bg: 'Планът за действие', fr: 'Le plan d’action' },
    choices: [
      { en: 'Adopted by the council', bg: 'Приет от общинския съвет', fr: 'Adopté par le conseil' },
      { en: 'In preparation', bg: 'В процес на изготвяне', fr: 'En préparation' },
    ],
    required: true,
  },
  { kind: 'file', labels: { en: 'The monitoring report', bg: 'Докладът за мониторинг', fr: 'Le rapport de suivi' }, public: true },
];

const MEMBER = { en: 'Member', bg: 'Член', sl: 'Članica', fi: 'Jäsen', de: 'Mitglied', fr: 'Membre' };
const COORDINATOR = {
  en: 'Coordinator',
  bg: 'Координатор',
  sl: 'Koordinatorka',
  fi: 'Koordinaattori',
  de: 'Koordination',
  fr: 'Coordinateur',
};

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'strasbourg-club',
    kind: 'association',
    founded: null,
    website: null,
    areas: ['europe', 'culture'],
    texts: [
      {
        language: 'en',
        name: 'Strasbourg Club',
        acronym: '',
        description: 'Mayors of towns across Europe who meet to share how local democracy works in their towns.',
      },
      {
        language: 'bg',
        name: 'Страсбургски клуб',
        acronym: '',
        description: 'Кметове на градове от цяла Европа, които се срещат, за да споделят опита си с местната демокрация.',
      },
    ],
    kinds: [{ code: 'member', labels: MEMBER }],
    members: [
      ['BG/stara-zagora', 'member', 'active', 12],
      ['FR/strasbourg', 'member', 'active', 20],
      ['PL/gdansk', 'member', 'active', 8],
    ],
  },
  {
    slug: 'cities-for-children',
    kind: 'association',
    founded: 2007,
    website: null,
    areas: ['social', 'health'],
    texts: [
      {
        language: 'en',
        name: 'Cities for Children',
        acronym: 'C4C',
        description: 'European towns working for the well-being of children and families: play, schools, safe streets.',
      },
      {
        language: 'de',
        name: 'Städte für Kinder',
        acronym: 'C4C',
        description: 'Europäische Städte, die sich für das Wohl von Kindern und Familien einsetzen.',
      },
    ],
    kinds: [
      { code: 'coordinator', labels: COORDINATOR },
      { code: 'member', labels: MEMBER },
    ],
    members: [
      ['DE/stuttgart', 'coordinator', 'active', 17],
      ['BG/stara-zagora', 'member', 'active', 9],
      ['FI/tampere', 'member', 'active', 6],
      ['IT/bologna', 'member', 'active', 4],
    ],
  },
  {
    slug: 'climate-commitment',
    kind: 'initiative',
    founded: 2019,
    website: null,
    areas: ['climate', 'environment'],
    texts: [
      {
        language: 'en',
        name: 'Towns for the Climate Commitment',
        acronym: 'TCC',
        description:
          'Towns and their networks commit to a climate plan and report on it at least every two years. Supporters help their members to do so.',
      },
    ],
    kinds: [
      {
        code: 'signatory',
        labels: { en: 'Signatory', bg: 'Подписал', sl: 'Podpisnica', fi: 'Allekirjoittaja', de: 'Unterzeichner', fr: 'Signataire' },
      },
      {
        code: 'supporter',
        labels: { en: 'Supporter', bg: 'Поддръжник', sl: 'Podpornica', fi: 'Tukija', de: 'Unterstützer', fr: 'Soutien' },
      },
    ],
    members: [
      ['FR/grenoble', 'signatory', 'active', 5],
      ['FI/oulu', 'signatory', 'active', 1],
      ['ES/pontevedra', 'signatory', 'report_overdue', 3],
      ['ES/valencia', 'supporter', 'on_hold', 4],
      ['PL/lodz', 'signatory', 'commitment_pending', 0],
      ['GR/thessaloniki', 'supporter', 'eligible', 0],
      ['BG/botevgrad', 'signatory', 'submitted', 0],
    ],
    questions: CLIMATE_FORM,
    reports: [
      ['FR/grenoble', 'accepted', ['Forty public buildings renovated; street lighting on LEDs; a bus line on biogas.', '12400', '0']],
      ['FI/oulu', 'submitted', ['District heating from waste heat of the data centre; 30 km of cycle lanes.', '8100', '1']],
    ],
  },
  {
    slug: 'ec-net',
    kind: 'project_network',
    founded: 2020,
    website: null,
    areas: ['europe', 'culture'],
    texts: [
      {
        language: 'en',
        name: 'EC-NET network of towns',
        acronym: 'EC-NET',
        description: 'Partners of the EC-NET project: towns and local organisations working on civic engagement, 2020–2022.',
      },
      {
        language: 'sl',
        name: 'Mreža mest EC-NET',
        acronym: 'EC-NET',
        description: 'Partnerji projekta EC-NET: mesta in lokalne organizacije, ki delajo za aktivno državljanstvo, 2020–2022.',
      },
    ],
    kinds: [
      { code: 'coordinator', labels: COORDINATOR },
      { code: 'partner', labels: { en: 'Partner', bg: 'Партньор', sl: 'Partner', fi: 'Kumppani', de: 'Partner', fr: 'Partenaire' } },
    ],
    members: [
      ['SI/slovenska-bistrica', 'coordinator', 'active', 6],
      ['SI/maribor', 'partner', 'active', 6],
      ['SI/ljubljana', 'partner', 'active', 6],
      ['BG/botevgrad', 'partner', 'active', 6],
      ['IT/trento', 'partner', 'active', 6],
      ['DE/leipzig', 'partner', 'active', 6],
    ],
  },
];

/** Before the commitment, a membership has no join date nor report deadline. */
const JOINED: readonly MembershipState[] = ['active', 'report_overdue', 'on_hold'];

/**
 * The networks of the demo and their members, in several states of the workflow. Once the portal
 * holds any network it is the portal's own, and the demo adds nothing.
 */
export const demoNetworks: DemoSeed = {
  name: 'networks',
  run: (ctx) =>
    transaction(ctx.database.db, async (db) => {
      if ((await repo.allNetworks(db)).length > 0) return;
      const inside: ModuleContext = { ...ctx, database: { ...ctx.database, db } };
      const now = new Date();
      const at = now.toISOString();
      for (const n of DEMO_NETWORKS) {
        const id = await repo.insertNetwork(db, {
          slug: n.slug,
          kind: n.kind,
          founded_year: n.founded,
          website: n.website,
          original_language: n.texts[0]!.language,
          areas: n.areas.join(','),
          created_at: at,
          updated_at: at,
        });
        for (const t of n.texts) await repo.saveText(db, { network_id: id, ...t });
        // Its news and events are content's items: content writes them, in its own tables.
        await demoNetworkContent(inside, { id, slug: n.slug }, now);
        const kinds = new Map<string, number>();
        for (const [position, k] of n.kinds.entries()) {
          const kindId = await repo.insertKind(db, {
            network_id: id,
            code: k.code,
            labels: JSON.stringify(k.labels),
            applicants: k.applicants ?? 'municipality',
            countries: '',
            min_population: null,
            max_population: null,
            report_years: k.reportYears ?? 2,
            grace_days: 90,
            position,
          });
          kinds.set(k.code, kindId);
        }
        const members = new Map<string, number>();
        for (const [town, kind, state, years] of n.members) {
          const [country, slug] = town.split('/') as [string, string];
          const place = await municipalityBySlug(inside.database.db, country, slug);
          if (!place) continue;
          const since = new Date(now);
          since.setUTCFullYear(since.getUTCFullYear() - years, since.getUTCMonth() - 2);
          const joined = JOINED.includes(state) ? since.toISOString().slice(0, 10) : null;
          const due = new Date(now.getTime() + (state === 'active' ? 400 : state === 'report_overdue' ? -20 : -200) * 86_400_000);
          const membership = await repo.insertMembership(db, {
            network_id: id,
            kind_id: kinds.get(kind)!,
            member_type: 'municipality',
            member_id: place.id,
            country: place.country,
            state,
            since: joined && `${joined}T00:00:00.000Z`,
            commitment_date: joined,
            commitment_file: null,
            report_due_at: joined ? due.toISOString() : null,
            created_at: at,
            updated_at: at,
          });
          await repo.insertEvent(db, { membership_id: membership, from_state: null, to_state: state, actor_id: null, reason: '', at });
          members.set(town, membership);
        }
        await seedReports(db, id, n, members, at);
      }
    }),
};

/** A network's report form and a few reports: one accepted (its public parts on the town's profile), one waiting. */
async function seedReports(
  db: Parameters<typeof repo.insertReport>[0],
  networkId: number,
  n: DemoNetwork,
  members: Map<string, number>,
  at: string,
) {
  const questions: number[] = [];
  for (const [position, q] of (n.questions ?? []).entries()) {
    const row = { kind: q.kind, labels: JSON.stringify(q.labels), choices: JSON.stringify(q.choices ?? []) };
    questions.push(
      await repo.insertQuestion(db, { network_id: networkId, ...row, required: q.required ? 1 : 0, public: q.public ? 1 : 0, position }),
    );
  }
  for (const [town, state, answers] of n.reports ?? []) {
    const membership = members.get(town);
    if (!membership) continue;
    const decided = state === 'accepted' ? { decided_at: at, comment: '' } : { comment: '' };
    const report = await repo.insertReport(db, {
      membership_id: membership,
      network_id: networkId,
      state,
      due_at: null,
      submitted_at: at,
      ...decided,
      created_at: at,
      updated_at: at,
    });
    for (const [i, value] of answers.entries()) {
      const question = questions[i];
      if (question) await repo.saveAnswer(db, { report_id: report, question_id: question, value });
    }
  }
}
