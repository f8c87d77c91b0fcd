import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema, today } from '../../../core/http/input.ts';
import { countryParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import { queryTerms } from '../../../core/search/normalize.ts';
import { displayNames } from '../../accounts/index.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { callChoicesByIds, upcomingCallChoices } from '../../projects/index.ts';
import { twinningPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { PartnerCall } from '../schema.ts';
import { answerCall, isOpen, postCall } from '../service/calls.ts';
import { CallPage, CallsPage, type CallView, NewCallPage } from '../views/calls.tsx';
import { ownTowns } from './pages.tsx';

const PAGE_SIZE = 20;
const callParams = pathParams(z.object({ id: idSchema }));
const listQuery = queryParams({ q: z.string().max(100), area: z.enum(POLICY_AREAS), country: countryParam });
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).passthrough());
const CALL_FIELDS = ['town', 'title', 'description', 'size', 'programme', 'funding_call', 'deadline'] as const;

/** What was typed into the call form, lists included, to show again with its errors. */
function callValues(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
  return { ...typedValues(body, CALL_FIELDS), areas: strings(b.areas), countries: strings(b.countries) };
}

export function callRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  app.get('/:lang/partner-search', async (req, reply) => {
    const { q, area, country } = listQuery(req);
    const { page } = pageOf(req);
    const filter = { openOn: today(), area, country, words: q ? queryTerms(q).slice(0, 8) : [] };
    const total = await repo.countOpenCalls(db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const calls = (await repo.openCalls(db, filter, (page - 1) * PAGE_SIZE, PAGE_SIZE)) as PartnerCall[];
    const towns = await municipalitiesByIds(
      db,
      calls.map((c) => c.town_id),
    );
    const view = { calls, towns, filter: { q, area, country }, page, pages, total, canPost: ownTowns(req).length > 0 };
    return reply.page(<CallsPage view={view} />, {
      title: req.t('twinning.calls.title'),
      description: req.t('twinning.calls.lead'),
      feeds: [
        {
          title: req.t('twinning.calls.title'),
          rss: `/${req.lang}/feeds/partner-calls.rss`,
          atom: `/${req.lang}/feeds/partner-calls.atom`,
        },
      ],
    });
  });

  async function newCallPage(req: FastifyRequest, reply: FastifyReply, values = {}, errors = {}) {
    const [towns, fundingCalls] = await Promise.all([municipalitiesByIds(db, ownTowns(req)), upcomingCallChoices(ctx, req.lang)]);
    return <NewCallPage view={{ own: [...towns.values()], fundingCalls, values, errors, csrfToken: reply.generateCsrf() }} />;
  }

  app.get('/:lang/partner-search/new', async (req, reply) => {
    requireActor(req);
    return reply.headers(NO_STORE).page(await newCallPage(req, reply), { title: req.t('twinning.calls.new'), indexable: false });
  });

  app.post('/:lang/partner-search/new', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const values = callValues(req.body);
    const town = Number(values.town);
    if (Number.isInteger(town) && town > 0) twinningPolicy.authorize(actor, 'twinning.propose', { id: town });
    const result = await postCall(ctx, actor, req.lang, req.body);
    if (result.ok) return reply.redirect(`/${req.lang}/partner-search/${result.data.id}`, 303);
    return reply.refused(result, await newCallPage(req, reply, values, result.errors), req.t('twinning.calls.new'));
  });

  async function callView(
    req: FastifyRequest,
    reply: FastifyReply,
    call: PartnerCall,
    form: Partial<NonNullable<CallView['form']>> = {},
  ): Promise<CallView> {
    const poster = twinningPolicy.can(req.actor, 'twinning.propose', { id: call.town_id });
    const answers = poster ? await repo.answersTo(db, call.id) : undefined;
    const names = answers
      ? await displayNames(
          db,
          answers.map((a) => a.author_id),
        )
      : new Map<number, string | null>();
    const own = ownTowns(req).filter((id) => id !== call.town_id);
    const [towns, fundingCalls] = await Promise.all([
      municipalitiesByIds(db, [call.town_id, ...own]),
      callChoicesByIds(ctx, call.funding_call_id ? [call.funding_call_id] : [], req.lang),
    ]);
    const mayAnswer = !!req.actor?.confirmed && !poster && isOpen(call);
    return {
      call,
      towns,
      fundingCall: call.funding_call_id ? fundingCalls.get(call.funding_call_id) : undefined,
      answers: answers?.map((a) => ({ ...a, who: names.get(a.author_id) ?? null })),
      form: mayAnswer
        ? {
            csrfToken: reply.generateCsrf(),
            own: own.flatMap((id) => (towns.has(id) ? [towns.get(id)!] : [])),
            values: {},
            errors: {},
            ...form,
          }
        : undefined,
      signedIn: !!req.actor,
      sent: noticeFrom(req, ['sent']) === 'sent',
    };
  }

  app.get('/:lang/partner-search/:id', async (req, reply) => {
    const call = (await loadOr404(repo.callById(db, callParams(req).id))) as PartnerCall;
    // A closed call stays readable for its poster only.
    if (!isOpen(call) && !twinningPolicy.can(req.actor, 'twinning.propose', { id: call.town_id })) throw new NotFound();
    if (req.actor) reply.headers(NO_STORE);
    return reply.page(<CallPage view={await callView(req, reply, call)} />, {
      title: call.title,
      description: call.description.slice(0, 200),
    });
  });

  app.post('/:lang/partner-search/:id/answer', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const call = (await loadOr404(repo.callById(db, callParams(req).id))) as PartnerCall;
    if (!isOpen(call)) throw new NotFound();
    const values = typedValues(req.body, ['message', 'town']);
    const town = values.town ? Number(values.town) : null;
    // An answer in a town's name comes from its staff.
    if (town !== null) twinningPolicy.authorize(actor, 'twinning.propose', { id: town });
    const sent = `/${req.lang}/partner-search/${call.id}?notice=sent`;
    // A robot is told its answer went out, and the town hall is neither mailed nor shown it.
    if (caughtInHoneypot(req.body)) return reply.redirect(sent, 303);
    const result = await answerCall(ctx, actor, call, town, req.body);
    if (result.ok) return reply.redirect(sent, 303);
    const view = await callView(req, reply, call, { values, errors: result.errors });
    return reply.refused(result, <CallPage view={view} />, call.title);
  });
}
