import type { Actor } from '../src/core/authz.ts';
import * as repo from '../src/modules/awards/repo.ts';
import type { Phase } from '../src/modules/awards/schema.ts';
import { sampleTowns } from './content.ts';
import type { TestDatabase } from './helpers/db.ts';

const DAY = 86_400_000;

/** Where today falls among an edition's dates, for each phase: days from today to each date. */
const OFFSETS: Record<Phase, number[]> = {
  nominations: [5, 10, 20, 30, 40],
  shortlisting: [-2, 5, 20, 30, 40],
  voting: [-20, -10, 10, 20, 30],
  jury: [-40, -30, -5, 10, 20],
  results: [-60, -50, -40, -30, -20],
};

export interface SampleAward {
  edition: number;
  category: number;
  /** Shortlisted (or, before the vote, accepted) nominations: Stara Zagora's mayor, then Botevgrad's. */
  nominees: [number, number];
  /** What the jury scores on: Results (weight 3), then Openness (weight 1). */
  criteria: [number, number];
  towns: { staraZagora: number; botevgrad: number };
  path: string;
}

/** Mayor of the Year 2026 in the given phase, with Stara Zagora's and Botevgrad's mayors on its list. */
export async function sampleAward(database: TestDatabase, phase: Phase, slug = 'mayor-of-the-year-2026'): Promise<SampleAward> {
  const towns = await sampleTowns(database);
  const { db } = database;
  const at = new Date().toISOString();
  const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();
  const [a, b, c, d, e] = OFFSETS[phase].map(day) as [string, string, string, string, string];
  const edition = await repo.insertEdition(db, {
    slug,
    year: 2026,
    nominations_close: a,
    vote_opens: b,
    vote_closes: c,
    jury_closes: d,
    results_on: e,
    jury_weight: 50,
    original_language: 'en',
    created_at: at,
    updated_at: at,
  });
  await repo.saveEditionText(db, edition, 'en', 'Mayor of the Year 2026', 'One vote per person.');
  await repo.saveEditionText(db, edition, 'bg', 'Кмет на годината 2026', 'Един глас на човек.');
  const category = await repo.insertCategory(db, {
    edition_id: edition,
    slug: 'mayor-of-the-year',
    kind: 'mayor',
    position: 0,
    names: JSON.stringify({ en: 'Mayor of the Year', bg: 'Кмет на годината', fi: 'Vuoden pormestari' }),
    published_at: null,
  });
  const criterion = (position: number, weight: number, names: Record<string, string>) =>
    repo.insertCriterion(db, { edition_id: edition, position, weight, names: JSON.stringify(names), descriptions: '{}' });
  const criteria: [number, number] = [
    await criterion(0, 3, { en: 'Results', bg: 'Резултати', fi: 'Tulokset' }),
    await criterion(1, 1, { en: 'Openness', bg: 'Откритост', fi: 'Avoimuus' }),
  ];
  const state = phase === 'nominations' || phase === 'shortlisting' ? 'accepted' : 'shortlisted';
  const nominee = async (town: number, mayor: string) => {
    const id = await repo.insertNomination(db, {
      category_id: category,
      municipality_id: town,
      mayor_name: mayor,
      practice: '',
      state,
      merged_into: null,
      nominated_by: null,
      created_at: at,
    });
    await repo.insertReason(db, {
      nomination_id: id,
      user_id: null,
      kind: 'reason',
      body: `${mayor} listens to people.`,
      url: '',
      created_at: at,
    });
    return id;
  };
  const nominees: [number, number] = [
    await nominee(towns.staraZagora, 'Zhivko Todorov'),
    await nominee(towns.botevgrad, 'Ivan Gavalyugov'),
  ];
  return { edition, category, nominees, criteria, towns, path: `/awards/${slug}/mayor-of-the-year` };
}

/** Accounts made straight in the database (confirmed unless said otherwise), as the policy sees them. */
export async function voters(database: TestDatabase, emails: string[], confirmed = true): Promise<Actor[]> {
  const at = new Date().toISOString();
  const actors: Actor[] = [];
  for (let i = 0; i < emails.length; i += 200) {
    const chunk = emails.slice(i, i + 200);
    const rows = await database.db
      .insertInto('users')
      .values(
        chunk.map((email, j) => ({
          name: `Voter ${i + j}`,
          email,
          password_hash: null,
          language: 'en',
          email_confirmed_at: confirmed ? at : null,
          terms_accepted_at: at,
          terms_version: '2026-01-01',
          created_at: at,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    actors.push(...rows.map((r) => ({ id: r.id, name: r.email, email: r.email, language: 'en', confirmed, grants: [] })));
  }
  return actors;
}
