import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { VisionSection } from '../schema.ts';
import { type ProcessView, processPath } from './processes.ts';

export const SECTION_TITLE_MAX = 200;
export const SECTION_BODY_MAX = 20_000;

export const sectionPath = (p: { slug: string }, id: number) => `${processPath(p)}/sections/${id}`;
/** Where a section is on its process's page. */
export const sectionAnchor = (p: { slug: string }, id: number) => `${processPath(p)}#section-${id}`;

export interface SectionValues {
  title?: string;
  body?: string;
}

const sectionInput = z.object({
  title: text().trim().min(1, 'form.error.required').max(SECTION_TITLE_MAX, 'form.error.tooLong'),
  body: text().trim().max(SECTION_BODY_MAX, 'form.error.tooLong').optional().default(''),
});
const LIMITS = { title: SECTION_TITLE_MAX, body: SECTION_BODY_MAX };

export const sectionsOf = async (ctx: ModuleContext, processId: number) =>
  (await repo.sectionsOf(ctx.database.db, processId)) as VisionSection[];

/** A section of this process. */
export async function sectionIn(ctx: ModuleContext, p: ProcessView, id: number): Promise<VisionSection | undefined> {
  const s = (await repo.sectionById(ctx.database.db, id)) as VisionSection | undefined;
  return s && s.process_id === p.id ? s : undefined;
}

/** A new section, after the others. The route checked 'process.manage'. */
export async function addSection(
  ctx: ModuleContext,
  actor: Actor,
  p: ProcessView,
  values: SectionValues,
  language: string,
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(sectionInput, values, LIMITS);
  if (!form.ok) return form;
  const { db } = ctx.database;
  const id = await transaction(db, async (trx) => {
    const last = (await repo.sectionsOf(trx, p.id)).at(-1);
    return repo.insertSection(trx, {
      process_id: p.id,
      position: last ? last.position + 1 : 0,
      language,
      title: form.data.title,
      body: form.data.body,
      comments_count: 0,
    });
  });
  await audit(db, actor, { action: 'participation.section.add', subjectType: 'process', subjectId: p.id, details: { section: id } }, ip);
  return { ok: true, data: { id } };
}

export async function saveSection(
  ctx: ModuleContext,
  actor: Actor,
  s: VisionSection,
  values: SectionValues,
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(sectionInput, values, LIMITS);
  if (!form.ok) return form;
  const { db } = ctx.database;
  await repo.updateSection(db, s.id, { title: form.data.title, body: form.data.body });
  const details = { section: s.id };
  await audit(db, actor, { action: 'participation.section.save', subjectType: 'process', subjectId: s.process_id, details }, ip);
  return { ok: true, data: { id: s.id } };
}

/** Moves a section one place up or down; the positions are numbered afresh, so that they never tie. */
export async function moveSection(ctx: ModuleContext, s: VisionSection, direction: 'up' | 'down') {
  await transaction(ctx.database.db, async (trx) => {
    const list = await repo.sectionsOf(trx, s.process_id);
    const from = list.findIndex((x) => x.id === s.id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= list.length) return;
    [list[from], list[to]] = [list[to]!, list[from]!];
    for (const [position, x] of list.entries()) if (x.position !== position) await repo.updateSection(trx, x.id, { position });
  });
}

/** Removes a section with its comments. */
export async function removeSection(ctx: ModuleContext, actor: Actor, s: VisionSection, ip?: string) {
  const { db } = ctx.database;
  await transaction(db, (trx) => repo.deleteSection(trx, s.id));
  const details = { section: s.id, title: s.title };
  await audit(db, actor, { action: 'participation.section.remove', subjectType: 'process', subjectId: s.process_id, details }, ip);
}
