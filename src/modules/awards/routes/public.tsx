import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { parseId } from '../../../core/http/input.ts';
import { SIGNED_IN_FORM_RATE_LIMIT } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { awardsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { type CategoryView, type EditionView, phaseOf } from '../schema.ts';
import { NOMINATION_FIELDS } from '../service/inputs.ts';
import { addMaterial, nominate } from '../service/nominations.ts';
import { categoriesOf, editionViews, nominationViews } from '../service/read.ts';
import { publishedResult } from '../service/results.ts';
import { castVote, ownVote } from '../service/votes.ts';
import { CategoryPage, type CategoryPageView } from '../views/category.tsx';
import { AwardsIndex, EditionPage } from '../views/public.tsx';
import { loadCategory, loadEdition, nominationParams } from './loaders.ts';

const FORM = { config: { rateLimit: SIGNED_IN_FORM_RATE_LIMIT, textChecked: true } };
const NOTICES = ['nominated', 'voted', 'changed', 'material'] as const;
/** What the public sees in each phase: nominations once accepted, the shortlist once the vote opens. */
const PUBLIC_STATES = new Set(['accepted', 'shortlisted']);

export function publicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/awards', async (req, reply) => {
    const editions = await editionViews(ctx, await repo.allEditions(db), req.lang);
    if (req.actor) reply.headers(NO_STORE);
    const canEdit = awardsPolicy.can(req.actor, 'award.edit', null);
    return reply.page(<AwardsIndex editions={editions} canEdit={canEdit} />, {
      title: req.t('awards.title'),
      description: req.t('awards.lead'),
    });
  });

  app.get('/:lang/awards/:edition', async (req, reply) => {
    const edition = await loadEdition(ctx, req);
    const categories = await categoriesOf(ctx, edition, req.lang);
    if (req.actor) reply.headers(NO_STORE);
    const view = {
      edition,
      categories,
      phase: phaseOf(edition),
      canEdit: awardsPolicy.can(req.actor, 'award.edit', null),
      onJury: awardsPolicy.can(req.actor, 'award.score', edition),
      notice: noticeFrom(req, ['removed']),
    };
    return reply.page(<EditionPage view={view} />, { title: edition.title, description: edition.rules.slice(0, 200) });
  });

  async function categoryPage(
    req: FastifyRequest,
    reply: FastifyReply,
    edition: EditionView,
    category: CategoryView,
    form: CategoryPageView['form'] = { values: {}, errors: {} },
  ) {
    const phase = phaseOf(edition);
    const canEdit = awardsPolicy.can(req.actor, 'award.edit', null);
    const all = await nominationViews(ctx, await repo.nominationsOf(db, [category.id]));
    const result = await publishedResult(ctx, category, req.lang);
    const shown = all.filter((n) =>
      phase === 'nominations' || phase === 'shortlisting' ? PUBLIC_STATES.has(n.state) : n.state === 'shortlisted',
    );
    const staff = new Set(rolesOf('municipality'));
    const towns = new Set((req.actor?.grants ?? []).flatMap((g) => (staff.has(g.role) && g.scopeId !== null ? [g.scopeId] : [])));
    const mine = all.filter((n) => n.state !== 'merged' && n.state !== 'declined' && towns.has(n.municipality_id));
    const nominees = [...shown, ...mine.filter((n) => !shown.includes(n))];
    reply.headers(NO_STORE);
    const view: CategoryPageView = {
      edition,
      category,
      phase,
      nominees: result ? all.filter((n) => result.ranking.some((r) => r.nomination_id === n.id)) : nominees,
      reasons: await repo.reasonsOf(
        db,
        nominees.map((n) => n.id),
      ),
      ownVote: await ownVote(ctx, req.actor, category.id),
      result,
      who: !req.actor ? 'visitor' : req.actor.confirmed ? 'person' : 'unconfirmed',
      canEdit,
      onJury: awardsPolicy.can(req.actor, 'award.score', edition),
      staffOf: mine.map((n) => n.id),
      csrfToken: reply.generateCsrf(),
      form,
      notice: noticeFrom(req, NOTICES),
    };
    return <CategoryPage view={view} />;
  }

  app.get('/:lang/awards/:edition/:category', async (req, reply) => {
    const { edition, category } = await loadCategory(ctx, req);
    return reply.page(await categoryPage(req, reply, edition, category), { title: `${category.name} — ${edition.title}` });
  });

  const refuse = async (
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: Awaited<ReturnType<typeof loadCategory>>,
    result: { ok: false; errors: FieldErrors; retryAfter?: number },
    form: CategoryPageView['form'],
  ) => {
    const title = `${loaded.category.name} — ${loaded.edition.title}`;
    return reply.refused(result, await categoryPage(req, reply, loaded.edition, loaded.category, form), title);
  };

  app.post('/:lang/awards/:edition/:category/nominate', FORM, async (req, reply) => {
    const actor = requireActor(req);
    const loaded = await loadCategory(ctx, req);
    awardsPolicy.authorize(actor, 'award.nominate', null);
    const result = await nominate(ctx, actor, loaded.edition, loaded.category, req.body);
    if (result.ok) return reply.redirect(`${loaded.base}?notice=nominated`, 303);
    return refuse(req, reply, loaded, result, {
      values: typedValues(req.body, NOMINATION_FIELDS),
      errors: result.errors,
      which: 'nominate',
    });
  });

  app.post('/:lang/awards/:edition/:category/vote', FORM, async (req, reply) => {
    const actor = requireActor(req);
    const loaded = await loadCategory(ctx, req);
    const nomination = parseId((req.body as Record<string, unknown> | undefined)?.nomination);
    const caller = { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
    // An unconfirmed account gets the service's explanation (confirm your address) rather than a bare 403.
    if (actor.confirmed) awardsPolicy.authorize(actor, 'award.vote', null);
    const result = await castVote(ctx, actor, loaded.edition, loaded.category, nomination, caller);
    if (result.ok) return reply.redirect(`${loaded.base}?notice=${result.changed ? 'changed' : 'voted'}`, 303);
    return refuse(req, reply, loaded, result, { values: {}, errors: result.errors, which: 'vote' });
  });

  app.post('/:lang/awards/:edition/:category/nominations/:id/material', FORM, async (req, reply) => {
    const actor = requireActor(req);
    const loaded = await loadCategory(ctx, req);
    const nomination = await loadOr404(repo.nominationById(db, nominationParams(req).id));
    if (nomination.category_id !== loaded.category.id) return loadOr404(null);
    awardsPolicy.authorize(actor, 'nomination.material', nomination);
    const result = await addMaterial(ctx, actor, nomination, req.body);
    if (result.ok) return reply.redirect(`${loaded.base}?notice=material`, 303);
    const values = typedValues(req.body, ['body', 'url'] as const);
    return refuse(req, reply, loaded, result, { values, errors: result.errors, which: `material-${nomination.id}` });
  });
}
