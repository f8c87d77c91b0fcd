import assert from 'node:assert/strict';
import { person, submit } from '../../../test/factories.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { newsletterTest, subscriptions } from '../../../test/newsletters.ts';

const path = (url: string) => new URL(url).pathname;

newsletterTest(
  'a visitor subscribes, confirms by the mailed link, and is subscribed once',
  async ({ app, database, smtp, page, towns }) => {
    const shown = await app.inject({ url: page });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<h1>Stara Zagora newsletter<\/h1>/);
    assert.match(shown.body, /No issue has been sent yet/);

    const sent = await submit(app, page, { email: ' Reader@Example.EU ', topics: ['culture', 'sport'] });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${page}/check`);
    assert.match((await app.inject({ url: `${page}/check` })).body, /Check your email/);
    assert.deepEqual(await subscriptions(database), [
      { list: `municipality:${towns.staraZagora}`, email: 'reader@example.eu', status: 'pending', topics: 'culture,sport' },
    ]);

    await app.context.mail.deliverDue();
    const mail = await smtp.messageTo('reader@example.eu');
    assert.equal(mail.subject, 'Confirm your subscription to the Stara Zagora newsletter');
    const confirm = path(linkIn(mail, '/newsletters/confirm/'));
    // A mail scanner opening the link changes nothing: only the button does.
    const opened = await app.inject({ url: confirm });
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.headers['referrer-policy'], 'no-referrer');
    assert.equal((await subscriptions(database))[0]?.status, 'pending');
    const confirmed = await submit(app, confirm, {});
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `${page}/subscribed`);
    assert.equal((await subscriptions(database))[0]?.status, 'confirmed');
    assert.equal((await submit(app, confirm, {})).statusCode, 410, 'a link works once');
    assert.equal((await submit(app, '/en/newsletters/confirm/not-a-token-of-ours', {})).statusCode, 410);

    // Asking again for a confirmed address mails nothing and says the same as for anyone.
    const again = await submit(app, page, { email: 'reader@example.eu' });
    assert.equal(again.headers.location, `${page}/check`);
    await app.context.mail.deliverDue();
    assert.equal(smtp.messages.length, 1);
    assert.equal((await subscriptions(database)).length, 1);
  },
);

newsletterTest(
  'a signed-in person’s own address is subscribed at once; another address still confirms',
  async ({ app, database, smtp, page }) => {
    const reader = await person(database, { email: 'own@example.eu' });
    const form = await app.inject({ url: page, headers: { cookie: reader.cookie } });
    assert.match(form.body, /value="own@example.eu"/, 'the form offers the person’s address');
    const own = await submit(app, page, { email: 'OWN@example.eu' }, reader);
    assert.equal(own.headers.location, `${page}/subscribed`);
    const other = await submit(app, page, { email: 'friend@example.eu' }, reader);
    assert.equal(other.headers.location, `${page}/check`);
    await app.context.mail.deliverDue();
    assert.deepEqual(
      smtp.messages.map((m) => m.to?.[0]?.address),
      ['friend@example.eu'],
    );
    assert.deepEqual(
      (await subscriptions(database)).map((s) => `${s.email} ${s.status}`),
      ['own@example.eu confirmed', 'friend@example.eu pending'],
    );
  },
);

newsletterTest(
  'a refused subscription says why in the reader’s language, keeps what was typed and stores nothing',
  async ({ app, database, page }) => {
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ email: '' }, /Email address: Fill in this field\./],
      [{ email: 'not an address' }, /Enter an email address like name@example\.eu\./],
      [{ email: `${'a'.repeat(250)}@example.eu` }, /Use at most 254 characters\./],
      [{ email: '<script>alert(1)</script>@x.eu' }, /Enter an email address/],
      [{ email: 'ok@example.eu', topics: ['culture', 'weapons'] }, /Topics: Choose one of the options\./],
    ];
    for (const [fields, error] of cases) {
      const res = await submit(app, page, fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.match(res.body, error);
      assert.match(res.body, /<title>Error: /);
      assert.ok(!res.body.includes('<script>alert(1)'), 'what was typed comes back escaped');
      if (fields.email && !fields.email.includes('<')) assert.ok(res.body.includes(`value="${fields.email}"`), 'the address is kept');
    }
    const german = await submit(app, page.replace('/en/', '/de/'), { email: 'nope' });
    assert.match(german.body, /Geben Sie eine E-Mail-Adresse/);
    const noToken = await app.inject({
      method: 'POST',
      url: page,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=x%40example.eu',
    });
    assert.equal(noToken.statusCode, 403, 'a post without the form’s token is refused');
    assert.deepEqual(await subscriptions(database), []);
  },
);

newsletterTest('addresses that name no newsletter answer 404', async ({ app }) => {
  for (const list of [
    'municipality-999999',
    'municipality-0',
    'nothing-1',
    'municipality',
    'platform-1',
    `municipality-${'9'.repeat(12)}`,
  ]) {
    assert.equal((await app.inject({ url: `/en/newsletters/${list}` })).statusCode, 404, list);
  }
  assert.equal((await app.inject({ url: '/en/newsletters/platform' })).statusCode, 200);
  const footer = (await app.inject({ url: '/fi/' })).body.split('<footer')[1] ?? '';
  assert.match(footer, /<a href="\/fi\/newsletters\/platform">Uutiskirje<\/a>/, 'every page’s footer leads to the portal’s newsletter');
  assert.equal((await app.inject({ url: '/en/newsletters' })).headers.location, '/en/newsletters/platform');
});

newsletterTest('nobody floods a stranger’s inbox: three confirmation mails an hour per address', async ({ app, database, smtp, page }) => {
  for (let i = 0; i < 3; i++) assert.equal((await submit(app, page, { email: 'victim@example.eu' })).statusCode, 303);
  const fourth = await submit(app, page, { email: 'victim@example.eu' });
  assert.equal(fourth.statusCode, 429);
  assert.ok(Number(fourth.headers['retry-after']) > 0);
  assert.match(fourth.body, /Too many attempts/);
  await app.context.mail.deliverDue();
  assert.equal(smtp.messages.length, 3);
  assert.equal((await subscriptions(database)).length, 1);
});

newsletterTest(
  'a joined town’s profile offers its newsletter; a town that has not joined does not',
  async ({ app, database, towns, page }) => {
    const profile = '/en/municipalities/bg/stara-zagora';
    assert.ok(!(await app.inject({ url: profile })).body.includes(page));
    await database.db
      .updateTable('municipalities')
      .set({ joined_at: new Date().toISOString() })
      .where('id', '=', towns.staraZagora)
      .execute();
    const joined = await app.inject({ url: profile });
    assert.match(joined.body, new RegExp(`<a class="button" href="${page}">Subscribe to the newsletter</a>`));
  },
);

newsletterTest('a person’s subscriptions are in their data download and go with their account', async ({ app, database, page }) => {
  const reader = await person(database, { email: 'mine@example.eu' });
  await submit(app, page, { email: 'mine@example.eu' }, reader);
  const me = { userId: reader.id, email: reader.email };
  const data = app.context.personalData.find((p) => p.module === 'newsletters')!.data;
  const exported = (await data.export(me, app.context)) as { newsletterSubscriptions: { email: string; status: string }[] };
  assert.deepEqual(
    exported.newsletterSubscriptions.map((s) => `${s.email} ${s.status}`),
    ['mine@example.eu confirmed'],
  );
  await data.erase(me, app.context);
  assert.deepEqual(await subscriptions(database), []);
});
