import type { FastifyRequest } from 'fastify';
import { loadOr404, NotFound } from '../../../core/http/guards.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { networkPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Membership, MembershipKind } from '../schema.ts';
import { kindsOf, type NetworkView, networkBySlug } from '../service/networks.ts';

export interface FoundMembership {
  n: NetworkView;
  m: Membership;
  kind: MembershipKind;
}

/** The network an address names, in the reader's language; the 404 page when none. */
export const networkOr404 = (ctx: ModuleContext, req: FastifyRequest, slug: string) => loadOr404(networkBySlug(ctx, slug, req.lang));

/**
 * The membership an address names, for the two sides only: whether an application exists is their
 * business, so for anyone else there is none (404).
 */
export async function membershipOr404(ctx: ModuleContext, req: FastifyRequest, slug: string, id: number): Promise<FoundMembership> {
  const n = await networkOr404(ctx, req, slug);
  const m = (await loadOr404(repo.membershipById(ctx.database.db, id))) as Membership;
  if (m.network_id !== n.id) throw new NotFound();
  networkPolicy.authorize(req.actor, 'membership.view', m, { hide: true });
  const kind = (await kindsOf(ctx, [n.id])).find((k) => k.id === m.kind_id) as MembershipKind;
  return { n, m, kind };
}
