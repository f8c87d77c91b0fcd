import { sampleComment, sampleDebate } from './following.ts';
import type { TestDatabase } from './helpers/db.ts';
import { sampleProposal } from './participation.ts';

/** A proposal, a debate and a comment on the proposal by one author in a process, as the writing forms store them. */
export async function sampleTexts(database: TestDatabase, process: { id: number }, authorId: number, owner: { type: string; id: number }) {
  const proposal = await sampleProposal(database, process.id, authorId, {
    title: 'Benches along the river',
    body: 'Older people need somewhere to rest on the **river walk**.',
    comments: 1,
  });
  const debate = await sampleDebate(database, owner, process.id, authorId, {
    title: 'Should the market move?',
    body: 'The Saturday market could move to the square.',
  });
  const spam = { body: 'Buy cheap watches at spam.example!', stance: null };
  const comment = await sampleComment(database, { type: 'proposal', id: proposal }, authorId, spam);
  return { proposal, debate, comment };
}

/** Whether a participation text is hidden now, read from its table. */
export async function isHidden(database: TestDatabase, table: 'proposals' | 'debates' | 'comments', id: number): Promise<boolean> {
  const row = await database.db.selectFrom(table).select('hidden').where('id', '=', id).executeTakeFirstOrThrow();
  return row.hidden === 1;
}
