import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { isHidden, sampleTexts } from '../../../test/moderation.ts';
import { sampleProcess } from '../../../test/participation.ts';

async function setting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const process = await sampleProcess(database, owner);
  const author = await person(database);
  return { towns, process, author, texts: await sampleTexts(database, process, author.id, owner) };
}

type App = Parameters<typeof submit>[0];
const entry = (type: string, id: number) => `/en/moderation/${type}/${id}`;
const decide = (app: App, who: TestPerson, type: string, id: number, action: 'hide' | 'restore', reason: string) =>
  submit(app, entry(type, id), { reason }, who, `${entry(type, id)}/${action}`);

/** Three people report the comment, which hides it pending review. */
async function reportedThrice(app: App, database: TestDatabase, id: number) {
  for (const reason of ['spam', 'spam', 'offensive']) {
    const res = await submit(
      app,
      `/en/moderation/flag?type=comment&id=${id}&back=/`,
      { type: 'comment', id: String(id), reason, back: '/' },
      await person(database),
      '/en/moderation/flag',
    );
    assert.equal(res.statusCode, 303);
  }
}

const comments = async (database: TestDatabase, proposal: number) =>
  (await database.db.selectFrom('proposals').select('comments_count').where('id', '=', proposal).executeTakeFirstOrThrow()).comments_count;

appTest(
  'a moderator restores a reported text and hides it again, each time with a reason that stays on its entry',
  async (app, database) => {
    const { texts } = await setting(database);
    await reportedThrice(app, database, texts.comment);
    const moderator = await person(database, { roles: [['platform_moderator', null]], name: 'Mila Moderator' });

    const page = await app.inject({ url: entry('comment', texts.comment), headers: { cookie: moderator.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Comment \d+<\/h1>/);
    assert.match(page.body, /Hidden, waiting for review/);
    assert.match(page.body, /Spam or advertising \(2\)/);
    assert.match(page.body, /Hidden for review<\/th><td data-label="Who">System<\/td><td data-label="Reason">Reported by enough people/);
    assert.match(page.body, new RegExp(`href="/en/participation/[^"]+/proposals/${texts.proposal}#comment-${texts.comment}"`));

    const restored = await decide(app, moderator, 'comment', texts.comment, 'restore', 'A fair comment about <b>watches</b>');
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, `${entry('comment', texts.comment)}?notice=restore`);
    assert.equal(await isHidden(database, 'comments', texts.comment), false, 'readers see it again');
    assert.equal(await comments(database, texts.proposal), 1, 'and its proposal counts it again');
    const after = await app.inject({ url: String(restored.headers.location), headers: { cookie: moderator.cookie } });
    assert.match(after.body, /The text is restored\./);
    assert.match(
      after.body,
      /Restored<\/th><td data-label="Who">Mila Moderator<\/td><td data-label="Reason">A fair comment about &lt;b>watches&lt;\/b>/,
    );

    const review = await app.inject({ url: '/en/moderation?state=restored', headers: { cookie: moderator.cookie } });
    assert.match(review.body, /Buy cheap watches/);
    assert.doesNotMatch((await app.inject({ url: '/en/moderation', headers: { cookie: moderator.cookie } })).body, /Buy cheap watches/);

    assert.equal((await decide(app, moderator, 'comment', texts.comment, 'hide', 'Advertising after all')).statusCode, 303);
    assert.equal(await isHidden(database, 'comments', texts.comment), true);
    assert.equal(await comments(database, texts.proposal), 0);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'moderation.%')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['moderation.restore', 'moderation.hide'],
    );
    assert.ok(audit.every((a) => a.actor_id === moderator.id));
  },
);

appTest('a decision without a reason, or with one too long, is refused and changes nothing', async (app, database) => {
  const { texts } = await setting(database);
  const moderator = await person(database, { roles: [['platform_moderator', null]] });
  for (const [reason, message] of [
    ['', /Write the reason for your decision/],
    ['   ', /Write the reason for your decision/],
    ['x'.repeat(501), /Use at most 500 characters/],
    ['bad\u0001char', /invisible control characters/],
  ] as const) {
    const res = await decide(app, moderator, 'proposal', texts.proposal, 'hide', reason);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: Hide the text/);
    assert.match(res.body, message);
    if (reason.length > 400) assert.match(res.body, /x{501}<\/textarea>/, 'what was typed is kept');
  }
  assert.equal(await isHidden(database, 'proposals', texts.proposal), false);
  assert.equal((await database.db.selectFrom('moderation_decisions').selectAll().execute()).length, 0);
});

