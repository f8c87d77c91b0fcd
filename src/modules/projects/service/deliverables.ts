import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { FormResult } from '../../../core/http/forms.ts';
import { validateForm } from '../../../core/http/forms.ts';
import { isCalendarDate, text } from '../../../core/http/input.ts';
import { OversizedFile, sentName } from '../../../core/http/requests.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { DOCUMENT_TYPES, keepDocument } from '../../../core/uploads.ts';
import * as repo from '../repo.ts';
import { DELIVERABLE_KINDS, type Deliverable, LICENCES, type Licence } from '../schema.ts';
import { indexDeliverableText } from './deliverable-search.ts';

/** Where deliverables' files are kept, under the data directory's uploads. */
export const DELIVERABLE_FOLDER = 'deliverables';
/** The largest file a deliverable takes: a toolkit with pictures, not a video. */
export const DELIVERABLE_FILE_LIMIT = 25 * 1024 * 1024;
export const DELIVERABLE_LIMITS = { title: 300, summary: 3000, work_package: 20 } as const;
export const DELIVERABLE_FIELDS = [
  'language',
  'title',
  'summary',
  'kind',
  'work_package',
  'licence',
  'published_on',
  'file_language',
] as const;
/** The message of a file over the limit: the route answers it with 413. */
export const TOO_LARGE = 'projects.deliverable.error.tooLarge';

const language = z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], { error: 'form.error.choose' });
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((v) => v.every((x) => (POLICY_AREAS as readonly string[]).includes(x)), 'form.error.choose')
  .transform((v) => [...new Set(v)]);

const deliverableInput = z.object({
  language,
  title: text().trim().min(1, 'form.error.required').max(DELIVERABLE_LIMITS.title, 'form.error.tooLong'),
  summary: text().trim().max(DELIVERABLE_LIMITS.summary, 'form.error.tooLong').optional().default(''),
  kind: z.enum(DELIVERABLE_KINDS, { error: 'form.error.choose' }),
  work_package: text()
    .trim()
    .max(DELIVERABLE_LIMITS.work_package, 'form.error.tooLong')
    .refine((v) => /^[\p{L}\p{N} .-]*$/u.test(v), 'projects.deliverable.error.workPackage')
    .optional()
    .default(''),
  licence: z.enum(Object.keys(LICENCES) as [Licence, ...Licence[]], { error: 'form.error.choose' }),
  published_on: text('projects.deliverable.error.date').refine(isCalendarDate, 'projects.deliverable.error.date'),
  areas: ticked,
});
const fileInput = z.object({ file_language: language });

type Kept = { name: string; type: string; size: number; sha256: string; original: string };

/** Reads the uploaded file: present, within the limit, of an accepted type by its content, not a zip bomb; kept on disk. */
async function keepUpload(ctx: ModuleContext, body: unknown): Promise<{ kept: Kept } | { error: string }> {
  const raw = (body as { file?: unknown } | undefined)?.file;
  if (raw instanceof OversizedFile) return { error: TOO_LARGE };
  if (!Buffer.isBuffer(raw) || raw.length === 0) return { error: 'projects.deliverable.error.fileMissing' };
  const kept = await keepDocument(ctx.config.dataDir, DELIVERABLE_FOLDER, raw, Object.values(DOCUMENT_TYPES));
  if ('error' in kept)
    return { error: kept.error === 'bomb' ? 'projects.deliverable.error.zipBomb' : 'projects.deliverable.error.fileType' };
  const ext = kept.name.slice(kept.name.lastIndexOf('.') + 1);
  return {
    kept: {
      name: kept.name,
      type: DOCUMENT_TYPES[ext] ?? 'application/octet-stream',
      size: raw.length,
      sha256: createHash('sha256').update(raw).digest('hex'),
      original: sentName(raw),
    },
  };
}

const forget = (ctx: ModuleContext, name: string) => rmSync(join(ctx.config.dataDir, 'uploads', DELIVERABLE_FOLDER, name), { force: true });

/** The name a file was sent with, as the route read it from the multipart part; only its last segment, printable. */
export function safeName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
}

function mergeErrors<T>(result: FormResult<T>, fileError: string | undefined): FormResult<T> {
  if (!fileError) return result;
  return { ok: false, errors: { ...(result.ok ? {} : result.errors), file: { key: fileError } } };
}

