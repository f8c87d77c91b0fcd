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

// Two test files at a time, on two cores: each works in its own SQLite file or PostgreSQL schema,
// migrations read only their own schema, and processes hear only their own schema's changes.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
