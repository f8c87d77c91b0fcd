import type { ModuleContext } from '../../../core/modules.ts';
import { displayNames, scopeContacts } from '../../accounts/index.ts';

/** The names of the people who speak for an organisation, by name; the profile never shows their addresses. */
export async function representativesOf(ctx: ModuleContext, org: number): Promise<string[]> {
  const { db } = ctx.database;
  const ids = (await scopeContacts(db, ['organisation_representative'], org)).map((p) => p.id);
  return [...(await displayNames(db, ids)).values()].filter((n): n is string => !!n).sort();
}
