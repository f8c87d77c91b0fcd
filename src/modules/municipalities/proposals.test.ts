import assert from 'node:assert/strict';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from './service/import.ts';

appTest(
  'anyone signed in proposes a missing municipality; an admin adds it to the directory or refuses with a reason',
  async (app, database) => {
    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    const citizen = await person(database, { name: 'Ana Kovač', language: 'sl' });
    const mailsTo = (to: string) =>
      database.db
        .selectFrom('mail_outbox')
        .select(['language', 'subject', 'text_body'])
        .where('to_address', '=', to)
        .orderBy('id')
        .execute();
    const admin = await person(database, { roles: [['platform_admin', null]] });
    assert.ok((await app.inject({ url: '/en/municipalities' })).body.includes('href="/en/municipalities/propose"'));
    assert.equal((await app.inject({ url: '/en/municipalities/propose' })).statusCode, 303, 'visitors sign in first');

    assert.match((await app.inject({ url: '/en/municipalities?country=si' })).body, /1 place/, 'the count before the proposal');
    const listed = await submit(app, '/en/municipalities/propose', { country: 'bg', name: 'Stara  Zagora' }, citizen);
    assert.equal(listed.statusCode, 422);
    assert.match(listed.body, /id="name-error"/);
    const bad = await submit(
      app,
      '/en/municipalities/propose',
      { country: 'us', name: '', population: 'lots', website: 'ftp://x' },
      citizen,
    );
    assert.equal(bad.statusCode, 422);
    for (const f of ['country', 'name', 'population', 'website']) assert.match(bad.body, new RegExp(`href="#${f}"`), f);

    const ok = await submit(
      app,
      '/en/municipalities/propose',
      {
        country: 'si',
        name: 'Kostanjevica na Krki',
        native_name: '',
        region: 'Posavje',
        population: '2400',
        website: 'https://www.kostanjevica.si',
        note: 'Oldest town in Lower Carniola.',
      },
      citizen,
    );
    assert.equal(ok.statusCode, 200);
    await submit(app, '/en/municipalities/propose', { country: 'si', name: 'Nowhere Town' }, citizen);

    const queue = await app.inject({ url: '/en/admin/claims', headers: { cookie: admin.cookie } });
    assert.ok(queue.body.includes('Kostanjevica na Krki') && queue.body.includes('Ana Kovač'));
    const [first, second] = [...queue.body.matchAll(/\/admin\/proposals\/(\d+)\/approve/g)].map((m) => Number(m[1]));
    assert.equal((await submit(app, '/en/account', {}, citizen, `/en/admin/proposals/${first}/approve`)).statusCode, 403);
    const added = await submit(app, '/en/admin/claims', {}, admin, `/en/admin/proposals/${first}/approve`);
    assert.equal(added.headers.location, '/en/admin/claims?notice=added');
    const si = (await app.inject({ url: '/en/municipalities?country=si' })).body;
    assert.ok(si.includes('Kostanjevica na Krki') && /2 places/.test(si), 'listed and counted at once');
    const page = await app.inject({ url: '/en/municipalities/si/kostanjevica-na-krki' });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('https://www.kostanjevica.si'));
    const [approved] = await mailsTo(citizen.email);
    assert.equal(approved?.language, 'sl', 'the proposer is told in their language');
    assert.match(approved!.subject, /Kostanjevica na Krki je zdaj v imeniku/);
    assert.ok(approved!.text_body.includes('http://portal.test/sl/municipalities/si/kostanjevica-na-krki'), 'with a link to the new page');
    assert.equal(
      (await app.inject({ url: `/en/search?q=${encodeURIComponent('kostanjevica')}` })).body.includes(
        '/en/municipalities/si/kostanjevica-na-krki',
      ),
      true,
    );

    const noReason = await submit(app, '/en/admin/claims', { reason: '' }, admin, `/en/admin/proposals/${second}/refuse`);
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, new RegExp(`id="proposal-reason-${second}-error"`));
    const refused = await submit(app, '/en/admin/claims', { reason: 'No such place.' }, admin, `/en/admin/proposals/${second}/refuse`);
    assert.equal(refused.headers.location, '/en/admin/claims?notice=proposal-refused');
    assert.equal((await database.db.selectFrom('municipalities').select('id').where('name', '=', 'Nowhere Town').execute()).length, 0);
    const mails = await mailsTo(citizen.email);
    assert.equal(mails.length, 2, 'one mail per decision, none for the refusal without a reason');
    assert.match(mails[1]!.subject, /Nowhere Town/);
    assert.match(mails[1]!.text_body, /iz tega razloga:\n\nNo such place\./);
    const actions = (await database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);
    assert.deepEqual(actions, ['municipality.proposal.approve', 'municipality.proposal.refuse']);
  },
);
