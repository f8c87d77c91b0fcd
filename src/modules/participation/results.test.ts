import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, submitFiles, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal, sampleResult } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { demoAnswers, demoProcesses } from './service/seeds.ts';

const resultsOf = (database: TestDatabase, processId: number) =>
  database.db.selectFrom('results').selectAll().where('process_id', '=', processId).orderBy('id').execute();

async function setting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const process = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { areas: ['environment', 'sport'] });
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const trees = await sampleProposal(database, process.id, null, { title: 'Linden trees', place: [42.9, 23.79, ''] });
  const park = await sampleProposal(database, process.id, null, { title: 'A skate park', area: 'sport' });
  const base = `/en${process.path}/monitoring`;
  return { towns, process, staff, trees, park, base };
}

const RESULT = {
  title: 'Linden avenue',
  description: 'Two hundred trees.',
  area: 'environment',
  status: 'planned',
  progress: '0',
  starts_on: '2027-03-01',
  ends_on: '2027-06-30',
  proposal_ids: '',
};

appTest('staff create a result; everyone follows it in monitoring, filtered, with its timeline newest first', async (app, database) => {
  const { process, staff, trees, park, base } = await setting(database);
  const created = await submit(app, `${base}/new`, { ...RESULT, proposal_ids: `${trees}, ${park}` }, staff);
  assert.equal(created.statusCode, 303);
  const [result] = await resultsOf(database, process.id);
  assert.equal(created.headers.location, `${base}/${result!.id}?notice=saved`);
  const other = await submit(
    app,
    `${base}/new`,
    { ...RESULT, title: 'Skate park', area: 'sport', status: 'completed', progress: '100' },
    staff,
  );
  assert.equal(other.statusCode, 303);

  const list = await app.inject({ url: base });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<h1>Monitoring<\/h1>/);
  assert.match(list.body, new RegExp(`<a href="${base}/${result!.id}">Linden avenue</a>`));
  assert.match(list.body, /<progress id="progress-\d+" max="100" value="0">0%<\/progress>/);
  assert.match(list.body, /<span class="tag">Planned<\/span> · March 1, 2027 – June 30, 2027 · Urban environment and ecology/);
  assert.match(list.body, new RegExp(`From the proposals: <span><a href="/en${process.path}/proposals/${trees}">Linden trees</a>`));
  assert.ok(!list.body.includes('New result'), 'the public sees no staff links');
  const completed = await app.inject({ url: `${base}?status=completed` });
  assert.ok(completed.body.includes('Skate park') && !completed.body.includes('Linden avenue'));
  assert.match(completed.body, /<option value="completed" selected>/);
  const sport = await app.inject({ url: `${base}?area=sport` });
  assert.ok(sport.body.includes('Skate park') && !sport.body.includes('Linden avenue'));
  const nonsense = await app.inject({ url: `${base}?status=%3Cscript%3E&area=nowhere` });
  assert.equal(nonsense.statusCode, 200, 'a filter that fits nothing reads as none');
  assert.ok(nonsense.body.includes('Skate park') && nonsense.body.includes('Linden avenue'));

  const page = `${base}/${result!.id}`;
  for (const [on_date, text, progress] of [
    ['2027-03-05', 'Work began.', '10'],
    ['2027-04-20', 'Half the trees are in.', '55'],
    ['2027-04-01', 'The nursery delivered the trees.', ''],
  ])
    assert.equal(
      (await submit(app, page, { on_date: on_date!, text: text!, progress: progress! }, staff, `${page}/events`)).statusCode,
      303,
    );
  const shown = await app.inject({ url: page });
  assert.equal(shown.statusCode, 200);
  const order = ['Half the trees are in.', 'The nursery delivered', 'Work began.'].map((s) => shown.body.indexOf(s));
  assert.ok(order[0]! > 0 && order[0]! < order[1]! && order[1]! < order[2]!, 'newest first');
  assert.match(
    shown.body,
    /<time datetime="2027-04-20">April 20, 2027<\/time><div><p class="timeline-title">Half the trees are in. <span class="tag">55%<\/span>/,
  );
  assert.match(shown.body, /value="55">55%<\/progress>/, 'the progress moved with the timeline');
  assert.match(shown.body, /<span class="tag">In progress<\/span>/);
  assert.ok(!shown.body.includes('Add to the timeline'), 'the public cannot add to it');
  assert.match((await app.inject({ url: page, headers: { cookie: staff.cookie } })).body, /Add to the timeline/);

  const edited = await submit(
    app,
    `${page}/edit`,
    { ...RESULT, title: 'Linden avenue, phase 1', status: 'cancelled', proposal_ids: `${park}` },
    staff,
  );
  assert.equal(edited.statusCode, 303);
  const after = await repo.resultById(database.db, result!.id);
  assert.equal(after?.title, 'Linden avenue, phase 1');
  assert.equal(after?.status, 'cancelled');
  assert.deepEqual(
    (await repo.linksOf(database.db, [result!.id])).map((l) => l.id),
    [park],
  );
  const actions = await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'result').execute();
  assert.ok(actions.some((a) => a.action === 'participation.result.change'));
  assert.equal(actions.filter((a) => a.action === 'participation.result.event').length, 3);
});

