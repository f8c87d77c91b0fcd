import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validateForm } from '../../../core/http/forms.ts';
import { loadOr404, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pageQuery, pathParams } from '../../../core/http/params.ts';
import type { ModuleContext, SectionProvider } from '../../../core/modules.ts';
import { FOLLOW_TYPES, FREQUENCIES } from '../schema.ts';
import { frequencyOf, mailOfToken, setFrequency, stopFollowing, unsubscribeMail } from '../service/digests.ts';
import { type FollowSubject, follow, followable, isFollowing, unfollow } from '../service/following.ts';
import { describeSubject, newsFor, unreadCount } from '../service/notifications.ts';
import { AccountNews, FollowButton, FollowRefused, NewsPage, PrefsPage, UnsubscribedPage } from '../views/following.tsx';

// Following is a small, private write of a signed-in person: more generous than a public form, still bounded.
const FOLLOW_RATE_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;
/** A person's own page: never kept by a browser's shared cache nor a proxy. */
const PRIVATE = { 'cache-control': 'private, no-store' } as const;

const followInput = z.object({ type: z.enum(FOLLOW_TYPES), id: idSchema, back: z.string().optional() });
const prefsInput = z.object({ frequency: z.enum(FREQUENCIES, { error: 'participation.notify.error.frequency' }) });
const newsQuery = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).passthrough());
const tokenParams = pathParams(z.object({ token: z.string().regex(/^[\w-]{20,100}$/) }));
const stopParams = pathParams(z.object({ token: z.string().regex(/^[\w-]{20,100}$/), type: z.enum(FOLLOW_TYPES), id: idSchema }));

/** A page of the participation pages only: no other site, no other part of this one. */
const BACK = /^\/participation(\/[\w-]+)*\/?(\?[\w=&-]*)?(#[\w-]+)?$/;
const backOf = (back: unknown) => (typeof back === 'string' && back.length <= 300 && BACK.test(back) ? back : '/participation');

/** Following and unfollowing, "What's new for you", how often mail comes, and the links in that mail. */
export function followingRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const refuse = (reply: FastifyReply, req: FastifyRequest, errors: Record<string, { key: string }>) =>
    reply.refused({ errors }, <FollowRefused errors={errors} />, req.t('participation.follow.title'));

  for (const action of ['follow', 'unfollow'] as const) {
    app.post(`/:lang/participation/${action}`, { config: { rateLimit: FOLLOW_RATE_LIMIT } }, async (req, reply) => {
      const actor = requireActor(req);
      const form = validateForm(followInput, req.body);
      if (!form.ok) return refuse(reply, req, { form: { key: 'participation.follow.error.subject' } });
      const subject: FollowSubject = { type: form.data.type, id: form.data.id };
      if (action === 'follow') {
        await loadOr404(followable(ctx, actor, subject, req.lang));
        await follow(ctx, actor.id, subject);
      } else {
        await unfollow(ctx, actor.id, subject);
      }
      return reply.redirect(`/${req.lang}${backOf(form.data.back)}`, 303);
    });
    // Where a visitor who pressed the button lands after signing in.
    app.get(`/:lang/participation/${action}`, (req, reply) => reply.redirect(`/${req.lang}/participation/news-for-you`, 303));
  }

  app.get('/:lang/participation/news-for-you', async (req, reply) => {
    const actor = requireActor(req);
    const { page } = newsQuery(req);
    const [{ items, pages }, frequency] = await Promise.all([newsFor(ctx, actor.id, page, req.lang), frequencyOf(ctx, actor.id)]);
    return reply.headers(PRIVATE).page(<NewsPage items={items} page={page} pages={pages} frequency={frequency} />, {
      title: req.t('participation.notify.title'),
      indexable: false,
    });
  });

  app.get('/:lang/participation/notifications', async (req, reply) => {
    const actor = requireActor(req);
    const frequency = await frequencyOf(ctx, actor.id);
    const saved = noticeFrom(req, ['saved']) === 'saved';
    return reply.headers(PRIVATE).page(<PrefsPage frequency={frequency} errors={{}} csrfToken={reply.generateCsrf()} saved={saved} />, {
      title: req.t('participation.notify.prefs.title'),
      indexable: false,
    });
  });

  app.post('/:lang/participation/notifications', { config: { rateLimit: FOLLOW_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const form = validateForm(prefsInput, req.body);
    if (form.ok) {
      await setFrequency(ctx, actor.id, form.data.frequency);
      return reply.redirect(`/${req.lang}/participation/notifications?notice=saved`, 303);
    }
    // Nothing typed to keep: the choice stays as it was saved.
    const page = (
      <PrefsPage frequency={await frequencyOf(ctx, actor.id)} errors={form.errors} csrfToken={reply.generateCsrf()} saved={false} />
    );
    return reply.refused(form, page, req.t('participation.notify.prefs.title'));
  });

  app.get('/:lang/participation/unsubscribe/:token', async (req, reply) => {
    if (!(await mailOfToken(ctx, tokenParams(req).token))) return reply.linkExpired();
    return reply.confirmLink(req.t('participation.notify.unsubscribe.title'), req.t('participation.notify.unsubscribe.lead'));
  });

  // RFC 8058: a mail client posts "List-Unsubscribe=One-Click" here with no cookie and no form token;
  // the token in the address is the only proof needed, and all it can do is stop this person's mail.
  app.post('/:lang/participation/unsubscribe/:token', { config: { csrf: false } }, async (req, reply) => {
    const mail = await mailOfToken(ctx, tokenParams(req).token);
    if (!mail) return reply.linkExpired();
    await unsubscribeMail(ctx, mail.user_id);
    return reply.headers(PRIVATE).page(<UnsubscribedPage />, { title: req.t('participation.notify.unsubscribed.title'), indexable: false });
  });

  app.get('/:lang/participation/unsubscribe/:token/:type/:id', async (req, reply) => {
    const { token, type, id } = stopParams(req);
    if (!(await mailOfToken(ctx, token))) return reply.linkExpired();
    const what = await loadOr404(describeSubject(ctx, { type, id }, req.lang));
    return reply.confirmLink(req.t(`participation.follow.stop.${type}`, { what }));
  });

  app.post('/:lang/participation/unsubscribe/:token/:type/:id', { config: { csrf: false } }, async (req, reply) => {
    const { token, type, id } = stopParams(req);
    const mail = await mailOfToken(ctx, token);
    if (!mail) return reply.linkExpired();
    const what = await loadOr404(describeSubject(ctx, { type, id }, req.lang));
    await stopFollowing(ctx, mail.user_id, { type, id });
    return reply
      .headers(PRIVATE)
      .page(<UnsubscribedPage stopped={what} />, { title: req.t('participation.notify.stopped.title'), indexable: false });
  });
}

/** The follow button of a page, for the person looking: `back` is the page's path after the language prefix. */
export async function followPart(ctx: ModuleContext, req: FastifyRequest, reply: FastifyReply, subject: FollowSubject, back: string) {
  const following = req.actor ? await isFollowing(ctx, req.actor.id, subject) : false;
  return <FollowButton subject={subject} following={following} back={back} csrfToken={req.actor ? reply.generateCsrf() : ''} />;
}

/** On the account page: how many things are new for the person, and how often mail comes. */
export const accountNews: SectionProvider = async (_subject, { actor }, ctx) => {
  if (!actor) return null;
  const [unread, frequency] = await Promise.all([unreadCount(ctx, actor.id), frequencyOf(ctx, actor.id)]);
  return <AccountNews unread={unread} frequency={frequency} />;
};