async function storeFile(ctx: ModuleContext, actor: Actor, deliverableId: number, language: string, kept: Kept, at: string) {
  const { db } = ctx.database;
  return repo.insertDeliverableFile(db, {
    deliverable_id: deliverableId,
    language,
    version: await repo.nextVersion(db, deliverableId, language),
    stored_name: kept.name,
    original_name: safeName(kept.original) || kept.name,
    type: kept.type,
    size: kept.size,
    sha256: kept.sha256,
    downloads: 0,
    uploaded_by: actor.id,
    created_at: at,
  });
}

/** A new deliverable of a project with its texts in a language and a first file; nothing is kept if any part is refused. */
export async function createDeliverable(
  ctx: ModuleContext,
  actor: Actor,
  project: { id: number },
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const fields = validateForm(deliverableInput.merge(fileInput), body, DELIVERABLE_LIMITS);
  const file = fields.ok ? await keepUpload(ctx, body) : { error: undefined };
  if (!fields.ok || 'error' in file) return mergeErrors(fields, 'error' in file ? file.error : undefined) as FormResult<{ id: number }>;
  const d = fields.data;
  const at = new Date().toISOString();
  try {
    const id = await transaction(ctx.database.db, async (trx) => {
      const id = await repo.insertDeliverable(trx, {
        project_id: project.id,
        kind: d.kind,
        work_package: d.work_package,
        licence: d.licence,
        published_on: d.published_on,
        areas: d.areas.join(','),
        original_language: d.language,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      });
      const textId = await repo.saveDeliverableText(trx, id, d.language, { title: d.title, summary: d.summary });
      await indexDeliverableText(trx, { id: textId, title: d.title, summary: d.summary });
      await storeFile({ ...ctx, database: { ...ctx.database, db: trx } }, actor, id, d.file_language, file.kept, at);
      await audit(
        trx,
        actor,
        { action: 'deliverable.create', subjectType: 'deliverable', subjectId: id, details: { project: project.id } },
        ip,
      );
      return id;
    });
    return { ok: true, data: { id } };
  } catch (err) {
    forget(ctx, file.kept.name);
    throw err;
  }
}

/** Changes a deliverable's facts and its texts in a language (another language's texts are added so). */
export async function editDeliverable(ctx: ModuleContext, actor: Actor, deliverable: Deliverable, body: unknown, ip: string) {
  const fields = validateForm(deliverableInput, body, DELIVERABLE_LIMITS);
  if (!fields.ok) return fields;
  const d = fields.data;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateDeliverable(trx, deliverable.id, {
      kind: d.kind,
      work_package: d.work_package,
      licence: d.licence,
      published_on: d.published_on,
      areas: d.areas.join(','),
      updated_at: new Date().toISOString(),
    });
    const textId = await repo.saveDeliverableText(trx, deliverable.id, d.language, { title: d.title, summary: d.summary });
    await indexDeliverableText(trx, { id: textId, title: d.title, summary: d.summary });
    await audit(
      trx,
      actor,
      { action: 'deliverable.edit', subjectType: 'deliverable', subjectId: deliverable.id, details: { language: d.language } },
      ip,
    );
  });
  return { ok: true as const, data: { id: deliverable.id } };
}

/** A new version of a language's file, or a first file in a new language; earlier versions stay. */
export async function addDeliverableFile(ctx: ModuleContext, actor: Actor, deliverable: Deliverable, body: unknown, ip: string) {
  const fields = validateForm(fileInput, body);
  const file = fields.ok ? await keepUpload(ctx, body) : { error: undefined };
  if (!fields.ok || 'error' in file) return mergeErrors(fields, 'error' in file ? file.error : undefined);
  try {
    await transaction(ctx.database.db, async (trx) => {
      const at = new Date().toISOString();
      const trxCtx = { ...ctx, database: { ...ctx.database, db: trx } };
      const fileId = await storeFile(trxCtx, actor, deliverable.id, fields.data.file_language, file.kept, at);
      await repo.updateDeliverable(trx, deliverable.id, { updated_at: at });
      await audit(
        trx,
        actor,
        { action: 'deliverable.file', subjectType: 'deliverable', subjectId: deliverable.id, details: { file: fileId } },
        ip,
      );
    });
  } catch (err) {
    forget(ctx, file.kept.name);
    throw err;
  }
  return { ok: true as const, data: fields.data };
}
