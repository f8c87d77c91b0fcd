import { type Actor, type Owner, ownersOf, writesFor } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes, PLATFORM, scopeDefinition } from '../../../core/scopes.ts';

/** A newsletter: the platform's, or that of a thing people write for (a municipality, a network). */
export interface List {
  /** As stored: "platform" or "municipality:12". */
  key: string;
  /** In addresses: "platform" or "municipality-12". */
  slug: string;
  owner: Owner;
  name: string;
  /** The owner's page after the language prefix; none for the platform. */
  ownerPath?: string;
}

const SCOPED = /^([a-z][a-z-]*)-([1-9]\d{0,9})$/;

export const listSlug = (key: string) => key.replace(':', '-');
export const listKey = (owner: Owner) => (owner.owner_type === PLATFORM ? PLATFORM : `${owner.owner_type}:${owner.owner_id}`);

/** The list an address names, or undefined when it names none (the page answers 404). */
export async function listFromSlug(ctx: ModuleContext, slug: string): Promise<List | undefined> {
  if (slug === PLATFORM) return platformList(ctx);
  const match = SCOPED.exec(slug);
  if (!match) return undefined;
  const [, type, digits] = match as unknown as [string, string, string];
  const id = Number(digits);
  if (!scopeDefinition(type)?.writers?.length || id > 2_147_483_647) return undefined;
  return (await listsFor(ctx, [{ owner_type: type, owner_id: id }]))[0];
}

const platformList = (ctx: ModuleContext): List => ({
  key: PLATFORM,
  slug: PLATFORM,
  owner: { owner_type: PLATFORM, owner_id: null },
  name: ctx.config.siteName,
});

/** These owners' lists, named; an owner that does not exist is left out. */
export async function listsFor(ctx: ModuleContext, owners: Owner[]): Promise<List[]> {
  const things = await describeScopes(
    ctx,
    owners.map((o) => ({ type: o.owner_type, id: o.owner_id })),
  );
  return owners.flatMap((owner): List[] => {
    if (owner.owner_type === PLATFORM) return [platformList(ctx)];
    const thing = things.get(`${owner.owner_type}:${owner.owner_id}`);
    if (!thing) return [];
    const key = listKey(owner);
    return [{ key, slug: listSlug(key), owner, name: thing.name, ownerPath: thing.path }];
  });
}

/** The lists stored under these keys ("platform", "municipality:12"). */
export const listsByKeys = (ctx: ModuleContext, keys: string[]) =>
  listsFor(
    ctx,
    keys.map((key) => {
      const [type, id] = key.split(':') as [string, string | undefined];
      return { owner_type: type, owner_id: id === undefined ? null : Number(id) };
    }),
  );

/** The lists a person writes for (platform admins: the platform's, not every town's: they open those from the town). */
export function listsWrittenBy(ctx: ModuleContext, actor: Actor): Promise<List[]> {
  const owners = ownersOf(actor);
  return listsFor(ctx, [
    ...(owners.platform ? [{ owner_type: PLATFORM, owner_id: null }] : []),
    ...owners.scoped.flatMap(({ type, ids }) => ids.map((id) => ({ owner_type: type, owner_id: id }))),
  ]);
}

export const writesList = (actor: Actor | null, list: List) => !!actor && actor.confirmed && writesFor(actor, list.owner);
