import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { BTG, contactSetting, rows, SZ } from '../../../test/contact.ts';
import { formAs, SAMPLE_PDF, submit, submitFiles, zip } from '../../../test/factories.ts';
import { mailAppTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { linkIn, type TestSmtp } from '../../../test/helpers/smtp.ts';

type Setting = Awaited<ReturnType<typeof contactSetting>>;

/** The portal mailing through a real SMTP server, with two joined towns, their staff and a citizen. */
function sendTest(name: string, fn: (c: { app: FastifyInstance; database: TestDatabase; smtp: TestSmtp; s: Setting }) => Promise<void>) {
  mailAppTest(name, async (c) => fn({ ...c, s: await contactSetting(c.database) }));
}

const LETTER = { body: 'When is the building tax due this year?', name: 'Ivan Ivanov', email: 'ivan@example.eu', phone: '+359 42 123' };

sendTest('a signed-in citizen sends at once: a reference, a copy to them, a mail to the department', async ({ app, database, smtp, s }) => {
  const page = await app.inject({ url: SZ, headers: { cookie: s.citizen.cookie } });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /Contact the town hall of Stara Zagora/);
  assert.match(page.body, /Local taxes/);
  assert.match(page.body, /14 days/, 'the default expected response time');
  assert.match(page.body, /Not enough answers yet/);
  assert.doesNotMatch(page.body, /name="email"/, 'the account address is used');

  const res = await submit(app, SZ, { topic: String(s.topics.taxes), body: LETTER.body, name: 'Cvetana' }, s.citizen);
  assert.equal(res.statusCode, 303);
  const reference = /\/en\/account\/messages\/(SZ\d+-\d{4}-\d{5})\?notice=sent$/.exec(String(res.headers.location))?.[1];
  assert.ok(reference, String(res.headers.location));
  assert.equal(reference, `SZ${s.towns.staraZagora}-${new Date().getUTCFullYear()}-00001`);
  const stored = await database.db.selectFrom('contact_enquiries').selectAll().executeTakeFirstOrThrow();
  assert.equal(stored.confirmed, 1);
  assert.equal(stored.author_id, s.citizen.id);
  assert.equal(stored.email, s.citizen.email);

  const copy = await smtp.messageTo(s.citizen.email);
  assert.match(copy.subject ?? '', new RegExp(reference));
  assert.match(copy.text ?? '', /When is the building tax due/);
  assert.ok(linkIn(copy, `/en/account/messages/${reference}`));
  const department = await smtp.messageTo('taxes@stara-zagora.example.eu');
  assert.match(department.subject ?? '', new RegExp(`${reference}: a letter on "Local taxes"`));
  assert.match(department.text ?? '', new RegExp(`Cvetana \\(${s.citizen.email}`));
  assert.ok(linkIn(department, `${SZ}/inbox/${stored.id}`));

  // The next one draws the next number.
  const next = await submit(app, SZ, { topic: String(s.topics.building), body: 'A second question', name: 'Cvetana' }, s.citizen);
  assert.match(String(next.headers.location), /-00002\?notice=sent$/);
  assert.ok(await smtp.messageTo('building@stara-zagora.example.eu'));
});

