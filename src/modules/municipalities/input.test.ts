import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';
import { csvRecords, importRecords } from './service/import.ts';

const TOWN = '/en/municipalities/bg/stara-zagora';
const cursor = (json: string) => Buffer.from(json).toString('base64url');
const problemNames = (res: Awaited<ReturnType<FastifyInstance['inject']>>) => (res.json().errors as { name: string }[]).map((e) => e.name);

appTest('a NUL byte in a claim, a proposal or a profile edit is an error at its field; what was typed is kept', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const before = await database.db.selectFrom('municipalities').selectAll().where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
  const clerk = await person(database);
  const claim = await submit(
    app,
    `${TOWN}/claim`,
    { job_title: 'Head\u0000of office', official_email: 'a@starazagora.bg', website: 'https://starazagora.bg' },
    clerk,
  );
  assert.equal(claim.statusCode, 422);
  assert.equal(fieldError(claim.body, 'job_title'), CHARACTERS_ERROR);
  assert.ok(claim.body.includes('value="Head\u0000of office"'));

  const propose = await submit(app, '/en/municipalities/propose', { country: 'BG', name: 'Novo\u0000Selo', note: 'bell\u0007' }, clerk);
  assert.equal(propose.statusCode, 422);
  assert.equal(fieldError(propose.body, 'name'), CHARACTERS_ERROR);
  assert.equal(fieldError(propose.body, 'note'), CHARACTERS_ERROR);
  assert.ok(propose.body.includes('value="Novo\u0000Selo"'));

  const editor = await person(database, { roles: [['municipality_editor', before.id]] });
  const edit = await submit(
    app,
    `${TOWN}/edit`,
    { name: 'Stara Zagora', population: '136781', mayor_name: 'Zhivko\u0000', description_en: 'Linden\u0000trees' },
    editor,
  );
  assert.equal(edit.statusCode, 422);
  assert.equal(fieldError(edit.body, 'mayor_name'), CHARACTERS_ERROR);
  assert.equal(fieldError(edit.body, 'description_en'), CHARACTERS_ERROR);
  assert.ok(edit.body.includes('>Linden\u0000trees</textarea>'));

  assert.deepEqual(
    await database.db.selectFrom('municipalities').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(),
    before,
  );
  for (const table of ['municipality_claims', 'municipality_proposals', 'municipality_changes'] as const) {
    assert.equal((await database.db.selectFrom(table).select('id').execute()).length, 0, table);
  }
});

appTest('the API refuses a NUL byte, an id past the largest integer and cursors that are not its own, with 400', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const region = await app.inject({ url: '/api/v1/municipalities?region=%00' });
  assert.equal(region.statusCode, 400);
  assert.deepEqual(problemNames(region), ['region']);
  // A bad export is refused before the first byte: a problem, never a CSV cut short after a 200.
  for (const url of [
    '/api/v1/municipalities.csv?country=at&region=%00',
    '/api/v1/municipalities.csv?region=%01',
    '/api/v1/municipalities.geojson?region=%01',
  ]) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 400, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.ok(!res.body.includes('id,country'), 'no CSV header was sent');
  }
  assert.equal((await app.inject({ url: '/api/v1/municipalities.csv?country=bg' })).statusCode, 200);

  for (const id of ['2147483648', '9999999999', '0', '-1', '1e3']) {
    const res = await app.inject({ url: `/api/v1/municipalities/${id}` });
    assert.equal(res.statusCode, 400, id);
    assert.deepEqual(problemNames(res), ['id']);
  }
  assert.equal((await app.inject({ url: '/api/v1/municipalities/2147483647' })).statusCode, 404);

  for (const [sort, json] of [
    ['population', 'NaN'],
    ['population', '[1e308,1]'],
    ['population', '[2147483648,1]'],
    ['population', '[1,2147483648]'],
    ['population', '[1,1.5]'],
    ['population', '["x",1]'],
    ['name', '[5,1]'],
    ['name', '["a\\u0000b",1]'],
    ['name', '{}'],
  ]) {
    const res = await app.inject({ url: `/api/v1/municipalities?sort=${sort}&cursor=${cursor(json!)}` });
    assert.equal(res.statusCode, 400, `${sort} ${json}`);
    assert.deepEqual(problemNames(res), ['cursor']);
  }
  const next = (await app.inject({ url: '/api/v1/municipalities?limit=2' })).json().next;
  assert.equal(
    (await app.inject({ url: `/api/v1/municipalities?limit=2&cursor=${next}` })).json().data.length,
    2,
    'our own cursors still work',
  );
});

appTest('reviewing a claim or a proposal past the largest id is not found', async (app, database) => {
  const admin = await person(database, { roles: [['platform_admin', null]] });
  for (const action of ['claims/2147483648/approve', 'proposals/2147483648/refuse', 'claims/NaN/refuse', 'proposals/1e308/approve']) {
    const res = await submit(app, '/en/municipalities/propose', { reason: 'No' }, admin, `/en/admin/${action}`);
    assert.equal(res.statusCode, 404, action);
  }
  assert.equal((await app.inject({ url: '/en/admin/claims/2147483648/evidence', headers: { cookie: admin.cookie } })).statusCode, 404);
});
