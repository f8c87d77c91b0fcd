#!/usr/bin/env node
// Runs the built output (npm run build, or the first npm start) while it matches the sources;
// otherwise the sources themselves, through the TypeScript loader.
import { isFresh } from '../scripts/build.mjs';

if (isFresh()) {
  await import('../dist/cli/index.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
