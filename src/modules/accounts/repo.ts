import type { Kysely } from 'kysely';
import type { Role, ScopeType } from '../../core/authz.ts';
import type { Tables } from '../../core/db/tables.ts';
import type { GrantRow, InvitationRow, SessionRow, TokenPurpose, TokenRow, UserRow } from './schema.ts';

type Db = Kysely<Tables>;
export type User = Omit<UserRow, 'id'> & { id: number };

// Users

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
}

export function findUser(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: Omit<UserRow, 'id' | 'deleted_at'>): Promise<number> {
  return (
    await db
      .insertInto('users')
      .values({ ...user, deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateUser(db: Db, id: number, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export function usersByIds(db: Db, ids: number[]): Promise<Pick<User, 'id' | 'name' | 'email' | 'language' | 'deleted_at'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name', 'email', 'language', 'deleted_at']).where('id', 'in', ids).execute();
}

// Sessions

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, userId: number, except?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

export function sessionsOf(db: Db, userId: number): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
}

export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}

// Tokens for links in mails

export async function insertToken(db: Db, token: Omit<TokenRow, 'id' | 'used_at'>): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({ ...token, used_at: null })
    .execute();
}

export function findUsableToken(
  db: Db,
  hash: string,
  purpose: TokenPurpose,
  now: string,
): Promise<(Omit<TokenRow, 'id'> & { id: number }) | undefined> {
  return db
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a token used; false when another request used it first. */
export async function useToken(db: Db, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteTokensOf(db: Db, userId: number, purpose?: TokenPurpose): Promise<void> {
  let q = db.deleteFrom('account_tokens').where('user_id', '=', userId);
  if (purpose) q = q.where('purpose', '=', purpose);
  await q.execute();
}

// Roles

export function grantsOf(db: Db, userId: number): Promise<Pick<GrantRow, 'role' | 'scope_type' | 'scope_id'>[]> {
  return db.selectFrom('role_grants').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).execute();
}

export function grantsInScope(db: Db, scopeType: ScopeType, scopeId: number) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.user_id', 'role_grants.created_at', 'users.name', 'users.email'])
    .where('role_grants.scope_type', '=', scopeType)
    .where('role_grants.scope_id', '=', scopeId)
    .orderBy('users.name')
    .execute();
}

export async function insertGrant(db: Db, grant: Omit<GrantRow, 'id'>): Promise<void> {
  await db
    .insertInto('role_grants')
    .values(grant)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_type', 'scope_id']).doNothing())
    .execute();
}

export function findGrant(db: Db, id: number) {
  return db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}

export async function deleteGrantsOf(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
}

export async function countRole(db: Db, role: Role): Promise<number> {
  const r = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .where('users.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Invitations

export async function insertInvitation(
  db: Db,
  inv: Omit<InvitationRow, 'id' | 'accepted_at' | 'accepted_by' | 'cancelled_at'>,
): Promise<number> {
  return (
    await db
      .insertInto('invitations')
      .values({ ...inv, accepted_at: null, accepted_by: null, cancelled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function openInvitationsInScope(db: Db, scopeType: ScopeType, scopeId: number, now: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at', 'created_at'])
    .where('scope_type', '=', scopeType)
    .where('scope_id', '=', scopeId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findInvitationByHash(db: Db, hash: string) {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function findInvitation(db: Db, id: number) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function closeInvitation(
  db: Db,
  id: number,
  changes: Pick<Partial<InvitationRow>, 'accepted_at' | 'accepted_by' | 'cancelled_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set(changes)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function invitationsFor(db: Db, email: string) {
  return db
    .selectFrom('invitations')
    .select(['role', 'scope_type', 'scope_id', 'created_at', 'expires_at', 'accepted_at', 'cancelled_at'])
    .where('email', '=', email)
    .execute();
}

export async function deleteInvitationsFor(db: Db, email: string): Promise<void> {
  await db.deleteFrom('invitations').where('email', '=', email).execute();
}

/** Where to mail the people who hold a role: confirmed accounts that were not deleted. */
/** The confirmed people holding any of these roles in one thing of a scope (a town, a network). */
export function contactsInScope(db: Db, roles: readonly Role[], scopeId: number) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.language'])
    .distinct()
    .where('role_grants.role', 'in', [...roles])
    .where('role_grants.scope_id', '=', scopeId)
    .where('users.deleted_at', 'is', null)
    .where('users.email_confirmed_at', 'is not', null)
    .orderBy('users.id')
    .execute();
}

export function contactsWithRole(db: Db, role: Role) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.language'])
    .where('role_grants.role', '=', role)
    .where('users.deleted_at', 'is', null)
    .where('users.email_confirmed_at', 'is not', null)
    .orderBy('users.id')
    .execute();
}
