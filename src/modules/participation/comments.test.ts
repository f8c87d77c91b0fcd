import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';
import { sampleProcess, sampleProposal, sampleResult } from '../../../test/participation.ts';
import * as repo from './repo.ts';

/** A process of Botevgrad with a debate in it, opened by a citizen; `stances` off when said. */
async function debateIn(
  app: FastifyInstance,
  database: TestDatabase,
  options: { stances?: boolean; actions?: ('comment' | 'debate')[] } = {},
) {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { actions: ['comment', 'debate'] });
  if (options.stances === false) await repo.updateProcess(database.db, p.id, { stances: 0 });
  const opener = await person(database, { name: 'Opener Olga' });
  const res = await submit(app, `/en${p.path}/debates/new`, { title: 'Trees on Main Street', body: 'Which trees?', closes_on: '' }, opener);
  const path = res.headers.location as string;
  if (options.actions) {
    const phase = (await repo.phasesOf(database.db, [p.id]))[0]!;
    await repo.replacePhases(database.db, p.id, [{ ...phase, actions: options.actions.join(',') }]);
  }
  return { towns, p, path, id: Number(path.split('/').at(-1)) };
}

const say = (app: FastifyInstance, path: string, who: TestPerson, fields: Record<string, string>) =>
  submit(app, path, fields, who, `${path}/comments`);
const countOf = async (database: TestDatabase, id: number) => (await repo.debateById(database.db, id))!.comments_count;

appTest('comments form a thread two levels deep, oldest first; a third level is refused; the count follows', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const ana = await person(database, { name: 'Ana' });
  const boris = await person(database, { name: 'Boris' });
  const first = await say(app, path, ana, { body: 'Lime trees, please.', stance: 'for' });
  assert.equal(first.statusCode, 303);
  assert.match(first.headers.location as string, new RegExp(`^${path}#comment-\\d+$`));
  const firstId = (first.headers.location as string).split('-').at(-1)!;
  await say(app, path, boris, { body: 'Plane trees grow faster.', stance: 'against' });
  const answer = await say(app, path, boris, { body: 'But lime trees smell nicer.', parent: firstId });
  assert.equal(answer.statusCode, 303);
  const answerId = (answer.headers.location as string).split('-').at(-1)!;

  const page = (await app.inject({ url: path, headers: { cookie: ana.cookie } })).body;
  assert.match(page, /id="comments-heading">3 comments</);
  assert.ok(page.indexOf('Lime trees, please.') < page.indexOf('Plane trees grow faster.'), 'oldest first');
  assert.match(page, /Lime trees, please\..*class="comment-answers".*But lime trees smell nicer\..*Plane trees grow faster/s);
  assert.match(page, /<strong>Ana<\/strong><span class="tag stance stance--for">For<\/span>/);
  const process = path.replace(/\/debates\/\d+$/, '');
  assert.match(
    page,
    new RegExp(`href="${process}/comments/${firstId}/answer" rel="nofollow">Answer<span class="visually-hidden"> to Ana</span>`),
  );
  assert.ok(!page.includes(`/comments/${answerId}/answer`), 'answers are not answered');
  assert.equal(await countOf(database, id), 3);
  // Answering has a page of its own, which needs no script: the comment quoted, its form posting to the subject.
  const answering = await app.inject({ url: `${process}/comments/${firstId}/answer`, headers: { cookie: boris.cookie } });
  assert.equal(answering.statusCode, 200);
  assert.match(answering.body, /<blockquote class="comment"><p class="meta">Ana<\/p>/);
  assert.match(answering.body, new RegExp(`action="${path}/comments".*name="parent" value="${firstId}"`, 's'));
  const deeper = await app.inject({ url: `${process}/comments/${answerId}/answer`, headers: { cookie: ana.cookie } });
  assert.equal(deeper.statusCode, 404, 'an answer has no answer page');
  const visitor = await app.inject({ url: `${process}/comments/${firstId}/answer` });
  assert.equal(visitor.statusCode, 303, 'a visitor is asked to sign in');
  assert.match(visitor.headers.location as string, /\/sign-in\?next=/);

  const third = await say(app, path, ana, { body: 'A third level?', parent: answerId });
  assert.equal(third.statusCode, 422);
  assert.match(third.body, /Answers cannot be answered: answer the comment at the top of the thread/);
  assert.match(third.body, />A third level\?<\/textarea>/);
  const stranger = await say(app, path, ana, { body: 'To nowhere', parent: '999999' });
  assert.equal(stranger.statusCode, 422);
  assert.match(stranger.body, /The comment you answer is no longer there/);
  assert.equal((await repo.commentsOn(database.db, 'debate', id)).length, 3);
  assert.equal(await countOf(database, id), 3);

  const list = await app.inject({ url: path.replace(/\/debates\/\d+$/, '') });
  assert.match(list.body, /3 comments/, 'the process page shows the count');
});

