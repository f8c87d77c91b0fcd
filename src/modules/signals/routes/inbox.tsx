import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../core/authz.ts';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import {
  BULK_FIELDS,
  bulkChange,
  type InboxQuery,
  inboxCsv,
  inboxFilter,
  inboxOf,
  inboxQueryShape,
  inboxSearch,
  inboxTown,
  staffTowns,
} from '../service/inbox.ts';
import { InboxPage, type InboxView } from '../views/inbox.tsx';

const inboxQuery = queryParams(inboxQueryShape);
const NOTICES = ['changed', 'passed'];

/** The staff inbox of a town's reports, its bulk changes and its export. */
export function inboxRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** Whose inbox, of which town, filtered how: 403 for a person who is staff of no town asked for. */
  function inboxOfRequest(req: FastifyRequest): { actor: Actor; town: number; query: InboxQuery } {
    const actor = requireActor(req);
    const query = inboxQuery(req);
    return { actor, town: inboxTown(actor, query.town), query };
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    found: { actor: Actor; town: number; query: InboxQuery },
    refused?: InboxView['refused'],
  ) {
    const { actor, town, query } = found;
    const ids = [...new Set([town, ...staffTowns(actor)])];
    const [towns, categories, list] = await Promise.all([
      municipalitiesByIds(db, ids),
      repo.categoriesOf(db, town),
      inboxOf(ctx, inboxFilter(actor, town, query), query.page ?? 1),
    ]);
    const name = towns.get(town)?.name ?? '';
    const view: InboxView = {
      town: { id: town, name, categories: `${profilePath(towns.get(town) ?? { country: '', slug: '' })}/signals/categories` },
      towns: ids.map((id) => ({ id, name: towns.get(id)?.name ?? String(id) })),
      query,
      categories,
      ...list,
      csrfToken: reply.generateCsrf(),
      notice: refused ? undefined : noticeFrom(req, NOTICES),
      refused,
    };
    return { body: <InboxPage view={view} />, title: req.t('signals.inbox.title', { town: name }) };
  }

  app.get('/:lang/signals/inbox', async (req, reply) => {
    const { body, title } = await page(req, reply, inboxOfRequest(req));
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.get('/:lang/signals/inbox.csv', async (req, reply) => {
    const { actor, town, query } = inboxOfRequest(req);
    const csv = await inboxCsv(ctx, inboxFilter(actor, town, query), req.t, (path) => portalLink(ctx, req.lang, path));
    return reply
      .headers(NO_STORE)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="signals-${town}.csv"`)
      .send(csv);
  });

  app.post('/:lang/signals/inbox/bulk', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = inboxOfRequest(req);
    const result = await bulkChange(ctx, found.actor, found.town, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/signals/inbox?${inboxSearch(found.query, found.town, { notice: 'changed' })}`, 303);
    const raw = (req.body as { ids?: unknown } | undefined)?.ids;
    const ids = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    const { body, title } = await page(req, reply, found, { values: typedValues(req.body, BULK_FIELDS), errors: result.errors, ids });
    return reply.refused(result, body, title);
  });
}
