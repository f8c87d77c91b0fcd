import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../../core/http/guards.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { followTown, unfollowTown } from '../service/follows.ts';
import { profilePath } from '../views/common.tsx';
import { placeOf } from './place.ts';

// Following is a small, private write of a signed-in person: more generous than a public form, still bounded.
const FOLLOW_RATE_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;

/** Follow and unfollow a town: forms on its profile and on the account page, back where the person was. */
export function followRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const back = (body: unknown, lang: string, path: string) =>
    (body as { from?: unknown } | undefined)?.from === 'account' ? `/${lang}/account#follows` : `/${lang}${path}#follow`;

  app.post('/:lang/municipalities/:country/:slug/follow', { config: { rateLimit: FOLLOW_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const m = await placeOf(ctx, req);
    await followTown(ctx, actor, m.id);
    return reply.redirect(`/${req.lang}${profilePath(m)}?notice=followed#follow`, 303);
  });

  // Where a visitor who pressed Follow lands after signing in: the profile, with its button.
  app.get('/:lang/municipalities/:country/:slug/follow', async (req, reply) => {
    const m = await placeOf(ctx, req);
    return reply.redirect(`/${req.lang}${profilePath(m)}#follow`, 303);
  });

  app.post('/:lang/municipalities/:country/:slug/unfollow', { config: { rateLimit: FOLLOW_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const m = await placeOf(ctx, req);
    await unfollowTown(ctx, actor, m.id);
    return reply.redirect(back(req.body, req.lang, `${profilePath(m)}?notice=unfollowed`), 303);
  });
}
