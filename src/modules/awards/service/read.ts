import type { ModuleContext } from '../../../core/modules.ts';
import { municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Category, CategoryView, Edition, EditionView, Nomination, NominationView } from '../schema.ts';

/** A text in the reader's language, else the original's, else any. */
export function pick<T extends { language: string }>(texts: T[], lang: string, original: string): T | undefined {
  return texts.find((t) => t.language === lang) ?? texts.find((t) => t.language === original) ?? texts[0];
}

export function categoryName(c: Category, lang: string, original: string): string {
  const names = JSON.parse(c.names) as Record<string, string>;
  return names[lang] ?? names[original] ?? Object.values(names)[0] ?? c.slug;
}

export async function editionViews(ctx: ModuleContext, editions: Edition[], lang: string): Promise<EditionView[]> {
  const texts = await repo.editionTexts(
    ctx.database.db,
    editions.map((e) => e.id),
  );
  return editions.map((e) => {
    const text = pick(
      texts.filter((t) => t.edition_id === e.id),
      lang,
      e.original_language,
    );
    return { ...e, title: text?.title ?? e.slug, rules: text?.rules ?? '' };
  });
}

export async function editionBySlug(ctx: ModuleContext, slug: string, lang: string): Promise<EditionView | undefined> {
  const e = await repo.editionBySlug(ctx.database.db, slug);
  return e && (await editionViews(ctx, [e], lang))[0];
}

export async function categoriesOf(ctx: ModuleContext, edition: Edition, lang: string): Promise<CategoryView[]> {
  const rows = await repo.categoriesOf(ctx.database.db, [edition.id]);
  return rows.map((c) => ({ ...c, name: categoryName(c, lang, edition.original_language) }));
}

export async function categoryOf(ctx: ModuleContext, edition: Edition, slug: string, lang: string) {
  return (await categoriesOf(ctx, edition, lang)).find((c) => c.slug === slug);
}

/** Nominations with their towns' names and addresses from the directory. */
export async function nominationViews(ctx: ModuleContext, rows: Nomination[]): Promise<NominationView[]> {
  const towns = await municipalitiesByIds(
    ctx.database.db,
    rows.map((n) => n.municipality_id),
  );
  return rows.map((n) => {
    const m = towns.get(n.municipality_id);
    return { ...n, town: m?.name ?? '', country: m?.country ?? '', townPath: m ? profilePath(m) : '' };
  });
}

export async function nomineesOf(ctx: ModuleContext, categoryId: number): Promise<NominationView[]> {
  return nominationViews(ctx, await repo.nominationsOf(ctx.database.db, [categoryId]));
}

/** What a nominee is called on a page: the mayor and town, or the practice and town. */
export const nomineeLabel = (n: NominationView) =>
  `${n.mayor_name || n.practice || n.town} (${n.mayor_name || n.practice ? `${n.town}, ` : ''}${n.country})`;

/** Editions as the scope registry shows them: their title and page. */
export async function describeEditions(ctx: ModuleContext, ids: readonly number[]) {
  const views = await editionViews(ctx, await repo.editionsByIds(ctx.database.db, ids), 'en');
  return new Map(views.map((e) => [e.id, { name: e.title, path: `/awards/${e.slug}` }]));
}
