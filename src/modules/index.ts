import type { ModuleManifest } from '../core/modules.ts';
import { core } from '../core/manifest.ts';
import { accounts } from './accounts/manifest.tsx';
import { content } from './content/manifest.ts';
import { municipalities } from './municipalities/manifest.ts';
import { pages } from './pages/manifest.ts';

/** Every module of the portal, in the order they build on each other. */
export const modules: ModuleManifest[] = [core, pages, accounts, municipalities, content];
