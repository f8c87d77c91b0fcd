import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { PASSWORD, person, SAMPLE_PDF, submit, submitFiles, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { fieldError } from '../../../test/input.ts';
import { sampleProject } from '../../../test/projects.ts';

const SPACE = '/en/projects/ec-net/workspace';
const OTHER = '/en/projects/river/workspace';

/** Two projects; the people of each role, and the staff of the second project. */
async function cast(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const ecNet = await sampleProject(database, { coordinator: towns.staraZagora, partners: [towns.botevgrad] });
  const river = await sampleProject(database, { acronym: 'RIVER', coordinator: towns.botevgrad });
  return {
    ecNet,
    river,
    coordinator: await person(database, { name: 'Vesela Coordinator', roles: [['project_coordinator', ecNet]] }),
    partner: await person(database, { name: 'Petar Partner', roles: [['project_partner_staff', ecNet]] }),
    citizen: await person(database, { name: 'Cvetka Citizen' }),
    admin: await person(database, { name: 'Ana Admin', roles: [['platform_admin', null]] }),
    stranger: await person(database, { name: 'Rada River', roles: [['project_coordinator', river]] }),
    townEditor: await person(database, { roles: [['municipality_editor', towns.staraZagora]] }),
  };
}

const rows = async ({ db }: TestDatabase) => ({
  notices: (await db.selectFrom('project_notices').select('id').execute()).length,
  tasks: (await db.selectFrom('project_tasks').select(['id', 'done']).execute()).map((t) => Number(t.done)),
  documents: (await db.selectFrom('project_documents').select('id').execute()).length,
});
const files = (app: FastifyInstance) => {
  const dir = join(app.context.config.dataDir, 'uploads', 'project-workspace');
  return existsSync(dir) ? readdirSync(dir).length : 0;
};
const get = (app: FastifyInstance, url: string, who?: TestPerson) => app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

appTest('the workspace is the partners’ staff’s only: others get the 404 of an address that names nothing', async (app, database) => {
  const c = await cast(database);
  const nothing = await get(app, '/en/projects/no-such-project/workspace', c.citizen);
  assert.equal(nothing.statusCode, 404);
  for (const who of [c.citizen, c.admin, c.stranger, c.townEditor]) {
    const res = await get(app, SPACE, who);
    assert.equal(res.statusCode, 404, who.name);
    assert.ok(!res.body.includes('Workspace of'), 'nothing tells that a workspace is there');
    const page = await get(app, '/en/projects/ec-net', who);
    assert.ok(!page.body.includes('/en/projects/ec-net/workspace'), `the project page does not link it for ${who.name}`);
  }
  const anonymous = await get(app, SPACE);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/en\/sign-in\?next=/);
  for (const who of [c.coordinator, c.partner]) {
    const res = await get(app, SPACE, who);
    assert.equal(res.statusCode, 200, who.name);
    assert.match(String(res.headers['cache-control']), /no-store/);
    assert.match(res.body, /<h1>Workspace of EC-NET<\/h1>/);
    assert.match((await get(app, '/en/projects/ec-net', who)).body, /href="\/en\/projects\/ec-net\/workspace">The project’s workspace</);
    assert.match(res.body, /Vesela Coordinator <span class="tag">/);
    assert.match(res.body, /Petar Partner <span class="tag">/);
    assert.ok(!res.body.includes('Rada River'), 'another project’s staff are not members');
  }
  assert.equal((await get(app, OTHER, c.stranger)).statusCode, 200, 'the other project’s staff have their own');
  assert.equal((await get(app, OTHER, c.partner)).statusCode, 404, 'and this one’s staff do not see it');
});

