import assert from 'node:assert/strict';
import { sampleAward, voters } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import * as repo from './repo.ts';
import type { Category, Edition } from './schema.ts';
import { castVote } from './service/votes.ts';

const DAY = 86_400_000;

/** Moves an edition's dates so that its public vote is over and the jury is at work. */
async function closeVote(db: Parameters<typeof repo.editionBySlug>[0], id: number) {
  const day = (n: number) => new Date(Date.now() + n * DAY).toISOString();
  await repo.updateEdition(db, id, { vote_opens: day(-20), vote_closes: day(-1), jury_closes: day(10), results_on: day(20) });
}

appTest(
  'editors see a cluster, void it with a reason, publish after the vote, and the result and profile show it',
  async (app, database) => {
    const award = await sampleAward(database, 'voting');
    const { db } = database;
    const edition = (await repo.editionBySlug(db, 'mayor-of-the-year-2026')) as Edition;
    const [category] = (await repo.categoriesByIds(db, [award.category])) as Category[];
    // Twelve scripted accounts from one office network, and three people from elsewhere.
    const bots = await voters(
      database,
      Array.from({ length: 12 }, (_, i) => `fan${i + 1}@example.eu`),
    );
    for (const [i, bot] of bots.entries()) {
      assert.ok(
        (await castVote(app.context, bot, edition, category!, award.nominees[1], { ip: `203.0.113.${i + 1}`, userAgent: 'bot' })).ok,
      );
    }
    const people = await voters(database, ['ana@example.eu', 'boris@example.org', 'cveta@example.net']);
    for (const [i, p] of people.entries()) {
      await castVote(app.context, p, edition, category!, award.nominees[0], { ip: `198.51.${i}.1`, userAgent: 'browser' });
    }
    const editor = await person(database, { roles: [['platform_editor', null]] });
    const auditPage = `/en${award.path}/audit`;
    const page = await app.inject({ url: auditPage, headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /12 votes from one network/);
    assert.match(page.body, /12 votes from addresses of one pattern at example.eu/);
    assert.match(page.body, /votes from accounts created less than a day before/);

    const network = (await repo.votesOf(db, award.category)).filter((v) => v.user_agent === 'bot').map((v) => v.id);
    const noReason = await submit(app, auditPage, { votes: network.join(','), reason: '' }, editor, `${auditPage}/void`);
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Give a reason of at least 5 characters/);
    assert.equal((await repo.votesOf(db, award.category)).filter((v) => v.state === 'void').length, 0, 'nothing voided');
    const early = await submit(app, auditPage, {}, editor, `${auditPage}/publish`);
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /only be published after the public vote closes/);

    const voided = await submit(
      app,
      auditPage,
      { votes: network.join(','), reason: 'One office network, one script' },
      editor,
      `${auditPage}/void`,
    );
    assert.equal(voided.statusCode, 303);
    const after = await repo.votesOf(db, award.category);
    assert.equal(after.filter((v) => v.state === 'void').length, 12);
    const logged = await db.selectFrom('audit_log').selectAll().where('action', '=', 'awards.votes.void').execute();
    assert.equal(logged.length, 1);
    assert.match(String(logged[0]!.details), /One office network/);

    const csv = await app.inject({ url: `${auditPage}.csv`, headers: { cookie: editor.cookie } });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.equal(csv.body.trim().split('\n').length, 16);
    assert.match(csv.body, /void,One office network, one script|void,"?One office network/);
    assert.doesNotMatch(csv.body, /@/, 'no address in the audit file');

    await closeVote(db, award.edition);
    const published = await submit(app, auditPage, {}, editor, `${auditPage}/publish`);
    assert.equal(published.statusCode, 303);
    const results = await app.inject({ url: `/en${award.path}` });
    assert.match(results.body, /Public votes counted: 3; voided: 12\. The jury weighs 50%, the public vote 50%\./);
    assert.match(results.body, /<td[^>]*>1<\/td><td[^>]*>Zhivko Todorov/);
    const profile = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
    assert.match(profile.body, /Mayor of the Year — Mayor of the Year 2026[\s\S]*winner/);
    // The page offers no form any more: a hand-made post is refused all the same.
    const late = await submit(
      app,
      '/en/awards/new',
      { votes: String(after[0]!.id), reason: 'Too late to change' },
      editor,
      `${auditPage}/void`,
    );
    assert.equal(late.statusCode, 422, 'a published result cannot change');
    const api = await app.inject({ url: '/api/v1/awards/mayor-of-the-year-2026' });
    const data = api.json();
    assert.equal(data.categories[0].results.votesCounted, 3);
    assert.equal(data.categories[0].results.ranking[0].nominee, award.nominees[0]);
  },
);
