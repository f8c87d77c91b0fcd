import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { testConfig } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { modules } from '../../modules/index.ts';
import { buildApp } from '../app.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** The portal with its logger writing into an array, at the given level. */
async function loggedApp(database: Parameters<Parameters<typeof dbTest>[1]>[0], level: string) {
  await migrateToLatest(database.db, modules);
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildApp({ config: testConfig(database), database, modules, logger: { level, stream } });
  return { app, lines };
}

dbTest('at info each request is one line: method, address, status, time and visitor, without cookies', async (database) => {
  const { app, lines } = await loggedApp(database, 'info');
  try {
    await app.inject({ url: '/en/about?x=1', headers: { cookie: 'session=secret-value', 'user-agent': 'test' } });
    await app.inject({ url: '/en/no-such-page' });
    const requests = lines.filter((l) => l.reqId);
    assert.equal(requests.length, 2, 'one line per request, not two');
    const [about, missing] = requests;
    assert.equal(about?.msg, 'request');
    assert.equal(about?.method, 'GET');
    assert.equal(about?.url, '/en/about?x=1');
    assert.equal(about?.status, 200);
    assert.equal(typeof about?.ms, 'number');
    assert.equal(about?.ip, '127.0.0.1');
    assert.equal(missing?.status, 404);
    assert.ok(!JSON.stringify(lines).includes('secret-value'), 'cookies are never logged');
  } finally {
    await app.close();
  }
});

dbTest('at warn requests are not logged, and a failing request still is', async (database) => {
  const { app, lines } = await loggedApp(database, 'warn');
  try {
    app.get('/boom', async () => {
      throw new Error('the database went away');
    });
    await app.inject({ url: '/en/about' });
    assert.equal(lines.filter((l) => l.reqId).length, 0);
    const failed = await app.inject({ url: '/boom' });
    assert.equal(failed.statusCode, 500);
    assert.ok(lines.some((l) => l.level === 50 && JSON.stringify(l).includes('the database went away')));
  } finally {
    await app.close();
  }
});

dbTest('a page sent from memory is logged at info too, marked as a cache hit', async (database) => {
  const { app, lines } = await loggedApp(database, 'info');
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    for (let i = 0; i < 2; i++) await (await fetch(`http://127.0.0.1:${port}/en/about`)).text();
    const about = lines.filter((l) => l.msg === 'request' && l.url === '/en/about');
    assert.equal(about.length, 2, 'both visits are logged');
    assert.equal(about[1]?.cache, 'hit');
    assert.equal(about[1]?.status, 200);
    assert.equal(about[1]?.ip, '127.0.0.1');
    assert.equal(typeof about[1]?.ms, 'number');
  } finally {
    await app.close();
  }
});
