import assert from 'node:assert/strict';
import { submit } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { linkIn, startSmtp } from '../../../test/helpers/smtp.ts';
import { count, sampleReport, staffSetting } from '../../../test/signals-staff.ts';
import * as repo from './repo.ts';
import { askAuthors } from './service/questionnaire.ts';

const DAY = 86_400_000;
const path = (url: string) => new URL(url).pathname;

dbTest('four weeks after "fixed" the author is asked once; "yes" is recorded, and the link then expires', async (database) => {
  const smtp = await startSmtp();
  const app = await createTestApp(database, { SMTP_URL: smtp.url });
  try {
    const s = await staffSetting(database);
    const roads = s.categories.botevgrad.roads!;
    const due = await sampleReport(database, s.towns.botevgrad, { category: roads, author: s.author, fixedAgo: 29 });
    const anonymous = await sampleReport(database, s.towns.botevgrad, {
      category: roads,
      email: 'anon@example.eu',
      language: 'fi',
      fixedAgo: 40,
    });
    await sampleReport(database, s.towns.botevgrad, { category: roads, author: s.citizen, fixedAgo: 20 });
    await sampleReport(database, s.towns.botevgrad, { category: roads, email: null, fixedAgo: 60 });
    await sampleReport(database, s.towns.botevgrad, { category: roads, author: s.citizen, state: 'in_progress', age: 60 });

    assert.equal(await askAuthors(app.context, new Date(Date.now() - 2 * DAY)), 1, 'two days ago only the 40-day-old one was due');
    assert.equal(await askAuthors(app.context), 1, 'now the 29-day-old one too, and nobody twice');
    assert.equal(await askAuthors(app.context, new Date(Date.now() + 30 * DAY)), 1, 'the 20-day-old one in ten days');
    assert.equal(await askAuthors(app.context, new Date(Date.now() + 30 * DAY)), 0);
    assert.ok((await repo.signalById(database.db, due))?.asked_at);
    await app.context.mail.deliverDue();
    const finnish = await smtp.messageTo('anon@example.eu');
    assert.match(finnish.subject ?? '', /Onko se todella korjattu\?/, 'in the language the report was made in');
    const mail = await smtp.messageTo(s.author.email);
    assert.match(mail.subject ?? '', /Наистина ли е отстранено\?/, 'in the account’s language');
    const link = path(linkIn(mail, '/questionnaire/'));
    assert.match(link, new RegExp(`^/bg/signals/${due}/questionnaire/[\\w-]+$`));

    const opened = await app.inject({ url: link });
    assert.equal(opened.statusCode, 200, 'opening the link (as a mail scanner does) answers nothing');
    assert.equal(opened.headers['cache-control'], 'no-store');
    assert.match(opened.body, /Да, отстранено е/);
    assert.equal((await app.inject({ url: link })).statusCode, 200);
    const updates = await count(database, 'signal_updates');
    const bad = await submit(app, link, { answer: 'maybe' });
    assert.equal(bad.statusCode, 422);
    assert.equal(await count(database, 'signal_updates'), updates);

    const yes = await submit(app, link, { answer: 'yes' });
    assert.equal(yes.statusCode, 200);
    assert.match(yes.body, /Благодарим, че ни казахте/);
    const entries = await repo.updatesOf(database.db, due, false);
    assert.equal(entries.at(-1)?.kind, 'questionnaire');
    assert.equal((await repo.signalById(database.db, due))?.state, 'fixed');
    assert.equal((await app.inject({ url: link })).statusCode, 410, 'a used link expires');
    assert.equal((await submit(app, '/en/sign-in', { answer: 'no' }, undefined, link)).statusCode, 410, 'and answers no more');
    assert.equal((await app.inject({ url: `/en/signals/${anonymous}/questionnaire/not-the-token` })).statusCode, 410);
    assert.equal((await app.inject({ url: link.replace(`/${due}/`, `/${anonymous}/`) })).statusCode, 410, 'a token of another report');
  } finally {
    await app.close();
    await smtp.close();
  }
});

dbTest('"no" reopens the report with the author’s note; staff are not needed and the author gets no mail of it', async (database) => {
  const smtp = await startSmtp();
  const app = await createTestApp(database, { SMTP_URL: smtp.url });
  try {
    const s = await staffSetting(database);
    const id = await sampleReport(database, s.towns.botevgrad, {
      category: s.categories.botevgrad.roads!,
      email: 'anon@example.eu',
      fixedAgo: 30,
    });
    await askAuthors(app.context);
    await app.context.mail.deliverDue();
    const link = path(linkIn(await smtp.messageTo('anon@example.eu'), '/questionnaire/'));
    const long = await submit(app, link, { answer: 'no', note: 'x'.repeat(2001) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /Use at most 2,000 characters/);
    assert.equal((await repo.signalById(database.db, id))?.state, 'fixed');
    const robot = await submit(app, link, { answer: 'no', note: 'spam', website: 'http://spam.example' });
    assert.equal(robot.statusCode, 200);
    assert.equal((await repo.signalById(database.db, id))?.state, 'fixed', 'a robot changes nothing');

    const mails = await count(database, 'mail_outbox');
    const no = await submit(app, link, { answer: 'no', note: 'The hole is <b>back</b> after the rain.' });
    assert.equal(no.statusCode, 200);
    assert.match(no.body, /The report is open again/);
    const after = await repo.signalById(database.db, id);
    assert.equal(after?.state, 'reopened');
    const last = (await repo.updatesOf(database.db, id, false)).at(-1);
    assert.equal(last?.state, 'reopened');
    assert.equal(last?.note, 'The hole is <b>back</b> after the rain.');
    assert.equal(await count(database, 'mail_outbox'), mails, 'the author is not told of their own change');
    assert.equal((await submit(app, '/en/sign-in', { answer: 'yes' }, undefined, link)).statusCode, 410, 'answered once');
  } finally {
    await app.close();
    await smtp.close();
  }
});
