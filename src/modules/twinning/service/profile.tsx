import { scopeIdsOf } from '../../../core/authz.ts';
import type { SectionProvider } from '../../../core/modules.ts';
import { type Municipality, municipalitiesByIds } from '../../municipalities/index.ts';
import { twinningPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Twinning } from '../schema.ts';
import { TwinsSection } from '../views/pages.tsx';

/**
 * A town's twins on its profile, from the confirmed twinnings; other towns' staff may propose one,
 * and platform editors record one older than the portal.
 */
export const profileTwins: SectionProvider = async (subject, { actor }, ctx) => {
  const m = subject as Municipality;
  const rows = (await repo.twinningsOf(ctx.database.db, m.id, ['confirmed'])) as Twinning[];
  const worksForAnother = scopeIdsOf(actor, 'municipality').some((id) => id !== m.id);
  const canPropose = !!actor?.confirmed && worksForAnother;
  const canRecord = twinningPolicy.can(actor, 'twinning.record', null);
  if (!rows.length && !canPropose && !canRecord) return null;
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
      canRecord={canRecord}
    />
  );
};
