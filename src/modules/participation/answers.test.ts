import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess, sampleProposal } from '../../../test/participation.ts';
import * as repo from './repo.ts';
import { parseCost, publishDueAnswers } from './service/answers.ts';

const mails = (database: TestDatabase, to: string) =>
  database.db.selectFrom('mail_outbox').select(['subject', 'text_body as text', 'language']).where('to_address', '=', to).execute();
const audits = (database: TestDatabase, action: string) =>
  database.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', action).orderBy('id').execute();
const linksTo = (database: TestDatabase, proposalId: number) =>
  database.db.selectFrom('result_proposals').select('result_id').where('proposal_id', '=', proposalId).execute();

async function setting(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const process = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { threshold: 5 });
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const author = await person(database, { language: 'bg', email: `author-${Date.now()}@example.eu` });
  const proposal = await sampleProposal(database, process.id, author.id, { title: 'Linden trees on Vasil Levski street' });
  const form = `/en${process.path}/proposals/${proposal}/answer`;
  return { towns, process, staff, author, proposal, form };
}

appTest('staff answer a proposal: published at once, the author told in their language, changes audited', async (app, database) => {
  const { process, staff, author, proposal, form } = await setting(database);
  const page = await app.inject({ url: form, headers: { cookie: staff.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Answer a proposal<\/h1>/);
  assert.match(page.body, /Linden trees on Vasil Levski street/);
  assert.match(page.body, /The proposal has no answer yet/);
  assert.equal(page.headers['cache-control'], 'no-store');

  const saved = await submit(app, form, { state: 'accepted', text: 'We plant them in spring.', cost: '12 500,50', when: 'now' }, staff);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${form}?notice=saved`);
  const answer = await repo.answerOf(database.db, proposal);
  assert.equal(answer?.published, 1);
  assert.equal(Number(answer?.cost_cents), 1_250_050, 'euros are kept as cents');
  assert.equal((await repo.proposalById(database.db, proposal))?.answer_state, 'accepted', 'the state is on the proposal for filters');
  const [mail, ...more] = await mails(database, author.email);
  assert.equal(more.length, 0);
  assert.equal(mail?.language, 'bg');
  assert.match(String(mail?.subject), /Linden trees on Vasil Levski street/);
  assert.match(String(mail?.text), new RegExp(`http://portal.test/bg${process.path}/proposals/${proposal}`));

  const shown = await app.inject({ url: `${form}?notice=saved`, headers: { cookie: staff.cookie } });
  assert.match(shown.body, /The answer is saved and published/);
  assert.match(shown.body, /<span class="tag tag--accepted">Accepted<\/span>/);
  assert.match(shown.body, /Cost: €12,500.50/);
  assert.match(shown.body, /<option value="accepted" selected>/);
  const inBulgarian = await app.inject({ url: form.replace('/en/', '/bg/'), headers: { cookie: staff.cookie } });
  assert.match(inBulgarian.body, /12\s500,50\s€/, 'the cost in the reader’s language');
  assert.equal((await linksTo(database, proposal)).length, 1, 'the accepted proposal flows into monitoring');

  const changed = await submit(app, form, { state: 'under_way', text: 'Planting began.', cost: '', when: 'now' }, staff);
  assert.equal(changed.statusCode, 303);
  assert.equal((await repo.proposalById(database.db, proposal))?.answer_state, 'under_way');
  assert.equal((await repo.answerOf(database.db, proposal))?.cost_cents, null);
  const [created] = await audits(database, 'participation.answer.create');
  const [change] = await audits(database, 'participation.answer.change');
  assert.equal(created?.actor_id, staff.id);
  assert.deepEqual(JSON.parse(String(change?.details)), { state: 'under_way', before: 'accepted', cost_cents: null, publish_at: null });
  assert.equal((await mails(database, author.email)).length, 2, 'the author hears of the new state');
  assert.equal((await linksTo(database, proposal)).length, 1, 'no second result');
});

appTest('a refused answer says why, keeps what was typed and changes nothing', async (app, database) => {
  const { staff, proposal, form } = await setting(database);
  const cases: [Record<string, string>, RegExp][] = [
    [{ state: 'rejected', text: '  ', cost: '' }, /Say why the proposal is rejected/],
    [{ state: 'accepted', text: 'Yes', cost: '-500' }, /A cost cannot be negative/],
    [{ state: 'accepted', text: 'Yes', cost: 'a lot' }, /Enter the cost as a number of euros/],
    [{ state: 'accepted', text: 'Yes', cost: '1e9' }, /Enter the cost as a number of euros/],
    [{ state: 'accepted', text: 'Yes', cost: '99999999999999' }, /The cost is too large/],
    [{ state: 'accepted', text: 'Yes', cost: '1,000,000,001' }, /The cost is too large/],
    [{ state: 'approved', text: 'Yes' }, /Choose an answer/],
    [{ state: 'accepted', text: 'x'.repeat(5001) }, /Use at most 5,000 characters/],
    [{ state: 'accepted', text: 'Bell\u0007' }, /invisible control characters/],
    [{ state: 'accepted', text: 'Later', when: 'later', publish_at: '2020-01-01T10:00' }, /Enter a date and time in the coming year/],
    [{ state: 'accepted', text: 'Later', when: 'later', publish_at: 'tomorrow' }, /Enter a date and time in the coming year/],
    [{ state: 'accepted', text: 'Later', when: 'soon' }, /Choose one of the options/],
  ];
  for (const [fields, message] of cases) {
    const res = await submit(app, form, fields, staff);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, /<title>Error: Answer a proposal/);
    assert.match(res.body, message, JSON.stringify(fields));
  }
  const typed = await submit(app, form, { state: 'rejected', text: '<script>alert(1)</script>', cost: '-1' }, staff);
  assert.ok(typed.body.includes('>&lt;script>alert(1)&lt;/script></textarea>'), 'what was typed comes back, inert');
  assert.match(typed.body, /name="cost" value="-1"/);
  assert.equal(await repo.answerOf(database.db, proposal), undefined, 'nothing was stored');

  const script = await submit(app, form, { state: 'rejected', text: '<script>alert(1)</script> Not in our budget.' }, staff);
  assert.equal(script.statusCode, 303);
  const page = await app.inject({ url: form, headers: { cookie: staff.cookie } });
  assert.ok(!page.body.includes('<script>alert(1)'), 'HTML in an answer is shown as text');
  assert.ok(page.body.includes('<p>&lt;script>alert(1)&lt;/script> Not in our budget.</p>'));
});

appTest('only staff of the process’s owner answer, and only proposals of that process', async (app, database) => {
  const { towns, process, staff, proposal, form } = await setting(database);
  const citizen = await person(database);
  const other = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const visitor = await app.inject({ url: form });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);
  for (const who of [citizen, other] as TestPerson[]) {
    assert.equal((await app.inject({ url: form, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await app.inject({ url: `/en${process.path}/answers`, headers: { cookie: who.cookie } })).statusCode, 403);
    const post = await submit(app, '/en/account', { state: 'accepted', text: 'Mine' }, who, form);
    assert.equal(post.statusCode, 403);
  }
  assert.equal(await repo.answerOf(database.db, proposal), undefined, 'nothing changed');

  const elsewhere = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  const theirs = await sampleProposal(database, elsewhere.id, null);
  assert.equal(
    (await app.inject({ url: `/en${process.path}/proposals/${theirs}/answer`, headers: { cookie: staff.cookie } })).statusCode,
    404,
  );
  const sneaky = await submit(app, form, { state: 'accepted', text: 'x' }, staff, `/en${process.path}/proposals/${theirs}/answer`);
  assert.equal(sneaky.statusCode, 404, 'another town’s proposal through our process’s address');
  assert.equal(await repo.answerOf(database.db, theirs), undefined);
  for (const bad of ['0', 'abc', '99999999999', '1.5'])
    assert.equal(
      (await app.inject({ url: `/en${process.path}/proposals/${bad}/answer`, headers: { cookie: staff.cookie } })).statusCode,
      404,
    );
  const draft = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora }, { published: false });
  const hidden = await sampleProposal(database, draft.id, null);
  assert.equal(
    (await app.inject({ url: `/en${draft.path}/proposals/${hidden}/answer`, headers: { cookie: staff.cookie } })).statusCode,
    404,
  );
});