appTest('a stance is asked only where the process asks for one, and only for, against or neutral', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const ana = await person(database);
  const page = (await app.inject({ url: path, headers: { cookie: ana.cookie } })).body;
  assert.match(page, /<legend>Your position<\/legend>/);
  assert.match(page, /type="radio" id="comment-stance-neutral" name="stance" value="neutral" checked/);
  for (const stance of ['maybe', '', '<b>for</b>']) {
    const res = await say(app, path, ana, { body: 'Kept text', stance });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Your position: Choose for, against or neutral/);
    assert.match(res.body, />Kept text<\/textarea>/);
  }
  assert.equal(await countOf(database, id), 0);

  const plain = await debateIn(app, database, { stances: false });
  const noStance = (await app.inject({ url: plain.path, headers: { cookie: ana.cookie } })).body;
  assert.ok(!noStance.includes('Your position'), 'no stance field');
  assert.equal((await say(app, plain.path, ana, { body: 'No side taken', stance: 'against' })).statusCode, 303);
  const [stored] = await repo.commentsOn(database.db, 'debate', plain.id);
  assert.equal(stored?.stance, null, 'a stance sent anyway is not kept');
  assert.ok(!(await app.inject({ url: plain.path })).body.includes('stance--'));
});

appTest('only the author edits a comment, and it shows as edited', async (app, database) => {
  const { p, path, id } = await debateIn(app, database);
  const ana = await person(database, { name: 'Ana' });
  const boris = await person(database);
  const res = await say(app, path, ana, { body: 'Tipo here', stance: 'neutral' });
  const cid = (res.headers.location as string).split('-').at(-1)!;
  const edit = `/en${p.path}/comments/${cid}/edit`;
  assert.match((await app.inject({ url: path, headers: { cookie: ana.cookie } })).body, new RegExp(`href="${edit}">Edit`));
  assert.ok(!(await app.inject({ url: path, headers: { cookie: boris.cookie } })).body.includes(edit), 'no edit link for others');
  assert.equal((await app.inject({ url: edit, headers: { cookie: boris.cookie } })).statusCode, 403);
  const forged = await submit(app, path, { body: 'Hijacked', stance: 'for' }, boris, edit);
  assert.equal(forged.statusCode, 403);
  assert.equal((await app.inject({ url: edit })).statusCode, 303, 'a visitor is sent to sign in');

  const tooLong = await submit(app, edit, { body: 'x'.repeat(2001), stance: 'for' }, ana);
  assert.equal(tooLong.statusCode, 422);
  assert.match(tooLong.body, /<title>Error: Edit your comment/);
  assert.match(tooLong.body, /Your comment: Use at most 2,000 characters/);
  assert.equal((await repo.commentById(database.db, Number(cid)))?.body, 'Tipo here', 'nothing changed');

  assert.equal((await submit(app, edit, { body: 'Typo fixed', stance: 'for' }, ana)).statusCode, 303);
  const page = (await app.inject({ url: path })).body;
  assert.match(page, /Typo fixed/);
  assert.match(page, /<span class="edited">edited [^<]+<\/span>/);
  assert.match(page, /stance--for/);
  assert.equal(await countOf(database, id), 1, 'an edit adds nothing to the count');
});

