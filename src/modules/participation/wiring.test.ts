import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, submitFiles, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleResult } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { follow } from './service/following.ts';

/** What a person was told, oldest first: "event subject_type:subject_id source_type:source_id (reason)". */
const toldTo = async (database: TestDatabase, who: TestPerson) =>
  (await repo.notificationsOf(database.db, who.id)).map(
    (n) => `${n.event} ${n.subject_type}:${n.subject_id} ${n.source_type}:${n.source_id} (${n.reason})`,
  );

const followsOf = async (database: TestDatabase, who: TestPerson) =>
  (await repo.followsOf(database.db, who.id)).map((f) => `${f.subject_type}:${f.subject_id}`);

const idAfter = (res: { headers: Record<string, unknown> }, segment: string) =>
  Number(new RegExp(`/${segment}/(\\d+)`).exec(String(res.headers.location))?.[1]);
const commentAfter = (res: { headers: Record<string, unknown> }) => Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]);

/** The news page as the person reads it: each entry's sentence and its link, newest first. */
async function newsOf(app: FastifyInstance, who: TestPerson) {
  const res = await app.inject({ url: '/en/participation/news-for-you', headers: { cookie: who.cookie } });
  assert.equal(res.statusCode, 200);
  return [...res.body.matchAll(/<li class="news[^"]*">.*?<strong>(.*?)<\/strong>/gs)].map(([, s]) => ({
    text: s!.replace(/<[^>]+>/g, ''),
    href: /href="([^"]+)"/.exec(s!)?.[1] ?? '',
  }));
}

/** Follows a link of the news page: the page opens, and shows the part the anchor names. */
async function opens(app: FastifyInstance, who: TestPerson, href: string) {
  const [path, anchor] = href.split('#');
  const res = await app.inject({ url: path!, headers: { cookie: who.cookie } });
  assert.equal(res.statusCode, 200, `${href} opens`);
  if (anchor) assert.ok(res.body.includes(`id="${anchor}"`), `${href} shows #${anchor}`);
}