appTest('answers set for a time go out together, once, however many runs of the job', async (app, database) => {
  const { process, staff, author, proposal, form } = await setting(database);
  const second = await sampleProposal(database, process.id, null, { title: 'A skate park', supports: 7 });
  const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
  for (const [url, state] of [
    [form, 'accepted'],
    [`/en${process.path}/proposals/${second}/answer`, 'evaluating'],
  ] as const) {
    const res = await submit(app, url, { state, text: 'Decided by the council.', when: 'later', publish_at: later }, staff);
    assert.equal(res.statusCode, 303);
  }
  assert.equal((await repo.answerOf(database.db, proposal))?.published, 0);
  assert.equal((await repo.proposalById(database.db, proposal))?.answer_state, null, 'not out yet');
  const page = await app.inject({ url: form, headers: { cookie: staff.cookie } });
  assert.match(page.body, /Scheduled for/);
  assert.match(page.body, /id="when-later"[^>]*checked/);
  assert.equal((await mails(database, author.email)).length, 0);

  const ctx = app.context;
  assert.equal(await publishDueAnswers(ctx), 0, 'not due yet');
  const due = new Date(Date.now() + 3 * 86_400_000);
  const runs = await Promise.all([publishDueAnswers(ctx, due), publishDueAnswers(ctx, due), publishDueAnswers(ctx, due)]);
  assert.equal(
    runs.reduce((a, b) => a + b, 0),
    2,
    'each answer published by one run only',
  );
  assert.equal((await repo.proposalById(database.db, proposal))?.answer_state, 'accepted');
  assert.equal((await repo.proposalById(database.db, second))?.answer_state, 'evaluating');
  assert.equal((await mails(database, author.email)).length, 1, 'one mail');
  assert.equal((await linksTo(database, proposal)).length, 1, 'one result');
  assert.equal(await publishDueAnswers(ctx, due), 0);
});

