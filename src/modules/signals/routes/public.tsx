import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendEncoded } from '../../../core/http/compression.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { hasControl, idSchema } from '../../../core/http/input.ts';
import { countryParam, idParams, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { SIGNED_IN_FORM_RATE_LIMIT } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { MAP_SCRIPTS, MAP_STYLES } from '../../municipalities/index.ts';
import { signalsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Signal, SignalState } from '../schema.ts';
import { categoryName, townCategories } from '../service/categories.ts';
import { meToo, reportDetail, saidMeToo } from '../service/detail.ts';
import { countReports, listReports, mapReports, PAGE_SIZE, STATE_FILTERS } from '../service/lists.ts';
import { PHOTO_NAME, photoDir } from '../service/photos.ts';
import { takesReports, townOfKey, townsTakingReports } from '../service/places.ts';
import { reportPath } from '../service/reports.ts';
import { changeState, refusalOf } from '../service/states.ts';
import { TownReportsPage, TownsPage } from '../views/lists.tsx';
import { ReportPage, type ReportView } from '../views/report.tsx';

const NOTICES = ['filed', 'confirmed', 'metoo', 'fixed', 'reopened'] as const;
const photoParams = pathParams(z.object({ file: z.string().regex(PHOTO_NAME) }));
const townParams = pathParams(z.object({ country: countryParam, slug: z.string().max(200) }));
const listQuery = queryParams({ state: z.enum(STATE_FILTERS), category: idSchema });
const pageOf = pageQuery(z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) }));

