import { today } from '../../../core/http/input.ts';
import type { SectionProvider } from '../../../core/modules.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { PartnerCall } from '../schema.ts';
import { SearchesForCall } from '../views/calls.tsx';

/** At most this many searches on a call's page; a call draws tens, not thousands. */
const SHOWN = 50;

/** On an EU call's page: the towns looking for partners for it, while their searches are open. */
export const searchesForCall: SectionProvider = async (subject, _view, ctx) => {
  const { id } = subject as { id: number };
  const calls = (await repo.openCallsFor(ctx.database.db, id, today(), SHOWN)) as PartnerCall[];
  if (!calls.length) return null;
  const towns = await municipalitiesByIds(
    ctx.database.db,
    calls.map((c) => c.town_id),
  );
  return <SearchesForCall calls={calls} towns={towns} />;
};
