import type { SectionProvider } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { OpenProcessesSection } from '../views/processes.tsx';
import { OrganisationParticipation } from '../views/published-as.tsx';
import { debatePath } from './debates.ts';
import { ownersOf } from './owners.ts';
import { openProcesses } from './processes.ts';
import { proposalPath } from './proposals.ts';

/** A town's open processes on its profile; nothing when it runs none. */
export const profileProcesses: SectionProvider = async (subject, { lang }, ctx) => {
  const m = subject as Municipality;
  const processes = await openProcesses(ctx, lang, { type: 'municipality', id: m.id });
  return processes.length ? <OpenProcessesSection processes={processes} /> : null;
};

/** The portal's open processes on the home page, the newest few; nothing when none is open. */
export const homeProcesses: SectionProvider = async (_query, { lang }, ctx) => {
  const processes = (await openProcesses(ctx, lang)).slice(0, 4);
  if (!processes.length) return null;
  return <OpenProcessesSection processes={processes} owners={await ownersOf(ctx, processes)} />;
};

/** How many of an organisation's proposals and of its debates its profile lists. */
const ON_PROFILE = 10;

/** What an organisation published in participation, on its profile: its recent proposals and debates; nothing when none. */
export const organisationParticipation: SectionProvider = async (subject, _view, ctx) => {
  const org = subject as { id: number };
  const { db } = ctx.database;
  const [proposals, debates] = await Promise.all([
    repo.proposalsOfOrganisation(db, org.id, ON_PROFILE),
    repo.debatesOfOrganisation(db, org.id, ON_PROFILE),
  ]);
  if (!proposals.length && !debates.length) return null;
  return (
    <OrganisationParticipation
      proposals={proposals.map((x) => ({ ...x, path: proposalPath(x.process_slug, x.id) }))}
      debates={debates.map((x) => ({ ...x, path: debatePath({ slug: x.process_slug }, x.id) }))}
    />
  );
};
