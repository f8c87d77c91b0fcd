import assert from 'node:assert/strict';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { importPlaces } from '../../../test/content.ts';
import { person } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest, createTestApp } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { openDatabase } from '../db/client.ts';

const PROFILE = '/en/municipalities/bg/stara-zagora';

/** The portal on a real port: the page cache answers before Fastify, which app.inject would skip. */
async function served(app: FastifyInstance): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return (path, init) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', ...init });
}

/** The bytes as they travel, not decoded as fetch would. */
function raw(app: FastifyInstance, path: string, headers: Record<string, string>) {
  const { port } = app.server.address() as AddressInfo;
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

appTest(
  'an anonymous page is sent from memory the second time, with an ETag, a 304 and the same bytes compressed',
  async (app, database) => {
    await importPlaces(database.db, SAMPLE_CSV);
    const get = await served(app);
    const first = await get(PROFILE);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-cache'), null, 'the first visit is rendered');
    assert.match(first.headers.get('cache-control') ?? '', /^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^W\/"[\w-]+"$/);
    const body = await first.text();
    assert.match(body, /Stara Zagora/);

    const second = await get(PROFILE);
    assert.equal(second.headers.get('x-cache'), 'hit');
    assert.equal(second.headers.get('etag'), etag);
    assert.equal(await second.text(), body);
    for (const header of ['content-security-policy', 'x-content-type-options', 'permissions-policy', 'referrer-policy']) {
      assert.equal(second.headers.get(header), first.headers.get(header), `${header} as on a rendered page`);
    }

    const again = await get(PROFILE, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304, 'a browser that has the page is told it is still good');
    assert.equal(await again.text(), '');

    const packed = await raw(app, PROFILE, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(packed.headers['content-encoding'], 'br');
    assert.equal(packed.headers['x-cache'], 'hit');
    assert.match(String(packed.headers.vary), /accept-encoding/);
    assert.ok(packed.body.length < Buffer.byteLength(body) / 2);
    assert.equal(brotliDecompressSync(packed.body).toString(), body);

    const head = await get(PROFILE, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    assert.equal(head.headers.get('x-cache'), 'hit');
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)));
  },
);

appTest('a signed-in person never receives a kept page, and their pages are kept by nobody', async (app, database) => {
  await importPlaces(database.db, SAMPLE_CSV);
  const get = await served(app);
  await get(PROFILE);
  assert.equal((await get(PROFILE)).headers.get('x-cache'), 'hit', 'the anonymous page is kept');
  const who = await person(database, { name: 'Radka Petrova' });
  for (let i = 0; i < 2; i++) {
    const mine = await get(PROFILE, { headers: { cookie: who.cookie } });
    assert.equal(mine.headers.get('x-cache'), null);
    assert.match(mine.headers.get('cache-control') ?? '', /no-store/);
    assert.equal(mine.headers.get('etag'), null);
    assert.match(await mine.text(), /Radka Petrova/, 'the header names the person');
  }
  // Any other cookie, or credentials, and the request is rendered for whoever sent it.
  for (const headers of [{ cookie: 'municipium_session=forged' }, { authorization: 'Bearer x' }] as Record<string, string>[]) {
    assert.equal((await get(PROFILE, { headers })).headers.get('x-cache'), null, JSON.stringify(headers));
  }
  assert.doesNotMatch(await (await get(PROFILE)).text(), /Radka Petrova/, 'nor does the next visitor get theirs');
});

appTest('a page with a form token, a notice or an error is never kept', async (app, database) => {
  await importPlaces(database.db, SAMPLE_CSV);
  const get = await served(app);
  const tokens = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const form = await get('/en/sign-in');
    assert.equal(form.headers.get('x-cache'), null);
    assert.match(form.headers.get('cache-control') ?? '', /no-store/);
    tokens.add(/name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '');
  }
  assert.equal(tokens.size, 2, 'each visitor gets a token of their own');
  for (const path of [`${PROFILE}?notice=followed`, '/en/municipalities/bg/nowhere', `/en/${'x'.repeat(2100)}`]) {
    await get(path);
    assert.equal((await get(path)).headers.get('x-cache'), null, path.slice(0, 60));
  }
});

