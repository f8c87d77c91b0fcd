import * as repo from '../src/modules/participation/repo.ts';
import type { TestDatabase } from './helpers/db.ts';
import { sampleProposal } from './participation.ts';

/** A proposal, a debate and a comment on the proposal by one author in a process, as the writing forms store them. */
export async function sampleTexts(database: TestDatabase, process: { id: number }, authorId: number, owner: { type: string; id: number }) {
  const at = new Date().toISOString();
  const proposal = await sampleProposal(database, process.id, authorId, {
    title: 'Benches along the river',
    body: 'Older people need somewhere to rest on the **river walk**.',
    comments: 1,
  });
  const debate = await repo.insertDebate(database.db, {
    process_id: process.id,
    owner_type: owner.type,
    owner_id: owner.id,
    area: null,
    author_id: authorId,
    official: 0,
    language: 'en',
    title: 'Should the market move?',
    body: 'The Saturday market could move to the square.',
    closes_at: null,
    closed_at: null,
    conclusions: null,
    comments_count: 0,
    hidden: 0,
    created_at: at,
    updated_at: at,
  });
  const comment = await repo.insertComment(database.db, {
    subject_type: 'proposal',
    subject_id: proposal,
    parent_id: null,
    author_id: authorId,
    body: 'Buy cheap watches at spam.example!',
    stance: null,
    official: 0,
    hidden: 0,
    created_at: at,
    edited_at: null,
  });
  return { proposal, debate, comment };
}

/** Whether a participation text is hidden now, read from its table. */
export async function isHidden(database: TestDatabase, table: 'proposals' | 'debates' | 'comments', id: number): Promise<boolean> {
  const row = await database.db.selectFrom(table).select('hidden').where('id', '=', id).executeTakeFirstOrThrow();
  return row.hidden === 1;
}