appTest(
  'a process’s followers hear of each proposal, comment, answer, debate and result progress; nobody of their own',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { title: 'Ideas for Botevgrad' });
    const base = `/en${p.path}`;
    const fiona = await person(database, { name: 'Fiona Follower' });
    const ivan = await person(database, { name: 'Ivan Author' });
    const carla = await person(database, { name: 'Carla Commenter' });
    const sam = await person(database, { name: 'Sam Supporter' });
    const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]], name: 'Clerk Kalina' });
    for (const who of [fiona, ivan, staff]) await follow(database.db, who.id, { type: 'process', id: p.id });

    const fields = { title: 'Benches along the river', body: 'Ten benches for older people.', area: 'environment', step: 'publish' };
    const published = await submitFiles(app, `${base}/proposals/new`, fields, {}, ivan, `${base}/proposals`);
    assert.equal(published.statusCode, 303);
    const proposal = idAfter(published, 'proposals');
    const proposalPage = `${base}/proposals/${proposal}`;
    assert.deepEqual(await toldTo(database, fiona), [`proposal.new process:${p.id} proposal:${proposal} (process)`]);
    assert.deepEqual(await toldTo(database, ivan), [], 'the author is not told of their own proposal');
    assert.deepEqual(await followsOf(database, ivan), [`process:${p.id}`, `proposal:${proposal}`], 'and follows it');

    const said = await submit(app, proposalPage, { body: 'Yes, by the school too.', stance: 'for' }, carla, `${proposalPage}/comments`);
    assert.equal(said.statusCode, 303);
    const comment = commentAfter(said);
    assert.deepEqual(await followsOf(database, carla), [`proposal:${proposal}`], 'a commenter follows what they commented on');
    assert.equal((await toldTo(database, fiona))[1], `comment.new proposal:${proposal} comment:${comment} (process)`);
    assert.deepEqual(await toldTo(database, ivan), [`comment.new proposal:${proposal} comment:${comment} (proposal)`]);
    assert.deepEqual(await toldTo(database, carla), [], 'nor the commenter of their own comment');

    const empty = await submit(app, proposalPage, { body: '  ', stance: 'for' }, sam, `${proposalPage}/comments`);
    const script = await submit(app, proposalPage, { body: 'x'.repeat(2001), stance: '<script>' }, sam, `${proposalPage}/comments`);
    for (const refused of [empty, script]) assert.equal(refused.statusCode, 422);
    assert.deepEqual(await followsOf(database, sam), [], 'a refused comment follows nothing');
    assert.equal((await toldTo(database, fiona)).length, 2, 'and tells nobody');

    assert.equal((await submit(app, proposalPage, {}, sam, `${proposalPage}/support`)).statusCode, 303);
    assert.deepEqual(await followsOf(database, sam), [`proposal:${proposal}`], 'a supporter follows the proposal');
    assert.equal((await submit(app, proposalPage, {}, sam, `${proposalPage}/support/withdraw`)).statusCode, 303);
    assert.deepEqual(await followsOf(database, sam), [`proposal:${proposal}`], 'and still does after withdrawing the support');
    assert.equal((await toldTo(database, fiona)).length, 2, 'a support is no news');

    const answerForm = `${proposalPage}/answer`;
    const stranger = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
    assert.equal((await submit(app, '/en/account', { state: 'accepted', text: 'Mine' }, stranger, answerForm)).statusCode, 403);
    assert.equal((await submit(app, answerForm, { state: 'rejected', text: '' }, staff)).statusCode, 422, 'a rejection needs its reason');
    assert.equal((await toldTo(database, fiona)).length, 2, 'neither another town’s staff nor a refused answer tells anyone');
    const answered = await submit(app, answerForm, { state: 'accepted', text: 'We put them in in May.', cost: '', when: 'now' }, staff);
    assert.equal(answered.statusCode, 303);
    const answer = (await repo.answerOf(database.db, proposal))!.id;
    for (const who of [fiona, ivan, carla, sam])
      assert.match((await toldTo(database, who)).at(-1)!, new RegExp(`^answer.published proposal:${proposal} answer:${answer} `));
    assert.ok(!(await toldTo(database, staff)).some((n) => n.startsWith('answer.published')), 'the staff who answered is not told');

    const opened = await submit(
      app,
      `${base}/debates/new`,
      { title: 'Where should the benches face?', body: 'Sun or shade?', closes_on: '' },
      staff,
    );
    assert.equal(opened.statusCode, 303);
    const debate = idAfter(opened, 'debates');
    const debatePage = `${base}/debates/${debate}`;
    assert.equal((await toldTo(database, fiona)).at(-1), `debate.new process:${p.id} debate:${debate} (process)`);
    assert.ok((await followsOf(database, staff)).includes(`debate:${debate}`), 'who opens a debate follows it');
    assert.equal(
      (await submit(app, debatePage, { body: 'Shade, please.', stance: 'for' }, carla, `${debatePage}/comments`)).statusCode,
      303,
    );
    assert.ok((await followsOf(database, carla)).includes(`debate:${debate}`));
    assert.equal((await submit(app, `${debatePage}/close`, { conclusions: 'They face the river.' }, staff)).statusCode, 303);
    assert.equal((await toldTo(database, fiona)).at(-1), `debate.closed debate:${debate} debate:${debate} (process)`);
    assert.equal((await toldTo(database, carla)).at(-1), `debate.closed debate:${debate} debate:${debate} (debate)`);
    const told = (await toldTo(database, fiona)).length;
    assert.equal((await submit(app, `${debatePage}/close`, { conclusions: 'They face the river, on oak.' }, staff)).statusCode, 303);
    assert.equal((await toldTo(database, fiona)).length, told, 'rewording the conclusions is not news again');

    const result = { id: (await repo.resultLinking(database.db, proposal))!.result_id };
    const resultPage = `${base}/monitoring/${result.id}`;
    const entry = { on_date: '2027-03-05', text: 'The first five benches are in.', progress: '50' };
    assert.equal((await submit(app, resultPage, entry, staff, `${resultPage}/events`)).statusCode, 303);
    assert.equal((await toldTo(database, fiona)).at(-1), `result.updated process:${p.id} result:${result.id} (process)`);
    assert.ok(!(await toldTo(database, staff)).some((n) => n.startsWith('result.updated')), 'staff are not told of their own entry');

    const news = await newsOf(app, fiona);
    assert.deepEqual(
      news.map((n) => `${n.text} → ${n.href}`),
      [
        `Progress on “Benches along the river” → ${resultPage}`,
        `The debate “Where should the benches face?” is closed → ${debatePage}`,
        `New comment on “Where should the benches face?” → ${debatePage}#comment-${comment + 1}`,
        `New debate: “Where should the benches face?” → ${debatePage}`,
        `Official answer to “Benches along the river” → ${proposalPage}#answer`,
        `New comment on “Benches along the river” → ${proposalPage}#comment-${comment}`,
        `New proposal: “Benches along the river” → ${proposalPage}`,
      ],
    );
    // The proposal page shows no comments (yet): its comment links open the page, without the comment to scroll to.
    for (const { href } of news) await opens(app, fiona, href.startsWith(proposalPage) ? href.replace(/#comment-\d+$/, '') : href);
  },
);

