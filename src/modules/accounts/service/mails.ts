import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { enqueueMail } from '../../../core/mail/outbox.ts';
import type { ModuleContext } from '../../../core/modules.ts';

export type AccountMail = 'confirm' | 'alreadyRegistered' | 'reset' | 'passwordChanged' | 'changeEmail' | 'emailChanging' | 'invitation';

/** Queues one of the account mails, in the recipient's language, from the catalog. */
export async function queueAccountMail(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  kind: AccountMail,
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
    subject: t(`mail.${kind}.subject`, all),
    text: `${t(`mail.${kind}.body`, all)}\n\n-- \n${t('mail.signature', all)}\n`,
  });
}

export function link(ctx: ModuleContext, lang: string, path: string): string {
  return `${ctx.config.baseUrl}/${lang}${path}`;
}
