import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import { webpVariants } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { displayNames } from '../../accounts/index.ts';
import { renderBody } from '../../content/index.ts';
import * as repo from '../repo.ts';
import type { Proposal, ProposalAnswer, ProposalPicture, ProposalRow } from '../schema.ts';
import { followOnAction } from './following.ts';
import { indexProposal, similarIds } from './fulltext.ts';
import { notifyFollowers } from './notifications.ts';
import type { ProcessView } from './processes.ts';
import { PUBLISH_AS, publishAsChoices, publishedAsOf, readPublishAs } from './published-as.ts';

export const PROPOSAL_LIMITS = { title: 150, body: 6000, address: 200 } as const;
export const MAX_PICTURES = 3;
/** Widths of a picture's stored variants: the proposal page's, and a card's. */
export const PICTURE_WIDTHS = [1200, 400] as const;
export const PICTURE_NAME = /^[0-9a-f]{24}-(1200|400)\.webp$/;
export const pictureDir = (ctx: ModuleContext) => join(ctx.config.dataDir, 'uploads', 'participation');
export const pictureFile = (base: string, width: (typeof PICTURE_WIDTHS)[number]) => `${base}-${width}.webp`;
export const proposalPath = (processSlug: string, id: number) => `/participation/${processSlug}/proposals/${id}`;

/** The fields of the proposal form, as typed. */
export const FORM_FIELDS = ['title', 'body', 'area', 'latitude', 'longitude', 'address', 'publish_as'] as const;
export type ProposalValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

const coordinate = (max: number, digits: number, key: string) =>
  text()
    .trim()
    .refine((v) => v === '' || (new RegExp(`^-?\\d{1,${digits}}(\\.\\d+)?$`).test(v) && Math.abs(Number(v)) <= max), key)
    .optional()
    .default('');

/** The form's schema for a process and its areas; whom it is published as is read apart (see published-as.ts). */
const proposalInput = (areas: string[]) =>
  z
    .object({
      title: text().trim().min(1, 'form.error.required').max(PROPOSAL_LIMITS.title, 'form.error.tooLong'),
      body: text().trim().min(1, 'form.error.required').max(PROPOSAL_LIMITS.body, 'form.error.tooLong'),
      area: z.string({ error: 'form.error.choose' }).refine((a) => areas.includes(a), 'form.error.choose'),
      latitude: coordinate(90, 2, 'form.error.latitude'),
      longitude: coordinate(180, 3, 'form.error.longitude'),
      address: text().trim().max(PROPOSAL_LIMITS.address, 'form.error.tooLong').optional().default(''),
    })
    .refine((d) => (d.latitude === '') === (d.longitude === ''), { path: ['longitude'], message: 'participation.proposal.error.place' });

/** A proposal ready to be published: checked text, and pictures already stored. */
export interface Draft {
  title: string;
  body: string;
  area: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  /** The organisation it is published as; null for the person's own name. */
  organisationId: number | null;
  pictures: string[];
}

/** A stored picture carried from the first step to the second: its name, signed for this person. */
const sign = (ctx: ModuleContext, actor: Actor, base: string) =>
  createHmac('sha256', ctx.config.secretKey).update(`proposal-picture:${actor.id}:${base}`).digest('base64url').slice(0, 22);
export const keptPicture = (ctx: ModuleContext, actor: Actor, base: string) => `${base}.${sign(ctx, actor, base)}`;
function unkept(ctx: ModuleContext, actor: Actor, value: string): string | undefined {
  const [base, signature] = value.split('.');
  return base && /^[0-9a-f]{24}$/.test(base) && signature === sign(ctx, actor, base) ? base : undefined;
}

const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Checks, resizes and stores the pictures a form sent (no metadata survives); their names, or the field's error. */
async function storePictures(ctx: ModuleContext, files: Buffer[]): Promise<{ bases: string[] } | { error: string }> {
  const resized = [];
  for (const file of files) {
    const r = await webpVariants(file, PICTURE_WIDTHS, 80);
    if ('error' in r) return { error: `images.error.${r.error}` };
    resized.push(r.variants);
  }
  mkdirSync(pictureDir(ctx), { recursive: true });
  return {
    bases: resized.map((variants) => {
      const base = randomBytes(12).toString('hex');
      for (const [i, w] of PICTURE_WIDTHS.entries()) writeFileSync(join(pictureDir(ctx), pictureFile(base, w)), variants[i]!);
      return base;
    }),
  };
}

