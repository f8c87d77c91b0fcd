import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { isHidden, sampleTexts } from '../../../test/moderation.ts';
import { sampleProcess } from '../../../test/participation.ts';

type App = Parameters<typeof submit>[0];

async function setting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.botevgrad };
  const process = await sampleProcess(database, owner);
  const author = await person(database, { name: 'Spiro Spammer' });
  const moderator = await person(database, { roles: [['platform_moderator', null]] });
  return { towns, process, author, moderator, texts: await sampleTexts(database, process, author.id, owner) };
}

const accountPage = (id: number) => `/en/moderation/accounts/${id}`;
const act = (app: App, who: TestPerson, id: number, action: 'block' | 'unblock', reason: string) =>
  submit(app, accountPage(id), { reason }, who, `${accountPage(id)}/${action}`);

const hiddenTexts = async (database: TestDatabase, texts: { proposal: number; debate: number; comment: number }) => ({
  proposal: await isHidden(database, 'proposals', texts.proposal),
  debate: await isHidden(database, 'debates', texts.debate),
  comment: await isHidden(database, 'comments', texts.comment),
});

appTest(
  'blocking an account hides all it wrote; unblocking shows again what the block hid, not what was hidden for itself',
  async (app, database) => {
    const { author, moderator, texts } = await setting(database);
    // The comment was hidden for its own sake before the block.
    const entry = `/en/moderation/comment/${texts.comment}`;
    assert.equal((await submit(app, entry, { reason: 'Advertising' }, moderator, `${entry}/hide`)).statusCode, 303);

    const page = await app.inject({ url: accountPage(author.id), headers: { cookie: moderator.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Account of Spiro Spammer<\/h1>/);
    assert.match(page.body, /This account is not blocked\./);

    const blocked = await act(app, moderator, author.id, 'block', 'Advertising in every process');
    assert.equal(blocked.statusCode, 303);
    assert.deepEqual(await hiddenTexts(database, texts), { proposal: true, debate: true, comment: true });
    const after = await app.inject({ url: String(blocked.headers.location), headers: { cookie: moderator.cookie } });
    assert.match(after.body, /The account is blocked and what it wrote is hidden\./);
    assert.match(after.body, /Blocked since .*Reason: Advertising in every process/);
    assert.match(after.body, /Account blocked<\/th>/);

    // The person still signs in and reads, is told why, and may not write.
    const account = await app.inject({ url: '/en/account', headers: { cookie: author.cookie } });
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /<h2>Your account is blocked<\/h2>/);
    assert.match(account.body, /The reason given: Advertising in every process/);
    assert.equal((await app.inject({ url: '/en/participation', headers: { cookie: author.cookie } })).statusCode, 200);
    const report = await app.inject({
      url: `/en/moderation/flag?type=proposal&id=${texts.proposal}&back=/`,
      headers: { cookie: author.cookie },
    });
    assert.equal(report.statusCode, 403);
    assert.match(report.body, /<h1>Your account is blocked<\/h1>/);

    // A moderator restoring one of its texts leaves it hidden while the block lasts.
    const proposalEntry = `/en/moderation/proposal/${texts.proposal}`;
    assert.equal(
      (await submit(app, proposalEntry, { reason: 'The proposal is fine' }, moderator, `${proposalEntry}/restore`)).statusCode,
      303,
    );
    assert.equal(await isHidden(database, 'proposals', texts.proposal), true);
    assert.match(
      (await app.inject({ url: proposalEntry, headers: { cookie: moderator.cookie } })).body,
      /stays hidden until the block is lifted/,
    );

    const unblocked = await act(app, moderator, author.id, 'unblock', 'Promised to stop');
    assert.equal(unblocked.statusCode, 303);
    assert.deepEqual(await hiddenTexts(database, texts), { proposal: false, debate: false, comment: true });
    assert.doesNotMatch((await app.inject({ url: '/en/account', headers: { cookie: author.cookie } })).body, /Your account is blocked/);
    const audit = await database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'user').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['moderation.block', 'moderation.unblock'],
    );
  },
);

appTest('only the platform’s moderators block, always with a reason', async (app, database) => {
  const { towns, author, moderator, texts } = await setting(database);
  const townAdmin = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
  const citizen = await person(database);
  for (const who of [townAdmin, citizen]) {
    assert.equal((await app.inject({ url: accountPage(author.id), headers: { cookie: who.cookie } })).statusCode, 403);
    const res = await submit(app, '/en/account', { reason: 'Because' }, who, `${accountPage(author.id)}/block`);
    assert.equal(res.statusCode, 403);
  }
  const res = await act(app, moderator, author.id, 'block', '');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /<title>Error: Block the account/);
  assert.match(res.body, /Write the reason for your decision/);
  const script = await act(app, moderator, author.id, 'block', `<script>alert(1)</script>${'x'.repeat(600)}`);
  assert.equal(script.statusCode, 422);
  assert.doesNotMatch(script.body, /<script>alert/);
  assert.deepEqual(await hiddenTexts(database, texts), { proposal: false, debate: false, comment: false }, 'nothing changed');
  assert.equal((await app.inject({ url: accountPage(999999), headers: { cookie: moderator.cookie } })).statusCode, 404);
});
