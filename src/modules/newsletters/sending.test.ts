import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { newsletterTest, subscriptions } from '../../../test/newsletters.ts';
import { sendDue } from './service/issues.ts';

const ISSUE = {
  subject: 'Linden avenue replanted',
  body: 'The **city gardeners** planted 200 trees.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[Map](https://starazagora.bg/map)',
  language: 'en',
  areas: ['environment'],
};

/** Confirmed subscribers of a list, as if each had followed their link. */
async function subscribed(database: TestDatabase, list: string, people: { email: string; topics?: string; status?: string }[]) {
  const now = new Date().toISOString();
  for (const [i, p] of people.entries()) {
    await database.db
      .insertInto('newsletter_subscriptions')
      .values({
        list,
        email: p.email,
        language: 'en',
        topics: p.topics ?? '',
        status: (p.status ?? 'confirmed') as 'confirmed',
        user_id: null,
        confirm_hash: null,
        confirm_expires_at: null,
        unsubscribe_key: `key-${i}-${p.email.replace(/\W/g, '')}-0123456789`,
        created_at: now,
        confirmed_at: now,
        ended_at: null,
        bounce_reason: null,
      })
      .execute();
  }
}

async function draft(app: FastifyInstance, base: string, who: TestPerson, fields: Record<string, string | string[]> = ISSUE) {
  const res = await submit(app, `${base}/issues/new`, { ...fields, intent: 'save' }, who);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return String(res.headers.location)
    .replace(/\?.*$/, '')
    .replace(/\/edit$/, '');
}

/** Runs the sending job until the issue is out, and the outbox until it is empty. */
async function sendAll(app: FastifyInstance) {
  while ((await sendDue(app.context)) > 0);
  await app.context.mail.deliverDue();
}

newsletterTest(
  'an editor previews, tests and sends; only confirmed subscribers of its topics receive it, with a one-click unsubscribe',
  async ({ app, database, smtp, towns, page }) => {
    const editor = await person(database, { roles: [['municipality_editor', towns.staraZagora]], email: 'editor@starazagora.bg' });
    const list = `municipality:${towns.staraZagora}`;
    await subscribed(database, list, [
      { email: 'all@example.eu' },
      { email: 'trees@example.eu', topics: 'environment,climate' },
      { email: 'sport@example.eu', topics: 'sport' },
      { email: 'pending@example.eu', status: 'pending' },
      { email: 'left@example.eu', status: 'unsubscribed' },
    ]);
    await subscribed(database, `municipality:${towns.botevgrad}`, [{ email: 'botevgrad@example.eu' }]);

    const preview = await submit(app, `${page}/issues/new`, { ...ISSUE, intent: 'preview' }, editor);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Preview: as subscribers will see it/);
    assert.match(preview.body, /<strong>city gardeners<\/strong>/);
    const shown = preview.body.slice(preview.body.indexOf('id="preview"'));
    assert.match(shown, /<a href="https:\/\/starazagora.bg\/map" rel="nofollow noopener">Map<\/a>/);
    assert.ok(!/<script>alert|onerror|<img/.test(shown), 'the preview is sanitised');
    assert.equal(
      await database.db
        .selectFrom('newsletter_issues')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
      'a preview saves nothing',
    );

    const issue = await draft(app, page, editor);
    const test = await submit(app, `${issue}/edit`, {}, editor, `${issue}/test`);
    assert.equal(test.statusCode, 303);
    await sendAll(app);
    assert.deepEqual(
      smtp.messages.map((m) => `${m.to?.[0]?.address} ${m.subject}`),
      ['editor@starazagora.bg [Test] Linden avenue replanted'],
    );
    assert.equal((await app.inject({ url: issue })).statusCode, 404, 'a draft is not public');

    const confirm = await app.inject({ url: `${issue}/send`, headers: { cookie: editor.cookie } });
    assert.match(confirm.body, /It goes to 3 confirmed subscribers of the Stara Zagora newsletter/);
    assert.equal((await submit(app, `${issue}/send`, {}, editor)).headers.location, `${page}/desk?notice=sending`);
    await sendAll(app);
    const got = smtp.messages.slice(1);
    assert.deepEqual(got.map((m) => m.to?.[0]?.address).sort(), ['all@example.eu', 'trees@example.eu']);
    const mail = got.find((m) => m.to?.[0]?.address === 'trees@example.eu')!;
    const header = (name: string) => mail.headers.find((h) => h.key === name)?.value;
    const unsubscribe = /^<(http:\/\/portal\.test\/en\/newsletters\/unsubscribe\/[\w-]+)>$/.exec(header('list-unsubscribe') ?? '')?.[1];
    assert.ok(unsubscribe, `List-Unsubscribe: ${header('list-unsubscribe')}`);
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(mail.html ?? '', /<strong>city gardeners<\/strong>/);
    assert.ok(!/<script>alert|onerror/.test(mail.html ?? ''));
    assert.match(mail.text ?? '', new RegExp(`Read it on the web: http://portal.test${issue}`));

    // The issue is history now: on the web for everyone, on the desk with its count, no longer editable.
    const archived = await app.inject({ url: issue });
    assert.equal(archived.statusCode, 200);
    assert.match(archived.body, /<h1>Linden avenue replanted<\/h1>/);
    assert.match((await app.inject({ url: page })).body, new RegExp(`<a href="${issue}">Linden avenue replanted</a>`));
    assert.match((await app.inject({ url: `${page}/desk`, headers: { cookie: editor.cookie } })).body, /sent [^<]+ to 2 people/);
    const edit = await submit(app, `${page}/issues/new`, { ...ISSUE, subject: 'Changed' }, editor, `${issue}/edit`);
    assert.equal(edit.headers.location, `${page}/desk?notice=already`);
    assert.equal((await submit(app, `${page}/issues/new`, {}, editor, `${issue}/send`)).headers.location, `${page}/desk?notice=already`);

    // One click in the mail program: a POST without cookie or form token, and no question asked.
    const oneClick = await app.inject({
      method: 'POST',
      url: new URL(unsubscribe).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /You are unsubscribed/);
    assert.equal((await subscriptions(database)).find((s) => s.email === 'trees@example.eu')?.status, 'unsubscribed');
    const second = await draft(app, page, editor, { ...ISSUE, subject: 'Second issue' });
    await submit(app, `${second}/send`, {}, editor);
    await sendAll(app);
    assert.deepEqual(
      smtp.messages.filter((m) => m.subject === 'Second issue').map((m) => m.to?.[0]?.address),
      ['all@example.eu'],
    );
  },
);

