import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, typedValues, validateForm } from '../../../core/http/forms.ts';
import { parseId, text } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldError, FieldErrors } from '../../../core/views/components.tsx';
import { type MunicipalitySummary, municipalitiesByIds, searchMunicipalities } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { TWINNING_KINDS } from '../schema.ts';
import { sinceYear } from './twinnings.ts';

export const RECORD_LIMITS = { first: 100, second: 100, source: 500 } as const;
/** The form's two towns: each a name typed, and the town chosen when the name finds several. */
export const SIDES = ['first', 'second'] as const;
export type Side = (typeof SIDES)[number];
/** The most towns one typed name offers to choose from. */
const CHOICES = 20;

const FIELDS = ['first', 'second', 'kind', 'since_year', 'source'] as const;

const townName = text().trim().max(RECORD_LIMITS.first, 'form.error.tooLong').optional().default('');

export const recordInput = z.object({
  first: townName,
  second: townName,
  kind: z.enum(TWINNING_KINDS, { error: 'form.error.choose' }),
  since_year: sinceYear,
  source: text('twinning.error.source').trim().min(1, 'twinning.error.source').max(RECORD_LIMITS.source, 'form.error.tooLong'),
});

/** What one side of the form names: its town when there is one, and the towns to choose from when its name found several. */
export interface TownPick {
  town?: MunicipalitySummary | undefined;
  choices: MunicipalitySummary[];
  error?: FieldError;
}

/**
 * The town a side names: the one chosen among those its typed name finds, else the only town of
 * exactly that name, else the only town found. With no name typed, the town of the chosen id
 * (an address like ?with=12 names one so).
 */
export async function pickTown(db: Kysely<Tables>, name: string, chosen: string | undefined): Promise<TownPick> {
  const id = parseId(chosen);
  if (!name) {
    if (!chosen) return { choices: [], error: { key: 'twinning.error.town' } };
    const town = id ? (await municipalitiesByIds(db, [id])).get(id) : undefined;
    return town ? { town, choices: [] } : { choices: [], error: { key: 'twinning.error.unknownTown' } };
  }
  const found = await searchMunicipalities(db, name, CHOICES);
  const exact = found.filter((m) => m.match === 'exact');
  const town = found.find((m) => m.id === id) ?? (exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined);
  const choices = found.length > 1 ? found : [];
  if (town) return { town, choices };
  return { choices, error: { key: found.length ? 'twinning.error.whichTown' : 'twinning.error.noTown', values: { name } } };
}

export type RecordOutcome = FormResult<{ id: number }> & { picks: Record<Side, TownPick> };

/**
 * Records a twinning older than the portal as confirmed, with where it is documented (a platform
 * editor's word stands for both towns'; the route checks who may). Refused for one town twice, or
 * for towns already twinned or with a proposal waiting; an ended or declined one may be recorded anew.
 */
export async function recordTwinning(ctx: ModuleContext, actor: Actor, body: unknown, ip?: string): Promise<RecordOutcome> {
  const { db } = ctx.database;
  const parsed = validateForm(recordInput, body, RECORD_LIMITS);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const typed = typedValues(body, ['first', 'second', 'first_id', 'second_id']);
  const picks = { first: { choices: [] }, second: { choices: [] } } as Record<Side, TownPick>;
  for (const side of SIDES) {
    if (errors[side]) continue;
    picks[side] = await pickTown(db, typed[side]?.trim() ?? '', typed[`${side}_id`]);
    if (picks[side].error) errors[side] = picks[side].error;
  }
  const [a, b] = [picks.first.town, picks.second.town];
  if (a && b && a.id === b.id) errors.second = { key: 'twinning.error.self' };
  else if (a && b) {
    const existing = await repo.between(db, a.id, b.id);
    if (existing && (existing.state === 'proposed' || existing.state === 'confirmed')) errors.second = { key: 'twinning.error.exists' };
  }
  if (!parsed.ok || !a || !b || Object.values(errors).some(Boolean)) {
    // In the form's order, as the summary above it lists them.
    const ordered = Object.fromEntries(FIELDS.flatMap((f) => (errors[f] ? [[f, errors[f]]] : [])));
    return { ok: false, errors: ordered, picks };
  }
  const { kind, since_year, source } = parsed.data;
  const at = new Date().toISOString();
  const id = await transaction(db, async (trx) => {
    const created = await repo.insertTwinning(trx, {
      proposer_id: a.id,
      partner_id: b.id,
      kind,
      since_year,
      state: 'confirmed',
      source,
      ended_on: null,
      created_by: actor.id,
      decided_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    await audit(
      trx,
      actor,
      {
        action: 'twinning.record',
        subjectType: 'twinning',
        subjectId: created,
        details: { towns: [a.id, b.id], kind, since_year, source },
      },
      ip,
    );
    return created;
  });
  return { ok: true, data: { id }, picks };
}