appTest('a refused result or timeline entry says why, keeps what was typed and changes nothing', async (app, database) => {
  const { towns, process, staff, base } = await setting(database);
  const elsewhere = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  const theirs = await sampleProposal(database, elsewhere.id, null);
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...RESULT, title: '' }, /Title: Fill in this field/],
    [{ ...RESULT, title: 'x'.repeat(201) }, /Use at most 200 characters/],
    [{ ...RESULT, progress: '101' }, /Enter a whole number from 0 to 100/],
    [{ ...RESULT, progress: '-5' }, /Enter a whole number from 0 to 100/],
    [{ ...RESULT, progress: 'half' }, /Enter a whole number from 0 to 100/],
    [{ ...RESULT, status: 'done' }, /Status: Choose one of the options/],
    [{ ...RESULT, area: 'taxes' }, /Choose one of the options/],
    [{ ...RESULT, starts_on: '2027-02-30' }, /Enter a date like 2027-03-01/],
    [{ ...RESULT, ends_on: '2027-01-01' }, /The end date cannot be before the start date/],
    [{ ...RESULT, proposal_ids: `${theirs}` }, /Give the numbers of proposals of this process/],
    [{ ...RESULT, proposal_ids: '1; DROP TABLE results' }, /Give the numbers of proposals of this process/],
    [{ ...RESULT, proposal_ids: '99999999999' }, /Give the numbers of proposals of this process/],
  ];
  for (const [fields, message] of cases) {
    const res = await submit(app, `${base}/new`, fields, staff);
    assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 100));
    assert.match(res.body, /<title>Error: New result/);
    assert.match(res.body, message, JSON.stringify(fields).slice(0, 100));
  }
  const typed = await submit(app, `${base}/new`, { ...RESULT, title: '<img src=x onerror=alert(1)>', progress: '300' }, staff);
  assert.ok(typed.body.includes('value="&lt;img src=x onerror=alert(1)>"'), 'what was typed comes back, inert');
  assert.equal((await resultsOf(database, process.id)).length, 0, 'nothing was stored');
  assert.equal((await repo.linksOf(database.db, [1, 2, 3])).length, 0);

  await submit(app, `${base}/new`, { ...RESULT, title: '<b>Bold</b> trees' }, staff);
  const [result] = await resultsOf(database, process.id);
  const page = `${base}/${result!.id}`;
  assert.ok((await app.inject({ url: page })).body.includes('<h1>&lt;b>Bold&lt;/b> trees</h1>'));
  for (const [fields, message] of [
    [{ on_date: 'yesterday', text: 'x', progress: '' }, /Enter a date like 2027-03-01/],
    [{ on_date: '2027-01-01', text: '', progress: '' }, /What happened: Fill in this field/],
    [{ on_date: '2027-01-01', text: 'y'.repeat(1001), progress: '' }, /Use at most 1,000 characters/],
    [{ on_date: '2027-01-01', text: 'Done', progress: '120' }, /Enter a whole number from 0 to 100/],
  ] as [Record<string, string>, RegExp][]) {
    const res = await submit(app, page, fields, staff, `${page}/events`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: &lt;b>Bold&lt;\/b> trees/);
    assert.match(res.body, message);
  }
  assert.equal((await repo.eventsOf(database.db, result!.id)).length, 0);
  assert.equal((await repo.resultById(database.db, result!.id))?.progress, 0);
});

