import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { formAs, person, submit, type TestPerson } from '../../../test/factories.ts';
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

const flagPage = (type: string, id: number | string, back = '/participation') =>
  `/en/moderation/flag?type=${type}&id=${id}&back=${encodeURIComponent(back)}`;

/** Reports a text as a person would, from the report page. */
const flag = (app: Parameters<typeof submit>[0], who: TestPerson, fields: Record<string, string>) =>
  submit(app, flagPage(fields.type ?? 'comment', fields.id ?? '1'), { back: '/participation', ...fields }, who, '/en/moderation/flag');

const flagCount = async (database: TestDatabase) =>
  Number(
    (
      await database.db
        .selectFrom('moderation_flags')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const proposalComments = async (database: TestDatabase, id: number) =>
  (await database.db.selectFrom('proposals').select('comments_count').where('id', '=', id).executeTakeFirstOrThrow()).comments_count;

appTest('the third person to report a text hides it until a moderator decides; each person counts once', async (app, database) => {
  const { process, texts } = await setting(database);
  const [ana, boris, cveta] = [await person(database), await person(database), await person(database)];
  const comment = { type: 'comment', id: String(texts.comment) };

  const first = await flag(app, ana, { ...comment, reason: 'spam' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/en/moderation/thanks?back=%2Fparticipation');
  const thanks = await app.inject({ url: String(first.headers.location), headers: { cookie: ana.cookie } });
  assert.match(thanks.body, /<h1>Thank you for your report<\/h1>/);
  assert.match(thanks.body, /href="\/en\/participation">Back to the page</);
  assert.doesNotMatch(thanks.body, /\b[0-9] (reports|flags)\b/, 'nobody is told how many reported it');

  assert.equal((await flag(app, ana, { ...comment, reason: 'offensive' })).statusCode, 303, 'a second report is thanked too');
  assert.equal(await flagCount(database), 1, 'but counts once');
  assert.equal((await flag(app, boris, { ...comment, reason: 'offensive' })).statusCode, 303);
  assert.equal(await isHidden(database, 'comments', texts.comment), false, 'two people are not enough');
  assert.equal(await proposalComments(database, texts.proposal), 1);

  assert.equal((await flag(app, cveta, { ...comment, reason: 'spam' })).statusCode, 303);
  assert.equal(await isHidden(database, 'comments', texts.comment), true, 'the third hides it');
  assert.equal(await proposalComments(database, texts.proposal), 0, 'its proposal counts only the comments people see');
  assert.equal(await isHidden(database, 'proposals', texts.proposal), false, 'the proposal itself stays');

  const moderator = await person(database, { roles: [['platform_moderator', null]] });
  const queue = await app.inject({ url: '/en/moderation', headers: { cookie: moderator.cookie } });
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Hidden, waiting for review/);
  assert.match(queue.body, /Spam or advertising \(2\), Offensive or hateful \(1\)|Offensive or hateful \(1\), Spam or advertising \(2\)/);
  assert.match(queue.body, /Buy cheap watches at spam\.example!/);
  assert.match(queue.body, new RegExp(`href="/en/moderation/comment/${texts.comment}"`));
  // The process page is where its texts are read; it never shows a hidden one.
  assert.doesNotMatch((await app.inject({ url: `/en${process.path}` })).body, /Buy cheap watches/);
});

appTest(
  'FLAG_THRESHOLD sets how many reports hide a text',
  async (app, database) => {
    const { texts } = await setting(database);
    const res = await flag(app, await person(database), { type: 'debate', id: String(texts.debate), reason: 'off_topic' });
    assert.equal(res.statusCode, 303);
    assert.equal(await isHidden(database, 'debates', texts.debate), true, 'one report is enough here');
  },
  { FLAG_THRESHOLD: '1' },
);

appTest('a report that names no text, no reason or a bad one is refused with a clear error and changes nothing', async (app, database) => {
  const { texts } = await setting(database);
  const citizen = await person(database);
  const cases: [Record<string, string>, RegExp][] = [
    [{ type: 'poem', id: String(texts.comment), reason: 'spam' }, /We could not find this text/],
    [{ type: 'comment', id: '999999', reason: 'spam' }, /We could not find this text/],
    [{ type: 'comment', id: '99999999999999', reason: 'spam' }, /We could not find this text/],
    [{ type: 'comment', id: '-1', reason: 'spam' }, /We could not find this text/],
    [{ type: '<script>alert(1)</script>', id: String(texts.comment), reason: 'spam' }, /We could not find this text/],
    [{ type: 'comment', id: String(texts.comment), reason: 'boring' }, /Choose what is wrong with the text/],
    [{ type: 'comment', id: String(texts.comment) }, /Choose what is wrong with the text/],
    [{ type: 'comment', id: String(texts.comment), reason: 'x'.repeat(5000) }, /Choose what is wrong with the text/],
  ];
  for (const [fields, message] of cases) {
    const res = await flag(app, citizen, fields);
    assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 80));
    assert.match(res.body, /<title>Error: Report a text/);
    assert.match(res.body, message);
    assert.doesNotMatch(res.body, /<script>alert/, 'what was typed is shown escaped');
  }
  const kept = await flag(app, citizen, { type: 'comment', id: String(texts.comment), reason: 'boring', back: '/participation' });
  assert.match(kept.body, new RegExp(`name="id" value="${texts.comment}"`), 'the form keeps what it was about');

  const offsite = await flag(app, citizen, { type: 'comment', id: String(texts.comment), reason: 'spam', back: '//evil.example/' });
  assert.equal(offsite.headers.location, '/en/moderation/thanks?back=%2F', 'a way back to another site is not followed');
  await database.db.deleteFrom('moderation_flags').execute();

  const { cookie } = await formAs(app, flagPage('comment', texts.comment), citizen);
  const noToken = await app.inject({
    method: 'POST',
    url: '/en/moderation/flag',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `type=comment&id=${texts.comment}&reason=spam`,
  });
  assert.equal(noToken.statusCode, 403, 'a form without its token is refused');
  assert.equal(await flagCount(database), 0, 'nothing was recorded');
});

appTest('only confirmed people report; a visitor is asked to sign in first', async (app, database) => {
  const { texts } = await setting(database);
  const visitor = await app.inject({ url: flagPage('comment', texts.comment) });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);

  const unconfirmed = await person(database, { confirmed: false });
  const page = await app.inject({ url: flagPage('comment', texts.comment), headers: { cookie: unconfirmed.cookie } });
  assert.equal(page.statusCode, 403);
  assert.match(page.body, /Confirm your email address first/);
  assert.equal(await flagCount(database), 0);
});

