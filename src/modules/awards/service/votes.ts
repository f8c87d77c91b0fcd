import type { Actor } from '../../../core/authz.ts';
import { type FormRefusal, tooManyAttempts } from '../../../core/http/forms.ts';
import { hit, type Limit } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { accountStanding } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import { type Category, type Edition, phaseOf } from '../schema.ts';
import { addressPattern, domainOf, isDisposable, keyedHash, networkOf, normaliseAddress } from './addresses.ts';

/** Votes one address (a household, an office) may cast in an hour, across categories and changes. */
export const ADDRESS_LIMIT: Limit = { max: 20, windowMs: 3600_000 };
/** Votes one network (an IPv4 /24, an IPv6 /64) may cast in an hour: a company, a campus, a hosting range. */
export const NETWORK_LIMIT: Limit = { max: 60, windowMs: 3600_000 };
/** Casts and changes by one account in ten minutes. */
export const ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 10 * 60_000 };

export type VoteRefusal =
  | 'awards.error.closed'
  | 'awards.error.unconfirmed'
  | 'awards.error.disposable'
  | 'awards.error.nominee'
  | 'awards.error.published';

export interface Caller {
  ip: string;
  userAgent: string;
}

export type VoteResult = { ok: true; changed: boolean } | FormRefusal;

const refused = (key: VoteRefusal): FormRefusal => ({ ok: false, errors: { nomination: { key } } });

/** Who the person is for counting: the keyed hash of the address their mailbox receives at. */
export const voterKey = (secret: string, email: string) => keyedHash(secret, 'voter', normaliseAddress(email));

/**
 * Casts a person's vote in a category, or changes it while the vote is open; never a second one.
 * Refused outside the vote's dates, for unconfirmed accounts and throwaway addresses, for a
 * nominee not on the shortlist, and past the limits per account, address and network.
 */
export async function castVote(
  ctx: ModuleContext,
  actor: Actor,
  edition: Edition,
  category: Category,
  nominationId: number | undefined,
  caller: Caller,
  now = new Date(),
): Promise<VoteResult> {
  const { db } = ctx.database;
  const secret = ctx.config.secretKey;
  if (phaseOf(edition, now) !== 'voting') return refused('awards.error.closed');
  if (category.published_at) return refused('awards.error.published');
  if (!actor.confirmed) return refused('awards.error.unconfirmed');
  if (isDisposable(actor.email)) return refused('awards.error.disposable');
  const nomination = nominationId ? await repo.nominationById(db, nominationId) : undefined;
  if (!nomination || nomination.category_id !== category.id || nomination.state !== 'shortlisted') return refused('awards.error.nominee');
  const ipHash = keyedHash(secret, 'ip', caller.ip);
  const networkHash = keyedHash(secret, 'network', networkOf(caller.ip));
  const at = now.getTime();
  for (const [key, limit] of [
    [`awards:vote:account:${actor.id}`, ACCOUNT_LIMIT],
    [`awards:vote:ip:${ipHash}`, ADDRESS_LIMIT],
    [`awards:vote:net:${networkHash}`, NETWORK_LIMIT],
  ] as const) {
    const verdict = await hit(db, key, limit, at);
    if (!verdict.allowed) return tooManyAttempts(verdict.retryAfter);
  }
  const normalised = normaliseAddress(actor.email);
  const key = keyedHash(secret, 'voter', normalised);
  const pattern = addressPattern(normalised);
  const before = await repo.voteOf(db, category.id, key);
  const standing = await accountStanding(ctx, actor.id);
  await repo.upsertVote(db, {
    category_id: category.id,
    nomination_id: nomination.id,
    user_id: actor.id,
    voter_key: key,
    pattern_key: pattern ? keyedHash(secret, 'pattern', pattern) : '',
    email_domain: domainOf(normalised),
    ip_hash: ipHash,
    network_hash: networkHash,
    user_agent: caller.userAgent.slice(0, 300),
    account_created_at: standing?.createdAt ?? null,
    voted_at: now.toISOString(),
  });
  return { ok: true, changed: !!before };
}

/** The nominee this person voted for in a category, if they did. */
export async function ownVote(ctx: ModuleContext, actor: Actor | null, categoryId: number): Promise<number | undefined> {
  if (!actor) return undefined;
  return (await repo.voteOf(ctx.database.db, categoryId, voterKey(ctx.config.secretKey, actor.email)))?.nomination_id;
}
