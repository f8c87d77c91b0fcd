import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormRefusal, typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { pathParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { contactPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Enquiry } from '../schema.ts';
import { messagesOf, sendAttachment, threadOf } from '../service/access.ts';
import { accountThreadPath, enquiryOfKey, keyThreadPath, REFERENCE } from '../service/links.ts';
import { senderReply } from '../service/threads.ts';
import { AccountMessagesPage } from '../views/lists.tsx';
import { ThreadPage } from '../views/thread.tsx';

const referenceParams = pathParams(z.object({ reference: z.string().regex(REFERENCE) }));
const keyParams = pathParams(z.object({ key: z.string().max(100) }));
const NOTICES = ['sent', 'replied'];

/** The sender's side: their messages in their account, and each thread by account or by the key in their mails. */
export function threadRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The thread an account address names, for its sender only: anyone else finds nothing (404). */
  async function accountEnquiry(req: FastifyRequest): Promise<Enquiry> {
    const actor = requireActor(req);
    const e = await loadOr404(repo.enquiryByReference(db, referenceParams(req).reference));
    contactPolicy.authorize(actor, 'thread.read', e, { hide: true });
    return e;
  }

  /** The thread a mailed key opens; a key not made here names nothing. */
  async function keyEnquiry(req: FastifyRequest): Promise<Enquiry> {
    const id = enquiryOfKey(ctx, keyParams(req).key);
    const e = id ? await repo.enquiryById(db, id) : undefined;
    if (!e?.confirmed) throw new NotFound();
    return e;
  }

  async function page(req: FastifyRequest, reply: FastifyReply, e: Enquiry, base: string, canReply: boolean, refused?: FormRefusal) {
    const view = {
      enquiry: e,
      ...(await threadOf(ctx, e)),
      staff: false,
      base,
      back: req.actor
        ? { href: '/account/messages', label: req.t('townContact.account.title') }
        : { href: '/', label: ctx.config.siteName },
      canReply,
      csrfToken: reply.generateCsrf(),
      values: refused ? typedValues(req.body, ['body']) : {},
      errors: refused?.errors ?? {},
      notice: refused ? undefined : noticeFrom(req, NOTICES),
    };
    const title = req.t('townContact.thread.title', { reference: e.reference ?? '' });
    return { body: <ThreadPage view={view} />, title };
  }

  app.get('/:lang/account/messages', async (req, reply) => {
    const actor = requireActor(req);
    const rows = await messagesOf(ctx, actor.id, actor.email);
    return reply
      .headers(NO_STORE)
      .page(<AccountMessagesPage rows={rows} />, { title: req.t('townContact.account.title'), indexable: false });
  });

  app.get('/:lang/account/messages/:reference', async (req, reply) => {
    const e = await accountEnquiry(req);
    const { body, title } = await page(req, reply, e, accountThreadPath(e.reference!), contactPolicy.can(req.actor, 'thread.reply', e));
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.get('/:lang/account/messages/:reference/attachment', async (req, reply) => sendAttachment(ctx, reply, await accountEnquiry(req)));

  app.post('/:lang/account/messages/:reference/reply', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const e = await accountEnquiry(req);
    contactPolicy.authorize(req.actor, 'thread.reply', e);
    const done = await senderReply(ctx, req.actor, e, req.body);
    if (done.ok) return reply.redirect(`/${req.lang}${accountThreadPath(e.reference!)}?notice=replied`, 303);
    const { body, title } = await page(req, reply, e, accountThreadPath(e.reference!), true, done);
    return reply.refused(done, body, title);
  });

  app.get('/:lang/contact/thread/:key', async (req, reply) => {
    const e = await keyEnquiry(req);
    const { body, title } = await page(req, reply, e, keyThreadPath(ctx, e.id), e.state !== 'closed');
    // The key is the whole secret: it never leaves in a Referer.
    return reply.headers(NO_STORE).header('referrer-policy', 'no-referrer').page(body, { title, indexable: false });
  });

  app.get('/:lang/contact/thread/:key/attachment', async (req, reply) => sendAttachment(ctx, reply, await keyEnquiry(req)));

  app.post('/:lang/contact/thread/:key/reply', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const e = await keyEnquiry(req);
    if (e.state === 'closed') throw new NotFound();
    const done = await senderReply(ctx, req.actor, e, req.body);
    if (done.ok) return reply.redirect(`/${req.lang}${keyThreadPath(ctx, e.id)}?notice=replied`, 303);
    const { body, title } = await page(req, reply, e, keyThreadPath(ctx, e.id), true, done);
    return reply.refused(done, body, title);
  });
}
