import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, submit } from '../../../test/factories.ts';
import { appTest, createTestApp } from '../../../test/helpers/app.ts';
import { dbTest, type TestDatabase } from '../../../test/helpers/db.ts';
import { startSmtp, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { count, sampleReport, staffSetting } from '../../../test/signals-staff.ts';
import * as repo from './repo.ts';

type Setting = Awaited<ReturnType<typeof staffSetting>>;

/** The portal mailing through a real SMTP server, with the staff setting and a report of Botevgrad by a signed-in author. */
function manageTest(
  name: string,
  fn: (c: { app: FastifyInstance; database: TestDatabase; smtp: TestSmtp; s: Setting; id: number }) => Promise<void>,
) {
  dbTest(name, async (database) => {
    const smtp = await startSmtp();
    const app = await createTestApp(database, { SMTP_URL: smtp.url });
    try {
      const s = await staffSetting(database);
      const id = await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads!, author: s.author, photos: 2 });
      await fn({ app, database, smtp, s, id });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
}

const page = (id: number) => `/en/signals/${id}/manage`;
const mailsTo = (database: TestDatabase, to: string) =>
  database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body as text', 'language'])
    .where('to_address', '=', to)
    .orderBy('id')
    .execute();

manageTest(
  'staff see everything private, change the state with a public note, and the author hears of it by mail',
  async ({ app, database, smtp, s, id }) => {
    const res = await app.inject({ url: page(id), headers: { cookie: s.staff.cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    for (const shown of [
      'Maria Author',
      s.author.email,
      '+359 888 123 456',
      'A deep pothole in front of the school',
      'Vasil Levski Street 12',
    ])
      assert.ok(res.body.includes(shown), shown);
    assert.match(res.body, /Georgi Botevgrad/, 'colleagues to assign to');
    assert.match(res.body, /Pravets \(11 km\)/, 'the neighbouring town that takes reports');
    assert.ok(!res.body.includes('Stara Zagora ('), 'a town far away is no neighbour');

    const changed = await submit(app, page(id), { state: 'in_progress', note: 'A crew comes on Monday.' }, s.staff, `${page(id)}/state`);
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, `${page(id)}?notice=state`);
    assert.equal((await repo.signalById(database.db, id))?.state, 'in_progress');
    await app.context.mail.deliverDue();
    const mail = await smtp.messageTo(s.author.email);
    assert.match(mail.subject ?? '', new RegExp(`Вашият сигнал №${id}: В процес`), 'in the author’s language');
    assert.match(mail.text ?? '', /A crew comes on Monday\./);
    assert.match(mail.text ?? '', new RegExp(`/bg/signals/${id}`));

    const fixed = await submit(app, page(id), { state: 'fixed', note: 'Filled and sealed.' }, s.staff, `${page(id)}/state`);
    assert.equal(fixed.statusCode, 303);
    const after = await repo.signalById(database.db, id);
    assert.equal(after?.state, 'fixed');
    assert.ok(after?.fixed_at, '"fixed" starts the four weeks');
    const audits = await database.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'signal.state').execute();
    assert.deepEqual(
      audits.map((a) => JSON.parse(String(a.details))),
      [
        { from: 'open', to: 'in_progress' },
        { from: 'in_progress', to: 'fixed' },
      ],
    );
    assert.equal((await mailsTo(database, s.author.email)).length, 2);
  },
);

manageTest('internal notes are kept for staff only: never public, never mailed', async ({ app, database, smtp, s, id }) => {
  const note = await submit(app, page(id), { internal_note: 'Call the contractor, not the mayor.' }, s.staff, `${page(id)}/note`);
  assert.equal(note.statusCode, 303);
  const shown = await app.inject({ url: page(id), headers: { cookie: s.staff.cookie } });
  assert.match(shown.body, /Call the contractor, not the mayor\./);
  assert.match(shown.body, /Internal note · Elena Botevgrad/);
  assert.ok(!(await repo.updatesOf(database.db, id, false)).some((u) => u.note?.includes('contractor')), 'not on the public timeline');
  await app.context.mail.deliverDue();
  assert.equal(smtp.messages.length, 0);
  assert.equal((await mailsTo(database, s.author.email)).length, 0);
  const empty = await submit(app, page(id), { internal_note: '   ' }, s.staff, `${page(id)}/note`);
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Internal note: Fill in this field/);
});

manageTest('the rules of a state change: a note, who is responsible, a duplicate of the same town', async ({ app, database, s, id }) => {
  const zagora = await sampleReport(database, s.towns.staraZagora, { category: s.categories.staraZagora.roads! });
  const other = await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads! });
  const cases: [Record<string, string>, RegExp][] = [
    [{ state: 'fixed', note: '  ' }, /Write a public note saying why/],
    [{ state: 'fixed', note: 'n'.repeat(2001) }, /Use at most 2,000 characters/],
    [{ state: 'not_responsible', note: 'Not ours.' }, /Say who is responsible instead/],
    [{ state: 'duplicate', note: 'Seen before.', duplicate_of: String(zagora) }, /another confirmed report of the same town/],
    [{ state: 'duplicate', note: 'Seen before.', duplicate_of: String(id) }, /another confirmed report of the same town/],
    [{ state: 'duplicate', note: 'Seen before.', duplicate_of: 'abc' }, /another confirmed report of the same town/],
    [{ state: 'open', note: 'Back to the start.' }, /Choose a state the report can move to/],
    [{ state: 'solved', note: 'Done.' }, /Choose one of the options/],
    [{ state: 'closed', note: '<script>alert(1)</script>\u0000' }, /./],
  ];
  const updates = await count(database, 'signal_updates');
  const before = await repo.signalById(database.db, id);
  for (const [fields, message] of cases) {
    const res = await submit(app, page(id), fields, s.staff, `${page(id)}/state`);
    assert.ok([400, 422].includes(res.statusCode), `${JSON.stringify(fields)}: ${res.statusCode}`);
    assert.match(res.body, message);
    assert.ok(!res.body.includes('<script>alert(1)</script>'));
  }
  const kept = await submit(
    app,
    page(id),
    { state: 'not_responsible', note: 'Ask the <b>water</b> company.' },
    s.staff,
    `${page(id)}/state`,
  );
  assert.match(kept.body, /Ask the &lt;b>water&lt;\/b> company\./, 'what was typed is kept, escaped');
  assert.deepEqual(await repo.signalById(database.db, id), before);
  assert.equal(await count(database, 'signal_updates'), updates);
  assert.equal(await count(database, 'mail_outbox'), 0);

  const dup = await submit(
    app,
    page(id),
    { state: 'duplicate', note: 'Reported before.', duplicate_of: String(other) },
    s.staff,
    `${page(id)}/state`,
  );
  assert.equal(dup.statusCode, 303);
  assert.equal((await repo.signalById(database.db, id))?.duplicate_of, other);
  const who = await submit(
    app,
    page(other),
    { state: 'not_responsible', note: 'A state road.', responsible: 'Road Infrastructure Agency' },
    s.staff,
    `${page(other)}/state`,
  );
  assert.equal(who.statusCode, 303);
  assert.equal((await repo.signalById(database.db, other))?.responsible, 'Road Infrastructure Agency');
});

