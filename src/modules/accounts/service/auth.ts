import { transaction } from '../../../core/db/client.ts';
import { type FormRefusal, type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { clear, hit, release } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken } from '../../../core/tokens.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { TERMS_VERSION } from '../../pages/index.ts';
import { deleteTokensOf, findUsableToken, findUser, findUserByEmail, insertUser, type User, updateUser, useToken } from '../repo.ts';
import { emailInput, FIELD_LIMITS, newPasswordInput, signInInput, signUpInput } from '../schema.ts';
import { THROTTLE } from './limits.ts';
import { link, queueAccountMail } from './mails.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { endAllSessions } from './sessions.ts';
import { issueToken } from './tokens.ts';

/** A form refused as a whole, e.g. by a rate limit; shown above the form. */
export function formError(key: string, values?: Record<string, string | number>): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { form: { key, ...(values ? { values } : {}) } } };
}

/**
 * Signs a person up. Whether or not the address already has an account, the answer is the same;
 * the owner of an existing account gets a mail saying someone tried.
 */
export async function signUp(ctx: ModuleContext, body: unknown, lang: string, ip: string): Promise<FormResult<{ email: string }>> {
  const { db } = ctx.database;
  const form = validateForm(signUpInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const { name, email, password } = form.data;
  const weak = passwordProblem(password, { email, name });
  if (weak) return { ok: false, errors: { password: weak } };
  const limited = await hit(db, `signup:ip:${ip}`, THROTTLE.signUpPerIp);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  // Hash before looking the address up, so both answers take the same time.
  const passwordHash = await hashPassword(password);
  await transaction(db, async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing) {
      await queueAccountMail(trx, ctx, 'alreadyRegistered', email, existing.language, {
        name: existing.name,
        signInLink: link(ctx, existing.language, '/sign-in'),
        resetLink: link(ctx, existing.language, '/password/forgot'),
      });
      return;
    }
    const now = new Date();
    const userId = await insertUser(trx, {
      name,
      email,
      password_hash: passwordHash,
      language: lang,
      email_confirmed_at: null,
      terms_accepted_at: now.toISOString(),
      terms_version: TERMS_VERSION,
      created_at: now.toISOString(),
    });
    await sendConfirmation(trx, ctx, { id: userId, name, email, language: lang });
  });
  ctx.mail.wake();
  return { ok: true, data: { email } };
}

async function sendConfirmation(
  db: ModuleContext['database']['db'],
  ctx: ModuleContext,
  user: Pick<User, 'id' | 'name' | 'email' | 'language'>,
): Promise<void> {
  const token = await issueToken(db, user.id, 'confirm_email');
  await queueAccountMail(db, ctx, 'confirm', user.email, user.language, {
    name: user.name,
    link: link(ctx, user.language, `/confirm/${token}`),
  });
}

/** Confirms an address with the link's token; single use. Returns the user, or undefined for a bad link. */
export async function confirmEmail(ctx: ModuleContext, token: string): Promise<User | undefined> {
  const { db } = ctx.database;
  return transaction(db, async (trx) => {
    const now = new Date().toISOString();
    const row = await findUsableToken(trx, hashToken(token), 'confirm_email', now);
    if (!row || !(await useToken(trx, row.id, now))) return undefined;
    const user = await findUser(trx, row.user_id);
    if (!user || user.deleted_at) return undefined;
    if (!user.email_confirmed_at) await updateUser(trx, user.id, { email_confirmed_at: now });
    return { ...user, email_confirmed_at: user.email_confirmed_at ?? now };
  });
}

export type SignInResult = { ok: true; user: User } | (FormRefusal & { unconfirmed?: boolean });

/** A browser the person signed in from before: the user id and the device's own id. */
export interface KnownDevice {
  userId: number;
  id: string;
}

/**
 * The counter an attempt is charged to: a browser the account signed in from before has its own,
 * so a stranger who uses up the account's attempts does not lock the owner out of it.
 */
export function attemptKey(email: string, user: User | undefined, device: KnownDevice | undefined): string {
  if (user && device?.userId === user.id) return `signin:device:${user.id}:${device.id}`;
  return `signin:account:${email}`;
}

/**
 * Checks an email and password. A wrong address and a wrong password get the same answer in the
 * same time. Each attempt is counted before the password is checked and given back when it was
 * right, so parallel attempts cannot slip past the limit: per address (existing or not), per
 * known device and per network address.
 */