appTest('the official mark is for the owner’s staff only', async (app, database) => {
  const { towns, path, id } = await debateIn(app, database);
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Clerk' });
  const other = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  const citizen = await person(database);
  assert.match((await app.inject({ url: path, headers: { cookie: staff.cookie } })).body, /This is the town’s official reply/);
  assert.ok(!(await app.inject({ url: path, headers: { cookie: other.cookie } })).body.includes('official reply<'));
  for (const who of [other, citizen]) {
    const res = await say(app, path, who, { body: 'We decide', stance: 'neutral', official: '1' });
    assert.equal(res.statusCode, 403);
  }
  assert.equal(await countOf(database, id), 0, 'nothing was stored');
  const top = await say(app, path, citizen, { body: 'Who decides?', stance: 'neutral' });
  const parent = (top.headers.location as string).split('-').at(-1)!;
  assert.equal((await say(app, path, staff, { body: 'The council, in May.', parent, official: '1' })).statusCode, 303);
  assert.equal((await say(app, path, other, { body: 'Just my view', parent })).statusCode, 303, 'without the mark anyone may answer');
  const page = (await app.inject({ url: path })).body;
  assert.match(
    page,
    /class="comment comment--official".*<strong>Clerk<\/strong><span class="tag tag--official">Official reply<\/span>.*The council, in May\./s,
  );
  assert.equal((page.match(/tag--official">Official reply/g) ?? []).length, 1);
});

appTest('hidden comments show nowhere; their answers stay under a placeholder without the text', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const ana = await person(database);
  const a = await say(app, path, ana, { body: 'Rude words here', stance: 'for' });
  const aId = Number((a.headers.location as string).split('-').at(-1));
  await say(app, path, ana, { body: 'An answer that stays', parent: String(aId) });
  const b = await say(app, path, ana, { body: 'Spam link here', stance: 'for' });
  const c = await say(app, path, ana, { body: 'A hidden answer', parent: String(aId) });
  for (const res of [b, c]) {
    const hid = Number((res.headers.location as string).split('-').at(-1));
    await database.db.updateTable('comments').set({ hidden: 1 }).where('id', '=', hid).execute();
  }
  await database.db.updateTable('comments').set({ hidden: 1 }).where('id', '=', aId).execute();
  const page = (await app.inject({ url: path })).body;
  assert.ok(!page.includes('Rude words here') && !page.includes('Spam link here') && !page.includes('A hidden answer'));
  assert.match(page, /Comment removed by moderation\..*An answer that stays/s);
  assert.equal((page.match(/Comment removed by moderation/g) ?? []).length, 1, 'a hidden comment without answers leaves no trace');
  assert.match(page, /id="comments-heading">1 comment</);
  const answer = await say(app, path, ana, { body: 'Answering the removed', parent: String(aId) });
  assert.equal(answer.statusCode, 422, 'a hidden comment cannot be answered');
  assert.equal(
    (await app.inject({ url: `${path.replace(/debates\/\d+/, '')}comments/${aId}/edit`, headers: { cookie: ana.cookie } })).statusCode,
    404,
  );
  assert.ok(id);
});

appTest('text is shown as typed and harmless: no HTML, line breaks kept, links marked as the writer’s', async (app, database) => {
  const { path } = await debateIn(app, database);
  const ana = await person(database);
  const body =
    '<script>alert("x")</script> <img src=x onerror=alert(1)>\nSecond line\nSee https://example.eu/plan. And javascript:alert(1)';
  assert.equal((await say(app, path, ana, { body, stance: 'for' })).statusCode, 303);
  const page = (await app.inject({ url: path })).body;
  assert.ok(!page.includes('<script>alert("x")'));
  assert.ok(!page.includes('<img src=x'));
  assert.match(page, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &lt;img src=x onerror=alert\(1\)></);
  assert.match(page, /<br\/?>Second line/);
  assert.match(page, /<a href="https:\/\/example.eu\/plan" rel="nofollow ugc noopener">https:\/\/example.eu\/plan<\/a>\./);
  assert.ok(!page.includes('href="javascript:'));
});

appTest('who may comment: visitors sign in, unconfirmed and out-of-phase are refused, bad text is refused', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const anonymous = await submit(app, '/en/sign-in', { body: 'hello', stance: 'for' }, undefined, `${path}/comments`);
  assert.equal(anonymous.statusCode, 303, 'a visitor is sent to sign in');
  assert.match(anonymous.headers.location as string, /sign-in/);
  const visitorPage = (await app.inject({ url: path })).body;
  assert.match(visitorPage, /Sign in to comment/);
  assert.ok(!visitorPage.includes('name="_csrf"'), 'no form for a visitor');
  const unconfirmed = await person(database, { confirmed: false });
  assert.match((await app.inject({ url: path, headers: { cookie: unconfirmed.cookie } })).body, /Confirm your email address to comment/);
  const refused = await submit(app, '/en/account', { body: 'Hello', stance: 'for' }, unconfirmed, `${path}/comments`);
  assert.equal(refused.statusCode, 403, 'an unconfirmed account is refused');
  const ana = await person(database);
  for (const [fields, error] of [
    [{ body: '   ', stance: 'for' }, /Your comment: Fill in this field/],
    [{ body: 'y'.repeat(2001), stance: 'for' }, /Use at most 2,000 characters/],
    [{ body: 'bad\u0007bell', stance: 'for' }, /invisible control characters/],
  ] as const) {
    const res = await say(app, path, ana, fields);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: Comment on “Trees on Main Street”/);
    assert.match(res.body, error);
  }
  assert.equal(await countOf(database, id), 0);
  const quiet = await debateIn(app, database, { actions: ['debate'] });
  assert.match(
    (await app.inject({ url: quiet.path, headers: { cookie: ana.cookie } })).body,
    /The current phase of the process takes no comments/,
  );
  assert.equal((await say(app, path, ana, { body: 'ok', stance: 'for' })).statusCode, 303);
  const outOfPhase = await submit(app, path, { body: 'Now?', stance: 'for' }, ana, `${quiet.path}/comments`);
  assert.equal(outOfPhase.statusCode, 403);
  assert.equal(await countOf(database, quiet.id), 0);
  assert.equal((await submit(app, path, { body: 'x', stance: 'for' }, ana, `${path}0/comments`)).statusCode, 404);
});

