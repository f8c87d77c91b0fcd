import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { type CountryCode, countryName } from '../../../core/countries.ts';
import { feedPath } from '../../../core/feeds.ts';
import { NO_STORE, NotFound, noticeFrom } from '../../../core/http/guards.ts';
import { countryParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { nameKey } from '../../../core/search/normalize.ts';
import { SharedPageHead } from '../../../core/views/head.tsx';
import { municipalitiesPolicy } from '../policy.ts';
import { listPage } from '../repo.ts';
import { MAP_LIMIT, nearby, placesCount, placesOnMap, regionsList } from '../service/directory.ts';
import { isFollowing } from '../service/follows.ts';
import { descriptionsOf } from '../service/profile.ts';
import { BrowsePage } from '../views/browse.tsx';
import { profilePath } from '../views/common.tsx';
import type { FollowState } from '../views/header.tsx';
import { MAP_SCRIPTS, MAP_STYLES } from '../views/map.tsx';
import { ProfilePage } from '../views/profile.tsx';
import { placeOf } from './place.ts';

const PAGE_SIZE = 50;
const NAME_LENGTH = 100;

// A bad country or page number names no page (404); an unknown sort, a long region or name is read leniently.
const listQuery = z.object({
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
  name: z
    .string()
    .transform((n) => n.slice(0, NAME_LENGTH))
    .optional()
    .catch(undefined),
  sort: z.enum(['joined', 'name', 'population']).catch('joined'),
  page: z.coerce.number().int().min(1).default(1),
});
const browseQuery = pageQuery(listQuery);
// The map's data follows the list's filters; one that does not fit reads as absent.
const mapQuery = queryParams({
  country: countryParam,
  region: listQuery.shape.region,
  name: listQuery.shape.name,
  sort: listQuery.shape.sort,
});
const countryPath = pathParams(z.object({ country: countryParam }));

export function municipalityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { database, config } = ctx;
  const { db } = database;

  async function browse(req: FastifyRequest, reply: FastifyReply, fixedCountry: CountryCode | undefined) {
    const q = browseQuery(req);
    const country = fixedCountry ?? q.country;
    const region = country ? q.region : undefined;
    const { sort, page, name } = q;
    const filter = { country, region, name: name ? nameKey(name) : undefined };
    const total = await placesCount(db, filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFound();
    // A listing is the same for every reader: rendered once per language and choice, and kept.
    const body = await reply.kept(`browse|${JSON.stringify([country, region, name, sort, page])}`, async () => {
      const rows = await listPage(db, filter, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
      const regions = country ? await regionsList(db, country) : [];
      const map = { tiles: config.mapTileUrl, attribution: config.mapAttribution, limit: MAP_LIMIT };
      return <BrowsePage view={{ country, region, name, sort, page, pages, total, rows, regions, map }} />;
    });
    return reply.page(body, {
      title: country ? req.t('municipalities.inCountry', { country: countryName(country, req.lang) }) : req.t('municipalities.title'),
      description: req.t('municipalities.lead', { count: total }),
      indexable: page === 1 && !region && !name && sort === 'joined',
      styles: MAP_STYLES,
      scripts: MAP_SCRIPTS,
    });
  }

  app.get('/:lang/municipalities/map.json', async (req, reply) => {
    const { country, region, name, sort = 'joined' } = mapQuery(req);
    const filter = { country, region: country ? region : undefined, name: name ? nameKey(name) : undefined };
    reply.header('cache-control', 'public, max-age=300');
    return { places: await placesOnMap(db, filter, sort) };
  });

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
    const notice = noticeFrom(req, ['saved', 'followed', 'unfollowed']) as 'saved' | 'followed' | 'unfollowed' | undefined;
    const profile = async (actor: Actor | null, follow: FollowState) => (
      <ProfilePage
        m={m}
        near={await nearby(db, m)}
        mapTileUrl={config.mapTileUrl}
        mapAttribution={config.mapAttribution}
        descriptions={await descriptionsOf(db, m.id)}
        canEdit={municipalitiesPolicy.can(actor, 'municipality.edit', m)}
        sections={await renderSections(ctx, 'municipality.profile', m, { lang: req.lang, t: req.t, actor })}
        follow={follow}
        notice={notice}
      />
    );
    // A signed-in person's profile carries their follow button and its token: it is theirs alone,
    // never kept. Everyone else reads the same page, rendered once per language and kept.
    if (req.actor) reply.headers(NO_STORE);
    const body =
      req.actor || notice
        ? await profile(
            req.actor,
            req.actor ? { following: await isFollowing(ctx, req.actor, m.id), csrfToken: reply.generateCsrf() } : { following: null },
          )
        : await reply.kept(`profile|${m.id}`, () => profile(null, { following: null }));
    return reply.page(body, {
      title: `${m.name} (${countryName(m.country, req.lang)})`,
      description,
      // The town's news and events, by the addresses the content module serves them at.
      feeds: [
        {
          title: req.t('municipalities.feeds.latest', { name: m.name }),
          rss: feedPath(req.lang, 'content', 'rss', { municipality: String(m.id) }),
          atom: feedPath(req.lang, 'content', 'atom', { municipality: String(m.id) }),
        },
        { title: req.t('municipalities.feeds.events', { name: m.name }), ics: `/${req.lang}/events.ics?municipality=${m.id}` },
      ],
      // The clustered maps too: other modules' sections (twin towns) draw places on one.
      styles: MAP_STYLES,
      scripts: [...MAP_SCRIPTS, '/static/map.js'],
      head: <SharedPageHead page={{ type: 'website', title: m.name, description, url, locale: req.lang, data: place }} />,
    });
  });
}
