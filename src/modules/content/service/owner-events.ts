import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { ContentItem } from '../schema.ts';
import { itemPath } from './paths.ts';

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
}

/** A scope's published events in date order, e.g. a project's meetings for its timeline (at most 200). */
export async function eventsOwnedBy(ctx: ModuleContext, ownerType: string, ownerId: number, lang: string): Promise<OwnedEvent[]> {
  const { db } = ctx.database;
  const now = new Date().toISOString();
  const items = (await db
    .selectFrom('content_items')
    .selectAll()
    .where('type', '=', 'event')
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('state', '=', 'published')
    .where('published_at', '<=', now)
    .where('starts_at', 'is not', null)
    .orderBy('starts_at')
    .limit(200)
    .execute()) as ContentItem[];
  const texts = await repo.textsFor(
    db,
    items.map((i) => i.id),
    lang,
    { bodies: false },
  );
  return items.map((i) => {
    const text = texts.find((t) => t.item_id === i.id && t.language === lang) ?? texts.find((t) => t.item_id === i.id);
    return {
      id: i.id,
      title: text?.title ?? i.slug,
      language: text?.language ?? i.original_language,
      startsAt: i.starts_at!,
      endsAt: i.ends_at,
      timeZone: i.time_zone,
      path: itemPath(i),
    };
  });
}
