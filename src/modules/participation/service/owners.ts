import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import type { OwnerLink } from '../views/processes.tsx';

/** The towns and networks that run these processes or debates, by "type:id". */
export async function ownersOf(ctx: ModuleContext, things: { owner_type: string; owner_id: number }[]): Promise<Map<string, OwnerLink>> {
  const described = await describeScopes(
    ctx,
    things.map((x) => ({ type: x.owner_type, id: x.owner_id })),
  );
  return new Map([...described].map(([key, d]) => [key, { name: d.name, path: d.path }]));
}
