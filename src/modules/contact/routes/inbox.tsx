import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { type FormRefusal, typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { contactPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { ENQUIRY_STATES, type Enquiry } from '../schema.ts';
import { sendAttachment, threadOf } from '../service/access.ts';
import { contactPath, inboxPath } from '../service/links.ts';
import { changeState, inboxOf, staffReply } from '../service/threads.ts';
import { InboxPage } from '../views/lists.tsx';
import { ThreadPage } from '../views/thread.tsx';
import { townOf } from './town.ts';

const inboxQuery = queryParams({ state: z.enum(ENQUIRY_STATES), topic: idSchema, page: z.coerce.number().int().min(1).max(100_000) });
const enquiryParams = pathParams(z.object({ id: idSchema }));
const STAFF = { config: { rateLimit: STAFF_RATE_LIMIT } };

/** The town's inbox: its enquiries, each thread, answers, states and attachments. Another town's staff find nothing here (404). */
export function inboxRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function staffTown(req: FastifyRequest) {
    const actor = requireActor(req);
    const town = await townOf(ctx, req);
    contactPolicy.authorize(actor, 'enquiry.manage', { municipality_id: town.id }, { hide: true });
    return { actor, town };
  }

  /** The enquiry the address names, in the town the address names, for its staff. */
  async function staffEnquiry(req: FastifyRequest): Promise<{ actor: Actor; town: Awaited<ReturnType<typeof townOf>>; e: Enquiry }> {
    const { actor, town } = await staffTown(req);
    const { id } = enquiryParams(req);
    const e = await loadOr404(repo.enquiryById(db, id));
    if (e.municipality_id !== town.id || !e.confirmed) throw new NotFound();
    contactPolicy.authorize(actor, 'enquiry.manage', e, { hide: true });
    return { actor, town, e };
  }

  app.get('/:lang/municipalities/:country/:slug/contact/inbox', async (req, reply) => {
    const { town } = await staffTown(req);
    const q = inboxQuery(req);
    const filter = { town: town.id, ...(q.state ? { state: q.state } : {}), ...(q.topic ? { topic: q.topic } : {}) };
    const [topics, list] = await Promise.all([repo.topicsOf(db, town.id), inboxOf(ctx, filter, q.page ?? 1)]);
    const view = { town: town.name, base: contactPath(town), topics, filter, ...list };
    return reply
      .headers(NO_STORE)
      .page(<InboxPage view={view} />, { title: req.t('townContact.inbox.title', { town: town.name }), indexable: false });
  });

  async function threadPage(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof staffEnquiry>>,
    refused?: FormRefusal,
  ) {
    const { town, e } = found;
    const view = {
      enquiry: e,
      ...(await threadOf(ctx, e)),
      staff: true,
      base: `${inboxPath(town)}/${e.id}`,
      back: { href: inboxPath(town), label: req.t('townContact.inbox.title', { town: town.name }) },
      canReply: true,
      csrfToken: reply.generateCsrf(),
      values: refused ? typedValues(req.body, ['body']) : {},
      errors: refused?.errors ?? {},
      notice: refused ? undefined : noticeFrom(req, ['answered', 'changed']),
    };
    return { body: <ThreadPage view={view} />, title: req.t('townContact.thread.title', { reference: e.reference ?? '' }) };
  }

  app.get('/:lang/municipalities/:country/:slug/contact/inbox/:id', async (req, reply) => {
    const { body, title } = await threadPage(req, reply, await staffEnquiry(req));
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.get('/:lang/municipalities/:country/:slug/contact/inbox/:id/attachment', async (req, reply) => {
    const { e } = await staffEnquiry(req);
    return sendAttachment(ctx, reply, e);
  });

  app.post('/:lang/municipalities/:country/:slug/contact/inbox/:id/reply', STAFF, async (req, reply) => {
    const found = await staffEnquiry(req);
    const done = await staffReply(ctx, found.actor, found.e, req.body, req.ip);
    if (done.ok) return reply.redirect(`/${req.lang}${inboxPath(found.town)}/${found.e.id}?notice=answered`, 303);
    const { body, title } = await threadPage(req, reply, found, done);
    return reply.refused(done, body, title);
  });

  app.post('/:lang/municipalities/:country/:slug/contact/inbox/:id/state', STAFF, async (req, reply) => {
    const found = await staffEnquiry(req);
    const done = await changeState(ctx, found.actor, found.e, req.body, req.ip);
    if (done.ok) return reply.redirect(`/${req.lang}${inboxPath(found.town)}/${found.e.id}?notice=changed`, 303);
    const { body, title } = await threadPage(req, reply, found, done);
    return reply.refused(done, body, title);
  });
}
