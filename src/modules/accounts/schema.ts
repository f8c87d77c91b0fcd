import type { Generated } from 'kysely';
import { z } from 'zod';
import type { Role, ScopeType } from '../../core/authz.ts';
import { text } from '../../core/http/input.ts';

export interface UserRow {
  id: Generated<number>;
  name: string;
  email: string;
  password_hash: string | null;
  language: string;
  email_confirmed_at: string | null;
  terms_accepted_at: string | null;
  /** The version (the date) of the terms of use accepted at terms_accepted_at. */
  terms_version: string | null;
  created_at: string;
  deleted_at: string | null;
  /** When moderation blocked the account (it reads, writes nothing people see), and why; none when not blocked. */
  blocked_at?: string | null;
  blocked_reason?: string | null;
}

export interface SessionRow {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type TokenPurpose = 'confirm_email' | 'reset_password' | 'change_email';

export interface TokenRow {
  id: Generated<number>;
  user_id: number;
  purpose: TokenPurpose;
  token_hash: string;
  payload: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface GrantRow {
  id: Generated<number>;
  user_id: number;
  role: Role;
  scope_type: ScopeType;
  scope_id: number;
  granted_by: number | null;
  created_at: string;
}

export interface InvitationRow {
  id: Generated<number>;
  email: string;
  role: Role;
  scope_type: ScopeType;
  scope_id: number;
  token_hash: string;
  invited_by: number | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: number | null;
  cancelled_at: string | null;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    users: UserRow;
    sessions: SessionRow;
    account_tokens: TokenRow;
    role_grants: GrantRow;
    invitations: InvitationRow;
  }
}

export const LIMITS = { name: 120, email: 254, password: 200 } as const;

/** The length limits of the account forms' fields, for their "too long" messages. */
export const FIELD_LIMITS = { name: LIMITS.name, email: LIMITS.email, password: LIMITS.password, current_password: LIMITS.password };

// Error messages are message keys; forms translate them.
const required = (max: number) => text().trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
export const emailField = required(LIMITS.email).toLowerCase().pipe(z.email('form.error.email'));
const passwordField = z.string({ error: 'form.error.required' }).min(1, 'form.error.required').max(LIMITS.password, 'form.error.tooLong');

export const signUpInput = z.object({
  name: required(LIMITS.name),
  email: emailField,
  password: passwordField,
  terms: z.literal('yes', { error: 'accounts.error.terms' }),
});

export const signInInput = z.object({ email: emailField, password: passwordField });
export const emailInput = z.object({ email: emailField });
export const newPasswordInput = z.object({ password: passwordField });
export const changePasswordInput = z.object({ current_password: passwordField, password: passwordField });
export const changeEmailInput = z.object({ email: emailField, current_password: passwordField });
export const passwordOnlyInput = z.object({ current_password: passwordField });
export const profileInput = z.object({ name: required(LIMITS.name) });

export const inviteInput = z.object({
  email: emailField,
  role: z.string({ error: 'form.error.choose' }).max(60, 'form.error.choose'),
});
