import * as repo from '../src/modules/participation/repo.ts';
import type { CommentSubject, Stance } from '../src/modules/participation/schema.ts';
import { newDebate } from '../src/modules/participation/service/debates.ts';
import type { TestDatabase } from './helpers/db.ts';

/** A debate of a town, in a process or outside any, as the debate form stores it. */
export function sampleDebate(
  database: TestDatabase,
  owner: { type: string; id: number },
  processId: number | null,
  authorId: number | null,
  options: { title?: string; body?: string } = {},
) {
  const fields = {
    area: null,
    author_id: authorId,
    official: 0,
    language: 'en',
    title: options.title ?? 'Should the square be car-free?',
    body: options.body ?? 'Tell us what you think.',
    closes_at: null,
  };
  const where = { id: processId, owner_type: owner.type, owner_id: owner.id };
  return repo.insertDebate(database.db, newDebate(where, fields, new Date().toISOString()));
}

/** A comment on a proposal, a debate, a result or a vision section, as the comment form stores it. */
export function sampleComment(
  database: TestDatabase,
  subject: { type: CommentSubject; id: number },
  authorId: number | null,
  options: { body?: string; stance?: Stance | null } = {},
) {
  return repo.insertComment(database.db, {
    subject_type: subject.type,
    subject_id: subject.id,
    parent_id: null,
    author_id: authorId,
    body: options.body ?? 'Yes, and benches too.',
    stance: options.stance === undefined ? 'for' : options.stance,
    official: 0,
    hidden: 0,
    created_at: new Date().toISOString(),
    edited_at: null,
  });
}
