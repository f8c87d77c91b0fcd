// The content module's public face: other modules import from this file only.
export { content } from './manifest.ts';
export { renderBody } from './service/sanitize.ts';
