import type { SectionProvider } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { ProfileSignals } from '../views/lists.tsx';
import { openCount } from './lists.ts';
import { takesReports } from './places.ts';

/** A town's reports on its profile, for a town that takes them. */
export const profileSignals: SectionProvider = async (subject, _view, ctx) => {
  const m = subject as Municipality;
  if (!(await takesReports(ctx, m.id))) return null;
  return <ProfileSignals town={m} open={await openCount(ctx.database.db, m.id)} />;
};
