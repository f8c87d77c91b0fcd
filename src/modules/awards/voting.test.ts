import assert from 'node:assert/strict';
import { sampleAward } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest, form, formSession } from '../../../test/helpers/app.ts';
import * as repo from './repo.ts';

appTest('a confirmed person votes during the vote, changes the vote, and never votes twice', async (app, database) => {
  const award = await sampleAward(database, 'voting');
  const page = `/en${award.path}`;
  const anna = await person(database, { email: 'anna.petrova@gmail.com' });
  const again = await person(database, { email: 'AnnaPetrova+second@googlemail.com' });
  const first = await submit(app, page, { nomination: String(award.nominees[0]) }, anna, `${page}/vote`);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `${page}?notice=voted`);
  const shown = await app.inject({ url: `${page}?notice=voted`, headers: { cookie: anna.cookie } });
  assert.match(shown.body, /your vote was counted/);
  assert.match(shown.body, /You voted for Zhivko Todorov/);
  const second = await submit(app, page, { nomination: String(award.nominees[1]) }, again, `${page}/vote`);
  assert.equal(second.headers.location, `${page}?notice=changed`, 'the same mailbox changes its vote');
  const votes = await repo.votesOf(database.db, award.category);
  assert.equal(votes.length, 1);
  assert.equal(votes[0]!.nomination_id, award.nominees[1]);
  assert.equal(votes[0]!.ip_hash.length, 64, 'the address is kept only as a keyed hash');
  assert.notEqual(votes[0]!.ip_hash, '127.0.0.1');
});

appTest('votes outside the dates, from unconfirmed accounts and for nominees off the shortlist are refused', async (app, database) => {
  const award = await sampleAward(database, 'nominations');
  const page = `/en${award.path}`;
  const citizen = await person(database);
  const early = await submit(app, page, { nomination: String(award.nominees[0]) }, citizen, `${page}/vote`);
  assert.equal(early.statusCode, 422);
  assert.match(early.body, /The public vote is not open/);
  await database.db.deleteFrom('award_editions').execute();

  const voting = await sampleAward(database, 'voting', 'mayor-of-the-year-2027');
  const vpage = `/en${voting.path}`;
  const unconfirmed = await person(database, { confirmed: false });
  const unconfirmedPage = await app.inject({ url: vpage, headers: { cookie: unconfirmed.cookie } });
  assert.match(unconfirmedPage.body, /Confirm your email address to vote/, 'the page explains instead of offering the form');
  // A hand-made post is refused all the same, with the reason.
  const { cookie, csrf } = await formSession(app, '/en/sign-in');
  const forged = await app.inject({
    method: 'POST',
    url: `${vpage}/vote`,
    headers: { cookie: `${cookie}; ${unconfirmed.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: csrf, nomination: String(voting.nominees[0]) }),
  });
  assert.equal(forged.statusCode, 422);
  assert.match(forged.body, /Confirm your email address before you vote/);
  const blocked = await person(database);
  await database.db
    .updateTable('users')
    .set({ blocked_at: new Date().toISOString(), blocked_reason: 'spam' })
    .where('id', '=', blocked.id)
    .execute();
  const fromBlocked = await submit(app, vpage, { nomination: String(voting.nominees[0]) }, blocked, `${vpage}/vote`);
  assert.equal(fromBlocked.statusCode, 403, 'a blocked account does not vote');
  const bogus = await submit(app, vpage, { nomination: '999999' }, citizen, `${vpage}/vote`);
  assert.equal(bogus.statusCode, 422);
  assert.match(bogus.body, /Choose a nominee of the shortlist/);
  const sqlish = await submit(app, vpage, { nomination: "1' OR '1'='1" }, citizen, `${vpage}/vote`);
  assert.equal(sqlish.statusCode, 422);
  assert.equal((await repo.votesOf(database.db, voting.category)).length, 0, 'nothing was stored');
});

appTest('citizens and town staff cannot reach the editors, audit or jury pages; visitors are sent to sign in', async (app, database) => {
  const award = await sampleAward(database, 'voting');
  const citizen = await person(database);
  const staff = await person(database, { roles: [['municipality_admin', award.towns.staraZagora]] });
  const pages = [
    '/en/awards/new',
    '/en/awards/mayor-of-the-year-2026/edit',
    `/en${award.path}/manage`,
    `/en${award.path}/audit`,
    `/en${award.path}/audit.csv`,
    `/en${award.path}/jury`,
  ];
  for (const url of pages) {
    for (const who of [citizen, staff]) {
      const res = await app.inject({ url, headers: { cookie: who.cookie } });
      assert.equal(res.statusCode, 403, `${url} refused`);
    }
    const visitor = await app.inject({ url });
    assert.ok([302, 303].includes(visitor.statusCode), `${url} asks a visitor to sign in`);
    assert.match(String(visitor.headers.location), /sign-in/);
  }
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const posted = await submit(app, `/en${award.path}`, { votes: String(1), reason: 'not allowed' }, citizen, `/en${award.path}/audit/void`);
  assert.equal(posted.statusCode, 403);
  const publish = await submit(app, `/en${award.path}`, {}, citizen, `/en${award.path}/audit/publish`);
  assert.equal(publish.statusCode, 403);
  for (const url of pages.slice(0, 5)) {
    assert.equal((await app.inject({ url, headers: { cookie: editor.cookie } })).statusCode, 200, `${url} for an editor`);
  }
});
