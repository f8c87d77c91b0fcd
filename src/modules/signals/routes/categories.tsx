import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { countryParam, pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { municipalityBySlug, profilePath } from '../../municipalities/index.ts';
import { signalsPolicy } from '../policy.ts';
import * as staffRepo from '../repo/staff.ts';
import * as repo from '../repo.ts';
import type { SignalCategory, SignalQuestion } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import {
  adoptDefaultsFor,
  CATEGORY_FIELDS,
  categoryValues,
  QUESTION_FIELDS,
  questionValues,
  removeQuestion,
  saveCategory,
  saveQuestion,
} from '../service/category-editing.ts';
import { CategoriesPage, CategoryFormPage, QuestionFormPage, type Town } from '../views/categories.tsx';

const place = { country: countryParam, slug: z.string().max(200) };
const townParams = pathParams(z.object(place));
const categoryParams = pathParams(z.object({ ...place, id: idSchema }));
const questionParams = pathParams(z.object({ ...place, id: idSchema, question: idSchema }));

const BASE = '/:lang/municipalities/:country/:slug/signals/categories';
const WRITE = { config: { rateLimit: STAFF_RATE_LIMIT } };
const NOTICES = ['saved', 'adopted', 'removed'];

/** A town's categories of reports, their questions and where they go: the town's staff keep them. */
export function categoryRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The town the address names, for its staff; otherwise sign-in, 404 or 403. */
  async function townOf(req: FastifyRequest) {
    const { country, slug } = townParams(req);
    const m = await loadOr404(municipalityBySlug(db, country, slug));
    const actor = requireActor(req);
    signalsPolicy.authorize(actor, 'category.manage', { municipality_id: m.id });
    const town: Town = { id: m.id, name: m.name, base: `${profilePath(m)}/signals/categories` };
    return { actor, town };
  }

  async function categoryOf(req: FastifyRequest) {
    const found = await townOf(req);
    const category = await repo.categoryById(db, categoryParams(req).id);
    if (!category || category.municipality_id !== found.town.id) throw new NotFound();
    return { ...found, category };
  }

  async function questionOf(req: FastifyRequest) {
    const found = await categoryOf(req);
    const question = await staffRepo.questionById(db, questionParams(req).question);
    if (!question || question.category_id !== found.category.id) throw new NotFound();
    return { ...found, question };
  }

  app.get(BASE, async (req, reply) => {
    const { town } = await townOf(req);
    const categories = await repo.categoriesOf(db, town.id);
    const questions = await repo.questionsOf(
      db,
      categories.map((c) => c.id),
    );
    const counted = categories.map((c) => ({ ...c, questions: questions.filter((q) => q.category_id === c.id).length }));
    const page = <CategoriesPage town={town} categories={counted} csrfToken={reply.generateCsrf()} notice={noticeFrom(req, NOTICES)} />;
    return reply.headers(NO_STORE).page(page, { title: req.t('signals.categories.title', { town: town.name }), indexable: false });
  });

  app.post(`${BASE}/defaults`, WRITE, async (req, reply) => {
    const { actor, town } = await townOf(req);
    // Only the page's button says "adopt": a post without it (a script's guess) adopts nothing.
    if ((req.body as { adopt?: unknown } | undefined)?.adopt !== 'defaults') return reply.redirect(`/${req.lang}${town.base}`, 303);
    await adoptDefaultsFor(ctx, actor, town.id, req.ip);
    return reply.redirect(`/${req.lang}${town.base}?notice=adopted`, 303);
  });

  async function categoryForm(
    req: FastifyRequest,
    reply: FastifyReply,
    town: Town,
    category: SignalCategory | undefined,
    refused?: { values: Record<string, string | undefined>; errors: FieldErrors },
  ) {
    const questions = category ? await repo.questionsOf(db, [category.id]) : [];
    const codeFixed = !!category && (await staffRepo.categoryReports(db, category.id)) > 0;
    const title = category ? req.t('signals.categories.edit', { name: categoryName(req.t, category) }) : req.t('signals.categories.add');
    const page = (
      <CategoryFormPage
        town={town}
        category={category}
        questions={questions}
        values={refused?.values ?? categoryValues(category)}
        errors={refused?.errors ?? {}}
        csrfToken={reply.generateCsrf()}
        codeFixed={codeFixed}
        notice={refused ? undefined : noticeFrom(req, NOTICES)}
      />
    );
    return { page, title };
  }

  app.get(`${BASE}/new`, async (req, reply) => {
    const { town } = await townOf(req);
    const { page, title } = await categoryForm(req, reply, town, undefined);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.get(`${BASE}/:id`, async (req, reply) => {
    const { town, category } = await categoryOf(req);
    const { page, title } = await categoryForm(req, reply, town, category);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  async function saveCategoryFrom(
    req: FastifyRequest,
    reply: FastifyReply,
    found: { actor: Actor; town: Town },
    category?: SignalCategory,
  ) {
    const result = await saveCategory(ctx, found.actor, found.town.id, category, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${found.town.base}/${result.data.id}?notice=saved`, 303);
    const values = typedValues(req.body, CATEGORY_FIELDS);
    const { page, title } = await categoryForm(req, reply, found.town, category, { values, errors: result.errors });
    return reply.refused(result, page, title);
  }

  app.post(`${BASE}/new`, WRITE, async (req, reply) => saveCategoryFrom(req, reply, await townOf(req)));

  app.post(`${BASE}/:id`, WRITE, async (req, reply) => {
    const found = await categoryOf(req);
    return saveCategoryFrom(req, reply, found, found.category);
  });

  async function questionForm(
    req: FastifyRequest,
    reply: FastifyReply,
    found: { town: Town; category: SignalCategory },
    question: SignalQuestion | undefined,
    refused?: { values: Record<string, string | undefined>; errors: FieldErrors },
  ) {
    const page = (
      <QuestionFormPage
        town={found.town}
        category={found.category}
        question={question}
        values={refused?.values ?? questionValues(question)}
        errors={refused?.errors ?? {}}
        csrfToken={reply.generateCsrf()}
      />
    );
    const title = question
      ? req.t('signals.categories.question.edit', { label: question.label })
      : req.t('signals.categories.question.add');
    return { page, title };
  }

  app.get(`${BASE}/:id/questions/new`, async (req, reply) => {
    const { page, title } = await questionForm(req, reply, await categoryOf(req), undefined);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.get(`${BASE}/:id/questions/:question`, async (req, reply) => {
    const found = await questionOf(req);
    const { page, title } = await questionForm(req, reply, found, found.question);
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  async function saveQuestionFrom(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof categoryOf>>,
    question?: SignalQuestion,
  ) {
    const result = await saveQuestion(ctx, found.actor, found.category, question, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${found.town.base}/${found.category.id}?notice=saved#questions`, 303);
    const values = typedValues(req.body, QUESTION_FIELDS);
    const { page, title } = await questionForm(req, reply, found, question, { values, errors: result.errors });
    return reply.refused(result, page, title);
  }

  app.post(`${BASE}/:id/questions/new`, WRITE, async (req, reply) => saveQuestionFrom(req, reply, await categoryOf(req)));

  app.post(`${BASE}/:id/questions/:question`, WRITE, async (req, reply) => {
    const found = await questionOf(req);
    return saveQuestionFrom(req, reply, found, found.question);
  });

  app.post(`${BASE}/:id/questions/:question/remove`, WRITE, async (req, reply) => {
    const found = await questionOf(req);
    await removeQuestion(ctx, found.actor, found.category, found.question, req.ip);
    return reply.redirect(`/${req.lang}${found.town.base}/${found.category.id}?notice=removed#questions`, 303);
  });
}