sendTest(
  'someone without an account confirms by the mailed link; only then the town hall receives it',
  async ({ app, database, smtp, s }) => {
    const res = await submit(app, SZ, { topic: String(s.topics.taxes), ...LETTER });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${SZ}/sent`);
    const waiting = await database.db.selectFrom('contact_enquiries').selectAll().executeTakeFirstOrThrow();
    assert.equal(waiting.confirmed, 0);
    assert.equal(waiting.reference, null);
    const mail = await smtp.messageTo(LETTER.email);
    assert.match(mail.subject ?? '', /Confirm your message to the town hall of Stara Zagora/);
    assert.equal(smtp.messages.length, 1, 'the department hears nothing yet');

    const link = new URL(linkIn(mail, '/contact/confirm/'));
    const opened = await app.inject({ url: link.pathname });
    assert.equal(opened.statusCode, 200, 'a scanner opening the link sends nothing');
    assert.equal((await database.db.selectFrom('contact_enquiries').select('confirmed').executeTakeFirstOrThrow()).confirmed, 0);
    const confirmed = await submit(app, link.pathname, {});
    assert.equal(confirmed.statusCode, 303);
    assert.match(String(confirmed.headers.location), /^\/en\/contact\/thread\/\d+\.[\w-]{43}\?notice=sent$/);
    const sent = await database.db.selectFrom('contact_enquiries').selectAll().executeTakeFirstOrThrow();
    assert.equal(sent.confirmed, 1);
    assert.match(sent.reference ?? '', /^SZ\d+-\d{4}-00001$/);
    assert.ok(await smtp.messageTo('taxes@stara-zagora.example.eu'));
    const copy = await smtp.messageTo(LETTER.email);
    assert.match(copy.subject ?? '', new RegExp(sent.reference!));
    const thread = await app.inject({ url: new URL(linkIn(copy, '/contact/thread/')).pathname });
    assert.equal(thread.statusCode, 200);
    assert.match(thread.body, /When is the building tax due/);
    assert.equal(thread.headers['referrer-policy'], 'no-referrer');

    assert.equal((await submit(app, link.pathname, {})).statusCode, 410, 'a used link');
    const forged = String(confirmed.headers.location)
      .replace(/\.[\w-]{43}/, `.${'A'.repeat(43)}`)
      .split('?')[0]!;
    assert.equal((await app.inject({ url: forged })).statusCode, 404, 'a key not made by the portal');
  },
);

sendTest('a town without topics offers a general enquiry to its contact address', async ({ app, database, smtp, s }) => {
  await database.db.deleteFrom('contact_topics').where('municipality_id', '=', s.towns.staraZagora).execute();
  const page = await app.inject({ url: SZ });
  assert.match(page.body, /<option value="general"[^>]*>General enquiry</);
  const res = await submit(app, SZ, { topic: 'general', body: 'Hello', name: 'Cvetana' }, s.citizen);
  assert.equal(res.statusCode, 303);
  const mail = await smtp.messageTo('obshtina@stara-zagora.example.eu');
  assert.match(mail.subject ?? '', /a letter on "General enquiry"/);
});

sendTest('bad input is refused with what was typed, and nothing is stored', async ({ app, database, s }) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ topic: String(s.topics.taxes), body: '', name: '', email: '' }, /Your message: Fill in this field/],
    [{ topic: String(s.topics.taxes), ...LETTER, body: 'x'.repeat(5001) }, /Your message: Use at most 5,000 characters/],
    [{ topic: String(s.topics.taxes), ...LETTER, email: 'not-an-address' }, /Your email address: /],
    [{ topic: String(s.topics.sport), ...LETTER }, /Topic: /],
    [{ topic: '1 OR 1=1', ...LETTER }, /Topic: /],
    [{ topic: String(s.topics.taxes), ...LETTER, phone: '<script>alert(1)</script>' }, /Phone: Use only digits/],
  ];
  for (const [fields, error] of cases) {
    const res = await submit(app, SZ, fields);
    assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 80));
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, error);
    if (fields.name) assert.match(res.body, /value="Ivan Ivanov"/, 'what was typed stays');
    if (fields.phone?.startsWith('<')) assert.match(res.body, /name="phone" value="&lt;script>alert\(1\)&lt;\/script>"/);
  }
  assert.equal(await rows(database, 'contact_enquiries'), 0);

  // A script in the message is text: kept, and shown escaped.
  const res = await submit(
    app,
    SZ,
    { topic: String(s.topics.taxes), body: '<script>alert(1)</script> DROP TABLE users;', name: 'X' },
    s.citizen,
  );
  const thread = await app.inject({ url: String(res.headers.location), headers: { cookie: s.citizen.cookie } });
  assert.match(thread.body, /&lt;script>alert\(1\)&lt;\/script> DROP TABLE users;/);
  assert.doesNotMatch(thread.body, /<script>alert/);
});

sendTest('attachments: a real PDF is kept for staff and sender; a disguised or oversized file is refused', async ({ app, database, s }) => {
  const fields = { topic: String(s.topics.taxes), body: LETTER.body, name: 'Cvetana' };
  const fake = await submitFiles(
    app,
    SZ,
    fields,
    { attachment: { name: 'scan.pdf', data: Buffer.from('MZ not a pdf at all'), type: 'application/pdf' } },
    s.citizen,
  );
  assert.equal(fake.statusCode, 422);
  assert.match(fake.body, /Attachment: Attach a PDF, an image/);
  assert.match(fake.body, /When is the building tax due/, 'the message stays');
  const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]);
  const oversized = await submitFiles(app, SZ, fields, { attachment: { name: 'big.pdf', data: big, type: 'application/pdf' } }, s.citizen);
  assert.equal(oversized.statusCode, 422);
  assert.match(oversized.body, /larger than 5 MB/);
  const bomb = zip([{ name: '[Content_Types].xml', data: Buffer.alloc(20 * 1024 * 1024, 32) }]);
  const unpacks = await submitFiles(app, SZ, fields, { attachment: { name: 'form.docx', data: bomb } }, s.citizen);
  assert.equal(unpacks.statusCode, 422, 'an office file that unpacks to a hundred times its size');
  assert.match(unpacks.body, /Attachment: Attach a PDF, an image/);
  assert.equal(await rows(database, 'contact_enquiries'), 0);

  const ok = await submitFiles(
    app,
    SZ,
    fields,
    { attachment: { name: 'Данъчна декларация.pdf', data: SAMPLE_PDF, type: 'application/pdf' } },
    s.citizen,
  );
  assert.equal(ok.statusCode, 303);
  const e = await database.db.selectFrom('contact_enquiries').selectAll().executeTakeFirstOrThrow();
  assert.match(e.file ?? '', /^[0-9a-f]{32}\.pdf$/);
  const own = await app.inject({ url: `${String(ok.headers.location).split('?')[0]}/attachment`, headers: { cookie: s.citizen.cookie } });
  assert.equal(own.statusCode, 200);
  assert.equal(
    own.headers['content-disposition'],
    `attachment; filename="Dan'chna deklaratsiya.pdf"; filename*=UTF-8''${encodeURIComponent('Данъчна декларация')}.pdf`,
    'named as sent, in Cyrillic for browsers that read it and in Latin letters for those that do not',
  );
  assert.equal(own.headers['cache-control'], 'no-store');
  assert.equal(own.headers['x-content-type-options'], 'nosniff');
  const staff = await app.inject({ url: `${SZ}/inbox/${e.id}/attachment`, headers: { cookie: s.szEditor.cookie } });
  assert.equal(staff.statusCode, 200);
  assert.deepEqual(staff.rawPayload, SAMPLE_PDF);
  for (const who of [s.other, s.btgAdmin, s.platformAdmin]) {
    assert.equal((await app.inject({ url: `${SZ}/inbox/${e.id}/attachment`, headers: { cookie: who.cookie } })).statusCode, 404);
    const account = `${String(ok.headers.location).split('?')[0]}/attachment`;
    assert.equal((await app.inject({ url: account, headers: { cookie: who.cookie } })).statusCode, 404);
  }
});

sendTest('the honeypot, the rate limits and a town that has not joined', async ({ app, database, s }) => {
  const topic = String(s.topics.taxes);
  const trapped = await submit(app, SZ, { topic, ...LETTER, website: 'http://spam.example' });
  assert.equal(trapped.statusCode, 303, 'a robot is answered as if all went well');
  assert.equal(await rows(database, 'contact_enquiries'), 0);

  // One address is mailed a few confirmation links an hour, from wherever they are asked.
  for (let i = 0; i < 5; i++) assert.equal((await post(app, { topic, ...LETTER }, `10.0.0.${i + 1}`)).statusCode, 303);
  const sixth = await post(app, { topic, ...LETTER }, '10.0.0.9');
  assert.equal(sixth.statusCode, 429);
  assert.ok(Number(sixth.headers['retry-after']) > 0);
  assert.match(sixth.body, /Too many attempts|try again/i);
  assert.equal(await rows(database, 'contact_enquiries'), 5);

  // One address sends a form some twenty times in ten minutes.
  let last = 0;
  for (let i = 0; i < 22; i++) last = (await post(app, { topic, body: '' }, '10.0.1.1')).statusCode;
  assert.equal(last, 429);

  await database.db.updateTable('municipalities').set({ joined_at: null }).where('id', '=', s.towns.botevgrad).execute();
  assert.equal((await app.inject({ url: BTG })).statusCode, 404);
  assert.equal((await submit(app, SZ, {}, undefined, BTG)).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/municipalities/bg/no-such-town/contact' })).statusCode, 404);
});

/** Posts the form from one address, as a browser there would. */
async function post(app: FastifyInstance, fields: Record<string, string>, remoteAddress: string) {
  const { cookie, csrf } = await formAs(app, SZ);
  return app.inject({
    method: 'POST',
    url: SZ,
    remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}
