import { Remembered } from '../../../core/cache.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { SignalCategory, SignalQuestion } from '../schema.ts';

/** The categories a town adopts in one click, each filed under a policy area. */
export const DEFAULT_CATEGORIES = [
  { key: 'roads', area: 'mobility' },
  { key: 'lighting', area: 'mobility' },
  { key: 'waste', area: 'environment' },
  { key: 'parks', area: 'environment' },
  { key: 'water', area: 'environment' },
  { key: 'transport', area: 'mobility' },
  { key: 'noise', area: 'environment' },
  { key: 'other', area: null },
] as const;
export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number]['key'];

/** A category's name in the reader's language: the town's own, or the default's translation. */
export const categoryName = (t: Translator, c: Pick<SignalCategory, 'name' | 'default_key'>) =>
  c.name ?? (c.default_key ? t(`signals.category.${c.default_key}`) : '');

export const categoryDescription = (t: Translator, c: Pick<SignalCategory, 'description' | 'default_key'>) =>
  c.description ?? (c.default_key ? t(`signals.category.${c.default_key}.description`) : '');

/** Adds the defaults a town does not have yet, to its own inbox; returns how many were added. */
export const adoptDefaults = (ctx: ModuleContext, municipalityId: number, now = new Date().toISOString()): Promise<number> =>
  insertDefaults(ctx.database.db, municipalityId, now);

/** adoptDefaults on a database (or a transaction) of the caller's. */
export async function insertDefaults(db: repo.Db, municipalityId: number, now = new Date().toISOString()): Promise<number> {
  const have = new Set((await repo.categoriesOf(db, municipalityId)).map((c) => c.code));
  let added = 0;
  for (const [position, d] of DEFAULT_CATEGORIES.entries()) {
    if (have.has(d.key)) continue;
    await repo.insertCategory(db, {
      municipality_id: municipalityId,
      code: d.key,
      default_key: d.key,
      area: d.area,
      destination: 'inbox',
      position,
      created_at: now,
      updated_at: now,
    });
    added++;
  }
  return added;
}

// Read from these two tables only: new reports, busy as they are, leave them be.
const categories = new Remembered<{ all: SignalCategory[]; questions: Map<number, SignalQuestion[]> }>(60_000, 10_000, [
  'signal_categories',
  'signal_questions',
]);

/** A town's categories and their questions, kept until the data changes. */
export function townCategories(ctx: ModuleContext, municipalityId: number) {
  const { db } = ctx.database;
  return categories.get(db, String(municipalityId), async () => {
    const all = await repo.categoriesOf(db, municipalityId);
    const questions = new Map<number, SignalQuestion[]>();
    for (const q of await repo.questionsOf(
      db,
      all.map((c) => c.id),
    ))
      questions.set(q.category_id, [...(questions.get(q.category_id) ?? []), q]);
    return { all, questions };
  });
}

/** The categories a town takes new reports in. */
export const activeCategories = async (ctx: ModuleContext, municipalityId: number) =>
  (await townCategories(ctx, municipalityId)).all.filter((c) => c.active === 1);
