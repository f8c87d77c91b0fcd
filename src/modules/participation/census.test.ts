import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, submitFiles, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';
import { sampleProcess } from '../../../test/participation.ts';
import { verifiedFor } from './service/eligibility.ts';

const IDS = ['7501010010', 'bg 1234 5678', 'ЛК-998877'];

async function setting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const process = await sampleProcess(database, owner, { supporters: 'census' });
  const staff = await person(database, { roles: [['municipality_admin', towns.botevgrad]], name: 'Clerk Ivanova' });
  const census = `/en/participation/census/municipality/${towns.botevgrad}`;
  return { towns, owner, process, staff, census, verify: `/en${process.path}/verify` };
}

const upload = (app: FastifyInstance, census: string, content: string | Buffer, who: TestPerson) =>
  submitFiles(app, census, {}, { file: { name: 'census.csv', data: Buffer.isBuffer(content) ? content : Buffer.from(content) } }, who);

/** Every text our census tables and the audit log hold, to look for identifiers in clear. */
async function storedText(database: TestDatabase) {
  const tables = ['census_entries', 'census_lists', 'census_verifications', 'census_clashes', 'audit_log', 'throttle'] as const;
  const rows = await Promise.all(tables.map((t) => database.db.selectFrom(t).selectAll().execute()));
  return JSON.stringify(rows);
}

appTest(
  'staff upload the census list: only keyed hashes are kept, never the identifiers, and a new list replaces it',
  async (app, database) => {
    const { census, staff, owner } = await setting(database);
    const page = await app.inject({ url: census, headers: { cookie: staff.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Census list of Botevgrad<\/h1>/);
    assert.match(page.body, /No list has been uploaded yet/);

    const res = await upload(app, census, `identifier\n${IDS.join('\n')}\n 7501010010 \n`, staff);
    assert.equal(res.statusCode, 303);
    const shown = await app.inject({ url: `${census}?notice=uploaded`, headers: { cookie: staff.cookie } });
    assert.match(shown.body, /The list holds 3 identifiers, uploaded on/, 'the same identifier twice counts once');
    const entries = await database.db.selectFrom('census_entries').selectAll().execute();
    assert.equal(entries.length, 3);
    assert.ok(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && e.owner_id === owner.id));
    const stored = await storedText(database);
    for (const id of [...IDS, 'BG12345678', 'ЛК-998877', '7501010010']) assert.ok(!stored.includes(id), `${id} is nowhere in clear`);
    assert.ok(!shown.body.includes('7501010010'), 'nor shown back');

    const refusals: [string | Buffer, RegExp][] = [
      ['', /Choose a CSV or text file in UTF-8/],
      [Buffer.from([0x31, 0x32, 0x33, 0x34, 0xff, 0x0a]), /Choose a CSV or text file in UTF-8/],
      [
        '1234567\nab\n<script>alert(1)</script>\n7654321\n',
        /These lines do not hold an identifier of 4 to 40 letters or digits: 2, 3. Nothing was changed./,
      ],
    ];
    for (const [content, message] of refusals) {
      const refused = await upload(app, census, content, staff);
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /<title>Error: Census list of Botevgrad/);
      assert.match(refused.body, message);
    }
    const missing = await submitFiles(app, census, {}, {}, staff);
    assert.equal(missing.statusCode, 422);
    assert.equal((await database.db.selectFrom('census_entries').selectAll().execute()).length, 3, 'the list stays as it was');

    assert.equal((await upload(app, census, '5555555555\n', staff)).statusCode, 303);
    assert.equal((await database.db.selectFrom('census_entries').selectAll().execute()).length, 1, 'a new upload replaces the list');
    const audits = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'participation.census.upload')
      .execute();
    assert.equal(audits.length, 2);
  },
);

