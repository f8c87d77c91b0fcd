import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, SAMPLE_PDF, submit, submitFiles } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleMembership, sampleNetwork } from '../../../test/scopes.ts';
import * as repo from './repo.ts';

const NETWORK = '/en/networks/green-towns';
const FORM = `${NETWORK}/report-form`;

const questionsOf = (database: TestDatabase, networkId: number) => repo.questionsOf(database.db, networkId);
const reportsOf = (database: TestDatabase, membershipId: number) => repo.reportsOf(database.db, membershipId);
const mailsTo = (database: TestDatabase, to: string) =>
  database.db.selectFrom('mail_outbox').select(['subject', 'text_body as text']).where('to_address', '=', to).orderBy('id').execute();

appTest('coordinators write their report form in two languages; bad questions are refused and nothing is stored', async (app, database) => {
  const net = await sampleNetwork(database);
  const other = await sampleNetwork(database, 'blue-towns', 'Blue Towns');
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });

  const added = await submit(
    app,
    FORM,
    { kind: 'choice', label_en: 'Is the plan adopted?', choices_en: 'Yes\nNo', required: '1' },
    coordinator,
  );
  assert.equal(added.statusCode, 303);
  const [q] = await questionsOf(database, net.id);
  assert.deepEqual(JSON.parse(q?.choices ?? ''), [{ en: 'Yes' }, { en: 'No' }]);
  const bgForm = `/bg/networks/green-towns/report-form`;
  const bgFields = {
    kind: 'choice',
    label_bg: 'Приет ли е планът?',
    label_en: 'Is the plan adopted?',
    choices_bg: 'Да\nНе',
    choices_en: 'Yes\nNo',
  };
  assert.equal(
    (await submit(app, bgForm, { ...bgFields, required: '1', position: '1' }, coordinator, `${bgForm}/${q?.id}`)).statusCode,
    303,
  );
  const [translated] = await questionsOf(database, net.id);
  assert.deepEqual(JSON.parse(translated?.labels ?? ''), { bg: 'Приет ли е планът?', en: 'Is the plan adopted?' });
  assert.deepEqual(JSON.parse(translated?.choices ?? ''), [
    { bg: 'Да', en: 'Yes' },
    { bg: 'Не', en: 'No' },
  ]);

  const bad = [
    [{ kind: 'text', label_en: '   ' }, /Fill in this field/],
    [{ kind: 'poem', label_en: 'A question' }, /Choose one of the options/],
    [{ kind: 'choice', label_en: 'Only one way?', choices_en: 'Yes' }, /at least two options/],
    [{ kind: 'text', label_en: 'x'.repeat(301) }, /at most 300 characters/],
    [{ kind: 'text', label_en: 'Where?', position: '5000' }, /whole number from 0 to 999/],
  ] as const;
  for (const [fields, message] of bad) {
    const res = await submit(app, FORM, fields, coordinator);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, message);
    assert.match(res.body, /<title>Error: /);
  }
  const mismatched = await submit(app, bgForm, { ...bgFields, choices_en: 'Yes\nNo\nMaybe' }, coordinator, `${bgForm}/${q?.id}`);
  assert.equal(mismatched.statusCode, 422, 'as many options in each language');
  assert.match(mismatched.body, />Yes\nNo\nMaybe<\/textarea>/, 'what was typed is kept');
  const script = await submit(app, FORM, { kind: 'text', label_en: '<script>alert(1)</script>', position: 'x' }, coordinator);
  assert.equal(script.statusCode, 422);
  assert.ok(!script.body.includes('<script>alert(1)'), 'typed markup comes back escaped');
  assert.equal((await questionsOf(database, net.id)).length, 1, 'no refused question was stored');

  const editor = await person(database, { roles: [['network_editor', net.id]] });
  const stranger = await person(database, { roles: [['network_coordinator', other.id]] });
  const citizen = await person(database);
  for (const who of [editor, stranger, citizen]) {
    assert.equal((await app.inject({ url: FORM, headers: { cookie: who.cookie } })).statusCode, 403, `${who.name} may not edit`);
    const own = who === stranger ? '/en/networks/blue-towns/report-form' : '/en/account';
    const res = await submit(app, own, { kind: 'text', label_en: 'Injected?' }, who, FORM);
    assert.equal(res.statusCode, 403);
    const del = await submit(app, own, { action: 'delete' }, who, `${FORM}/${q?.id}`);
    assert.equal(del.statusCode, 403);
  }
  assert.equal((await questionsOf(database, net.id)).length, 1, 'nothing changed');
  assert.equal(
    (await submit(app, FORM, { action: 'delete' }, coordinator, `/en/networks/blue-towns/report-form/${q?.id}`)).statusCode,
    403,
  );
  assert.equal((await submit(app, FORM, { action: 'delete' }, coordinator, `${FORM}/${q?.id}`)).statusCode, 303);
  assert.equal((await questionsOf(database, net.id)).length, 0);
});

