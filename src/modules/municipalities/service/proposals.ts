import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { text, urlField } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { nameKey, slugify } from '../../../core/search/normalize.ts';
import { audit } from '../../../core/audit.ts';
import { displayNames, mailContact } from '../../accounts/index.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import { isCountry } from '../../../core/countries.ts';
import { importRecords } from './import.ts';
import type { ReviewOutcome } from './claims.ts';
import { forgetSummaries } from './directory.ts';
import { profilePath } from '../views/common.tsx';
import {
  bySource, findProposal, insertProposal, listedByNameKey, proposalForRefusal, proposalRowsInReview, updateMunicipality, updateProposal,
} from '../repo.ts';

const proposalInput = z.object({
  country: z.string({ error: 'form.error.choose' }).transform((c) => c.toUpperCase()).refine(isCountry, 'form.error.choose'),
  name: text().trim().min(1, 'form.error.required').max(200, 'form.error.tooLong'),
  native_name: text().trim().max(200, 'form.error.tooLong').optional().default(''),
  region: text().trim().max(200, 'form.error.tooLong').optional().default(''),
  population: text().trim().refine((v) => v === '' || /^\d{1,9}$/.test(v), 'municipalities.edit.error.population').optional().default(''),
  website: urlField(),
  note: text().trim().max(2000, 'form.error.tooLong').optional().default(''),
});
const LIMITS = { name: 200, native_name: 200, region: 200, website: 300, note: 2000 };

/** Anyone signed in may propose a place that is missing; platform admins decide. */
export async function proposeMunicipality(ctx: ModuleContext, actor: Actor, body: unknown): Promise<FormResult<{ id: number }>> {
  const { db } = ctx.database;
  const form = validateForm(proposalInput, body, LIMITS);
  if (!form.ok) return form;
  const p = form.data;
  const listed = await listedByNameKey(db, p.country, nameKey(p.name));
  if (listed) return { ok: false, errors: { name: { key: 'municipalities.propose.error.listed' } } };
  const row = await insertProposal(db, {
    user_id: actor.id, country: p.country, name: p.name, native_name: p.native_name || null, region: p.region || null,
    population: p.population ? Number(p.population) : null, website: p.website || null, note: p.note || null, status: 'review',
    reason: null, municipality_id: null, reviewed_by: null, reviewed_at: null, created_at: new Date().toISOString(),
  });
  return { ok: true, data: { id: row.id } };
}

export async function proposalsInReview(db: Kysely<Tables>) {
  const rows = await proposalRowsInReview(db);
  const names = await displayNames(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({ ...r, proposer: names.get(r.user_id) ?? null }));
}

/** Adds the proposed place to the directory. */
export async function approveProposal(ctx: ModuleContext, admin: Actor, id: number, ip: string): Promise<ReviewOutcome> {
  const { db } = ctx.database;
  const p = await findProposal(db, id);
  if (!p || p.status !== 'review') return 'notFound';
  await transaction(db, async (trx) => {
    await importRecords(trx, [{
      source: `proposal:${p.id}`, country: p.country, name: p.name, nativeName: p.native_name ?? undefined, population: p.population ?? 0,
      latitude: null, longitude: null, regionName: p.region ?? undefined, regionCode: p.region ? slugify(p.region) : undefined,
    }]);
    const m = await bySource(trx, `proposal:${p.id}`);
    if (p.website) await updateMunicipality(trx, m.id, { website: p.website });
    const reviewed = { reviewed_by: admin.id, reviewed_at: new Date().toISOString() };
    await updateProposal(trx, id, { status: 'approved', municipality_id: m.id, ...reviewed });
    await audit(trx, admin, { action: 'municipality.proposal.approve', subjectType: 'municipality', subjectId: m.id, details: { proposal: id } }, ip);
    const to = await mailContact(trx, p.user_id);
    if (to) await queueTranslatedMail(trx, ctx, 'municipalities.mail.proposalApproved', to.email, to.language, { municipality: p.name, link: portalLink(ctx, to.language, profilePath(m)) });
  });
  forgetSummaries(db);
  ctx.mail.wake();
  return 'done';
}

export async function refuseProposal(ctx: ModuleContext, admin: Actor, id: number, reason: unknown, ip: string): Promise<ReviewOutcome> {
  const { db } = ctx.database;
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text || text.length > 1000) return 'reasonNeeded';
  const p = await proposalForRefusal(db, id);
  if (!p || p.status !== 'review') return 'notFound';
  await transaction(db, async (trx) => {
    await updateProposal(trx, id, { status: 'refused', reason: text, reviewed_by: admin.id, reviewed_at: new Date().toISOString() });
    await audit(trx, admin, { action: 'municipality.proposal.refuse', subjectType: 'proposal', subjectId: id, details: { reason: text } }, ip);
    const to = await mailContact(trx, p.user_id);
    if (to) await queueTranslatedMail(trx, ctx, 'municipalities.mail.proposalRefused', to.email, to.language, { municipality: p.name, reason: text });
  });
  ctx.mail.wake();
  return 'done';
}