appTest('a comment on a result or on a vision section is news of the process, linked to the comment on its page', async (app, database) => {
  const towns = await sampleTowns(database);
  const owner = { type: 'municipality', id: towns.staraZagora };
  const vision = await sampleProcess(database, owner, { kind: 'vision', actions: ['comment'], title: 'Vision 2035' });
  const p = await sampleProcess(database, owner, { title: 'Ideas for Stara Zagora' });
  const section = await repo.insertSection(database.db, {
    process_id: vision.id,
    position: 0,
    language: 'en',
    title: 'Getting around',
    body: 'Cycle lanes and new buses.',
    comments_count: 0,
  });
  const result = await sampleResult(database, p.id, { progress: 50, status: 'in_progress' });
  const fiona = await person(database, { name: 'Fiona Follower' });
  const ana = await person(database, { name: 'Ana' });
  for (const who of [fiona, ana]) for (const id of [vision.id, p.id]) await follow(database.db, who.id, { type: 'process', id });

  const sectionPage = `/en${vision.path}/sections/${section}`;
  const resultPage = `/en${p.path}/monitoring/${result}`;
  const onSection = await submit(app, sectionPage, { body: 'More buses at night.', stance: 'for' }, ana, `${sectionPage}/comments`);
  // The monitoring page shows no comment form (yet): the form token comes from another page.
  const onResult = await submit(app, '/en/account', { body: 'Open it <b>soon</b>!', stance: 'for' }, ana, `${resultPage}/comments`);
  for (const res of [onSection, onResult]) assert.equal(res.statusCode, 303);
  const [c1, c2] = [commentAfter(onSection), commentAfter(onResult)];
  assert.deepEqual(await toldTo(database, fiona), [
    `comment.new process:${vision.id} comment:${c1} (process)`,
    `comment.new process:${p.id} comment:${c2} (process)`,
  ]);
  assert.deepEqual(await toldTo(database, ana), [], 'the commenter is not told of their own comments');
  assert.deepEqual(
    await followsOf(database, ana),
    [`process:${vision.id}`, `process:${p.id}`],
    'results and sections cannot be followed: commenting on one follows nothing new',
  );

  const news = await newsOf(app, fiona);
  assert.deepEqual(
    news.map((n) => `${n.text} → ${n.href}`),
    [
      `New comment on “The skate park is built” → ${resultPage}#comment-${c2}`,
      `New comment on “Getting around” → ${sectionPage}#comment-${c1}`,
    ],
  );
  await opens(app, fiona, news[1]!.href);
  await opens(app, fiona, news[0]!.href.split('#')[0]!); // nor does it show its comments yet

  await database.db.updateTable('comments').set({ hidden: 1 }).where('id', '=', c2).execute();
  assert.equal((await newsOf(app, fiona)).length, 1, 'a comment moderation hid is no news any more');
});
