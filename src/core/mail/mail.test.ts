import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { startSmtp } from '../../../test/helpers/smtp.ts';
import { modules } from '../../modules/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { enqueueMail } from './outbox.ts';
import { MAX_ATTEMPTS, MailSender, RETRY_DELAYS_MS } from './sender.ts';

const mail = {
  to: 'ana@example.si',
  subject: 'Potrditev – Öffnungszeiten',
  text: 'Živjo, Ana!\nhttps://portal.test/sl/confirm/abc',
  language: 'sl',
};

dbTest('without SMTP_URL each mail is written as an .eml file in the data directory', async (database) => {
  await migrateToLatest(database.db, modules);
  const config = testConfig(database);
  const sender = new MailSender(database, config);
  await enqueueMail(database.db, mail);
  assert.equal(await sender.deliverDue(), 1);
  const files = readdirSync(join(config.dataDir, 'mail'));
  assert.equal(files.length, 1);
  assert.match(files[0]!, /\.eml$/);
  const eml = readFileSync(join(config.dataDir, 'mail', files[0]!), 'utf8');
  assert.match(eml, /^To: ana@example\.si$/m);
  assert.match(eml, /^Content-Language: sl$/m);
  assert.match(eml, /^Subject: =\?UTF-8\?/m);
  assert.match(eml, /^From: Municipium <no-reply@portal\.test>$/m);
  const row = await database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.status, 'sent');
  assert.ok(row.sent_at);
  assert.equal(await sender.deliverDue(), 0, 'sent once');
});

dbTest('a failed send stays in the outbox and is retried later with growing waits, never lost', async (database) => {
  await migrateToLatest(database.db, modules);
  const smtp = await startSmtp();
  const url = smtp.url;
  await smtp.close();
  const sender = new MailSender(database, testConfig(database, { SMTP_URL: url }));
  await enqueueMail(database.db, mail);
  const t0 = new Date();
  assert.equal(await sender.deliverDue(t0), 0);
  let row = await database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.ok(row.last_error);
  assert.equal(Date.parse(row.next_attempt_at) - t0.getTime(), RETRY_DELAYS_MS[0]);
  assert.equal(await sender.deliverDue(new Date(t0.getTime() + 1000)), 0, 'not before its time');
  assert.equal((await database.db.selectFrom('mail_outbox').select('attempts').executeTakeFirstOrThrow()).attempts, 1);

  const port = Number(new URL(url).port);
  const back = await startSmtp(port);
  try {
    const again = new MailSender(database, testConfig(database, { SMTP_URL: url }));
    assert.equal(await again.deliverDue(new Date(t0.getTime() + RETRY_DELAYS_MS[0]! + 1)), 1);
    row = await database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    const received = await back.messageTo('ana@example.si');
    assert.equal(received.subject, mail.subject);
    assert.match(received.text ?? '', /Živjo, Ana!/);
    await again.stop();
  } finally {
    await back.close();
    await sender.stop();
  }
});

dbTest(`after ${MAX_ATTEMPTS} failed tries a mail is marked failed and kept`, async (database) => {
  await migrateToLatest(database.db, modules);
  const sender = new MailSender(database, testConfig(database, { SMTP_URL: 'smtp://127.0.0.1:1' }));
  await enqueueMail(database.db, mail);
  let now = Date.now();
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    await sender.deliverDue(new Date(now));
    now += 13 * 3600_000;
  }
  const row = await database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.status, 'failed');
  assert.equal(row.attempts, MAX_ATTEMPTS);
  await sender.stop();
});

dbTest('two processes polling one outbox send each mail once', async (database) => {
  await migrateToLatest(database.db, modules);
  const smtp = await startSmtp();
  try {
    const a = new MailSender(database, testConfig(database, { SMTP_URL: smtp.url }));
    const b = new MailSender(database, testConfig(database, { SMTP_URL: smtp.url }));
    for (let i = 0; i < 6; i++) await enqueueMail(database.db, { ...mail, to: `p${i}@example.eu` });
    const [x, y] = await Promise.all([a.deliverDue(), b.deliverDue()]);
    assert.equal(x + y, 6);
    assert.equal(smtp.messages.length, 6);
    await a.stop();
    await b.stop();
  } finally {
    await smtp.close();
  }
});