appTest('a person verifies once; a used identifier reads as a wrong one and goes to the staff’s queue', async (app, database) => {
  const { census, staff, owner, verify } = await setting(database);
  await upload(app, census, IDS.join('\n'), staff);
  const ana = await person(database, { name: 'Ana Petrova' });
  const boris = await person(database, { name: 'Boris Georgiev' });

  const form = await app.inject({ url: verify, headers: { cookie: ana.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1>Verify as a resident of Botevgrad<\/h1>/);
  assert.equal(form.headers['cache-control'], 'no-store');
  const wrong = await submit(app, verify, { identifier: '0000000000' }, ana);
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /<title>Error: Verify as a resident of Botevgrad/);
  const wrongMessage = /We could not verify you with this identifier[^<]*/.exec(wrong.body)?.[0];
  assert.ok(wrongMessage);
  assert.match(wrong.body, /name="identifier" value="0000000000"/, 'what was typed comes back');
  for (const [typed, message] of [
    ['', /Fill in this field/],
    ['<script>', /Type the identifier as it is on your document/],
    ['x'.repeat(101), /Type the identifier as it is on your document/],
  ] as const) {
    const res = await submit(app, verify, { identifier: typed }, ana);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
  }
  assert.equal(await verifiedFor(app.context, owner, ana.id), false);
  const unconfirmed = await person(database, { confirmed: false });
  const early = await submit(app, verify, { identifier: 'BG12345678' }, unconfirmed);
  assert.equal(early.statusCode, 422);
  assert.match(early.body, /Confirm your email address first/);
  assert.equal(await verifiedFor(app.context, owner, unconfirmed.id), false, 'an unconfirmed account takes no resident’s number');

  const ok = await submit(app, verify, { identifier: ' BG12 3456 78 ' }, ana);
  assert.equal(ok.statusCode, 303, 'spaces and case do not matter');
  assert.equal(await verifiedFor(app.context, owner, ana.id), true);
  assert.match((await app.inject({ url: verify, headers: { cookie: ana.cookie } })).body, /You are verified as a resident of Botevgrad/);
  assert.equal(await verifiedFor(app.context, { type: 'municipality', id: owner.id + 1 }, ana.id), false, 'for this town only');

  const clash = await submit(app, verify, { identifier: 'bg12345678' }, boris);
  assert.equal(clash.statusCode, 422);
  assert.equal(/We could not verify you with this identifier[^<]*/.exec(clash.body)?.[0], wrongMessage, 'told as a wrong one is');
  assert.equal(await verifiedFor(app.context, owner, boris.id), false, 'one identifier verifies one account');

  const queue = await app.inject({ url: census, headers: { cookie: staff.cookie } });
  assert.match(queue.body, /Ana Petrova verified first; Boris Georgiev tried on/);
  const [row] = await database.db.selectFrom('census_clashes').select('id').execute();
  const resolved = await submit(app, census, {}, staff, `${census}/clashes/${row!.id}/claimant`);
  assert.equal(resolved.statusCode, 303);
  assert.equal(await verifiedFor(app.context, owner, boris.id), true, 'staff gave the identifier to the second account');
  assert.equal(await verifiedFor(app.context, owner, ana.id), false);
  assert.match((await app.inject({ url: census, headers: { cookie: staff.cookie } })).body, /No identifier has been used twice/);
  assert.equal((await submit(app, census, {}, staff, `${census}/clashes/${row!.id}/holder`)).statusCode, 404, 'settled once');

  await upload(app, census, '5555555555', staff);
  assert.equal(await verifiedFor(app.context, owner, boris.id), false, 'off the new list, no longer verified');
  assert.ok(!(await storedText(database)).includes('BG12345678'));
});

appTest('verifying is throttled per person', async (app, database) => {
  const { census, staff, verify } = await setting(database);
  await upload(app, census, IDS.join('\n'), staff);
  const guesser = await person(database);
  for (let i = 0; i < 5; i++) assert.equal((await submit(app, verify, { identifier: `100000000${i}` }, guesser)).statusCode, 422);
  const blocked = await submit(app, verify, { identifier: '7501010010' }, guesser);
  assert.equal(blocked.statusCode, 429);
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  assert.match(blocked.body, /Too many attempts/);
  assert.equal(
    (await database.db.selectFrom('census_verifications').selectAll().execute()).length,
    0,
    'not even the right identifier, once blocked',
  );
});

appTest('only staff of the owner keep its list; the check is only for processes that ask it', async (app, database) => {
  const { towns, census, staff, process } = await setting(database);
  const citizen = await person(database);
  const other = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  for (const who of [citizen, other]) {
    assert.equal((await app.inject({ url: census, headers: { cookie: who.cookie } })).statusCode, 403);
    const res = await submitFiles(app, '/en/account', {}, { file: { name: 'x.csv', data: Buffer.from('12345678') } }, who, census);
    assert.equal(res.statusCode, 403);
  }
  assert.equal((await database.db.selectFrom('census_entries').selectAll().execute()).length, 0);
  const visitor = await app.inject({ url: census });
  assert.match(String(visitor.headers.location), /^\/en\/sign-in/);
  for (const url of [
    '/en/participation/census/municipality/999999',
    '/en/participation/census/planet/1',
    '/en/participation/census/municipality/x',
  ])
    assert.equal((await app.inject({ url, headers: { cookie: staff.cookie } })).statusCode, 404, url);
  assert.equal(
    (await app.inject({ url: `/en/participation/census/municipality/${towns.staraZagora}`, headers: { cookie: staff.cookie } })).statusCode,
    403,
  );
  const open = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { supporters: 'confirmed' });
  assert.equal((await app.inject({ url: `/en${open.path}/verify`, headers: { cookie: citizen.cookie } })).statusCode, 404);
  assert.match(String((await app.inject({ url: `/en${process.path}/verify` })).headers.location), /^\/en\/sign-in/);
});