appTest('only staff of the owner manage results, and only those of their process', async (app, database) => {
  const { towns, process, staff, base } = await setting(database);
  await submit(app, `${base}/new`, RESULT, staff);
  const [result] = await resultsOf(database, process.id);
  const page = `${base}/${result!.id}`;
  const citizen = await person(database);
  const other = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  for (const who of [citizen, other] as TestPerson[]) {
    for (const url of [`${base}/new`, `${page}/edit`, `${base}/import`])
      assert.equal((await app.inject({ url, headers: { cookie: who.cookie } })).statusCode, 403, url);
    const posts: [string, Record<string, string>][] = [
      [`${base}/new`, RESULT],
      [`${page}/edit`, { ...RESULT, title: 'Taken over' }],
      [`${page}/events`, { on_date: '2027-01-01', text: 'Not ours', progress: '99' }],
    ];
    for (const [url, fields] of posts) assert.equal((await submit(app, '/en/account', fields, who, url)).statusCode, 403, url);
  }
  assert.equal((await resultsOf(database, process.id)).length, 1);
  assert.equal((await repo.resultById(database.db, result!.id))?.title, 'Linden avenue');
  assert.equal((await repo.eventsOf(database.db, result!.id)).length, 0);

  const elsewhere = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  const theirs = `/en${elsewhere.path}/monitoring/${result!.id}`;
  assert.equal((await app.inject({ url: theirs })).statusCode, 404, 'a result through another process’s address');
  const otherStaff = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  assert.equal((await submit(app, '/en/account', RESULT, otherStaff, `${theirs}/edit`)).statusCode, 404);
  const draft = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { published: false });
  assert.equal((await app.inject({ url: `/en${draft.path}/monitoring` })).statusCode, 404, 'a draft’s monitoring is hidden');
  assert.equal((await app.inject({ url: `/en${draft.path}/monitoring`, headers: { cookie: staff.cookie } })).statusCode, 200);
  assert.equal((await app.inject({ url: `${base}/abc` })).statusCode, 404);
});

const importFile = (app: FastifyInstance, base: string, csv: string | Buffer, who: TestPerson) =>
  submitFiles(
    app,
    `${base}/import`,
    {},
    { file: { name: 'results.csv', data: Buffer.isBuffer(csv) ? csv : Buffer.from(csv), type: 'text/csv' } },
    who,
  );

const HEADER = 'id,title,description,area,status,progress,starts_on,ends_on,proposal_ids';

