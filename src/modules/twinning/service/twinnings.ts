import { z } from 'zod';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { dateField, today } from '../../../core/http/input.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { rolesOf } from '../../../core/scopes.ts';
import { scopeContacts } from '../../accounts/index.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { TWINNING_KINDS, type Twinning, type TwinningState } from '../schema.ts';

const thisYear = () => new Date().getUTCFullYear();

/** The year of the agreement, if given: from 1900 to this year. */
export const sinceYear = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 1900 && v <= thisYear()), 'twinning.error.year');

export const proposalInput = z.object({
  town: z.coerce.number({ error: 'form.error.choose' }).int('form.error.choose').min(1, 'form.error.choose'),
  kind: z.enum(TWINNING_KINDS, { error: 'form.error.choose' }),
  since_year: sinceYear,
});

export const endInput = z.object({
  ended_on: dateField('twinning.error.date', () => ({ max: today() })),
});

/** Proposes a twinning of `town` (which the actor works for; the route checks) with `partner`. */
export async function propose(ctx: ModuleContext, actor: Actor, partner: number, body: unknown): Promise<FormResult<{ id: number }>> {
  const parsed = validateForm(proposalInput, body);
  if (!parsed.ok) return parsed;
  const { town, kind, since_year } = parsed.data;
  if (town === partner) return { ok: false, errors: { town: { key: 'twinning.error.self' } } };
  const { db } = ctx.database;
  const existing = await repo.between(db, town, partner);
  if (existing && (existing.state === 'proposed' || existing.state === 'confirmed'))
    return { ok: false, errors: { town: { key: 'twinning.error.exists' } } };
  const at = new Date().toISOString();
  const row = {
    proposer_id: town,
    partner_id: partner,
    kind,
    since_year,
    state: 'proposed' as const,
    source: '',
    ended_on: null,
    created_by: actor.id,
    decided_by: null,
    created_at: at,
    updated_at: at,
  };
  const letters = await lettersFor(ctx, row, 'proposed');
  const id = await transaction(db, async (trx) => {
    const created = await repo.insertTwinning(trx, row);
    for (const l of letters)
      await queueTranslatedMail(trx, ctx, 'twinning.mail.step', l.to, l.lang, { ...l.values, link: l.link(created) });
    return created;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

/** Accepts, declines or ends a twinning if its state allows; false when it does not (or moved meanwhile). */
export async function move(
  ctx: ModuleContext,
  actor: Actor,
  t: Twinning,
  to: 'confirmed' | 'declined' | 'ended',
  endedOn?: string,
): Promise<boolean> {
  const from: TwinningState = to === 'ended' ? 'confirmed' : 'proposed';
  if (t.state !== from) return false;
  const letters = await lettersFor(ctx, t, to);
  const moved = await transaction(ctx.database.db, async (trx) => {
    const changes = { state: to, decided_by: actor.id, updated_at: new Date().toISOString(), ...(endedOn ? { ended_on: endedOn } : {}) };
    if (!(await repo.moveTwinning(trx, t.id, from, changes))) return false;
    for (const l of letters) await queueTranslatedMail(trx, ctx, 'twinning.mail.step', l.to, l.lang, { ...l.values, link: l.link(t.id) });
    return true;
  });
  if (moved) ctx.mail.wake();
  return moved;
}

/** A mail for every member of both towns' staff, each in their language (read before the transaction). */
async function lettersFor(ctx: ModuleContext, t: Pick<Twinning, 'proposer_id' | 'partner_id'>, state: TwinningState) {
  const { db } = ctx.database;
  const [towns, a, b] = await Promise.all([
    municipalitiesByIds(db, [t.proposer_id, t.partner_id]),
    scopeContacts(db, rolesOf('municipality'), t.proposer_id),
    scopeContacts(db, rolesOf('municipality'), t.partner_id),
  ]);
  const seen = new Set<string>();
  return [...a, ...b].flatMap((person) => {
    if (seen.has(person.email)) return [];
    seen.add(person.email);
    const lang = isLanguage(person.language) ? person.language : 'en';
    const t2 = translator(lang);
    return [
      {
        to: person.email,
        lang,
        values: {
          name: person.name,
          proposer: towns.get(t.proposer_id)?.name ?? '',
          partner: towns.get(t.partner_id)?.name ?? '',
          state: t2(`twinning.state.${state}`),
        },
        link: (id: number) => portalLink(ctx, lang, `/twinning/${id}`),
      },
    ];
  });
}