/**
 * Reads the proposal form: its text, and its pictures (new files, and those kept from the first
 * step). Pictures are stored as soon as they are read, so the second step need not send them again.
 */
export async function readDraft(
  ctx: ModuleContext,
  actor: Actor,
  p: ProcessView,
  body: unknown,
  withPictures = true,
): Promise<{ result: FormResult<Draft>; kept: string[] }> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const form = validateForm(proposalInput(p.areaList), body, PROPOSAL_LIMITS);
  const publishAs = readPublishAs(await publishAsChoices(ctx, actor), fields[PUBLISH_AS]);
  const kept = listOf(fields.kept).flatMap((v) => (typeof v === 'string' ? (unkept(ctx, actor, v) ?? []) : []));
  const files = listOf(fields.pictures).filter((f): f is Buffer => Buffer.isBuffer(f) && f.length > 0);
  const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...(publishAs.ok ? {} : publishAs.errors) };
  if (withPictures && kept.length + files.length > MAX_PICTURES)
    errors.pictures = { key: 'participation.proposal.error.pictures', values: { max: MAX_PICTURES } };
  else if (withPictures && files.length) {
    const stored = await storePictures(ctx, files);
    if ('error' in stored) errors.pictures = { key: stored.error };
    else kept.push(...stored.bases);
  }
  const signed = kept.map((base) => keptPicture(ctx, actor, base));
  if (!form.ok || !publishAs.ok || Object.keys(errors).length) return { result: { ok: false, errors }, kept: signed };
  const d = form.data;
  return {
    result: {
      ok: true,
      data: {
        title: d.title,
        body: d.body,
        area: d.area,
        latitude: d.latitude === '' ? null : Number(d.latitude),
        longitude: d.longitude === '' ? null : Number(d.longitude),
        address: d.address || null,
        organisationId: publishAs.organisationId,
        pictures: kept,
      },
    },
    kept: signed,
  };
}

/** What the person typed, to show again. */
export function typedProposal(body: unknown): ProposalValues {
  const values: ProposalValues = {};
  const fields = (body ?? {}) as Record<string, unknown>;
  for (const key of FORM_FIELDS) if (typeof fields[key] === 'string') values[key] = fields[key] as string;
  return values;
}

