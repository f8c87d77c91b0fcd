import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.ts';
import { translator } from '../i18n/catalog.ts';
import { isLanguage } from '../i18n/languages.ts';
import type { ModuleContext } from '../modules.ts';
import { enqueueMail } from './outbox.ts';

/**
 * Queues a mail written in the catalog as `{key}.subject` and `{key}.body`, in the recipient's
 * language, signed with the portal's name. Call it inside the transaction of the change it is about.
 */
export async function queueTranslatedMail(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  key: string,
  to: string,
  language: string,
  values: Record<string, string> = {},
): Promise<void> {
  const lang = isLanguage(language) ? language : 'en';
  const t = translator(lang);
  const all = { siteName: ctx.config.siteName, baseUrl: ctx.config.baseUrl, ...values };
  await enqueueMail(db, {
    to,
    language: lang,
    subject: t(`${key}.subject`, all),
    text: `${t(`${key}.body`, all)}\n\n-- \n${t('mail.signature', all)}\n`,
  });
}

/** An absolute link to a page of the portal in a language. */
export function portalLink(ctx: ModuleContext, lang: string, path: string): string {
  return `${ctx.config.baseUrl}/${lang}${path}`;
}
