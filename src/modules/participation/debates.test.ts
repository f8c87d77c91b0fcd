import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';
import { sampleProcess } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { demoDebates } from './service/demo-debates.ts';
import { follow } from './service/following.ts';
import { demoProcesses } from './service/seeds.ts';

const count = async (database: { db: import('kysely').Kysely<import('../../core/db/tables.ts').Tables> }) =>
  Number(
    (
      await database.db
        .selectFrom('debates')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

appTest('staff open an official debate at any time; citizens only while the phase allows debates', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const open = await sampleProcess(database, owner, { actions: ['debate', 'comment'] });
  const quiet = await sampleProcess(database, owner, { actions: ['comment'] });
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Clerk Kalina' });
  const citizen = await person(database, { name: 'Citizen Ivo' });

  const page = await app.inject({ url: `/en${open.path}`, headers: { cookie: citizen.cookie } });
  assert.match(page.body, /id="debates-heading">Debates</);
  assert.match(page.body, /No debate has been opened yet/);
  assert.match(page.body, new RegExp(`href="/en${open.path}/debates/new">Open a debate`));

  const res = await submit(
    app,
    `/en${open.path}/debates/new`,
    {
      title: 'Car-free Saturdays?',
      body: 'Should the **square** be car-free?\n\n<script>alert(1)</script>',
      area: 'environment',
      closes_on: '',
    },
    citizen,
  );
  assert.equal(res.statusCode, 303);
  const path = res.headers.location as string;
  assert.match(path, new RegExp(`^/en${open.path}/debates/\\d+$`));
  const debate = await app.inject({ url: path });
  assert.match(debate.body, /<h1>Car-free Saturdays\?<\/h1>/);
  assert.match(debate.body, /Should the <strong>square<\/strong> be car-free\?/, 'the body is Markdown');
  assert.ok(!debate.body.includes('<script>alert(1)'), 'a script in the body is not kept');
  assert.match(debate.body, /Citizen Ivo/);
  assert.match(debate.body, /Urban environment and ecology/);
  assert.ok(!debate.body.includes('Opened by the town'), 'a citizen’s debate is not official');
  assert.ok(!debate.body.includes('Close the debate'), 'a citizen cannot close it');

  const official = await submit(
    app,
    `/en${quiet.path}/debates/new`,
    { title: 'The budget for 2027', body: 'Tell us.', closes_on: '' },
    staff,
  );
  assert.equal(official.statusCode, 303, 'staff open a debate whatever the phase allows');
  const shown = await app.inject({ url: official.headers.location as string, headers: { cookie: staff.cookie } });
  assert.match(shown.body, /Opened by the town/);
  assert.match(shown.body, /Close the debate/);

  assert.equal((await app.inject({ url: `/en${quiet.path}/debates/new`, headers: { cookie: citizen.cookie } })).statusCode, 403);
  const before = await count(database);
  const refused = await app.inject({
    method: 'POST',
    url: `/en${quiet.path}/debates/new`,
    headers: { cookie: citizen.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'title=x&body=y',
  });
  assert.ok([403].includes(refused.statusCode), 'outside the phase a citizen is refused');
  assert.equal(await count(database), before);

  const list = await app.inject({ url: `/en${open.path}` });
  assert.match(list.body, /Car-free Saturdays\?<\/a>/);
  assert.match(list.body, /Open<\/span>.*No comments/s);

  const anonymous = await app.inject({ url: `/en${open.path}/debates/new` });
  assert.equal(anonymous.statusCode, 303, 'a visitor is sent to sign in');
  assert.match(anonymous.headers.location as string, /sign-in/);
  const unconfirmed = await person(database, { confirmed: false });
  assert.equal((await app.inject({ url: `/en${open.path}/debates/new`, headers: { cookie: unconfirmed.cookie } })).statusCode, 403);
});

appTest('a refused debate keeps what was typed, says why in plain words, and stores nothing', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const citizen = await person(database);
  const url = `/en${p.path}/debates/new`;
  const cases: [Record<string, string>, RegExp][] = [
    [{ title: '', body: 'Something', closes_on: '' }, /Title: Fill in this field/],
    [{ title: 'T'.repeat(201), body: 'Something', closes_on: '' }, /Title: Use at most 200 characters/],
    [{ title: 'Fine', body: 'B'.repeat(20_001), closes_on: '' }, /What is it about\?: Use at most 20,000 characters/],
    [{ title: 'Fine', body: 'Something', area: 'taxes', closes_on: '' }, /Policy area: Choose one of the options/],
    [{ title: 'Fine', body: 'Something', closes_on: '2020-01-01' }, /Closes for comments on: Enter a date from today on/],
    [{ title: 'Fine', body: 'Something', closes_on: '2027-02-30' }, /Enter a date from today on/],
    [{ title: 'Bad\u0001one', body: 'Something', closes_on: '' }, /invisible control characters/],
  ];
  for (const [fields, error] of cases) {
    const res = await submit(app, url, fields, citizen);
    assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 80));
    assert.match(res.body, /<title>Error: Open a debate in/);
    assert.match(res.body, error);
  }
  const typed = await submit(app, url, { title: '<b>Loud</b> title', body: 'Kept <i>text</i>', closes_on: 'soon' }, citizen);
  assert.equal(typed.statusCode, 422);
  assert.match(typed.body, /value="&lt;b>Loud&lt;\/b> title"/, 'the title typed is kept, escaped');
  assert.match(typed.body, />Kept &lt;i>text&lt;\/i><\/textarea>/);
  assert.match(typed.body, /value="soon"/);
  assert.equal(await count(database), 0);
});

