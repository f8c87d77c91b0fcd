import { type Kysely, sql } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** What an edition's criterion "Overall" is called: the one criterion every edition made before criteria had. */
const OVERALL = JSON.stringify({
  en: 'Overall',
  bg: 'Обща оценка',
  de: 'Gesamteindruck',
  fi: 'Kokonaisarvio',
  fr: 'Appréciation générale',
  sl: 'Splošna ocena',
});

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  // Names and descriptions per language are small JSON objects, as a category's names are, always read together.
  await withId(db, db.schema.createTable('award_criteria'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('award_editions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('descriptions', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('award_criteria_edition').on('award_criteria').column('edition_id').execute();
  // A juror's score of a nominee on one criterion; the single scores of before move onto the criterion "Overall".
  await withId(db, db.schema.createTable('award_criterion_scores'))
    .addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nominations.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('award_criteria.id').onDelete('cascade'))
    .addColumn('juror_id', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('scored_at', ts, (c) => c.notNull())
    .addUniqueConstraint('award_criterion_scores_once', ['nomination_id', 'juror_id', 'criterion_id'])
    .execute();
  await sql`insert into award_criteria (edition_id, position, weight, names, descriptions)
    select id, 0, 1, ${OVERALL}, '{}' from award_editions`.execute(db);
  await sql`insert into award_criterion_scores (nomination_id, criterion_id, juror_id, score, scored_at)
    select s.nomination_id, c.id, s.juror_id, s.score, s.scored_at
    from award_scores s
    join award_nominations n on n.id = s.nomination_id
    join award_categories k on k.id = n.category_id
    join award_criteria c on c.edition_id = k.edition_id`.execute(db);
  await db.schema.dropTable('award_scores').execute();
}
