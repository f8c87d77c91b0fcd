// The newsletters module's public face: other modules import from this file only.
export { newsletters } from './manifest.ts';
