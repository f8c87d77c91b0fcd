import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor, Role, Scope } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { hit } from '../../../core/http/throttle.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { roleLabelKey, type ScopeThing, scopeOfRole } from '../../../core/scopes.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import { invitableIn } from '../policy.ts';
import {
  closeInvitation,
  countRole,
  deleteGrant,
  findGrant,
  findInvitation,
  findInvitationByHash,
  findUserByEmail,
  grantsInScope,
  insertGrant,
  insertInvitation,
  insertUser,
  openInvitationsInScope,
} from '../repo.ts';
import { inviteInput, LIMITS } from '../schema.ts';
import { scopeLabel } from '../views/scopes.tsx';
import { THROTTLE, TOKEN_TTL_MS } from './limits.ts';
import { link, queueAccountMail } from './mails.ts';
import { hashPassword } from './passwords.ts';
import { issueToken } from './tokens.ts';

const scopeKey = (scope: Scope) => scope.id ?? 0;

export async function team(ctx: ModuleContext, scope: Scope) {
  const { db } = ctx.database;
  return {
    members: await grantsInScope(db, scope.type, scopeKey(scope)),
    invitations: await openInvitationsInScope(db, scope.type, scopeKey(scope), new Date().toISOString()),
  };
}

/** Gives a role; used by invitations, by `municipium create-admin` and by other modules' flows. */
export async function grantRole(
  db: Kysely<Tables>,
  userId: number,
  role: Role,
  scopeId: number | null,
  grantedBy: number | null,
): Promise<void> {
  const scopeType = scopeOfRole(role);
  if (!scopeType) throw new Error(`No scope declares the role ${role}`);
  await insertGrant(db, {
    user_id: userId,
    role,
    scope_type: scopeType,
    scope_id: scopeId ?? 0,
    granted_by: grantedBy,
    created_at: new Date().toISOString(),
  });
}

/** Invites a person by email into a role of the scope (named in the mail by its thing); the link expires. */
export async function invite(
  ctx: ModuleContext,
  actor: Actor,
  scope: Scope & { thing?: ScopeThing },
  body: unknown,
  lang: string,
  ip: string,
): Promise<FormResult<{ email: string }>> {
  const { db } = ctx.database;
  const form = validateForm(inviteInput, body, { email: LIMITS.email });
  if (!form.ok) return form;
  const { email, role } = form.data;
  if (!invitableIn(scope.type).includes(role)) return { ok: false, errors: { role: { key: 'form.error.choose' } } };
  const existing = await findUserByEmail(db, email);
  const members = await grantsInScope(db, scope.type, scopeKey(scope));
  if (existing && members.some((m) => m.user_id === existing.id && m.role === role)) {
    return { ok: false, errors: { email: { key: 'accounts.error.alreadyMember' } } };
  }
  const limited = await hit(db, `invite:${actor.id}`, THROTTLE.invitationsPerActor);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  const { token, hash } = newToken();
  const now = Date.now();
  const language = existing?.language ?? lang;
  const t = translator(isLanguage(language) ? language : 'en');
  await transaction(db, async (trx) => {
    const id = await insertInvitation(trx, {
      email,
      role,
      scope_type: scope.type,
      scope_id: scopeKey(scope),
      token_hash: hash,
      invited_by: actor.id,
      expires_at: new Date(now + TOKEN_TTL_MS.invitation).toISOString(),
      created_at: new Date(now).toISOString(),
    });
    await queueAccountMail(trx, ctx, 'invitation', email, language, {
      inviter: actor.name,
      role: t(roleLabelKey(role)),
      scope: scopeLabel(t, scope, scope.thing?.name),
      link: link(ctx, language, `/invitations/${token}`),
    });
    await audit(
      trx,
      actor,
      { action: 'role.invite', subjectType: scope.type, subjectId: scope.id, details: { invitation: id, email, role } },
      ip,
    );
  });
  ctx.mail.wake();
  return { ok: true, data: { email } };
}

export type RevokeResult = 'done' | 'lastAdmin';

/** A role held in this scope, by its id; undefined when the id names one of another scope. */
export async function grantIn(ctx: ModuleContext, scope: Scope, grantId: number) {
  const grant = await findGrant(ctx.database.db, grantId);
  return grant && grant.scope_type === scope.type && grant.scope_id === scopeKey(scope) ? grant : undefined;
}

type Grant = NonNullable<Awaited<ReturnType<typeof grantIn>>>;

