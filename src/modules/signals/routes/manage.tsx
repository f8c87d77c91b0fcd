import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { type FormRefusal, typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { idParams, pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { displayNames } from '../../accounts/index.ts';
import { municipalitiesByIds, municipalityById, profilePath } from '../../municipalities/index.ts';
import { signalsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Signal } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import {
  addInternalNote,
  assign,
  BODY_FIELDS,
  colleaguesOf,
  neighboursOf,
  passToBody,
  passToTown,
  readStateChange,
  STATE_FIELDS,
  setHidden,
  setPhotoHidden,
} from '../service/manage.ts';
import { optionsOf } from '../service/questions.ts';
import { reportPath } from '../service/reports.ts';
import { changeState } from '../service/states.ts';
import { ManagePage, type ManageView } from '../views/manage.tsx';

const photoParams = pathParams(z.object({ id: idSchema, photo: idSchema }));
const hiddenField = (body: unknown) => (body as { hidden?: unknown } | undefined)?.hidden === '1';
const WRITE = { config: { rateLimit: STAFF_RATE_LIMIT } };
const NOTICES = ['state', 'note', 'assigned', 'sent', 'photo', 'visibility'];

/** The answers to a category's questions as staff read them: each question's label and the answer's words. */
function answersOf(signal: Signal, questions: Awaited<ReturnType<typeof repo.questionsOf>>) {
  const answers = signal.answers ? (JSON.parse(signal.answers) as Record<string, string | string[]>) : {};
  return questions.flatMap((q) => {
    const given = answers[q.code];
    if (given === undefined) return [];
    const names = new Map(optionsOf(q).map((o) => [o.key, o.name]));
    const value = (Array.isArray(given) ? given : [given]).map((v) => names.get(v) ?? v).join(', ');
    return [{ label: q.label, value }];
  });
}

/** The management of one report: the town's staff see everything and answer, assign, pass on. */
export function manageRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The report of the address, for its town's staff; 404 for those who may not know of it, 403 for other readers. */
  async function manageable(req: FastifyRequest): Promise<{ actor: Actor; signal: Signal }> {
    const actor = requireActor(req);
    const signal = await loadOr404(repo.signalById(db, idParams(req).id));
    signalsPolicy.authorize(actor, 'signal.view', signal, { hide: true });
    signalsPolicy.authorize(actor, 'signal.manage', signal);
    return { actor, signal };
  }

  async function page(req: FastifyRequest, reply: FastifyReply, found: { actor: Actor; signal: Signal }, refused?: ManageView['refused']) {
    const { signal, actor } = found;
    const [category, town, timeline, photos, colleagues, neighbours] = await Promise.all([
      repo.categoryById(db, signal.category_id),
      municipalityById(db, signal.municipality_id),
      repo.updatesOf(db, signal.id, true),
      repo.photosOf(db, signal.id),
      colleaguesOf(ctx, signal.municipality_id),
      neighboursOf(ctx, signal.municipality_id),
    ]);
    const people = [signal.author_id, signal.assigned_to, ...timeline.flatMap((u) => [u.author_id, u.assignee_id])];
    const names = await displayNames(
      db,
      people.filter((id): id is number => id !== null),
    );
    const from = await municipalitiesByIds(
      db,
      timeline.flatMap((u) => (u.from_municipality ? [u.from_municipality] : [])),
    );
    const questions = await repo.questionsOf(db, [signal.category_id]);
    const name = category ? categoryName(req.t, category) : '';
    const view: ManageView = {
      signal,
      category: name,
      area: category?.area ?? null,
      town: { name: town?.name ?? '', path: town ? profilePath(town) : '/' },
      account: signal.author_id === null ? null : (names.get(signal.author_id) ?? req.t('common.deletedAccount')),
      answers: answersOf(signal, questions),
      photos,
      timeline,
      names,
      towns: new Map([...from].map(([id, m]) => [id, m.name])),
      colleagues,
      neighbours,
      csrfToken: reply.generateCsrf(),
      canModerate: signalsPolicy.can(actor, 'signal.moderate', signal),
      notice: refused ? undefined : noticeFrom(req, NOTICES),
      refused,
    };
    return { body: <ManagePage view={view} />, title: req.t('signals.manage.title', { id: signal.id, category: name }) };
  }

  const back = (req: FastifyRequest, signal: Signal, notice: string) => `/${req.lang}/signals/${signal.id}/manage?notice=${notice}`;

  /** A refused form: the page again with what was typed and what is wrong, nothing changed. */
  async function refuse(
    req: FastifyRequest,
    reply: FastifyReply,
    found: { actor: Actor; signal: Signal },
    form: string,
    fields: readonly string[],
    result: FormRefusal,
  ) {
    const { body, title } = await page(req, reply, found, { form, values: typedValues(req.body, fields), errors: result.errors });
    return reply.refused(result, body, title);
  }

  app.get('/:lang/signals/:id/manage', async (req, reply) => {
    const { body, title } = await page(req, reply, await manageable(req));
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.post('/:lang/signals/:id/manage/state', WRITE, async (req, reply) => {
    const found = await manageable(req);
    const read = await readStateChange(ctx, found.signal, req.body);
    if (!read.ok) return refuse(req, reply, found, 'state', STATE_FIELDS, read);
    await changeState(ctx, found.actor, found.signal, read.data, req.ip);
    return reply.redirect(back(req, found.signal, 'state'), 303);
  });

  app.post('/:lang/signals/:id/manage/note', WRITE, async (req, reply) => {
    const found = await manageable(req);
    const result = await addInternalNote(ctx, found.actor, found.signal, req.body, req.ip);
    if (!result.ok) return refuse(req, reply, found, 'note', ['internal_note'], result);
    return reply.redirect(back(req, found.signal, 'note'), 303);
  });

  app.post('/:lang/signals/:id/manage/assign', WRITE, async (req, reply) => {
    const found = await manageable(req);
    const result = await assign(ctx, found.actor, found.signal, req.body, req.ip);
    if (!result.ok) return refuse(req, reply, found, 'assign', ['assignee'], result);
    return reply.redirect(back(req, found.signal, 'assigned'), 303);
  });

  app.post('/:lang/signals/:id/manage/pass', WRITE, async (req, reply) => {
    const found = await manageable(req);
    const result = await passToTown(ctx, found.actor, found.signal, req.body, req.ip);
    if (!result.ok) return refuse(req, reply, found, 'pass', ['town', 'pass_note'], result);
    // The report is another town's now: its page here is no longer this person's.
    return reply.redirect(`/${req.lang}/signals/inbox?town=${found.signal.municipality_id}&notice=passed`, 303);
  });

  app.post('/:lang/signals/:id/manage/send', WRITE, async (req, reply) => {
    const found = await manageable(req);
    const result = await passToBody(ctx, found.actor, found.signal, req.body, req.lang, req.ip);
    if (!result.ok) return refuse(req, reply, found, 'send', BODY_FIELDS, result);
    return reply.redirect(back(req, found.signal, 'sent'), 303);
  });

  app.post('/:lang/signals/:id/manage/photos/:photo', WRITE, async (req, reply) => {
    const found = await manageable(req);
    if (!(await setPhotoHidden(ctx, found.actor, found.signal, photoParams(req).photo, hiddenField(req.body), req.ip)))
      throw new NotFound();
    return reply.redirect(back(req, found.signal, 'photo'), 303);
  });

  // Platform moderators hide reports too, from the report's page: they do not manage them.
  app.post('/:lang/signals/:id/manage/visibility', WRITE, async (req, reply) => {
    const actor = requireActor(req);
    const signal = await loadOr404(repo.signalById(db, idParams(req).id));
    signalsPolicy.authorize(actor, 'signal.moderate', signal, { hide: !signalsPolicy.can(actor, 'signal.view', signal) });
    await setHidden(ctx, actor, signal, hiddenField(req.body), req.ip);
    const manages = signalsPolicy.can(actor, 'signal.manage', signal);
    return reply.redirect(manages ? back(req, signal, 'visibility') : `/${req.lang}${reportPath(signal.id)}`, 303);
  });
}
