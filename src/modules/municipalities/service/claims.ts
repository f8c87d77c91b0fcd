import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import { keepDocument } from '../../../core/uploads.ts';
import { grantRole } from '../../accounts/index.ts';
import {
  confirmClaimToken,
  findClaim,
  insertClaim,
  joinFieldsOf,
  nameOf,
  openClaimOf,
  updateClaim,
  updateMunicipality,
  websitesLike,
} from '../repo.ts';
import type { Municipality } from '../schema.ts';
import { CLAIM_LIMITS, claimInput } from '../schema.ts';
import { profilePath } from '../views/common.tsx';
import { tellReviewers } from './reviewers.ts';

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

/**
 * A person working for a municipality claims its profile: their address on the municipality's
 * domain gets a link; once confirmed, platform admins review the claim.
 */
export async function submitClaim(
  ctx: ModuleContext,
  actor: Actor,
  m: Municipality,
  body: unknown,
  lang: string,
): Promise<FormResult<{ id: number }>> {
  const { db } = ctx.database;
  const form = validateForm(claimInput, body, CLAIM_LIMITS);
  if (!form.ok) return form;
  const { job_title, official_email, website } = form.data;
  const domain = domainOf(m.website) ?? domainOf(website);
  if (!domain) return { ok: false, errors: { website: { key: 'municipalities.claim.error.websiteNeeded' } } };
  if (!emailOnDomain(official_email, domain))
    return { ok: false, errors: { official_email: { key: 'municipalities.claim.error.domain', values: { domain } } } };
  if (!m.website && (await websiteTakenElsewhere(db, domain, m.id))) {
    return { ok: false, errors: { website: { key: 'municipalities.claim.error.otherTown' } } };
  }
  const open = await openClaimOf(db, m.id, actor.id);
  if (open) return { ok: false, errors: { form: { key: 'municipalities.claim.error.open' } } };
  const evidence = (body as { evidence?: unknown } | undefined)?.evidence;
  let evidenceFile: string | null = null;
  if (Buffer.isBuffer(evidence) && evidence.length > 0) {
    const kept = await keepDocument(ctx.config.dataDir, 'claims', evidence, EVIDENCE_TYPES);
    if ('error' in kept) return { ok: false, errors: { evidence: { key: 'municipalities.claim.error.evidenceType' } } };
    evidenceFile = kept.name;
  }
  const { token, hash } = newToken();
  const id = await transaction(db, async (trx) => {
    const row = await insertClaim(trx, {
      municipality_id: m.id,
      user_id: actor.id,
      job_title,
      official_email,
      language: lang,
      website: m.website ? null : website || null,
      evidence_file: evidenceFile,
      token_hash: hash,
      status: 'email_pending',
      reason: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: new Date().toISOString(),
    });
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimConfirm', official_email, lang, {
      name: actor.name,
      municipality: m.name,
      link: portalLink(ctx, lang, `/claims/confirm/${token}`),
    });
    return row.id;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

async function websiteTakenElsewhere(db: Kysely<Tables>, domain: string, exceptId: number): Promise<boolean> {
  const rows = await websitesLike(db, domain, exceptId);
  return rows.some((r) => domainOf(r.website) === domain);
}

/** The official address is confirmed: the claim goes to review, and the platform admins are told. Single use. */
export async function confirmClaimEmail(ctx: ModuleContext, token: string): Promise<boolean> {
  const confirmed = await transaction(ctx.database.db, async (trx) => {
    const id = await confirmClaimToken(trx, hashToken(token));
    const claim = id === undefined ? undefined : await findClaim(trx, id);
    if (!claim) return false;
    const m = await nameOf(trx, claim.municipality_id);
    await tellReviewers(trx, ctx, 'municipalities.mail.claimToReview', { municipality: m.name, jobTitle: claim.job_title });
    return true;
  });
  if (confirmed) ctx.mail.wake();
  return confirmed;
}

export { claimsInReview, findClaim } from '../repo.ts';

type Claim = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

/** A claim waiting for review, by its id; undefined when none is (or it was decided already). */
export async function claimInReview(ctx: ModuleContext, id: number): Promise<Claim | undefined> {
  const claim = await findClaim(ctx.database.db, id);
  return claim?.status === 'review' ? claim : undefined;
}

/** Approves a claim: the claimant becomes the municipality's admin and the municipality has joined. */
export async function approveClaim(ctx: ModuleContext, admin: Actor, claim: Claim, ip: string): Promise<void> {
  const { db } = ctx.database;
  await transaction(db, async (trx) => {
    const now = new Date().toISOString();
    await updateClaim(trx, claim.id, { status: 'approved', reviewed_by: admin.id, reviewed_at: now });
    const m = await joinFieldsOf(trx, claim.municipality_id);
    const website = m.website ?? claim.website;
    await updateMunicipality(trx, m.id, { joined_at: m.joined_at ?? now, join_rank: 1, website, updated_at: now });
    await grantRole(trx, claim.user_id, 'municipality_admin', m.id, admin.id);
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimApproved', claim.official_email, claim.language, {
      municipality: m.name,
      link: portalLink(ctx, claim.language, profilePath(m)),
    });
    const details = { claim: claim.id, user: claim.user_id };
    await audit(trx, admin, { action: 'municipality.claim.approve', subjectType: 'municipality', subjectId: m.id, details }, ip);
  });
  ctx.mail.wake();
}

/** Refuses a claim with a reason the claimant is told. */
export async function refuseClaim(ctx: ModuleContext, admin: Actor, claim: Claim, reason: string, ip: string): Promise<void> {
  await transaction(ctx.database.db, async (trx) => {
    await updateClaim(trx, claim.id, {
      status: 'refused',
      reason,
      reviewed_by: admin.id,
      reviewed_at: new Date().toISOString(),
    });
    const m = await nameOf(trx, claim.municipality_id);
    await queueTranslatedMail(trx, ctx, 'municipalities.mail.claimRefused', claim.official_email, claim.language, {
      municipality: m.name,
      reason,
    });
    const details = { claim: claim.id, reason };
    await audit(
      trx,
      admin,
      { action: 'municipality.claim.refuse', subjectType: 'municipality', subjectId: claim.municipality_id, details },
      ip,
    );
  });
  ctx.mail.wake();
}
