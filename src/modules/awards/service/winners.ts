import { translator } from '../../../core/i18n/catalog.ts';
import { COMPLETE_LANGUAGES } from '../../../core/i18n/languages.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { insertContentItem } from '../../content/index.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Category, Edition } from '../schema.ts';
import { categoryName, pick } from './read.ts';

/**
 * Publishes a news item about a category's winner (each of them, if the final scores tie) in the
 * winning town's newsroom, in every complete language; called once, when the result is published.
 */
export async function announceWinners(
  ctx: ModuleContext,
  edition: Edition,
  category: Category,
  ranking: { nomination_id: number; final_score: number; rank: number }[],
): Promise<number[]> {
  const { db } = ctx.database;
  const top = ranking[0];
  if (!top) return [];
  const winners = ranking.filter((r) => r.final_score === top.final_score).map((r) => r.nomination_id);
  const [nominations, texts] = await Promise.all([repo.nominationsOf(db, [category.id]), repo.editionTexts(db, [edition.id])]);
  const items: number[] = [];
  for (const n of nominations.filter((x) => winners.includes(x.id))) {
    const town = await municipalityById(db, n.municipality_id);
    if (!town) continue;
    const language = COMPLETE_LANGUAGES.includes(edition.original_language as never) ? edition.original_language : 'en';
    const languages = [language, ...COMPLETE_LANGUAGES.filter((l) => l !== language)];
    const written = languages.map((lang) => {
      const t = translator(lang as (typeof COMPLETE_LANGUAGES)[number]);
      const values = {
        mayor: n.mayor_name,
        practice: n.practice,
        town: town.name,
        category: categoryName(category, lang, edition.original_language),
        year: String(edition.year),
        edition: pick(texts, lang, edition.original_language)?.title ?? edition.slug,
        link: portalLink(ctx, lang, `/awards/${edition.slug}/${category.slug}`),
      };
      const title = t(n.mayor_name ? 'awards.news.mayorTitle' : 'awards.news.practiceTitle', values);
      const winner = n.mayor_name ? `${n.mayor_name} (${town.name})` : `${town.name}: ${n.practice}`;
      return [lang, { title, summary: t('awards.news.summary', values), body: t('awards.news.body', { ...values, winner }) }] as const;
    });
    items.push(
      await insertContentItem(ctx, {
        type: 'news',
        owner: { type: 'municipality', id: town.id, country: town.country },
        language,
        publishedAt: new Date().toISOString(),
        areas: [],
        tags: ['awards'],
        texts: Object.fromEntries(written),
      }),
    );
  }
  return items;
}