appTest('the CSV import checks every row first: a bad file changes nothing; importing again updates', async (app, database) => {
  const { process, staff, trees, park, base } = await setting(database);
  const good = [
    HEADER,
    `BG-1,Linden avenue,"Trees, two hundred",environment,in_progress,40,2027-03-01,2027-06-30,"${trees} ${park}"`,
    'BG-2,Skate park,,sport,,,,,',
  ].join('\n');
  const first = await importFile(app, base, `\ufeff${good}\n`, staff);
  assert.equal(first.statusCode, 303);
  assert.match(String(first.headers.location), /notice=imported&created=2&updated=0/);
  assert.match(
    (await app.inject({ url: String(first.headers.location), headers: { cookie: staff.cookie } })).body,
    /Import done: 2 results added, 0 updated/,
  );
  const rows = await resultsOf(database, process.id);
  assert.deepEqual(
    rows.map((r) => [r.external_id, r.title, r.status, r.progress]),
    [
      ['BG-1', 'Linden avenue', 'in_progress', 40],
      ['BG-2', 'Skate park', 'planned', 0],
    ],
  );
  assert.equal((await repo.linksOf(database.db, [rows[0]!.id])).length, 2);

  const again = await importFile(app, base, good.replace('in_progress,40', 'completed,100'), staff);
  assert.match(String(again.headers.location), /created=0&updated=2/);
  const updated = await resultsOf(database, process.id);
  assert.equal(updated.length, 2, 'no duplicates');
  assert.equal(updated[0]!.status, 'completed');

  const bad = [
    HEADER,
    'BG-1,Changed title,,,planned,0,,,',
    'BG-3,<script>x</script>,,,finished,0,,,',
    ',No id,,,planned,0,,,',
    'BG-4,Far future,,,planned,150,2027-13-01,,',
    `BG-4,Twice,,,planned,0,,,"${trees}"`,
    'BG-5,Wrong links,,,planned,0,,,999999',
  ].join('\n');
  const refused = await importFile(app, base, bad, staff);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /<title>Error: Import results from a file/);
  assert.match(refused.body, /Line 3, column status: Choose one of the options./);
  assert.match(refused.body, /Line 4, column id: Give an id of 1 to 60 letters/);
  assert.match(refused.body, /Line 5, column progress: Enter a whole number from 0 to 100./);
  assert.match(refused.body, /Line 5, column starts_on: Enter a date like 2027-03-01./);
  assert.match(refused.body, /Line 6, column id: This id is on another line of the file too./);
  assert.match(refused.body, /Line 7, column proposal_ids: Give the numbers of proposals of this process/);
  assert.ok(!refused.body.includes('<script>x'), 'nothing of the file runs');
  assert.equal((await resultsOf(database, process.id)).length, 2, 'nothing added');
  assert.equal((await resultsOf(database, process.id))[0]!.title, 'Linden avenue', 'nothing changed, not even the good line');

  const files: [string | Buffer, RegExp][] = [
    ['', /The file is empty/],
    ['id,title\nBG-1,Trees', /Columns missing: description, area, status, progress, starts_on, ends_on, proposal_ids/],
    [Buffer.from([0x69, 0x64, 0x2c, 0xff, 0xfe, 0x0a]), /The file is not in UTF-8/],
    [`${HEADER}\nBG-1,"unclosed,,,planned,0,,,`, /This is not a readable CSV file/],
    [`${HEADER}\n${Array.from({ length: 2001 }, (_, i) => `R${i},Row ${i},,,planned,0,,,`).join('\n')}`, /too many lines: at most 2,000/],
    [`${HEADER}\n${'x'.repeat(1024 * 1024)}`, /The file is too large: at most 1 MB/],
  ];
  for (const [file, message] of files) {
    const res = await importFile(app, base, file, staff);
    assert.equal(res.statusCode, 422, String(message));
    assert.match(res.body, message);
  }
  assert.equal((await resultsOf(database, process.id)).length, 2);
});

