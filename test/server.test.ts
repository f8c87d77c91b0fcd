import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PASSWORD, person } from './factories.ts';
import { createTestDatabase, DIALECTS } from './helpers/db.ts';

const root = new URL('..', import.meta.url).pathname;

function startServer(
  env: Record<string, string>,
  script = 'src/main.ts',
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    // A first start on a new PostgreSQL database migrates and imports 52,768 places: slow on a busy
    // machine. A server that never starts is stopped, so that it cannot keep the test file running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start:\n${out}`));
    }, 90_000);
    child.stdout.on('data', () => {
      const m = /running at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited:\n${out}`));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

test('the first start creates the data directory, the SQLite database and the secret, and prints the URL', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'municipium-start-')), 'data');
  const { child, port, output } = await startServer({ DATA_DIR: dataDir });
  try {
    assert.ok(existsSync(join(dataDir, 'municipium.sqlite')));
    assert.ok(existsSync(join(dataDir, 'secret.key')));
    const home = await fetch(`http://127.0.0.1:${port}/en/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang="en"/);
    assert.match(output(), /"msg":"Server listening/, 'structured JSON logs');
    assert.match(output(), /No administrator yet\. Create one with:\n {4}npx municipium create-admin --email you@example\.eu/);
    assert.ok(!output().includes(readFileSync(join(dataDir, 'secret.key'), 'utf8')), 'the secret is never logged');
  } finally {
    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
  }
});

test('after `municipium migrate`, the first start still fills the directory of places', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'municipium-migrated-')), 'data');
  const migrated = spawnSync(process.execPath, ['bin/municipium.js', 'migrate'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
  assert.equal(migrated.status, 0, String(migrated.stderr));
  assert.match(String(migrated.stdout), /Applied \d+ migration/);
  const { child, port } = await startServer({ DATA_DIR: dataDir });
  try {
    const list = await (await fetch(`http://127.0.0.1:${port}/en/municipalities/de`)).text();
    assert.match(list, /Berlin/, 'the places were imported before the server listened');
  } finally {
    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
  }
});

test('without NODE_ENV the server answers errors without details; npm run dev shows them', async () => {
  for (const [script, details] of [
    ['src/main.ts', false],
    ['src/dev.ts', true],
  ] as const) {
    // A blank NODE_ENV counts as unset.
    const { child, port } = await startServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-env-')), NODE_ENV: '' }, script);
    try {
      const forged = await fetch(`http://127.0.0.1:${port}/en/sign-out`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      assert.equal(forged.status, 403);
      const problem = (await forged.json()) as Record<string, unknown>;
      assert.equal('debug' in problem, details, `${script}: ${JSON.stringify(problem)}`);
      const page = await (await fetch(`http://127.0.0.1:${port}/en/sign-out`, { method: 'POST' })).text();
      assert.equal(/\n\s+at /.test(page), details, `${script}: a stack trace on the page`);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
});

test('a bad setting stops start-up with a message naming it', () => {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: 'http', RATE_LIMIT_PER_MINUTE: '-5' },
    encoding: 'utf8',
  });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /Invalid configuration/);
  assert.match(res.stderr, /PORT: must be a whole number/);
  assert.match(res.stderr, /RATE_LIMIT_PER_MINUTE/);
});

test('an unreachable database stops start-up with a clear message', () => {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-start-')),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    },
  });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /Municipium could not start: Cannot prepare the database at 127\.0\.0\.1:1\/none/);
});

test('SIGTERM lets the request in flight finish, then the process exits cleanly', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'municipium-stop-'));
  const { child, port } = await startServer({ DATA_DIR: dataDir });
  const socket = connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  let response = '';
  socket.on('data', (d) => {
    response += d;
  });
  const body = `q=${'x'.repeat(100)}`;
  // The headers and half the body are sent: the request is in flight when SIGTERM arrives.
  socket.write(
    `POST /en/contact HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 50)}`,
  );
  await new Promise((r) => setTimeout(r, 200));
  const exit = exited(child);
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(child.exitCode, null, 'still running while a request is in flight');
  socket.end(body.slice(50));
  assert.equal(await exit, 0);
  assert.match(response, /^HTTP\/1\.1 403/, 'the request in flight got its answer (no CSRF token: 403)');
});

if (DIALECTS.includes('postgres')) {
  test('two processes share one PostgreSQL database', async () => {
    const database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url, SECRET_KEY: 's'.repeat(40) };
    const a = await startServer({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-a-')) });
    const b = await startServer({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-b-')) });
    try {
      for (const s of [a, b]) {
        const health = (await (await fetch(`http://127.0.0.1:${s.port}/healthz`)).json()) as {
          database: { dialect: string };
        };
        assert.equal(health.database.dialect, 'postgres');
      }
      // A form loaded from one process is accepted by the other: the shared secret makes it so.
      const page = await fetch(`http://127.0.0.1:${a.port}/en/contact`);
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const sent = await fetch(`http://127.0.0.1:${b.port}/en/contact`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: csrf,
          topic: 'general',
          name: 'A',
          email: 'a@example.eu',
          message: 'hello',
        }),
      });
      assert.equal(sent.status, 303);
      assert.equal((await database.db.selectFrom('contact_messages').selectAll().execute()).length, 1);
      // A session started through one process is known to the other.
      const signIn = await fetch(`http://127.0.0.1:${a.port}/en/sign-in`);
      const signInCookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())?.[1] ?? '';
      const who = await person(database);
      const signedIn = await fetch(`http://127.0.0.1:${a.port}/en/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: signInCookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, email: who.email, password: PASSWORD }),
      });
      assert.equal(signedIn.status, 303);
      const session =
        signedIn.headers
          .getSetCookie()
          .map((c) => c.split(';')[0] ?? '')
          .find((c) => c.startsWith('municipium_session=')) ?? '';
      const onB = await fetch(`http://127.0.0.1:${b.port}/en/account`, {
        headers: { cookie: session },
        redirect: 'manual',
      });
      assert.equal(onB.status, 200);
      assert.ok((await onB.text()).includes(who.email));
    } finally {
      for (const s of [a, b]) {
        s.child.kill('SIGTERM');
        await exited(s.child);
      }
      await database.drop();
    }
  });
}
