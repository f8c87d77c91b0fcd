import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormRefusal, typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { contactPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { contactPath } from '../service/links.ts';
import { addTopic, editTopic, removeTopic, responseDays, saveResponseDays } from '../service/topics.ts';
import { TopicsPage, type TopicsView } from '../views/topics.tsx';
import { townOf } from './town.ts';

const topicParams = pathParams(z.object({ id: idSchema }));
const STAFF = { config: { rateLimit: STAFF_RATE_LIMIT } };
const FIELDS = ['name', 'department', 'email', 'response_days'] as const;

/** Where the town's staff keep its topics, their departments' addresses and the response time it promises. */
export function topicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  async function staffTown(req: FastifyRequest) {
    const actor = requireActor(req);
    const town = await townOf(ctx, req);
    contactPolicy.authorize(actor, 'topics.manage', { municipality_id: town.id }, { hide: true });
    return { actor, town };
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    town: { id: number; name: string; country: string; slug: string },
    refused?: { target: TopicsView['target']; result: FormRefusal },
  ) {
    const view: TopicsView = {
      town: town.name,
      base: contactPath(town),
      topics: await repo.topicsOf(db, town.id),
      responseDays: (await responseDays(ctx, town.id)).days,
      csrfToken: reply.generateCsrf(),
      target: refused?.target,
      values: refused ? typedValues(req.body, FIELDS) : {},
      errors: refused?.result.errors ?? {},
      notice: refused ? undefined : noticeFrom(req, ['saved', 'removed']),
    };
    return { body: <TopicsPage view={view} />, title: req.t('townContact.topics.title') };
  }

  const done = (req: FastifyRequest, reply: FastifyReply, town: { country: string; slug: string }, notice = 'saved') =>
    reply.redirect(`/${req.lang}${contactPath(town)}/topics?notice=${notice}`, 303);

  app.get('/:lang/municipalities/:country/:slug/contact/topics', async (req, reply) => {
    const { town } = await staffTown(req);
    const { body, title } = await page(req, reply, town);
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.post('/:lang/municipalities/:country/:slug/contact/response-time', STAFF, async (req, reply) => {
    const { actor, town } = await staffTown(req);
    const result = await saveResponseDays(ctx, actor, town.id, req.body, req.ip);
    if (result.ok) return done(req, reply, town);
    const { body, title } = await page(req, reply, town, { target: 'days', result });
    return reply.refused(result, body, title);
  });

  app.post('/:lang/municipalities/:country/:slug/contact/topics', STAFF, async (req, reply) => {
    const { actor, town } = await staffTown(req);
    const result = await addTopic(ctx, actor, town.id, req.body, req.ip);
    if (result.ok) return done(req, reply, town);
    const { body, title } = await page(req, reply, town, { target: 'new', result });
    return reply.refused(result, body, title);
  });

  /** A topic of this town only: another town's topic id names nothing here. */
  const topicOf = async (req: FastifyRequest, town: number) => loadOr404(repo.topicIn(db, town, topicParams(req).id));

  app.post('/:lang/municipalities/:country/:slug/contact/topics/:id', STAFF, async (req, reply) => {
    const { actor, town } = await staffTown(req);
    const topic = await topicOf(req, town.id);
    const result = await editTopic(ctx, actor, topic, req.body, req.ip);
    if (result.ok) return done(req, reply, town);
    const { body, title } = await page(req, reply, town, { target: topic.id, result });
    return reply.refused(result, body, title);
  });

  app.post('/:lang/municipalities/:country/:slug/contact/topics/:id/remove', STAFF, async (req, reply) => {
    const { actor, town } = await staffTown(req);
    await removeTopic(ctx, actor, await topicOf(req, town.id), req.ip);
    return done(req, reply, town, 'removed');
  });
}
