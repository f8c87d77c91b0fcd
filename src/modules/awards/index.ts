// The awards module's public face: other modules import from this file only.
export { awards } from './manifest.ts';
