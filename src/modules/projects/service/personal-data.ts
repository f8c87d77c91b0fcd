import type { PersonalData } from '../../../core/modules.ts';
import * as repo from '../repo.ts';

/**
 * What projects hold on a person: the projects, deliverables and activities they recorded, the files
 * they uploaded, their tasks and notices, the invitations they sent or answered. Erasing the account
 * unties them from all of it: the records are the project's and stay, as by a deleted account.
 */
export const projectData: PersonalData = {
  export: (person, ctx) => repo.tracesOf(ctx.database.db, person.userId),
  erase: (person, ctx) => repo.forget(ctx.database.db, person.userId),
};