appTest('one account writing too fast is told to wait, and keeps its text', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const ana = await person(database);
  for (let i = 0; i < 6; i++) assert.equal((await say(app, path, ana, { body: `Comment ${i}`, stance: 'for' })).statusCode, 303);
  const res = await say(app, path, ana, { body: 'One more', stance: 'for' });
  assert.equal(res.statusCode, 429);
  assert.ok(Number(res.headers['retry-after']) > 0);
  assert.match(res.body, /Too many attempts. Wait 1 minute and try again/);
  assert.match(res.body, />One more<\/textarea>/);
  assert.equal(await countOf(database, id), 6);
});

appTest('comments on a proposal or a result count on it', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const proposal = await sampleProposal(database, p.id, null, { title: 'A skate park', body: 'By the river.', area: 'sport' });
  const ana = await person(database);
  const res = await submit(
    app,
    `/en${p.path}/debates/new`,
    { body: 'Yes!', stance: 'for' },
    ana,
    `/en${p.path}/proposals/${proposal}/comments`,
  );
  assert.equal(res.statusCode, 303);
  assert.equal(
    res.headers.location,
    `/en${p.path}/proposals/${proposal}#comment-${(await repo.commentsOn(database.db, 'proposal', proposal))[0]!.id}`,
  );
  const row = await database.db.selectFrom('proposals').select('comments_count').where('id', '=', proposal).executeTakeFirstOrThrow();
  assert.equal(row.comments_count, 1);
  const other = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  const wrong = await submit(
    app,
    `/en${p.path}/debates/new`,
    { body: 'Elsewhere', stance: 'for' },
    ana,
    `/en${other.path}/proposals/${proposal}/comments`,
  );
  assert.equal(wrong.statusCode, 404, 'a subject is found only in its own process');

  const result = await sampleResult(database, p.id, { progress: 50, status: 'in_progress' });
  const onResult = await submit(
    app,
    `/en${p.path}/debates/new`,
    { body: 'Nice!', stance: 'for' },
    ana,
    `/en${p.path}/monitoring/${result}/comments`,
  );
  assert.equal(onResult.statusCode, 303);
  assert.match(onResult.headers.location as string, new RegExp(`^/en${p.path}/monitoring/${result}#comment-\\d+$`));
  const counted = await database.db.selectFrom('results').select('comments_count').where('id', '=', result).executeTakeFirstOrThrow();
  assert.equal(counted.comments_count, 1, 'and on a monitored result, on the result');
});

