import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleProcess } from '../../../test/participation.ts';

appTest('open processes are listed, each with its phases, on the portal, the home page and the town’s profile', async (app, database) => {
  const towns = await sampleTowns(database);
  const open = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
  await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Last year’s budget', window: [-400, -40] });
  const draft = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Not yet out', published: false });

  const list = await app.inject({ url: '/en/participation' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/en${open.path}">Ideas for Botevgrad</a>`));
  assert.match(list.body, /Botevgrad · Participatory process · Ideas/);
  assert.ok(!list.body.includes('Last year’s budget'), 'a process that has ended is not open');
  assert.ok(!list.body.includes('Not yet out'), 'nor one that is not published');

  const page = await app.inject({ url: `/en${open.path}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Ideas for Botevgrad<\/h1>/);
  assert.match(page.body, /The town asks its people for <strong>ideas<\/strong>/);
  assert.match(page.body, /aria-current="step"[^>]*><strong>Ideas<\/strong>/);
  assert.match(page.body, /You can: propose, support, comment, open a debate/);

  assert.match((await app.inject({ url: '/en/municipalities/bg/botevgrad' })).body, /id="participation-heading">Open processes</);
  assert.ok(!(await app.inject({ url: '/en/municipalities/bg/stara-zagora' })).body.includes('participation-heading'));
  assert.match((await app.inject({ url: '/en/' })).body, /Ideas for Botevgrad/);

  assert.equal((await app.inject({ url: `/en${draft.path}` })).statusCode, 404, 'a draft is hidden from the public');
  const citizen = await person(database);
  assert.equal((await app.inject({ url: `/en${draft.path}`, headers: { cookie: citizen.cookie } })).statusCode, 404);
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const seen = await app.inject({ url: `/en${draft.path}`, headers: { cookie: staff.cookie } });
  assert.equal(seen.statusCode, 200, 'its staff see it before it is out');
  assert.match(seen.body, /Not published/);
  const other = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  assert.equal(
    (await app.inject({ url: `/en${draft.path}`, headers: { cookie: other.cookie } })).statusCode,
    404,
    'another town’s staff do not',
  );
  assert.equal((await app.inject({ url: '/en/participation/no-such-process' })).statusCode, 404);
});
