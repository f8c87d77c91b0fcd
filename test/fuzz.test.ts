import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../src/modules/accounts/routes/session.ts';
import { startSession } from '../src/modules/accounts/service/sessions.ts';
import { idFrom, NEWS, sampleTowns } from './content.ts';
import { formAs, person, submit } from './factories.ts';
import { createTestApp } from './helpers/app.ts';
import { dbTest } from './helpers/db.ts';
import { BAD_FIELD_VALUES, BAD_QUERIES, BAD_VALUES, brokenBodies, multipart, type Route, routesOf, snapshot } from './helpers/fuzz.ts';

// Tables that change on every request whatever it holds: sessions are touched, created for the
// fuzzing person and ended by sign-out; throttle counts failed attempts, as it should.
const CHANGING = ['sessions', 'throttle'];
const NOTHING = '999999';

/** Fields a form may have beside those its page shows, e.g. of routes without a page of their own. */
const FIELDS = [
  'name',
  'email',
  'message',
  'title',
  'summary',
  'body',
  'reason',
  'when',
  'publish_at',
  'password',
  'current_password',
  'role',
  'type',
  'owner',
  'language',
];

dbTest('no bad input gives a 5xx or changes the database', async (database, t) => {
  const app = await createTestApp(database);
  try {
    const { staraZagora } = await sampleTowns(database);
    const admin = await person(database, {
      roles: [
        ['platform_admin', null],
        ['municipality_admin', staraZagora],
      ],
    });
    const news = idFrom(
      (await submit(app, '/en/newsroom/new?type=news', { ...NEWS, owner: `municipality:${staraZagora}` }, admin, '/en/newsroom/new'))
        .headers.location,
    );
    await submit(app, `/en/newsroom/${news}/edit`, {}, admin, `/en/newsroom/${news}/publish?when=now`);
    const org = /\/organisations\/([a-z0-9-]+)$/.exec(
      String((await submit(app, '/en/organisations/new', { name: 'Zelena Zagora', kind: 'ngo' }, admin)).headers.location),
    )?.[1];
    assert.ok(news > 0 && org);
    const { cookie: csrfCookie, csrf } = await formAs(app, '/en/contact');

    // The real things an address names, so that a bad value in one place is the only thing wrong.
    const good = (name: string, route: Route): string => {
      const postOnly = route.method === 'POST' && !routes.some((r) => r.method === 'GET' && r.path === route.path);
      // A route that acts without reading a body gets ids that name nothing, or it would act.
      if (postOnly && ['id', 'ref', 'token', 'grant', 'invitation', 'revision'].includes(name)) return NOTHING;
      if (name === 'id') {
        if (route.path.includes('/newsroom/') || route.path.startsWith('/api/v1/content')) return String(news);
        return route.path.includes('/admin/') ? NOTHING : String(staraZagora);
      }
      if (name === 'file')
        return route.path.includes('/feeds/') ? 'content.rss' : route.path.includes('sitemaps') ? 'index.xml' : 'none.webp';
      const values: Record<string, string> = {
        lang: 'en',
        country: 'bg',
        slug: route.path.includes('/organisations/') ? org : 'stara-zagora',
        type: 'municipality',
        area: 'environment',
        ref: String(news),
        '*': 'app.css',
        token: randomBytes(32).toString('base64url'),
      };
      return values[name] ?? NOTHING;
    };
    const fill = (route: Route, bad?: { name: string; value: string }) =>
      route.path.replace(/:(\w+)|\*/g, (whole, name: string | undefined) =>
        bad?.name === (name ?? '*') ? bad.value : good(name ?? whole, route),
      );

    const routes = routesOf(app);
    assert.ok(routes.length > 80, `${routes.length} routes found`);
    assert.ok(routes.some((r) => r.method === 'POST' && r.path === '/:lang/contact'));

    const before = await snapshot(database, CHANGING);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let tried = 0;
    async function send(method: Route['method'], url: string, headers: Record<string, string> = {}, payload?: string) {
      tried += 1;
      // Each request from its own address: the per-route rate limits would otherwise answer 429 before the handler.
      const remoteAddress = `10.${(tried >> 16) & 255}.${(tried >> 8) & 255}.${tried & 255}`;
      try {
        const res = await app.inject({ method, url, headers, payload, remoteAddress });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500)
          failures.push(`${res.statusCode} ${method} ${url.slice(0, 200)} ${headers['content-type'] ?? ''} ${res.body.slice(0, 200)}`);
      } catch (err) {
        failures.push(`threw ${method} ${url.slice(0, 200)}: ${String(err)}`);
      }
    }

    for (const route of routes) {
      const session = `${SESSION_COOKIE}=${await startSession(database.db, admin.id, { ip: '127.0.0.1', userAgent: 'fuzz' })}`;
      const signedIn = { cookie: `${session}; ${csrfCookie}` };
      const anonymous = { cookie: csrfCookie };
      const names = [...route.path.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
      const body = { 'content-type': 'application/x-www-form-urlencoded' };
      // Path parameters, one at a time.
      for (const name of names) {
        for (const value of BAD_VALUES) await send(route.method, fill(route, { name, value }), { ...signedIn, ...body }, `_csrf=${csrf}`);
      }
      const url = fill(route);
      if (route.method === 'GET') {
        for (const query of BAD_QUERIES) await send('GET', `${url}?${query}`, signedIn);
        continue;
      }
      // Form fields: those of the route's page, and common ones.
      const page = await app.inject({ url, headers: signedIn });
      const shown = [...page.body.matchAll(/<(?:input|textarea|select)[^>]*?name="([^"]+)"/g)].map((m) => m[1]!);
      const fields = [...new Set([...shown, ...FIELDS])].filter((f) => f !== '_csrf');
      for (const who of [signedIn, anonymous]) {
        for (const value of BAD_FIELD_VALUES) {
          const values = Object.fromEntries(fields.map((f) => [f, value]));
          await send('POST', url, { ...who, ...body }, new URLSearchParams({ _csrf: csrf, ...values }).toString());
          await send(
            'POST',
            `${url}?q=${encodeURIComponent(value)}`,
            { ...who, ...body },
            `_csrf=${csrf}&${fields.map((f) => `${f}=a&${f}=b`).join('&')}`,
          );
          const parts = multipart({ _csrf: csrf, ...values });
          await send('POST', url, { ...who, 'content-type': parts.contentType }, parts.payload);
          await send('POST', url, { ...who, 'content-type': 'application/json' }, JSON.stringify({ _csrf: csrf, ...values }));
        }
        for (const [type, payload] of brokenBodies(csrf)) await send('POST', url, { ...who, 'content-type': type }, payload);
      }
      // Without a CSRF token, the body is still read (and must still be refused cleanly).
      await send('POST', url, { ...signedIn, ...body }, 'name=a%00b');
    }

    t.diagnostic(
      `fuzzed ${routes.length} routes × bad inputs: ${tried} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    assert.deepEqual(failures, [], `${failures.length} requests failed`);
    // Handlers were reached (a broken session or CSRF token would leave only 403s and redirects).
    assert.ok((statuses.get(422) ?? 0) > 100 && (statuses.get(200) ?? 0) > 1000, 'forms validated, pages rendered');
    const after = await snapshot(database, CHANGING);
    assert.deepEqual(
      Object.keys(after).filter((k) => after[k] !== before[k]),
      [],
      'tables changed',
    );
  } finally {
    await app.close();
  }
});
