// The content module's public face: other modules import from this file only.

export { configOf } from './fulltext.ts';
export { content } from './manifest.ts';
export { type ItemSpec as ContentItemSpec, insertItem as insertContentItem } from './service/editing.ts';
export { storiesOfTowns } from './service/home.tsx';
export { eventsByIds, eventsOfOwner, eventsOwnedBy, type OwnedEvent } from './service/owned.ts';
export { ownerFeeds } from './service/profile.tsx';
export type { Card } from './service/read.ts';
export { renderBody } from './service/sanitize.ts';
export { demoNetworkContent } from './service/seeds.ts';
export { CardList } from './views/cards.tsx';
