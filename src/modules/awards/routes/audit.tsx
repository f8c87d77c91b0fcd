import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { awardsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { phaseOf } from '../schema.ts';
import { auditCsv, clustersOf, voidVotes } from '../service/audit.ts';
import { nominationViews } from '../service/read.ts';
import { publishResults, standings } from '../service/results.ts';
import { AuditPage } from '../views/audit.tsx';
import { loadCategory } from './loaders.ts';

const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };
/** The audit page lists the newest votes; the export holds them all. */
const LISTED_VOTES = 500;

/** The audit of a category's votes: suspicious clusters, voiding with a reason, the export, publishing. */
export function auditRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function auditor(req: FastifyRequest) {
    const actor = requireActor(req);
    awardsPolicy.authorize(actor, 'award.audit', null);
    return { actor, ...(await loadCategory(ctx, req)) };
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: Awaited<ReturnType<typeof auditor>>,
    errors: FieldErrors = {},
    reason?: string,
  ) {
    const { edition, category } = loaded;
    const [votes, latest] = await Promise.all([repo.auditVotesOf(db, category.id), repo.latestVotesOf(db, category.id, LISTED_VOTES)]);
    const view = {
      edition,
      category,
      phase: phaseOf(edition),
      clusters: clustersOf(votes),
      votes: latest,
      total: votes.length,
      standings: await standings(ctx, edition, category),
      nominees: await nominationViews(ctx, await repo.nominationsOf(db, [category.id])),
      csrfToken: reply.generateCsrf(),
      errors,
      reason,
      notice: noticeFrom(req, ['voided', 'published']),
    };
    reply.headers(NO_STORE);
    return <AuditPage view={view} />;
  }

  app.get('/:lang/awards/:edition/:category/audit', async (req, reply) => {
    const loaded = await auditor(req);
    return reply.page(await page(req, reply, loaded), {
      title: `${req.t('awards.audit.title')} — ${loaded.category.name}`,
      indexable: false,
    });
  });

  app.post('/:lang/awards/:edition/:category/audit/void', FORM, async (req, reply) => {
    const loaded = await auditor(req);
    const result = await voidVotes(ctx, loaded.actor, loaded.category, req.body, req.ip);
    if (result.ok) return reply.redirect(`${loaded.base}/audit?notice=voided`, 303);
    const reason =
      typeof (req.body as Record<string, unknown> | undefined)?.reason === 'string'
        ? String((req.body as Record<string, string>).reason)
        : undefined;
    return reply.refused(result, await page(req, reply, loaded, result.errors, reason), req.t('awards.audit.title'));
  });

  app.post('/:lang/awards/:edition/:category/audit/publish', FORM, async (req, reply) => {
    const loaded = await auditor(req);
    const refusal = await publishResults(ctx, loaded.actor, loaded.edition, loaded.category, req.ip);
    if (!refusal) return reply.redirect(`${loaded.base}?notice=published`, 303);
    const result = { ok: false as const, errors: { form: { key: refusal } } };
    return reply.refused(result, await page(req, reply, loaded, result.errors), req.t('awards.audit.title'));
  });

  app.get('/:lang/awards/:edition/:category/audit.csv', async (req, reply) => {
    const loaded = await auditor(req);
    const name = `${loaded.edition.slug}-${loaded.category.slug}-votes.csv`;
    return reply
      .headers({ ...NO_STORE, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` })
      .send(await auditCsv(ctx, loaded.edition, loaded.category));
  });
}
