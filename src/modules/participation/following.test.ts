import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { sampleDebate } from '../../../test/following.ts';
import { appTest, formSession } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import { followOnAction, isFollowing } from './service/following.ts';

const followsOf = async (database: TestDatabase, userId: number) =>
  (
    await database.db
      .selectFrom('participation_follows')
      .select(['subject_type', 'subject_id'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((f) => `${f.subject_type}:${f.subject_id}`);

/** Presses a follow button as this person: the form token of `page`, posted to the button's address. */
const press = (app: FastifyInstance, who: TestPerson, page: string, action: 'follow' | 'unfollow', fields: Record<string, string>) =>
  submit(app, page, fields, who, `/en/participation/${action}`);

appTest('a person follows a process with one button, once, and unfollows it in one click', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
  const page = `/en${p.path}`;

  const visitor = await app.inject({ url: page });
  assert.match(visitor.body, new RegExp(`href="/en/sign-in\\?next=${encodeURIComponent(page)}">Sign in to follow this process<`));
  assert.ok(!visitor.body.includes('name="_csrf"'), 'a visitor’s page carries no form token');

  const ana = await person(database, { name: 'Ana' });
  assert.match(
    (await app.inject({ url: page, headers: { cookie: ana.cookie } })).body,
    /<button type="submit">Follow this process<\/button>/,
  );
  const fields = { type: 'process', id: String(p.id), back: p.path };
  const first = await press(app, ana, page, 'follow', fields);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, page, 'back on the page where the button was');
  assert.equal((await press(app, ana, page, 'follow', fields)).statusCode, 303, 'following twice is no error');
  assert.deepEqual(await followsOf(database, ana.id), [`process:${p.id}`], 'and still one follow');

  const followed = await app.inject({ url: page, headers: { cookie: ana.cookie } });
  assert.match(followed.body, /You follow this process\. <\/span><button type="submit" class="button--secondary">Unfollow<\/button>/);
  assert.ok(followed.body.includes('action="/en/participation/unfollow"'));
  const stranger = await person(database);
  assert.match((await app.inject({ url: page, headers: { cookie: stranger.cookie } })).body, />Follow this process</, 'one person’s');

  const off = await press(app, ana, page, 'unfollow', fields);
  assert.equal(off.headers.location, page);
  assert.deepEqual(await followsOf(database, ana.id), []);
  assert.equal((await press(app, ana, page, 'unfollow', fields)).statusCode, 303, 'unfollowing twice is no error either');
});

appTest('proposals and debates are followed alike; hidden, withdrawn or unseen ones cannot be', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const p = await sampleProcess(database, owner);
  const draft = await sampleProcess(database, owner, { published: false });
  const ana = await person(database);
  const proposal = await sampleProposal(database, p.id, null);
  const debate = await sampleDebate(database, owner, p.id, null);
  const townDebate = await sampleDebate(database, owner, null, null, { title: 'A debate outside any process' });
  const page = `/en${p.path}`;

  for (const [type, id] of [
    ['proposal', proposal],
    ['debate', debate],
    ['debate', townDebate],
  ] as const) {
    assert.equal((await press(app, ana, page, 'follow', { type, id: String(id), back: p.path })).statusCode, 303);
  }
  assert.deepEqual(await followsOf(database, ana.id), [`proposal:${proposal}`, `debate:${debate}`, `debate:${townDebate}`]);

  const hidden = await sampleProposal(database, p.id, null, { title: 'Hidden by moderation' });
  await database.db.updateTable('proposals').set({ hidden: 1 }).where('id', '=', hidden).execute();
  const withdrawn = await sampleProposal(database, p.id, null, { title: 'Withdrawn by its author' });
  await database.db.updateTable('proposals').set({ withdrawn: 1 }).where('id', '=', withdrawn).execute();
  const hiddenDebate = await sampleDebate(database, owner, p.id, null);
  await database.db.updateTable('debates').set({ hidden: 1 }).where('id', '=', hiddenDebate).execute();
  const inDraft = await sampleProposal(database, draft.id, null);
  for (const [type, id] of [
    ['proposal', hidden],
    ['proposal', withdrawn],
    ['debate', hiddenDebate],
    ['process', draft.id],
    ['proposal', inDraft],
    ['proposal', 999_999],
    ['process', 999_999],
  ] as const) {
    const res = await press(app, ana, page, 'follow', { type, id: String(id), back: p.path });
    assert.equal(res.statusCode, 404, `${type} ${id} is not there for this person`);
  }
  assert.equal((await followsOf(database, ana.id)).length, 3, 'nothing more was followed');

  // A draft is its own town's staff's to see, and to follow; not another town's.
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  assert.equal((await press(app, staff, page, 'follow', { type: 'process', id: String(draft.id), back: draft.path })).statusCode, 303);
  const other = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  assert.equal((await press(app, other, page, 'follow', { type: 'process', id: String(draft.id), back: p.path })).statusCode, 404);
  assert.deepEqual(await followsOf(database, other.id), []);
});

