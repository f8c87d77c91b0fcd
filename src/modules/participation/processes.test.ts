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

appTest('the API lists published processes with their phases, in a language, and describes itself', async (app, database) => {
  const towns = await sampleTowns(database);
  const open = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
  const ended = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Old budget', window: [-400, -40] });
  const draft = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { published: false });
  await sampleProcess(database, { type: 'municipality', id: towns.staraZagora }, { title: 'Zagora asks' });

  const list = await app.inject({ url: `/api/v1/processes?municipality=${towns.botevgrad}` });
  assert.equal(list.statusCode, 200);
  const body = list.json() as { data: { id: number; title: string; owner: { name: string }; phases: { kind: string }[] }[]; total: number };
  assert.deepEqual(
    body.data.map((p) => p.title),
    ['Ideas for Botevgrad'],
    'open today, of that town, published',
  );
  assert.equal(body.data[0]!.owner.name, 'Botevgrad');
  assert.deepEqual(
    body.data[0]!.phases.map((ph) => ph.kind),
    ['ideas'],
  );
  const all = (await app.inject({ url: `/api/v1/processes?municipality=${towns.botevgrad}&state=all` })).json() as {
    data: { id: number }[];
  };
  assert.deepEqual(all.data.map((p) => p.id).sort(), [open.id, ended.id].sort(), 'ended ones too, never the draft');
  assert.equal((await app.inject({ url: '/api/v1/processes' })).json().total, 2, 'both towns’ open ones');

  const one = await app.inject({ url: `/api/v1/processes/${open.id}?lang=bg` });
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().language, 'en', 'the original when the asked language is missing');
  assert.match(one.json().url, new RegExp(`/bg/participation/${open.slug}$`));
  assert.equal((await app.inject({ url: `/api/v1/processes/${draft.id}` })).statusCode, 404);
  for (const bad of ['?state=later', '?page=0', '?municipality=abc', '?colour=red', `?municipality=1&network=1`, '?lang=xx']) {
    const res = await app.inject({ url: `/api/v1/processes${bad}` });
    assert.equal(res.statusCode, 400, bad);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  }
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  for (const path of ['/api/v1/processes', '/api/v1/processes/{id}', '/api/v1/proposals', '/api/v1/debates', '/api/v1/results'])
    assert.ok(
      Object.keys(doc.paths).some((p) => p.endsWith(path.replace('/api/v1', ''))),
      path,
    );
});
