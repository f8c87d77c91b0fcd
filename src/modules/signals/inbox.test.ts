import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { count, sampleReport, staffSetting } from '../../../test/signals-staff.ts';
import * as repo from './repo.ts';

const INBOX = '/en/signals/inbox';
const ids = (body: string) => [...body.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1]));

appTest(
  'the inbox lists the town’s reports, open ones first and oldest first, unconfirmed ones marked, with filters',
  async (app, database) => {
    const s = await staffSetting(database);
    const { roads, lighting } = s.categories.botevgrad;
    const old = await sampleReport(database, s.towns.botevgrad, { category: roads!, age: 100, description: 'Old pothole' });
    const fresh = await sampleReport(database, s.towns.botevgrad, { category: lighting!, age: 2, description: 'Dark street' });
    const done = await sampleReport(database, s.towns.botevgrad, {
      category: roads!,
      age: 200,
      state: 'closed',
      description: 'Closed one',
    });
    const pending = await sampleReport(database, s.towns.botevgrad, {
      category: roads!,
      age: 40,
      confirmed: false,
      email: 'anon@example.eu',
    });
    await sampleReport(database, s.towns.staraZagora, { category: s.categories.staraZagora.roads!, description: 'Zagora pothole' });
    await database.db.updateTable('signals').set({ assigned_to: s.staff.id }).where('id', '=', fresh).execute();

    const res = await app.inject({ url: INBOX, headers: { cookie: s.staff.cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<h1>Problem reports of Botevgrad<\/h1>/);
    assert.deepEqual(ids(res.body), [old, pending, fresh, done]);
    assert.match(res.body, /Not confirmed yet/);
    assert.match(res.body, /href="\/en\/municipalities\/bg\/botevgrad\/signals\/categories"/, 'the way to the town’s categories');
    assert.ok(!res.body.includes('Zagora pothole'));
    const filtered = async (query: string) =>
      ids((await app.inject({ url: `${INBOX}?${query}`, headers: { cookie: s.staff.cookie } })).body);
    assert.deepEqual(await filtered('state=closed'), [done]);
    assert.deepEqual(await filtered('state=unsettled'), [old, pending, fresh]);
    assert.deepEqual(await filtered(`category=${lighting}`), [fresh]);
    assert.deepEqual(await filtered('area=mobility'), [old, pending, fresh, done]);
    assert.deepEqual(await filtered('area=environment'), []);
    assert.deepEqual(await filtered('age=30'), [old, pending, done]);
    assert.deepEqual(await filtered('age=90'), [old, done]);
    assert.deepEqual(await filtered('mine=1'), [fresh]);
    assert.deepEqual(await filtered('state=bogus&age=12&page=0'), [old, pending, fresh, done], 'a misfit filter reads as absent');

    for (let i = 0; i < 50; i++) await sampleReport(database, s.towns.botevgrad, { category: roads!, age: 1 });
    const first = await app.inject({ url: INBOX, headers: { cookie: s.staff.cookie } });
    assert.equal(ids(first.body).length, 50);
    assert.match(first.body, /Page 1 of 2/);
    const second = ids((await app.inject({ url: `${INBOX}?page=2`, headers: { cookie: s.staff.cookie } })).body);
    assert.equal(second.length, 4);
    assert.equal(second.at(-1), done, 'settled reports come last');
  },
);

appTest('who may open an inbox: staff of the town, each only their own', async (app, database) => {
  const s = await staffSetting(database);
  assert.equal((await app.inject({ url: INBOX })).statusCode, 303, 'a visitor signs in first');
  for (const who of [s.citizen, s.author])
    assert.equal((await app.inject({ url: INBOX, headers: { cookie: who.cookie } })).statusCode, 403);
  const foreign = await app.inject({ url: `${INBOX}?town=${s.towns.staraZagora}`, headers: { cookie: s.staff.cookie } });
  assert.equal(foreign.statusCode, 403);
  const csv = await app.inject({ url: `${INBOX}.csv?town=${s.towns.staraZagora}`, headers: { cookie: s.staff.cookie } });
  assert.equal(csv.statusCode, 403);
  assert.equal((await app.inject({ url: `${INBOX}?town=${s.towns.staraZagora}`, headers: { cookie: s.other.cookie } })).statusCode, 200);
});

appTest(
  'a bulk change: every report checked, all or none, each author told; a forged id of another town changes nothing',
  async (app, database) => {
    const s = await staffSetting(database);
    const { roads } = s.categories.botevgrad;
    const a = await sampleReport(database, s.towns.botevgrad, { category: roads!, author: s.author });
    const b = await sampleReport(database, s.towns.botevgrad, { category: roads!, email: 'neighbour@example.eu', language: 'de' });
    const c = await sampleReport(database, s.towns.botevgrad, { category: roads!, state: 'investigating' });
    const zagora = await sampleReport(database, s.towns.staraZagora, { category: s.categories.staraZagora.roads! });
    const bulk = (fields: Record<string, string | string[]>, who = s.staff) =>
      submit(app, INBOX, fields, who, `${INBOX}/bulk?town=${s.towns.botevgrad}&state=unsettled`);
    const snapshot = async () => ({
      states: (await database.db.selectFrom('signals').select(['id', 'state']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}`),
      updates: await count(database, 'signal_updates'),
      mails: await count(database, 'mail_outbox'),
    });
    const before = await snapshot();

    const forged = await bulk({ ids: [String(a), String(zagora)], bulk_state: 'investigating', bulk_note: 'Looking into it.' });
    assert.equal(forged.statusCode, 403);
    const foreignTown = await submit(
      app,
      INBOX,
      { ids: [String(zagora)], bulk_state: 'investigating', bulk_note: 'x' },
      s.staff,
      `${INBOX}/bulk?town=${s.towns.staraZagora}`,
    );
    assert.equal(foreignTown.statusCode, 403);
    const notStaff = await submit(
      app,
      '/en/account',
      { ids: [String(a)], bulk_state: 'investigating', bulk_note: 'x' },
      s.citizen,
      `${INBOX}/bulk`,
    );
    assert.equal(notStaff.statusCode, 403);
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ bulk_state: 'investigating', bulk_note: 'No boxes ticked.' }, /Choose at least one report in the list/],
      [{ ids: [String(a)], bulk_state: 'investigating', bulk_note: ' ' }, /Write a public note saying why/],
      [{ ids: [String(a)], bulk_state: 'duplicate', bulk_note: 'Copies.' }, /Choose one of the options/],
      [{ ids: [String(a)], bulk_state: 'not_responsible', bulk_note: 'Not ours.' }, /Say who is responsible instead/],
      [
        { ids: [String(a), String(c)], bulk_state: 'investigating', bulk_note: '<script>alert(1)</script>' },
        new RegExp(`the new state does not suit #${c}`),
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await bulk(fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.match(res.body, message);
      assert.ok(!res.body.includes('<script>alert(1)</script>'));
    }
    const kept = await bulk({ ids: [String(a), String(c)], bulk_state: 'investigating', bulk_note: 'Kept note' });
    assert.match(kept.body, /Kept note/);
    assert.match(kept.body, new RegExp(`name="ids" value="${a}"[^>]*checked`), 'the ticked boxes stay ticked');
    assert.deepEqual(await snapshot(), before);

    const done = await bulk({ ids: [String(a), String(b)], bulk_state: 'action_scheduled', bulk_note: 'Repairs in spring.' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${INBOX}?town=${s.towns.botevgrad}&state=unsettled&notice=changed`);
    assert.equal((await repo.signalById(database.db, a))?.state, 'action_scheduled');
    assert.equal((await repo.signalById(database.db, b))?.state, 'action_scheduled');
    assert.equal((await repo.signalById(database.db, c))?.state, 'investigating');
    const mails = await database.db.selectFrom('mail_outbox').select(['to_address', 'language', 'text_body']).orderBy('id').execute();
    assert.deepEqual(
      mails.map((m) => [m.to_address, m.language]),
      [
        [s.author.email, 'bg'],
        ['neighbour@example.eu', 'de'],
      ],
    );
    assert.ok(mails.every((m) => m.text_body.includes('Repairs in spring.')));
  },
);

appTest('the CSV export holds the filtered reports with what staff see, never internal notes', async (app, database) => {
  const s = await staffSetting(database);
  const a = await sampleReport(database, s.towns.botevgrad, {
    category: s.categories.botevgrad.roads!,
    author: s.author,
    description: '=HYPERLINK("x")',
  });
  await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.lighting!, state: 'fixed' });
  await repo.insertUpdate(database.db, {
    signal_id: a,
    kind: 'internal',
    state: null,
    note: 'Secret staff remark',
    author_id: s.staff.id,
    from_municipality: null,
    created_at: new Date().toISOString(),
  });
  const res = await app.inject({ url: `${INBOX}.csv?state=open`, headers: { cookie: s.staff.cookie } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(String(res.headers['content-disposition']), /attachment; filename="signals-\d+\.csv"/);
  assert.ok(!res.body.includes('Secret staff remark'));
  const rows = parse(res.body, { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 1, 'only the filtered reports');
  const [row] = rows;
  assert.equal(row?.id, String(a));
  assert.equal(row?.state, 'Open');
  assert.equal(row?.category, 'Roads and pavements');
  assert.equal(row?.area, 'Mobility');
  assert.equal(row?.contact_email, s.author.email);
  assert.equal(row?.contact_phone, '+359 888 123 456');
  assert.equal(row?.account, 'Maria Author');
  assert.equal(row?.description, `'=HYPERLINK("x")`, 'a formula is kept as text');
  assert.equal(row?.url, `http://portal.test/en/signals/${a}`);
});

appTest('“Your work” shows each town’s inbox with the open reports waiting', async (app, database) => {
  const s = await staffSetting(database);
  await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads! });
  await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads!, state: 'in_progress' });
  await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads!, state: 'fixed' });
  const work = await app.inject({ url: '/en/work', headers: { cookie: s.staff.cookie } });
  assert.equal(work.statusCode, 200);
  assert.match(work.body, /Problem reports/);
  assert.match(work.body, /2 open reports/);
  assert.match(work.body, new RegExp(`/en/signals/inbox\\?town=${s.towns.botevgrad}`));
  const citizen = await app.inject({ url: '/en/work', headers: { cookie: s.citizen.cookie } });
  assert.ok(!citizen.body.includes('/signals/inbox'));
});
