import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { demoAccounts, grantRole } from '../../accounts/index.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { keyedHash, networkOf } from './addresses.ts';
import { publishResults } from './results.ts';
import { voterKey } from './votes.ts';

const DAY = 86_400_000;

/** Demonstration nominees from several countries: places of the demo directory, with made-up reasons. */
const NOMINEES: [string, string, string][] = [
  ['BG/stara-zagora', 'Zhivko Todorov', 'Opened the town hall to citizens with a hotline that answers every signal within a week.'],
  ['SI/maribor', 'Saša Arsenovič', 'Brought the riverside back to people with new paths, benches and a summer programme.'],
  ['FI/tampere', 'Kalle Kallio', 'Made the tram the backbone of the city and kept every neighbourhood connected.'],
  ['PL/gdansk', 'Aleksandra Dulkiewicz', 'Welcomed newcomers with language classes and a city card for every resident.'],
  ['IT/bologna', 'Matteo Lepore', 'Turned thirty streets into a thirty kilometres per hour city without losing a single bus line.'],
];

const PEOPLE = Array.from({ length: 12 }, (_, i) => ({
  name: `Demo voter ${i + 1}`,
  email: `voter${i + 1}@demo.municipium.eu`,
  language: 'en',
}));

/** What the demo jury scores on: results weigh most. */
const CRITERIA: { weight: number; names: Record<string, string>; descriptions: Record<string, string> }[] = [
  {
    weight: 3,
    names: { en: 'Results', bg: 'Резултати', sl: 'Rezultati', fi: 'Tulokset', de: 'Ergebnisse', fr: 'Résultats' },
    descriptions: { en: 'What changed for residents.', bg: 'Какво се промени за жителите.', de: 'Was sich für die Einwohner änderte.' },
  },
  {
    weight: 2,
    names: { en: 'Openness', bg: 'Откритост', sl: 'Odprtost', fi: 'Avoimuus', de: 'Offenheit', fr: 'Ouverture' },
    descriptions: { en: 'How the town hall listens and explains.', bg: 'Как общината слуша и обяснява.' },
  },
  {
    weight: 1,
    names: { en: 'Example to others', bg: 'Пример за другите', sl: 'Zgled drugim', fi: 'Esimerkki muille', de: 'Vorbild', fr: 'Exemple' },
    descriptions: {},
  },
];

async function edition(ctx: ModuleContext, slug: string, year: number, start: number, texts: Record<string, string>) {
  const { db } = ctx.database;
  const at = new Date().toISOString();
  const day = (n: number) => `${new Date(start + n * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`;
  const id = await repo.insertEdition(db, {
    slug,
    year,
    nominations_close: day(0),
    vote_opens: day(7),
    vote_closes: day(37),
    jury_closes: day(51),
    results_on: day(60),
    jury_weight: 50,
    original_language: 'en',
    created_at: at,
    updated_at: at,
  });
  for (const [language, title] of Object.entries(texts)) {
    await repo.saveEditionText(db, id, language, title, language === 'en' ? RULES : '');
  }
  const category = await repo.insertCategory(db, {
    edition_id: id,
    slug: 'mayor-of-the-year',
    kind: 'mayor',
    position: 0,
    names: JSON.stringify({
      en: 'Mayor of the Year',
      bg: 'Кмет на годината',
      sl: 'Župan leta',
      fi: 'Vuoden pormestari',
      de: 'Bürgermeister des Jahres',
      fr: "Maire de l'année",
    }),
    published_at: null,
  });
  await repo.insertCategory(db, {
    edition_id: id,
    slug: 'best-good-practice',
    kind: 'practice',
    position: 1,
    names: JSON.stringify({
      en: 'Best good practice',
      bg: 'Най-добра практика',
      sl: 'Najboljša praksa',
      fi: 'Paras käytäntö',
      de: 'Beste Praxis',
      fr: 'Meilleure pratique',
    }),
    published_at: null,
  });
  const criteria: number[] = [];
  for (const [position, c] of CRITERIA.entries()) {
    const texts = { names: JSON.stringify(c.names), descriptions: JSON.stringify(c.descriptions) };
    criteria.push(await repo.insertCriterion(db, { edition_id: id, position, weight: c.weight, ...texts }));
  }
  const nominations: number[] = [];
  for (const [ref, mayor, reason] of NOMINEES) {
    const [country, town] = ref.split('/') as [string, string];
    const place = await municipalityBySlug(db, country, town);
    if (!place) continue;
    const n = await repo.insertNomination(db, {
      category_id: category,
      municipality_id: place.id,
      mayor_name: mayor,
      practice: '',
      state: 'shortlisted',
      merged_into: null,
      nominated_by: null,
      created_at: at,
    });
    await repo.insertReason(db, { nomination_id: n, user_id: null, kind: 'reason', body: reason, url: '', created_at: at });
    nominations.push(n);
  }
  return { id, category, criteria, nominations, voteOpens: start + 7 * DAY };
}

