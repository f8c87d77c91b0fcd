// The pages module's public face: other modules import from this file only.
export { pages } from './manifest.ts';
