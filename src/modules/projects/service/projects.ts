import type { ModuleContext } from '../../../core/modules.ts';
import type { ScopeThing } from '../../../core/scopes.ts';
import * as repo from '../repo.ts';

/** A project's page, after the language prefix. */
export const projectPath = (p: { slug: string }) => `/projects/${p.slug}`;

/** The scope registry's view of projects: their acronyms and pages. */
export async function describeProjects(ctx: ModuleContext, ids: readonly number[]): Promise<Map<number, ScopeThing>> {
  const found = await repo.projectsByIds(ctx.database.db, ids);
  return new Map(found.map((p) => [p.id, { name: p.acronym, path: projectPath(p) }]));
}