appTest(
  'a follow button refuses bad input with a clear error, sends nobody to another site, and needs a person and a token',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
    const page = `/en${p.path}`;
    const ana = await person(database);

    const bad: Record<string, string>[] = [
      { type: 'town', id: String(p.id) },
      { type: 'process', id: 'abc' },
      { type: 'process', id: '-1' },
      { type: 'process', id: '9'.repeat(50) },
      { type: '<script>alert(1)</script>', id: String(p.id) },
      { type: 'process' },
      {},
    ];
    for (const fields of bad) {
      const res = await press(app, ana, page, 'follow', fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.match(res.body, /<title>Error: Follow/);
      assert.match(res.body, /This cannot be followed\. Go back to its page/);
      assert.ok(!res.body.includes('<script>alert'), 'what was sent is never echoed as markup');
    }
    assert.deepEqual(await followsOf(database, ana.id), []);

    for (const back of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/en/participation',
      '/participation/../../admin',
      `${p.path}\r\nSet-Cookie: x=1`,
      `${p.path}${'/x'.repeat(200)}`,
    ]) {
      const res = await press(app, ana, page, 'follow', { type: 'process', id: String(p.id), back });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/en/participation', `${JSON.stringify(back)} is not followed`);
    }
    const withAnchor = await press(app, ana, page, 'follow', { type: 'process', id: String(p.id), back: `${p.path}#phases` });
    assert.equal(withAnchor.headers.location, `${page}#phases`);

    // Signed out: a form token from any page makes no follower; the visitor is sent to sign in, then to their news.
    const anon = await formSession(app, '/en/contact');
    const signedOut = await app.inject({
      method: 'POST',
      url: '/en/participation/follow',
      headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: anon.csrf, type: 'process', id: String(p.id) }).toString(),
    });
    assert.equal(signedOut.statusCode, 303);
    assert.equal(signedOut.headers.location, `/en/sign-in?next=${encodeURIComponent('/en/participation/follow')}`);
    assert.equal((await app.inject({ url: '/en/participation/follow' })).headers.location, '/en/participation/news-for-you');

    const noToken = await app.inject({
      method: 'POST',
      url: '/en/participation/follow',
      headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `type=process&id=${p.id}`,
    });
    assert.equal(noToken.statusCode, 403, 'a post without its form token is refused');
    assert.equal((await followsOf(database, ana.id)).length, 1, 'only the good presses followed, once');
  },
);

appTest('supporting or commenting follows automatically, in the writer’s transaction, once', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const proposal = await sampleProposal(database, p.id, null);
  const ana = await person(database);
  await database.db.transaction().execute(async (trx) => {
    await followOnAction(trx, ana.id, { type: 'proposal', id: proposal });
    await followOnAction(trx, ana.id, { type: 'proposal', id: proposal });
  });
  assert.deepEqual(await followsOf(database, ana.id), [`proposal:${proposal}`]);
  assert.equal(await isFollowing(app.context, ana.id, { type: 'proposal', id: proposal }), true);
  assert.equal(await isFollowing(app.context, ana.id, { type: 'process', id: p.id }), false);
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await followOnAction(trx, ana.id, { type: 'debate', id: 7 });
      throw new Error('the comment was refused');
    }),
  );
  assert.deepEqual(await followsOf(database, ana.id), [`proposal:${proposal}`], 'a refused action follows nothing');
});
