import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { validateForm } from '../../../core/http/forms.ts';
import { parseId } from '../../../core/http/input.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { PLATFORM } from '../../../core/scopes.ts';
import { slugify } from '../../../core/search/normalize.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { zoneOfCountry } from '../../../core/zones.ts';
import { indexText, textOf } from '../fulltext.ts';
import { contentPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { ContentItem, ContentItemRow, ContentText, OwnerType, PolicyArea, State } from '../schema.ts';
import { createInput, type DetailsInput, detailsInput, isTimeZone, LIMITS, publishInput, type TextsInput, textsInput } from '../schema.ts';
import { storeImage } from './images.ts';
import { describeOwners, writerScopes } from './owners.ts';
import { renderBody } from './sanitize.ts';
import { instantIn } from './times.ts';

export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export const getItem = (ctx: ModuleContext, id: number) => repo.findItem(ctx.database.db, id);
export const textsOf = (ctx: ModuleContext, id: number) => repo.textsOfItem(ctx.database.db, id);
export const areasOf = (ctx: ModuleContext, id: number) => repo.areasOfItem(ctx.database.db, id);
export const revisionsOf = (ctx: ModuleContext, id: number) => repo.revisionsOfItem(ctx.database.db, id);

/** What readers and editors see of an item's state: a published item waiting for its time is "scheduled". */
export function stateOf(item: Pick<ContentItem, 'state' | 'published_at'>, now = new Date().toISOString()): State {
  return item.state === 'published' && item.published_at! > now ? 'scheduled' : item.state;
}

export const isVisible = (item: Pick<ContentItem, 'state' | 'published_at'>, now = new Date().toISOString()) =>
  stateOf(item, now) === 'published';

/** The item fields a form edits, as stored. */
type Details = Pick<
  ContentItemRow,
  | 'tags'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'all_day'
  | 'venue_name'
  | 'venue_address'
  | 'latitude'
  | 'longitude'
  | 'online_url'
  | 'organiser'
  | 'capacity'
  | 'deadline'
  | 'contact'
> & { areas: PolicyArea[] };

/** The details of an item that no type has asked for yet: a new item starts with these. */
const NO_DETAILS = {
  tags: '',
  all_day: 0,
  starts_at: null,
  ends_at: null,
  time_zone: null,
  venue_name: null,
  venue_address: null,
  latitude: null,
  longitude: null,
  online_url: null,
  organiser: null,
  capacity: null,
  deadline: null,
  contact: null,
} satisfies Omit<Details, 'areas'>;

/** Checks what only some types ask for; returns the stored form of the details. */
function checkDetails(type: ContentItem['type'], d: DetailsInput, errors: FieldErrors, ownZone: string): Details {
  const details: Details = { ...NO_DETAILS, areas: d.areas as PolicyArea[], tags: d.tags.length ? `,${d.tags.join(',')},` : '' };
  if (type === 'event') {
    const zone = d.time_zone || ownZone;
    if (!isTimeZone(zone)) errors.time_zone ??= { key: 'content.error.timeZone' };
    const day = (v: string) => (d.all_day ? v.slice(0, 10) : v);
    const starts = isTimeZone(zone) ? instantIn(day(d.starts_at), zone) : undefined;
    if (!d.starts_at) errors.starts_at ??= { key: 'form.error.required' };
    else if (!starts) errors.starts_at ??= { key: 'content.error.dateTime' };
    let ends: string | undefined;
    if (d.ends_at) {
      ends = isTimeZone(zone) ? instantIn(day(d.ends_at), zone) : undefined;
      if (!ends) errors.ends_at ??= { key: 'content.error.dateTime' };
      else if (starts && ends < starts) errors.ends_at ??= { key: 'content.error.endsBeforeStart' };
    }
    if (!d.venue_name && !d.online_url) errors.venue_name ??= { key: 'content.error.venue' };
    if ((d.latitude === '') !== (d.longitude === '')) errors.latitude ??= { key: 'content.error.location' };
    Object.assign(details, {
      starts_at: starts ?? null,
      ends_at: ends ?? null,
      time_zone: zone,
      all_day: d.all_day ? 1 : 0,
      venue_name: d.venue_name || null,
      venue_address: d.venue_address || null,
      latitude: d.latitude === '' ? null : Number(d.latitude),
      longitude: d.longitude === '' ? null : Number(d.longitude),
      online_url: d.online_url || null,
      organiser: d.organiser || null,
      capacity: d.registration ? Number(d.capacity || 0) : null,
    });
  }
  if (type === 'initiative') {
    if (!d.deadline) errors.deadline ??= { key: 'form.error.required' };
    details.deadline = d.deadline || null;
  }
  if (type === 'practice') details.contact = d.contact || null;
  return details;
}

function checkTexts(type: ContentItem['type'], t: TextsInput, hasImage: boolean, errors: FieldErrors): void {
  const need = (field: keyof TextsInput) => {
    if (!t[field]) errors[field] ??= { key: 'form.error.required' };
  };
  if (type === 'initiative') need('goal');
  if (type === 'practice') for (const f of ['problem', 'solution', 'results'] as const) need(f);
  if (hasImage) need('image_alt');
}

function textRow(itemId: number, language: string, t: TextsInput, at: string): Omit<ContentText, 'id'> {
  const orNull = (v: string) => v || null;
  return {
    item_id: itemId,
    language,
    title: t.title,
    summary: t.summary,
    body_source: t.body,
    body_html: renderBody(t.body),
    image_alt: orNull(t.image_alt),
    goal: orNull(t.goal),
    problem: orNull(t.problem),
    solution: orNull(t.solution),
    results: orNull(t.results),
    cost: orNull(t.cost),
    reuse: orNull(t.reuse),
    updated_at: at,
  };
}

const uploaded = (body: Record<string, unknown>) => (Buffer.isBuffer(body.image) && body.image.length > 0 ? body.image : undefined);

export interface NewItem {
  type: ContentItem['type'];
  owner_type: OwnerType;
  owner_id: number | null;
  country: string | null;
  language: string;
}

/** Who owns a new item, from the form's "owner" field ("platform" or "type:id"); undefined when there is no such owner. */
export async function resolveOwner(
  ctx: ModuleContext,
  owner: string,
): Promise<{ owner_type: OwnerType; owner_id: number | null; country: string | null } | undefined> {
  if (owner === PLATFORM) return { owner_type: PLATFORM, owner_id: null, country: null };
  const m = /^([a-z][a-z-]*):(\d{1,10})$/.exec(owner);
  const id = m ? parseId(m[2]) : undefined;
  if (!m || !id || !writerScopes().some((d) => d.type === m[1])) return undefined;
  const thing = (await describeOwners(ctx, [{ owner_type: m[1]!, owner_id: id }])).get(`${m[1]}:${id}`);
  return thing ? { owner_type: thing.type, owner_id: thing.id, country: thing.country ?? null } : undefined;
}

/**
 * Creates an item as a draft, or saves one language of an existing item (with the item's details
 * when it is the original language). Every save is a revision. Nothing is written on an error.
 */
export async function saveItem(
  ctx: ModuleContext,
  actor: Actor,
  target: { item: ContentItem; language: string } | { create: true },
  body: unknown,
  ip: string,
): Promise<SaveResult> {
  const form = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  let item: ContentItem | undefined;
  let fresh: NewItem | undefined;
  let language: string;
  if ('create' in target) {
    const c = validateForm(createInput, form);
    if (!c.ok) return c;
    const owner = await resolveOwner(ctx, c.data.owner);
    if (!owner) return { ok: false, errors: { owner: { key: 'form.error.choose' } } };
    contentPolicy.authorize(actor, 'content.write', owner);
    fresh = { type: c.data.type, ...owner, language: c.data.language };
    language = c.data.language;
  } else {
    item = target.item;
    contentPolicy.authorize(actor, 'content.write', item);
    if (!isLanguage(target.language)) return { ok: false, errors: { language: { key: 'form.error.choose' } } };
    language = target.language;
  }
  const type = (item ?? fresh)!.type;
  const original = fresh ? true : item!.original_language === language;
  const texts = validateForm(textsInput, form, LIMITS);
  if (!texts.ok) Object.assign(errors, texts.errors);
  let details: Details | undefined;
  if (original) {
    const d = validateForm(detailsInput, form, LIMITS);
    if (!d.ok) Object.assign(errors, d.errors);
    else details = checkDetails(type, d.data, errors, zoneOfCountry((item ?? fresh)!.country));
  }
  const image = uploaded(form);
  if (texts.ok) checkTexts(type, texts.data, !!image || !!item?.image, errors);
  if (Object.keys(errors).length || !texts.ok) return { ok: false, errors };

  const stored = image ? await storeImage(ctx, image) : undefined;
  if (stored && 'error' in stored) return { ok: false, errors: { image: { key: stored.error } } };
  const now = new Date().toISOString();
  let id = item?.id;
  await transaction(ctx.database.db, async (trx) => {
    if (fresh)
      id = await repo.insertItem(trx, {
        type: fresh.type,
        owner_type: fresh.owner_type,
        owner_id: fresh.owner_id,
        country: fresh.country,
        original_language: fresh.language,
        slug: slugify(texts.data.title).slice(0, 80),
        state: 'draft',
        published_at: null,
        image: null,
        ...NO_DETAILS,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
    const current = fresh ? undefined : await repo.findItem(trx, id!);
    const set: Partial<ContentItemRow> = { updated_at: now };
    if (details) {
      const { areas, ...rest } = details;
      Object.assign(set, rest);
      await repo.setAreas(trx, id!, areas, current && current.state === 'published' ? current.published_at : null);
    }
    if (original) set.slug = slugify(texts.data.title).slice(0, 80);
    if (stored) set.image = stored.base;
    await repo.updateItem(trx, id!, set);
    const row = textRow(id!, language, texts.data, now);
    const textId = await repo.upsertText(trx, row);
    await indexText(trx, { id: textId, language, title: row.title, summary: row.summary, body: textOf(row.body_html) });
    await repo.insertRevision(trx, id!, language, { item: set, areas: details?.areas, texts: texts.data }, actor.id, now);
    await audit(
      trx,
      actor,
      {
        action: fresh ? 'content.create' : 'content.save',
        subjectType: 'content',
        subjectId: id!,
        details: { language },
      },
      ip,
    );
  });
  return { ok: true, id: id! };
}

/** Publishes now or at a set time; the item appears to readers from then on. */
export async function publishItem(ctx: ModuleContext, actor: Actor, item: ContentItem, body: unknown, ip: string): Promise<SaveResult> {
  contentPolicy.authorize(actor, 'content.write', item);
  const p = validateForm(publishInput, body);
  if (!p.ok) return p;
  const now = new Date().toISOString();
  let at = now;
  if (p.data.when === 'later') {
    const zone = p.data.time_zone || item.time_zone || zoneOfCountry(item.country);
    if (!isTimeZone(zone)) return { ok: false, errors: { time_zone: { key: 'content.error.timeZone' } } };
    const instant = p.data.publish_at ? instantIn(p.data.publish_at, zone) : undefined;
    if (!instant) return { ok: false, errors: { publish_at: { key: 'content.error.dateTime' } } };
    if (instant <= now) return { ok: false, errors: { publish_at: { key: 'content.error.future' } } };
    at = instant;
  }
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateItem(trx, item.id, { state: 'published', published_at: at, updated_at: now });
    await repo.setAreasPublished(trx, item.id, at);
    await audit(
      trx,
      actor,
      {
        action: at === now ? 'content.publish' : 'content.schedule',
        subjectType: 'content',
        subjectId: item.id,
        details: { at },
      },
      ip,
    );
  });
  return { ok: true, id: item.id };
}

export async function unpublishItem(ctx: ModuleContext, actor: Actor, item: ContentItem, ip: string): Promise<void> {
  contentPolicy.authorize(actor, 'content.write', item);
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateItem(trx, item.id, { state: 'unpublished', updated_at: new Date().toISOString() });
    await repo.setAreasPublished(trx, item.id, null);
    await audit(trx, actor, { action: 'content.unpublish', subjectType: 'content', subjectId: item.id }, ip);
  });
}

