import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import type { Actor } from '../../../core/authz.ts';
import { EU_COUNTRIES } from '../../../core/countries.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { dateField, text, today } from '../../../core/http/input.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { foldText } from '../../../core/search/normalize.ts';
import { scopeContacts } from '../../accounts/index.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import { upcomingCallChoices } from '../../projects/index.ts';
import * as repo from '../repo.ts';
import { PARTNER_SIZES, type PartnerCall } from '../schema.ts';

export const CALL_LIMITS = { title: 150, description: 5000, programme: 150, message: 3000 } as const;
const list = <T extends string>(allowed: readonly T[]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((v) => v.every((x) => allowed.includes(x as T)), 'form.error.choose')
    .transform((v) => [...new Set(v)] as T[]);

export const callInput = z.object({
  town: z.coerce.number({ error: 'form.error.choose' }).int('form.error.choose').min(1, 'form.error.choose'),
  title: text().trim().min(1, 'form.error.required').max(CALL_LIMITS.title, 'form.error.tooLong'),
  description: text().trim().min(1, 'form.error.required').max(CALL_LIMITS.description, 'form.error.tooLong'),
  areas: list(POLICY_AREAS),
  countries: list(EU_COUNTRIES),
  size: z.enum(PARTNER_SIZES, { error: 'form.error.choose' }),
  programme: text().trim().max(CALL_LIMITS.programme, 'form.error.tooLong').optional().default(''),
  funding_call: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'form.error.choose' })
      .int('form.error.choose')
      .min(1, 'form.error.choose')
      .optional()
      .transform((v) => v ?? null),
  ),
  deadline: dateField('twinning.error.deadline', () => ({ min: today(), max: `${new Date().getUTCFullYear() + 1}-12-31` })),
});

const answerInput = z.object({
  message: text().trim().min(1, 'form.error.required').max(CALL_LIMITS.message, 'form.error.tooLong'),
});

/** Posts a call in the name of a town the actor works for (the route checks). */
export async function postCall(ctx: ModuleContext, actor: Actor, lang: string, body: unknown): Promise<FormResult<{ id: number }>> {
  const parsed = validateForm(callInput, body, CALL_LIMITS);
  if (!parsed.ok) return parsed;
  const c = parsed.data;
  // Only a call still to close may be named: the select offers those, a forged id is refused.
  if (c.funding_call !== null && !(await upcomingCallChoices(ctx, lang)).some((f) => f.id === c.funding_call))
    return { ok: false, errors: { funding_call: { key: 'form.error.choose' } } };
  const id = await repo.insertCall(ctx.database.db, {
    town_id: c.town,
    title: c.title,
    description: c.description,
    areas: c.areas.join(','),
    countries: c.countries.join(','),
    size: c.size,
    programme: c.programme,
    funding_call_id: c.funding_call,
    deadline: c.deadline,
    language: lang,
    search_text: foldText(`${c.title} ${c.description} ${c.programme}`),
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  return { ok: true, data: { id } };
}

/**
 * Answers a call: kept for the poster's staff and mailed to them with the author's name, town and
 * address (the form says so), never the poster's address to the author. Closed calls take none.
 */
export async function answerCall(
  ctx: ModuleContext,
  actor: Actor,
  call: PartnerCall,
  town: number | null,
  body: unknown,
): Promise<FormResult<{ id: number }>> {
  const parsed = validateForm(answerInput, body, CALL_LIMITS);
  if (!parsed.ok) return parsed;
  if (call.deadline < today()) return { ok: false, errors: { message: { key: 'twinning.error.closed' } } };
  const { db } = ctx.database;
  const [staff, towns] = await Promise.all([
    scopeContacts(db, rolesOf('municipality'), call.town_id),
    municipalitiesByIds(db, town ? [town] : []),
  ]);
  const from = town && towns.get(town) ? `${actor.name}, ${towns.get(town)!.name}` : actor.name;
  const id = await transaction(db, async (trx) => {
    const created = await repo.insertAnswer(trx, {
      call_id: call.id,
      author_id: actor.id,
      town_id: town,
      message: parsed.data.message,
      created_at: new Date().toISOString(),
    });
    for (const person of staff) {
      const lang = isLanguage(person.language) ? person.language : 'en';
      await queueTranslatedMail(trx, ctx, 'twinning.mail.answer', person.email, lang, {
        name: person.name,
        title: call.title,
        from,
        email: actor.email,
        message: parsed.data.message,
        link: portalLink(ctx, lang, `/partner-search/${call.id}`),
      });
    }
    return created;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

export const isOpen = (call: PartnerCall) => call.deadline >= today();