appTest('a busy subject shows its threads in pages of 20; a new answer leads to the page of its thread', async (app, database) => {
  const { path, id } = await debateIn(app, database);
  const ana = await person(database, { name: 'Ana' });
  const boris = await person(database, { name: 'Boris' });
  const at = new Date().toISOString();
  const ids: number[] = [];
  for (let i = 1; i <= 45; i++)
    ids.push(
      await repo.insertComment(database.db, {
        subject_type: 'debate',
        subject_id: id,
        parent_id: null,
        author_id: i === 25 ? ana.id : boris.id,
        body: `Thread number ${i}.`,
        stance: null,
        official: 0,
        hidden: 0,
        created_at: at,
        edited_at: null,
      }),
    );
  await repo.countComment(database.db, 'debate', id, 45);
  const first = (await app.inject({ url: path })).body;
  assert.match(first, /Thread number 1\./);
  assert.match(first, /Thread number 20\./);
  assert.doesNotMatch(first, /Thread number 21\./);
  assert.match(first, /Page 1 of 3/);
  assert.match(first, new RegExp(`href="${path}\\?page=2#comments" rel="next"`));
  const second = (await app.inject({ url: `${path}?page=2`, headers: { cookie: ana.cookie } })).body;
  assert.match(second, /Thread number 21\..*Thread number 40\./s);
  assert.doesNotMatch(second, /Thread number (20|41)\./);
  // Ana's own comment offers her to edit it, and not to report it; the others the other way round.
  const process = path.replace(/\/debates\/\d+$/, '');
  assert.match(second, new RegExp(`href="${process}/comments/${ids[24]}/edit"`));
  assert.doesNotMatch(second, new RegExp(`flag\\?type=comment&amp;id=${ids[24]}&`));
  assert.match(second, new RegExp(`flag\\?type=comment&amp;id=${ids[23]}&`));
  // What Ana saw is hers: Boris, reading the same page next, gets no link to edit her comment.
  const boriss = (await app.inject({ url: `${path}?page=2`, headers: { cookie: boris.cookie } })).body;
  assert.doesNotMatch(boriss, new RegExp(`/comments/${ids[24]}/edit`));
  assert.match(boriss, new RegExp(`href="${process}/comments/${ids[23]}/edit"`), 'his own are his to edit');
  // A page past the last shows the last; a page that is no number shows the first.
  assert.match((await app.inject({ url: `${path}?page=99` })).body, /Thread number 45\./);
  assert.match((await app.inject({ url: `${path}?page=x` })).body, /Thread number 1\./);
  const answer = await say(app, path, ana, { body: 'An answer on page two.', parent: String(ids[29]) });
  assert.equal(answer.statusCode, 303);
  assert.match(answer.headers.location as string, new RegExp(`^${path}\\?page=2#comment-\\d+$`));
  const shown = (await app.inject({ url: (answer.headers.location as string).split('#')[0]! })).body;
  assert.match(shown, /Thread number 30\..*An answer on page two\./s);
});

/** What a comment leaves behind: itself, the news of it for followers, its writer following, mail. */
async function traces(database: TestDatabase) {
  const tables = ['comments', 'participation_notifications', 'participation_follows', 'mail_outbox'] as const;
  return Promise.all(tables.map(async (t) => (await database.db.selectFrom(t).selectAll().execute()).length));
}

appTest('a robot that fills in a hidden field is sent back to the comments, and nothing is kept nor sent', async (app, database) => {
  const { p, path, id } = await debateIn(app, database);
  const ana = await person(database, { name: 'Ana' });
  const first = await say(app, path, ana, { body: 'Lime trees, please.', stance: 'for' });
  const firstId = (first.headers.location as string).split('-').at(-1)!;
  const robot = await person(database);
  const page = (await app.inject({ url: path, headers: { cookie: robot.cookie } })).body;
  assert.ok(hasHoneypot(page, 'comment-website'), 'the comment form holds the trap');
  const answering = `/en${p.path}/comments/${firstId}/answer`;
  assert.ok(hasHoneypot((await app.inject({ url: answering, headers: { cookie: robot.cookie } })).body), 'so does the answer form');

  const before = await traces(database);
  const comment = { body: 'Cheap pills here', stance: 'for' };
  for (const fields of [comment, { body: 'Cheap pills here', parent: firstId }]) {
    const res = await say(app, path, robot, { ...fields, ...ROBOT });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${path}#comments`);
  }
  assert.deepEqual(await traces(database), before, 'no comment, no news, no follow, no mail');
  assert.equal(await countOf(database, id), 1);
  assert.ok(!(await app.inject({ url: path })).body.includes('Cheap pills'));

  const edit = `/en${p.path}/comments/${firstId}/edit`;
  assert.ok(hasHoneypot((await app.inject({ url: edit, headers: { cookie: ana.cookie } })).body), 'the edit form holds the trap');
  const edited = await submit(app, edit, { body: 'Cheap pills here', stance: 'for', ...ROBOT }, ana);
  assert.equal(edited.statusCode, 303);
  assert.equal(edited.headers.location, `${path}#comment-${firstId}`);
  const kept = await repo.commentById(database.db, Number(firstId));
  assert.equal(kept?.body, 'Lime trees, please.', 'the comment is as it was');
  assert.equal(kept?.edited_at, null);
});
