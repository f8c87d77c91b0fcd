import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person } from '../../../test/factories.ts';
import { sampleComment, sampleDebate } from '../../../test/following.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { follow } from './service/following.ts';
import { type NotifyInput, notifyFollowers } from './service/notifications.ts';

const notified = async (database: TestDatabase) =>
  (
    await database.db
      .selectFrom('participation_notifications')
      .select(['user_id', 'event', 'reason'])
      .orderBy('user_id')
      .orderBy('id')
      .execute()
  ).map((n) => `${n.user_id}:${n.event}:${n.reason}`);

appTest(
  'what happens reaches the followers of the thing and of its process, each once, never the one who did it',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const owner = { type: 'municipality', id: towns.botevgrad };
    const p = await sampleProcess(database, owner);
    const elsewhere = await sampleProcess(database, owner);
    const [ofProcess, ofProposal, ofBoth, actor, ofOther] = await Promise.all([1, 2, 3, 4, 5].map(() => person(database)));
    const proposal = await sampleProposal(database, p.id, actor!.id);
    const ctx = app.context;
    await follow(ctx, ofProcess!.id, { type: 'process', id: p.id });
    await follow(ctx, ofProposal!.id, { type: 'proposal', id: proposal });
    await follow(ctx, ofBoth!.id, { type: 'process', id: p.id });
    await follow(ctx, ofBoth!.id, { type: 'proposal', id: proposal });
    await follow(ctx, actor!.id, { type: 'proposal', id: proposal });
    await follow(ctx, ofOther!.id, { type: 'process', id: elsewhere.id });

    const comment = await sampleComment(database, { type: 'proposal', id: proposal }, actor!.id);
    const input: NotifyInput = {
      subject: { type: 'proposal', id: proposal },
      event: 'comment.new',
      source: { type: 'comment', id: comment },
      actorId: actor!.id,
    };
    const count = await database.db.transaction().execute((trx) => notifyFollowers(trx, ctx, input));
    assert.equal(count, 3);
    const expected = [
      [ofProcess!.id, 'comment.new:process'],
      [ofProposal!.id, 'comment.new:proposal'],
      [ofBoth!.id, 'comment.new:proposal'],
    ] as const;
    assert.deepEqual(
      await notified(database),
      [...expected].sort((a, b) => a[0] - b[0]).map(([id, what]) => `${id}:${what}`),
    );

    // A new proposal in the process: its followers hear of it; a debate outside any process: only its own followers.
    await database.db.deleteFrom('participation_notifications').execute();
    const second = await sampleProposal(database, p.id, ofProposal!.id, { title: 'Benches in the park' });
    await notifyFollowers(database.db, ctx, {
      subject: { type: 'process', id: p.id },
      event: 'proposal.new',
      source: { type: 'proposal', id: second },
      actorId: ofProposal!.id,
    });
    assert.deepEqual(
      await notified(database),
      [ofProcess!.id, ofBoth!.id].sort((a, b) => a - b).map((id) => `${id}:proposal.new:process`),
    );
    await database.db.deleteFrom('participation_notifications').execute();
    const townDebate = await sampleDebate(database, owner, null, null);
    await follow(ctx, ofOther!.id, { type: 'debate', id: townDebate });
    await notifyFollowers(database.db, ctx, {
      subject: { type: 'debate', id: townDebate },
      event: 'debate.closed',
      source: { type: 'debate', id: townDebate },
      actorId: null,
    });
    assert.deepEqual(await notified(database), [`${ofOther!.id}:debate.closed:debate`]);

    // A rolled-back writer leaves no notification behind.
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await notifyFollowers(trx, ctx, input);
        throw new Error('the comment failed');
      }),
    );
    assert.equal((await notified(database)).length, 1);
  },
);

