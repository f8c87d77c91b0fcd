import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { countryName } from '../../../core/countries.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { nameKey, slugify } from '../../../core/search/normalize.ts';
import { displayNames, mailContact } from '../../accounts/index.ts';
import {
  bySource,
  findProposal,
  insertProposal,
  listedByNameKey,
  proposalRowsInReview,
  updateMunicipality,
  updateProposal,
} from '../repo.ts';
import { PROPOSAL_LIMITS, proposalInput } from '../schema.ts';
import { profilePath } from '../views/common.tsx';
import { importRecords } from './import.ts';
import { tellReviewers } from './reviewers.ts';

/** Anyone signed in may propose a place that is missing; platform admins decide. */
export async function proposeMunicipality(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<{ id: number }>> {
  const { db } = ctx.database;
  const form = validateForm(proposalInput, body, PROPOSAL_LIMITS);
  if (!form.ok) return form;
  const p = form.data;
  const listed = await listedByNameKey(db, p.country, nameKey(p.name));
  if (listed) return { ok: false, errors: { name: { key: 'municipalities.propose.error.listed' } } };
  const row = await transaction(db, async (trx) => {
    const inserted = await insertProposal(trx, {
      user_id: actor.id,
      country: p.country,
      name: p.name,
      native_name: p.native_name || null,
      region: p.region || null,
      population: p.population ? Number(p.population) : null,
      website: p.website || null,
      note: p.note || null,
      status: 'review',
      reason: null,
      municipality_id: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: new Date().toISOString(),
    });
    await tellReviewers(trx, ctx, 'municipalities.mail.proposalToReview', { municipality: p.name }, (lang) => ({
      country: countryName(p.country, lang),
    }));
    return inserted;
  });
  ctx.mail.wake();
  return { ok: true, data: { id: row.id } };
}

export async function proposalsInReview(db: Kysely<Tables>) {
  const rows = await proposalRowsInReview(db);
  const names = await displayNames(
    db,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => ({ ...r, proposer: names.get(r.user_id) ?? null }));
}

type Proposal = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** A proposed place waiting for review, by its id; undefined when none is (or it was decided already). */
export async function proposalInReview(ctx: ModuleContext, id: number): Promise<Proposal | undefined> {
  const proposal = await findProposal(ctx.database.db, id);
  return proposal?.status === 'review' ? proposal : undefined;
}

/** Adds the proposed place to the directory. */
export async function approveProposal(ctx: ModuleContext, admin: Actor, p: Proposal, ip: string): Promise<void> {
  const { db } = ctx.database;
  await transaction(db, async (trx) => {
    await importRecords(trx, [
      {
        source: `proposal:${p.id}`,
        country: p.country,
        name: p.name,
        nativeName: p.native_name ?? undefined,
        population: p.population ?? 0,
        latitude: null,
        longitude: null,
        regionName: p.region ?? undefined,
        regionCode: p.region ? slugify(p.region) : undefined,
      },
    ]);
    const m = await bySource(trx, `proposal:${p.id}`);
    if (p.website) await updateMunicipality(trx, m.id, { website: p.website });
    const reviewed = { reviewed_by: admin.id, reviewed_at: new Date().toISOString() };
    await updateProposal(trx, p.id, { status: 'approved', municipality_id: m.id, ...reviewed });
    await audit(
      trx,
      admin,
      {
        action: 'municipality.proposal.approve',
        subjectType: 'municipality',
        subjectId: m.id,
        details: { proposal: p.id },
      },
      ip,
    );
    const to = await mailContact(trx, p.user_id);
    if (to) {
      const values = { municipality: p.name, link: portalLink(ctx, to.language, profilePath(m)) };
      await queueTranslatedMail(trx, ctx, 'municipalities.mail.proposalApproved', to.email, to.language, values);
    }
  });
  ctx.mail.wake();
}

/** Refuses a proposed place with a reason the proposer is told. */
export async function refuseProposal(ctx: ModuleContext, admin: Actor, p: Proposal, reason: string, ip: string): Promise<void> {
  await transaction(ctx.database.db, async (trx) => {
    await updateProposal(trx, p.id, {
      status: 'refused',
      reason,
      reviewed_by: admin.id,
      reviewed_at: new Date().toISOString(),
    });
    await audit(trx, admin, { action: 'municipality.proposal.refuse', subjectType: 'proposal', subjectId: p.id, details: { reason } }, ip);
    const to = await mailContact(trx, p.user_id);
    if (to)
      await queueTranslatedMail(trx, ctx, 'municipalities.mail.proposalRefused', to.email, to.language, {
        municipality: p.name,
        reason,
      });
  });
  ctx.mail.wake();
}
