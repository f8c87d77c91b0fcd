import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { phaseOf } from '../schema.ts';
import { AwardsSection, type TownAward } from '../views/profile.tsx';
import { categoryName, editionViews } from './read.ts';

/** Where a town's nominations are: their categories and editions, in the reader's language. */
async function placesOf(ctx: ModuleContext, towns: number[], lang: string) {
  const { db } = ctx.database;
  const nominations = (await repo.nominationsOfTowns(db, towns)).filter((n) => n.state !== 'merged' && n.state !== 'declined');
  const categories = await repo.categoriesByIds(db, [...new Set(nominations.map((n) => n.category_id))]);
  const editions = await editionViews(ctx, await repo.editionsByIds(db, [...new Set(categories.map((c) => c.edition_id))]), lang);
  return nominations.flatMap((n) => {
    const category = categories.find((c) => c.id === n.category_id);
    const edition = category && editions.find((e) => e.id === category.edition_id);
    return category && edition ? [{ n, category, edition, name: categoryName(category, lang, edition.original_language) }] : [];
  });
}

/** A town's wins and shortlist places, newest edition first: nothing when it has none. */
export const profileAwards: SectionProvider = async (subject, { lang }, ctx) => {
  const m = subject as Municipality;
  const places = await placesOf(ctx, [m.id], lang);
  const results = await repo.resultsOf(
    ctx.database.db,
    places.map((p) => p.category.id),
  );
  const items: TownAward[] = places.flatMap(({ n, category, edition, name }) => {
    const result = results.find((r) => r.nomination_id === n.id);
    if (category.published_at ? !result : n.state !== 'shortlisted') return [];
    return [
      {
        key: String(n.id),
        path: `/awards/${edition.slug}/${category.slug}`,
        edition: edition.title,
        category: name,
        rank: result?.rank ?? null,
      },
    ];
  });
  if (!items.length) return null;
  items.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  return <AwardsSection items={items.slice(0, 20)} />;
};

/** For the staff of a nominated town: the category where they may add material while the award runs. */
export async function awardDesks({ actor, t, lang }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const staff = new Set(rolesOf('municipality'));
  const towns = actor.grants.flatMap((g) => (staff.has(g.role) && g.scopeId !== null ? [g.scopeId] : []));
  if (!towns.length) return [];
  const places = (await placesOf(ctx, towns, lang)).filter((p) => phaseOf(p.edition) !== 'results');
  return places.map(({ n, category, edition, name }) => ({
    label: t('awards.work.label'),
    description: t('awards.work.description', { category: name, edition: edition.title }),
    path: `/awards/${edition.slug}/${category.slug}`,
    scope: { type: 'municipality', id: n.municipality_id },
    waiting: { count: 1, text: t(`awards.state.${n.state}`) },
  }));
}
