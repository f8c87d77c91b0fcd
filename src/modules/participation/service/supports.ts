import { sql } from 'kysely';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { isPostgres } from '../../../core/db/schema.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Proposal } from '../schema.ts';
import { residenceFor } from './eligibility.ts';
import { followOnAction } from './following.ts';
import type { ProcessView } from './processes.ts';

/** Why a support was refused, as the message keys say it. */
export type SupportRefusal = 'verify' | 'already' | 'limit';

/** Where a person stands in a process: supports given, and how many are left when there is a limit. */
export interface SupportStanding {
  supported: boolean;
  /** null without a limit. */
  left: number | null;
}

export async function standingOf(ctx: ModuleContext, p: ProcessView, proposal: Proposal, actor: Actor | null): Promise<SupportStanding> {
  if (!actor) return { supported: false, left: p.support_limit };
  const { db } = ctx.database;
  const [mine, given] = await Promise.all([
    repo.supportedAmong(db, actor.id, [proposal.id]),
    p.support_limit === null ? Promise.resolve(0) : repo.supportsInProcess(db, actor.id, p.id),
  ]);
  return { supported: mine.has(proposal.id), left: p.support_limit === null ? null : Math.max(0, p.support_limit - given) };
}

/**
 * Adds the person's support. The unique key keeps it to one per person; the count is raised in
 * the same transaction, in the row itself, so supports given at the same moment all count. A
 * person's supports in one process are taken one at a time (an advisory lock on PostgreSQL;
 * SQLite writes one transaction at a time anyway), so that racing requests cannot pass the limit.
 */
export async function support(ctx: ModuleContext, p: ProcessView, proposal: Proposal, actor: Actor): Promise<SupportRefusal | null> {
  if ((await residenceFor(ctx, p, actor)) === 'verify') return 'verify';
  return transaction(ctx.database.db, async (trx) => {
    if (p.support_limit !== null) {
      if (isPostgres(trx as never)) await sql`select pg_advisory_xact_lock(${p.id}, ${actor.id})`.execute(trx);
      if ((await repo.supportsInProcess(trx, actor.id, p.id)) >= p.support_limit) {
        const mine = await repo.supportedAmong(trx, actor.id, [proposal.id]);
        return mine.has(proposal.id) ? 'already' : 'limit';
      }
    }
    const added = await repo.insertSupport(trx, {
      proposal_id: proposal.id,
      process_id: p.id,
      user_id: actor.id,
      created_at: new Date().toISOString(),
    });
    if (!added) return 'already';
    await repo.addSupports(trx, proposal.id, 1);
    await followOnAction(trx, actor.id, { type: 'proposal', id: proposal.id });
    return null;
  });
}

/** Takes the person's support back; false when there was none. */
export function withdrawSupport(ctx: ModuleContext, proposal: Proposal, actor: Actor): Promise<boolean> {
  return transaction(ctx.database.db, async (trx) => {
    const gone = await repo.deleteSupport(trx, proposal.id, actor.id);
    if (gone) await repo.addSupports(trx, proposal.id, -1);
    return gone;
  });
}
