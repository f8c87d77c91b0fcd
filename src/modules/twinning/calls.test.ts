import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const CALL = {
  title: 'Partner town for a youth climate exchange',
  description: 'We look for a town of similar size to send twenty young people for a week of tree planting.',
  areas: ['climate', 'social'],
  countries: ['SI', 'FI'],
  size: 'medium',
  programme: 'CERV – Town twinning',
};

appTest(
  'a town posts a call; others find it by filters and words, answer without seeing its address, and the town hall reads the answers',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]], email: 'international@sz.example' });
    const btg = await person(database, {
      roles: [['municipality_admin', towns.botevgrad]],
      name: 'Boris Botev',
      email: 'boris@btg.example',
    });
    const posted = await submit(app, '/en/partner-search/new', { ...CALL, town: String(towns.staraZagora), deadline: future(30) }, sz);
    assert.equal(posted.statusCode, 303);
    const page = String(posted.headers.location);

    const list = (url: string) => app.inject({ url }).then((r) => r.body);
    assert.match(await list('/en/partner-search'), /Partner town for a youth climate exchange/);
    assert.match(await list('/en/partner-search?q=planting%20TREE'), /youth climate exchange/, 'words in any order and case');
    assert.doesNotMatch(await list('/en/partner-search?q=football'), /youth climate exchange/);
    assert.match(await list('/en/partner-search?area=climate&country=fi'), /youth climate exchange/);
    assert.doesNotMatch(await list('/en/partner-search?area=sport'), /youth climate exchange/);
    assert.doesNotMatch(await list('/en/partner-search?country=de'), /youth climate exchange/, 'a country the call does not want');
    assert.match(
      await list('/en/partner-search'),
      /rel="alternate" type="application\/rss\+xml"[^>]*href="\/en\/feeds\/partner-calls\.rss"/,
    );
    assert.match(await list('/en/feeds/partner-calls.rss'), /<title><!\[CDATA\[Partner town for a youth climate exchange\]\]><\/title>/);
    const api = (await app.inject({ url: '/api/v1/partner-calls?country=SI' })).json() as {
      data: { title: string; countries: string[] }[];
    };
    assert.deepEqual(
      api.data.map((c) => [c.title, c.countries]),
      [[CALL.title, ['SI', 'FI']]],
    );

    const publicPage = await app.inject({ url: page });
    assert.doesNotMatch(publicPage.body, /international@sz\.example/, 'the poster’s address is never shown');
    const answered = await submit(
      app,
      page,
      { town: String(towns.botevgrad), message: 'Botevgrad would love to join, 18 young people are ready.' },
      btg,
      `${page}/answer`,
    );
    assert.equal(answered.statusCode, 303);
    const mail = await database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', 'international@sz.example')
      .executeTakeFirstOrThrow();
    assert.equal(mail.subject, `An answer to your call: ${CALL.title}`);
    assert.match(mail.text_body, /Boris Botev, Botevgrad \(boris@btg\.example\) answered/);
    assert.equal(
      (await database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'boris@btg.example').execute()).length,
      0,
      'the answerer is not mailed the poster’s address',
    );
    const asPoster = await app.inject({ url: page, headers: { cookie: sz.cookie } });
    assert.match(asPoster.body, /1 answer/);
    assert.match(asPoster.body, /18 young people are ready/);
    assert.doesNotMatch(
      (await app.inject({ url: page, headers: { cookie: btg.cookie } })).body,
      /answers-heading/,
      'nobody else reads the answers',
    );
  },
);

appTest(
  'a call form with bad input keeps what was typed; another town’s name, a closed call and a visitor are refused',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
    const citizen = await person(database);
    const bad = await submit(
      app,
      '/en/partner-search/new',
      { ...CALL, town: String(towns.staraZagora), title: '', size: 'huge', countries: ['XX'], deadline: '2020-01-01' },
      sz,
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /We look for a town of similar size/, 'the description is kept');
    assert.match(bad.body, /Enter a date from today/);
    const other = await submit(app, '/en/partner-search/new', { ...CALL, town: String(towns.botevgrad), deadline: future(10) }, sz);
    assert.equal(other.statusCode, 403, 'only a town’s staff post in its name');
    assert.equal((await app.inject({ url: '/en/partner-search/new' })).statusCode, 303, 'a visitor is asked to sign in');
    assert.equal((await database.db.selectFrom('partner_calls').select('id').execute()).length, 0);

    const posted = await submit(app, '/en/partner-search/new', { ...CALL, town: String(towns.staraZagora), deadline: future(1) }, sz);
    const page = String(posted.headers.location);
    const id = Number(page.split('/').pop());
    const empty = await submit(app, page, { message: '   ' }, citizen, `${page}/answer`);
    assert.equal(empty.statusCode, 422);
    const forOther = await submit(app, page, { message: 'hi', town: String(towns.botevgrad) }, citizen, `${page}/answer`);
    assert.equal(forOther.statusCode, 403, 'nobody answers in the name of a town they do not work for');
    await database.db.updateTable('partner_calls').set({ deadline: '2020-01-01' }).where('id', '=', id).execute();
    assert.equal((await app.inject({ url: page })).statusCode, 404, 'a closed call is gone for the public');
    assert.equal((await app.inject({ url: page, headers: { cookie: sz.cookie } })).statusCode, 200, 'but its poster still reads it');
    assert.doesNotMatch((await app.inject({ url: '/en/partner-search' })).body, /youth climate exchange/);
    assert.equal((await database.db.selectFrom('partner_answers').select('id').execute()).length, 0);
  },
);

appTest('a robot that fills in the hidden field is told its answer went out, but nothing is kept or mailed', async (app, database) => {
  const towns = await sampleTowns(database);
  const sz = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const posted = await submit(app, '/en/partner-search/new', { ...CALL, town: String(towns.staraZagora), deadline: future(30) }, sz);
  const page = String(posted.headers.location);
  const robot = await person(database);
  assert.ok(hasHoneypot((await app.inject({ url: page, headers: { cookie: robot.cookie } })).body), 'the answer form holds the trap');
  const res = await submit(app, page, { message: 'Cheap flights to your town', ...ROBOT }, robot, `${page}/answer`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${page}?notice=sent`);
  assert.equal((await database.db.selectFrom('partner_answers').select('id').execute()).length, 0);
  assert.equal((await database.db.selectFrom('mail_outbox').select('id').execute()).length, 0, 'the town hall is not mailed');
  assert.doesNotMatch((await app.inject({ url: page, headers: { cookie: sz.cookie } })).body, /Cheap flights/);
});