/** Removes a role from a person of this scope; the last platform admin cannot be removed. */
export async function revokeGrant(ctx: ModuleContext, actor: Actor, scope: Scope, grant: Grant, ip: string): Promise<RevokeResult> {
  const { db } = ctx.database;
  if (grant.role === 'platform_admin' && (await countRole(db, 'platform_admin')) <= 1) return 'lastAdmin';
  await transaction(db, async (trx) => {
    await deleteGrant(trx, grant.id);
    await audit(
      trx,
      actor,
      {
        action: 'role.revoke',
        subjectType: scope.type,
        subjectId: scope.id,
        details: { user: grant.user_id, role: grant.role },
      },
      ip,
    );
  });
  return 'done';
}

/** An invitation sent for this scope, by its id; undefined when the id names one of another scope. */
export async function invitationIn(ctx: ModuleContext, scope: Scope, invitationId: number) {
  const inv = await findInvitation(ctx.database.db, invitationId);
  return inv && inv.scope_type === scope.type && inv.scope_id === scopeKey(scope) ? inv : undefined;
}

type Invitation = NonNullable<Awaited<ReturnType<typeof invitationIn>>>;

/** Cancels an open invitation; false when it was already accepted, cancelled or expired. */
export async function cancelInvitation(ctx: ModuleContext, actor: Actor, scope: Scope, inv: Invitation, ip: string): Promise<boolean> {
  return transaction(ctx.database.db, async (trx) => {
    if (!(await closeInvitation(trx, inv.id, { cancelled_at: new Date().toISOString() }))) return false;
    await audit(
      trx,
      actor,
      {
        action: 'role.invitation.cancel',
        subjectType: scope.type,
        subjectId: scope.id,
        details: { invitation: inv.id, email: inv.email },
      },
      ip,
    );
    return true;
  });
}

export type InvitationState = 'open' | 'expired' | 'closed';

export async function invitationByToken(ctx: ModuleContext, token: string) {
  const inv = await findInvitationByHash(ctx.database.db, hashToken(token));
  if (!inv) return undefined;
  const state: InvitationState =
    inv.accepted_at || inv.cancelled_at ? 'closed' : Date.parse(inv.expires_at) <= Date.now() ? 'expired' : 'open';
  return {
    ...inv,
    state,
    scope: { type: inv.scope_type, id: inv.scope_type === 'platform' ? null : inv.scope_id } as Scope,
  };
}

/** Accepts an open invitation for the signed-in person whose address it was sent to. */
export async function acceptInvitation(ctx: ModuleContext, actor: Actor, token: string, ip: string): Promise<boolean> {
  const inv = await invitationByToken(ctx, token);
  if (inv?.state !== 'open' || inv.email !== actor.email) return false;
  return transaction(ctx.database.db, async (trx) => {
    if (!(await closeInvitation(trx, inv.id, { accepted_at: new Date().toISOString(), accepted_by: actor.id }))) return false;
    await grantRole(trx, actor.id, inv.role, inv.scope.id, inv.invited_by);
    await audit(
      trx,
      actor,
      {
        action: 'role.accept',
        subjectType: inv.scope_type,
        subjectId: inv.scope.id,
        details: { invitation: inv.id, role: inv.role },
      },
      ip,
    );
    return true;
  });
}

/**
 * Makes a person platform admin, creating a confirmed account when there is none. A new account
 * gets a password-setting link instead of a password.
 */
export async function createAdmin(
  ctx: ModuleContext,
  email: string,
  name: string,
): Promise<{ created: boolean; setPasswordLink?: string }> {
  const { db } = ctx.database;
  const address = email.trim().toLowerCase();
  return transaction(db, async (trx) => {
    const now = new Date();
    const existing = await findUserByEmail(trx, address);
    let userId = existing?.id;
    let setPasswordLink: string | undefined;
    if (!userId) {
      userId = await insertUser(trx, {
        name,
        email: address,
        password_hash: await hashPassword(randomBytes(32).toString('base64url')),
        language: 'en',
        email_confirmed_at: now.toISOString(),
        terms_accepted_at: null,
        terms_version: null,
        created_at: now.toISOString(),
      });
      // The first admin's link to set a password lasts as long as an invitation.
      const token = await issueToken(trx, userId, 'reset_password', { ttl: TOKEN_TTL_MS.invitation });
      setPasswordLink = link(ctx, 'en', `/password/reset/${token}`);
    }
    await grantRole(trx, userId, 'platform_admin', null, null);
    await audit(trx, null, {
      action: 'admin.create',
      subjectType: 'user',
      subjectId: userId,
      details: { email: address, via: 'cli' },
    });
    return { created: !existing, ...(setPasswordLink ? { setPasswordLink } : {}) };
  });
}

export async function hasPlatformAdmin(ctx: ModuleContext): Promise<boolean> {
  return (await countRole(ctx.database.db, 'platform_admin')) > 0;
}
