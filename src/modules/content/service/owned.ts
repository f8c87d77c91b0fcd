import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { ContentItem } from '../schema.ts';
import { isVisible } from './editing.ts';
import { itemPath } from './paths.ts';

/** An event as another module shows it: its title in the reader's language, its times and its page. */
export interface OwnedEvent {
  id: number;
  title: string;
  /** The language of the title, for a lang attribute when it is not the reader's. */
  language: string;
  startsAt: string;
  endsAt: string | null;
  timeZone: string | null;
  /** After the language prefix. */
  path: string;
  /** Published and its time has come: the public may read it. */
  visible: boolean;
  owner: { type: string; id: number | null };
}

async function describe(ctx: ModuleContext, items: ContentItem[], language: string): Promise<OwnedEvent[]> {
  const texts = await repo.textsFor(
    ctx.database.db,
    items.map((i) => i.id),
    language,
    { bodies: false },
  );
  return items
    .filter((i) => i.type === 'event' && i.starts_at)
    .map((i) => {
      const mine = texts.filter((t) => t.item_id === i.id);
      const text = mine.find((t) => t.language === language) ?? mine.find((t) => t.language === i.original_language);
      return {
        id: i.id,
        title: text?.title ?? '',
        language: text?.language ?? i.original_language,
        startsAt: i.starts_at as string,
        endsAt: i.ends_at,
        timeZone: i.time_zone,
        path: itemPath(i),
        visible: isVisible(i),
        owner: { type: i.owner_type, id: i.owner_id },
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Every event of one owner (drafts too: its own staff choose among them), earliest first. */
export async function eventsOfOwner(ctx: ModuleContext, owner: { type: string; id: number }, language: string): Promise<OwnedEvent[]> {
  const rows = await ctx.database.db
    .selectFrom('content_items')
    .select('id')
    .where('type', '=', 'event')
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .orderBy('starts_at')
    .limit(500)
    .execute();
  return describe(
    ctx,
    await repo.itemsByIds(
      ctx.database.db,
      rows.map((r) => r.id),
    ),
    language,
  );
}

/** Some events by id, in the reader's language; an id that names no event is left out. */
export async function eventsByIds(ctx: ModuleContext, ids: number[], language: string): Promise<OwnedEvent[]> {
  return ids.length ? describe(ctx, await repo.itemsByIds(ctx.database.db, [...new Set(ids)]), language) : [];
}

/** A scope's events the public may read, in date order, e.g. a project's meetings for its timeline. */
export const eventsOwnedBy = async (ctx: ModuleContext, ownerType: string, ownerId: number, language: string) =>
  (await eventsOfOwner(ctx, { type: ownerType, id: ownerId }, language)).filter((e) => e.visible);