manageTest(
  'assigning to a colleague of the town, and only to one; the colleague is told by mail',
  async ({ app, database, smtp, s, id }) => {
    const done = await submit(app, page(id), { assignee: String(s.colleague.id) }, s.staff, `${page(id)}/assign`);
    assert.equal(done.statusCode, 303);
    assert.equal((await repo.signalById(database.db, id))?.assigned_to, s.colleague.id);
    await app.context.mail.deliverDue();
    const told = await smtp.messageTo(s.colleague.email);
    assert.match(told.subject ?? '', new RegExp(`#${id}`));
    assert.match(told.text ?? '', new RegExp(`Elena Botevgrad assigned report #${id}`));
    assert.match(told.text ?? '', new RegExp(`/en/signals/${id}/manage`), 'a link to answer it');
    const shown = await app.inject({ url: page(id), headers: { cookie: s.staff.cookie } });
    assert.match(shown.body, /Assigned to Georgi Botevgrad · Elena Botevgrad/);
    for (const stranger of [s.other.id, s.citizen.id, 999999]) {
      const res = await submit(app, page(id), { assignee: String(stranger) }, s.staff, `${page(id)}/assign`);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Assigned to: Choose one of the options/);
    }
    assert.equal((await repo.signalById(database.db, id))?.assigned_to, s.colleague.id);
    const none = await submit(app, page(id), { assignee: '' }, s.staff, `${page(id)}/assign`);
    assert.equal(none.statusCode, 303);
    assert.equal((await repo.signalById(database.db, id))?.assigned_to, null);
    // Taking a report oneself mails nobody.
    await submit(app, page(id), { assignee: String(s.staff.id) }, s.staff, `${page(id)}/assign`);
    assert.equal((await repo.signalById(database.db, id))?.assigned_to, s.staff.id);
    assert.equal((await mailsTo(database, s.staff.email)).length, 0);
  },
);

