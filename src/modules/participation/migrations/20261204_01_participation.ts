import type { Kysely } from 'kysely';
import { timestampType, withId } from '../../../core/db/schema.ts';

/** Processes with their phases and vision sections; proposals, supports and answers; results; debates; comments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  await withId(db, db.schema.createTable('processes'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('original_language', 'varchar(2)', (c) => c.notNull())
    .addColumn('areas', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('support_threshold', 'integer')
    .addColumn('support_limit', 'integer')
    .addColumn('supporters', 'varchar(12)', (c) => c.notNull().defaultTo('confirmed'))
    .addColumn('stances', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('processes_owner').on('processes').columns(['owner_type', 'owner_id']).execute();
  await withId(db, db.schema.createTable('process_texts'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('process_texts_process_language', ['process_id', 'language'])
    .execute();
  await withId(db, db.schema.createTable('process_phases'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('actions', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('process_phases_process').on('process_phases').columns(['process_id', 'position']).execute();
  await withId(db, db.schema.createTable('vision_sections'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('vision_sections_process').on('vision_sections').columns(['process_id', 'position']).execute();

  await withId(db, db.schema.createTable('proposals'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('on_behalf_of', 'varchar(150)')
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('area', 'varchar(20)', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('address', 'varchar(200)')
    .addColumn('answer_state', 'varchar(20)')
    .addColumn('supports_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The list's sorts within a process, each read through an index: newest, most supported, most commented.
  for (const [name, column] of [
    ['newest', 'published_at'],
    ['supports', 'supports_count'],
    ['comments', 'comments_count'],
  ] as const) {
    await db.schema.createIndex(`proposals_${name}`).on('proposals').columns(['process_id', 'hidden', column, 'id']).execute();
  }
  await db.schema.createIndex('proposals_author').on('proposals').columns(['author_id', 'process_id']).execute();
  await withId(db, db.schema.createTable('proposal_pictures'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file', 'varchar(200)', (c) => c.notNull())
    .addColumn('alt', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('proposal_pictures_proposal').on('proposal_pictures').column('proposal_id').execute();
  // One support per person per proposal: the unique key holds it, whatever runs at once.
  await withId(db, db.schema.createTable('supports'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('process_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('supports_once', ['proposal_id', 'user_id'])
    .execute();
  await db.schema.createIndex('supports_person').on('supports').columns(['user_id', 'process_id']).execute();
  await withId(db, db.schema.createTable('proposal_answers'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().unique().references('proposals.id').onDelete('cascade'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('cost_cents', 'bigint')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('publish_at', ts, (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_answers_due').on('proposal_answers').columns(['published', 'publish_at']).execute();

  await withId(db, db.schema.createTable('results'))
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('area', 'varchar(20)')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)')
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('external_id', 'varchar(60)')
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('results_process_external', ['process_id', 'external_id'])
    .execute();
  await db.schema.createIndex('results_process').on('results').columns(['process_id', 'id']).execute();
  await db.schema
    .createTable('result_proposals')
    .addColumn('result_id', 'integer', (c) => c.notNull().references('results.id').onDelete('cascade'))
    .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('result_proposals_pk', ['result_id', 'proposal_id'])
    .execute();
  await db.schema.createIndex('result_proposals_proposal').on('result_proposals').column('proposal_id').execute();
  await withId(db, db.schema.createTable('result_events'))
    .addColumn('result_id', 'integer', (c) => c.notNull().references('results.id').onDelete('cascade'))
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('progress', 'integer')
    .execute();
  await db.schema.createIndex('result_events_result').on('result_events').columns(['result_id', 'on_date']).execute();

  await withId(db, db.schema.createTable('debates'))
    .addColumn('process_id', 'integer', (c) => c.references('processes.id').onDelete('cascade'))
    .addColumn('owner_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('area', 'varchar(20)')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('official', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('closes_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('conclusions', 'text')
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('debates_process').on('debates').columns(['process_id', 'hidden', 'id']).execute();
  await db.schema.createIndex('debates_owner').on('debates').columns(['owner_type', 'owner_id', 'hidden', 'id']).execute();

  await withId(db, db.schema.createTable('comments'))
    .addColumn('subject_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('stance', 'varchar(10)')
    .addColumn('official', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .execute();
  await db.schema.createIndex('comments_subject').on('comments').columns(['subject_type', 'subject_id', 'hidden', 'id']).execute();
  await db.schema.createIndex('comments_author').on('comments').column('author_id').execute();
}
