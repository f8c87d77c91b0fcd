import type { SectionProvider } from '../../../core/modules.ts';
import type { Municipality } from '../../municipalities/index.ts';
import { OpenProcessesSection } from '../views/processes.tsx';
import { ownersOf } from './owners.ts';
import { openProcesses } from './processes.ts';

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
