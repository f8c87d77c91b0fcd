import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text, urlField } from '../../../core/http/input.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { audit } from '../../../core/audit.ts';
import { grantRole } from '../../accounts/index.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import type { Municipality } from '../schema.ts';
import { profilePath } from '../views/common.tsx';

export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** The host part of a web address, without "www.": "https://www.plovdiv.bg/x" → "plovdiv.bg". */
export function domainOf(website: string | null | undefined): string | undefined {
  if (!website) return undefined;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Whether an address is on the domain or one of its subdomains. */
export function emailOnDomain(email: string, domain: string): boolean {
  const host = email.split('@')[1]?.toLowerCase() ?? '';
  return host === domain || host.endsWith(`.${domain}`);
}

const claimInput = z.object({
  job_title: text().trim().min(1, 'form.error.required').max(120, 'form.error.tooLong'),
  official_email: text().trim().toLowerCase().min(1, 'form.error.required').max(254, 'form.error.tooLong').pipe(z.email('form.error.email')),
  website: urlField(),
});

const LIMITS = { job_title: 120, official_email: 254, website: 300 };

/**
 * A person working for a municipality claims its profile: their address on the municipality's
 * domain gets a link; once confirmed, platform admins review the claim.
 */
export async function submitClaim(ctx: ModuleContext, actor: Actor, m: Municipality, body: unknown, lang: string): Promise<FormResult<{ id: number }>> {
  const { db } = ctx.database;
  const form = validateForm(claimInput, body, LIMITS);
  if (!form.ok) return form;
  const { job_title, official_email, website } = form.data;
  const domain = domainOf(m.website) ?? domainOf(website);
  if (!domain) return { ok: false, errors: { website: { key: 'municipalities.claim.error.websiteNeeded' } } };
  if (!emailOnDomain(official_email, domain)) return { ok: false, errors: { official_email: { key: 'municipalities.claim.error.domain', values: { domain } } } };
  if (!m.website && (await websiteTakenElsewhere(db, domain, m.id))) {
    return { ok: false, errors: { website: { key: 'municipalities.claim.error.otherTown' } } };
  }
  const open = await db.selectFrom('municipality_claims').select('id').where('municipality_id', '=', m.id).where('user_id', '=', actor.id)
    .where('status', 'in', ['email_pending', 'review']).executeTakeFirst();
  if (open) return { ok: false, errors: { form: { key: 'municipalities.claim.error.open' } } };
  const evidence = (body as { evidence?: unknown } | undefined)?.evidence;
  let evidenceFile: string | null = null;
  if (Buffer.isBuffer(evidence) && evidence.length > 0) {
    const type = await fileTypeFromBuffer(evidence);
    if (!type || !EVIDENCE_TYPES.includes(type.mime)) return { ok: false, errors: { evidence: { key: 'municipalities.claim.error.evidenceType' } } };
    evidenceFile = `${randomBytes(16).toString('hex')}.${type.ext}`;
    const dir = join(ctx.config.dataDir, 'uploads', 'claims');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, evidenceFile), evidence, { mode: 0o600 });
  }
  const { token, hash } = newToken();
  const id = await transaction(db, async (trx) => {
    const row = await trx.insertInto('municipality_claims').values({
      municipality_id: m.id, user_id: actor.id, job_title, official_email, language: lang, website: m.website ? null : website || null,
      evidence_file: evidenceFile, token_hash: hash, status: 'email_pending', reason: null, reviewed_by: null, reviewed_at: null,
      created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimConfirm', official_email, lang, {
      name: actor.name, municipality: m.name, link: portalLink(ctx, lang, `/claims/confirm/${token}`),
    });
    return row.id;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

async function websiteTakenElsewhere(db: Kysely<Tables>, domain: string, exceptId: number): Promise<boolean> {
  const rows = await db.selectFrom('municipalities').select(['id', 'website']).where('website', 'is not', null)
    .where('website', 'like', `%${domain}%`).where('id', '!=', exceptId).limit(20).execute();
  return rows.some((r) => domainOf(r.website) === domain);
}

/** The official address is confirmed: the claim goes to review. Single use. */
export async function confirmClaimEmail(ctx: ModuleContext, token: string): Promise<boolean> {
  const r = await ctx.database.db.updateTable('municipality_claims').set({ status: 'review', token_hash: null })
    .where('token_hash', '=', hashToken(token)).where('status', '=', 'email_pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function claimsInReview(db: Kysely<Tables>) {
  return db.selectFrom('municipality_claims')
    .innerJoin('municipalities', 'municipalities.id', 'municipality_claims.municipality_id')
    .innerJoin('users', 'users.id', 'municipality_claims.user_id')
    .select(['municipality_claims.id', 'municipality_claims.job_title', 'municipality_claims.official_email', 'municipality_claims.website',
      'municipality_claims.evidence_file', 'municipality_claims.created_at', 'municipalities.name as municipality', 'municipalities.country',
      'municipalities.slug', 'municipalities.website as known_website', 'users.name as claimant'])
    .where('municipality_claims.status', '=', 'review').orderBy('municipality_claims.id').execute();
}

export function findClaim(db: Kysely<Tables>, id: number) {
  return db.selectFrom('municipality_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ReviewOutcome = 'done' | 'notFound' | 'reasonNeeded';

/** Approves a claim: the claimant becomes the municipality's admin and the municipality has joined. */
export async function approveClaim(ctx: ModuleContext, admin: Actor, id: number, ip: string): Promise<ReviewOutcome> {
  const { db } = ctx.database;
  const claim = await findClaim(db, id);
  if (!claim || claim.status !== 'review') return 'notFound';
  await transaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx.updateTable('municipality_claims').set({ status: 'approved', reviewed_by: admin.id, reviewed_at: now }).where('id', '=', id).execute();
    const m = await trx.selectFrom('municipalities').select(['id', 'name', 'country', 'slug', 'website', 'joined_at']).where('id', '=', claim.municipality_id).executeTakeFirstOrThrow();
    await trx.updateTable('municipalities').set({ joined_at: m.joined_at ?? now, join_rank: 1, website: m.website ?? claim.website, updated_at: now })
      .where('id', '=', m.id).execute();
    await grantRole(trx, claim.user_id, 'municipality_admin', m.id, admin.id);
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimApproved', claim.official_email, claim.language, {
      municipality: m.name, link: portalLink(ctx, claim.language, profilePath(m)),
    });
    await audit(trx, admin, { action: 'municipality.claim.approve', subjectType: 'municipality', subjectId: m.id, details: { claim: id, user: claim.user_id } }, ip);
  });
  ctx.mail.wake();
  return 'done';
}

/** Refuses a claim with a reason the claimant is told. */
export async function refuseClaim(ctx: ModuleContext, admin: Actor, id: number, reason: unknown, ip: string): Promise<ReviewOutcome> {
  const { db } = ctx.database;
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text || text.length > 1000) return 'reasonNeeded';
  const claim = await findClaim(db, id);
  if (!claim || claim.status !== 'review') return 'notFound';
  await transaction(db, async (trx) => {
    await trx.updateTable('municipality_claims').set({ status: 'refused', reason: text, reviewed_by: admin.id, reviewed_at: new Date().toISOString() }).where('id', '=', id).execute();
    const m = await trx.selectFrom('municipalities').select('name').where('id', '=', claim.municipality_id).executeTakeFirstOrThrow();
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimRefused', claim.official_email, claim.language, { municipality: m.name, reason: text });
    await audit(trx, admin, { action: 'municipality.claim.refuse', subjectType: 'municipality', subjectId: claim.municipality_id, details: { claim: id, reason: text } }, ip);
  });
  ctx.mail.wake();
  return 'done';
}
