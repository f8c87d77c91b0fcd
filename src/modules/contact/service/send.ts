import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormRefusal, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { OversizedFile, sentName } from '../../../core/http/requests.ts';
import { writeAllowed } from '../../../core/http/spam.tsx';
import { hit, type Limit } from '../../../core/http/throttle.ts';
import type { LanguageCode } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import { DOCUMENT_TYPES, keepDocument } from '../../../core/uploads.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { FILE_FOLDER, LIMITS, sendInput } from '../schema.ts';
import { announce } from './announce.ts';
import type { TopicChoice } from './topics.ts';

/** Mails with a confirmation link one address receives in an hour: enough for a person, too few to flood a stranger. */
const MAILS_PER_ADDRESS: Limit = { max: 5, windowMs: 3600_000 };
/** Enquiries one account sends in an hour, across every town. */
const ENQUIRIES_PER_ACCOUNT: Limit = { max: 10, windowMs: 3600_000 };

export const SEND_FIELDS = ['topic', 'body', 'name', 'email', 'phone'] as const;

type Town = Pick<Municipality, 'id' | 'slug' | 'name' | 'country' | 'email'>;
export type Sent = { ok: true; id: number; reference: string | null } | FormRefusal;

/** The name a file was sent with, only its last segment, printable. */
const safeName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'attachment';

/** Reads an attachment: none, or a document of an accepted type by its content, within the limit; kept on disk. */
async function keepAttachment(ctx: ModuleContext, raw: unknown): Promise<{ file?: { name: string; sent: string } } | { error: string }> {
  if (raw instanceof OversizedFile) return { error: 'townContact.error.fileSize' };
  if (!Buffer.isBuffer(raw) || raw.length === 0) return {};
  const kept = await keepDocument(ctx.config.dataDir, FILE_FOLDER, raw, Object.values(DOCUMENT_TYPES));
  if ('error' in kept) return { error: 'townContact.error.fileType' };
  return { file: { name: kept.name, sent: safeName(sentName(raw)) } };
}

export const forgetFile = (ctx: ModuleContext, name: string | null) => {
  if (name) rmSync(join(ctx.config.dataDir, 'uploads', FILE_FOLDER, name), { force: true });
};

/**
 * Sends an enquiry from the form. Someone signed in with a confirmed address reaches the town at
 * once; anyone else is mailed the link that sends it. Refused forms keep nothing, not even the file.
 */
export async function sendEnquiry(
  ctx: ModuleContext,
  actor: Actor | null,
  town: Town,
  choices: TopicChoice[],
  body: unknown,
  lang: LanguageCode,
): Promise<Sent> {
  const { db } = ctx.database;
  const fields = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const form = validateForm(sendInput(!!actor), body, { ...LIMITS });
  if (!form.ok) Object.assign(errors, form.errors);
  const choice = choices.find((c) => c.value === fields.topic);
  if (!choice) errors.topic = { key: 'form.error.choose' };
  if (!form.ok || !choice) return { ok: false, errors };
  const email = (actor ? actor.email : form.data.email).toLowerCase();

  const limited = actor
    ? await writeAllowed(ctx.database, actor, 'contact', ENQUIRIES_PER_ACCOUNT)
    : await hit(db, `contact-mail:${email}`, MAILS_PER_ADDRESS).then((v) => (v.allowed ? null : tooManyAttempts(v.retryAfter)));
  if (limited) return limited;

  const attached = await keepAttachment(ctx, fields.attachment);
  if ('error' in attached) return { ok: false, errors: { attachment: { key: attached.error } } };
  const topic = choice.topicId ? await repo.topicIn(db, town.id, choice.topicId) : undefined;
  const direct = !!actor?.confirmed;
  const confirm = direct ? null : newToken();
  const now = new Date().toISOString();
  const id = await transaction(db, async (trx) => {
    const id = await repo.insertEnquiry(trx, {
      municipality_id: town.id,
      topic_id: topic?.id ?? null,
      topic_name: choice.name,
      department_email: topic?.email ?? town.email ?? null,
      reference: null,
      author_id: actor?.id ?? null,
      name: form.data.name,
      email,
      phone: form.data.phone || null,
      language: lang,
      body: form.data.body,
      file: attached.file?.name ?? null,
      file_name: attached.file?.sent ?? null,
      confirmed: 0,
      confirm_hash: confirm?.hash ?? null,
      created_at: now,
      confirmed_at: null,
      answered_at: null,
      updated_at: now,
    });
    if (confirm)
      await queueTranslatedMail(trx, ctx, 'townContact.mail.confirm', email, lang, {
        town: town.name,
        topic: choice.name,
        link: portalLink(ctx, lang, `/contact/confirm/${confirm.token}`),
      });
    return id;
  });
  const reference = direct ? ((await announce(ctx, id)) ?? null) : null;
  ctx.mail.wake();
  return { ok: true, id, reference };
}

/** Sends an enquiry on by its mailed link; its id, or undefined for an unknown or used link. */
export async function confirmByLink(ctx: ModuleContext, token: string): Promise<number | undefined> {
  const enquiry = await repo.enquiryToConfirm(ctx.database.db, hashToken(token));
  if (!enquiry) return undefined;
  const reference = await announce(ctx, enquiry.id);
  ctx.mail.wake();
  return reference ? enquiry.id : undefined;
}
