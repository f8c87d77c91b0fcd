import type { ModuleContext } from '../../../core/modules.ts';
import { findUser, updateUser } from '../repo.ts';

/** A person as moderation sees them: their name and whether their account is blocked. */
export interface AccountStanding {
  id: number;
  name: string;
  blockedAt: string | null;
  blockedReason: string | null;
  /** When the account was made: an account made just before it acts (votes, say) is worth a second look. */
  createdAt: string;
}

/** The standing of an account; none for one that does not exist or was erased. */
export async function accountStanding(ctx: ModuleContext, id: number): Promise<AccountStanding | undefined> {
  const user = await findUser(ctx.database.db, id);
  if (!user || user.deleted_at) return undefined;
  return {
    id: user.id,
    name: user.name,
    blockedAt: user.blocked_at ?? null,
    blockedReason: user.blocked_reason ?? null,
    createdAt: user.created_at,
  };
}

/** Blocks an account with a reason, or (reason null) unblocks it; the person's next request sees it. */
export async function setBlocked(ctx: ModuleContext, id: number, reason: string | null, now = new Date()): Promise<void> {
  await updateUser(ctx.database.db, id, { blocked_at: reason === null ? null : now.toISOString(), blocked_reason: reason });
}
