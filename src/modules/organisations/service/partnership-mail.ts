import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import type { LanguageCode } from '../../../core/i18n/languages.ts';
import { portalLink } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { mailScopeHolders } from '../../accounts/index.ts';

/** A side of a partnership: a town (its staff) or an organisation (its representatives). */
export type Side = { town: number } | { organisation: number };

/** The words every partnership mail shares, in the reader's language. */
export interface PartnershipNews {
  id: number;
  area: string;
  /** Who proposed, or who answered. */
  who: string;
  /** Everyone in it: the town and the organisations. */
  partners: string;
  description?: string;
}

/** Mails the people of each side in their languages, with a link to the partnership's page; inside the writing transaction. */
export async function mailSides(db: Kysely<Tables>, ctx: ModuleContext, sides: Side[], key: string, news: PartnershipNews) {
  const values = (lang: string) => ({
    who: news.who,
    partners: news.partners,
    area: translator(lang as LanguageCode)(`area.${news.area}`),
    description: news.description ?? '',
    link: portalLink(ctx, lang, `/partnerships/${news.id}`),
  });
  for (const side of sides) {
    const to =
      'town' in side
        ? { roles: rolesOf('municipality'), scopeId: side.town }
        : { roles: ['organisation_representative'], scopeId: side.organisation };
    await mailScopeHolders(db, ctx, to, key, values);
  }
}
