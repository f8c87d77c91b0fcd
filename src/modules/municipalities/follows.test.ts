import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, person, submit, type TestPerson } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest, formSession } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { csvRecords, importRecords } from './service/import.ts';

const PROFILE = '/en/municipalities/bg/stara-zagora';

const followsOf = (database: TestDatabase, userId: number) =>
  database.db.selectFrom('municipality_follows').selectAll().where('user_id', '=', userId).execute();

/** Presses a button on a page as this person: the page's own form token, posted to the button's address. */
const press = (app: FastifyInstance, who: TestPerson, page: string, action: string, fields: Record<string, string> = {}) =>
  submit(app, page, fields, who, action);

appTest('a person follows a town from its profile, once, and unfollows it; bad requests change nothing', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const visitor = await app.inject({ url: PROFILE });
  assert.match(visitor.body, /href="\/en\/sign-in\?next=%2Fen%2Fmunicipalities%2Fbg%2Fstara-zagora">Sign in to follow</);
  assert.ok(!visitor.body.includes('name="_csrf"'), 'a visitor’s profile carries no form token, so it can be kept');

  // Signed out: a form token from any page does not make a follower; the visitor is sent to sign in, and back.
  const anon = await formSession(app, '/en/contact');
  const signedOut = await app.inject({
    method: 'POST',
    url: `${PROFILE}/follow`,
    headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${anon.csrf}`,
  });
  assert.equal(signedOut.statusCode, 303);
  assert.equal(signedOut.headers.location, `/en/sign-in?next=${encodeURIComponent(`${PROFILE}/follow`)}`);
  const back = await app.inject({ url: `${PROFILE}/follow` });
  assert.equal(back.headers.location, `${PROFILE}#follow`, 'after signing in, the person lands on the button');

  const ana = await person(database, { name: 'Ana' });
  const page = await app.inject({ url: PROFILE, headers: { cookie: ana.cookie } });
  assert.match(page.body, /<button type="submit">Follow<\/button>/);
  assert.equal(page.headers['cache-control'], 'no-store');

  const noToken = await app.inject({
    method: 'POST',
    url: `${PROFILE}/follow`,
    headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(noToken.statusCode, 403, 'a post without its form token is refused');
  assert.deepEqual(await followsOf(database, ana.id), []);
  const unknown = await press(app, ana, PROFILE, '/en/municipalities/bg/nowhere/follow');
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /<title>[^<]*not found/i);
  assert.equal((await press(app, ana, PROFILE, '/en/municipalities/xx/stara-zagora/follow')).statusCode, 404);
  assert.deepEqual(await followsOf(database, ana.id), []);

  const first = await press(app, ana, PROFILE, `${PROFILE}/follow`);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `${PROFILE}?notice=followed#follow`);
  const again = await press(app, ana, PROFILE, `${PROFILE}/follow`);
  assert.equal(again.statusCode, 303, 'following twice is no error');
  assert.equal((await followsOf(database, ana.id)).length, 1, 'and still one follow');

  const followed = await app.inject({ url: `${PROFILE}?notice=followed`, headers: { cookie: ana.cookie } });
  assert.match(followed.body, /You follow Stara Zagora\./);
  assert.match(followed.body, /<button type="submit" class="button--secondary">Following — unfollow<\/button>/);
  assert.ok(followed.body.includes(`action="${PROFILE}/unfollow"`));
  const stranger = await person(database);
  assert.match(
    (await app.inject({ url: PROFILE, headers: { cookie: stranger.cookie } })).body,
    />Follow<\/button>/,
    'a follow is one person’s',
  );

  const off = await press(app, ana, PROFILE, `${PROFILE}/unfollow`);
  assert.equal(off.headers.location, `${PROFILE}?notice=unfollowed#follow`);
  assert.deepEqual(await followsOf(database, ana.id), []);
  assert.match((await app.inject({ url: `${PROFILE}?notice=unfollowed`, headers: { cookie: ana.cookie } })).body, /You no longer follow/);
});

appTest('the account page lists the towns a person follows, with unfollow; the data download holds them', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const ana = await person(database, { language: 'de' });
  const empty = await app.inject({ url: '/de/account', headers: { cookie: ana.cookie } });
  assert.match(empty.body, /Sie folgen noch keinem Ort/);
  await press(app, ana, PROFILE, `${PROFILE}/follow`);
  await press(app, ana, '/en/municipalities/bg/botevgrad', '/en/municipalities/bg/botevgrad/follow');
  await press(app, await person(database), PROFILE, `${PROFILE}/follow`);

  const account = await app.inject({ url: '/de/account', headers: { cookie: ana.cookie } });
  assert.match(account.body, /<h2 id="follows-heading">Orte, denen Sie folgen<\/h2>/);
  assert.ok(account.body.includes('href="/de/municipalities/bg/botevgrad"'));
  assert.ok(account.body.includes('action="/de/municipalities/bg/stara-zagora/unfollow"'));

  const data = JSON.parse((await app.inject({ url: '/en/account/data', headers: { cookie: ana.cookie } })).body);
  assert.deepEqual(
    data.municipalities.follows.map((f: { municipality: string; country: string }) => `${f.municipality} (${f.country})`),
    ['Botevgrad (BG)', 'Stara Zagora (BG)'],
    'the download holds the person’s own follows only',
  );

  const off = await press(app, ana, '/de/account', '/de/municipalities/bg/botevgrad/unfollow', { from: 'account' });
  assert.equal(off.headers.location, '/de/account#follows', 'unfollowing from the account page stays there');
  assert.deepEqual((await followsOf(database, ana.id)).map((f) => f.municipality_id).length, 1);
});

appTest('deleting an account removes the towns it followed', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const ana = await person(database);
  const other = await person(database);
  await press(app, ana, PROFILE, `${PROFILE}/follow`);
  await press(app, other, PROFILE, `${PROFILE}/follow`);
  const res = await submit(app, '/en/account/delete', { current_password: PASSWORD }, ana);
  assert.equal(res.headers.location, '/en/account/deleted');
  assert.deepEqual(await followsOf(database, ana.id), []);
  assert.equal((await followsOf(database, other.id)).length, 1, 'other people’s follows stay');
});
