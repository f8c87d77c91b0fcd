import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { refusedStatus, validateForm } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { idParams, languageParam, pageQuery, pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { PLATFORM } from '../../../core/scopes.ts';
import { zoneOfCountry } from '../../../core/zones.ts';
import { displayNames } from '../../accounts/index.ts';
import { contentPolicy, ownersOf } from '../policy.ts';
import * as repo from '../repo.ts';
import type { ContentItem, ContentType } from '../schema.ts';
import { CONTENT_TYPES, LIMITS, textsInput } from '../schema.ts';
import {
  areasOf,
  getItem,
  publishItem,
  restoreRevision,
  revisionsOf,
  saveItem,
  stateOf,
  textsOf,
  unpublishItem,
} from '../service/editing.ts';
import { describeOwners, ownerKey } from '../service/owners.ts';
import { deskPath } from '../service/paths.ts';
import { readItem } from '../service/read.ts';
import { registrantsOf } from '../service/registrations.ts';
import { renderBody } from '../service/sanitize.ts';
import { localIn } from '../service/times.ts';
import { DeskPage, RegistrantsPage, RevisionsPage } from '../views/desk.tsx';
import { EDITOR_ASSETS, EditorPage, type EditorView } from '../views/editor.tsx';
import { ItemPage } from '../views/item.tsx';

const DESK_PAGE = 50;
const deskQuery = queryParams({ page: z.coerce.number().int().min(1).max(1000) });
const newQuery = pageQuery(z.object({ type: z.enum(CONTENT_TYPES).default('news') }));
const ownerQuery = queryParams({ owner: z.string().max(40) });
const languageQuery = queryParams({ language: languageParam });
const publishQuery = queryParams({ when: z.literal('now') });
const markdownInput = z.object({ body: textsInput.shape.body });
const revisionParams = pathParams(z.object({ id: idSchema, revision: idSchema }));
const NOTICES = [
  'content.desk.saved',
  'content.desk.published',
  'content.desk.scheduled',
  'content.desk.unpublished',
  'content.desk.restored',
] as const;

/** What a form sent, as strings (lists kept as lists), to show again with its errors; never the file. */
function typed(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf' || k === 'image') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function deskRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const map = { tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution };

  function deskActor(req: FastifyRequest): Actor {
    const actor = requireActor(req);
    contentPolicy.authorize(actor, 'content.desk', null);
    return actor;
  }

  /** The item of the address for a person who writes for its owner; 404 for everyone else. */
  async function editable(req: FastifyRequest): Promise<{ actor: Actor; item: ContentItem }> {
    const actor = requireActor(req);
    const item = await loadOr404(getItem(ctx, idParams(req).id));
    contentPolicy.authorize(actor, 'content.write', item, { hide: true });
    return { actor, item };
  }

  /** The owners a person may pick for a new item: the platform and the things they write for. */
  async function ownerOptions(req: FastifyRequest, actor: Actor) {
    const owners = ownersOf(actor);
    const things = await describeOwners(
      ctx,
      owners.scoped.flatMap(({ type, ids }) => ids.map((id) => ({ owner_type: type, owner_id: id }))),
    );
    return [
      ...(owners.platform ? [{ value: PLATFORM, label: req.t('content.desk.platformOwner', { siteName: ctx.config.siteName }) }] : []),
      ...[...things.values()].map((o) => ({ value: `${o.type}:${o.id}`, label: o.name, country: o.country })),
    ];
  }

  /** The form's values for one language of an item, as stored. */
  async function storedValues(item: ContentItem, language: string) {
    const text = (await textsOf(ctx, item.id)).find((t) => t.language === language);
    const zone = item.time_zone;
    const dateOnly = item.all_day === 1;
    return {
      title: text?.title,
      summary: text?.summary,
      body: text?.body_source,
      image_alt: text?.image_alt ?? undefined,
      goal: text?.goal ?? undefined,
      problem: text?.problem ?? undefined,
      solution: text?.solution ?? undefined,
      results: text?.results ?? undefined,
      cost: text?.cost ?? undefined,
      reuse: text?.reuse ?? undefined,
      areas: await areasOf(ctx, item.id),
      tags: item.tags.split(',').filter(Boolean).join(', '),
      starts_at: localIn(item.starts_at, zone, dateOnly),
      ends_at: localIn(item.ends_at, zone, dateOnly),
      time_zone: zone ?? zoneOfCountry(item.country),
      all_day: item.all_day ? 'on' : undefined,
      venue_name: item.venue_name ?? undefined,
      venue_address: item.venue_address ?? undefined,
      latitude: item.latitude?.toString(),
      longitude: item.longitude?.toString(),
      online_url: item.online_url ?? undefined,
      organiser: item.organiser ?? undefined,
      registration: item.capacity !== null ? 'on' : undefined,
      capacity: item.capacity ? String(item.capacity) : undefined,
      deadline: item.deadline ?? undefined,
      contact: item.contact ?? undefined,
    };
  }

  async function editorView(
    reply: FastifyReply,
    item: ContentItem,
    language: string,
    extra: Partial<EditorView> = {},
  ): Promise<EditorView> {
    const texts = await textsOf(ctx, item.id);
    const original = texts.find((t) => t.language === item.original_language);
    return {
      type: item.type,
      item,
      state: stateOf(item),
      language,
      original: language === item.original_language,
      owners: [],
      values: await storedValues(item, language),
      errors: {},
      csrfToken: reply.generateCsrf(),
      languages: texts.map((t) => t.language),
      zone: zoneOfCountry(item.country),
      map,
      ...(language !== item.original_language && original
        ? { reference: { title: original.title, summary: original.summary, language: original.language } }
        : {}),
      ...extra,
    };
  }

  /** The editor; sent back with its errors (422, titled "Error: …") when `refused`. */
  const editorPage = (req: FastifyRequest, reply: FastifyReply, view: EditorView, refused = false) => {
    const title = req.t('content.desk.title');
    return (refused ? refusedStatus(reply, {}) : reply).headers(NO_STORE).page(<EditorPage view={view} />, {
      title: refused ? req.t('form.errorTitle', { title }) : title,
      indexable: false,
      ...EDITOR_ASSETS,
    });
  };
  /** An event starts in the zone of its owner's country (a town keeps no zone of its own). */
  const zoneOfOwner = (owners: { value: string; country?: string | null }[], owner: unknown) =>
    zoneOfCountry(owners.find((o) => o.value === owner)?.country);

  app.get('/:lang/newsroom', async (req, reply) => {
    const actor = deskActor(req);
    const page = deskQuery(req).page ?? 1;
    const items = await repo.deskItems(db, ownersOf(actor), DESK_PAGE + 1, (page - 1) * DESK_PAGE);
    const shown = items.slice(0, DESK_PAGE);
    const ids = shown.map((i) => i.id);
    const [langs, owners] = await Promise.all([repo.languagesFor(db, ids), describeOwners(ctx, shown)]);
    const titles = await repo.textsFor(db, ids, req.lang, { bodies: false });
    const rows = shown.map((item) => ({
      item,
      state: stateOf(item),
      title:
        (titles.find((t) => t.item_id === item.id && t.language === req.lang) ?? titles.find((t) => t.item_id === item.id))?.title ?? '',
      owner: item.owner_type === PLATFORM ? ctx.config.siteName : (owners.get(ownerKey(item))?.name ?? ''),
      languages: langs.filter((l) => l.item_id === item.id).map((l) => l.language),
    }));
    return (
      reply
        .headers(NO_STORE)
        // No robots rule: only a signed-in writer sees this page; a crawler is answered with the sign-in page.
        .page(<DeskPage rows={rows} page={page} more={items.length > DESK_PAGE} notice={noticeFrom(req, NOTICES)} />, {
          title: req.t('content.desk.title'),
        })
    );
  });

  app.get('/:lang/newsroom/new', async (req, reply) => {
    const actor = deskActor(req);
    const { type } = newQuery(req);
    const owners = await ownerOptions(req, actor);
    // A page's "write the first one" names its owner; any other asked for is not offered.
    const wanted = ownerQuery(req).owner;
    const owner = (owners.find((o) => o.value === wanted) ?? owners[0])?.value;
    return editorPage(req, reply, {
      type,
      language: req.lang,
      original: true,
      owners,
      values: { language: req.lang, owner },
      errors: {},
      csrfToken: reply.generateCsrf(),
      languages: [],
      zone: zoneOfOwner(owners, owner),
      map,
    });
  });

  app.post('/:lang/newsroom/new', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const actor = deskActor(req);
    const result = await saveItem(ctx, actor, { create: true }, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${deskPath({ id: result.id })}/edit?notice=content.desk.saved`, 303);
    const values = typed(req.body);
    const type = CONTENT_TYPES.includes(values.type as ContentType) ? (values.type as ContentType) : 'news';
    const owners = await ownerOptions(req, actor);
    return editorPage(
      req,
      reply,
      {
        type,
        language: String(values.language ?? req.lang),
        original: true,
        owners,
        values,
        errors: result.errors,
        csrfToken: reply.generateCsrf(),
        languages: [],
        zone: zoneOfOwner(owners, values.owner),
        map,
      },
      true,
    );
  });

  // The editor's preview: a body rendered through the same sanitiser as a saved one, so it shows what readers will get.
  app.post('/:lang/newsroom/markdown', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    deskActor(req);
    const result = validateForm(markdownInput, req.body, LIMITS);
    reply.headers(NO_STORE);
    if (!result.ok) {
      const error = result.errors.body ?? { key: 'form.error.required' };
      return reply.status(422).send({ error: req.t(error.key, error.values) });
    }
    return { html: renderBody(result.data.body) };
  });

  const languageOf = (req: FastifyRequest, item: ContentItem) => languageQuery(req).language ?? item.original_language;

  app.get('/:lang/newsroom/:id/edit', async (req, reply) => {
    const found = await editable(req);
    const notice = noticeFrom(req, NOTICES);
    return editorPage(req, reply, await editorView(reply, found.item, languageOf(req, found.item), notice ? { notice } : {}));
  });

  app.post('/:lang/newsroom/:id/edit', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await editable(req);
    const language = languageOf(req, found.item);
    const result = await saveItem(ctx, found.actor, { item: found.item, language }, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${deskPath(found.item)}/edit?language=${language}&notice=content.desk.saved`, 303);
    return editorPage(req, reply, await editorView(reply, found.item, language, { values: typed(req.body), errors: result.errors }), true);
  });

  app.post('/:lang/newsroom/:id/publish', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await editable(req);
    const body = { ...((req.body ?? {}) as Record<string, unknown>) };
    if (publishQuery(req).when === 'now') body.when = 'now';
    const result = await publishItem(ctx, found.actor, found.item, body, req.ip);
    if (result.ok) {
      const notice = body.when === 'now' ? 'content.desk.published' : 'content.desk.scheduled';
      return reply.redirect(`/${req.lang}${deskPath(found.item)}/edit?notice=${notice}`, 303);
    }
    return editorPage(
      req,
      reply,
      await editorView(reply, found.item, found.item.original_language, { publishErrors: result.errors }),
      true,
    );
  });

  app.post('/:lang/newsroom/:id/unpublish', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await editable(req);
    await unpublishItem(ctx, found.actor, found.item, req.ip);
    return reply.redirect(`/${req.lang}${deskPath(found.item)}/edit?notice=content.desk.unpublished`, 303);
  });

  app.get('/:lang/newsroom/:id/preview', async (req, reply) => {
    const found = await editable(req);
    const card = await loadOr404(readItem(ctx, found.item, languageOf(req, found.item)));
    return reply.headers(NO_STORE).page(<ItemPage card={{ ...card, inLanguage: true }} canEdit preview />, {
      title: card.text.title,
      indexable: false,
    });
  });

  app.get('/:lang/newsroom/:id/history', async (req, reply) => {
    const found = await editable(req);
    const revisions = await revisionsOf(ctx, found.item.id);
    const names = await displayNames(db, [...new Set(revisions.map((r) => r.user_id).filter((id): id is number => id !== null))]);
    const card = await readItem(ctx, found.item, req.lang);
    return reply.headers(NO_STORE).page(
      <RevisionsPage
        item={found.item}
        title={card?.text.title ?? ''}
        csrfToken={reply.generateCsrf()}
        revisions={revisions.map((r) => ({
          ...r,
          who: r.user_id === null ? req.t('common.system') : (names.get(r.user_id) ?? req.t('common.deletedAccount')),
        }))}
      />,
      { title: req.t('content.desk.history'), indexable: false },
    );
  });

  app.post('/:lang/newsroom/:id/history/:revision/restore', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const found = await editable(req);
    if (!(await restoreRevision(ctx, found.actor, found.item, revisionParams(req).revision, req.ip))) throw new NotFound();
    return reply.redirect(`/${req.lang}${deskPath(found.item)}/edit?notice=content.desk.restored`, 303);
  });

  app.get('/:lang/newsroom/:id/registrations', async (req, reply) => {
    const found = await editable(req);
    const rows = await registrantsOf(ctx, found.actor, found.item);
    const card = await readItem(ctx, found.item, req.lang);
    return reply.headers(NO_STORE).page(<RegistrantsPage item={found.item} title={card?.text.title ?? ''} rows={rows} />, {
      title: req.t('content.desk.registrations'),
      indexable: false,
    });
  });

  app.get('/:lang/newsroom/:id/registrations.csv', async (req, reply) => {
    const found = await editable(req);
    const rows = await registrantsOf(ctx, found.actor, found.item);
    // A cell starting with = + - @ would run as a formula in a spreadsheet: prefixed with a quote.
    const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const csv = stringify([
      ['name', 'email', 'status', 'registered_at'],
      ...rows.map((r) => [safe(r.name), safe(r.email), r.status, r.created_at]),
    ]);
    return reply
      .headers(NO_STORE)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registrations-${found.item.id}.csv"`)
      .send(csv);
  });
}