appTest('staff close a debate with conclusions: it is locked; another town’s staff cannot close it', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const other = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const citizen = await person(database);
  const opened = await submit(app, `/en${p.path}/debates/new`, { title: 'Bus lines', body: 'Which lines?', closes_on: '' }, citizen);
  const path = opened.headers.location as string;
  const id = Number(path.split('/').at(-1));

  for (const who of [other, citizen]) {
    assert.equal((await app.inject({ url: `${path}/close`, headers: { cookie: who.cookie } })).statusCode, 403);
    const forged = await submit(app, path, { conclusions: 'Closed by a stranger' }, who, `${path}/close`);
    assert.equal(forged.statusCode, 403);
  }
  assert.equal((await repo.debateById(database.db, id))?.closed_at, null, 'nobody else closed it');

  const empty = await submit(app, `${path}/close`, { conclusions: '  ' }, staff);
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Write the conclusions of the debate/);
  const closed = await submit(app, `${path}/close`, { conclusions: 'Line **4** will run every 20 minutes.' }, staff);
  assert.equal(closed.statusCode, 303);
  const page = await app.inject({ url: path, headers: { cookie: citizen.cookie } });
  assert.match(page.body, /id="conclusions-heading">Conclusions<\/h2>.*Line <strong>4<\/strong> will run/s);
  assert.ok(page.body.indexOf('conclusions-heading') < page.body.indexOf('<p>Which lines?</p>'), 'the conclusions come first');
  assert.match(page.body, /This debate is closed: it takes no more comments/);
  assert.ok(!page.body.includes('name="body"'), 'no comment form');
  const comment = await app.inject({
    method: 'POST',
    url: `${path}/comments`,
    headers: { cookie: citizen.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'body=late',
  });
  assert.ok([403, 422].includes(comment.statusCode), 'a closed debate refuses comments');
  assert.equal((await repo.commentsOn(database.db, 'debate', id)).length, 0);
});

appTest('a debate past its closing date takes no comments, and says so', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const citizen = await person(database);
  const opened = await submit(app, `/en${p.path}/debates/new`, { title: 'Parks', body: 'Where?', closes_on: '' }, citizen);
  const path = opened.headers.location as string;
  const id = Number(path.split('/').at(-1));
  await repo.updateDebate(database.db, id, { closes_at: new Date(Date.now() - 60_000).toISOString() });
  const page = await app.inject({ url: path, headers: { cookie: citizen.cookie } });
  assert.match(page.body, /passed its closing date/);
  assert.ok(!page.body.includes('name="body"'));
  // The form was loaded before the date passed: any form gives the token.
  const late = await submit(app, `/en${p.path}/debates/new`, { body: 'Too late?' }, citizen, `${path}/comments`);
  assert.equal(late.statusCode, 422);
  assert.match(late.body, /passed its closing date: it takes no more comments/);
  assert.match(late.body, />Too late\?<\/textarea>/, 'what was typed is kept');
  assert.equal((await repo.commentsOn(database.db, 'debate', id)).length, 0);
});

