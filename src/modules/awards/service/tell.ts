import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { mailScopeHolders } from '../../accounts/index.ts';
import { municipalityById } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Category, Edition, Nomination } from '../schema.ts';
import { categoryName, pick } from './read.ts';

export type TownMail = 'awards.mail.nominated' | 'awards.mail.accepted' | 'awards.mail.shortlisted';

/**
 * Mails the staff of a nominee's town, each in their language, with the link to the page where
 * they add material. Call it inside the transaction of the change, then wake the mail.
 */
export async function tellTown(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  edition: Edition,
  category: Category,
  nomination: Pick<Nomination, 'municipality_id' | 'mayor_name' | 'practice'>,
  key: TownMail,
): Promise<number> {
  const [town, texts] = await Promise.all([municipalityById(db, nomination.municipality_id), repo.editionTexts(db, [edition.id])]);
  if (!town) return 0;
  const path = `/awards/${edition.slug}/${category.slug}#nominees`;
  return mailScopeHolders(db, ctx, { roles: rolesOf('municipality'), scopeId: town.id }, key, (lang) => ({
    town: town.name,
    nominee: nomination.mayor_name || nomination.practice || town.name,
    category: categoryName(category, lang, edition.original_language),
    edition: pick(texts, lang, edition.original_language)?.title ?? edition.slug,
    link: portalLink(ctx, lang, path),
  }));
}
