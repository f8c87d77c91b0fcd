import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { parseId } from '../../../core/http/input.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import type { Criterion, CriterionView, Edition } from '../schema.ts';

/** An edition is scored on one to ten criteria: the form offers that many places. */
export const MAX_CRITERIA = 10;
export const CRITERION_LIMITS = { name: 120, description: 300 };
const PARTS = ['id', 'name', 'description', 'weight', 'order'] as const;
export const CRITERION_FIELDS = Array.from({ length: MAX_CRITERIA }, (_, i) => PARTS.map((p) => `criterion_${i + 1}_${p}`)).flat();

const json = (text: string) => JSON.parse(text) as Record<string, string>;
const inLanguage = (texts: Record<string, string>, lang: string, original: string) =>
  texts[lang] ?? texts[original] ?? Object.values(texts)[0] ?? '';

export function criterionViews(rows: Criterion[], lang: string, original: string): CriterionView[] {
  return rows.map((c) => ({
    ...c,
    name: inLanguage(json(c.names), lang, original),
    description: inLanguage(json(c.descriptions), lang, original),
  }));
}

export async function criteriaOf(db: Kysely<Tables>, edition: Pick<Edition, 'id' | 'original_language'>, lang: string) {
  return criterionViews(await repo.criteriaOf(db, edition.id), lang, edition.original_language);
}

/** The criteria as the editing form shows them in one language, with empty places to add more. */
export function criterionValues(rows: Criterion[], language: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [i, c] of rows.entries()) {
    const at = `criterion_${i + 1}_`;
    values[`${at}id`] = String(c.id);
    values[`${at}name`] = json(c.names)[language] ?? '';
    values[`${at}description`] = json(c.descriptions)[language] ?? '';
    values[`${at}weight`] = String(c.weight);
    values[`${at}order`] = String(c.position + 1);
  }
  return values;
}

/** How many places the form shows: the criteria given, and two more, up to the limit. */
export const criterionPlaces = (values: Record<string, string | undefined>) => {
  let used = 0;
  for (let i = 1; i <= MAX_CRITERIA; i++) if (values[`criterion_${i}_id`] || values[`criterion_${i}_name`]?.trim()) used = i;
  return Math.min(MAX_CRITERIA, Math.max(3, used + 2));
};

type Change =
  | { kind: 'add'; name: string; description: string; weight: number; position: number }
  | { kind: 'keep'; row: Criterion; name: string; description: string; weight: number; position: number }
  | { kind: 'remove'; row: Criterion }
  | { kind: 'untranslate'; row: Criterion };

/**
 * Reads the criteria places of the edition form, in its language. A blank name of a kept criterion
 * removes it in the original language (unless the jury scored on it) and only the translation in another.
 */
export async function readCriteria(
  db: Kysely<Tables>,
  edition: Pick<Edition, 'id' | 'original_language'> | null,
  language: string,
  body: unknown,
): Promise<{ changes: Change[]; errors: FieldErrors }> {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  const existing = edition ? await repo.criteriaOf(db, edition.id) : [];
  const original = !edition || edition.original_language === language;
  const errors: FieldErrors = {};
  const changes: Change[] = [];
  for (let i = 1; i <= MAX_CRITERIA; i++) {
    const at = `criterion_${i}_`;
    const rawId = str(`${at}id`);
    const row = rawId ? existing.find((c) => c.id === parseId(rawId)) : undefined;
    if (rawId && !row) errors[`${at}name`] = { key: 'awards.error.criterion' };
    const name = str(`${at}name`).trim();
    const description = str(`${at}description`).trim();
    if (!name) {
      if (row && original && (await repo.criterionScored(db, row.id))) errors[`${at}name`] = { key: 'awards.error.criterionScored' };
      else if (row) changes.push(original ? { kind: 'remove', row } : { kind: 'untranslate', row });
      continue;
    }
    const max = CRITERION_LIMITS;
    if (name.length > max.name) errors[`${at}name`] = { key: 'form.error.tooLong', values: { max: max.name } };
    if (description.length > max.description) {
      errors[`${at}description`] = { key: 'form.error.tooLong', values: { max: max.description } };
    }
    const weight = str(`${at}weight`).trim();
    if (!/^\d{1,3}$/.test(weight) || Number(weight) < 1 || Number(weight) > 100) {
      errors[`${at}weight`] = { key: 'awards.error.criterionWeight' };
    }
    const order = str(`${at}order`).trim() || String(i);
    if (!/^[1-9]\d?$/.test(order)) errors[`${at}order`] = { key: 'awards.error.criterionOrder' };
    const common = { name, description, weight: Number(weight), position: Number(order) - 1 };
    changes.push(row ? { kind: 'keep', row, ...common } : { kind: 'add', ...common });
  }
  const left = existing.length + changes.filter((c) => c.kind === 'add').length - changes.filter((c) => c.kind === 'remove').length;
  if (left < 1 && !errors.criterion_1_name) errors.criterion_1_name = { key: 'awards.error.criteria' };
  if (left > MAX_CRITERIA) errors.criterion_1_name = { key: 'awards.error.tooManyCriteria', values: { max: MAX_CRITERIA } };
  return { changes, errors };
}

/** Writes what readCriteria found, inside the edition's transaction. */
export async function applyCriteria(db: Kysely<Tables>, editionId: number, language: string, changes: Change[]): Promise<void> {
  const put = (texts: string, value: string) => {
    const all = json(texts);
    if (value) all[language] = value;
    else delete all[language];
    return JSON.stringify(all);
  };
  for (const c of changes) {
    if (c.kind === 'remove') await repo.deleteCriterion(db, c.row.id);
    else if (c.kind === 'untranslate') {
      await repo.updateCriterion(db, c.row.id, { names: put(c.row.names, ''), descriptions: put(c.row.descriptions, '') });
    } else if (c.kind === 'keep') {
      const texts = { names: put(c.row.names, c.name), descriptions: put(c.row.descriptions, c.description) };
      await repo.updateCriterion(db, c.row.id, { ...texts, weight: c.weight, position: c.position });
    } else {
      const texts = { names: JSON.stringify({ [language]: c.name }), descriptions: put('{}', c.description) };
      await repo.insertCriterion(db, { edition_id: editionId, ...texts, weight: c.weight, position: c.position });
    }
  }
}
