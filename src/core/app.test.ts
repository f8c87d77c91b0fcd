import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appTest, createTestApp, testConfig } from '../../test/helpers/app.ts';
import { createTestDatabase, DIALECTS, dbTest } from '../../test/helpers/db.ts';
import { modules } from '../modules/index.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { LANGUAGE_CODES } from './i18n/languages.ts';

appTest('/ sends each visitor to their language', async (app) => {
  const de = await app.inject({ url: '/', headers: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' } });
  assert.equal(de.statusCode, 302);
  assert.equal(de.headers.location, '/de/');
  assert.match(String(de.headers.vary), /Accept-Language/);
  const none = await app.inject({ url: '/' });
  assert.equal(none.headers.location, '/en/');
  const bare = await app.inject({ url: '/fi' });
  assert.equal(bare.statusCode, 301);
  assert.equal(bare.headers.location, '/fi/');
});

appTest('every page carries lang, hreflang alternates for all 24 languages and a canonical URL', async (app) => {
  for (const lang of LANGUAGE_CODES) {
    const res = await app.inject({ url: `/${lang}/about` });
    assert.equal(res.statusCode, 200, lang);
    assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    assert.match(res.body, new RegExp(`<link rel="canonical" href="http://portal.test/${lang}/about"/>`));
    for (const other of LANGUAGE_CODES) {
      assert.ok(
        res.body.includes(`<link rel="alternate" hreflang="${other}" href="http://portal.test/${other}/about"/>`),
        `${lang} → ${other}`,
      );
    }
    assert.ok(res.body.includes('hreflang="x-default"'));
  }
});

appTest('the language switcher keeps the current page and its query', async (app) => {
  const res = await app.inject({ url: '/en/search?q=privacy' });
  assert.ok(res.body.includes('<a href="/bg/search?q=privacy" hreflang="bg" lang="bg">български</a>'));
  assert.ok(res.body.includes('<a href="/en/search?q=privacy" hreflang="en" lang="en" aria-current="true">English</a>'));
});

appTest('pages are translated and fall back to English key by key', async (app) => {
  const bg = await app.inject({ url: '/bg/' });
  assert.match(bg.body, /<a class="skip-link" href="#main">[^<]*[а-я]/);
  const fi = await app.inject({ url: '/fi/privacy' });
  assert.ok(!fi.body.includes('Privacy notice'));
  const cs = await app.inject({ url: '/cs/contact' });
  assert.equal(cs.statusCode, 200);
  assert.ok(cs.body.includes('Send message'), 'untranslated message shown in English');
});

appTest('unknown pages get a localised 404, also under an unknown language', async (app) => {
  const bg = await app.inject({ url: '/bg/no-such-page' });
  assert.equal(bg.statusCode, 404);
  assert.match(bg.body, /<html lang="bg"/);
  assert.match(bg.body, /<meta name="robots" content="noindex"\/>/);
  assert.ok(!bg.body.includes('Page not found'));
  const xx = await app.inject({ url: '/xx/about', headers: { 'accept-language': 'fr' } });
  assert.equal(xx.statusCode, 404);
  assert.match(xx.body, /<html lang="fr"/);
  const api = await app.inject({ url: '/api/v1/nothing' });
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /application\/problem\+json/);
  assert.equal(api.json().status, 404);
});

appTest('strict security headers, and a CSP without unsafe-inline', async (app) => {
  const res = await app.inject({ url: '/en/' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers['x-frame-options'], undefined, 'no X-Frame-Options that would say otherwise');
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  assert.match(String(res.headers['permissions-policy']), /camera=\(\)/);
  assert.ok(!/style=/.test(res.body), 'no inline styles');
  assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/.test(res.body), 'no inline script: every script is a file');
});

appTest(
  'map tiles are allowed from the configured tile server only',
  async (app) => {
    const csp = String((await app.inject({ url: '/en/' })).headers['content-security-policy']);
    assert.match(csp, /img-src 'self' data: blob: https:\/\/tiles\.example\.eu;/);
  },
  { MAP_TILE_URL: 'https://tiles.example.eu/{z}/{x}/{y}.png' },
);

appTest(
  'HSTS is sent when the portal is served over https',
  async (app) => {
    const res = await app.inject({ url: '/en/' });
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
  },
  { BASE_URL: 'https://portal.example.eu' },
);

dbTest('a crash gives a localised 500 page without the stack outside development', async (database) => {
  for (const env of ['production', 'development'] as const) {
    const app = await createTestApp(database, { NODE_ENV: env });
    app.get('/:lang/boom', async () => {
      throw new Error('secret internals at /srv/app.ts:42');
    });
    const res = await app.inject({ url: '/de/boom' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<html lang="de"/);
    assert.equal(res.body.includes('secret internals'), env === 'development', env);
    const json = await app.inject({ url: '/de/boom', headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 500);
    assert.equal(JSON.stringify(json.json()).includes('secret internals'), env === 'development');
    await app.close();
  }
});

appTest('static assets are served with long-lived caching', async (app) => {
  const page = await app.inject({ url: '/en/' });
  const href = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
  assert.ok(href);
  const css = await app.inject({ url: href });
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(css.body, /@media print/);
});

appTest('healthz answers 200 with the database state', async (app, database) => {
  const res = await app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.database.dialect, database.dialect);
  assert.equal(body.database.status, 'up');
});

dbTest('healthz answers 503 when the database is gone', async (database) => {
  const app = await createTestApp(database);
  await database.close();
  const res = await app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().database.status, 'down');
  await app.close();
});

if (DIALECTS.includes('postgres')) {
  test('healthz answers 503 when PostgreSQL cannot be reached', async () => {
    const template = await createTestDatabase('sqlite');
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    const app = await buildApp({ config: testConfig(template), database: unreachable, modules, logger: false });
    const res = await app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json().database, { dialect: 'postgres', status: 'down' });
    await app.close();
    await unreachable.close();
    await template.drop();
  });
}

appTest(
  'general rate limit answers 429 with Retry-After on a localised page',
  async (app) => {
    for (let i = 0; i < 3; i++) assert.equal((await app.inject({ url: '/en/about' })).statusCode, 200);
    const limited = await app.inject({ url: '/fi/about' });
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers['retry-after']);
    assert.match(limited.body, /<html lang="fi"/);
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'health checks are never limited');
  },
  { RATE_LIMIT_PER_MINUTE: '3' },
);

appTest('robots.txt and favicon', async (app) => {
  assert.match((await app.inject({ url: '/robots.txt' })).body, /Disallow: \/api\//);
  assert.equal((await app.inject({ url: '/favicon.ico' })).headers.location, '/static/favicon.svg');
});
