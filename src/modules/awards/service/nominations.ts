import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import { writeAllowed } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityById, searchMunicipalities } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { type Category, type Edition, type Nomination, phaseOf } from '../schema.ts';
import { MATERIAL_LIMITS, materialInput, NOMINATION_LIMITS, nominationInput } from './inputs.ts';
import { type TownMail, tellTown } from './tell.ts';

/** Nominates a town's mayor or a town's good practice, with reasons, while nominations are open. */
export async function nominate(
  ctx: ModuleContext,
  actor: Actor,
  edition: Edition,
  category: Category,
  body: unknown,
  now = new Date(),
): Promise<FormResult<{ id: number }>> {
  if (phaseOf(edition, now) !== 'nominations') return { ok: false, errors: { form: { key: 'awards.error.nominationsClosed' } } };
  const result = validateForm(nominationInput, body, NOMINATION_LIMITS);
  if (!result.ok) return result;
  const input = result.data;
  const { db } = ctx.database;
  const found = (await searchMunicipalities(db, input.town, 20)).filter((m) => m.country === input.country);
  const town = found.find((m) => m.match === 'exact') ?? (found.length === 1 ? found[0] : undefined);
  if (!town) return { ok: false, errors: { town: { key: 'awards.error.town' } } };
  const place = await municipalityById(db, town.id);
  const mayor = input.mayor_name || place?.mayor_name || '';
  if (category.kind === 'mayor' && !mayor) return { ok: false, errors: { mayor_name: { key: 'awards.error.mayor' } } };
  if (category.kind === 'practice' && !input.practice) return { ok: false, errors: { practice: { key: 'form.error.required' } } };
  const limited = await writeAllowed(ctx.database, actor, 'award-nomination');
  if (limited) return limited;
  const at = now.toISOString();
  // The town is told once: a second nomination of it in the same category tells nobody again.
  const known = (await repo.nominationsOf(db, [category.id])).some((n) => n.municipality_id === town.id);
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertNomination(trx, {
      category_id: category.id,
      municipality_id: town.id,
      mayor_name: category.kind === 'mayor' ? mayor : '',
      practice: category.kind === 'practice' ? input.practice : '',
      state: 'proposed',
      merged_into: null,
      nominated_by: actor.id,
      created_at: at,
    });
    await repo.insertReason(trx, { nomination_id: id, user_id: actor.id, kind: 'reason', body: input.reasons, url: '', created_at: at });
    if (!known)
      await tellTown(
        trx,
        ctx,
        edition,
        category,
        { municipality_id: town.id, mayor_name: mayor, practice: input.practice },
        MAIL.nominated,
      );
    return id;
  });
  ctx.mail.wake();
  return { ok: true, data: { id } };
}

/** Material the nominee's staff add (a text and a link); the route checks they work for the town. */
export async function addMaterial(ctx: ModuleContext, actor: Actor, nomination: Nomination, body: unknown): Promise<FormResult<null>> {
  const result = validateForm(materialInput, body, MATERIAL_LIMITS);
  if (!result.ok) return result;
  const limited = await writeAllowed(ctx.database, actor, 'award-material');
  if (limited) return limited;
  await repo.insertReason(ctx.database.db, {
    nomination_id: nomination.id,
    user_id: actor.id,
    kind: 'material',
    body: result.data.body,
    url: result.data.url,
    created_at: new Date().toISOString(),
  });
  return { ok: true, data: null };
}

const MAIL: Record<'nominated' | 'accepted' | 'shortlisted', TownMail> = {
  nominated: 'awards.mail.nominated',
  accepted: 'awards.mail.accepted',
  shortlisted: 'awards.mail.shortlisted',
};

export const DECISIONS = { accept: 'accepted', shortlist: 'shortlisted', decline: 'declined', reopen: 'proposed' } as const;
export type Decision = keyof typeof DECISIONS;

/** An editor's decision on a nomination; the shortlist is fixed once the vote opens. */
export async function decide(
  ctx: ModuleContext,
  actor: Actor,
  edition: Edition,
  nomination: Nomination,
  decision: Decision,
  ip?: string,
  now = new Date(),
): Promise<string | null> {
  const phase = phaseOf(edition, now);
  if (phase !== 'nominations' && phase !== 'shortlisting') return 'awards.error.shortlistFixed';
  if (nomination.state === 'merged') return 'awards.error.merged';
  const state = DECISIONS[decision];
  const [category] = await repo.categoriesByIds(ctx.database.db, [nomination.category_id]);
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.setNominationState(trx, nomination.id, state);
    await audit(trx, actor, { action: `awards.nomination.${decision}`, subjectType: 'award_nomination', subjectId: nomination.id }, ip);
    // The town hears of an acceptance and of the shortlist once each: a repeated press tells nobody again.
    const key = state === 'accepted' || state === 'shortlisted' ? MAIL[state] : undefined;
    if (key && category && nomination.state !== state) await tellTown(trx, ctx, edition, category, nomination, key);
  });
  ctx.mail.wake();
  return null;
}

/**
 * Merges a duplicate into another nomination of the same town in the same category: its reasons
 * and material move over, and it no longer shows on its own.
 */
export async function merge(
  ctx: ModuleContext,
  actor: Actor,
  edition: Edition,
  from: Nomination,
  intoId: number | undefined,
  ip?: string,
  now = new Date(),
): Promise<string | null> {
  const phase = phaseOf(edition, now);
  if (phase !== 'nominations' && phase !== 'shortlisting') return 'awards.error.shortlistFixed';
  const into = intoId ? await repo.nominationById(ctx.database.db, intoId) : undefined;
  if (!into || into.id === from.id || into.category_id !== from.category_id || into.municipality_id !== from.municipality_id) {
    return 'awards.error.mergeTarget';
  }
  if (from.state === 'merged' || into.state === 'merged') return 'awards.error.merged';
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.moveReasons(trx, from.id, into.id);
    await repo.setNominationState(trx, from.id, 'merged', into.id);
    await audit(
      trx,
      actor,
      { action: 'awards.nomination.merge', subjectType: 'award_nomination', subjectId: from.id, details: { into: into.id } },
      ip,
    );
  });
  return null;
}
