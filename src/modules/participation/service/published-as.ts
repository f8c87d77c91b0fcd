import type { Actor } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { type OrganisationRef, organisationRefs, organisationsRepresentedBy } from '../../organisations/index.ts';

/** The field of the proposal, debate and comment forms: '' for the person's own name, else an organisation's id. */
export const PUBLISH_AS = 'publish_as';

/** The organisations a person may publish as now; none for anyone who represents none. */
export const publishAsChoices = (ctx: ModuleContext, actor: Actor | null): Promise<OrganisationRef[]> =>
  organisationsRepresentedBy(ctx, actor);

/**
 * The organisation the form names, checked against those the person represents at this moment:
 * a forged id, another organisation's, or anything but an id is refused, and nothing is stored.
 */
export function readPublishAs(
  choices: readonly OrganisationRef[],
  value: unknown,
): { ok: true; organisationId: number | null } | { ok: false; errors: FieldErrors } {
  if (value === undefined || value === '') return { ok: true, organisationId: null };
  const chosen = typeof value === 'string' && /^\d{1,10}$/.test(value) ? choices.find((o) => o.id === Number(value)) : undefined;
  if (!chosen) return { ok: false, errors: { [PUBLISH_AS]: { key: 'participation.publishAs.error' } } };
  return { ok: true, organisationId: chosen.id };
}

/** The organisations items were published as, by id; one since deleted is absent, and its items show their author. */
export const publishedAsOf = (ctx: ModuleContext, rows: readonly { organisation_id: number | null }[]) =>
  organisationRefs(
    ctx,
    rows.flatMap((r) => (r.organisation_id === null ? [] : [r.organisation_id])),
  );
