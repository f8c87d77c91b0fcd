import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE } from '../../../core/http/guards.ts';
import { queryParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot, writeAllowed } from '../../../core/http/spam.tsx';
import type { Limit } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { signalsPolicy } from '../policy.ts';
import { categoriesWithQuestions, openNearby, readWhat, typedWhat } from '../service/filing.ts';
import { keptPhoto, unkeptPhoto } from '../service/photos.ts';
import { type Place, readPlace, takesReports, townKey, townOfKey, townsTakingReports } from '../service/places.ts';
import { reportPath } from '../service/reports.ts';
import { confirmByLink, submitReport } from '../service/submit.ts';
import { FORM_ASSETS, ReportFormPage, type ReportFormView } from '../views/report-form.tsx';

const newQuery = queryParams({ town: z.string().max(210) });
/** A person goes through the steps, corrects a field or two and sends: a few posts per report. */
const REPORT_RATE_LIMIT = { max: 30, timeWindow: '10 minutes' } as const;
/** Reports one account may file in an hour, across the portal: a person out on a walk, not a script. */
const REPORTS_PER_ACCOUNT: Limit = { max: 10, windowMs: 3600_000 };
/** Anyone may report: only a blocked account may not, wherever it is. */
const ANY_TOWN = { municipality_id: 0 };

const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Reporting a problem: where it is, what it is, the reports nearby, and the mailed link that publishes it. */
export function reportRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const map = { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution };
  const title = (req: FastifyRequest) => req.t('signals.report.title');

  async function formView(req: FastifyRequest, reply: FastifyReply, extra: Partial<ReportFormView>): Promise<ReportFormView> {
    return {
      step: 'where',
      towns: await townsTakingReports(ctx),
      placeValues: {},
      choices: [],
      what: {},
      answers: {},
      kept: [],
      errors: {},
      csrfToken: reply.generateCsrf(),
      signedIn: !!req.actor,
      meToo: new Set(),
      map,
      ...extra,
    };
  }
  const show = (req: FastifyRequest, reply: FastifyReply, view: ReportFormView) =>
    reply.headers(NO_STORE).page(<ReportFormPage view={view} />, { title: title(req), indexable: false, ...FORM_ASSETS });
  const refuse = (req: FastifyRequest, reply: FastifyReply, view: ReportFormView) =>
    reply.refused({ errors: view.errors }, <ReportFormPage view={view} />, title(req));

  app.get('/:lang/signals/new', async (req, reply) => {
    signalsPolicy.authorize(req.actor, 'signal.create', ANY_TOWN);
    const { town } = newQuery(req);
    const chosen = town ? await townOfKey(ctx, town) : undefined;
    const from = chosen && (await takesReports(ctx, chosen.id)) ? townKey(chosen) : '';
    return show(req, reply, await formView(req, reply, { placeValues: { town: from } }));
  });

  app.post('/:lang/signals/new', { config: { rateLimit: REPORT_RATE_LIMIT } }, async (req, reply) => {
    const actor = req.actor;
    signalsPolicy.authorize(actor, 'signal.create', ANY_TOWN);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const step = body.step;
    // A robot is answered as if all went well, and nothing is kept.
    if (caughtInHoneypot(body)) {
      if (step === 'send') return reply.redirect(`/${req.lang}/signals/new/sent`, 303);
      return show(req, reply, await formView(req, reply, {}));
    }
    const placeValues = typedValues(body, ['town', 'address', 'latitude', 'longitude'] as const);
    const typed = typedWhat(body);
    const carried = listOf(body.kept).flatMap((v) => {
      const base = unkeptPhoto(ctx, actor, v);
      return base ? [keptPhoto(ctx, actor, base)] : [];
    });
    // Someone signed in finds their name filled in; what they typed instead is kept.
    const what = { ...(actor ? { name: actor.name } : {}), ...typed.values };
    const typedView = { placeValues, what, answers: typed.answers, kept: carried };
    if (step === 'back') return show(req, reply, await formView(req, reply, typedView));
    const placed = await readPlace(ctx, placeValues);
    if (!placed.ok) return refuse(req, reply, await formView(req, reply, { ...typedView, errors: placed.errors }));
    const { place } = placed;
    const choices = await categoriesWithQuestions(ctx, place.town.id);
    const whatView = { ...typedView, step: 'what' as const, place, choices };
    if (step !== 'check' && step !== 'send') return show(req, reply, await formView(req, reply, whatView));

    const read = await readWhat(ctx, actor, place, choices, body);
    if (!read.report) return refuse(req, reply, await formView(req, reply, { ...whatView, kept: read.kept, errors: read.errors }));
    if (step === 'check')
      return show(
        req,
        reply,
        await formView(req, reply, { ...whatView, kept: read.kept, ...(await nearbyOf(req, place, read.report.category)) }),
      );

    // A person files a few reports; a script filing many is stopped here, before anything is stored.
    const limited = actor ? await writeAllowed(ctx.database, actor, 'signal', REPORTS_PER_ACCOUNT) : null;
    const filed = limited ?? (await submitReport(ctx, actor, read.report, req.lang));
    if (!filed.ok) return refuse(req, reply, await formView(req, reply, { ...whatView, kept: read.kept, errors: filed.errors }));
    if (!filed.confirmed) return reply.redirect(`/${req.lang}/signals/new/sent`, 303);
    return reply.redirect(`/${req.lang}${reportPath(filed.id)}?notice=filed`, 303);
  });

  /** The open reports of the category near the point the person gave (none for a town's centre, which stands for no place). */
  async function nearbyOf(req: FastifyRequest, place: Place, category: Parameters<typeof openNearby>[1]) {
    const nearby = place.exact ? await openNearby(ctx, category, place) : [];
    const meToo = new Set(nearby.filter((s) => signalsPolicy.can(req.actor, 'signal.me_too', s)).map((s) => s.id));
    return { nearby, meToo };
  }

  app.get('/:lang/signals/new/sent', (req, reply) =>
    reply.headers(NO_STORE).page(
      <MessagePage title={req.t('form.checkEmail')}>
        <p>{req.t('signals.report.sent')}</p>
      </MessagePage>,
      { title: req.t('form.checkEmail'), indexable: false },
    ),
  );

  app.get('/:lang/signals/confirm/:token', (req, reply) => {
    tokenParams(req);
    return reply.confirmLink(req.t('signals.report.confirmTitle'), req.t('signals.report.confirmLead'));
  });

  app.post('/:lang/signals/confirm/:token', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const path = await confirmByLink(ctx, tokenParams(req).token);
    if (!path) return reply.linkExpired();
    return reply.redirect(`/${req.lang}${path}?notice=confirmed`, 303);
  });
}