export async function signIn(ctx: ModuleContext, body: unknown, ip: string, device?: KnownDevice): Promise<SignInResult> {
  const { db } = ctx.database;
  const form = validateForm(signInInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const { email, password } = form.data;
  const perIp = await hit(db, `signin:ip:${ip}`, THROTTLE.signInPerIp);
  if (!perIp.allowed) return tooManyAttempts(perIp.retryAfter);
  const user = await findUserByEmail(db, email);
  const key = attemptKey(email, user, device);
  const reserved = await hit(db, key, THROTTLE.signInFailuresPerAccount);
  if (!reserved.allowed) return tooManyAttempts(reserved.retryAfter);
  if (!(await verifyPassword(user?.password_hash, password)) || !user) return formError('accounts.error.badCredentials');
  await release(db, key);
  if (!user.email_confirmed_at) {
    const resend = await hit(db, `confirm:account:${user.id}`, THROTTLE.confirmationPerAccount);
    if (resend.allowed) {
      await transaction(db, (trx) => sendConfirmation(trx, ctx, user));
      ctx.mail.wake();
    }
    return { ...formError('accounts.error.unconfirmed', { email: user.email }), unconfirmed: true };
  }
  return { ok: true, user };
}

/** Sends a reset link when the address has an account; the answer never says whether it has. */
export async function requestPasswordReset(ctx: ModuleContext, body: unknown, ip: string): Promise<FormResult<{ email: string }>> {
  const { db } = ctx.database;
  const form = validateForm(emailInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const { email } = form.data;
  const perIp = await hit(db, `reset:ip:${ip}`, THROTTLE.resetPerIp);
  if (!perIp.allowed) return tooManyAttempts(perIp.retryAfter);
  const perAccount = await hit(db, `reset:account:${email}`, THROTTLE.resetPerAccount);
  if (!perAccount.allowed) return { ok: true, data: { email } };
  const user = await findUserByEmail(db, email);
  if (user) {
    await transaction(db, async (trx) => {
      const token = await issueToken(trx, user.id, 'reset_password');
      await queueAccountMail(trx, ctx, 'reset', user.email, user.language, {
        name: user.name,
        link: link(ctx, user.language, `/password/reset/${token}`),
      });
    });
    ctx.mail.wake();
  }
  return { ok: true, data: { email } };
}

export async function resetTokenIsUsable(ctx: ModuleContext, token: string): Promise<boolean> {
  return !!(await findUsableToken(ctx.database.db, hashToken(token), 'reset_password', new Date().toISOString()));
}

export type ResetResult = FormResult<{ userId: number }> | { ok: false; expired: true; errors: FieldErrors };

/** Sets a new password from a reset link, signs the person out everywhere and confirms their address. */
export async function resetPassword(ctx: ModuleContext, token: string, body: unknown): Promise<ResetResult> {
  const { db } = ctx.database;
  const now = new Date().toISOString();
  const row = await findUsableToken(db, hashToken(token), 'reset_password', now);
  const user = row && (await findUser(db, row.user_id));
  if (!row || !user || user.deleted_at) return { ok: false, expired: true, errors: {} };
  const form = validateForm(newPasswordInput, body, FIELD_LIMITS);
  if (!form.ok) return form;
  const weak = passwordProblem(form.data.password, user);
  if (weak) return { ok: false, errors: { password: weak } };
  const passwordHash = await hashPassword(form.data.password);
  const done = await transaction(db, async (trx) => {
    if (!(await useToken(trx, row.id, now))) return false;
    await updateUser(trx, user.id, { password_hash: passwordHash, email_confirmed_at: user.email_confirmed_at ?? now });
    // Every other link in flight dies with the old password: resets, email changes, confirmations.
    await deleteTokensOf(trx, user.id);
    await endAllSessions(trx, user.id);
    // The owner proved they hold the mailbox: a stranger's failed attempts no longer lock them out.
    await clear(trx, `signin:account:${user.email}`);
    await queueAccountMail(trx, ctx, 'passwordChanged', user.email, user.language, {
      name: user.name,
      link: link(ctx, user.language, '/password/forgot'),
    });
    return true;
  });
  if (!done) return { ok: false, expired: true, errors: {} };
  ctx.mail.wake();
  return { ok: true, data: { userId: user.id } };
}
