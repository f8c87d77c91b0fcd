// The participation module's public face: other modules import from this file only.
export { participation } from './manifest.ts';