/** Brings back the texts (and, for the original language, the details) of a revision, as a new revision. */
export async function restoreRevision(
  ctx: ModuleContext,
  actor: Actor,
  item: ContentItem,
  revisionId: number,
  ip: string,
): Promise<boolean> {
  contentPolicy.authorize(actor, 'content.write', item);
  const revision = await repo.findRevision(ctx.database.db, item.id, revisionId);
  if (!revision) return false;
  const snapshot = JSON.parse(revision.snapshot) as {
    item: Partial<ContentItemRow>;
    areas?: PolicyArea[];
    texts: TextsInput;
  };
  const now = new Date().toISOString();
  await transaction(ctx.database.db, async (trx) => {
    const { updated_at: _u, image: _i, ...fields } = snapshot.item;
    await repo.updateItem(trx, item.id, { ...fields, updated_at: now });
    if (snapshot.areas) await repo.setAreas(trx, item.id, snapshot.areas, item.state === 'published' ? item.published_at : null);
    const row = textRow(item.id, revision.language, snapshot.texts, now);
    const textId = await repo.upsertText(trx, row);
    await indexText(trx, {
      id: textId,
      language: row.language,
      title: row.title,
      summary: row.summary,
      body: textOf(row.body_html),
    });
    await repo.insertRevision(trx, item.id, revision.language, snapshot, actor.id, now);
    await audit(
      trx,
      actor,
      { action: 'content.restore', subjectType: 'content', subjectId: item.id, details: { revision: revisionId } },
      ip,
    );
  });
  return true;
}