appTest('an edit is on the very next request', async (app, database) => {
  await importPlaces(database.db, SAMPLE_CSV);
  const who = await person(database);
  const get = await served(app);
  await get(PROFILE);
  assert.equal((await get(PROFILE)).headers.get('x-cache'), 'hit');
  await database.db.updateTable('municipalities').set({ population: 140123 }).where('name', '=', 'Stara Zagora').execute();
  const after = await get(PROFILE);
  assert.equal(after.headers.get('x-cache'), null);
  assert.match(await after.text(), /140,123/);
  // A signed-in visit writes only what no page shows (its session): what is kept stays.
  await get(PROFILE);
  await get(PROFILE, { headers: { cookie: who.cookie } });
  await get('/en/account', { headers: { cookie: who.cookie } });
  assert.equal((await get(PROFILE)).headers.get('x-cache'), 'hit');
});

dbTest('a change made by another process is on the next request', async (database) => {
  const app = await createTestApp(database);
  const other = openDatabase(database.url);
  try {
    await importPlaces(database.db, SAMPLE_CSV);
    const get = await served(app);
    await get(PROFILE);
    assert.equal((await get(PROFILE)).headers.get('x-cache'), 'hit');
    // Another connection, as the command line or a second server would have.
    const heard = new Promise((resolve) => database.changes.once('change', resolve));
    await other.db.updateTable('municipalities').set({ population: 150001 }).where('name', '=', 'Stara Zagora').execute();
    await other.changes.settle();
    // On PostgreSQL the word comes by LISTEN/NOTIFY; SQLite reads it from the file at the next request.
    if (database.dialect === 'postgres') await heard;
    const after = await get(PROFILE);
    assert.equal(after.headers.get('x-cache'), null);
    assert.match(await after.text(), /150,001/);
  } finally {
    await app.close();
    await other.close();
  }
});

appTest(
  'with PAGE_CACHE=off every page is rendered, still with an ETag',
  async (app, database) => {
    await importPlaces(database.db, SAMPLE_CSV);
    const get = await served(app);
    const first = await get(PROFILE);
    const second = await get(PROFILE);
    assert.equal(second.headers.get('x-cache'), null);
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    assert.equal((await get(PROFILE, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } })).status, 304);
  },
  { PAGE_CACHE: 'off' },
);

appTest('a versioned stylesheet is sent from memory after its first request, in each encoding, with the same bytes', async (app) => {
  const get = await served(app);
  const css = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(await (await get('/en/about')).text())?.[1] ?? '';
  assert.ok(css, 'the page links its stylesheet with a version');
  for (const encoding of ['br', 'gzip', 'identity']) {
    const first = await raw(app, css, { 'accept-encoding': encoding });
    const second = await raw(app, css, { 'accept-encoding': encoding });
    assert.equal(first.headers['x-cache'], undefined, encoding);
    assert.equal(second.headers['x-cache'], 'hit', encoding);
    assert.ok(second.body.equals(first.body), `${encoding}: the same bytes`);
    for (const header of ['content-type', 'content-encoding', 'cache-control', 'etag', 'content-security-policy']) {
      assert.equal(second.headers[header], first.headers[header], `${encoding}: ${header}`);
    }
  }
  assert.match(String((await raw(app, css, {})).headers['cache-control']), /immutable/);
  // An address with another version, or a part of the file, is left to the file server.
  assert.equal((await raw(app, css.replace(/v=\w+/, 'v=0000000000'), {})).headers['x-cache'], undefined);
  assert.equal((await raw(app, css, { range: 'bytes=0-9' })).headers['x-cache'], undefined);
});
