import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { newsletterPolicy } from '../policy.ts';
import { archiveOf, bodyHtml, issueOf } from '../service/issues.ts';
import { type List, listFromSlug, listsByKeys } from '../service/lists.ts';
import { confirmSubscription, subscribe, subscriptionOfKey, unsubscribe } from '../service/subscriptions.ts';
import {
  IssuePage,
  ListPage,
  listTitle,
  SubscribedPage,
  type SubscribeValues,
  UnsubscribedPage,
  UnsubscribePage,
} from '../views/public.tsx';

export const listParams = pathParams(z.object({ list: z.string().max(80) }));
export const issueParams = pathParams(z.object({ list: z.string().max(80), id: idSchema }));
const keyParams = pathParams(z.object({ key: z.string().min(20).max(64) }));

const subscribeValues = (body: unknown): SubscribeValues => {
  const topics = (body as { topics?: unknown } | undefined)?.topics;
  return { ...typedValues(body, ['email']), topics: [topics].flat().filter((v): v is string => typeof v === 'string') };
};

/** The public side of newsletters: a list's page and archive, subscribing, confirming and leaving. */
export function publicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const load = async (slug: string) => loadOr404(listFromSlug(ctx, slug));

  app.get('/:lang/newsletters', (req, reply) => reply.redirect(`/${req.lang}/newsletters/platform`, 302));

  app.get('/:lang/newsletters/:list', async (req, reply) => {
    const list = await load(listParams(req).list);
    const body = await listBody(req, reply, list, { email: req.actor?.email ?? '', topics: [] }, {});
    return reply
      .headers(NO_STORE)
      .page(body, { title: listTitle(req.t, list), description: req.t('newsletters.list.lead', { name: list.name }) });
  });

  app.post('/:lang/newsletters/:list', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const list = await load(listParams(req).list);
    const result = await subscribe(ctx, list, req.body, { actor: req.actor, lang: req.lang });
    if (result.ok) return reply.redirect(`/${req.lang}/newsletters/${list.slug}/${result.data.confirmed ? 'subscribed' : 'check'}`, 303);
    return reply.refused(result, await listBody(req, reply, list, subscribeValues(req.body), result.errors), listTitle(req.t, list));
  });

  for (const step of ['check', 'subscribed'] as const) {
    app.get(`/:lang/newsletters/:list/${step}`, async (req, reply) => {
      const list = await load(listParams(req).list);
      const title = step === 'subscribed' ? req.t('newsletters.subscribed.title') : req.t('form.checkEmail');
      return reply.page(<SubscribedPage list={list} confirmed={step === 'subscribed'} />, { title, indexable: false });
    });
  }

  app.get('/:lang/newsletters/:list/issues/:id', async (req, reply) => {
    const { list: slug, id } = issueParams(req);
    const list = await load(slug);
    const issue = await loadOr404(issueOf(ctx, list, id));
    // Drafts are seen by their writers only; for anyone else they do not exist.
    if (issue.status !== 'sent' && !newsletterPolicy.can(req.actor, 'newsletters.write', list)) throw new NotFound();
    return reply.page(<IssuePage list={list} issue={issue} html={bodyHtml(issue)} />, {
      title: issue.subject,
      indexable: issue.status === 'sent',
    });
  });

  app.get('/:lang/newsletters/confirm/:token', (req, reply) => {
    tokenParams(req);
    return reply.confirmLink(req.t('newsletters.confirm.title'), req.t('newsletters.confirm.lead'));
  });

  app.post('/:lang/newsletters/confirm/:token', async (req, reply) => {
    const confirmed = await confirmSubscription(ctx, tokenParams(req).token);
    if (!confirmed) return reply.linkExpired();
    const [list] = await listsByKeys(ctx, [confirmed.list]);
    if (!list) return reply.linkExpired();
    return reply.redirect(`/${req.lang}/newsletters/${list.slug}/subscribed`, 303);
  });

  app.get('/:lang/newsletters/unsubscribe/:key', async (req, reply) => {
    const found = await subscriptionOfKey(ctx, keyParams(req).key);
    const [list] = found ? await listsByKeys(ctx, [found.list]) : [];
    if (!found || !list) return reply.linkExpired();
    return reply
      .headers(NO_STORE)
      .header('referrer-policy', 'no-referrer')
      .page(<UnsubscribePage list={list} action={req.url.split('?')[0]!} />, {
        title: req.t('newsletters.unsubscribe.title'),
        indexable: false,
      });
  });

  // RFC 8058: a mail client posts "List-Unsubscribe=One-Click" here with no cookie and no token of ours;
  // the key in the address is the only proof needed, and all it can do is take one address off one list.
  app.post('/:lang/newsletters/unsubscribe/:key', { config: { csrf: false } }, async (req, reply) => {
    const found = await subscriptionOfKey(ctx, keyParams(req).key);
    const [list] = found ? await listsByKeys(ctx, [found.list]) : [];
    if (!found || !list) return reply.linkExpired();
    await unsubscribe(ctx, found);
    return reply
      .headers(NO_STORE)
      .page(<UnsubscribedPage list={list} />, { title: req.t('newsletters.unsubscribed.title'), indexable: false });
  });

  async function listBody(req: FastifyRequest, reply: FastifyReply, list: List, values: SubscribeValues, errors: FieldErrors) {
    return (
      <ListPage
        list={list}
        archive={await archiveOf(ctx, list)}
        values={values}
        errors={errors}
        csrfToken={reply.generateCsrf()}
        canWrite={newsletterPolicy.can(req.actor, 'newsletters.write', list)}
      />
    );
  }
}
