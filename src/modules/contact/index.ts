// The contact module's public face: other modules import from this file only.
export { contact } from './manifest.ts';