appTest('staff post notices, newest first and as text; outsiders’ posts are refused and keep nothing', async (app, database) => {
  const c = await cast(database);
  const first = await submit(app, SPACE, { text: 'Agenda of the March meeting is in the documents.' }, c.partner, `${SPACE}/notices`);
  assert.equal(first.statusCode, 303);
  const second = await submit(app, SPACE, { text: '<script>alert(1)</script> Call on Friday' }, c.coordinator, `${SPACE}/notices`);
  assert.equal(second.statusCode, 303);
  const page = (await get(app, SPACE, c.partner)).body;
  assert.ok(page.indexOf('Call on Friday') < page.indexOf('Agenda of the March'), 'newest first');
  assert.ok(!page.includes('<script>alert(1)'), 'shown as text');
  assert.match(page, /<p>&lt;script>alert\(1\)&lt;\/script> Call on Friday<\/p>/);

  const before = await rows(database);
  const long = await submit(app, SPACE, { text: 'x'.repeat(2001) }, c.partner, `${SPACE}/notices`);
  assert.equal(long.statusCode, 422);
  assert.equal(fieldError(long.body, 'text'), 'Keep it under 2000 characters.');
  assert.match(long.body, /<title>Error: /);
  assert.ok(long.body.includes('x'.repeat(2001)), 'what was typed is kept');
  const blank = await submit(app, SPACE, { text: '   ' }, c.partner, `${SPACE}/notices`);
  assert.equal(blank.statusCode, 422);
  const control = await submit(app, SPACE, { text: 'bell \u0007 here' }, c.partner, `${SPACE}/notices`);
  assert.equal(control.statusCode, 422);
  const nul = await submit(app, SPACE, { text: 'nul \u0000 here' }, c.partner, `${SPACE}/notices`);
  assert.equal(nul.statusCode, 400);
  for (const who of [c.citizen, c.admin, c.stranger]) {
    const res = await submit(app, '/en/account', { text: 'Let me in' }, who, `${SPACE}/notices`);
    assert.equal(res.statusCode, 404, who.name);
  }
  const { cookie } = await (async () => ({ cookie: c.partner.cookie }))();
  const forged = await app.inject({
    method: 'POST',
    url: `${SPACE}/notices`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'text=Forged&_csrf=wrong',
  });
  assert.equal(forged.statusCode, 403, 'a wrong CSRF token is refused');
  assert.deepEqual(await rows(database), before, 'nothing was stored');
});

appTest('staff add tasks with an owner and a due date, mark them done, and see which are overdue', async (app, database) => {
  const c = await cast(database);
  const task = (fields: Record<string, string>, who = c.partner) =>
    submit(app, who === c.stranger || who === c.admin ? '/en/account' : SPACE, fields, who, `${SPACE}/tasks`);
  assert.equal((await task({ title: 'Send the attendance lists', owner: String(c.partner.id), due: '2020-01-31' })).statusCode, 303);
  assert.equal(
    (await task({ title: 'Draft the toolkit', owner: String(c.coordinator.id), due: '2099-06-30' }, c.coordinator)).statusCode,
    303,
  );
  let page = (await get(app, SPACE, c.coordinator)).body;
  assert.match(
    page,
    /Send the attendance lists — Petar Partner — due <time datetime="2020-01-31">[^<]+<\/time><strong class="tag tag--warning">Overdue/,
  );
  assert.match(page, /Draft the toolkit — Vesela Coordinator — due <time datetime="2099-06-30">[^<]+<\/time><form/);

  const before = await rows(database);
  const outsider = await task({ title: 'Owned by an outsider', owner: String(c.stranger.id), due: '2099-01-01' });
  assert.equal(outsider.statusCode, 422);
  assert.equal(fieldError(outsider.body, 'owner'), 'Choose a member of the project.');
  assert.match(outsider.body, /value="Owned by an outsider"/);
  const badDate = await task({ title: 'Bad date', due: '2099-02-30' });
  assert.equal(fieldError(badDate.body, 'due'), 'Enter a date such as 2027-03-31.');
  assert.equal(fieldError((await task({ title: 't'.repeat(201) })).body, 'title'), 'Keep it under 200 characters.');
  assert.equal((await task({ title: 'Sneaky' }, c.stranger)).statusCode, 404);
  assert.equal((await task({ title: 'Sneaky' }, c.admin)).statusCode, 404);
  assert.deepEqual(await rows(database), before, 'nothing was stored');

  const ids = (await database.db.selectFrom('project_tasks').select('id').orderBy('id').execute()).map((t) => t.id);
  assert.equal((await submit(app, '/en/account', {}, c.stranger, `${SPACE}/tasks/${ids[0]}/done`)).statusCode, 404);
  assert.equal(
    (await submit(app, '/en/account', {}, c.stranger, `${OTHER}/tasks/${ids[0]}/done`)).statusCode,
    404,
    'not through their own project',
  );
  assert.deepEqual((await rows(database)).tasks, [0, 0]);
  assert.equal((await submit(app, SPACE, {}, c.partner, `${SPACE}/tasks/${ids[0]}/done`)).statusCode, 303);
  page = (await get(app, SPACE, c.partner)).body;
  assert.match(page, /<s>Send the attendance lists<\/s>/);
  assert.ok(
    !/attendance lists<\/s>[^<]*—[^<]*<time[^>]*>[^<]*<\/time><span class="tag">Done<\/span><strong/.test(page),
    'a done task is not overdue',
  );
});

