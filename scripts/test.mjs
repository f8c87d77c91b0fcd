// Runs every *.test.ts(x) under src/ and test/ with node's test runner.
// In CI (CI=true) PostgreSQL and the browser are required: their tests must run, not be skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))))
  .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
  .sort();
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;

if (process.env.CI === 'true') {
  const missing = [];
  if (!process.env.TEST_DATABASE_URL) missing.push('TEST_DATABASE_URL (PostgreSQL)');
  if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) missing.push('Chromium (CHROMIUM_PATH or /usr/bin/chromium)');
  if (missing.length) {
    console.error(`CI requires: ${missing.join(', ')}`);
    process.exit(1);
  }
}

// One test file at a time: a PostgreSQL test drops its schema when done, and a migration running in
// another file at that moment lists every schema's tables and fails on the one that just went.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