const RULES = [
  'Anyone with a confirmed account nominates a mayor with reasons. Editors shortlist the nominees,',
  'everyone votes once per category, and a jury scores the shortlist.\n\nThe public vote and the jury',
  'each count for half. Every vote is audited before the results are published.',
].join(' ');

async function votes(ctx: ModuleContext, e: Awaited<ReturnType<typeof edition>>, voters: number[]) {
  const secret = ctx.config.secretKey;
  for (const [i, user] of voters.entries()) {
    const ip = `192.0.2.${i + 10}`;
    await repo.upsertVote(ctx.database.db, {
      category_id: e.category,
      nomination_id: e.nominations[(i * 7) % e.nominations.length]!,
      user_id: user,
      voter_key: voterKey(secret, PEOPLE[i]!.email),
      pattern_key: '',
      email_domain: 'demo.municipium.eu',
      ip_hash: keyedHash(secret, 'ip', ip),
      network_hash: keyedHash(secret, 'network', networkOf(ip)),
      user_agent: 'demo',
      account_created_at: null,
      voted_at: new Date(e.voteOpens + (i + 1) * 3600_000).toISOString(),
    });
  }
}

/** Mayor of the Year 2026 in its public vote (dates around today), and 2025 finished with its results. */
export const demoAwards: DemoSeed = {
  name: 'awards',
  async run(ctx) {
    const { db } = ctx.database;
    if (await repo.editionBySlug(db, 'mayor-of-the-year-2026')) return;
    const voters = await demoAccounts(db, PEOPLE);
    const now = Date.now();
    const past = await edition(ctx, 'mayor-of-the-year-2025', 2025, now - 400 * DAY, {
      en: 'Mayor of the Year 2025',
      bg: 'Кмет на годината 2025',
      sl: 'Župan leta 2025',
      fi: 'Vuoden pormestari 2025',
      de: 'Bürgermeister des Jahres 2025',
      fr: "Maire de l'année 2025",
    });
    if (past.nominations.length) {
      await votes(ctx, past, voters);
      // Three demo people sat on 2025's jury, scoring every nominee on each criterion: half of the result.
      const at = new Date(past.voteOpens + 30 * DAY).toISOString();
      for (const [j, juror] of voters.slice(0, 3).entries()) {
        await grantRole(db, juror, 'award_juror', past.id, null);
        for (const [k, n] of past.nominations.entries()) {
          for (const [c, criterion] of past.criteria.entries()) {
            const score = Math.max(0, [9, 6, 8, 7, 5][k % 5]! - ((j + k + c) % 3));
            await repo.saveScore(db, { nomination_id: n, criterion_id: criterion, juror_id: juror, score, scored_at: at });
          }
        }
      }
      const [row] = await repo.categoriesByIds(db, [past.category]);
      const e = await repo.editionBySlug(db, 'mayor-of-the-year-2025');
      if (row && e) await publishResults(ctx, null, e, row);
    }
    const current = await edition(ctx, 'mayor-of-the-year-2026', 2026, now - 10 * DAY, {
      en: 'Mayor of the Year 2026',
      bg: 'Кмет на годината 2026',
      sl: 'Župan leta 2026',
      fi: 'Vuoden pormestari 2026',
      de: 'Bürgermeister des Jahres 2026',
      fr: "Maire de l'année 2026",
    });
    if (current.nominations.length) await votes(ctx, current, voters.slice(0, 6));
  },
};