/** A network with a form of four questions, a town on hold, its mayor and the coordinator. */
async function setUp(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  const q = async (kind: 'text' | 'number' | 'choice' | 'file', label: string, flags: { required?: number; public?: number } = {}) =>
    repo.insertQuestion(database.db, {
      network_id: net.id,
      kind,
      labels: JSON.stringify({ en: label }),
      choices: kind === 'choice' ? JSON.stringify([{ en: 'Adopted' }, { en: 'In preparation' }]) : '[]',
      required: flags.required ?? 0,
      public: flags.public ?? 0,
      position: 0,
    });
  const ids = {
    actions: await q('text', 'What did the town do?', { required: 1, public: 1 }),
    tonnes: await q('number', 'Tonnes of CO2 saved', { required: 1, public: 1 }),
    plan: await q('choice', 'The action plan', { required: 1 }),
    file: await q('file', 'The monitoring report', { public: 1 }),
    budget: await q('file', 'The internal budget'),
  };
  const id = await sampleMembership(database, net, towns.botevgrad, 'on_hold', {
    since: '2020-01-01T00:00:00.000Z',
    due: '2022-01-01T00:00:00.000Z',
  });
  const mayor = await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'mayor@botevgrad.example' });
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]], email: 'coord@green.example' });
  return { towns, net, ids, id, mayor, coordinator, page: `${NETWORK}/memberships/${id}` };
}

appTest(
  'a member on hold writes its report, the coordinators return it, then accept it: active again, mailed, its public parts on its profile',
  async (app, database) => {
    const { ids, id, mayor, coordinator, page } = await setUp(database);
    const form = `${page}/report`;
    const shown = await app.inject({ url: page, headers: { cookie: mayor.cookie } });
    assert.match(shown.body, /href="\/en\/networks\/green-towns\/memberships\/\d+\/report">Write the report/);

    const draft = await submitFiles(app, form, { action: 'save', [`q${ids.actions}`]: 'A first draft' }, {}, mayor);
    assert.equal(draft.statusCode, 303, 'a draft may lack answers');
    const missing = await submitFiles(app, form, { action: 'submit', [`q${ids.tonnes}`]: '12,5 t' }, {}, mayor);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Answer this question to submit the report/);
    assert.match(missing.body, /Enter a number, for example 1250/);
    assert.match(missing.body, /value="12,5 t"/, 'what was typed is kept');
    const wrong = await submitFiles(
      app,
      form,
      { action: 'submit', [`q${ids.plan}`]: '7' },
      { [`q${ids.file}`]: { name: 'report.pdf', data: Buffer.from('MZ not a pdf at all') } },
      mayor,
    );
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Choose one of the options/);
    assert.match(wrong.body, /The file must be a PDF/);
    assert.equal((await reportsOf(database, id))[0]?.state, 'draft', 'still a draft');

    const answers = {
      action: 'submit',
      [`q${ids.actions}`]: 'Street lights <b>replaced</b> by LEDs.',
      [`q${ids.tonnes}`]: '1250',
      [`q${ids.plan}`]: '0',
    };
    const files = {
      [`q${ids.file}`]: { name: 'monitoring.pdf', data: SAMPLE_PDF },
      [`q${ids.budget}`]: { name: 'budget.pdf', data: SAMPLE_PDF },
    };
    assert.equal((await submitFiles(app, form, answers, files, mayor)).statusCode, 303);
    assert.equal((await reportsOf(database, id))[0]?.state, 'submitted');
    assert.deepEqual(
      (await mailsTo(database, 'coord@green.example')).map((m) => m.subject),
      ['Botevgrad sent its report to Green Towns'],
      'the coordinators are told',
    );
    const again = await submitFiles(app, page, { action: 'save', [`q${ids.actions}`]: 'Changed after sending' }, {}, mayor, form);
    assert.equal(again.statusCode, 422, 'a sent report waits for the coordinators');

    const report = (await reportsOf(database, id))[0];
    const decide = `${page}/reports/${report?.id}/decide`;
    const bare = await submit(app, page, { decision: 'return', comment: '  ' }, coordinator, decide);
    assert.equal(bare.statusCode, 422, 'a return says why');
    assert.match(bare.body, /Enter a reason/);
    const byMember = await submit(app, page, { decision: 'accept' }, mayor, decide);
    assert.equal(byMember.statusCode, 403, 'a member does not accept its own report');
    assert.equal((await submit(app, page, { reason: 'x' }, coordinator, `${page}/acceptReport`)).statusCode, 404);
    assert.equal((await reportsOf(database, id))[0]?.state, 'submitted');

    const returned = await submit(app, page, { decision: 'return', comment: 'Give the tonnes for 2025 only.' }, coordinator, decide);
    assert.equal(returned.statusCode, 303);
    const [mail] = (await mailsTo(database, 'mayor@botevgrad.example')).slice(-1);
    assert.equal(mail?.subject, 'Green Towns returned the report of Botevgrad');
    assert.match(mail?.text ?? '', /Give the tonnes for 2025 only\./);
    const reopened = await app.inject({ url: form, headers: { cookie: mayor.cookie } });
    assert.match(reopened.body, /Give the tonnes for 2025 only\./, 'the form shows the comments');
    assert.match(reopened.body, /A file is attached/, 'and keeps the files sent');
    assert.equal((await submitFiles(app, form, { ...answers, [`q${ids.tonnes}`]: '980.5' }, {}, mayor)).statusCode, 303);

    const accepted = await submit(app, page, { decision: 'accept' }, coordinator, decide);
    assert.equal(accepted.statusCode, 303);
    const m = await repo.membershipById(database.db, id);
    assert.equal(m?.state, 'active', 'an accepted report brings the membership back');
    assert.ok((m?.report_due_at ?? '') > new Date(Date.now() + 700 * 86_400_000).toISOString(), 'the next report is due in two years');
    assert.equal((await reportsOf(database, id))[0]?.state, 'accepted');
    assert.deepEqual(
      (await repo.eventsOf(database.db, id)).map((e) => [e.from_state, e.to_state, e.actor_id]),
      [['on_hold', 'active', coordinator.id]],
    );

    const profile = (await app.inject({ url: '/en/municipalities/bg/botevgrad' })).body;
    assert.match(profile, /Latest report, accepted/);
    assert.match(profile, /Street lights &lt;b>replaced&lt;\/b> by LEDs\./, 'a public answer, escaped');
    assert.match(profile, /980\.5/);
    assert.ok(!profile.includes('The action plan'), 'a question that is not public is not shown');
    const publicFile = /href="([^"]+\/files\/\d+)">Download the file/.exec(profile)?.[1] ?? '';
    const download = await app.inject({ url: publicFile });
    assert.equal(download.statusCode, 200, 'a public file can be read by anyone');
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    const report2 = (await reportsOf(database, id))[0];
    const budget = `${page}/reports/${report2?.id}/files/${ids.budget}`;
    assert.equal((await app.inject({ url: budget })).statusCode, 404, 'a file that is not public is not');
    assert.equal(
      (await app.inject({ url: budget, headers: { cookie: coordinator.cookie } })).statusCode,
      200,
      'but the coordinators read it',
    );
  },
);

