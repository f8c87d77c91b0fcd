import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SAMPLE_CSV } from '../../test/fixtures/municipalities.ts';

const root = new URL('../../', import.meta.url).pathname;
const node = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

/** The built server as `npm start` runs it, on a free port: resolves with the port once it says it is running. */
function startBuilt(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => reject(new Error(`the built server exited with ${code}:\n${out}`)));
  });
}

test('the built server (npm start) runs without the TypeScript loader and answers the home page in English', async () => {
  // Built only when the sources changed since the last build, as `npm start` does.
  const build = node(['scripts/build.mjs', '--if-stale'], {});
  assert.equal(build.status, 0, build.stderr);
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-built-'));
  // A few places instead of the whole EU's, imported by the CLI, which runs the built output too: a quick start.
  const csv = join(dataDir, 'places.csv');
  writeFileSync(csv, SAMPLE_CSV);
  const imported = node(['bin/municipium.js', 'import-municipalities', '--csv', csv], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  assert.equal(imported.status, 0, imported.stderr);
  const { child, port } = await startBuilt({ DATA_DIR: dataDir, NODE_OPTIONS: '' });
  try {
    const home = await fetch(`http://127.0.0.1:${port}/en/`);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, /<h1 id="home-title">Europe’s municipalities, in your language/);
    // public/ and the vendored scripts in node_modules/ are found from dist/ as from src/.
    const stylesheet = /href="(\/static\/app\.css[^"]*)"/.exec(html)?.[1];
    assert.ok(stylesheet, 'the page links its stylesheet');
    for (const path of [stylesheet, '/static/vendor/leaflet/leaflet.js']) {
      assert.equal((await fetch(`http://127.0.0.1:${port}${path}`)).status, 200, path);
    }
  } finally {
    child.kill('SIGTERM');
  }
});
