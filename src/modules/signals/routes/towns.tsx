import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { feedPath } from '../../../core/feeds.ts';
import { refusedStatus } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { countryParam, pathParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { MAP_STYLES, municipalityBySlug, profilePath } from '../../municipalities/index.ts';
import { signalsPolicy } from '../policy.ts';
import { readBoundaryFile, removeTownBoundary, saveTownBoundary, townBoundary } from '../service/boundaries.ts';
import { categoryName, townCategories } from '../service/categories.ts';
import { jurisdictionId } from '../service/open311.ts';
import { townStatistics } from '../service/statistics.ts';
import { BoundaryPage } from '../views/boundary.tsx';
import { StatisticsPage } from '../views/statistics.tsx';

const townParams = pathParams(z.object({ country: countryParam, slug: z.string().max(80) }));

/** A town's pages of this module under its profile: its boundary (staff) and its figures (everyone). */
export function townRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const town = async (req: FastifyRequest) => {
    const { country, slug } = townParams(req);
    return loadOr404(municipalityBySlug(db, country, slug));
  };

  async function boundaryTown(req: FastifyRequest) {
    const actor = requireActor(req);
    const m = await town(req);
    signalsPolicy.authorize(actor, 'boundary.manage', { municipality_id: m.id });
    return { actor, m, path: `/${req.lang}${profilePath(m)}/signals/boundary` };
  }

  async function boundaryPage(
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof boundaryTown>>,
    errors: FieldErrors = {},
  ) {
    const view = {
      town: found.m,
      path: found.path,
      boundary: await townBoundary(ctx, found.m.id),
      csrfToken: reply.generateCsrf(),
      errors,
      notice: Object.keys(errors).length ? undefined : (noticeFrom(req, ['saved', 'removed']) as 'saved' | 'removed' | undefined),
      map: { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
    };
    return {
      body: <BoundaryPage view={view} />,
      title: req.t('signals.boundary.title', { town: found.m.name }),
      options: { styles: [MAP_STYLES[0]!], scripts: ['/static/vendor/leaflet/leaflet.js', '/static/map.js'] },
    };
  }

  app.get('/:lang/municipalities/:country/:slug/signals/boundary', async (req, reply) => {
    const { body, title, options } = await boundaryPage(req, reply, await boundaryTown(req));
    return reply.headers(NO_STORE).page(body, { title, indexable: false, ...options });
  });

  app.post('/:lang/municipalities/:country/:slug/signals/boundary', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await boundaryTown(req);
    const file = (req.body as { boundary?: unknown } | undefined)?.boundary;
    const read = Buffer.isBuffer(file) && file.length > 0 ? readBoundaryFile(file) : ({ ok: false, reason: 'missing' } as const);
    if (!read.ok) {
      const errors = { boundary: { key: `signals.boundary.error.${read.reason}` } };
      const { body, title, options } = await boundaryPage(req, reply, found, errors);
      // reply.refused, with the map's script and style besides.
      return refusedStatus(reply, {})
        .headers(NO_STORE)
        .page(body, { title: req.t('form.errorTitle', { title }), indexable: false, ...options });
    }
    await saveTownBoundary(ctx, found.actor, found.m.id, read.boundary, req.ip);
    return reply.redirect(`${found.path}?notice=saved`, 303);
  });

  app.post(
    '/:lang/municipalities/:country/:slug/signals/boundary/remove',
    { config: { rateLimit: STAFF_RATE_LIMIT } },
    async (req, reply) => {
      const found = await boundaryTown(req);
      await removeTownBoundary(ctx, found.actor, found.m.id, req.ip);
      return reply.redirect(`${found.path}?notice=removed`, 303);
    },
  );

  app.get('/:lang/municipalities/:country/:slug/signals/statistics', async (req, reply) => {
    const m = await town(req);
    const [stats, { all }] = await Promise.all([townStatistics(ctx, m.id), townCategories(ctx, m.id)]);
    const names = new Map(all.map((c) => [c.id, categoryName(req.t, c)]));
    const title = req.t('signals.stats.title', { town: m.name });
    const feed = (format: 'rss' | 'atom') => feedPath(req.lang, 'signals', format, { town: jurisdictionId(m) });
    return reply.page(<StatisticsPage town={m} stats={stats} names={names} />, {
      title,
      description: req.t('signals.stats.lead', { town: m.name }),
      feeds: [{ title: req.t('signals.feed.title', { town: m.name }), rss: feed('rss'), atom: feed('atom') }],
    });
  });
}