appTest('results are open data: CSV, GeoJSON and the API, public processes only', async (app, database) => {
  const { towns, process, staff, trees, base } = await setting(database);
  await importFile(
    app,
    base,
    `${HEADER}\nBG-1,"=HYPERLINK(""http://evil"")",,environment,in_progress,40,,,${trees}\nBG-2,Skate park,,sport,completed,100,,,`,
    staff,
  );
  const [first, second] = await resultsOf(database, process.id);

  const csv = await app.inject({ url: `${base}.csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(csv.body, /^id,title,description,area,status,progress,starts_on,ends_on,proposal_ids,url\n/);
  assert.ok(
    csv.body.includes(
      `BG-1,"'=HYPERLINK(""http://evil"")",,environment,in_progress,40,,,${trees},http://portal.test/en${process.path}/monitoring/${first!.id}`,
    ),
  );

  const geo = (await app.inject({ url: `${base}.geojson` })).json() as {
    features: { geometry: { coordinates: number[] }; properties: { result: number } }[];
  };
  assert.equal(geo.features.length, 1, 'only results linked to a placed proposal');
  assert.deepEqual(geo.features[0]!.geometry.coordinates, [23.79, 42.9]);
  assert.equal(geo.features[0]!.properties.result, first!.id);

  const list = await app.inject({ url: `/api/v1/results?process=${process.slug}` });
  assert.equal(list.statusCode, 200);
  const body = list.json() as { data: { id: number; title: string; proposals: { id: number }[] }[]; total: number; next: null };
  assert.equal(body.total, 2);
  assert.deepEqual(
    body.data.map((r) => r.id),
    [second!.id, first!.id],
  );
  assert.equal(body.data[1]!.proposals[0]!.id, trees);
  const done = (await app.inject({ url: '/api/v1/results?status=completed' })).json() as { data: { title: string }[] };
  assert.deepEqual(
    done.data.map((r) => r.title),
    ['Skate park'],
  );
  await submit(app, `${base}/${first!.id}`, { on_date: '2027-01-10', text: 'Begun', progress: '45' }, staff, `${base}/${first!.id}/events`);
  const one = (await app.inject({ url: `/api/v1/results/${first!.id}?lang=bg` })).json() as {
    progress: number;
    timeline: unknown[];
    url: string;
  };
  assert.equal(one.progress, 45);
  assert.equal(one.url, `http://portal.test/bg${process.path}/monitoring/${first!.id}`);
  assert.deepEqual(one.timeline, [{ date: '2027-01-10', text: 'Begun', progress: 45 }]);

  const draft = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { published: false });
  const hiddenId = await sampleResult(database, draft.id, { title: 'Secret plan' });
  assert.ok(!(await app.inject({ url: '/api/v1/results' })).body.includes('Secret plan'));
  assert.equal((await app.inject({ url: `/api/v1/results/${hiddenId}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/api/v1/results?process=${draft.slug}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/en${draft.path}/monitoring.csv` })).statusCode, 404);
  for (const url of [
    '/api/v1/results?status=done',
    '/api/v1/results?page=0',
    '/api/v1/results?colour=red',
    '/api/v1/results/abc',
    '/api/v1/results?lang=xx',
  ])
    assert.equal((await app.inject({ url })).statusCode, 400, url);
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/results'] && doc.paths['/results/{id}']);
});

appTest('the demo answers a few of Botevgrad’s proposals and monitors two results, once', async (app, database) => {
  await sampleTowns(database);
  await demoProcesses.run(app.context);
  await demoAnswers.run(app.context);
  await demoAnswers.run(app.context);
  const process = (await repo.processBySlug(database.db, 'botevgrad-ideas'))!;
  const answers = await database.db.selectFrom('proposal_answers').select(['state', 'published']).execute();
  assert.deepEqual(answers.map((a) => a.state).sort(), ['accepted', 'rejected', 'under_way']);
  assert.ok(answers.every((a) => a.published === 1));
  const results = await resultsOf(database, process.id);
  assert.equal(results.length, 2, 'run twice, added once');
  for (const r of results) assert.ok((await repo.eventsOf(database.db, r.id)).length >= 2, r.title);
  const page = await app.inject({ url: '/bg/participation/botevgrad-ideas/monitoring' });
  assert.match(page.body, /Велоалея до язовир Бебреш/);
  assert.match(page.body, /Обновяване на Градската градина/);
});

appTest('the process page leads to monitoring; its staff also to the answers waiting and the census list', async (app, database) => {
  const { towns, process, staff, base } = await setting(database);
  await submit(app, `${base}/new`, RESULT, staff);
  const page = await app.inject({ url: `/en${process.path}` });
  assert.match(page.body, /id="monitoring-heading">Monitoring</);
  assert.match(page.body, /The town follows 1 result of this process/);
  assert.match(page.body, new RegExp(`<a href="${base}">Follow what happens with the proposals</a>`));
  assert.ok(!page.body.includes('/answers"'), 'the public sees no staff links');
  const asStaff = await app.inject({ url: `/en${process.path}`, headers: { cookie: staff.cookie } });
  assert.match(asStaff.body, /Proposals awaiting an answer/);
  assert.ok(!asStaff.body.includes('/participation/census/'), 'no census for a process open to every confirmed account');
  const census = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { supporters: 'census' });
  const withCensus = await app.inject({ url: `/en${census.path}`, headers: { cookie: staff.cookie } });
  assert.match(withCensus.body, new RegExp(`href="/en/participation/census/municipality/${towns.botevgrad}">The census list of residents`));
  assert.match((await app.inject({ url: `/en${census.path}` })).body, /The town has no results to follow yet/);
});
