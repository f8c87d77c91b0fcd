// The content module's public face: other modules import from this file only.
export { content } from './manifest.ts';
