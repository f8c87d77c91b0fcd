import type { ModuleContext } from '../../../core/modules.ts';
import { storiesOfTowns } from '../../content/index.ts';
import { followedIds } from '../../municipalities/index.ts';

/** The latest news and coming events of the towns a person follows; undefined when they follow none. */
export async function followedStories(ctx: ModuleContext, userId: number, lang: string) {
  const towns = await followedIds(ctx, userId);
  return towns.length ? storiesOfTowns(ctx, towns, lang) : undefined;
}
