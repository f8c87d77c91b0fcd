// The pages module's public face: other modules import from this file only.
export { pages } from './manifest.ts';
export { TERMS_VERSION } from './views/terms.tsx';