appTest('the data download says where a person verified; erasing the account keeps the identifier used', async (app, database) => {
  const { census, staff, owner, verify } = await setting(database);
  await upload(app, census, IDS.join('\n'), staff);
  const ana = await person(database);
  const boris = await person(database);
  await submit(app, verify, { identifier: '7501010010' }, ana);
  await submit(app, verify, { identifier: '7501010010' }, boris);
  const data = app.context.personalData.find((p) => p.module === 'participation')!.data;
  const exported = (await data.export({ userId: ana.id, email: ana.email }, app.context)) as { census: { verifiedAsResidentOf: string }[] };
  assert.deepEqual(
    exported.census.map((c) => c.verifiedAsResidentOf),
    ['Botevgrad'],
  );
  assert.ok(!JSON.stringify(exported).includes('7501010010'));

  await data.erase({ userId: boris.id, email: boris.email }, app.context);
  assert.equal((await database.db.selectFrom('census_clashes').selectAll().execute()).length, 0, 'the erased account’s claim goes');
  await data.erase({ userId: ana.id, email: ana.email }, app.context);
  assert.equal(await verifiedFor(app.context, owner, ana.id), true, 'the number stays used: the same person cannot count twice');
  const carla = await person(database);
  assert.equal((await submit(app, verify, { identifier: '7501010010' }, carla)).statusCode, 422);
});

appTest('a robot that fills in the hidden field is answered as a person is, and verifies nothing', async (app, database) => {
  const { census, staff, owner, verify } = await setting(database);
  await upload(app, census, IDS.join('\n'), staff);
  const robot = await person(database);
  assert.ok(hasHoneypot((await app.inject({ url: verify, headers: { cookie: robot.cookie } })).body), 'the form holds the trap');
  for (const identifier of ['7501010010', '0000000000']) {
    const res = await submit(app, verify, { identifier, ...ROBOT }, robot);
    assert.equal(res.statusCode, 303, 'a right and a wrong identifier get the same answer');
    assert.equal(res.headers.location, verify);
  }
  assert.equal(await verifiedFor(app.context, owner, robot.id), false);
  assert.equal((await database.db.selectFrom('census_verifications').selectAll().execute()).length, 0);
  const ana = await person(database);
  assert.equal((await submit(app, verify, { identifier: '7501010010' }, ana)).statusCode, 303);
  assert.equal(await verifiedFor(app.context, owner, ana.id), true, 'the identifier is still free for its owner');
  assert.equal((await database.db.selectFrom('census_clashes').selectAll().execute()).length, 0);
});