appTest('staff see the proposals awaiting an answer, those past the threshold first', async (app, database) => {
  const { process, staff, form } = await setting(database);
  const few = await sampleProposal(database, process.id, null, { title: 'Few supports', supports: 2 });
  const many = await sampleProposal(database, process.id, null, { title: 'Past the threshold', supports: 9 });
  await sampleProposal(database, process.id, null, { title: 'Answered already', supports: 50 });
  const answered = (await repo.proposalsOfProcess(database.db, process.id, 10)).find((p) => p.title === 'Answered already')!;
  await submit(app, form, { state: 'rejected', text: 'No.' }, staff, `/en${process.path}/proposals/${answered.id}/answer`);
  const res = await app.inject({ url: `/en${process.path}/answers`, headers: { cookie: staff.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Proposals awaiting an answer<\/h1>/);
  const order = ['Past the threshold', 'Few supports', 'Linden trees'].map((t) => res.body.indexOf(t));
  assert.ok(
    order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!)),
    `order: ${order}`,
  );
  assert.ok(!res.body.includes('Answered already'));
  assert.match(res.body, new RegExp(`href="/en${process.path}/proposals/${many}/answer"`));
  assert.match(res.body, /Reached the threshold/);
  assert.ok(res.body.indexOf(`/proposals/${few}/answer`) > 0);
});

appTest('costs are read as people type euros', async () => {
  const cents = (s: string) => {
    const r = parseCost(s);
    return 'cents' in r ? r.cents : r.error.split('.').at(-1);
  };
  assert.equal(cents('1500'), 150_000);
  assert.equal(cents('1 500,50'), 150_050);
  assert.equal(cents('1,500.5'), 150_050);
  assert.equal(cents('1.500'), 150_000);
  assert.equal(cents('12,5'), 1250);
  assert.equal(cents('€ 300'), 30_000);
  assert.equal(cents('-3'), 'costNegative');
  assert.equal(cents('1.2.3,4.5'), 'cost');
  assert.equal(cents('12,345,67'), 'cost');
  assert.equal(cents('Infinity'), 'cost');
  assert.equal(cents('1000000000'), 100_000_000_000);
  assert.equal(cents('1000000000,01'), 'costLarge');
});
