import * as repo from '../src/modules/participation/repo.ts';
import type { AnswerState, PhaseAction, PhaseKind, ProcessKind, ResultStatus, Supporters } from '../src/modules/participation/schema.ts';
import { indexProposal } from '../src/modules/participation/service/fulltext.ts';
import { proposalRow } from '../src/modules/participation/service/proposals.ts';
import { resultRow } from '../src/modules/participation/service/results.ts';
import type { TestDatabase } from './helpers/db.ts';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface SampleProcess {
  id: number;
  slug: string;
  path: string;
}

/**
 * A published process of a town (or network) with one phase running today that allows `actions`
 * (all of them unless said), texts in English, stances on.
 */
export async function sampleProcess(
  database: TestDatabase,
  owner: { type: string; id: number },
  options: {
    slug?: string;
    kind?: ProcessKind;
    actions?: PhaseAction[];
    phase?: PhaseKind;
    /** Days from today to the running phase's start and end: e.g. [-30, -1] for a phase that has ended. */
    window?: [number, number];
    published?: boolean;
    threshold?: number | null;
    limit?: number | null;
    supporters?: Supporters;
    areas?: string[];
    title?: string;
  } = {},
): Promise<SampleProcess> {
  const slug = options.slug ?? `process-${owner.type}-${owner.id}-${Math.floor(Math.random() * 1e9)}`;
  const [from, to] = options.window ?? [-10, 30];
  const at = new Date().toISOString();
  const id = await repo.insertProcess(database.db, {
    slug,
    owner_type: owner.type,
    owner_id: owner.id,
    kind: options.kind ?? 'participatory',
    original_language: 'en',
    areas: (options.areas ?? ['environment', 'culture']).join(','),
    support_threshold: options.threshold === undefined ? 10 : options.threshold,
    support_limit: options.limit ?? null,
    supporters: options.supporters ?? 'confirmed',
    stances: 1,
    published: options.published === false ? 0 : 1,
    starts_on: day(from),
    ends_on: day(to),
    created_at: at,
    updated_at: at,
  });
  await repo.saveText(database.db, {
    process_id: id,
    language: 'en',
    title: options.title ?? 'Ideas for a greener town',
    summary: 'Propose what the town should do next.',
    description: 'The town asks its people for **ideas**.',
  });
  await repo.replacePhases(database.db, id, [
    {
      process_id: id,
      position: 0,
      kind: options.phase ?? 'ideas',
      starts_on: day(from),
      ends_on: day(to),
      actions: (options.actions ?? ['propose', 'support', 'comment', 'debate']).join(','),
    },
  ]);
  return { id, slug, path: `/participation/${slug}` };
}

// Proposals and supports.

/** A published proposal in a process, stored as the form would store it (indexed for similar ones). */
export async function sampleProposal(
  database: TestDatabase,
  processId: number,
  authorId: number | null,
  options: {
    title?: string;
    body?: string;
    area?: string;
    place?: [number, number, string];
    hidden?: boolean;
    withdrawn?: boolean;
    supports?: number;
    comments?: number;
    state?: AnswerState;
    /** Days ago it was published. */
    age?: number;
    onBehalfOf?: string;
  } = {},
): Promise<number> {
  const at = new Date(Date.now() - (options.age ?? 0) * 86_400_000).toISOString();
  const title = options.title ?? 'More benches in the park';
  const body = options.body ?? 'Older people need somewhere to rest on the way to the market.';
  const id = await repo.insertProposal(
    database.db,
    proposalRow(
      {
        process_id: processId,
        author_id: authorId,
        on_behalf_of: options.onBehalfOf ?? null,
        language: 'en',
        title,
        body,
        area: options.area ?? 'environment',
        latitude: options.place?.[0] ?? null,
        longitude: options.place?.[1] ?? null,
        address: options.place?.[2] ?? null,
        answer_state: options.state ?? null,
        supports_count: options.supports ?? 0,
        comments_count: options.comments ?? 0,
        hidden: options.hidden ? 1 : 0,
        withdrawn: options.withdrawn ? 1 : 0,
      },
      at,
    ),
  );
  await indexProposal(database.db, { id, language: 'en', title, body });
  return id;
}

// Monitoring.

/** A result of a process, in English, without dates or an external id, as a town's staff add one. */
export function sampleResult(
  database: TestDatabase,
  processId: number,
  options: { title?: string; progress?: number; status?: ResultStatus } = {},
): Promise<number> {
  const fields = { process_id: processId, language: 'en', title: options.title ?? 'The skate park is built' };
  const state = { progress: options.progress ?? 0, status: options.status ?? 'planned' };
  return repo.insertResult(database.db, resultRow({ ...fields, ...state }, new Date().toISOString()));
}
