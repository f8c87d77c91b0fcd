import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { runDigests } from './service/digests.ts';
import { follow } from './service/following.ts';
import { notifyFollowers } from './service/notifications.ts';

const flag = (app: Parameters<typeof submit>[0], type: string, id: number, who: TestPerson) =>
  submit(
    app,
    `/en/moderation/flag?type=${type}&id=${id}&back=%2Fparticipation`,
    { type, id: String(id), reason: 'offensive', back: '/participation' },
    who,
    '/en/moderation/flag',
  );

const mailsTo = (app: Parameters<typeof submit>[0], to: string) =>
  app.context.database.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', to).execute();

appTest('a text reported three times disappears from the page, the list, the feed, the API and the mail', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const author = await person(database);
  const kept = await sampleProposal(database, p.id, author.id, { title: 'Benches along the river' });
  const rude = await sampleProposal(database, p.id, author.id, { title: 'Shouting insults at the mayor' });
  const reader = await person(database, { name: 'Reader' });
  await follow(app.context, reader.id, { type: 'process', id: p.id });
  await repo.savePrefs(database.db, reader.id, 'immediate', new Date().toISOString());
  for (const id of [kept, rude])
    await notifyFollowers(database.db, app.context, {
      subject: { type: 'process', id: p.id },
      event: 'proposal.new',
      source: { type: 'proposal', id },
      actorId: author.id,
    });
  const comment = await repo.insertComment(database.db, {
    subject_type: 'proposal',
    subject_id: kept,
    parent_id: null,
    author_id: author.id,
    body: 'A comment nobody should read',
    stance: null,
    official: 0,
    hidden: 0,
    created_at: new Date().toISOString(),
    edited_at: null,
  });
  await repo.recountComments(database.db, 'proposal', [kept]);

  const places = {
    list: `/en${p.path}?sort=newest`,
    feed: `/en/feeds/proposals.rss?process=${p.slug}`,
    api: `/api/v1/proposals?process=${p.slug}`,
    page: `/en${p.path}/proposals/${kept}`,
  };
  for (const where of ['list', 'feed', 'api'] as const)
    assert.match((await app.inject({ url: places[where] })).body, /Shouting insults/, `in the ${where} before it is reported`);
  assert.match((await app.inject({ url: places.page })).body, /A comment nobody should read/);

  // Two reports keep it; the third (FLAG_THRESHOLD) hides it pending review.
  const reporters = [await person(database), await person(database), await person(database)];
  for (const [i, who] of reporters.entries()) {
    assert.equal((await flag(app, 'proposal', rude, who)).statusCode, 303);
    assert.equal((await flag(app, 'comment', comment, who)).statusCode, 303);
    const shown = (await app.inject({ url: places.list })).body.includes('Shouting insults');
    assert.equal(shown, i < 2, `after ${i + 1} reports`);
  }
  for (const [where, url] of Object.entries(places)) {
    const body = (await app.inject({ url })).body;
    assert.ok(!body.includes('Shouting insults'), `the proposal is gone from the ${where}`);
    assert.ok(!body.includes('A comment nobody should read'), `the comment is gone from the ${where}`);
  }
  assert.match((await app.inject({ url: places.list })).body, /Benches along the river/, 'the others stay');
  assert.equal((await app.inject({ url: `/en${p.path}/proposals/${rude}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/api/v1/proposals/${rude}` })).statusCode, 404);
  const news = await app.inject({ url: '/en/participation/news-for-you', headers: { cookie: reader.cookie } });
  assert.match(news.body, /Benches along the river/);
  assert.ok(!news.body.includes('Shouting insults'), 'nor in what is new for its followers');

  await runDigests(app.context);
  const mails = (await mailsTo(app, reader.email)).map((m) => m.text_body).join('\n');
  assert.match(mails, /Benches along the river/, 'the digest went out');
  assert.ok(!mails.includes('Shouting insults'), 'without the hidden proposal');
});
