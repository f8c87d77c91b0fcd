// The signals module's public face: other modules import from this file only.
export { signals } from './manifest.ts';
