import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';

const PROGRAMME = {
  language: 'en',
  acronym: 'CERV',
  name: 'Citizens, Equality, Rights and Values',
  summary: 'Funds meetings of citizens of twinned towns and networks of towns.',
  managing_body: 'European Commission (EACEA)',
  website: 'https://example.eu/cerv',
  areas: ['europe', 'culture'],
  active: 'on',
  strands: 'Town twinning\nNetworks of towns',
};
const CALL = {
  language: 'en',
  reference: 'CERV-2027-CITIZENS-TOWN-TT',
  title: 'Town twinning 2027',
  summary: 'Meetings of citizens from twinned towns.',
  strand: '',
  areas: ['europe'],
  applicants: ['municipality', 'ngo'],
  countries: 'bg, SI ua',
  min_partners: '2',
  min_countries: '2',
  duration_months_min: '3',
  duration_months_max: '12',
  budget_eur: '4000000',
  lump_sum_eur: '30000',
  opens_at: '2099-01-10T09:00',
  deadline_at: '2099-03-14T17:00',
  time_zone: 'Europe/Brussels',
  url: 'https://example.eu/cerv/tt-2027',
};

const count = async (database: TestDatabase, table: 'programmes' | 'funding_calls' | 'programme_texts' | 'programme_strands') =>
  (await database.db.selectFrom(table).select('id').execute()).length;

async function programmeBy(app: Parameters<Parameters<typeof appTest>[1]>[0], editor: TestPerson) {
  const res = await submit(app, '/en/programmes/new', PROGRAMME, editor);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return String(res.headers.location);
}

appTest('a platform editor adds a programme and a call; both are audited and shown on their pages', async (app, database) => {
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const path = await programmeBy(app, editor);
  assert.equal(path, '/en/programmes/cerv');
  const page = await app.inject({ url: path });
  assert.match(page.body, /<li>Town twinning<\/li><li>Networks of towns<\/li>/);
  assert.equal(
    String((await submit(app, '/en/programmes/new', PROGRAMME, editor)).headers.location),
    '/en/programmes/cerv-2',
    'a second programme of the same acronym gets an address of its own',
  );

  const strands = await database.db.selectFrom('programme_strands').selectAll().orderBy('position').execute();
  const made = await submit(app, `${path}/calls/new`, { ...CALL, strand: String(strands[0]!.id) }, editor);
  assert.equal(made.statusCode, 303, made.body.slice(0, 500));
  const callPath = String(made.headers.location);
  const call = await app.inject({ url: callPath });
  assert.match(call.body, /March 14, 2099, 5:00 PM \(Central European Time\)/);
  assert.match(call.body, /Bulgaria, Slovenia, Ukraine/);
  assert.match(call.body, /CERV<\/a> – Town twinning/);
  const row = await database.db.selectFrom('funding_calls').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.deadline_at, '2099-03-14T16:00:00.000Z', 'stored as the UTC instant');
  assert.equal(row.countries, 'BG,SI,UA');

  // Editing keeps the instant and zone, and a translation leaves the original alone.
  const edit = await app.inject({ url: `${callPath}/edit`, headers: { cookie: editor.cookie } });
  assert.equal(edit.headers['cache-control'], 'no-store');
  assert.match(edit.body, /value="2099-03-14T17:00"/);
  const bg = await submit(
    app,
    `${callPath}/edit`,
    { ...CALL, language: 'bg', title: 'Побратимяване 2027', time_zone: 'Europe/Sofia' },
    editor,
  );
  assert.equal(bg.statusCode, 303);
  assert.match((await app.inject({ url: callPath.replace('/en/', '/bg/') })).body, /<h1>Побратимяване 2027<\/h1>/);
  assert.match((await app.inject({ url: callPath })).body, /<h1>Town twinning 2027<\/h1>/);
  assert.equal(
    (await database.db.selectFrom('funding_calls').select('deadline_at').executeTakeFirstOrThrow()).deadline_at,
    '2099-03-14T15:00:00.000Z',
    'the same clock time in Sofia',
  );

  const renamed = await submit(app, `${path}/edit`, { ...PROGRAMME, strands: 'Town twinning' }, editor);
  assert.equal(renamed.statusCode, 303);
  assert.equal(await count(database, 'programme_strands'), 3, 'a line less in the original language removes the strand');

  const log = await database.db.selectFrom('audit_log').select(['action', 'subject_type', 'actor_id']).orderBy('id').execute();
  assert.deepEqual(
    log.map((l) => [l.action, l.subject_type, l.actor_id]),
    [
      ['programme.create', 'programme', editor.id],
      ['programme.create', 'programme', editor.id],
      ['call.create', 'funding_call', editor.id],
      ['call.edit', 'funding_call', editor.id],
      ['programme.edit', 'programme', editor.id],
    ],
  );
});

