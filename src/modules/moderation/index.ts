// The moderation module's public face: other modules import from this file only.
export { moderation } from './manifest.ts';
export { FlagForm, type FlagTarget } from './views/flag.tsx';
