import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { feedPath } from '../../../core/feeds.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound } from '../../../core/http/guards.ts';
import { pathParams, queryParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { SharedPageHead } from '../../../core/views/head.tsx';
import { contentPolicy } from '../policy.ts';
import { CONTENT_TYPES, type ContentItem, type ContentType, POLICY_AREAS, type PolicyArea, TYPE_PATHS } from '../schema.ts';
import { getItem, isVisible } from '../service/editing.ts';
import { calendarOf } from '../service/ics.ts';
import { filterOwners, readParams } from '../service/params.ts';
import { itemPath } from '../service/paths.ts';
import { type Card, listCards, listingCards, PAGE_SIZE, readItem, searchCards } from '../service/read.ts';
import { cancelRegistration, countsOf, register, registrationByToken, registrationOpen } from '../service/registrations.ts';
import { ItemPage, type RegistrationView } from '../views/item.tsx';
import { ListingPage, type ListingView } from '../views/listing.tsx';
import { MonthPage } from '../views/month.tsx';

/** The listings: all types together, and one per type. */
const LISTINGS: { base: string; type?: ContentType }[] = [
  { base: '/latest' },
  ...CONTENT_TYPES.map((type) => ({ base: `/${TYPE_PATHS[type]}`, type })),
];

const REF = /^(\d{1,9})(?:-[a-z0-9-]{0,120})?(\.ics)?$/;
const refParams = pathParams(z.object({ ref: z.string().regex(REF) }));
const areaParams = pathParams(z.object({ area: z.enum(POLICY_AREAS) }));
// Years 1000–9998 only: PostgreSQL has no year 0 or 10000 for the day either side.
const monthQuery = queryParams({
  view: z.literal('month'),
  month: z.string().regex(/^(?!9999)[1-9]\d{3}-(0[1-9]|1[0-2])$/),
});
const registeredQuery = queryParams({ registered: z.enum(['confirmed', 'waiting']) });

export function contentRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { config } = ctx;

  async function listing(req: FastifyRequest, reply: FastifyReply, base: string, fixed: { type?: ContentType; area?: PolicyArea }) {
    const { params, filter, page } = readParams(req.query);
    if (fixed.type) filter.type = params.type = fixed.type;
    if (fixed.area) filter.area = params.area = fixed.area;
    const t = req.t;
    const month = monthQuery(req);
    const isEvents = filter.type === 'event';
    const owners = await filterOwners(ctx, filter);
    const heading = fixed.area ? t(`area.${fixed.area}`) : t(fixed.type ? `content.listing.${fixed.type}` : 'content.listing.all');
    const feedParams = Object.fromEntries(Object.entries({ ...params, q: '' }).filter(([, v]) => v));
    const ics = `/${req.lang}/events.ics${new URLSearchParams(Object.fromEntries(Object.entries(feedParams).filter(([k]) => k !== 'type'))).toString().replace(/^(.)/, '?$1')}`;
    const view: ListingView = {
      base,
      heading,
      params,
      page,
      pageSize: PAGE_SIZE,
      cards: [],
      total: 0,
      capped: false,
      fixed: [...(fixed.type ? ['type' as const] : []), ...(fixed.area ? ['area' as const] : [])],
      owners,
      ...(isEvents ? { calendar: { ics, month: DateTime.utc().toFormat('yyyy-MM') } } : {}),
      lead: fixed.area ? t('content.areaLead', { area: t(`area.${fixed.area}`) }) : undefined,
    };
    const feeds = [
      {
        title: heading,
        rss: feedPath(req.lang, 'content', 'rss', feedParams),
        atom: feedPath(req.lang, 'content', 'atom', feedParams),
        ...(isEvents ? { ics } : {}),
      },
    ];
    if (isEvents && month.view === 'month') {
      const m = month.month ?? DateTime.utc().toFormat('yyyy-MM');
      const [year, mm] = m.split('-').map(Number) as [number, number];
      // A day either side: an event's local day may start or end in another UTC day.
      const from = DateTime.utc(year, mm, 1).minus({ days: 1 }).toISO()!;
      const to = DateTime.utc(year, mm, 1).plus({ months: 1, days: 1 }).toISO()!;
      const { cards } = await listCards(ctx, { ...filter, between: [from, to] }, req.lang, 1, 500, { count: false });
      return reply.page(<MonthPage view={view} year={year} month={mm} cards={cards} />, {
        title: `${heading} – ${m}`,
        feeds,
        indexable: false,
      });
    }
    if (params.q) {
      const found = await searchCards(ctx, params.q, filter, req.lang, page);
      Object.assign(view, { cards: found.cards, total: found.total, capped: found.capped, facets: found.facets });
    } else {
      const found = await listingCards(ctx, { ...filter, upcoming: isEvents }, req.lang, page);
      Object.assign(view, { cards: found.cards, total: found.total, capped: found.capped });
    }
    return reply.page(<ListingPage view={view} />, {
      title: page > 1 ? `${heading} (${page})` : heading,
      feeds,
      indexable: !params.q,
    });
  }

  for (const { base, type } of LISTINGS) app.get(`/:lang${base}`, (req, reply) => listing(req, reply, base, { type }));
  app.get('/:lang/areas/:area', (req, reply) => {
    const { area } = areaParams(req);
    return listing(req, reply, `/areas/${area}`, { area });
  });

  app.get('/:lang/events.ics', async (req, reply) => {
    const { filter } = readParams(req.query);
    const [{ cards }, owners] = await Promise.all([
      listCards(ctx, { ...filter, type: 'event', upcomingFrom: DateTime.utc().minus({ days: 30 }).toISO()! }, req.lang, 1, 200, {
        count: false,
      }),
      filterOwners(ctx, filter),
    ]);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        calendarOf(cards, {
          name: [req.t('content.listing.event'), ...owners.map((o) => o.name), config.siteName].join(' – '),
          baseUrl: config.baseUrl,
          lang: req.lang,
          siteName: config.siteName,
        }),
      );
  });

  /** The item of an address, if the reader may see it; answers 404 or the canonical address itself. */
  async function itemOf(
    req: FastifyRequest,
    reply: FastifyReply,
    type: ContentType,
  ): Promise<{ item: ContentItem; card: Card; ics: boolean } | undefined> {
    const { ref } = refParams(req);
    const [, id, ics] = REF.exec(ref)!;
    const item = await loadOr404(getItem(ctx, Number(id)));
    if (item.type !== type) throw new NotFound();
    contentPolicy.authorize(req.actor, 'content.read', { ...item, visible: isVisible(item) }, { hide: true });
    const canonical = `${itemPath(item)}${ics ?? ''}`;
    if (ref !== canonical.split('/').pop()) {
      void reply.redirect(`/${req.lang}${canonical}`, 301);
      return undefined;
    }
    const card = await loadOr404(readItem(ctx, item, req.lang));
    return { item, card, ics: !!ics };
  }

  async function registrationView(
    req: FastifyRequest,
    reply: FastifyReply,
    item: ContentItem,
    extra: Partial<RegistrationView> = {},
  ): Promise<RegistrationView | undefined> {
    if (item.capacity === null) return undefined;
    return {
      open: registrationOpen(item),
      counts: await countsOf(ctx, item.id),
      errors: {},
      csrfToken: reply.generateCsrf(),
      values: { name: req.actor?.name, email: req.actor?.email },
      ...extra,
    };
  }

  function pageOf(req: FastifyRequest, reply: FastifyReply, card: Card, registration: RegistrationView | undefined, status = 200) {
    const { item, text } = card;
    const url = `${config.baseUrl}/${req.lang}${itemPath(item)}`;
    const image = item.image ? `${config.baseUrl}/media/content/${item.image}-1200.webp` : undefined;
    const place =
      item.venue_name || item.venue_address
        ? {
            '@type': 'Place',
            name: item.venue_name ?? item.venue_address,
            ...(item.venue_address ? { address: item.venue_address } : {}),
            ...(item.latitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: item.latitude, longitude: item.longitude } } : {}),
          }
        : undefined;
    const data =
      item.type === 'event'
        ? {
            '@context': 'https://schema.org',
            '@type': 'Event',
            name: text.title,
            description: text.summary,
            url,
            inLanguage: text.language,
            startDate: item.starts_at,
            ...(item.ends_at ? { endDate: item.ends_at } : {}),
            eventAttendanceMode: `https://schema.org/${place && item.online_url ? 'Mixed' : item.online_url ? 'Online' : 'Offline'}EventAttendanceMode`,
            eventStatus: 'https://schema.org/EventScheduled',
            location: [...(place ? [place] : []), ...(item.online_url ? [{ '@type': 'VirtualLocation', url: item.online_url }] : [])],
            ...(item.organiser || card.owner ? { organizer: { '@type': 'Organization', name: item.organiser ?? card.owner!.name } } : {}),
            ...(image ? { image } : {}),
          }
        : {
            '@context': 'https://schema.org',
            '@type': item.type === 'news' ? 'NewsArticle' : 'Article',
            headline: text.title,
            description: text.summary,
            url,
            inLanguage: text.language,
            datePublished: item.published_at,
            dateModified: item.updated_at,
            ...(image ? { image: [image] } : {}),
            publisher: { '@type': 'Organization', name: card.owner?.name ?? config.siteName },
          };
    const located = item.type === 'event' && item.latitude !== null;
    return reply
      .status(status)
      .page(
        <ItemPage
          card={card}
          registration={registration}
          canEdit={contentPolicy.can(req.actor, 'content.write', item)}
          map={{ tiles: config.mapTileUrl, attribution: config.mapAttribution }}
        />,
        {
          title: text.title,
          ...(located
            ? {
                styles: ['/static/vendor/leaflet/leaflet.css'],
                scripts: ['/static/vendor/leaflet/leaflet.js', '/static/map.js'],
              }
            : {}),
          description: text.summary,
          versions: { languages: card.languages, original: item.original_language },
          head: (
            <SharedPageHead
              page={{
                type: 'article',
                title: text.title,
                description: text.summary,
                url,
                locale: text.language,
                image,
                imageAlt: text.image_alt,
                publishedTime: item.published_at,
                data,
              }}
            />
          ),
        },
      );
  }

  for (const type of CONTENT_TYPES) {
    app.get(`/:lang/${TYPE_PATHS[type]}/:ref`, async (req, reply) => {
      const found = await itemOf(req, reply, type);
      if (!found) return reply;
      if (found.ics) {
        if (type !== 'event') throw new NotFound();
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="event-${found.item.id}.ics"`)
          .send(
            calendarOf([found.card], {
              name: found.card.text.title,
              baseUrl: config.baseUrl,
              lang: req.lang,
              siteName: config.siteName,
            }),
          );
      }
      const done = registeredQuery(req).registered;
      return pageOf(req, reply, found.card, await registrationView(req, reply, found.item, done ? { done } : {}));
    });
  }

  app.post('/:lang/events/:ref/register', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const found = await itemOf(req, reply, 'event');
    if (!found) return reply;
    const { item, card } = found;
    if (!registrationOpen(item)) {
      return pageOf(
        req,
        reply,
        card,
        await registrationView(req, reply, item, { errors: { form: { key: 'content.register.closed' } } }),
        409,
      );
    }
    const result = await register(ctx, item, card.text.title, req.actor, req.body, req.lang);
    if (result.ok) return reply.redirect(`/${req.lang}${itemPath(item)}?registered=${result.status}#register-heading`, 303);
    return pageOf(
      req,
      reply,
      card,
      await registrationView(req, reply, item, {
        errors: result.errors,
        values: typedValues(req.body, ['name', 'email']),
      }),
      422,
    );
  });

  app.get('/:lang/registrations/:token/cancel', async (req, reply) => {
    const registration = await registrationByToken(ctx, tokenParams(req).token);
    if (!registration || registration.status === 'cancelled') {
      return reply
        .status(registration ? 200 : 404)
        .headers(NO_STORE)
        .header('referrer-policy', 'no-referrer')
        .page(<MessagePage title={req.t(registration ? 'content.cancel.already' : 'content.cancel.unknown')} />, {
          title: req.t(registration ? 'content.cancel.already' : 'content.cancel.unknown'),
          indexable: false,
        });
    }
    const item = await getItem(ctx, registration.item_id);
    const card = item ? await readItem(ctx, item, req.lang) : undefined;
    return reply.confirmLink(req.t('content.cancel.title'), req.t('content.cancel.lead', { title: card?.text.title ?? '' }));
  });

  app.post('/:lang/registrations/:token/cancel', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const outcome = await cancelRegistration(ctx, tokenParams(req).token);
    const key =
      outcome === 'cancelled' ? 'content.cancel.done' : outcome === 'already' ? 'content.cancel.already' : 'content.cancel.unknown';
    return reply
      .status(outcome === 'unknown' ? 404 : 200)
      .headers(NO_STORE)
      .page(<MessagePage title={req.t(key)} />, { title: req.t(key), indexable: false });
  });
}