manageTest(
  'passing a report to a neighbouring town moves it there; the old town’s staff lose it',
  async ({ app, database, smtp, s, id }) => {
    const far = await submit(app, page(id), { town: String(s.towns.staraZagora), pass_note: 'Theirs.' }, s.staff, `${page(id)}/pass`);
    assert.equal(far.statusCode, 422, 'a town 200 km away is no neighbour');
    assert.equal((await repo.signalById(database.db, id))?.municipality_id, s.towns.botevgrad);
    const noNote = await submit(app, page(id), { town: String(s.towns.pravets), pass_note: '' }, s.staff, `${page(id)}/pass`);
    assert.equal(noNote.statusCode, 422);

    const passed = await submit(
      app,
      page(id),
      { town: String(s.towns.pravets), pass_note: 'The street is in Pravets.' },
      s.staff,
      `${page(id)}/pass`,
    );
    assert.equal(passed.statusCode, 303);
    assert.equal(passed.headers.location, `/en/signals/inbox?town=${s.towns.botevgrad}&notice=passed`);
    const moved = await repo.signalById(database.db, id);
    assert.equal(moved?.municipality_id, s.towns.pravets);
    assert.equal((await repo.categoryById(database.db, moved!.category_id))?.municipality_id, s.towns.pravets, 'the same category there');
    assert.equal((await repo.categoryById(database.db, moved!.category_id))?.code, 'roads');
    const entry = (await repo.updatesOf(database.db, id, false)).find((u) => u.kind === 'passed');
    assert.equal(entry?.from_municipality, s.towns.botevgrad);
    assert.equal(entry?.note, 'The street is in Pravets.');
    assert.equal((await app.inject({ url: page(id), headers: { cookie: s.staff.cookie } })).statusCode, 403, 'the old town lost it');
    assert.equal((await app.inject({ url: page(id), headers: { cookie: s.neighbourStaff.cookie } })).statusCode, 200);
    await app.context.mail.deliverDue();
    const mail = await smtp.messageTo(s.author.email);
    assert.match(mail.subject ?? '', /Pravets/);
    assert.match(mail.text ?? '', /The street is in Pravets\./);
  },
);

manageTest('sending a report to the body responsible mails them without the author’s details', async ({ app, database, smtp, s, id }) => {
  const bad = await submit(app, page(id), { body_name: '', body_email: 'nope', body_note: '' }, s.staff, `${page(id)}/send`);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Name of the body: Fill in this field/);
  assert.match(bad.body, /Its email address: Enter an email address/);
  assert.equal(await count(database, 'mail_outbox'), 0);

  const sent = await submit(
    app,
    page(id),
    { body_name: 'Water company', body_email: 'desk@water.example.eu', body_note: 'A burst pipe under the road.' },
    s.staff,
    `${page(id)}/send`,
  );
  assert.equal(sent.statusCode, 303);
  const after = await repo.signalById(database.db, id);
  assert.equal(after?.state, 'not_responsible');
  assert.equal(after?.responsible, 'Water company');
  await app.context.mail.deliverDue();
  const body = await smtp.messageTo('desk@water.example.eu');
  assert.match(body.text ?? '', /A deep pothole in front of the school/);
  assert.match(body.text ?? '', /A burst pipe under the road/);
  for (const secret of [s.author.email, 'Maria Author', '+359 888 123 456']) assert.ok(!(body.text ?? '').includes(secret), secret);
  const told = await smtp.messageTo(s.author.email);
  assert.match(told.text ?? '', /Water company/);
});

