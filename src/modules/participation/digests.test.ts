import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { sampleComment } from '../../../test/following.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import type { Frequency } from './schema.ts';
import { frequencyOf, runDigests, setFrequency } from './service/digests.ts';
import { follow, isFollowing } from './service/following.ts';
import { notifyFollowers } from './service/notifications.ts';

/** A Wednesday, midday: the daily digest goes next morning, the weekly one on Monday. */
const T = Date.parse('2027-03-03T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

const mailsTo = (database: TestDatabase, to: string) =>
  database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();
const subjectsTo = async (database: TestDatabase, to: string) => (await mailsTo(database, to)).map((m) => m.subject);

async function setting(app: FastifyInstance, database: TestDatabase, frequency: Frequency | null, language = 'en') {
  const who = await person(database, { language });
  if (frequency) await setFrequency(app.context, who.id, frequency);
  return who;
}

/** A process followed by `people`, and a new proposal in it told to them at `when`. */
async function news(app: FastifyInstance, database: TestDatabase, people: TestPerson[], when: Date, title = 'Benches for the square') {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
  for (const who of people) await follow(app.context, who.id, { type: 'process', id: p.id });
  const proposal = await sampleProposal(database, p.id, null, { title });
  const subject = { type: 'process' as const, id: p.id };
  await notifyFollowers(
    database.db,
    app.context,
    { subject, event: 'proposal.new', source: { type: 'proposal', id: proposal }, actorId: null },
    when,
  );
  return { process: p, proposal };
}

appTest('mail comes at once, in a daily or a weekly digest, or never, as each person chose; each thing once', async (app, database) => {
  const [immediate, daily, weekly, never] = [
    await setting(app, database, 'immediate'),
    await setting(app, database, null),
    await setting(app, database, 'weekly'),
    await setting(app, database, 'never'),
  ];
  const unconfirmed = await person(database, { confirmed: false });
  await news(app, database, [immediate!, daily!, weekly!, never!, unconfirmed], new Date(T));
  const ctx = app.context;
  const subjects = async () =>
    Promise.all([immediate!, daily!, weekly!, never!, unconfirmed].map(async (w) => (await subjectsTo(database, w.email)).length));

  assert.equal(await runDigests(ctx, new Date(T + 60_000)), 1);
  assert.deepEqual(await subjectsTo(database, immediate!.email), ['New proposal: “Benches for the square”']);
  await runDigests(ctx, new Date(T + 120_000));
  assert.deepEqual(await subjects(), [1, 0, 0, 0, 0], 'at once, once');

  await runDigests(ctx, at('2027-03-04T04:59:00.000Z'));
  assert.deepEqual(await subjects(), [1, 0, 0, 0, 0], 'the daily digest waits for the morning');
  assert.equal(await runDigests(ctx, at('2027-03-04T05:01:00.000Z')), 1);
  assert.deepEqual(await subjectsTo(database, daily!.email), ['Your day in what you follow: 1 new thing']);
  await runDigests(ctx, at('2027-03-04T09:00:00.000Z'));
  await runDigests(ctx, at('2027-03-05T09:00:00.000Z'));
  assert.deepEqual(await subjects(), [1, 1, 0, 0, 0], 'once a day, and only with something new');

  await runDigests(ctx, at('2027-03-07T23:00:00.000Z'));
  assert.deepEqual(await subjects(), [1, 1, 0, 0, 0], 'the weekly digest waits for Monday');
  await runDigests(ctx, at('2027-03-08T05:30:00.000Z'));
  await runDigests(ctx, at('2027-03-08T06:30:00.000Z'));
  assert.deepEqual(await subjectsTo(database, weekly!.email), ['Your week in what you follow: 1 new thing']);
  await runDigests(ctx, at('2027-03-16T06:30:00.000Z'));
  assert.deepEqual(await subjects(), [1, 1, 1, 0, 0], 'never is never, and an unconfirmed address is not mailed');
});

appTest('two runs of the job at once mail each thing once', async (app, database) => {
  const people = [
    await setting(app, database, 'immediate'),
    await setting(app, database, 'immediate'),
    await setting(app, database, null),
    await setting(app, database, 'weekly'),
  ];
  await news(app, database, people, new Date(T));
  const run = async (when: string) => {
    const runs = await Promise.allSettled([runDigests(app.context, at(when)), runDigests(app.context, at(when))]);
    assert.ok(
      runs.every((r) => r.status === 'fulfilled'),
      'no run fails on the other’s work',
    );
  };
  await run('2027-03-03T12:01:00.000Z');
  await run('2027-03-04T05:01:00.000Z');
  await run('2027-03-08T05:01:00.000Z');
  for (const who of people) assert.equal((await mailsTo(database, who.email)).length, 1, `${who.name} got one mail`);
});

appTest('a mail says why it came, carries one-click unsubscribe, and leaves out what was hidden since', async (app, database) => {
  const ana = await setting(app, database, null);
  const { process: p, proposal } = await news(app, database, [ana], new Date(T), 'Benches <b>now</b>');
  await follow(app.context, ana.id, { type: 'proposal', id: proposal });
  const comment = await sampleComment(database, { type: 'proposal', id: proposal }, null);
  const hidden = await sampleComment(database, { type: 'proposal', id: proposal }, null);
  for (const id of [comment, hidden]) {
    const source = { type: 'comment' as const, id };
    await notifyFollowers(
      database.db,
      app.context,
      { subject: { type: 'proposal', id: proposal }, event: 'comment.new', source, actorId: null },
      new Date(T),
    );
  }
  await database.db.updateTable('comments').set({ hidden: 1 }).where('id', '=', hidden).execute();

  await runDigests(app.context, at('2027-03-04T05:01:00.000Z'));
  const [mail] = await mailsTo(database, ana.email);
  assert.ok(mail);
  assert.equal(mail.subject, 'Your day in what you follow: 2 new things', 'the hidden comment is not counted');
  assert.match(mail.text_body, /^Hello Person \d+,/);
  assert.match(
    mail.text_body,
    /\* New proposal: “Benches <b>now<\/b>”\n {2}in Ideas for Botevgrad · You get this because you follow this process\./,
  );
  assert.match(
    mail.text_body,
    new RegExp(
      `New comment on “Benches <b>now</b>”\\n.*follow this proposal\\.\\n {2}` +
        `http://portal.test/en${p.path}/proposals/${proposal}#comment-${comment}\\n`,
    ),
  );
  assert.ok(!mail.text_body.includes(`#comment-${hidden}`), 'the hidden comment is not in the mail');
  assert.match(mail.text_body, /You receive this because you follow processes, proposals or debates on [^.]+\. Change how often at /);
  assert.ok(mail.text_body.includes('Change how often at http://portal.test/en/participation/notifications'), 'and where to change it');
  const headers = JSON.parse(mail.headers ?? '{}') as Record<string, string>;
  const link = /^<(http:\/\/portal\.test\/en\/participation\/unsubscribe\/([\w-]{43}))>$/.exec(headers['List-Unsubscribe'] ?? '');
  assert.ok(link, headers['List-Unsubscribe']);
  assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  assert.ok(mail.text_body.includes(`Stop these mails in one click: ${link[1]}`));
  const path = new URL(link[1]!).pathname;

  // A scanner that opens the link changes nothing: the page asks for a button.
  const opened = await app.inject({ url: path });
  assert.equal(opened.statusCode, 200);
  assert.match(opened.body, /<h1>Stop these mails\?<\/h1>/);
  assert.ok(opened.body.includes(`action="${path}"`));
  assert.equal(await frequencyOf(app.context, ana.id), 'daily');

  // RFC 8058: the mail client posts, with no session and no form token.
  const oneClick = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(oneClick.statusCode, 200);
  assert.match(oneClick.body, /You will get no more of these mails/);
  assert.match(oneClick.body, /Your mail setting is now “never”/);
  assert.equal(await frequencyOf(app.context, ana.id), 'never');
  const again = await app.inject({
    method: 'POST',
    url: path,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(again.statusCode, 200, 'pressing twice is fine');

  const more = await sampleComment(database, { type: 'proposal', id: proposal }, null);
  const source = { type: 'comment' as const, id: more };
  await notifyFollowers(
    database.db,
    app.context,
    { subject: { type: 'proposal', id: proposal }, event: 'comment.new', source, actorId: null },
    at('2027-03-04T12:00:00.000Z'),
  );
  await runDigests(app.context, at('2027-03-05T05:01:00.000Z'));
  assert.equal((await mailsTo(database, ana.email)).length, 1, 'no mail after unsubscribing');

  // "Stop following this" from the mail: a button, then that one thing is no longer followed.
  const stop = new URL(/Stop following this: (\S+\/proposal\/\d+)/.exec(mail.text_body)![1]!).pathname;
  assert.match((await app.inject({ url: stop })).body, /<h1>Stop following “Benches &lt;b>now&lt;\/b>”\?<\/h1>/);
  assert.equal(await isFollowing(app.context, ana.id, { type: 'proposal', id: proposal }), true);
  const stopped = await app.inject({
    method: 'POST',
    url: stop,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.match(stopped.body, /You will hear no more of “Benches &lt;b>now&lt;\/b>”\./);
  assert.equal(await isFollowing(app.context, ana.id, { type: 'proposal', id: proposal }), false);
  assert.equal(await isFollowing(app.context, ana.id, { type: 'process', id: p.id }), true, 'the process is still followed');

  for (const bad of ['/en/participation/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', `${stop.replace(/\d+$/, '999999')}`]) {
    const res = await app.inject({
      method: 'POST',
      url: bad,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.ok([404, 410].includes(res.statusCode), `${bad}: ${res.statusCode}`);
  }
  assert.equal((await app.inject({ url: '/en/participation/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode, 410);
  assert.equal((await app.inject({ url: '/en/participation/unsubscribe/%3Cscript%3E' })).statusCode, 404);
  assert.equal((await app.inject({ url: `/en/participation/unsubscribe/${'a'.repeat(150)}` })).statusCode, 414, 'too long an address');
});

appTest('a person is mailed in their language, with links in it', async (app, database) => {
  const ivan = await setting(app, database, 'immediate', 'bg');
  const { process: p } = await news(app, database, [ivan], new Date(T));
  await repo.saveText(database.db, { process_id: p.id, language: 'bg', title: 'Идеи за Ботевград', summary: '', description: '' });
  await runDigests(app.context, new Date(T + 60_000));
  const [mail] = await mailsTo(database, ivan.email);
  assert.equal(mail?.language, 'bg');
  assert.match(mail?.text_body ?? '', /Идеи за Ботевград/);
  assert.match(mail?.text_body ?? '', /http:\/\/portal\.test\/bg\/participation\/notifications/);
  assert.match(JSON.parse(mail?.headers ?? '{}')['List-Unsubscribe'], /^<http:\/\/portal\.test\/bg\/participation\/unsubscribe\//);
});

appTest('the mail setting is one form: a clear error for anything but the four choices, nothing changed', async (app, database) => {
  const ana = await person(database);
  const url = '/en/participation/notifications';
  assert.equal((await app.inject({ url })).headers.location, `/en/sign-in?next=${encodeURIComponent(url)}`);
  const page = await app.inject({ url, headers: { cookie: ana.cookie } });
  assert.equal(page.headers['cache-control'], 'private, no-store');
  assert.match(page.body, /<input type="radio" id="frequency-daily" name="frequency" value="daily" checked/);

  const saved = await submit(app, url, { frequency: 'weekly' }, ana);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${url}?notice=saved`);
  const after = await app.inject({ url: `${url}?notice=saved`, headers: { cookie: ana.cookie } });
  assert.match(after.body, /Saved: mail now comes as you chose\./);
  assert.match(after.body, /value="weekly" checked/);

  for (const frequency of ['hourly', '', '<script>alert(1)</script>', 'x'.repeat(10_000), ['daily', 'never']]) {
    const res = await submit(app, url, { frequency }, ana);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: Mail about what you follow/);
    assert.match(res.body, /Choose how often mail should come\./);
    assert.ok(!res.body.includes('<script>alert'));
    assert.match(res.body, /value="weekly" checked/, 'the saved choice stays');
  }
  assert.equal(await frequencyOf(app.context, ana.id), 'weekly');
  const noToken = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'frequency=never',
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal(await frequencyOf(app.context, ana.id), 'weekly');
});
