import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../core/http/input.ts';
import { apiParams, countryParam, languageParam } from '../../../core/http/params.ts';
import { problem } from '../../../core/http/problem.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { ContentFilter } from '../repo.ts';
import { CONTENT_TYPES, type ContentType, POLICY_AREAS, TYPE_PATHS } from '../schema.ts';
import { getItem, isVisible } from '../service/editing.ts';
import { itemPath } from '../service/paths.ts';
import { type Card, listCards, readItem, searchCards } from '../service/read.ts';

const listQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional(),
    type: z.enum(CONTENT_TYPES).optional(),
    country: countryParam.optional(),
    municipality: idSchema.optional(),
    network: idSchema.optional(),
    project: idSchema.optional(),
    organisation: idSchema.optional(),
    area: z.enum(POLICY_AREAS).optional(),
    language: languageParam.optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    lang: languageParam.default('en'),
    upcoming: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(500).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
const readListQuery = apiParams(listQuery, 'query');
const readItemPath = apiParams(z.object({ id: idSchema }), 'path');
const readItemQuery = apiParams(z.object({ lang: languageParam.default('en') }), 'query');

/** An item as the API gives it: the texts in the asked language or the original, and where to read it. */
export function present(card: Card, baseUrl: string, lang: string) {
  const { item, text } = card;
  return {
    id: item.id,
    type: item.type,
    url: `${baseUrl}/${lang}${itemPath(item)}`,
    owner: card.owner
      ? { type: card.owner.type, id: card.owner.id, name: card.owner.name, country: card.owner.country ?? null }
      : { type: 'platform' },
    language: text.language,
    originalLanguage: item.original_language,
    languages: card.languages,
    title: text.title,
    summary: text.summary,
    bodyHtml: text.body_html,
    areas: card.areas,
    tags: item.tags.split(',').filter(Boolean),
    publishedAt: item.published_at,
    updatedAt: item.updated_at,
    image: item.image ? { url: `${baseUrl}/media/content/${item.image}-1200.webp`, alt: text.image_alt } : null,
    ...(item.type === 'event'
      ? {
          event: {
            startsAt: item.starts_at,
            endsAt: item.ends_at,
            timeZone: item.time_zone,
            allDay: item.all_day === 1,
            venue:
              item.venue_name || item.venue_address
                ? {
                    name: item.venue_name,
                    address: item.venue_address,
                    location: item.latitude !== null ? { latitude: item.latitude, longitude: item.longitude } : null,
                  }
                : null,
            onlineUrl: item.online_url,
            organiser: item.organiser,
            registration: item.capacity !== null ? { capacity: item.capacity || null } : null,
            ics: `${baseUrl}/${lang}${itemPath(item)}.ics`,
          },
        }
      : {}),
    ...(item.type === 'initiative' ? { initiative: { goal: text.goal, deadline: item.deadline } } : {}),
    ...(item.type === 'practice'
      ? {
          practice: {
            problem: text.problem,
            solution: text.solution,
            results: text.results,
            cost: text.cost,
            reuse: text.reuse,
            contact: item.contact,
          },
        }
      : {}),
  };
}

export function contentApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { baseUrl } = ctx.config;

  async function list(req: FastifyRequest, fixedType: ContentType | undefined, reply: FastifyReply) {
    const p = readListQuery(req);
    const type = fixedType ?? p.type;
    const filter: ContentFilter = {
      ...(type ? { type } : {}),
      ...(p.country ? { country: p.country } : {}),
      ...(p.municipality ? { municipality: p.municipality } : {}),
      ...(p.network ? { network: p.network } : {}),
      ...(p.project ? { project: p.project } : {}),
      ...(p.organisation ? { organisation: p.organisation } : {}),
      ...(p.area ? { area: p.area } : {}),
      ...(p.language ? { language: p.language } : {}),
      ...(p.tag ? { tag: p.tag.toLowerCase() } : {}),
      ...(type === 'event' && p.upcoming !== 'false' ? { upcomingFrom: new Date().toISOString() } : {}),
    };
    const found = p.q
      ? await searchCards(ctx, p.q, filter, p.lang, p.page, { bodies: true })
      : await listCards(ctx, filter, p.lang, p.page, p.limit, { bodies: true });
    const size = p.q ? 20 : p.limit;
    const next = found.total > p.page * size ? p.page + 1 : null;
    return reply.header('cache-control', 'public, max-age=60').send({
      items: found.cards.map((c) => present(c, baseUrl, p.lang)),
      total: found.total,
      totalIsLowerBound: found.capped,
      page: p.page,
      next,
      ...('facets' in found ? { facets: found.facets } : {}),
    });
  }

  app.get('/api/v1/content', (req, reply) => list(req, undefined, reply));
  for (const type of CONTENT_TYPES) app.get(`/api/v1/${TYPE_PATHS[type]}`, (req, reply) => list(req, type, reply));

  app.get('/api/v1/content/:id', async (req, reply) => {
    const { id } = readItemPath(req);
    const { lang } = readItemQuery(req);
    const item = await getItem(ctx, id);
    const card = item && isVisible(item) ? await readItem(ctx, item, lang) : undefined;
    if (!card) return problem(reply, 404, 'Not found', 'no published item has this id');
    return reply.header('cache-control', 'public, max-age=60').send(present(card, baseUrl, lang));
  });
}
