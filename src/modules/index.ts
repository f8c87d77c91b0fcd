import { core } from '../core/manifest.ts';
import type { ModuleManifest } from '../core/modules.ts';
import { accounts } from './accounts/index.ts';
import { awards } from './awards/index.ts';
import { contact } from './contact/index.ts';
import { content } from './content/index.ts';
import { moderation } from './moderation/index.ts';
import { municipalities } from './municipalities/index.ts';
import { networks } from './networks/index.ts';
import { newsletters } from './newsletters/index.ts';
import { organisations } from './organisations/index.ts';
import { pages } from './pages/index.ts';
import { participation } from './participation/index.ts';
import { projects } from './projects/index.ts';
import { signals } from './signals/index.ts';
import { twinning } from './twinning/index.ts';

/** Every module of the portal, in the order they build on each other. */
export const modules: ModuleManifest[] = [
  core,
  pages,
  accounts,
  municipalities,
  content,
  networks,
  twinning,
  projects,
  organisations,
  participation,
  signals,
  contact,
  awards,
  moderation,
  newsletters,
];