/** A revision's texts, to show what restoring it brings back. */
export async function revisionTexts(ctx: ModuleContext, item: ContentItem, revisionId: number): Promise<TextsInput | undefined> {
  const revision = await repo.findRevision(ctx.database.db, item.id, revisionId);
  return revision ? (JSON.parse(revision.snapshot) as { texts: TextsInput }).texts : undefined;
}

/** An item written by the portal itself (demo content, benchmarks): published as given, no revision. */
export interface ItemSpec {
  type: ContentItem['type'];
  owner: { type: 'platform' } | { type: string; id: number; country: string | null };
  language: string;
  publishedAt: string;
  areas: PolicyArea[];
  tags?: string[];
  /** Texts by language; the original language first. Body is Markdown. */
  texts: Record<
    string,
    {
      title: string;
      summary: string;
      body: string;
      goal?: string;
      problem?: string;
      solution?: string;
      results?: string;
      cost?: string;
      reuse?: string;
    }
  >;
  event?: {
    startsAt: string;
    endsAt?: string;
    timeZone: string;
    allDay?: boolean;
    venueName?: string;
    venueAddress?: string;
    latitude?: number;
    longitude?: number;
    onlineUrl?: string;
    organiser?: string;
    capacity?: number | null;
  };
  deadline?: string;
  contact?: string;
}