/** For each field: a bad value and the error it gets. */
const BAD_PROGRAMME: [string, string, RegExp][] = [
  ['language', 'xx', /Choose one of the options/],
  ['acronym', '', /Fill in this field/],
  ['acronym', 'A'.repeat(41), /at most 40 characters/],
  ['name', '   ', /Fill in this field/],
  ['name', 'N'.repeat(201), /at most 200 characters/],
  ['summary', 'S'.repeat(3001), /at most 3,000 characters/],
  ['managing_body', 'B'.repeat(201), /at most 200 characters/],
  ['website', 'javascript:alert(1)', /Enter a web address/],
  ['areas', 'nonsense', /Choose one of the options/],
  ['strands', 'x'.repeat(121), /at most 20 strands/],
];
const BAD_CALL: [string, string, RegExp][] = [
  ['language', '', /Choose one of the options/],
  ['reference', '', /Fill in this field/],
  ['reference', '<script>alert(1)</script>', /Use letters, digits/],
  ['reference', 'R'.repeat(81), /at most 80 characters/],
  ['title', '', /Fill in this field/],
  ['title', 'T'.repeat(201), /at most 200 characters/],
  ['summary', 'S'.repeat(5001), /at most 5,000 characters/],
  ['strand', '999999', /Choose one of the options/],
  ['areas', 'sea', /Choose one of the options/],
  ['applicants', 'king', /Choose one of the options/],
  ['countries', 'XX, BG', /two-letter ISO country codes/],
  ['countries', 'C'.repeat(301), /at most 300 characters/],
  ['min_partners', '0', /from 1 to 500/],
  ['min_partners', '1e3', /from 1 to 500/],
  ['min_countries', '', /from 1 to 60/],
  ['duration_months_min', '-1', /months from 1 to 120/],
  ['duration_months_max', '121', /months from 1 to 120/],
  ['budget_eur', '12.5', /whole euros/],
  ['lump_sum_eur', '99999999999', /whole euros/],
  ['opens_at', '2099-02-30T10:00', /real date and time/],
  ['deadline_at', 'tomorrow', /real date and time/],
  ['deadline_at', '2099-01-01T10:00', /after the opening/],
  ['time_zone', 'Mars/Olympus', /time zone from the list/],
  ['url', 'ftp://example.eu', /Enter a web address/],
  ['url', '', /Fill in this field/],
];