appTest('the API lists public debates by process and state, and shows one', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const p = await sampleProcess(database, owner, { slug: 'api-process' });
  const draft = await sampleProcess(database, owner, { slug: 'draft-process', published: false });
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const a = await submit(app, `/en${p.path}/debates/new`, { title: 'Open one', body: 'Body', closes_on: '' }, staff);
  const b = await submit(app, `/en${p.path}/debates/new`, { title: 'Closed one', body: 'Body', closes_on: '' }, staff);
  await submit(app, `/en${draft.path}/debates/new`, { title: 'Secret one', body: 'Body', closes_on: '' }, staff);
  const bPath = b.headers.location as string;
  await submit(app, `${bPath}/close`, { conclusions: 'Done' }, staff);
  const aId = Number((a.headers.location as string).split('/').at(-1));

  const all = await app.inject({ url: '/api/v1/debates' });
  assert.equal(all.statusCode, 200);
  const body = all.json() as { data: { title: string; state: string; official: boolean; url: string }[]; total: number };
  assert.deepEqual(
    body.data.map((d) => [d.title, d.state]),
    [
      ['Closed one', 'closed'],
      ['Open one', 'open'],
    ],
    'newest first, the draft process’s debate not shown',
  );
  assert.equal(body.data[1]!.official, true);
  assert.match(body.data[1]!.url, /^http:\/\/portal\.test\/en\/participation\/api-process\/debates\/\d+$/);
  const open = (await app.inject({ url: '/api/v1/debates?process=api-process&state=open' })).json() as { data: { id: number }[] };
  assert.deepEqual(
    open.data.map((d) => d.id),
    [aId],
  );
  assert.equal((await app.inject({ url: '/api/v1/debates?state=closed' })).json().total, 1);
  assert.equal((await app.inject({ url: '/api/v1/debates?process=draft-process' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/debates?state=maybe' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/debates?colour=red' })).statusCode, 400);
  const one = await app.inject({ url: `/api/v1/debates/${aId}` });
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().title, 'Open one');
  await repo.updateDebate(database.db, aId, { hidden: 1 });
  assert.equal((await app.inject({ url: `/api/v1/debates/${aId}` })).statusCode, 404, 'a hidden debate is not public');
  assert.equal((await app.inject({ url: '/api/v1/debates/0' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/debates/999999' })).statusCode, 404);
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/debates'] && doc.paths['/debates/{id}'], 'the endpoints are in the OpenAPI document');
});

appTest('the demo has a debate in Botevgrad with an official reply, and comments on Stara Zagora’s vision', async (app, database) => {
  await sampleTowns(database);
  for (let run = 0; run < 2; run++) for (const seed of [demoProcesses, demoDebates]) await seed.run(app.context);
  const ideas = await app.inject({ url: '/bg/participation/botevgrad-ideas' });
  assert.match(ideas.body, /Как да направим центъра по-удобен за пешеходци\?<\/a>/);
  const path = /href="(\/bg\/participation\/botevgrad-ideas\/debates\/\d+)"/.exec(ideas.body)?.[1];
  assert.ok(path, 'the debate is listed once');
  const debate = (await app.inject({ url: path.replace('/bg/', '/en/') })).body;
  assert.equal((debate.match(/tag--official">Official reply/g) ?? []).length, 1);
  assert.match(debate, /stance--for.*stance--against.*stance--neutral/s);
  assert.match(debate, /id="comments-heading">5 comments</);
  const vision = (await app.inject({ url: '/en/participation/stara-zagora-vision-2035' })).body;
  assert.match(vision, /2 comments: read them and add yours/);
  assert.match(vision, /1 comment: read it and add yours/);
  assert.equal(await count(database), 1, 'a second run adds nothing');
});

appTest('a robot that fills in the hidden field is sent to the debates, and no debate is opened', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { actions: ['debate', 'comment'] });
  const follower = await person(database);
  await follow(app.context, follower.id, { type: 'process', id: p.id });
  const robot = await person(database);
  const form = await app.inject({ url: `/en${p.path}/debates/new`, headers: { cookie: robot.cookie } });
  assert.ok(hasHoneypot(form.body), 'the form holds the trap');
  const res = await submit(app, `/en${p.path}/debates/new`, { title: 'Cheap pills', body: 'Buy now', closes_on: '', ...ROBOT }, robot);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/en${p.path}#debates`);
  assert.equal(await count(database), 0);
  assert.equal((await database.db.selectFrom('participation_notifications').selectAll().execute()).length, 0, 'no follower hears of it');
  assert.equal((await submit(app, `/en${p.path}/debates/new`, { title: 'Trees', body: 'Which?', closes_on: '' }, robot)).statusCode, 303);
  assert.equal(await count(database), 1, 'with the field left empty, the debate is opened');
  assert.equal((await database.db.selectFrom('participation_notifications').selectAll().execute()).length, 1);
});
