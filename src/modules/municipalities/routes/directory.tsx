import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { countryName, isCountry } from '../../../core/countries.ts';
import { listPage } from '../repo.ts';
import { municipalityBySlug, nearby, placesCount, regionsList } from '../service/directory.ts';
import { municipalitiesPolicy } from '../policy.ts';
import { descriptionsOf } from '../service/profile.ts';
import { BrowsePage } from '../views/browse.tsx';
import { profilePath } from '../views/common.tsx';
import { ProfilePage } from '../views/profile.tsx';
import { SharedPageHead } from '../../../core/views/head.tsx';

const PAGE_SIZE = 50;

export function municipalityRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { database, config } = ctx;
  const { db } = database;

  async function browse(req: FastifyRequest, reply: FastifyReply, countryParam: string | undefined) {
    const q = req.query as Record<string, unknown>;
    const country = typeof countryParam === 'string' ? countryParam.toUpperCase() : typeof q.country === 'string' && q.country ? q.country.toUpperCase() : undefined;
    if (country !== undefined && !isCountry(country)) return reply.callNotFound();
    const region = typeof q.region === 'string' && q.region && country ? q.region.slice(0, 20) : undefined;
    const sort = q.sort === 'name' ? 'name' : 'population';
    const page = q.page === undefined ? 1 : Number(q.page);
    const total = await placesCount(db, { country, region });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (!Number.isInteger(page) || page < 1 || page > pages) return reply.callNotFound();
    const rows = await listPage(db, { country, region }, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    const regions = country ? await regionsList(db, country) : [];
    return reply.page(<BrowsePage view={{ country, region, sort, page, pages, total, rows, regions }} />, {
      title: country ? req.t('municipalities.inCountry', { country: countryName(country, req.lang) }) : req.t('municipalities.title'),
      indexable: page === 1 && !region && sort === 'population',
    });
  }

  app.get('/:lang/municipalities', (req, reply) => browse(req, reply, undefined));
  app.get('/:lang/municipalities/:country', (req, reply) => browse(req, reply, (req.params as { country: string }).country));

  app.get('/:lang/municipalities/:country/:slug', async (req, reply) => {
    const { country, slug } = req.params as { country: string; slug: string };
    const m = isCountry(country.toUpperCase()) ? await municipalityBySlug(db, country.toUpperCase(), slug) : undefined;
    if (!m) return reply.callNotFound();
    const url = `${config.baseUrl}/${req.lang}${profilePath(m)}`;
    const place = {
      '@context': 'https://schema.org', '@type': 'City', name: m.name, url,
      ...(m.native_name ? { alternateName: m.native_name } : {}),
      containedInPlace: { '@type': 'Country', name: countryName(m.country, req.lang), identifier: m.country },
      ...(m.latitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: m.latitude, longitude: m.longitude } } : {}),
    };
    const description = req.t('municipalities.description', { name: m.name, country: countryName(m.country, req.lang), count: m.population });
    return reply.page(<ProfilePage m={m} near={await nearby(db, m)} mapTileUrl={config.mapTileUrl} mapAttribution={config.mapAttribution}
      descriptions={await descriptionsOf(db, m.id)} canEdit={municipalitiesPolicy.can(req.actor, 'municipality.edit', m)}
      sections={await renderSections(ctx, 'municipality.profile', m, { lang: req.lang, t: req.t, actor: req.actor })}
      notice={(req.query as { notice?: unknown }).notice === 'saved' ? 'saved' : undefined} />, {
      title: `${m.name} (${countryName(m.country, req.lang)})`,
      description,
      styles: ['/static/vendor/leaflet/leaflet.css'],
      scripts: ['/static/vendor/leaflet/leaflet.js', '/static/map.js'],
      head: <SharedPageHead page={{ type: 'website', title: m.name, description, url, locale: req.lang, data: place }} />,
    });
  });
}
