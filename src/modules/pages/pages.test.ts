import assert from 'node:assert/strict';
import { appTest, form, formSession } from '../../../test/helpers/app.ts';
import { CHARACTERS_ERROR, fieldError, hasHoneypot, ROBOT } from '../../../test/input.ts';
import { TERMS_VERSION } from './index.ts';
import { countContactMessages } from './repo.ts';

const valid = {
  topic: 'accessibility',
  name: 'Ana Novak',
  email: 'ana@example.si',
  page_url: 'https://portal.test/sl/',
  message: 'The contrast of the menu is too low.',
};

function post(url: string, session: { cookie: string; csrf: string }, fields: Record<string, string>) {
  return {
    method: 'POST' as const,
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: session.csrf, ...fields }),
  };
}

appTest('home, about, accessibility statement, privacy notice and terms of use are served in every complete language', async (app) => {
  for (const lang of ['en', 'bg', 'sl', 'fi', 'de', 'fr']) {
    for (const path of ['/', '/about', '/accessibility', '/privacy', '/terms', '/contact']) {
      const res = await app.inject({ url: `/${lang}${path}` });
      assert.equal(res.statusCode, 200, `${lang}${path}`);
      assert.match(res.body, /<main id="main" tabindex="-1"/);
      assert.match(res.body, /<h1[^>]*>[^<]+<\/h1>/);
    }
  }
  const statement = await app.inject({ url: '/en/accessibility' });
  assert.ok(statement.body.includes('WCAG'));
  assert.ok(statement.body.includes('href="/en/contact?topic=accessibility"'), 'a way to report barriers');
  assert.ok(statement.body.includes('November 21, 2026'));
});

appTest('the terms of use say their version and date, in English and in the reader’s language', async (app) => {
  const en = await app.inject({ url: '/en/terms' });
  assert.equal(en.statusCode, 200);
  assert.match(en.body, /<h1>Terms of use<\/h1>/);
  assert.ok(en.body.includes(`<time datetime="${TERMS_VERSION}">Version ${TERMS_VERSION}, last updated on November 30, 2026</time>`));
  assert.match(en.body, /<h2 id="terms-licence">Who owns what you post<\/h2>/);
  assert.match(en.body, /<a href="#terms-moderation">Moderation and removal<\/a>/, 'the contents link each section');
  assert.ok(en.body.includes('CC BY 4.0'));
  assert.ok(en.body.includes('href="/en/contact"'));
  const sl = await app.inject({ url: '/sl/terms' });
  assert.match(sl.body, /<html lang="sl"/);
  assert.match(sl.body, /<h1>Pogoji uporabe<\/h1>/);
  assert.ok(sl.body.includes(`Različica ${TERMS_VERSION}, nazadnje posodobljena 30. november 2026`));
  assert.ok(!sl.body.includes('Who owns what you post'), 'the text is translated');
  const it = await app.inject({ url: '/it/terms' });
  assert.equal(it.statusCode, 200, 'a language without the text gets it in English');
  assert.match(it.body, /<h1>Terms of use<\/h1>/);
  assert.match((await app.inject({ url: '/sitemaps/pages-all.xml' })).body, /\/en\/terms</);
  const privacy = await app.inject({ url: '/en/privacy' });
  assert.ok(privacy.body.includes('which version of the terms of use you accepted and when'), 'the privacy notice says it is kept');
});

appTest('the layout has a skip link, landmarks, search box, language switcher and footer links', async (app) => {
  const { body } = await app.inject({ url: '/fr/about' });
  assert.match(body, /<a class="skip-link" href="#main">/);
  assert.match(body, /<header class="site-header">/);
  assert.match(body, /<nav class="main-nav" aria-label="[^"]+">/);
  assert.match(body, /<form role="search" class="search-form" action="\/fr\/search" method="get">/);
  assert.match(body, /<details class="lang-switcher">/);
  for (const link of ['/fr/accessibility', '/fr/privacy', '/fr/terms', '/fr/contact', '/fr/about']) {
    assert.ok(body.split('<footer')[1]!.includes(`href="${link}"`), link);
  }
  assert.match(body, /<footer class="site-footer">/);
});

appTest('the main navigation fits one row: cooperation opens as a group that works without JavaScript', async (app) => {
  const nav = (body: string) => /<nav class="main-nav"[^>]*>(.*?)<\/nav>/s.exec(body)![1]!;
  const home = nav((await app.inject({ url: '/fr/' })).body);
  const items = home.match(/<li(?: class="nav-group")?><(?:a|details)/g)!.length - 4;
  assert.equal(items, 7, 'seven items, the group counted once');
  assert.ok(!home.includes('href="/fr/about"'), 'About is in the footer');
  assert.match(
    home,
    /<li class="nav-group"><details><summary>Coopération<\/summary><ul><li><a href="\/fr\/networks">Réseaux<\/a><\/li><li><a href="\/fr\/partner-search">/,
  );
  assert.ok(home.indexOf('/fr/signals') < home.indexOf('nav-group') && home.indexOf('nav-group') < home.indexOf('/fr/awards'));
  const networks = nav((await app.inject({ url: '/fr/networks' })).body);
  assert.match(networks, /<summary class="here">Coopération<\/summary>/, 'the group shows it holds the page');
  assert.match(networks, /<a href="\/fr\/networks" aria-current="page">Réseaux<\/a>/);
  assert.doesNotMatch(home, /aria-current|class="here"/, 'the home page is none of them');
  const orgs = nav((await app.inject({ url: '/fr/organisations' })).body);
  assert.match(orgs, /<a href="\/fr\/organisations" aria-current="page">/);
  assert.doesNotMatch(orgs, /href="\/fr\/networks" aria-current/);
});

