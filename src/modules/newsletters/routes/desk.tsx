import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { newsletterPolicy } from '../policy.ts';
import type { Issue } from '../schema.ts';
import { deskOf, issueOf, previewOf, saveIssue, sendTest, startSending, subscriberCount } from '../service/issues.ts';
import { type List, listFromSlug } from '../service/lists.ts';
import { DeskPage, EditorPage, type IssueValues, SendPage } from '../views/desk.tsx';
import { issueParams, listParams } from './public.tsx';

const NOTICES = ['saved', 'tested', 'sending', 'already'] as const;
const staff = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };

const issueValues = (body: unknown): IssueValues => {
  const areas = (body as { areas?: unknown } | undefined)?.areas;
  return { ...typedValues(body, ['subject', 'body', 'language']), areas: [areas].flat().filter((v): v is string => typeof v === 'string') };
};
const editorTitle = (req: FastifyRequest, issue?: Issue) => req.t(issue ? 'newsletters.editor.edit' : 'newsletters.editor.new');
const valuesOf = (issue: Issue): IssueValues => ({ ...issue, areas: issue.areas.split(',').filter(Boolean) });

/** The desk where those who write for a town, a network or the platform write and send its newsletter. */
export function deskRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  /** The list the address names, for someone who writes for it: sign in first, 404 for no list, 403 for another's. */
  async function listFor(req: FastifyRequest, slug: string): Promise<List> {
    const actor = requireActor(req);
    const list = await loadOr404(listFromSlug(ctx, slug));
    newsletterPolicy.authorize(actor, 'newsletters.write', list);
    return list;
  }
  /** A draft of that list; a sent issue is history and opens on the web instead. */
  async function draftFor(req: FastifyRequest, reply: FastifyReply) {
    const { list: slug, id } = issueParams(req);
    const list = await listFor(req, slug);
    const issue = await loadOr404(issueOf(ctx, list, id));
    if (issue.status !== 'draft') {
      reply.redirect(`/${req.lang}/newsletters/${list.slug}/desk?notice=already`, 303);
      return undefined;
    }
    return { list, issue };
  }

  app.get('/:lang/newsletters/:list/desk', async (req, reply) => {
    const list = await listFor(req, listParams(req).list);
    const { issues, counts } = await deskOf(ctx, list);
    return reply.headers(NO_STORE).page(<DeskPage list={list} issues={issues} counts={counts} notice={noticeFrom(req, NOTICES)} />, {
      title: req.t('newsletters.desk.title', { name: list.name }),
      indexable: false,
    });
  });

  const editor = (req: FastifyRequest, reply: FastifyReply, p: Omit<Parameters<typeof EditorPage>[0], 'csrfToken'>) =>
    reply.headers(NO_STORE).page(<EditorPage {...p} csrfToken={reply.generateCsrf()} />, {
      title: editorTitle(req, p.issue),
      indexable: false,
    });

  app.get('/:lang/newsletters/:list/issues/new', async (req, reply) => {
    const list = await listFor(req, listParams(req).list);
    return editor(req, reply, { list, values: { language: req.lang, areas: [] }, errors: {} });
  });

  /** Saves the draft, or shows it as subscribers will see it ("Preview" saves nothing). */
  async function save(req: FastifyRequest, reply: FastifyReply, list: List, issue?: Issue) {
    const values = issueValues(req.body);
    const refused = (errors: FieldErrors) =>
      reply.refused(
        { errors },
        <EditorPage list={list} issue={issue} values={values} errors={errors} csrfToken={reply.generateCsrf()} />,
        editorTitle(req, issue),
      );
    if ((req.body as { intent?: unknown } | undefined)?.intent === 'preview') {
      const preview = previewOf(req.body);
      if (!preview.ok) return refused(preview.errors);
      return editor(req, reply, { list, issue, values, errors: {}, preview: preview.data });
    }
    const result = await saveIssue(ctx, list, requireActor(req), req.body, issue);
    if (!result.ok) return refused(result.errors);
    return reply.redirect(`/${req.lang}/newsletters/${list.slug}/issues/${result.data.id}/edit?notice=saved`, 303);
  }

  app.post('/:lang/newsletters/:list/issues/new', staff, async (req, reply) => save(req, reply, await listFor(req, listParams(req).list)));

  app.get('/:lang/newsletters/:list/issues/:id/edit', async (req, reply) => {
    const found = await draftFor(req, reply);
    if (!found) return reply;
    return editor(req, reply, { ...found, values: valuesOf(found.issue), errors: {}, notice: noticeFrom(req, NOTICES) });
  });

  app.post('/:lang/newsletters/:list/issues/:id/edit', staff, async (req, reply) => {
    const found = await draftFor(req, reply);
    return found ? save(req, reply, found.list, found.issue) : reply;
  });

  app.post('/:lang/newsletters/:list/issues/:id/test', staff, async (req, reply) => {
    const found = await draftFor(req, reply);
    if (!found) return reply;
    await sendTest(ctx, found.list, found.issue, requireActor(req));
    return reply.redirect(`/${req.lang}/newsletters/${found.list.slug}/issues/${found.issue.id}/edit?notice=tested`, 303);
  });

  app.get('/:lang/newsletters/:list/issues/:id/send', async (req, reply) => {
    const found = await draftFor(req, reply);
    if (!found) return reply;
    const count = await subscriberCount(ctx, found.list);
    return reply.headers(NO_STORE).page(<SendPage {...found} count={count} csrfToken={reply.generateCsrf()} errors={{}} />, {
      title: req.t('newsletters.send.title', { subject: found.issue.subject }),
      indexable: false,
    });
  });

  app.post('/:lang/newsletters/:list/issues/:id/send', staff, async (req, reply) => {
    const found = await draftFor(req, reply);
    if (!found) return reply;
    const started = await startSending(ctx, found.issue, requireActor(req));
    return reply.redirect(`/${req.lang}/newsletters/${found.list.slug}/desk?notice=${started ? 'sending' : 'already'}`, 303);
  });
}
