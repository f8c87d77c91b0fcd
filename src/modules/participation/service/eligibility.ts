import type { Actor } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { isVerified } from './census.ts';
import type { ProcessView } from './processes.ts';

/**
 * Whether a person may support in this process as far as residence goes: any confirmed account
 * when the process asks nothing more, or a person verified against the owner's census list.
 * "verify" sends them to verify first.
 */
export async function residenceFor(ctx: ModuleContext, p: ProcessView, actor: Actor): Promise<'ok' | 'verify'> {
  if (p.supporters === 'confirmed') return 'ok';
  return (await verifiedFor(ctx, { type: p.owner_type, id: p.owner_id }, actor.id)) ? 'ok' : 'verify';
}

/** Whether the person verified as a resident of this owner (the census check). */
export async function verifiedFor(ctx: ModuleContext, owner: { type: string; id: number }, userId: number): Promise<boolean> {
  return isVerified(ctx, owner, userId);
}
