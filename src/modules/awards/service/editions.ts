import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { slugify } from '../../../core/search/normalize.ts';
import * as repo from '../repo.ts';
import type { Category, CategoryKind, Edition } from '../schema.ts';
import { applyCriteria, readCriteria } from './criteria.ts';
import { EDITION_LIMITS, type EditionInput, editionInput } from './inputs.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20);

const languageOf = (body: unknown) => {
  const language = (body as Record<string, unknown> | null)?.language;
  return typeof language === 'string' ? language : '';
};

/** Dates are days: a phase starts at midnight UTC of its day. */
const dayStart = (d: string) => `${d}T00:00:00.000Z`;

function dates(input: EditionInput) {
  return {
    year: input.year,
    nominations_close: dayStart(input.nominations_close),
    vote_opens: dayStart(input.vote_opens),
    vote_closes: dayStart(input.vote_closes),
    jury_closes: dayStart(input.jury_closes),
    results_on: dayStart(input.results_on),
    jury_weight: input.jury_weight,
  };
}

async function addCategories(db: Kysely<Tables>, edition: Pick<Edition, 'id'>, input: EditionInput) {
  const existing = await repo.categoriesOf(db, [edition.id]);
  const slugs = new Set(existing.map((c) => c.slug));
  let position = existing.length;
  const wanted: [CategoryKind, string][] = [
    ...lines(input.mayor_categories).map((n) => ['mayor', n] as [CategoryKind, string]),
    ...lines(input.practice_categories).map((n) => ['practice', n] as [CategoryKind, string]),
  ];
  for (const [kind, name] of wanted) {
    const made = slugify(name).slice(0, 70) || `category-${position + 1}`;
    // "edit" is the edition's own editing page: a category named so gets another address.
    const slug = made === 'edit' ? 'edit-category' : made;
    const same = existing.find((c) => c.slug === slug);
    if (same) {
      const names = { ...(JSON.parse(same.names) as Record<string, string>), [input.language]: name };
      await db
        .updateTable('award_categories')
        .set({ names: JSON.stringify(names) })
        .where('id', '=', same.id)
        .execute();
    } else if (!slugs.has(slug)) {
      slugs.add(slug);
      await repo.insertCategory(db, {
        edition_id: edition.id,
        slug,
        kind,
        position: position++,
        names: JSON.stringify({ [input.language]: name }),
        published_at: null,
      });
    }
  }
}

export async function createEdition(ctx: ModuleContext, actor: Actor, body: unknown, ip?: string): Promise<FormResult<{ slug: string }>> {
  const result = validateForm(editionInput, body, EDITION_LIMITS);
  const { db } = ctx.database;
  const criteria = await readCriteria(db, null, languageOf(body), body);
  if (!result.ok) return { ok: false, errors: { ...result.errors, ...criteria.errors } };
  if (Object.keys(criteria.errors).length) return { ok: false, errors: criteria.errors };
  const input = result.data;
  if (await repo.editionBySlug(db, input.slug)) return { ok: false, errors: { slug: { key: 'awards.error.slugTaken' } } };
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const id = await repo.insertEdition(trx, {
      slug: input.slug,
      ...dates(input),
      original_language: input.language,
      created_at: now,
      updated_at: now,
    });
    await repo.saveEditionText(trx, id, input.language, input.title, input.rules);
    await addCategories(trx, { id }, input);
    await applyCriteria(trx, id, input.language, criteria.changes);
    await audit(trx, actor, { action: 'awards.edition.create', subjectType: 'award_edition', subjectId: id }, ip);
  });
  return { ok: true, data: { slug: input.slug } };
}

/** Changes an edition's dates and texts in a language; categories named anew are added (none removed: votes hang on them). */
export async function editEdition(
  ctx: ModuleContext,
  actor: Actor,
  edition: Edition,
  body: unknown,
  ip?: string,
): Promise<FormResult<{ slug: string }>> {
  const result = validateForm(editionInput, { ...(body as object), slug: edition.slug }, EDITION_LIMITS);
  const criteria = await readCriteria(ctx.database.db, edition, languageOf(body), body);
  if (!result.ok) return { ok: false, errors: { ...result.errors, ...criteria.errors } };
  if (Object.keys(criteria.errors).length) return { ok: false, errors: criteria.errors };
  const input = result.data;
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.updateEdition(trx, edition.id, { ...dates(input), updated_at: new Date().toISOString() });
    await repo.saveEditionText(trx, edition.id, input.language, input.title, input.rules);
    await addCategories(trx, edition, input);
    await applyCriteria(trx, edition.id, input.language, criteria.changes);
    await audit(trx, actor, { action: 'awards.edition.edit', subjectType: 'award_edition', subjectId: edition.id }, ip);
  });
  return { ok: true, data: { slug: edition.slug } };
}

/** Removes a category that nobody was nominated in; one with nominations stays (votes and reasons hang on them). */
export async function removeCategory(ctx: ModuleContext, actor: Actor, category: Category, ip?: string): Promise<string | null> {
  return ctx.database.db.transaction().execute(async (trx) => {
    if ((await repo.nominationsOf(trx, [category.id])).length) return 'awards.error.categoryHasNominations';
    await repo.deleteCategory(trx, category.id);
    const details = { slug: category.slug, names: JSON.parse(category.names) as Record<string, string> };
    await audit(trx, actor, { action: 'awards.category.remove', subjectType: 'award_category', subjectId: category.id, details }, ip);
    return null;
  });
}