newsletterTest(
  'the unsubscribe link from a mail body opens a button, and a key that names nothing is refused',
  async ({ app, database, towns }) => {
    await subscribed(database, `municipality:${towns.staraZagora}`, [{ email: 'reader@example.eu' }]);
    const url = '/en/newsletters/unsubscribe/key-0-readerexampleeu-0123456789';
    const opened = await app.inject({ url });
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /Stop receiving the Stara Zagora newsletter/);
    assert.equal((await subscriptions(database))[0]?.status, 'confirmed', 'opening the link changes nothing');
    const multipart = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    assert.equal(multipart.statusCode, 200, 'RFC 8058 allows multipart too');
    assert.equal((await subscriptions(database))[0]?.status, 'unsubscribed');
    assert.equal((await app.inject({ method: 'POST', url })).statusCode, 200, 'twice is fine');
    assert.equal((await app.inject({ url: '/en/newsletters/unsubscribe/key-that-names-nothing-at-all' })).statusCode, 410);
    assert.equal((await app.inject({ method: 'POST', url: `/en/newsletters/unsubscribe/${'x'.repeat(100)}` })).statusCode, 404);
  },
);

newsletterTest('an address that refuses mail for good is recorded and never mailed again', async ({ app, database, smtp, towns, page }) => {
  const editor = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  await subscribed(database, `municipality:${towns.staraZagora}`, [{ email: 'gone@example.eu' }, { email: 'here@example.eu' }]);
  for (const subject of ['First', 'Second']) {
    const issue = await draft(app, page, editor, { ...ISSUE, subject });
    await submit(app, `${issue}/send`, {}, editor);
    await sendAll(app);
  }
  assert.deepEqual(
    smtp.messages.map((m) => `${m.to?.[0]?.address} ${m.subject}`),
    ['here@example.eu First', 'here@example.eu Second'],
  );
  const outbox = await database.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'status', 'attempts'])
    .where('to_address', '=', 'gone@example.eu')
    .execute();
  assert.deepEqual(outbox, [{ to_address: 'gone@example.eu', status: 'failed', attempts: 1 }], 'a 550 is not retried');
  const gone = (await subscriptions(database)).find((s) => s.email === 'gone@example.eu');
  assert.equal(gone?.status, 'bounced');
  assert.match(
    (await app.inject({ url: `${page}/desk`, headers: { cookie: editor.cookie } })).body,
    /Address no longer works<\/dt><dd>1 person/,
  );
});

