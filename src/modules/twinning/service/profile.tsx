import { scopeIdsOf } from '../../../core/authz.ts';
import type { SectionProvider } from '../../../core/modules.ts';
import { type Municipality, municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { Twinning } from '../schema.ts';
import { TwinsSection } from '../views/pages.tsx';

/** A town's twins on its profile, from the confirmed twinnings; other towns' staff may propose one. */
export const profileTwins: SectionProvider = async (subject, { actor }, ctx) => {
  const m = subject as Municipality;
  const rows = (await repo.twinningsOf(ctx.database.db, m.id, ['confirmed'])) as Twinning[];
  const worksForAnother = scopeIdsOf(actor, 'municipality').some((id) => id !== m.id);
  const canPropose = !!actor?.confirmed && worksForAnother;
  if (!rows.length && !canPropose) return null;
  const towns = await municipalitiesByIds(
    ctx.database.db,
    rows.flatMap((r) => [r.proposer_id, r.partner_id]),
  );
  return (
    <TwinsSection
      town={m.id}
      rows={rows}
      towns={towns}
      map={{ tiles: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution }}
      canPropose={canPropose}
    />
  );
};
