// The networks module's public face: other modules import from this file only.
export { networks } from './manifest.ts';
