import type { Kysely } from 'kysely';
import { auditByActor } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { hit } from '../../../core/http/throttle.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken } from '../../../core/tokens.ts';
import {
  contactsInScope,
  contactsWithRole,
  deleteGrantsOf,
  deleteInvitationsFor,
  deleteSessionsOf,
  deleteTokensOf,
  findUsableToken,
  findUser,
  findUserByEmail,
  grantsOf,
  invitationsFor,
  sessionsOf,
  updateUser,
  usersByIds,
  useToken,
} from '../repo.ts';
import { changeEmailInput, changePasswordInput, FIELD_LIMITS, passwordOnlyInput, profileInput } from '../schema.ts';
import { THROTTLE } from './limits.ts';
import { link, queueAccountMail } from './mails.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { issueToken } from './tokens.ts';

/** The version is unknown for accounts made before it was recorded. */
export interface AcceptedTerms {
  version: string | null;
  at: string;
}

const wrongPassword = { ok: false as const, errors: { current_password: { key: 'accounts.error.wrongPassword' } } };

async function currentUser(ctx: ModuleContext, actor: Actor) {
  const user = await findUser(ctx.database.db, actor.id);
  if (!user || user.deleted_at) throw new Error('account is gone');
  return user;
}

export async function updateProfile(ctx: ModuleContext, actor: Actor, body: unknown, lang: string): Promise<FormResult<{ name: string }>> {
  const form = validateForm(profileInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  await updateUser(ctx.database.db, actor.id, { name: form.data.name, language: lang });
  return form;
}

/** Changes the password (the current one is needed) and signs out every other browser. */
export async function changePassword(ctx: ModuleContext, actor: Actor, sessionId: string, body: unknown): Promise<FormResult<null>> {
  const form = validateForm(changePasswordInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const user = await currentUser(ctx, actor);
  if (!(await verifyPassword(user.password_hash, form.data.current_password))) return wrongPassword;
  const weak = passwordProblem(form.data.password, user);
  if (weak) return { ok: false, errors: { password: weak } };
  const passwordHash = await hashPassword(form.data.password);
  await transaction(ctx.database.db, async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash });
    // Links mailed before (a password reset, an email change) must not outlive the old password.
    await deleteTokensOf(trx, user.id);
    await deleteSessionsOf(trx, user.id, sessionId);
    await queueAccountMail(trx, ctx, 'passwordChanged', user.email, user.language, {
      name: user.name,
      link: link(ctx, user.language, '/password/forgot'),
    });
  });
  ctx.mail.wake();
  return { ok: true, data: null };
}

/** Sends a confirmation link to the new address; the old one is told. Nothing changes until confirmed. */
export async function requestEmailChange(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<{ email: string }>> {
  const { db } = ctx.database;
  const form = validateForm(changeEmailInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const user = await currentUser(ctx, actor);
  if (!(await verifyPassword(user.password_hash, form.data.current_password))) return wrongPassword;
  const { email } = form.data;
  if (email === user.email) return { ok: false, errors: { email: { key: 'accounts.error.sameEmail' } } };
  const limited = await hit(db, `email-change:${user.id}`, THROTTLE.emailChangePerAccount);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  // An address taken by another account gets no link, but the answer is the same.
  if (!(await findUserByEmail(db, email))) {
    await transaction(db, async (trx) => {
      await deleteTokensOf(trx, user.id, 'change_email');
      const token = await issueToken(trx, user.id, 'change_email', { payload: email });
      await queueAccountMail(trx, ctx, 'changeEmail', email, user.language, {
        name: user.name,
        link: link(ctx, user.language, `/email/confirm/${token}`),
      });
      await queueAccountMail(trx, ctx, 'emailChanging', user.email, user.language, { name: user.name, email });
    });
    ctx.mail.wake();
  }
  return { ok: true, data: { email } };
}

/** Switches to the new address from the link sent to it; single use. */
export async function confirmEmailChange(ctx: ModuleContext, token: string): Promise<{ email: string } | undefined> {
  return transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    const row = await findUsableToken(trx, hashToken(token), 'change_email', now);
    if (!row?.payload || !(await useToken(trx, row.id, now))) return undefined;
    const user = await findUser(trx, row.user_id);
    if (!user || user.deleted_at || (await findUserByEmail(trx, row.payload))) return undefined;
    await updateUser(trx, user.id, { email: row.payload, email_confirmed_at: now });
    // A reset link went to the old address, which no longer speaks for the account.
    await deleteTokensOf(trx, user.id, 'reset_password');
    return { email: row.payload };
  });
}

