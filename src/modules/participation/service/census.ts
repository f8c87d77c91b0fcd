import { createHmac } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { audit } from '../../../core/audit.ts';
import { type Actor, isCitizen } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, tooManyAttempts } from '../../../core/http/forms.ts';
import { hasControl } from '../../../core/http/input.ts';
import { hit } from '../../../core/http/throttle.ts';
import type { DataSubject, ModuleContext, PersonalData } from '../../../core/modules.ts';
import { describeScopes } from '../../../core/scopes.ts';
import { displayNames } from '../../accounts/index.ts';
import * as repo from '../repo.ts';

export type Owner = { type: string; id: number };

/** Five tries an hour per person: enough for typos, too few to guess someone's number. */
export const VERIFY_LIMIT = { max: 5, windowMs: 3600_000 };
export const CENSUS_MAX_ROWS = 300_000;
/** The lines of a refused list that its error names; more are counted. */
const SHOWN = 20;

/** An identifier as written on a document, compared without spaces and case: " ab 12 34 " is "AB1234". */
export const normalise = (typed: string) => typed.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
/** Letters, digits and the marks documents use, 4 to 40 of them. */
const IDENTIFIER = /^[\p{L}\p{N}./-]{4,40}$/u;

/**
 * The identifier as it is stored: an HMAC-SHA-256 under the portal's secret, keyed to the owner,
 * so that the table alone reveals no number and the same person's entries of two towns do not match.
 */
export const censusHash = (secret: string, owner: Owner, identifier: string) =>
  createHmac('sha256', censusKey(secret)).update(`${owner.type}:${owner.id}:${identifier}`).digest('hex');

const keys = new Map<string, Buffer>();
/** A key of its own, derived from the portal's secret: the cookies' signatures and the census never share one. */
function censusKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update('municipium census identifiers').digest();
    keys.set(secret, key);
  }
  return key;
}

/** Replaces the owner's census list with the identifiers of a CSV file (the first column); a bad line refuses it all. */
export async function uploadCensus(ctx: ModuleContext, actor: Actor, owner: Owner, file: Buffer | undefined, ip?: string) {
  const error = (key: string, values = {}) => ({ ok: false as const, errors: { file: { key, values } } });
  if (!file?.length) return error('participation.census.error.file');
  let rows: string[][];
  try {
    const content = new TextDecoder('utf-8', { fatal: true }).decode(file);
    rows = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true, to: CENSUS_MAX_ROWS + 2 });
  } catch {
    return error('participation.census.error.file');
  }
  // A first line without a digit names the column.
  const start = rows[0] && !/\d/.test(rows[0][0] ?? '') ? 1 : 0;
  const hashes = new Set<string>();
  const bad: number[] = [];
  for (let i = start; i < rows.length; i++) {
    const identifier = normalise(rows[i]![0] ?? '');
    if (!IDENTIFIER.test(identifier)) bad.push(i + 1);
    else hashes.add(censusHash(ctx.config.secretKey, owner, identifier));
  }
  if (rows.length - start > CENSUS_MAX_ROWS) return error('participation.census.error.rows', { max: CENSUS_MAX_ROWS });
  if (bad.length)
    return error('participation.census.error.lines', { lines: bad.slice(0, SHOWN).join(', '), more: Math.max(0, bad.length - SHOWN) });
  if (!hashes.size) return error('participation.census.error.file');
  await transaction(ctx.database.db, async (trx) => {
    await repo.replaceCensus(trx, owner, [...hashes], actor.id, new Date().toISOString());
    const details = { owner: `${owner.type}:${owner.id}`, entries: hashes.size };
    await audit(trx, actor, { action: 'participation.census.upload', subjectType: owner.type, subjectId: owner.id, details }, ip);
  });
  return { ok: true as const, entries: hashes.size };
}

/** Whether the person verified as a resident of this owner, against its current list. */
export const isVerified = (ctx: ModuleContext, owner: Owner, userId: number) => repo.isVerified(ctx.database.db, owner, userId);

/**
 * Verifies a person against the owner's list. One identifier verifies one account: when another account
 * used it, the attempt goes to the staff's queue, and the person is told what a wrong identifier tells,
 * so that nobody learns from the answer whether a number is on the list.
 */