appTest('“What’s new for you” says what happened, where and why, newest first, marks the unread, pages', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const p = await sampleProcess(database, owner, { title: 'Ideas for Botevgrad' });
  const ana = await person(database);
  const ctx = app.context;
  await follow(ctx, ana.id, { type: 'process', id: p.id });
  const proposal = await sampleProposal(database, p.id, null, { title: 'Trees <script>alert(1)</script> & shade' });
  await notifyFollowers(database.db, ctx, {
    subject: { type: 'process', id: p.id },
    event: 'proposal.new',
    source: { type: 'proposal', id: proposal },
    actorId: null,
  });
  await follow(ctx, ana.id, { type: 'proposal', id: proposal });
  const comment = await sampleComment(database, { type: 'proposal', id: proposal }, null);
  await notifyFollowers(database.db, ctx, {
    subject: { type: 'proposal', id: proposal },
    event: 'comment.new',
    source: { type: 'comment', id: comment },
    actorId: null,
  });

  const anonymous = await app.inject({ url: '/en/participation/news-for-you' });
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/en/sign-in?next=${encodeURIComponent('/en/participation/news-for-you')}`);

  const account = await app.inject({ url: '/en/account', headers: { cookie: ana.cookie } });
  assert.match(account.body, /href="\/en\/participation\/news-for-you">2 new things</);

  const url = '/en/participation/news-for-you';
  const first = await app.inject({ url, headers: { cookie: ana.cookie } });
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['cache-control'], 'private, no-store');
  assert.match(first.body, /<h1>What’s new for you<\/h1>/);
  const title = 'Trees &lt;script>alert\\(1\\)&lt;/script> &amp; shade';
  const commentAt = first.body.search(
    new RegExp(`New comment on “<a href="/en${p.path}/proposals/${proposal}#comment-${comment}">${title}</a>”`),
  );
  const proposalAt = first.body.search(new RegExp(`New proposal: “<a href="/en${p.path}/proposals/${proposal}">${title}</a>”`));
  assert.ok(commentAt > 0 && proposalAt > commentAt, 'both, newest first');
  assert.ok(!first.body.includes('<script>alert'), 'a title is text, never markup');
  assert.match(first.body, /in Ideas for Botevgrad/);
  assert.match(first.body, /You get this because you follow this proposal\./);
  assert.match(first.body, /You get this because you follow this process\./);
  assert.equal(first.body.match(/<span class="tag">New<\/span>/g)?.length, 2, 'both unread');
  assert.match(first.body, /Mail comes once a day, with everything new\./, 'daily unless said otherwise');

  // A comment on a section of the process's vision is news of the process: it names the section, and links to it there.
  const section = await repo.insertSection(database.db, {
    process_id: p.id,
    position: 0,
    language: 'en',
    title: 'A river town',
    body: '',
    comments_count: 0,
  });
  const onProcess = await sampleComment(database, { type: 'section', id: section }, null, {
    body: 'The river should be in the vision.',
    stance: null,
  });
  const source = { type: 'comment' as const, id: onProcess };
  await notifyFollowers(database.db, ctx, { subject: { type: 'process', id: p.id }, event: 'comment.new', source, actorId: null });
  const withSection = await app.inject({ url, headers: { cookie: ana.cookie } });
  assert.match(
    withSection.body,
    new RegExp(`New comment on “<a href="/en${p.path}/sections/${section}#comment-${onProcess}">A river town</a>”`),
  );
  await database.db.deleteFrom('participation_notifications').where('source_id', '=', onProcess).execute();

  const again = await app.inject({ url, headers: { cookie: ana.cookie } });
  assert.ok(!again.body.includes('<span class="tag">New</span>'), 'seen once, read');
  assert.match((await app.inject({ url: '/en/account', headers: { cookie: ana.cookie } })).body, />Nothing new</);

  // Someone else's page shows none of it.
  const bob = await person(database);
  assert.match((await app.inject({ url, headers: { cookie: bob.cookie } })).body, /Nothing yet\. Follow a process/);

  // Paged by twenty.
  for (let i = 0; i < 21; i++) {
    await notifyFollowers(database.db, ctx, {
      subject: { type: 'proposal', id: proposal },
      event: 'comment.new',
      source: { type: 'comment', id: await sampleComment(database, { type: 'proposal', id: proposal }, null) },
      actorId: null,
    });
  }
  const page1 = await app.inject({ url, headers: { cookie: ana.cookie } });
  assert.equal(page1.body.match(/class="news/g)?.length, 20);
  assert.match(page1.body, /Page 1 of 2/);
  const page2 = await app.inject({ url: `${url}?page=2`, headers: { cookie: ana.cookie } });
  assert.equal(page2.body.match(/class="news/g)?.length, 3);
  assert.match(page2.body, /Trees/);
  for (const bad of ['0', '-1', 'abc', '1e9', '<script>']) {
    assert.equal((await app.inject({ url: `${url}?page=${encodeURIComponent(bad)}`, headers: { cookie: ana.cookie } })).statusCode, 404);
  }
});

appTest('a text hidden after the fact is left out of the page and the count; so is a withdrawn proposal', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const p = await sampleProcess(database, owner);
  const ana = await person(database);
  const ctx = app.context;
  await follow(ctx, ana.id, { type: 'process', id: p.id });
  const proposal = await sampleProposal(database, p.id, null, { title: 'Benches for the square' });
  const comment = await sampleComment(database, { type: 'proposal', id: proposal }, null);
  const debate = await sampleDebate(database, owner, p.id, null, { title: 'Car-free Sundays?' });
  for (const n of [
    { subject: { type: 'process', id: p.id }, event: 'proposal.new', source: { type: 'proposal', id: proposal } },
    { subject: { type: 'proposal', id: proposal }, event: 'comment.new', source: { type: 'comment', id: comment } },
    { subject: { type: 'process', id: p.id }, event: 'debate.new', source: { type: 'debate', id: debate } },
  ] as const) {
    await notifyFollowers(database.db, ctx, { ...n, actorId: null });
  }
  const url = '/en/participation/news-for-you';
  const before = await app.inject({ url: '/en/account', headers: { cookie: ana.cookie } });
  assert.match(before.body, />3 new things</);

  await database.db.updateTable('comments').set({ hidden: 1 }).where('id', '=', comment).execute();
  const page = (await app.inject({ url, headers: { cookie: ana.cookie } })).body;
  assert.ok(!page.includes('New comment on'), 'the hidden comment is not told of');
  assert.match(page, /New proposal: “<a[^>]*>Benches for the square<\/a>”/);
  assert.match(page, /New debate: “<a[^>]*>Car-free Sundays\?<\/a>”/);

  await database.db.updateTable('debates').set({ hidden: 1 }).where('id', '=', debate).execute();
  await database.db.updateTable('proposals').set({ withdrawn: 1 }).where('id', '=', proposal).execute();
  const after = (await app.inject({ url, headers: { cookie: ana.cookie } })).body;
  assert.match(after, /Nothing yet/);
  assert.match((await app.inject({ url: '/en/account', headers: { cookie: ana.cookie } })).body, />Nothing new</);

  // A process taken back into draft takes its news with it.
  await database.db.updateTable('proposals').set({ withdrawn: 0 }).where('id', '=', proposal).execute();
  assert.match((await app.inject({ url, headers: { cookie: ana.cookie } })).body, /Benches for the square/);
  await database.db.updateTable('processes').set({ published: 0 }).where('id', '=', p.id).execute();
  assert.match((await app.inject({ url, headers: { cookie: ana.cookie } })).body, /Nothing yet/);
});

appTest(
  'a person’s follows, mail setting and notifications are in their data download and erased with the account',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
    const ana = await person(database);
    const bob = await person(database);
    const ctx = app.context;
    for (const who of [ana, bob]) await follow(ctx, who.id, { type: 'process', id: p.id });
    const proposal = await sampleProposal(database, p.id, null);
    await notifyFollowers(database.db, ctx, {
      subject: { type: 'process', id: p.id },
      event: 'proposal.new',
      source: { type: 'proposal', id: proposal },
      actorId: null,
    });
    const data = ctx.personalData.find((d) => d.module === 'participation')!.data;
    const subject = { userId: ana.id, email: ana.email };
    const exported = (await data.export(subject, ctx)) as { follows: unknown[]; mail: string; notifications: { event: string }[] };
    assert.deepEqual(
      exported.follows.map((f) => (f as { type: string }).type),
      ['process'],
    );
    assert.equal(exported.mail, 'daily');
    assert.deepEqual(
      exported.notifications.map((n) => n.event),
      ['proposal.new'],
    );
    await data.erase(subject, ctx);
    const left = await data.export(subject, ctx);
    assert.deepEqual(left, {
      proposals: [],
      supports: [],
      asOrganisation: { debates: [], comments: [] },
      census: [],
      follows: [],
      mail: 'daily',
      notifications: [],
    });
    assert.equal(
      ((await data.export({ userId: bob.id, email: bob.email }, ctx)) as { follows: unknown[] }).follows.length,
      1,
      'Bob’s stay',
    );
  },
);