appTest('staff upload documents, downloaded only after the same check; a script disguised as a PDF is refused', async (app, database) => {
  const c = await cast(database);
  const up = await submitFiles(
    app,
    SPACE,
    { name: 'Minutes of the kick-off' },
    { file: { name: 'minutes.pdf', data: SAMPLE_PDF } },
    c.partner,
    `${SPACE}/documents`,
  );
  assert.equal(up.statusCode, 303);
  const page = (await get(app, SPACE, c.coordinator)).body;
  const href = /href="(\/en\/projects\/ec-net\/workspace\/documents\/\d+)">Minutes of the kick-off</.exec(page)?.[1];
  assert.ok(href, 'listed with its name');
  const file = await get(app, href, c.coordinator);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /^attachment; filename="Minutes of the kick-off.pdf"$/);
  assert.match(String(file.headers['cache-control']), /no-store/);
  for (const who of [c.citizen, c.admin, c.stranger]) assert.equal((await get(app, href, who)).statusCode, 404, who.name);
  assert.equal((await get(app, href.replace('ec-net', 'river'), c.stranger)).statusCode, 404, 'not through another project');
  assert.equal((await get(app, href)).statusCode, 303);

  const before = { ...(await rows(database)), files: files(app) };
  const script = await submitFiles(
    app,
    SPACE,
    { name: 'Budget' },
    { file: { name: 'budget.pdf', data: Buffer.from('<script>alert(1)</script>'), type: 'application/pdf' } },
    c.partner,
    `${SPACE}/documents`,
  );
  assert.equal(script.statusCode, 422);
  assert.equal(fieldError(script.body, 'file'), 'This file is not a PDF, an office document or an image. Nothing was kept.');
  assert.match(script.body, /value="Budget"/);
  const unnamed = await submitFiles(
    app,
    SPACE,
    { name: '' },
    { file: { name: 'x.pdf', data: SAMPLE_PDF } },
    c.partner,
    `${SPACE}/documents`,
  );
  assert.equal(unnamed.statusCode, 422);
  const big = await submitFiles(
    app,
    SPACE,
    { name: 'Too big' },
    { file: { name: 'big.pdf', data: Buffer.concat([SAMPLE_PDF, Buffer.alloc(6 * 1024 * 1024)]) } },
    c.partner,
    `${SPACE}/documents`,
  );
  assert.ok(big.statusCode >= 400 && big.statusCode < 500, `an oversized file is refused (${big.statusCode})`);
  const theirs = await submitFiles(
    app,
    '/en/account',
    { name: 'Ours now' },
    { file: { name: 'x.pdf', data: SAMPLE_PDF } },
    c.stranger,
    `${SPACE}/documents`,
  );
  assert.equal(theirs.statusCode, 404);
  assert.deepEqual({ ...(await rows(database)), files: files(app) }, before, 'nothing was stored');
});

appTest('a member’s data download lists their notices, tasks and files; deleting the account keeps them, untied', async (app, database) => {
  const c = await cast(database);
  await submit(app, SPACE, { text: 'Minutes are in the folder.' }, c.partner, `${SPACE}/notices`);
  await submit(app, SPACE, { title: 'Book the hall', owner: String(c.partner.id), due: '2099-01-31' }, c.coordinator, `${SPACE}/tasks`);
  await submitFiles(app, SPACE, { name: 'Agenda' }, { file: { name: 'agenda.pdf', data: SAMPLE_PDF } }, c.partner, `${SPACE}/documents`);
  await submit(app, SPACE, { text: 'Not theirs.' }, c.coordinator, `${SPACE}/notices`);

  const data = JSON.parse((await get(app, '/en/account/data', c.partner)).body).projects;
  assert.deepEqual(
    data.notices.map((n: { text: string }) => n.text),
    ['Minutes are in the folder.'],
  );
  assert.deepEqual(
    data.tasks.map((t: { title: string }) => t.title),
    ['Book the hall'],
    'a task they own',
  );
  assert.deepEqual(
    data.documents.map((d: { original_name: string }) => d.original_name),
    ['Agenda'],
  );

  assert.equal((await submit(app, '/en/account/delete', { current_password: PASSWORD }, c.partner)).statusCode, 303);
  const page = (await get(app, SPACE, c.coordinator)).body;
  assert.match(page, /Minutes are in the folder\./, 'the notice stays the project’s');
  assert.ok(!page.includes('Petar Partner'), 'no longer named');
  const traces = await database.db
    .selectFrom('project_notices')
    .select('author_id')
    .where('author_id', '=', c.partner.id)
    .union(database.db.selectFrom('project_tasks').select('owner_id as author_id').where('owner_id', '=', c.partner.id))
    .union(database.db.selectFrom('project_documents').select('uploaded_by as author_id').where('uploaded_by', '=', c.partner.id))
    .execute();
  assert.deepEqual(traces, []);
});