appTest('another town’s staff and another network’s coordinators cannot read, write or decide a report', async (app, database) => {
  const { towns, ids, id, page, mayor } = await setUp(database);
  const other = await sampleNetwork(database, 'blue-towns', 'Blue Towns');
  const strangerMayor = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const otherCoordinator = await person(database, { roles: [['network_coordinator', other.id]] });
  await submitFiles(app, `${page}/report`, { action: 'save', [`q${ids.actions}`]: 'Ours' }, {}, mayor);
  const report = (await reportsOf(database, id))[0];
  for (const who of [strangerMayor, otherCoordinator]) {
    assert.equal((await app.inject({ url: `${page}/report`, headers: { cookie: who.cookie } })).statusCode, 404);
    const write = await submitFiles(app, '/en/account', { action: 'submit', [`q${ids.actions}`]: 'Theirs' }, {}, who, `${page}/report`);
    assert.equal(write.statusCode, 404);
    const decide = await submit(app, '/en/account', { decision: 'return', comment: 'No' }, who, `${page}/reports/${report?.id}/decide`);
    assert.equal(decide.statusCode, 404);
  }
  assert.equal((await reportsOf(database, id))[0]?.state, 'draft');
  const answers = await repo.answersOf(database.db, [report?.id ?? 0]);
  assert.deepEqual(
    answers.map((a) => a.value),
    ['Ours'],
    'nothing changed',
  );
});

appTest('a commitment is sent with its document, which only the two sides can download', async (app, database) => {
  const { towns, id, mayor, coordinator } = await setUp(database);
  await database.db.updateTable('memberships').set({ state: 'eligible', since: null }).where('id', '=', id).execute();
  const page = `${NETWORK}/memberships/${id}`;
  const send = (files = {}) => submitFiles(app, page, { commitment_date: '2026-03-27' }, files, mayor, `${page}/sendCommitment`);
  const none = await send();
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /Attach the signed commitment/);
  const fake = await send({ commitment: { name: 'decision.pdf', data: Buffer.from('<html><script>alert(1)</script>') } });
  assert.equal(fake.statusCode, 422);
  assert.match(fake.body, /must be a PDF, a picture/);
  assert.equal((await repo.membershipById(database.db, id))?.state, 'eligible');
  assert.equal((await send({ commitment: { name: 'decision.pdf', data: SAMPLE_PDF } })).statusCode, 303);
  const m = await repo.membershipById(database.db, id);
  assert.equal(m?.state, 'commitment_pending');
  const file = `${page}/commitment`;
  const got = await app.inject({ url: file, headers: { cookie: coordinator.cookie } });
  assert.equal(got.statusCode, 200);
  assert.equal(got.rawPayload.toString(), SAMPLE_PDF.toString());
  const stranger = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  assert.equal((await app.inject({ url: file, headers: { cookie: stranger.cookie } })).statusCode, 404);
  assert.equal((await app.inject({ url: file })).statusCode, 303, 'a visitor is asked to sign in');
  assert.match((await app.inject({ url: page, headers: { cookie: mayor.cookie } })).body, /Signed commitment of 2026-03-27/);
});
