import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';
import type { FieldError } from '../../../core/views/components.tsx';

export const MIN_PASSWORD_LENGTH = 10;

// OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const strength = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Why a new password is refused, as a message for the form; undefined when it is good enough. */
export function passwordProblem(password: string, person: { email?: string; name?: string }): FieldError | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return { key: 'accounts.password.tooShort', values: { min: MIN_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  const email = person.email?.toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  if (email && (lower.includes(email) || (local.length >= 4 && lower.includes(local)))) return { key: 'accounts.password.containsEmail' };
  const userInputs = [email, local, ...(person.name ?? '').toLowerCase().split(/\s+/), 'municipium'].filter((w) => w.length >= 3);
  if (strength.check(password, userInputs).score < 3) return { key: 'accounts.password.tooCommon' };
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password. Without a hash (no such account) it still does the work of one check, so
 * that the answer takes as long whether or not the account exists.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
