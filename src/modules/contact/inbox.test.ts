import assert from 'node:assert/strict';
import { contactSetting, rows, SZ } from '../../../test/contact.ts';
import { submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';

type Setting = Awaited<ReturnType<typeof contactSetting>>;
const BTG_INBOX = '/en/municipalities/bg/botevgrad/contact/inbox';

/** A letter from the signed-in citizen to Stara Zagora's tax department: its id and reference. */
async function letter(app: Parameters<Parameters<typeof appTest>[1]>[0], database: TestDatabase, s: Setting) {
  const res = await submit(app, SZ, { topic: String(s.topics.taxes), body: 'Is the tax on my flat paid?', name: 'Cvetana' }, s.citizen);
  const reference = /messages\/([^?]+)/.exec(String(res.headers.location))![1]!;
  const { id } = await database.db
    .selectFrom('contact_enquiries')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { id, reference };
}

const mailsTo = (database: TestDatabase, to: string) =>
  database.db.selectFrom('mail_outbox').select(['subject', 'text_body as text']).where('to_address', '=', to).orderBy('id').execute();
const audited = (database: TestDatabase, action: string) =>
  database.db.selectFrom('audit_log').select(['actor_id', 'subject_id', 'details']).where('action', '=', action).execute();

appTest('staff answer from the inbox; the citizen reads the answer in their account and replies', async (app, database) => {
  const s = await contactSetting(database);
  const { id, reference } = await letter(app, database, s);

  const inbox = await app.inject({ url: `${SZ}/inbox`, headers: { cookie: s.szEditor.cookie } });
  assert.equal(inbox.statusCode, 200);
  assert.equal(inbox.headers['cache-control'], 'no-store');
  assert.match(inbox.body, new RegExp(`<a href="${SZ}/inbox/${id}">${reference}</a>`));
  assert.match(inbox.body, /1 letter/);
  assert.match((await app.inject({ url: `${SZ}/inbox?state=answered`, headers: { cookie: s.szEditor.cookie } })).body, /No letters/);
  assert.match(
    (await app.inject({ url: `${SZ}/inbox?topic=${s.topics.building}`, headers: { cookie: s.szEditor.cookie } })).body,
    /No letters/,
  );
  assert.match(
    (await app.inject({ url: `${SZ}/inbox?state=new&topic=${s.topics.taxes}`, headers: { cookie: s.szEditor.cookie } })).body,
    /1 letter/,
  );
  const work = await app.inject({ url: '/en/work', headers: { cookie: s.szEditor.cookie } });
  assert.match(work.body, /Letters to the town hall[\s\S]*1 new letter/);

  const page = `${SZ}/inbox/${id}`;
  const thread = await app.inject({ url: page, headers: { cookie: s.szAdmin.cookie } });
  assert.match(thread.body, /Is the tax on my flat paid\?/);
  assert.match(thread.body, new RegExp(s.citizen.email), 'staff see who wrote');

  const empty = await submit(app, page, { body: '   ' }, s.szAdmin, `${page}/reply`);
  assert.equal(empty.statusCode, 422);
  assert.equal(await rows(database, 'contact_replies'), 0);
  const answered = await submit(app, page, { body: 'Yes, paid in full on 12 March.' }, s.szAdmin, `${page}/reply`);
  assert.equal(answered.statusCode, 303);
  const e = await database.db.selectFrom('contact_enquiries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(e.state, 'answered');
  assert.ok(e.answered_at);
  const [answerMail] = await mailsTo(database, s.citizen.email).then((m) => m.filter((x) => /answered/.test(x.subject)));
  assert.match(answerMail?.subject ?? '', new RegExp(`${reference}: the town hall of Stara Zagora answered`));
  assert.match(answerMail?.text ?? '', /Yes, paid in full on 12 March\./);
  assert.deepEqual(
    (await audited(database, 'contact.reply')).map((a) => [a.actor_id, a.subject_id]),
    [[s.szAdmin.id, id]],
  );

  const mine = await app.inject({ url: '/en/account/messages', headers: { cookie: s.citizen.cookie } });
  assert.match(mine.body, new RegExp(`${reference}[\\s\\S]*Stara Zagora[\\s\\S]*Local taxes[\\s\\S]*Answered`));
  const own = await app.inject({ url: `/en/account/messages/${reference}`, headers: { cookie: s.citizen.cookie } });
  assert.match(own.body, /The town hall of Stara Zagora answered[\s\S]*Yes, paid in full on 12 March\./);
  assert.doesNotMatch(own.body, /name="state"/, 'the sender does not move it along');
  const replied = await submit(
    app,
    `/en/account/messages/${reference}`,
    { body: 'Thank you!' },
    s.citizen,
    `/en/account/messages/${reference}/reply`,
  );
  assert.equal(replied.statusCode, 303);
  assert.equal(
    (await database.db.selectFrom('contact_enquiries').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
    'in_progress',
  );
  assert.equal((await mailsTo(database, 'taxes@stara-zagora.example.eu')).length, 2, 'the department hears of the reply');

  const closed = await submit(app, page, { state: 'closed' }, s.szEditor, `${page}/state`);
  assert.equal(closed.statusCode, 303);
  assert.deepEqual(JSON.parse((await audited(database, 'contact.state'))[0]!.details!), { from: 'in_progress', to: 'closed' });
  const bad = await submit(app, page, { state: 'deleted' }, s.szEditor, `${page}/state`);
  assert.equal(bad.statusCode, 422);
  const late = await submit(app, '/en/account', { body: 'One more thing' }, s.citizen, `/en/account/messages/${reference}/reply`);
  assert.equal(late.statusCode, 403, 'a closed thread takes no more');
  assert.equal(await rows(database, 'contact_replies'), 2);
  const afterClose = await app.inject({ url: `/en/account/messages/${reference}`, headers: { cookie: s.citizen.cookie } });
  assert.doesNotMatch(afterClose.body, /name="body"/, 'a closed thread takes no more');
});

appTest("another town's staff, other people and the platform's administrators find nothing (404)", async (app, database) => {
  const s = await contactSetting(database);
  const { id, reference } = await letter(app, database, s);
  const page = `${SZ}/inbox/${id}`;
  for (const who of [s.btgAdmin, s.other, s.platformAdmin]) {
    for (const url of [`${SZ}/inbox`, page, `${SZ}/topics`, `/en/account/messages/${reference}`, `${BTG_INBOX}/${id}`])
      assert.equal((await app.inject({ url, headers: { cookie: who.cookie } })).statusCode, 404, `${who.name} ${url}`);
    for (const [action, fields] of [
      [`${page}/reply`, { body: 'Not yours' }],
      [`${page}/state`, { state: 'closed' }],
      [`${BTG_INBOX}/${id}/reply`, { body: 'Not yours' }],
      [`/en/account/messages/${reference}/reply`, { body: 'Not mine' }],
      [`${SZ}/topics`, { name: 'Spam', department: 'Spam', email: 'spam@example.eu' }],
      [`${SZ}/topics/${s.topics.taxes}/remove`, {}],
    ] as const) {
      const res = await submit(app, '/en/account', fields, who, action);
      assert.equal(res.statusCode, 404, `${who.name} ${action}`);
    }
  }
  // Botevgrad's own staff see their own inbox, empty.
  assert.match((await app.inject({ url: BTG_INBOX, headers: { cookie: s.btgAdmin.cookie } })).body, /No letters/);
  assert.equal(await rows(database, 'contact_replies'), 0);
  assert.equal(await rows(database, 'contact_topics'), 3);
  const e = await database.db.selectFrom('contact_enquiries').select('state').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(e.state, 'new');
  // Someone signed out is asked to sign in.
  assert.equal((await app.inject({ url: `${SZ}/inbox` })).statusCode, 303);
  assert.equal((await app.inject({ url: '/en/account/messages' })).statusCode, 303);
});

appTest('staff keep the topics and the response time; the contact page shows them and the median', async (app, database) => {
  const s = await contactSetting(database);
  const topics = `${SZ}/topics`;
  const added = await submit(
    app,
    topics,
    { name: 'Parks', department: 'Green spaces', email: 'Parks@Stara-Zagora.example.eu' },
    s.szEditor,
  );
  assert.equal(added.statusCode, 303);
  const parks = await database.db.selectFrom('contact_topics').selectAll().where('name', '=', 'Parks').executeTakeFirstOrThrow();
  assert.equal(parks.email, 'parks@stara-zagora.example.eu');
  const refused = await submit(app, topics, { name: 'Trees', department: '<b>Trees</b>', email: 'trees-at-town' }, s.szEditor);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /value="Trees"/);
  assert.match(refused.body, /Department's email address: Enter an email address/);
  const edited = await submit(
    app,
    topics,
    { name: 'Parks and gardens', department: 'Green spaces', email: 'parks@stara-zagora.example.eu' },
    s.szEditor,
    `${topics}/${parks.id}`,
  );
  assert.equal(edited.statusCode, 303);
  assert.equal(
    (await submit(app, topics, { name: 'X', department: 'X', email: 'x@example.eu' }, s.szEditor, `${topics}/${s.topics.sport}`))
      .statusCode,
    404,
    "another town's topic",
  );
  assert.equal((await submit(app, topics, {}, s.szEditor, `${topics}/${s.topics.building}/remove`)).statusCode, 303);
  assert.deepEqual(
    (
      await database.db
        .selectFrom('contact_topics')
        .select('name')
        .where('municipality_id', '=', s.towns.staraZagora)
        .orderBy('name')
        .execute()
    ).map((t) => t.name),
    ['Local taxes', 'Parks and gardens'],
  );
  assert.equal((await submit(app, topics, { response_days: '365' }, s.szAdmin, `${SZ}/response-time`)).statusCode, 422);
  assert.equal((await submit(app, topics, { response_days: '5' }, s.szAdmin, `${SZ}/response-time`)).statusCode, 303);
  assert.equal((await audited(database, 'contact.topic.add')).length, 1);
  assert.equal((await audited(database, 'contact.topic.remove')).length, 1);
  assert.equal((await audited(database, 'contact.response_days')).length, 1);

  // Four answers say nothing yet; the fifth gives a median.
  const answer = async (hours: number) => {
    const { id } = await letter(app, database, s);
    const confirmed = new Date(Date.now() - 30 * 86_400_000);
    await database.db
      .updateTable('contact_enquiries')
      .set({ confirmed_at: confirmed.toISOString(), answered_at: new Date(confirmed.getTime() + hours * 3600_000).toISOString() })
      .where('id', '=', id)
      .execute();
  };
  for (const hours of [10, 20, 30, 200]) await answer(hours);
  const page = await app.inject({ url: SZ });
  assert.match(page.body, /Expected response time<\/dt><dd>5 days/);
  assert.match(page.body, /Not enough answers yet/);
  await answer(40);
  assert.match((await app.inject({ url: SZ })).body, /first answer \(last 12 months\)<\/dt><dd>30 hours/);
  const profile = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  assert.match(profile.body, /it aims to answer within 5 days/);
  assert.match(profile.body, new RegExp(`href="${SZ}"`));
});
