import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { parseId } from '../../../core/http/input.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { awardsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { criteriaOf } from '../service/criteria.ts';
import { nominationViews } from '../service/read.ts';
import { juryScores, saveScores } from '../service/results.ts';
import { JuryPage } from '../views/jury.tsx';
import { loadCategory } from './loaders.ts';

const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };

/** A juror's scores of a category's shortlist; the others' scores stay hidden until every juror has scored. */
export function juryRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function juror(req: FastifyRequest) {
    const actor = requireActor(req);
    const loaded = await loadCategory(ctx, req);
    awardsPolicy.authorize(actor, 'award.score', loaded.edition);
    return { actor, ...loaded };
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    j: Awaited<ReturnType<typeof juror>>,
    errors: FieldErrors = {},
    typed?: Record<string, unknown>,
  ) {
    const scores = await juryScores(ctx, j.actor, j.edition, j.category);
    const criteria = await criteriaOf(ctx.database.db, j.edition, req.lang);
    const rows = (await repo.nominationsOf(ctx.database.db, [j.category.id])).filter((n) => n.state === 'shortlisted');
    reply.headers(NO_STORE);
    const view = {
      edition: j.edition,
      category: j.category,
      shortlist: await nominationViews(ctx, rows),
      ...scores,
      criteria,
      // The chair follows the jurors' progress; jurors see only the count until all have scored.
      chair: hasRole(j.actor, 'award_jury_chair', j.edition.id),
      typed: typed && {
        nomination: parseId(typed.nomination),
        values: typedValues(
          typed,
          criteria.map((c) => `score_${c.id}`),
        ),
      },
      csrfToken: reply.generateCsrf(),
      errors,
      notice: noticeFrom(req, ['scored']),
    };
    return <JuryPage view={view} />;
  }

  app.get('/:lang/awards/:edition/:category/jury', async (req, reply) => {
    const j = await juror(req);
    return reply.page(await page(req, reply, j), { title: `${req.t('awards.jury.title')} — ${j.category.name}`, indexable: false });
  });

  app.post('/:lang/awards/:edition/:category/jury', FORM, async (req, reply) => {
    const j = await juror(req);
    const refusal = await saveScores(ctx, j.actor, j.category, j.edition, req.body);
    if (!refusal) return reply.redirect(`${j.base}/jury?notice=scored`, 303);
    const result = { ok: false as const, errors: { form: { key: refusal } } };
    return reply.refused(result, await page(req, reply, j, result.errors, req.body as Record<string, unknown>), req.t('awards.jury.title'));
  });
}
