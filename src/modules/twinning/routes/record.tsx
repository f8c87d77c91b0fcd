import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pageQuery } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { twinningPolicy } from '../policy.ts';
import { pickTown, recordTwinning, type Side, type TownPick } from '../service/record.ts';
import { RecordPage, type RecordValues } from '../views/record.tsx';

/** The first town, as a town's profile names it (the propose form's partner comes so too). */
const withQuery = pageQuery(z.object({ with: idSchema.optional() }).passthrough());
const FIELDS = ['first', 'first_id', 'second', 'second_id', 'kind', 'since_year', 'source'] as const;

export function recordRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/twinning/record', async (req, reply) => {
    const first = withQuery(req).with;
    const actor = requireActor(req);
    twinningPolicy.authorize(actor, 'twinning.record', null);
    const values: RecordValues = {};
    const picks: Record<Side, TownPick> = { first: { choices: [] }, second: { choices: [] } };
    if (first) {
      const town = await loadOr404((await municipalitiesByIds(db, [first])).get(first));
      Object.assign(values, { first: town.name, first_id: String(town.id) });
      picks.first = await pickTown(db, town.name, String(town.id));
    }
    const view = { values, picks, errors: {}, csrfToken: reply.generateCsrf() };
    return reply.headers(NO_STORE).page(<RecordPage view={view} />, { title: req.t('twinning.record.title'), indexable: false });
  });

  // Staff at work: finding two towns by name may take a few sends, and an editor records many.
  app.post('/:lang/twinning/record', { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    twinningPolicy.authorize(actor, 'twinning.record', null);
    const result = await recordTwinning(ctx, actor, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/twinning?notice=recorded`, 303);
    const view = { values: typedValues(req.body, FIELDS), picks: result.picks, errors: result.errors, csrfToken: reply.generateCsrf() };
    return reply.refused(result, <RecordPage view={view} />, req.t('twinning.record.title'));
  });
}