appTest('a robot that fills in the hidden field is thanked and nothing is kept', async (app, database) => {
  const { texts } = await setting(database);
  const page = await app.inject({ url: flagPage('comment', texts.comment), headers: { cookie: (await person(database)).cookie } });
  assert.match(page.body, /<div class="visually-hidden" aria-hidden="true"><label for="website">Leave this field empty<\/label>/);
  assert.match(page.body, /name="website" value tabindex="-1" autocomplete="off"/);
  const robots = [await person(database), await person(database), await person(database)];
  for (const robot of robots) {
    const res = await flag(app, robot, { type: 'comment', id: String(texts.comment), reason: 'spam', website: 'https://buy.example' });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /\/en\/moderation\/thanks/);
  }
  assert.equal(await flagCount(database), 0);
  assert.equal(await isHidden(database, 'comments', texts.comment), false);
});

appTest('a person who reports too much in a short time is told to wait', async (app, database) => {
  const { texts } = await setting(database);
  const busy = await person(database);
  let last = await flag(app, busy, { type: 'comment', id: String(texts.comment), reason: 'spam' });
  for (let i = 0; i < 12 && last.statusCode !== 429; i++) {
    last = await flag(app, busy, { type: 'proposal', id: String(texts.proposal), reason: 'spam' });
  }
  assert.equal(last.statusCode, 429);
  assert.ok(Number(last.headers['retry-after']) > 0);
  assert.match(last.body, /Too many attempts/);
});

appTest('a person’s reports are in their data download', async (app, database) => {
  const { texts } = await setting(database);
  const ana = await person(database);
  await flag(app, ana, { type: 'comment', id: String(texts.comment), reason: 'personal_data' });
  const data = JSON.parse((await app.inject({ url: '/en/account/data', headers: { cookie: ana.cookie } })).body);
  assert.deepEqual(
    data.moderation.map((f: { text: string; reason: string }) => [f.text, f.reason]),
    [[`comment ${texts.comment}`, 'personal_data']],
  );
});