export async function insertItem(ctx: ModuleContext, spec: ItemSpec): Promise<number> {
  return transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    const original = spec.texts[spec.language]!;
    const e = spec.event;
    const id = await repo.insertItem(trx, {
      type: spec.type,
      owner_type: spec.owner.type,
      owner_id: 'id' in spec.owner ? spec.owner.id : null,
      country: 'id' in spec.owner ? spec.owner.country : null,
      original_language: spec.language,
      slug: slugify(original.title).slice(0, 80),
      state: 'published',
      published_at: spec.publishedAt,
      image: null,
      tags: spec.tags?.length ? `,${spec.tags.join(',')},` : '',
      starts_at: e?.startsAt ?? null,
      ends_at: e?.endsAt ?? null,
      time_zone: e?.timeZone ?? null,
      all_day: e?.allDay ? 1 : 0,
      venue_name: e?.venueName ?? null,
      venue_address: e?.venueAddress ?? null,
      latitude: e?.latitude ?? null,
      longitude: e?.longitude ?? null,
      online_url: e?.onlineUrl ?? null,
      organiser: e?.organiser ?? null,
      capacity: e?.capacity ?? null,
      deadline: spec.deadline ?? null,
      contact: spec.contact ?? null,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    await repo.setAreas(trx, id, spec.areas, spec.publishedAt);
    for (const [language, t] of Object.entries(spec.texts)) {
      const row = textRow(
        id,
        language,
        {
          title: t.title,
          summary: t.summary,
          body: t.body,
          image_alt: '',
          goal: t.goal ?? '',
          problem: t.problem ?? '',
          solution: t.solution ?? '',
          results: t.results ?? '',
          cost: t.cost ?? '',
          reuse: t.reuse ?? '',
        },
        now,
      );
      const textId = await repo.upsertText(trx, row);
      await indexText(trx, {
        id: textId,
        language,
        title: row.title,
        summary: row.summary,
        body: textOf(row.body_html),
      });
    }
    return id;
  });
}
