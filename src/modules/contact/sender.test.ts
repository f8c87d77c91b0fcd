import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contactSetting, rows, SZ } from '../../../test/contact.ts';
import { PASSWORD, person, SAMPLE_PDF, submit, submitFiles } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';

const ADDRESS = 'vesela@example.eu';

/** The link of the newest mail to an address that goes to this path, as the outbox holds it. */
async function linkTo(database: TestDatabase, to: string, path: string): Promise<string> {
  const mails = await database.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .execute();
  for (const m of mails) {
    const url = m.text_body.match(/https?:\/\/\S+/g)?.find((u) => u.includes(path));
    if (url) return new URL(url).pathname;
  }
  throw new Error(`no link to ${path} mailed to ${to}`);
}

appTest(
  'a sender without an account follows the thread by its mailed link, and finds it in the account they make later',
  async (app, database) => {
    const s = await contactSetting(database);
    await submit(app, SZ, {
      topic: String(s.topics.taxes),
      body: 'Where do I pay the dog tax?',
      name: 'Vesela',
      email: 'Vesela@Example.eu',
    });
    await submit(app, await linkTo(database, ADDRESS, '/contact/confirm/'), {});
    const thread = await linkTo(database, ADDRESS, '/contact/thread/');
    const { id, reference } = await database.db.selectFrom('contact_enquiries').select(['id', 'reference']).executeTakeFirstOrThrow();

    const answer = `${SZ}/inbox/${id}`;
    await submit(app, answer, { body: 'At any town hall desk, or online.' }, s.szAdmin, `${answer}/reply`);
    assert.equal(await linkTo(database, ADDRESS, '/contact/thread/'), thread, 'every mail carries the same link');
    const read = await app.inject({ url: thread });
    assert.match(read.body, /At any town hall desk, or online\./);
    const replied = await submit(app, thread, { body: 'Thank you, done.' }, undefined, `${thread}/reply`);
    assert.equal(replied.statusCode, 303);
    const tooLong = await submit(app, thread, { body: 'x'.repeat(5001) }, undefined, `${thread}/reply`);
    assert.equal(tooLong.statusCode, 422);
    assert.equal(await rows(database, 'contact_replies'), 2);

    // Someone else's account sees nothing; an account confirmed for the address sees the thread.
    assert.equal((await app.inject({ url: `/en/account/messages/${reference}`, headers: { cookie: s.other.cookie } })).statusCode, 404);
    const unconfirmed = await person(database, { email: ADDRESS, confirmed: false });
    assert.equal((await app.inject({ url: `/en/account/messages/${reference}`, headers: { cookie: unconfirmed.cookie } })).statusCode, 404);
    await database.db.deleteFrom('users').where('id', '=', unconfirmed.id).execute();
    const vesela = await person(database, { email: ADDRESS });
    const mine = await app.inject({ url: '/en/account/messages', headers: { cookie: vesela.cookie } });
    assert.match(mine.body, new RegExp(reference!));
    const own = await app.inject({ url: `/en/account/messages/${reference}`, headers: { cookie: vesela.cookie } });
    assert.match(own.body, /Thank you, done\./);
  },
);

appTest("the sender's letters are in their data download and go with their account, attachment and all", async (app, database) => {
  const s = await contactSetting(database);
  const sent = await submitFiles(
    app,
    SZ,
    { topic: String(s.topics.taxes), body: 'My declaration is attached.', name: 'Cvetana' },
    { attachment: { name: 'declaration.pdf', data: SAMPLE_PDF, type: 'application/pdf' } },
    s.citizen,
  );
  const attachment = `${String(sent.headers.location).split('?')[0]}/attachment`;
  const { id, file } = await database.db.selectFrom('contact_enquiries').select(['id', 'file']).executeTakeFirstOrThrow();
  const kept = join(app.context.config.dataDir, 'uploads', 'contact', file!);
  assert.ok(existsSync(kept));
  assert.equal((await app.inject({ url: attachment, headers: { cookie: s.citizen.cookie } })).statusCode, 200);
  await submit(app, SZ, { topic: String(s.topics.taxes), body: 'Another letter', name: 'Someone' }, s.other);

  const data = await app.inject({ url: '/en/account/data', headers: { cookie: s.citizen.cookie } });
  const letters = JSON.parse(data.body).contact.townHallMessages;
  assert.deepEqual(
    letters.map((l: { body: string; file_name: string }) => [l.body, l.file_name]),
    [['My declaration is attached.', 'declaration.pdf']],
  );

  assert.equal((await app.inject({ url: `${SZ}/inbox/${id}/attachment`, headers: { cookie: s.szAdmin.cookie } })).statusCode, 200);
  const deleted = await submit(app, '/en/account/delete', { current_password: PASSWORD }, s.citizen);
  assert.equal(deleted.statusCode, 303);
  assert.equal(await rows(database, 'contact_enquiries'), 1, "only the other person's letter is left");
  assert.equal((await app.inject({ url: `${SZ}/inbox/${id}`, headers: { cookie: s.szAdmin.cookie } })).statusCode, 404);
  assert.equal((await app.inject({ url: `${SZ}/inbox/${id}/attachment`, headers: { cookie: s.szAdmin.cookie } })).statusCode, 404);
  assert.ok(!existsSync(kept), 'the attachment is gone from the disk');
});
