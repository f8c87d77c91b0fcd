import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type CountryCode, countryName } from '../../../core/countries.ts';
import { NO_STORE, NotFound, noticeFrom } from '../../../core/http/guards.ts';
import { countryParam, pageQuery, pathParams } from '../../../core/http/params.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { SharedPageHead } from '../../../core/views/head.tsx';
import { municipalitiesPolicy } from '../policy.ts';
import { listPage } from '../repo.ts';
import { nearby, placesCount, regionsList } from '../service/directory.ts';
import { isFollowing } from '../service/follows.ts';
import { descriptionsOf } from '../service/profile.ts';
import { BrowsePage } from '../views/browse.tsx';
import { profilePath } from '../views/common.tsx';
import type { FollowState } from '../views/header.tsx';
import { ProfilePage } from '../views/profile.tsx';
import { placeOf } from './place.ts';

const PAGE_SIZE = 50;

// A bad country or page number names no page (404); an unknown sort or a long region is read leniently.
const browseQuery = pageQuery(
  z.object({
    country: z
      .literal('')
      .transform(() => undefined)
      .or(countryParam)
      .optional(),
    region: z
      .string()
      .transform((r) => r.slice(0, 20) || undefined)
      .optional()
      .catch(undefined),
    sort: z.enum(['name', 'population']).catch('population'),
    page: z.coerce.number().int().min(1).default(1),
  }),
);
const countryPath = pathParams(z.object({ country: countryParam }));

export function municipalityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { database, config } = ctx;
  const { db } = database;

  async function browse(req: FastifyRequest, reply: FastifyReply, fixedCountry: CountryCode | undefined) {
    const q = browseQuery(req);
    const country = fixedCountry ?? q.country;
    const region = country ? q.region : undefined;
    const { sort, page } = q;
    const total = await placesCount(db, { country, region });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    const rows = await listPage(db, { country, region }, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    const regions = country ? await regionsList(db, country) : [];
    return reply.page(<BrowsePage view={{ country, region, sort, page, pages, total, rows, regions }} />, {
      title: country ? req.t('municipalities.inCountry', { country: countryName(country, req.lang) }) : req.t('municipalities.title'),
      description: req.t('municipalities.lead', { count: total }),
      indexable: page === 1 && !region && sort === 'population',
    });
  }

  app.get('/:lang/municipalities', (req, reply) => browse(req, reply, undefined));
  app.get('/:lang/municipalities/:country', (req, reply) => browse(req, reply, countryPath(req).country));

  app.get('/:lang/municipalities/:country/:slug', async (req, reply) => {
    const m = await placeOf(ctx, req);
    const url = `${config.baseUrl}/${req.lang}${profilePath(m)}`;
    const place = {
      '@context': 'https://schema.org',
      '@type': 'City',
      name: m.name,
      url,
      ...(m.native_name ? { alternateName: m.native_name } : {}),
      containedInPlace: { '@type': 'Country', name: countryName(m.country, req.lang), identifier: m.country },
      ...(m.latitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: m.latitude, longitude: m.longitude } } : {}),
    };
    const description = req.t('municipalities.description', {
      name: m.name,
      country: countryName(m.country, req.lang),
      count: m.population,
    });
    // A signed-in person's profile carries their follow button and its token: it is theirs alone, never kept.
    if (req.actor) reply.headers(NO_STORE);
    const follow: FollowState = req.actor
      ? { following: await isFollowing(ctx, req.actor, m.id), csrfToken: reply.generateCsrf() }
      : { following: null };
    return reply.page(
      <ProfilePage
        m={m}
        near={await nearby(db, m)}
        mapTileUrl={config.mapTileUrl}
        mapAttribution={config.mapAttribution}
        descriptions={await descriptionsOf(db, m.id)}
        canEdit={municipalitiesPolicy.can(req.actor, 'municipality.edit', m)}
        sections={await renderSections(ctx, 'municipality.profile', m, { lang: req.lang, t: req.t, actor: req.actor })}
        follow={follow}
        notice={noticeFrom(req, ['saved', 'followed', 'unfollowed']) as 'saved' | 'followed' | 'unfollowed' | undefined}
      />,
      {
        title: `${m.name} (${countryName(m.country, req.lang)})`,
        description,
        styles: ['/static/vendor/leaflet/leaflet.css'],
        scripts: ['/static/vendor/leaflet/leaflet.js', '/static/map.js'],
        head: <SharedPageHead page={{ type: 'website', title: m.name, description, url, locale: req.lang, data: place }} />,
      },
    );
  });
}