/** Which version of the terms of use the person accepted and when; nothing if they never did (an admin made on the command line). */
export async function acceptedTerms(ctx: ModuleContext, actor: Actor): Promise<AcceptedTerms | undefined> {
  const user = await currentUser(ctx, actor);
  return user.terms_accepted_at ? { version: user.terms_version, at: user.terms_accepted_at } : undefined;
}

/** Everything we hold on the person, from every module. */
export async function exportPersonalData(ctx: ModuleContext, actor: Actor): Promise<Record<string, unknown>> {
  const { db } = ctx.database;
  const user = await currentUser(ctx, actor);
  const { password_hash: _hash, ...account } = user;
  const sessions = (await sessionsOf(db, user.id)).map(({ id: _id, ...s }) => s);
  const modules: Record<string, unknown> = {};
  for (const { module, data } of ctx.personalData) modules[module] = await data.export({ userId: user.id, email: user.email }, ctx);
  return {
    exportedAt: new Date().toISOString(),
    account,
    sessions,
    roles: await grantsOf(db, user.id),
    invitations: await invitationsFor(db, user.email),
    actionsRecorded: await auditByActor(db, user.id),
    ...modules,
  };
}

/**
 * Deletes an account: personal data is erased in every module, the person is signed out
 * everywhere; what they published stays, shown as from a deleted account.
 */
export async function deleteAccount(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<null>> {
  const form = validateForm(passwordOnlyInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const user = await currentUser(ctx, actor);
  if (!(await verifyPassword(user.password_hash, form.data.current_password))) return wrongPassword;
  await transaction(ctx.database.db, async (trx) => {
    const scoped = { ...ctx, database: { ...ctx.database, db: trx } };
    for (const { data } of ctx.personalData) await data.erase({ userId: user.id, email: user.email }, scoped);
    await deleteSessionsOf(trx, user.id);
    await deleteTokensOf(trx, user.id);
    await deleteGrantsOf(trx, user.id);
    await deleteInvitationsFor(trx, user.email);
    await updateUser(trx, user.id, {
      name: '',
      email: `deleted-${user.id}@deleted.invalid`,
      password_hash: null,
      email_confirmed_at: null,
      deleted_at: new Date().toISOString(),
    });
  });
  return { ok: true, data: null };
}

/** The names to show for people, by id; a deleted account has no name left to show. */
export async function displayNames(db: Kysely<Tables>, ids: number[]): Promise<Map<number, string | null>> {
  const rows = await usersByIds(db, [...new Set(ids)]);
  return new Map(rows.map((u) => [u.id, u.deleted_at ? null : u.name]));
}

/** Where and in which language to write to a person; nothing for a deleted account. */
export async function mailContact(db: Kysely<Tables>, id: number): Promise<{ email: string; language: string } | undefined> {
  const [user] = await usersByIds(db, [id]);
  return user && !user.deleted_at ? { email: user.email, language: user.language } : undefined;
}

/** Where and in which language to write to the people holding these roles in one thing of a scope. */
export const scopeContacts = (
  db: Kysely<Tables>,
  roles: readonly string[],
  scopeId: number,
): Promise<{ id: number; email: string; language: string; name: string }[]> => contactsInScope(db, roles, scopeId);

/**
 * Mails the people holding these roles in one thing of a scope, each once and in their language;
 * call it inside the transaction of the change it is about, then wake the mail.
 */
export async function mailScopeHolders(
  db: Kysely<Tables>,
  ctx: ModuleContext,
  to: { roles: readonly string[]; scopeId: number },
  key: string,
  values: (lang: string) => Record<string, string>,
): Promise<number> {
  const people = await contactsInScope(db, to.roles, to.scopeId);
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.email)) continue;
    seen.add(person.email);
    const lang = isLanguage(person.language) ? person.language : 'en';
    await queueTranslatedMail(db, ctx, key, person.email, lang, { name: person.name, ...values(lang) });
  }
  return seen.size;
}

/** Where and in which language to write to each platform administrator, e.g. when something waits for their review. */
export const platformAdminContacts = (db: Kysely<Tables>): Promise<{ email: string; language: string; name: string }[]> =>
  contactsWithRole(db, 'platform_admin');
