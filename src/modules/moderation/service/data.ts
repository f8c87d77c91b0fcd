import type { PersonalData } from '../../../core/modules.ts';
import * as repo from '../repo.ts';

/** The reports a person made: in their data download, and gone with their account. */
export const moderationData: PersonalData = {
  export: async (person, ctx) =>
    (await repo.flagsBy(ctx.database.db, person.userId)).map((f) => ({
      text: `${f.text_type} ${f.text_id}`,
      reason: f.reason,
      at: f.created_at,
    })),
  erase: async (person, ctx) => void (await repo.deleteFlagsBy(ctx.database.db, person.userId)),
};