/** The proposals of the process that look like this title, for the person to check before publishing. */
export async function similarProposals(ctx: ModuleContext, p: ProcessView, title: string, language: string) {
  const ids = await similarIds(ctx.database.db, p.id, title, language, 5);
  const rows = await repo.proposalsByIds(ctx.database.db, ids);
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** What the author wrote, as the proposal's row keeps it: the same when published and when edited. */
const written = (d: Draft) => ({
  title: d.title,
  body: d.body,
  area: d.area,
  latitude: d.latitude,
  longitude: d.longitude,
  address: d.address,
});

export async function publishProposal(ctx: ModuleContext, actor: Actor, p: ProcessView, d: Draft, language: string): Promise<number> {
  const at = new Date().toISOString();
  return transaction(ctx.database.db, async (trx) => {
    const id = await repo.insertProposal(
      trx,
      proposalRow({ process_id: p.id, author_id: actor.id, organisation_id: d.organisationId, language, ...written(d) }, at),
    );
    await repo.insertPictures(
      trx,
      d.pictures.map((file, position) => ({ proposal_id: id, position, file, alt: '' })),
    );
    await indexProposal(trx, { id, language, title: d.title, body: d.body });
    await notifyFollowers(trx, ctx, {
      subject: { type: 'process', id: p.id },
      event: 'proposal.new',
      source: { type: 'proposal', id },
      actorId: actor.id,
    });
    await followOnAction(trx, actor.id, { type: 'proposal', id });
    return id;
  });
}

/** A random key for the list's random order. */
export const randomShuffle = () => Math.floor(Math.random() * 2_000_000_000);

type NewProposal = Omit<Insertable<ProposalRow>, 'id'>;

/** A proposal as it is published at `at`: shown, with no supports, comments or answer yet, and its random key. */
export const proposalRow = (
  fields: Pick<NewProposal, 'process_id' | 'author_id' | 'language' | 'title' | 'body' | 'area'> & Partial<NewProposal>,
  at = new Date().toISOString(),
): NewProposal => ({
  on_behalf_of: null,
  latitude: null,
  longitude: null,
  address: null,
  answer_state: null,
  supports_count: 0,
  comments_count: 0,
  hidden: 0,
  withdrawn: 0,
  published_at: at,
  edited_at: null,
  updated_at: at,
  shuffle: randomShuffle(),
  ...fields,
});

/** Whether the author may still edit it: nobody has supported, commented on or answered it. */
export const editable = async (ctx: ModuleContext, proposal: Proposal) => !(await repo.hasResponses(ctx.database.db, proposal));

/** Saves an edit (the pictures stay) and marks the proposal edited; false when someone responded in between. */
export async function editProposal(ctx: ModuleContext, proposal: Proposal, d: Draft): Promise<boolean> {
  const at = new Date().toISOString();
  return transaction(ctx.database.db, async (trx) => {
    const fresh = await repo.proposalById(trx, proposal.id);
    if (!fresh || (await repo.hasResponses(trx, fresh))) return false;
    await repo.updateProposal(trx, proposal.id, { ...written(d), edited_at: at, updated_at: at });
    await indexProposal(trx, { id: proposal.id, language: proposal.language, title: d.title, body: d.body });
    return true;
  });
}

/** The body as a short plain text, for a page's description and a feed's summary: what readers see, without markup. */
export function summaryOf(body: string, max = 200): string {
  const plain = renderBody(body)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, (e) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A proposal that readers may see: in this process, neither hidden nor withdrawn. */
export async function visibleProposal(ctx: ModuleContext, p: ProcessView, id: number): Promise<Proposal | undefined> {
  const row = await repo.proposalById(ctx.database.db, id);
  return row && row.process_id === p.id && row.hidden === 0 && row.withdrawn === 0 ? row : undefined;
}

/**
 * Who wrote each proposal, as readers see it: the organisation it was published as (linking its
 * profile), or the name written before proposals named organisations by id, or the person's name.
 */
export async function authorsOf(ctx: ModuleContext, proposals: Proposal[]): Promise<Map<number, Author>> {
  const [names, organisations] = await Promise.all([
    displayNames(
      ctx.database.db,
      proposals.flatMap((x) => (x.author_id === null ? [] : [x.author_id])),
    ),
    publishedAsOf(ctx, proposals),
  ]);
  return new Map<number, Author>(
    proposals.map((x): [number, Author] => {
      const org = x.organisation_id === null ? undefined : organisations.get(x.organisation_id);
      if (org) return [x.id, { organisation: org.name, organisationPath: org.path, name: null }];
      if (x.on_behalf_of) return [x.id, { organisation: x.on_behalf_of, organisationPath: null, name: null }];
      return [x.id, { organisation: null, organisationPath: null, name: x.author_id === null ? null : (names.get(x.author_id) ?? null) }];
    }),
  );
}

/** An author: an organisation (with its profile, unless only its name was written), or a person (null when the account is gone). */
export interface Author {
  organisation: string | null;
  organisationPath: string | null;
  name: string | null;
}

/** Everything the proposal page shows besides the support box. */
export interface ProposalDetail {
  proposal: Proposal;
  author: Author;
  pictures: ProposalPicture[];
  answer: ProposalAnswer | undefined;
}

export async function proposalDetail(ctx: ModuleContext, proposal: Proposal): Promise<ProposalDetail> {
  const { db } = ctx.database;
  const [authors, pictures, answer] = await Promise.all([
    authorsOf(ctx, [proposal]),
    repo.picturesOf(db, [proposal.id]),
    repo.publishedAnswer(db, proposal.id),
  ]);
  return { proposal, author: authors.get(proposal.id)!, pictures, answer };
}
