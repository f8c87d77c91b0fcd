// The twinning module's public face: other modules import from this file only.
export { twinning } from './manifest.ts';
