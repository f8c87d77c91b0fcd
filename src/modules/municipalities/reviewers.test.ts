import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { createTestApp } from '../../../test/helpers/app.ts';
import { dbTest, type TestDatabase } from '../../../test/helpers/db.ts';
import { linkIn, startSmtp, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { csvRecords, importRecords } from './service/import.ts';

/** The portal with the sample directory, mail going to a real SMTP server, and two platform admins (one without a confirmed address). */
function reviewTest(name: string, fn: (c: { app: FastifyInstance; database: TestDatabase; smtp: TestSmtp }) => Promise<void>) {
  dbTest(name, async (database) => {
    const smtp = await startSmtp();
    const app = await createTestApp(database, { SMTP_URL: smtp.url });
    try {
      await importRecords(database.db, csvRecords(SAMPLE_CSV));
      await fn({ app, database, smtp });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
}

const path = (url: string) => new URL(url).pathname;

reviewTest('platform admins are mailed, each in their language, once a claim’s address is confirmed', async ({ app, database, smtp }) => {
  const bg = await person(database, { roles: [['platform_admin', null]], language: 'bg', email: 'admin.bg@example.eu' });
  const fi = await person(database, { roles: [['platform_admin', null]], language: 'fi', email: 'admin.fi@example.eu' });
  await person(database, { roles: [['platform_admin', null]], confirmed: false, email: 'unconfirmed@example.eu' });
  await person(database, { roles: [['platform_moderator', null]], email: 'moderator@example.eu' });
  const clerk = await person(database);
  const claim = { job_title: 'Head of European affairs', official_email: 'clerk@starazagora.bg', website: 'https://starazagora.bg' };
  const sent = await submit(app, '/en/municipalities/bg/stara-zagora/claim', claim, clerk);
  assert.equal(sent.statusCode, 200);
  await app.context.mail.deliverDue();
  const confirm = path(linkIn(await smtp.messageTo('clerk@starazagora.bg'), '/claims/confirm/'));
  assert.deepEqual(
    smtp.messages.map((m) => m.to?.[0]?.address),
    ['clerk@starazagora.bg'],
    'nobody reviews a claim whose address is not confirmed',
  );

  assert.equal((await submit(app, confirm, {}, clerk)).statusCode, 200);
  await app.context.mail.deliverDue();
  const inBulgarian = await smtp.messageTo(bg.email);
  assert.match(inBulgarian.subject ?? '', /^Заявка за Stara Zagora очаква Вашия преглед/);
  assert.match(inBulgarian.text ?? '', /Head of European affairs/);
  assert.equal(path(linkIn(inBulgarian, '/admin/claims')), '/bg/admin/claims');
  const inFinnish = await smtp.messageTo(fi.email);
  assert.match(inFinnish.subject ?? '', /Stara Zagora/);
  assert.equal(path(linkIn(inFinnish, '/admin/claims')), '/fi/admin/claims');
  assert.deepEqual(
    smtp.messages.map((m) => m.to?.[0]?.address).sort(),
    ['admin.bg@example.eu', 'admin.fi@example.eu', 'clerk@starazagora.bg'],
    'only confirmed platform admins are told, once',
  );
  const queue = await app.inject({ url: path(linkIn(inFinnish, '/admin/claims')), headers: { cookie: fi.cookie } });
  assert.equal(queue.statusCode, 200);
  assert.ok(queue.body.includes('Head of European affairs'), 'the link leads to the claim');

  assert.equal((await submit(app, confirm, {}, clerk)).statusCode, 410);
  await app.context.mail.deliverDue();
  assert.equal(smtp.messages.length, 3, 'a used link tells nobody again');
});

reviewTest('platform admins are mailed when a place is proposed, but not for a refused proposal', async ({ app, database, smtp }) => {
  const admin = await person(database, { roles: [['platform_admin', null]], language: 'de', email: 'admin.de@example.eu' });
  const citizen = await person(database);
  const listed = await submit(app, '/en/municipalities/propose', { country: 'bg', name: 'Stara Zagora' }, citizen);
  assert.equal(listed.statusCode, 422);
  const proposed = await submit(app, '/en/municipalities/propose', { country: 'si', name: 'Piran', native_name: 'Pirano' }, citizen);
  assert.equal(proposed.statusCode, 200);
  await app.context.mail.deliverDue();
  const mail = await smtp.messageTo(admin.email);
  assert.match(mail.subject ?? '', /^Ein Ort wurde für das Verzeichnis vorgeschlagen: Piran/);
  assert.match(mail.text ?? '', /Piran \(Slowenien\)/, 'the country in the admin’s language');
  assert.equal(path(linkIn(mail, '/admin/claims')), '/de/admin/claims');
  assert.equal(smtp.messages.length, 1, 'one mail for the proposal, none for the refused form');
});
