import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { voters } from '../../../test/awards.ts';
import { createTestApp } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { grantRole } from '../accounts/index.ts';
import { modules } from '../index.ts';
import * as repo from './repo.ts';
import type { Category, Edition } from './schema.ts';
import { standings } from './service/results.ts';

dbTest('the single scores of an edition from before criteria count on its one criterion, Overall', async (database) => {
  // The portal as it was before criteria: the awards' first migration only.
  const before = modules.map((m) =>
    m.name === 'awards' ? { ...m, migrations: { '20261210_01_awards': m.migrations!['20261210_01_awards']! } } : m,
  );
  await migrateToLatest(database.db, before);
  // biome-ignore lint/suspicious/noExplicitAny: the tables of before the migration are not the portal's types
  const db = database.db as unknown as Kysely<any>;
  const at = new Date().toISOString();
  const dates = { nominations_close: at, vote_opens: at, vote_closes: at, jury_closes: at, results_on: at };
  const edition = (
    await db
      .insertInto('award_editions')
      .values({
        slug: 'mayor-of-the-year-2025',
        year: 2025,
        ...dates,
        jury_weight: 50,
        original_language: 'en',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id as number;
  const category = (
    await db
      .insertInto('award_categories')
      .values({ edition_id: edition, slug: 'mayor-of-the-year', kind: 'mayor', position: 0, names: '{"en":"Mayor of the Year"}' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id as number;
  const nominee = async (town: number) =>
    (
      await db
        .insertInto('award_nominations')
        .values({ category_id: category, municipality_id: town, mayor_name: `Mayor ${town}`, state: 'shortlisted', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id as number;
  const [a, b] = [await nominee(1), await nominee(2)];
  const jurors = await voters(database, ['juror1@example.eu', 'juror2@example.eu']);
  const [one, two] = jurors.map((j) => j.id) as [number, number];
  const old: [number, number, number][] = [
    [a, one, 7],
    [a, two, 8],
    [b, one, 3],
  ];
  for (const [n, juror, score] of old) {
    await db.insertInto('award_scores').values({ nomination_id: n, juror_id: juror, score, scored_at: at }).execute();
  }

  const app = await createTestApp(database);
  try {
    const criteria = await repo.criteriaOf(database.db, edition);
    assert.equal(criteria.length, 1);
    assert.equal(JSON.parse(criteria[0]!.names).en, 'Overall');
    assert.equal(JSON.parse(criteria[0]!.names).bg, 'Обща оценка');
    const scores = await repo.scoresOf(database.db, [a, b]);
    assert.deepEqual(
      scores.map((s) => [s.nomination_id, s.juror_id, s.score, s.criterion_id]).sort(),
      old.map(([n, j, s]) => [n, j, s, criteria[0]!.id]).sort(),
    );
    for (const juror of jurors) await grantRole(database.db, juror.id, 'award_juror', edition, null);
    const [e] = (await repo.editionsByIds(database.db, [edition])) as Edition[];
    const [c] = (await repo.categoriesByIds(database.db, [category])) as Category[];
    const ranking = await standings(app.context, e!, c!);
    assert.deepEqual(
      ranking.map((r) => [r.nomination_id, r.jury_score]),
      [
        [a, 7.5],
        [b, 3],
      ],
    );
  } finally {
    await app.close();
  }
});
