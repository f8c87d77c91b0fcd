import type { Kysely } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';

export type AccountMail = 'confirm' | 'alreadyRegistered' | 'reset' | 'passwordChanged' | 'changeEmail' | 'emailChanging' | 'invitation';

/** Queues one of the account mails, in the recipient's language. */
export function queueAccountMail(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  kind: AccountMail,
  to: string,
  language: string,
  values: Record<string, string> = {},
): Promise<void> {
  return queueTranslatedMail(db, ctx, `accounts.mail.${kind}`, to, language, values);
}

export const link = portalLink;
