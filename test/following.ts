import * as repo from '../src/modules/participation/repo.ts';
import type { TestDatabase } from './helpers/db.ts';

/** A debate of a town, in a process or outside any. */
export function sampleDebate(
  database: TestDatabase,
  owner: { type: string; id: number },
  processId: number | null,
  authorId: number | null,
  title = 'Should the square be car-free?',
) {
  const at = new Date().toISOString();
  return repo.addDebate(database.db, {
    process_id: processId,
    owner_type: owner.type,
    owner_id: owner.id,
    area: null,
    author_id: authorId,
    official: 0,
    language: 'en',
    title,
    body: 'Tell us what you think.',
    closes_at: null,
    closed_at: null,
    conclusions: null,
    comments_count: 0,
    hidden: 0,
    created_at: at,
    updated_at: at,
  });
}

/** A comment on a proposal or debate. */
export function sampleComment(database: TestDatabase, subject: { type: 'proposal' | 'debate'; id: number }, authorId: number | null) {
  return repo.addComment(database.db, {
    subject_type: subject.type,
    subject_id: subject.id,
    parent_id: null,
    author_id: authorId,
    body: 'Yes, and benches too.',
    stance: 'for',
    official: 0,
    hidden: 0,
    created_at: new Date().toISOString(),
    edited_at: null,
  });
}
