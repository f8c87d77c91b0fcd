import type { ModuleContext } from '../../../core/modules.ts';
import { scopeContacts } from '../../accounts/index.ts';

/** The ids of the people who speak for an organisation (the page shows their names only). */
export const representativesOf = async (ctx: ModuleContext, org: number) =>
  (await scopeContacts(ctx.database.db, ['organisation_representative'], org)).map((p) => p.id);