appTest('a moderator hides a text nobody reported, found by its kind and number', async (app, database) => {
  const { texts, process } = await setting(database);
  const moderator = await person(database, { roles: [['platform_admin', null]] });
  const found = await app.inject({ url: `/en/moderation/find?type=proposal&id=${texts.proposal}`, headers: { cookie: moderator.cookie } });
  assert.equal(found.statusCode, 303);
  assert.equal(found.headers.location, entry('proposal', texts.proposal));
  const page = await app.inject({ url: entry('proposal', texts.proposal), headers: { cookie: moderator.cookie } });
  assert.match(page.body, /Not reported/);
  assert.match(page.body, /Benches along the river — Older people need somewhere to rest on the river walk\./);
  assert.match(page.body, /No decision yet\./);
  assert.equal((await decide(app, moderator, 'proposal', texts.proposal, 'hide', 'Duplicate of another proposal')).statusCode, 303);
  assert.equal(await isHidden(database, 'proposals', texts.proposal), true);
  const hidden = await app.inject({ url: '/en/moderation?state=hidden', headers: { cookie: moderator.cookie } });
  assert.match(hidden.body, /Benches along the river/);
  assert.doesNotMatch((await app.inject({ url: `/en${process.path}` })).body, /Benches along the river/);
  assert.equal((await app.inject({ url: entry('proposal', 999999), headers: { cookie: moderator.cookie } })).statusCode, 404);
  assert.equal((await app.inject({ url: entry('poem', texts.proposal), headers: { cookie: moderator.cookie } })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/moderation?page=99', headers: { cookie: moderator.cookie } })).statusCode, 404);
});

appTest('a town’s staff moderate their town’s texts only; citizens see no queue', async (app, database) => {
  const { towns, texts } = await setting(database);
  await reportedThrice(app, database, texts.comment);
  const editor1 = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const admin2 = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const citizen = await person(database);

  assert.match((await app.inject({ url: '/en/moderation', headers: { cookie: editor1.cookie } })).body, /Buy cheap watches/);
  const otherQueue = await app.inject({ url: '/en/moderation', headers: { cookie: admin2.cookie } });
  assert.equal(otherQueue.statusCode, 200);
  assert.doesNotMatch(otherQueue.body, /Buy cheap watches/, 'another town’s staff do not see it');
  assert.match(otherQueue.body, /Nothing waits for a decision\./);
  assert.equal((await app.inject({ url: entry('comment', texts.comment), headers: { cookie: admin2.cookie } })).statusCode, 404);

  // The other town's admin posts with a token from a page they may open: their account page.
  const refused = await submit(app, '/en/account', { reason: 'Not ours' }, admin2, `${entry('comment', texts.comment)}/restore`);
  assert.equal(refused.statusCode, 404);
  assert.equal(await isHidden(database, 'comments', texts.comment), true, 'nothing changed');
  const hide = await submit(app, '/en/account', { reason: 'Not ours' }, admin2, `${entry('proposal', texts.proposal)}/hide`);
  assert.equal(hide.statusCode, 404);
  assert.equal(await isHidden(database, 'proposals', texts.proposal), false);

  assert.equal((await app.inject({ url: '/en/moderation', headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: entry('comment', texts.comment), headers: { cookie: citizen.cookie } })).statusCode, 404);
  const visitor = await app.inject({ url: '/en/moderation' });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /sign-in/);

  assert.equal((await decide(app, editor1, 'comment', texts.comment, 'restore', 'Checked: fine')).statusCode, 303);
  assert.equal(await isHidden(database, 'comments', texts.comment), false, 'the town’s own editor decides');
  const work = await app.inject({ url: '/en/work', headers: { cookie: editor1.cookie } });
  assert.match(work.body, /href="\/en\/moderation"/);
});
