import { definePolicy, isCitizen } from '../../core/authz.ts';
import { type Owner, ownersOf, writesFor } from './service/owners.ts';

export type { Owner } from './service/owners.ts';
export { ownersOf } from './service/owners.ts';

const hasOwners = (o: ReturnType<typeof ownersOf>) => o.platform || o.scoped.length > 0;

export const contentPolicy = definePolicy({
  'content.write': (actor, owner: Owner) => isCitizen(actor) && writesFor(actor, owner),
  /** The newsroom's desk: anyone who writes for some owner. */
  'content.desk': (actor, _subject: null) => isCitizen(actor) && hasOwners(ownersOf(actor)),
  'content.registrations': (actor, owner: Owner) => isCitizen(actor) && writesFor(actor, owner),
  /** Drafts and unpublished items are seen only by their writers. */
  'content.read': (actor, item: Owner & { visible: boolean }) => item.visible || (isCitizen(actor) && writesFor(actor, item)),
});
