import * as repo from '../src/modules/participation/repo.ts';
import type { TestDatabase } from './helpers/db.ts';

/** A proposal in a process, as the proposals feature writes one. */
export function sampleProposal(database: TestDatabase, processId: number, authorId: number | null, title = 'Plant trees on Main Street') {
  const at = new Date().toISOString();
  return repo.addProposal(database.db, {
    process_id: processId,
    author_id: authorId,
    on_behalf_of: null,
    language: 'en',
    title,
    body: 'Shade for the bus stops.',
    area: 'environment',
    latitude: null,
    longitude: null,
    address: null,
    answer_state: null,
    supports_count: 0,
    comments_count: 0,
    hidden: 0,
    withdrawn: 0,
    published_at: at,
    edited_at: null,
    updated_at: at,
  });
}

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