appTest('a message sent through the contact form is kept, then the sender sees a thank-you page', async (app, database) => {
  const session = await formSession(app, '/sl/contact?topic=accessibility');
  const res = await app.inject(post('/sl/contact', session, valid));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/sl/contact/thanks');
  const rows = await database.db.selectFrom('contact_messages').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.language, 'sl');
  assert.equal(rows[0]?.topic, 'accessibility');
  assert.equal(rows[0]?.email, 'ana@example.si');
  const thanks = await app.inject({ url: '/sl/contact/thanks' });
  assert.equal(thanks.statusCode, 200);
  assert.match(thanks.body, /class="panel-success"/);
});

appTest('the topic in the link is preselected, an unknown one is ignored', async (app) => {
  assert.match((await app.inject({ url: '/en/contact?topic=joining' })).body, /<option value="joining" selected>/);
  assert.match((await app.inject({ url: '/en/contact?topic=<script>' })).body, /<option value="general" selected>/);
});

appTest('invalid input gets localised errors next to each field, keeps what was typed and stores nothing', async (app, database) => {
  const session = await formSession(app, '/de/contact');
  const typed = {
    topic: 'nonsense',
    name: '',
    email: 'not-an-email',
    page_url: 'javascript:alert(1)',
    message: '   ',
  };
  const res = await app.inject(post('/de/contact', session, typed));
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /<html lang="de"/);
  assert.match(res.body, /class="error-summary" role="alert"/);
  for (const field of ['topic', 'name', 'email', 'page_url', 'message']) {
    assert.match(res.body, new RegExp(`<a href="#${field}">`), `summary links ${field}`);
    assert.match(res.body, new RegExp(`id="${field}-error"`), `error shown at ${field}`);
    assert.match(res.body, new RegExp(`aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-error`), `${field} marked invalid`);
  }
  assert.ok(res.body.includes('value="not-an-email"'), 'keeps the email typed');
  assert.ok(res.body.includes('value="javascript:alert(1)"'), 'keeps the address typed');
  assert.ok(!res.body.includes('Fill in this field'), 'errors are in German');
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('oversized fields are refused with the limit, keeping the text', async (app, database) => {
  const session = await formSession(app, '/fr/contact');
  const long = 'x'.repeat(5001);
  const res = await app.inject(post('/fr/contact', session, { ...valid, message: long, name: 'n'.repeat(121) }));
  assert.equal(res.statusCode, 422);
  assert.ok(res.body.includes('5\u202f000') || res.body.includes('5 000'), 'limit shown, formatted for French');
  assert.ok(res.body.includes(`>${long}</textarea>`));
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('a NUL byte or another control character gets an error at its field, keeping what was typed', async (app, database) => {
  const session = await formSession(app, '/en/contact');
  const res = await app.inject(post('/en/contact', session, { ...valid, name: 'Ana\u0000Novak', message: 'Bell\u0007 and\ttab\r\nline' }));
  assert.equal(res.statusCode, 422);
  assert.equal(fieldError(res.body, 'name'), CHARACTERS_ERROR);
  assert.equal(fieldError(res.body, 'message'), CHARACTERS_ERROR, 'tab and line breaks are fine, the bell is not');
  assert.equal(fieldError(res.body, 'email'), undefined);
  assert.ok(res.body.includes('value="Ana\u0000Novak"'), 'keeps the name typed');
  const bg = await app.inject(post('/bg/contact', await formSession(app, '/bg/contact'), { ...valid, email: 'ana\u0000@example.si' }));
  assert.equal(fieldError(bg.body, 'email'), 'Премахнете невидимите управляващи знаци от това поле.');
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('malicious input comes back inert', async (app, database) => {
  const session = await formSession(app, '/en/contact');
  const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const res = await app.inject(post('/en/contact', session, { ...valid, email: payload, name: payload, message: '' }));
  assert.equal(res.statusCode, 422);
  assert.ok(!res.body.includes('<script>alert(1)'));
  assert.ok(!res.body.includes('<img src=x'));
  assert.ok(res.body.includes('&lt;script>alert(1)&lt;/script>') || res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal(await countContactMessages(database.db), 0);
  // Stored text is kept as typed; it is escaped when shown, not mangled when saved.
  const ok = await app.inject(post('/en/contact', session, { ...valid, name: payload }));
  assert.equal(ok.statusCode, 303);
  assert.equal((await database.db.selectFrom('contact_messages').select('name').executeTakeFirstOrThrow()).name, payload);
});

appTest('a form without a valid CSRF token is refused and changes nothing', async (app, database) => {
  const session = await formSession(app, '/bg/contact');
  const noToken = await app.inject({
    method: 'POST',
    url: '/bg/contact',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(valid),
  });
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /<html lang="bg"/);
  const forged = await app.inject(post('/bg/contact', { cookie: session.cookie, csrf: 'forged-token' }, valid));
  assert.equal(forged.statusCode, 403);
  const other = await formSession(app, '/bg/contact');
  const mixed = await app.inject(post('/bg/contact', { cookie: other.cookie, csrf: session.csrf }, valid));
  assert.equal(mixed.statusCode, 403, "another visitor's token does not work");
  const noCookie = await app.inject(post('/bg/contact', { cookie: '', csrf: session.csrf }, valid));
  assert.equal(noCookie.statusCode, 403);
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('a body over the form limit gets a localised 413 and nothing is stored', async (app, database) => {
  const session = await formSession(app, '/fi/contact');
  const res = await app.inject(post('/fi/contact', session, { ...valid, message: 'x'.repeat(70 * 1024) }));
  assert.equal(res.statusCode, 413);
  assert.match(res.body, /<html lang="fi"/);
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('a body of an unexpected type is refused', async (app, database) => {
  const session = await formSession(app, '/en/contact');
  const res = await app.inject({
    method: 'POST',
    url: '/en/contact',
    headers: { cookie: session.cookie, 'content-type': 'text/xml' },
    payload: '<x/>',
  });
  assert.equal(res.statusCode, 415);
  const json = await app.inject({
    method: 'POST',
    url: '/en/contact',
    headers: { cookie: session.cookie, 'content-type': 'application/json' },
    payload: JSON.stringify({ ...valid, _csrf: session.csrf, topic: ['general'] }),
  });
  assert.equal(json.statusCode, 422, 'a field of the wrong shape is a validation error, not a crash');
  assert.equal(await countContactMessages(database.db), 0);
});

appTest('the contact form is rate limited per address', async (app) => {
  const session = await formSession(app, '/en/contact');
  const codes: number[] = [];
  for (let i = 0; i < 11; i++) codes.push((await app.inject(post('/en/contact', session, { ...valid, message: `m${i}` }))).statusCode);
  assert.deepEqual(codes.slice(0, 10), Array(10).fill(303));
  assert.equal(codes[10], 429);
  const elsewhere = await app.inject({ ...post('/en/contact', session, valid), remoteAddress: '203.0.113.9' });
  assert.equal(elsewhere.statusCode, 303, 'another address is not affected');
});

appTest('search finds pages in the reader’s language whatever the accents and case', async (app) => {
  const en = await app.inject({ url: '/en/search?q=ACCESSIBILITY' });
  assert.equal(en.statusCode, 200);
  assert.ok(en.body.includes('href="/en/accessibility"'));
  const de = await app.inject({ url: `/de/search?q=${encodeURIComponent('barrierefreiheit')}` });
  assert.ok(de.body.includes('href="/de/accessibility"'));
  const fr = await app.inject({ url: `/fr/search?q=${encodeURIComponent('DECLARATION accessibilite')}` });
  assert.ok(fr.body.includes('href="/fr/accessibility"'), 'accents do not matter');
  const terms = await app.inject({ url: `/de/search?q=${encodeURIComponent('nutzungsbedingungen')}` });
  assert.ok(terms.body.includes('href="/de/terms"'));
  const none = await app.inject({ url: '/en/search?q=zzzqqq' });
  assert.match(none.body, /No results for “zzzqqq”/);
});

appTest('search with odd input: empty, too long, repeated, or hostile', async (app) => {
  const empty = await app.inject({ url: '/en/search' });
  assert.equal(empty.statusCode, 200);
  assert.ok(!empty.body.includes('results-heading'));
  const long = 'a'.repeat(201);
  const tooLong = await app.inject({ url: `/en/search?q=${long}` });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /at most 200 characters/);
  assert.ok(tooLong.body.includes(`value="${long}"`), 'keeps what was typed');
  const repeated = await app.inject({ url: '/en/search?q=a&q=b' });
  assert.equal(repeated.statusCode, 200);
  const hostile = await app.inject({ url: `/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}` });
  assert.ok(!hostile.body.includes('<script>alert(1)'));
});

appTest('a robot that fills in the hidden field is thanked, and its message is not kept', async (app, database) => {
  const page = await app.inject({ url: '/en/contact' });
  assert.ok(hasHoneypot(page.body), 'the form holds the trap');
  const session = await formSession(app, '/en/contact');
  const res = await app.inject(post('/en/contact', session, { ...valid, ...ROBOT }));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/en/contact/thanks');
  assert.equal(await countContactMessages(database.db), 0);
});