manageTest('photos and the whole report are hidden and shown again, audited', async ({ app, database, s, id }) => {
  const [photo] = await repo.photosOf(database.db, id);
  const hid = await submit(app, page(id), { hidden: '1' }, s.staff, `${page(id)}/photos/${photo?.id}`);
  assert.equal(hid.statusCode, 303);
  assert.equal((await repo.photosOf(database.db, id))[0]?.hidden, 1);
  assert.equal((await repo.photosOf(database.db, id)).length, 2, 'kept for the record');
  const shown = await submit(app, page(id), { hidden: '0' }, s.staff, `${page(id)}/photos/${photo?.id}`);
  assert.equal(shown.statusCode, 303);
  assert.equal((await repo.photosOf(database.db, id))[0]?.hidden, 0);
  const zagora = await sampleReport(database, s.towns.staraZagora, { category: s.categories.staraZagora.roads!, photos: 1 });
  const [foreign] = await repo.photosOf(database.db, zagora);
  assert.equal((await submit(app, page(id), { hidden: '1' }, s.staff, `${page(id)}/photos/${foreign?.id}`)).statusCode, 404);
  assert.equal((await repo.photosOf(database.db, zagora))[0]?.hidden, 0);

  const hidden = await submit(app, page(id), { hidden: '1' }, s.staff, `${page(id)}/visibility`);
  assert.equal(hidden.statusCode, 303);
  assert.equal((await repo.signalById(database.db, id))?.hidden, 1);
  const zagoraInbox = `/en/signals/inbox?town=${s.towns.staraZagora}`;
  const byOther = await submit(app, '/en/account', { hidden: '1' }, s.staff, `/en/signals/${zagora}/manage/visibility`);
  assert.equal(byOther.statusCode, 403, 'staff of another town cannot hide it');
  const moderator = await person(database, { roles: [['platform_moderator', null]] });
  const byModerator = await submit(app, '/en/account', { hidden: '1' }, moderator, `/en/signals/${zagora}/manage/visibility`);
  assert.equal(byModerator.statusCode, 303, 'platform moderators hide reports of any town');
  assert.equal((await repo.signalById(database.db, zagora))?.hidden, 1);
  assert.equal((await app.inject({ url: page(zagora), headers: { cookie: moderator.cookie } })).statusCode, 404, 'they do not manage it');
  assert.equal((await app.inject({ url: zagoraInbox, headers: { cookie: s.other.cookie } })).statusCode, 200);
  const actions = await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('id').execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['signal.photo.hide', 'signal.photo.show', 'signal.hide'],
  );
});

appTest('only the town’s staff manage a report: others get 403 or 404, and nothing changes', async (app, database) => {
  const s = await staffSetting(database);
  const id = await sampleReport(database, s.towns.botevgrad, { category: s.categories.botevgrad.roads!, author: s.author, photos: 1 });
  const unconfirmed = await sampleReport(database, s.towns.botevgrad, {
    category: s.categories.botevgrad.roads!,
    confirmed: false,
    email: 'anon@example.eu',
  });
  const anonymous = await app.inject({ url: page(id) });
  assert.equal(anonymous.statusCode, 303);
  for (const who of [s.other, s.citizen, s.author, s.neighbourStaff]) {
    const res = await app.inject({ url: page(id), headers: { cookie: who.cookie } });
    assert.equal(res.statusCode, 403, who.name);
    assert.ok(!res.body.includes('+359 888 123 456'));
  }
  assert.equal(
    (await app.inject({ url: page(unconfirmed), headers: { cookie: s.other.cookie } })).statusCode,
    404,
    'an unconfirmed report is unknown to others',
  );
  assert.equal((await app.inject({ url: page(unconfirmed), headers: { cookie: s.staff.cookie } })).statusCode, 200);
  assert.equal((await app.inject({ url: page(987654), headers: { cookie: s.staff.cookie } })).statusCode, 404);

  const [photo] = await repo.photosOf(database.db, id);
  const posts: [string, Record<string, string>][] = [
    ['/state', { state: 'fixed', note: 'Done.' }],
    ['/note', { internal_note: 'Hello' }],
    ['/assign', { assignee: String(s.other.id) }],
    ['/pass', { town: String(s.towns.pravets), pass_note: 'Move.' }],
    ['/send', { body_name: 'X', body_email: 'x@example.eu', body_note: 'Y' }],
    [`/photos/${photo?.id}`, { hidden: '1' }],
    ['/visibility', { hidden: '1' }],
  ];
  const before = {
    signal: await repo.signalById(database.db, id),
    updates: await count(database, 'signal_updates'),
    mails: await count(database, 'mail_outbox'),
  };
  // With a form token of their own (from their account page): a valid token, the wrong report.
  for (const [path, fields] of posts) {
    for (const who of [s.other, s.author]) {
      const res = await submit(app, '/en/account', fields, who, `${page(id)}${path}`);
      assert.equal(res.statusCode, 403, `${who.name} ${path}`);
    }
  }
  assert.deepEqual(await repo.signalById(database.db, id), before.signal);
  assert.equal(await count(database, 'signal_updates'), before.updates);
  assert.equal(await count(database, 'mail_outbox'), before.mails);
  assert.equal((await repo.photosOf(database.db, id))[0]?.hidden, 0);
});
