import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext, PersonalData } from '../../../core/modules.ts';
import { deleteFollow, deleteFollowsOf, followedBy, follows, insertFollow } from '../repo.ts';

export const followTown = (ctx: ModuleContext, actor: Actor, municipalityId: number) =>
  insertFollow(ctx.database.db, actor.id, municipalityId, new Date().toISOString());

export const unfollowTown = (ctx: ModuleContext, actor: Actor, municipalityId: number) =>
  deleteFollow(ctx.database.db, actor.id, municipalityId);

export const isFollowing = (ctx: ModuleContext, actor: Actor | null, municipalityId: number) =>
  actor ? follows(ctx.database.db, actor.id, municipalityId) : Promise.resolve(false);

export const followedTowns = (ctx: ModuleContext, userId: number) => followedBy(ctx.database.db, userId);

/** Kept like the lists they select: a follower's home page asks on every visit. */
const followed = new Remembered<number[]>(30_000, 5000);

/** The ids of the towns a person follows, for the home page of a follower. */
export function followedIds(ctx: ModuleContext, userId: number): Promise<number[]> {
  const { db } = ctx.database;
  return followed.get(db, String(userId), async () => (await followedBy(db, userId)).map((f) => f.id));
}

/** Follows are a person's own: in their data download, and gone with their account. */
export const followsData: PersonalData = {
  export: async (person, ctx) => ({
    follows: (await followedBy(ctx.database.db, person.userId)).map((f) => ({
      municipality: f.name,
      country: f.country,
      slug: f.slug,
      since: f.followed_at,
    })),
  }),
  erase: async (person, ctx) => {
    await deleteFollowsOf(ctx.database.db, person.userId);
  },
};
