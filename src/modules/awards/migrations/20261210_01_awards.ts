import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('award_editions'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('nominations_close', ts, (c) => c.notNull())
    .addColumn('vote_opens', ts, (c) => c.notNull())
    .addColumn('vote_closes', ts, (c) => c.notNull())
    .addColumn('jury_closes', ts, (c) => c.notNull())
    .addColumn('results_on', ts, (c) => c.notNull())
    .addColumn('jury_weight', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_editions_year').on('award_editions').column('year').execute();
  await withId(db, db.schema.createTable('award_edition_texts'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('award_editions.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('award_edition_texts_edition_language', ['edition_id', 'language'])
    .execute();
  // A category's names per language are a small JSON object ({"en": "Mayor of the Year"}), always read together.
  await withId(db, db.schema.createTable('award_categories'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('award_editions.id').onDelete('cascade'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('published_at', ts)
    .addUniqueConstraint('award_categories_edition_slug', ['edition_id', 'slug'])
    .execute();
  await withId(db, db.schema.createTable('award_nominations'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('award_categories.id').onDelete('cascade'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull())
    .addColumn('mayor_name', 'varchar(160)', (c) => c.notNull().defaultTo(''))
    .addColumn('practice', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('merged_into', 'integer')
    .addColumn('nominated_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_nominations_category').on('award_nominations').columns(['category_id', 'state']).execute();
  await db.schema.createIndex('award_nominations_town').on('award_nominations').column('municipality_id').execute();
  // Reasons and material stay with the nomination they were given for, and move with it when duplicates merge.
  await withId(db, db.schema.createTable('award_reasons'))
    .addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nominations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('award_reasons_nomination').on('award_reasons').column('nomination_id').execute();
  // One vote per category and person: the person is the keyed hash of their normalised address, so no address is kept.
  await withId(db, db.schema.createTable('award_votes'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('award_categories.id').onDelete('cascade'))
    .addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nominations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer')
    .addColumn('voter_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('pattern_key', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('email_domain', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('ip_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('network_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('account_created_at', ts)
    .addColumn('voted_at', ts, (c) => c.notNull())
    .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'varchar(10)', (c) => c.notNull().defaultTo('counted'))
    .addColumn('void_reason', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('award_votes_category_voter', ['category_id', 'voter_key'])
    .execute();
  await db.schema.createIndex('award_votes_network').on('award_votes').columns(['category_id', 'network_hash']).execute();
  await db.schema.createIndex('award_votes_user').on('award_votes').column('user_id').execute();
  // The result as published: kept, so a later change of votes or scores cannot change an announced winner.
  await withId(db, db.schema.createTable('award_results'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('award_categories.id').onDelete('cascade'))
    .addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nominations.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('jury_score', 'real', (c) => c.notNull())
    .addColumn('final_score', 'real', (c) => c.notNull())
    .addUniqueConstraint('award_results_category_nomination', ['category_id', 'nomination_id'])
    .execute();
  // The jurors are the people holding a role in the edition's scope (award_edition): invited on its team page.
  await withId(db, db.schema.createTable('award_scores'))
    .addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nominations.id').onDelete('cascade'))
    .addColumn('juror_id', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('scored_at', ts, (c) => c.notNull())
    .addUniqueConstraint('award_scores_nomination_juror', ['nomination_id', 'juror_id'])
    .execute();
}