appTest(
  'every field of both forms refuses bad, oversized and malicious input with its own error, keeps what was typed and stores nothing',
  async (app, database) => {
    const editor = await person(database, { roles: [['platform_admin', null]] });
    for (const [field, value, error] of BAD_PROGRAMME) {
      const res = await submit(app, '/en/programmes/new', { ...PROGRAMME, [field]: value }, editor);
      assert.equal(res.statusCode, 422, `${field}=${value.slice(0, 20)}`);
      assert.match(fieldError(res.body, field) ?? '', error, `${field}=${value.slice(0, 20)}`);
      assert.match(res.body, /<title>Error: /);
      if (field !== 'summary') assert.ok(res.body.includes('Funds meetings of citizens of twinned towns'), 'the summary is kept');
    }
    for (const field of ['acronym', 'name', 'summary', 'managing_body', 'strands']) {
      const res = await submit(app, '/en/programmes/new', { ...PROGRAMME, [field]: `bad\u0007value` }, editor);
      assert.equal(fieldError(res.body, field), CHARACTERS_ERROR, field);
    }
    assert.equal(await count(database, 'programmes'), 0);

    const path = await programmeBy(app, editor);
    for (const [field, value, error] of BAD_CALL) {
      const res = await submit(app, `${path}/calls/new`, { ...CALL, [field]: value }, editor);
      assert.equal(res.statusCode, 422, `${field}=${value.slice(0, 20)}`);
      assert.match(fieldError(res.body, field) ?? '', error, `${field}=${value.slice(0, 20)}`);
      assert.ok(res.body.includes('Meetings of citizens from twinned towns.') || field === 'summary', 'the summary is kept');
    }
    for (const field of ['reference', 'title', 'summary', 'countries', 'url']) {
      const res = await submit(app, `${path}/calls/new`, { ...CALL, [field]: `bad\u0001value` }, editor);
      assert.equal(fieldError(res.body, field), CHARACTERS_ERROR, field);
    }
    const script = await submit(app, `${path}/calls/new`, { ...CALL, title: '<script>alert(1)</script>', url: 'nope' }, editor);
    assert.equal(script.statusCode, 422);
    assert.ok(script.body.includes('value="&lt;script>alert(1)&lt;/script>"'), 'typed text is kept, escaped');
    assert.ok(!script.body.includes('<script>alert(1)'));
    assert.equal(await count(database, 'funding_calls'), 0);

    // Markup in a saved title is shown as text.
    const saved = await submit(app, `${path}/calls/new`, { ...CALL, title: '<script>alert(1)</script>' }, editor);
    const page = await app.inject({ url: String(saved.headers.location) });
    assert.ok(page.body.includes('<h1>&lt;script>alert(1)&lt;/script></h1>'));
    assert.equal(await count(database, 'funding_calls'), 1);
  },
);

appTest('nobody but platform editors and administrators reaches an editor page or changes anything', async (app, database) => {
  const towns = await sampleTowns(database);
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const path = await programmeBy(app, editor);
  const made = await submit(app, `${path}/calls/new`, CALL, editor);
  const callPath = String(made.headers.location);
  const others: Record<string, TestPerson> = {
    citizen: await person(database),
    townEditor: await person(database, { roles: [['municipality_editor', towns.staraZagora]] }),
    townAdmin: await person(database, { roles: [['municipality_admin', towns.botevgrad]] }),
    moderator: await person(database, { roles: [['platform_moderator', null]] }),
    unconfirmedEditor: await person(database, { roles: [['platform_editor', null]], confirmed: false }),
  };
  const pages = ['/en/programmes/new', `${path}/edit`, `${path}/calls/new`, `${callPath}/edit`];
  const before = await database.db.selectFrom('audit_log').select('id').execute();
  for (const [who, someone] of Object.entries(others)) {
    for (const url of pages) {
      const get = await app.inject({ url, headers: { cookie: someone.cookie } });
      assert.ok([403, 404].includes(get.statusCode), `${who} GET ${url}: ${get.statusCode}`);
      // Posting as a browser would: the CSRF token of a page the person may read.
      const post = await submit(app, '/en/contact', { ...PROGRAMME, ...CALL }, someone, url);
      assert.ok([403, 404].includes(post.statusCode), `${who} POST ${url}: ${post.statusCode}`);
    }
  }
  for (const url of pages) {
    const anonymous = await app.inject({ url });
    assert.equal(anonymous.statusCode, 303, 'a visitor is asked to sign in');
    assert.match(String(anonymous.headers.location), /\/en\/sign-in/);
  }
  assert.equal(await count(database, 'programmes'), 1);
  assert.equal(await count(database, 'funding_calls'), 1);
  assert.equal((await database.db.selectFrom('audit_log').select('id').execute()).length, before.length);
  const row = await database.db.selectFrom('funding_call_texts').select('title').executeTakeFirstOrThrow();
  assert.equal(row.title, CALL.title);
  assert.doesNotMatch((await app.inject({ url: path, headers: { cookie: others.townEditor!.cookie } })).body, /Edit the programme/);
  assert.match((await app.inject({ url: path, headers: { cookie: editor.cookie } })).body, /Edit the programme/);
  for (const missing of ['/en/programmes/nothing/edit', '/en/programmes/nothing/calls/new', '/en/calls/999999/edit', '/en/calls/x/edit'])
    assert.equal((await app.inject({ url: missing, headers: { cookie: editor.cookie } })).statusCode, 404, missing);
});
