import type { PersonalData } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { forgetFile } from './send.ts';

/** A person's letters to town halls, by account or by address: in their data download, and gone with their account. */
export const contactPersonalData: PersonalData = {
  export: async ({ userId, email }, { database }) => ({ townHallMessages: await repo.enquiriesOfPerson(database.db, userId, email) }),
  erase: async ({ userId, email }, ctx) => {
    const rows = await repo.filesOfPerson(ctx.database.db, userId, email);
    await repo.deleteEnquiries(
      ctx.database.db,
      rows.map((r) => r.id),
    );
    for (const r of rows) forgetFile(ctx, r.file);
  },
};
