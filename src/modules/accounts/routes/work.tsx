import type { FastifyInstance } from 'fastify';
import { NO_STORE, requireActor } from '../../../core/http/guards.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import { type ModuleContext, renderSections, type WorkDesk, workOf } from '../../../core/modules.ts';
import { describeScopes, PLATFORM } from '../../../core/scopes.ts';
import { type DeskGroup, WorkPage } from '../views/work.tsx';

/** The platform first, then the things people work for by name, then the desks that span them all. */
async function grouped(ctx: ModuleContext, t: Translator, desks: WorkDesk[]): Promise<DeskGroup[]> {
  const things = await describeScopes(
    ctx,
    desks.flatMap((d) => (d.scope ? [d.scope] : [])),
  );
  const platform = desks.filter((d) => d.scope?.type === PLATFORM);
  const byThing = new Map<string, DeskGroup>();
  for (const d of desks) {
    const thing = d.scope && things.get(`${d.scope.type}:${d.scope.id}`);
    if (!thing) continue; // the platform, a desk for all, or a thing that no longer exists
    const key = `${thing.type}:${thing.id}`;
    byThing.set(key, { name: thing.name, desks: [...(byThing.get(key)?.desks ?? []), d] });
  }
  const general = desks.filter((d) => !d.scope);
  return [
    ...(platform.length ? [{ name: t('accounts.work.platform'), desks: platform }] : []),
    ...[...byThing.values()].sort((a, b) => a.name.localeCompare(b.name)),
    ...(general.length ? [{ name: t('accounts.work.general'), desks: general }] : []),
  ];
}

export function workRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  /** Every desk the signed-in person may use; for someone without a role, how people come to hold one. */
  app.get('/:lang/work', async (req, reply) => {
    const actor = requireActor(req);
    const view = { lang: req.lang, t: req.t, actor };
    const groups = await grouped(ctx, req.t, await workOf(ctx, view));
    const hasRoles = actor.grants.length > 0;
    const joining = hasRoles ? [] : await renderSections(ctx, 'work.noRole', actor, view);
    return reply
      .headers(NO_STORE)
      .page(<WorkPage groups={groups} hasRoles={hasRoles} joining={joining} />, { title: req.t('accounts.work.title'), indexable: false });
  });
}
