import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { ForbiddenError } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { PRIVATE_PAGE } from '../../../core/http/pagecache.ts';
import { lenient, pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import type { OrganisationRef } from '../../organisations/index.ts';
import { participationPolicy } from '../policy.ts';
import type { Comment, CommentSubject } from '../schema.ts';
import {
  addComment,
  COMMENT_PAGE,
  type CommentTarget,
  type CommentValues,
  commentIn,
  commentPages,
  commentPath,
  commentTarget,
  editComment,
  SUBJECT_SEGMENTS,
  threadOf,
} from '../service/comments.ts';
import { type ProcessView, processBySlug, processPath, refOf } from '../service/processes.ts';
import { publishAsChoices } from '../service/published-as.ts';
import { CommentFormPage, type CommentsView, CommentThreads, commentHole, OwnCommentActions } from '../views/comments.tsx';

const FIELDS = ['body', 'stance', 'parent', 'official', 'publish_as'] as const;
const params = pathParams(z.object({ process: z.string().max(80), id: idSchema }));
const pageQuery = lenient({ page: z.coerce.number().int().min(1).max(10_000) });

/**
 * A subject's comments as its page shows them (`<CommentsSection view={…} />`), with the forms
 * this reader may use. Pass the process and the subject as `commentTarget` finds it.
 */
export async function commentsPart(
  ctx: ModuleContext,
  req: FastifyRequest,
  reply: FastifyReply,
  p: ProcessView,
  target: CommentTarget,
): Promise<CommentsView> {
  const actor = req.actor;
  const all = await threadOf(ctx, target.type, target.id);
  const pages = commentPages(all);
  const page = Math.min(pageQuery(req.query).page ?? 1, pages);
  const may = !target.lock && participationPolicy.can(actor, 'comment.create', refOf(p));
  const why = may
    ? undefined
    : !actor
      ? ('signIn' as const)
      : !actor.confirmed
        ? ('confirm' as const)
        : (target.lock ?? (actor.blocked ? ('blocked' as const) : ('phase' as const)));
  // A form token and the reader's own edit links are theirs alone.
  if (actor) reply.header('cache-control', PRIVATE_PAGE);
  const shown = all.slice((page - 1) * COMMENT_PAGE, page * COMMENT_PAGE);
  // The threads are kept for every reader alike; what a reader wrote shows them the link to edit it instead.
  const own = new Map<string, VNode>();
  for (const th of shown)
    for (const c of [th.comment, ...th.answers])
      if (actor && c.authorId === actor.id) own.set(commentHole(c.id), <OwnCommentActions c={c} target={target} processSlug={p.slug} />);
  const view = { target, processSlug: p.slug, threads: shown, page, pages, answerable: may };
  const key = `participation.comments|${target.type}|${target.id}|${page}|${may ? 1 : 0}|${target.lock ?? ''}`;
  return {
    target,
    threads: await reply.kept(key, async () => <CommentThreads view={view} />, own),
    count: all.reduce((n, th) => n + (th.comment.removed ? 0 : 1) + th.answers.length, 0),
    stances: p.stances === 1,
    form: may
      ? {
          csrfToken: reply.generateCsrf(),
          official: participationPolicy.can(actor, 'comment.official', p),
          organisations: await publishAsChoices(ctx, actor),
        }
      : undefined,
    why,
  };
}

/** Writing comments and answers on any subject, and editing one's own. */
export function commentRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function processOf(req: FastifyRequest, slug: string) {
    const p = await loadOr404(processBySlug(ctx, slug, req.lang));
    participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
    return p;
  }

  function formPage(
    reply: FastifyReply,
    form: { p: ProcessView; target: CommentTarget; action: string; values: CommentValues; errors: FieldErrors },
    options: {
      title: string;
      stance: boolean;
      official: boolean;
      answering?: Awaited<ReturnType<typeof threadOf>>[number];
      /** The organisations the person may write as: none when editing, where it stays as written. */
      organisations?: OrganisationRef[];
    },
    submit: string,
  ) {
    return (
      <CommentFormPage
        title={options.title}
        target={form.target}
        action={form.action}
        csrfToken={reply.generateCsrf()}
        stance={options.stance}
        official={options.official}
        organisations={options.organisations ?? []}
        values={form.values}
        errors={form.errors}
        answering={options.answering?.comment}
        submit={submit}
      />
    );
  }

  for (const [type, segment] of Object.entries(SUBJECT_SEGMENTS) as [CommentSubject, string][]) {
    const url = `/:lang/participation/:process/${segment}/:id/comments`;
    app.post(url, { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
      const actor = requireActor(req);
      const { process, id } = params(req);
      const p = await processOf(req, process);
      const target = await loadOr404(commentTarget(ctx, p, type, id));
      participationPolicy.authorize(actor, 'comment.create', refOf(p));
      const values = typedValues(req.body, FIELDS);
      const official = values.official === '1';
      if (official) participationPolicy.authorize(actor, 'comment.official', p);
      // A robot is sent back to the comments as a person would be, and nothing is kept.
      if (caughtInHoneypot(req.body)) return reply.redirect(`/${req.lang}${target.path}#comments`, 303);
      const result = await addComment(ctx, actor, p, target, values, official);
      if (result.ok) return reply.redirect(`/${req.lang}${await commentPath(ctx, target, result.data.id)}`, 303);
      const answering = values.parent ? (await threadOf(ctx, type, id)).find((th) => String(th.comment.id) === values.parent) : undefined;
      const title = req.t(answering ? 'participation.comment.answerTitle' : 'participation.comment.formTitle', { title: target.title });
      const page = formPage(
        reply,
        { p, target, action: `${target.path}/comments`, values, errors: result.errors },
        {
          title,
          stance: p.stances === 1 && !values.parent,
          official: participationPolicy.can(actor, 'comment.official', p),
          organisations: await publishAsChoices(ctx, actor),
          ...(answering ? { answering } : {}),
        },
        req.t(values.parent ? 'participation.comment.sendAnswer' : 'participation.comment.send'),
      );
      return reply.refused(result, page, title);
    });
  }

  /** The author's own comment, on a subject that still takes comments. */
  async function ownComment(req: FastifyRequest) {
    const actor = requireActor(req);
    const { process, id } = params(req);
    const p = await processOf(req, process);
    const found = await loadOr404(commentIn(ctx, p, id));
    participationPolicy.authorize(actor, 'comment.edit', found.comment);
    if (found.target.lock) throw new ForbiddenError('comment.edit', false);
    return { p, ...found, action: `${processPath(p)}/comments/${id}/edit` };
  }

  const valuesOf = (c: Comment): CommentValues => ({ body: c.body, ...(c.stance ? { stance: c.stance } : {}) });

  // Answering a comment has a page of its own: a thread of hundreds needs no form under each comment.
  app.get('/:lang/participation/:process/comments/:id/answer', async (req, reply) => {
    const actor = requireActor(req);
    const { process, id } = params(req);
    const p = await processOf(req, process);
    const { comment, target } = await loadOr404(commentIn(ctx, p, id));
    // A thread is two levels deep: answers are not answered in turn.
    if (comment.parent_id !== null) throw new NotFound();
    participationPolicy.authorize(actor, 'comment.create', refOf(p));
    if (target.lock) throw new ForbiddenError('comment.create', false);
    const answering = (await threadOf(ctx, target.type, target.id)).find((th) => th.comment.id === id);
    const title = req.t('participation.comment.answerTitle', { title: target.title });
    const page = formPage(
      reply,
      { p, target, action: `${target.path}/comments`, values: { parent: String(id) }, errors: {} },
      {
        title,
        stance: false,
        official: participationPolicy.can(actor, 'comment.official', p),
        organisations: await publishAsChoices(ctx, actor),
        ...(answering ? { answering } : {}),
      },
      req.t('participation.comment.sendAnswer'),
    );
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.get('/:lang/participation/:process/comments/:id/edit', async (req, reply) => {
    const { p, comment, target, action } = await ownComment(req);
    const title = req.t('participation.comment.editTitle');
    const stance = p.stances === 1 && comment.parent_id === null;
    const page = formPage(
      reply,
      { p, target, action, values: valuesOf(comment), errors: {} },
      { title, stance, official: false },
      req.t('form.save'),
    );
    return reply.headers(NO_STORE).page(page, { title, indexable: false });
  });

  app.post(
    '/:lang/participation/:process/comments/:id/edit',
    { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const { p, comment, target, action } = await ownComment(req);
      const back = `/${req.lang}${target.path}#comment-${comment.id}`;
      if (caughtInHoneypot(req.body)) return reply.redirect(back, 303);
      const values = typedValues(req.body, FIELDS);
      const result = await editComment(ctx, p, comment, values);
      if (result.ok) return reply.redirect(`/${req.lang}${await commentPath(ctx, target, comment.id)}`, 303);
      const title = req.t('participation.comment.editTitle');
      const stance = p.stances === 1 && comment.parent_id === null;
      const page = formPage(
        reply,
        { p, target, action, values, errors: result.errors },
        { title, stance, official: false },
        req.t('form.save'),
      );
      return reply.refused(result, page, title);
    },
  );
}