/** A report's page and what its readers do there; a town's reports in a list and on a map; the towns that take reports. */
export function publicRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const map = { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution };

  /** The report of the address, for a reader who may see it: 404 otherwise (a report waiting for its link, or hidden). */
  async function viewable(req: FastifyRequest): Promise<Signal> {
    const signal = await loadOr404(repo.signalById(db, idParams(req).id));
    signalsPolicy.authorize(req.actor, 'signal.view', signal, { hide: true });
    return signal;
  }

  async function reportPage(req: FastifyRequest, reply: FastifyReply, signal: Signal, refused?: { errors: FieldErrors; note: string }) {
    const actor = req.actor;
    const view: ReportView = {
      detail: await reportDetail(ctx, actor, signal),
      notice: noticeFrom(req, NOTICES),
      csrfToken: actor ? reply.generateCsrf() : undefined,
      signedIn: !!actor,
      canMeToo: signalsPolicy.can(actor, 'signal.me_too', signal),
      saidMeToo: await saidMeToo(ctx, actor, signal.id),
      canSettle: signalsPolicy.can(actor, 'signal.settle', signal),
      canManage: signalsPolicy.can(actor, 'signal.manage', signal),
      errors: refused?.errors,
      note: refused?.note,
      map,
    };
    const name = categoryName(req.t, view.detail.category);
    const title = signal.address ? req.t('signals.page.title', { category: name, address: signal.address }) : name;
    return { body: <ReportPage view={view} />, title };
  }
  // One point on a map: Leaflet and the portal's single-place map.
  const pageAssets = { styles: ['/static/vendor/leaflet/leaflet.css'], scripts: ['/static/vendor/leaflet/leaflet.js', '/static/map.js'] };

  app.get('/:lang/signals/:id', async (req, reply) => {
    const signal = await viewable(req);
    const { body, title } = await reportPage(req, reply, signal);
    const open = signal.confirmed === 1 && signal.hidden === 0;
    // A signed-in reader's page carries their buttons and token; a report not public is not kept anywhere.
    if (req.actor || !open) reply.headers(NO_STORE);
    return reply.page(body, { title, indexable: open, ...pageAssets });
  });

  app.post('/:lang/signals/:id/me-too', { config: { rateLimit: SIGNED_IN_FORM_RATE_LIMIT } }, async (req, reply) => {
    const signal = await viewable(req);
    const actor = requireActor(req);
    signalsPolicy.authorize(actor, 'signal.me_too', signal);
    await meToo(ctx, actor, signal);
    return reply.redirect(`/${req.lang}${reportPath(signal.id)}?notice=metoo#me-too`, 303);
  });

  // The author's word on their report: "it is fixed" while open, "it is not" once settled.
  for (const [action, state] of [
    ['fixed', 'fixed'],
    ['reopen', 'reopened'],
  ] as [string, SignalState][]) {
    app.post(`/:lang/signals/:id/${action}`, { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
      const signal = await viewable(req);
      const actor = requireActor(req);
      signalsPolicy.authorize(actor, 'signal.settle', signal);
      const raw = (req.body as { note?: unknown } | undefined)?.note;
      const note = typeof raw === 'string' ? raw : '';
      const refusal = hasControl(note) ? 'characters' : await refusalOf(ctx, signal, { state, note }, 'author');
      if (refusal) {
        const errors: FieldErrors =
          refusal === 'characters'
            ? { note: { key: 'form.error.characters' } }
            : refusal === 'note'
              ? { note: { key: 'form.error.tooLong', values: { max: 2000 } } }
              : { form: { key: 'signals.page.error.settled' } };
        const { body, title } = await reportPage(req, reply, signal, { errors, note });
        return reply.refused({ errors }, body, title);
      }
      await changeState(ctx, actor, signal, { state, note }, req.ip);
      return reply.redirect(`/${req.lang}${reportPath(signal.id)}?notice=${state}`, 303);
    });
  }

  // A photo is served only where its report is seen, and a photo staff hid only to them.
  app.get('/signals/photos/:file', async (req, reply) => {
    const { file } = photoParams(req);
    const base = file.slice(0, 24);
    const photo = await db
      .selectFrom('signal_photos')
      .innerJoin('signals', 'signals.id', 'signal_photos.signal_id')
      .select([
        'signal_photos.hidden as photo_hidden',
        'signals.municipality_id',
        'signals.author_id',
        'signals.confirmed',
        'signals.hidden',
      ])
      .where('signal_photos.file', '=', base)
      .executeTakeFirst();
    if (!photo) throw new NotFound();
    const open = photo.confirmed === 1 && photo.hidden === 0 && photo.photo_hidden === 0;
    const staff = signalsPolicy.can(req.actor, 'signal.private', photo);
    if (!open && !(signalsPolicy.can(req.actor, 'signal.view', photo) && (photo.photo_hidden === 0 || staff))) throw new NotFound();
    const path = join(photoDir(ctx), file);
    if (!existsSync(path)) throw new NotFound();
    return reply
      .type('image/webp')
      .header('cache-control', open ? 'public, max-age=3600' : 'private, no-store')
      .send(createReadStream(path));
  });

  app.get('/:lang/signals', async (req, reply) =>
    reply.page(<TownsPage towns={await townsTakingReports(ctx)} />, { title: req.t('signals.title') }),
  );

  /** The town of the address: the localised 404 for one the directory does not hold. */
  async function townOf(req: FastifyRequest) {
    const { country, slug } = townParams(req);
    return loadOr404(townOfKey(ctx, `${country.toLowerCase()}/${slug}`));
  }
  const filterOf = (req: FastifyRequest, municipalityId: number) => {
    const q = listQuery(req);
    return { municipalityId, state: q.state, category: q.category };
  };

  app.get('/:lang/municipalities/:country/:slug/signals', async (req, reply) => {
    const town = await townOf(req);
    const filter = filterOf(req, town.id);
    const { page } = pageOf(req);
    const [total, rows, { all: categories }, takes] = await Promise.all([
      countReports(db, filter),
      listReports(db, filter, page),
      townCategories(ctx, town.id),
      takesReports(ctx, town.id),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const view = { town, takes, categories, filter, rows, total, page, pages, map };
    return reply.page(<TownReportsPage view={view} />, {
      title: req.t('signals.list.title', { town: town.name }),
      styles: MAP_STYLES,
      scripts: MAP_SCRIPTS,
    });
  });

  app.get('/:lang/municipalities/:country/:slug/signals/map.json', async (req, reply) => {
    const town = await townOf(req);
    const answer = await mapReports(ctx, req.t, req.lang, filterOf(req, town.id));
    return sendEncoded(req, reply.type('application/json; charset=utf-8'), answer, ctx.config);
  });
}
