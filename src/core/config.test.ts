import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig, prepareDataDir } from './config.ts';

test('defaults serve localhost:3000 on SQLite in ./data', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.baseUrl, 'http://localhost:3000');
  assert.equal(c.dataDir, join(process.cwd(), 'data'));
  assert.equal(c.databaseUrl, `sqlite:${join(process.cwd(), 'data', 'municipium.sqlite')}`);
  assert.equal(c.env, 'production', 'no error details unless asked for');
  assert.equal(c.compression, true, 'answers are compressed unless a proxy does it');
  assert.equal(loadConfig({ COMPRESSION: 'off' }).compression, false);
});

test('values from the environment are used, blank ones ignored', () => {
  const c = loadConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    BASE_URL: 'https://portal.example.eu/',
    DATABASE_URL: 'postgres://u@db/m',
    SMTP_URL: ' ',
    TRUST_PROXY: 'true',
  });
  assert.equal(c.port, 8080);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.baseUrl, 'https://portal.example.eu');
  assert.equal(c.databaseUrl, 'postgres://u@db/m');
  assert.equal(c.smtpUrl, undefined);
  assert.equal(c.trustProxy, true);
});

test('a bad value stops start-up with a message naming it', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: Error) => e instanceof ConfigError && /PORT: must be a whole number/.test(e.message) && /"eighty"/.test(e.message),
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  assert.throws(() => loadConfig({ BASE_URL: 'portal.example.eu' }), /BASE_URL: must be an absolute http\(s\) URL/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must start with postgres:\/\/, sqlite: or file:/);
  assert.throws(() => loadConfig({ SMTP_URL: 'mail.example.eu' }), /SMTP_URL/);
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  assert.throws(() => loadConfig({ COMPRESSION: 'gzip' }), /COMPRESSION: must be on or off/);
  assert.throws(() => loadConfig({ SECRET_KEY: 'short' }), /SECRET_KEY: must be at least 32 characters/);
  assert.throws(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.eu/map.png' }), /MAP_TILE_URL: must be an http\(s\) URL template/);
});

test('every bad variable is named at once', () => {
  assert.throws(
    () => loadConfig({ PORT: '-1', NODE_ENV: 'prod', RATE_LIMIT_PER_MINUTE: 'many' }),
    (e: Error) => ['PORT', 'NODE_ENV', 'RATE_LIMIT_PER_MINUTE'].every((name) => e.message.includes(`${name}:`)),
  );
});

test('a missing secret is generated once, kept private in the data directory and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-config-'));
  const first = prepareDataDir(loadConfig({ DATA_DIR: join(dir, 'data') }));
  assert.ok(first.secretKey.length >= 32);
  const file = join(dir, 'data', 'secret.key');
  assert.equal(readFileSync(file, 'utf8'), first.secretKey);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const second = prepareDataDir(loadConfig({ DATA_DIR: join(dir, 'data') }));
  assert.equal(second.secretKey, first.secretKey);
});

test('a given secret wins and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-config-'));
  const c = prepareDataDir(loadConfig({ DATA_DIR: dir, SECRET_KEY: 'k'.repeat(40) }));
  assert.equal(c.secretKey, 'k'.repeat(40));
  assert.throws(() => statSync(join(dir, 'secret.key')));
});
