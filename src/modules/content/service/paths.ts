import { type ContentItem, TYPE_PATHS } from '../schema.ts';

/** The address of an item after the language prefix: /news/42-town-square-reopens. */
export const itemPath = (item: Pick<ContentItem, 'id' | 'type' | 'slug'>) => `/${TYPE_PATHS[item.type]}/${item.id}-${item.slug}`;
export const deskPath = (item: Pick<ContentItem, 'id'>) => `/newsroom/${item.id}`;
