import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { parseId } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { awardsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Edition } from '../schema.ts';
import { CRITERION_FIELDS, criterionValues } from '../service/criteria.ts';
import { createEdition, editEdition, removeCategory } from '../service/editions.ts';
import { EDITION_FIELDS } from '../service/inputs.ts';
import { decide, merge } from '../service/nominations.ts';
import { categoryName, nominationViews, pick } from '../service/read.ts';
import { EditionForm, type FormValues, ManagePage, RemoveCategoryPage } from '../views/editor.tsx';
import { loadCategory, loadEdition } from './loaders.ts';

const FIELDS = [...EDITION_FIELDS, ...CRITERION_FIELDS];
const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };
const languageQuery = queryParams({ language: z.string().refine(isLanguage) });
const decisionParams = pathParams(
  z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/), decision: z.enum(['accept', 'shortlist', 'decline', 'reopen', 'merge']) }),
);
const errorQuery = queryParams({ error: z.enum(['awards.error.shortlistFixed', 'awards.error.merged', 'awards.error.mergeTarget']) });

/** The platform editors' pages: editions and their categories, and the nominations of each category. */
export function editorRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  function editor(req: FastifyRequest) {
    const actor = requireActor(req);
    awardsPolicy.authorize(actor, 'award.edit', null);
    return actor;
  }

  function form(reply: FastifyReply, title: string, action: string, values: FormValues, isNew: boolean, errors = {}) {
    reply.headers(NO_STORE);
    return <EditionForm view={{ title, action, values, errors, isNew, csrfToken: reply.generateCsrf() }} />;
  }

  app.get('/:lang/awards/new', async (req, reply) => {
    editor(req);
    const title = req.t('awards.edition.new');
    const values = { language: req.lang, jury_weight: '50', year: String(new Date().getUTCFullYear()) };
    return reply.page(form(reply, title, `/${req.lang}/awards/new`, values, true), { title, indexable: false });
  });

  app.post('/:lang/awards/new', FORM, async (req, reply) => {
    const actor = editor(req);
    const result = await createEdition(ctx, actor, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/awards/${result.data.slug}`, 303);
    const title = req.t('awards.edition.new');
    return reply.refused(result, form(reply, title, `/${req.lang}/awards/new`, typedValues(req.body, FIELDS), true, result.errors), title);
  });

  async function savedValues(e: Edition, language: string): Promise<FormValues> {
    const text = pick(await repo.editionTexts(db, [e.id]), language, e.original_language);
    const categories = await repo.categoriesOf(db, [e.id]);
    const criteria = await repo.criteriaOf(db, e.id);
    const names = (kind: string) =>
      categories
        .filter((c) => c.kind === kind)
        .map((c) => categoryName(c, language, e.original_language))
        .join('\n');
    return {
      language,
      year: String(e.year),
      title: text?.title ?? '',
      rules: text?.rules ?? '',
      nominations_close: e.nominations_close.slice(0, 10),
      vote_opens: e.vote_opens.slice(0, 10),
      vote_closes: e.vote_closes.slice(0, 10),
      jury_closes: e.jury_closes.slice(0, 10),
      results_on: e.results_on.slice(0, 10),
      jury_weight: String(e.jury_weight),
      mayor_categories: names('mayor'),
      practice_categories: names('practice'),
      ...criterionValues(criteria, language),
    };
  }

  app.get('/:lang/awards/:edition/edit', async (req, reply) => {
    editor(req);
    const edition = await loadEdition(ctx, req);
    const title = req.t('awards.edition.editOf', { edition: edition.title });
    const values = await savedValues(edition, languageQuery(req).language ?? edition.original_language);
    return reply.page(form(reply, title, `/${req.lang}/awards/${edition.slug}/edit`, values, false), { title, indexable: false });
  });

  app.post('/:lang/awards/:edition/edit', FORM, async (req, reply) => {
    const actor = editor(req);
    const edition = await loadEdition(ctx, req);
    const result = await editEdition(ctx, actor, edition, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/awards/${edition.slug}`, 303);
    const title = req.t('awards.edition.editOf', { edition: edition.title });
    const values = typedValues(req.body, FIELDS);
    return reply.refused(result, form(reply, title, `/${req.lang}/awards/${edition.slug}/edit`, values, false, result.errors), title);
  });

  app.get('/:lang/awards/:edition/:category/manage', async (req, reply) => {
    editor(req);
    const { edition, category } = await loadCategory(ctx, req);
    const nominations = await nominationViews(ctx, await repo.nominationsOf(db, [category.id]));
    const reasons = await repo.reasonsOf(
      db,
      nominations.map((n) => n.id),
    );
    reply.headers(NO_STORE);
    const view = { edition, category, nominations, reasons, csrfToken: reply.generateCsrf(), error: errorQuery(req).error };
    return reply.page(<ManagePage view={view} />, { title: `${req.t('awards.manage.title')} — ${category.name}`, indexable: false });
  });

  app.post('/:lang/awards/:edition/:category/nominations/:id/:decision', FORM, async (req, reply) => {
    const actor = editor(req);
    const { edition, category, base } = await loadCategory(ctx, req);
    const { id, decision } = decisionParams(req);
    const nomination = await loadOr404(repo.nominationById(db, Number(id)));
    if (nomination.category_id !== category.id) return loadOr404(null);
    const into = parseId((req.body as Record<string, unknown> | undefined)?.into);
    const error =
      decision === 'merge'
        ? await merge(ctx, actor, edition, nomination, into, req.ip)
        : await decide(ctx, actor, edition, nomination, decision, req.ip);
    return reply.redirect(`${base}/manage${error ? `?error=${error}` : ''}`, 303);
  });

  function removePage(reply: FastifyReply, loaded: Awaited<ReturnType<typeof loadCategory>>, errors = {}) {
    reply.headers(NO_STORE);
    const view = { action: `${loaded.base}/remove`, category: loaded.category.name, errors, csrfToken: reply.generateCsrf() };
    return <RemoveCategoryPage view={view} />;
  }

  app.get('/:lang/awards/:edition/:category/remove', async (req, reply) => {
    editor(req);
    const loaded = await loadCategory(ctx, req);
    const title = req.t('awards.category.removeTitle', { category: loaded.category.name });
    return reply.page(removePage(reply, loaded), { title, indexable: false });
  });

  app.post('/:lang/awards/:edition/:category/remove', FORM, async (req, reply) => {
    const actor = editor(req);
    const loaded = await loadCategory(ctx, req);
    const refusal = await removeCategory(ctx, actor, loaded.category, req.ip);
    if (!refusal) return reply.redirect(`/${req.lang}/awards/${loaded.edition.slug}?notice=removed`, 303);
    const result = { ok: false as const, errors: { form: { key: refusal } } };
    const title = req.t('awards.category.removeTitle', { category: loaded.category.name });
    return reply.refused(result, removePage(reply, loaded, result.errors), title);
  });
}