export async function verify(ctx: ModuleContext, actor: Actor, owner: Owner, typed: unknown): Promise<FormResult<null>> {
  const { db } = ctx.database;
  // An account that could not support could still take a resident's number away from them.
  if (!isCitizen(actor) || actor.blocked) return { ok: false, errors: { identifier: { key: 'participation.census.error.account' } } };
  const raw = typeof typed === 'string' ? typed : '';
  if (!raw.trim()) return { ok: false, errors: { identifier: { key: 'form.error.required' } } };
  if (raw.length > 100 || hasControl(raw) || !IDENTIFIER.test(normalise(raw)))
    return { ok: false, errors: { identifier: { key: 'participation.census.error.identifier' } } };
  const limit = await hit(db, `census:${actor.id}`, VERIFY_LIMIT);
  if (!limit.allowed) return tooManyAttempts(limit.retryAfter);
  if (await repo.isVerified(db, owner, actor.id)) return { ok: true, data: null };
  const hash = censusHash(ctx.config.secretKey, owner, normalise(raw));
  const failed: FormResult<null> = { ok: false, errors: { identifier: { key: 'participation.census.error.notVerified' } } };
  if (!(await repo.onCensus(db, owner, hash))) return failed;
  const at = new Date().toISOString();
  const done = await transaction(db, async (trx) => {
    // A verification against an identifier the list no longer holds gives way to this one.
    await repo.deleteVerificationsOf(trx, owner, actor.id);
    if (await repo.insertVerification(trx, owner, hash, actor.id, at)) return true;
    await repo.insertClash(trx, owner, hash, actor.id, at);
    return false;
  });
  return done ? { ok: true, data: null } : failed;
}

/** The open clashes of an owner, with the names of the account holding the identifier and the one asking for it. */
export async function clashesOf(ctx: ModuleContext, owner: Owner) {
  const rows = await repo.clashesOf(ctx.database.db, owner);
  const names = await displayNames(
    ctx.database.db,
    rows.flatMap((r) => [r.claimant, ...(r.holder === null ? [] : [r.holder])]),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    holder: r.holder === null ? undefined : (names.get(r.holder) ?? null),
    claimant: names.get(r.claimant) ?? null,
  }));
}

/** Staff resolve a clash by keeping one account: the holder keeps the identifier, or it moves to the claimant. */
export async function resolveClash(ctx: ModuleContext, actor: Actor, owner: Owner, id: number, keep: 'holder' | 'claimant', ip?: string) {
  const clash = (await repo.clashesOf(ctx.database.db, owner)).find((c) => c.id === id);
  if (!clash) return false;
  await transaction(ctx.database.db, async (trx) => {
    if (keep === 'claimant') {
      const at = new Date().toISOString();
      await repo.deleteVerificationsOf(trx, owner, clash.claimant);
      const held = await repo.verificationByHash(trx, owner, clash.hash);
      if (held) await repo.moveVerification(trx, held.id, clash.claimant, at);
      else await repo.insertVerification(trx, owner, clash.hash, clash.claimant, at);
    }
    await repo.deleteClash(trx, id);
    const details = { owner: `${owner.type}:${owner.id}`, kept: keep === 'claimant' ? clash.claimant : clash.holder };
    await audit(trx, actor, { action: 'participation.census.resolve', subjectType: owner.type, subjectId: owner.id, details }, ip);
  });
  return true;
}

/** The owner's list: how many identifiers and when it was uploaded; never the identifiers. */
export const censusListOf = (ctx: ModuleContext, owner: Owner) => repo.censusListOf(ctx.database.db, owner);

/**
 * A person's census data. The download says where they verified as a resident. Erasing the account
 * drops their pending clashes but keeps the identifier used: the account stays as a deleted one with
 * its supports, so freeing the number would let the same person count twice. Staff can still give
 * the number to the person's new account through the clash queue.
 */
export const censusData: PersonalData = {
  export: async (person: DataSubject, ctx: ModuleContext) => {
    const rows = await repo.verificationsOfUser(ctx.database.db, person.userId);
    const owners = await describeScopes(
      ctx,
      rows.map((r) => ({ type: r.owner_type, id: r.owner_id })),
    );
    return {
      census: rows.map((r) => ({
        verifiedAsResidentOf: owners.get(`${r.owner_type}:${r.owner_id}`)?.name ?? `${r.owner_type} ${r.owner_id}`,
        verifiedAt: r.verified_at,
      })),
    };
  },
  erase: async (person: DataSubject, ctx: ModuleContext) => {
    await repo.deleteClashesBy(ctx.database.db, person.userId);
  },
};
