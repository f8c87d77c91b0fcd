import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { platformAdminContacts } from '../../accounts/index.ts';

/**
 * Mails each platform admin, in their language, that something waits in the review queue, with a
 * link to it; nobody else reviews claims and proposals, and without a mail they wait unseen.
 * `localised` adds values that depend on the reader's language (a country's name, say).
 */
export async function tellReviewers(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  key: string,
  values: Record<string, string>,
  localised: (lang: string) => Record<string, string> = () => ({}),
): Promise<void> {
  for (const admin of await platformAdminContacts(db)) {
    const lang = isLanguage(admin.language) ? admin.language : 'en';
    await queueTranslatedMail(db, ctx, key, admin.email, lang, {
      ...values,
      ...localised(lang),
      name: admin.name,
      link: portalLink(ctx, lang, '/admin/claims'),
    });
  }
}