newsletterTest('only those who write for a list may see its desk, write, test or send', async ({ app, database, towns, page }) => {
  const mayor = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const neighbour = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const citizen = await person(database);
  const platformEditor = await person(database, { roles: [['platform_editor', null]] });
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const issue = await draft(app, page, mayor);
  const addresses = [`${page}/desk`, `${page}/issues/new`, `${issue}/edit`, `${issue}/send`];
  for (const url of addresses) {
    assert.equal((await app.inject({ url })).statusCode, 303, `${url}: sign in first`);
    for (const who of [neighbour, citizen, platformEditor])
      assert.equal((await app.inject({ url, headers: { cookie: who.cookie } })).statusCode, 403, url);
    assert.equal((await app.inject({ url, headers: { cookie: admin.cookie } })).statusCode, 200, url);
  }
  for (const [action, form] of [
    [`${page}/issues/new`, `${page}/issues/new`],
    [`${issue}/edit`, `${issue}/edit`],
    [`${issue}/test`, `${issue}/edit`],
    [`${issue}/send`, `${issue}/send`],
  ] as const) {
    const res = await submit(
      app,
      `/en/newsletters/municipality-${towns.botevgrad}/issues/new`,
      { ...ISSUE, subject: 'Hijacked' },
      neighbour,
      action,
    );
    assert.equal(res.statusCode, 403, `${action} (${form})`);
  }
  const rows = await database.db.selectFrom('newsletter_issues').select(['subject', 'status']).execute();
  assert.deepEqual(rows, [{ subject: ISSUE.subject, status: 'draft' }], 'nothing changed');
  assert.equal((await app.inject({ url: '/en/newsletters/platform/desk', headers: { cookie: platformEditor.cookie } })).statusCode, 200);
  assert.equal((await app.inject({ url: '/en/newsletters/platform/desk', headers: { cookie: mayor.cookie } })).statusCode, 403);
  // An issue of one list is not found through another's address.
  const otherList = issue.replace(`municipality-${towns.staraZagora}`, `municipality-${towns.botevgrad}`);
  assert.equal((await app.inject({ url: `${otherList}/edit`, headers: { cookie: admin.cookie } })).statusCode, 404);
});

newsletterTest('a refused issue keeps what was typed and saves nothing', async ({ app, database, towns, page }) => {
  const editor = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  const cases: [Record<string, string | string[]>, RegExp][] = [
    [{ ...ISSUE, subject: '' }, /Subject: Fill in this field\./],
    [{ ...ISSUE, subject: 'x'.repeat(151) }, /Use at most 150 characters\./],
    [{ ...ISSUE, body: 'y'.repeat(50_001) }, /Use at most 50,000 characters\./],
    [{ ...ISSUE, language: 'xx' }, /Language of this issue: Choose one of the options\./],
    [{ ...ISSUE, areas: ['nothing'] }, /Topics of this issue: Choose one of the options\./],
    [{ ...ISSUE, subject: 'Bell\u0007' }, /invisible control characters/],
  ];
  for (const [fields, error] of cases) {
    for (const intent of ['save', 'preview']) {
      const res = await submit(app, `${page}/issues/new`, { ...fields, intent }, editor);
      assert.equal(res.statusCode, 422, `${intent} ${JSON.stringify(fields).slice(0, 80)}`);
      assert.match(res.body, error);
      assert.ok(res.body.includes('The **city gardeners** planted 200 trees.') || fields.body !== ISSUE.body, 'the text is kept');
    }
  }
  assert.equal((await database.db.selectFrom('newsletter_issues').select('id').execute()).length, 0);
});
