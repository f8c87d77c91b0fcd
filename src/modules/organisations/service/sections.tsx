import { scopeIdsOf } from '../../../core/authz.ts';
import type { ModuleContext, SectionProvider, WorkDesk, WorkView } from '../../../core/modules.ts';
import { NamedSection } from '../../../core/views/components.tsx';
import type { Municipality } from '../../municipalities/index.ts';
import { organisationsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import { PartnershipList } from '../views/partnerships.tsx';
import { namesFor, withSides } from './partnerships.ts';

/** A town's confirmed partnerships with organisations on its profile; their representatives may propose one. */
export const townPartnerships: SectionProvider = async (subject, { actor, t, lang }, ctx) => {
  const m = subject as Municipality;
  const rows = await withSides(ctx, await repo.partnershipsPage(ctx.database.db, { town: m.id }, 0, 50));
  const canPropose = !!actor?.confirmed && scopeIdsOf(actor, 'organisation').length > 0;
  if (!rows.length && !canPropose) return null;
  const names = await namesFor(ctx, rows);
  return (
    <NamedSection id="partnerships" label={t('organisations.partnership.title')}>
      {rows.length > 0 && <PartnershipList view={{ rows, ...names }} level={3} />}
      {canPropose && (
        <p>
          <a href={`/${lang}/partnerships/propose?town=${m.id}`}>{t('organisations.partnership.propose')}</a>
        </p>
      )}
    </NamedSection>
  );
};

/** The profiles a person may edit, and the proposals that wait for their side. */
export async function organisationDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const { db } = ctx.database;
  const orgs = await repo.organisationsByIds(db, scopeIdsOf(actor, 'organisation'));
  const desks: WorkDesk[] = orgs
    .filter((o) => organisationsPolicy.can(actor, 'organisation.edit', o))
    .map((o) => ({
      label: t('organisations.work.profile'),
      description: t('organisations.work.profileDescription'),
      path: `/organisations/${o.slug}/edit`,
      scope: { type: 'organisation', id: o.id },
    }));
  const towns = await repo.waitingForTowns(db, scopeIdsOf(actor, 'municipality'));
  const forOrgs = await repo.waitingForOrganisations(
    db,
    orgs.map((o) => o.id),
  );
  for (const id of new Set([...towns.map((p) => p.id), ...forOrgs.map((p) => p.id)])) {
    desks.push({
      label: t('organisations.work.proposal'),
      description: t('organisations.work.proposalDescription'),
      path: `/partnerships/${id}`,
    });
  }
  return desks;
}
