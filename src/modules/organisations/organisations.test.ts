import assert from 'node:assert/strict';
import sharp from 'sharp';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit, submitFiles } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { fieldError } from '../../../test/input.ts';

const names = async (database: TestDatabase) =>
  (await database.db.selectFrom('organisations').select('name').orderBy('id').execute()).map((o) => o.name);

appTest('a person registers an organisation, represents it and edits it; others cannot', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const founder = await person(database, { name: 'Mira Petrova' });
  const stranger = await person(database);
  const made = await submit(
    app,
    '/en/organisations/new',
    {
      name: 'Zelena Zagora',
      kind: 'ngo',
      country: '',
      town: 'Stara Zagora',
      website: 'https://zelena.example.bg',
      areas: ['environment', 'climate'],
    },
    founder,
  );
  assert.equal(made.statusCode, 303);
  assert.equal(made.headers.location, '/en/organisations/zelena-zagora');
  const row = await database.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual([row.country, row.municipality_id, row.areas], ['BG', staraZagora, 'environment,climate'], 'the town gives the country');
  const grant = await database.db
    .selectFrom('role_grants')
    .select(['role', 'scope_id'])
    .where('user_id', '=', founder.id)
    .executeTakeFirst();
  assert.deepEqual(grant, { role: 'organisation_representative', scope_id: row.id });

  const page = (await app.inject({ url: '/en/organisations/zelena-zagora', headers: { cookie: founder.cookie } })).body;
  assert.match(page, /<h1>Zelena Zagora<\/h1>/);
  assert.ok(page.includes('Mira Petrova'), 'the representative is named');
  assert.ok(!page.includes(founder.email), 'never their address');
  assert.ok(page.includes('href="/en/organisations/zelena-zagora/edit"') && page.includes(`href="/en/team/organisation/${row.id}"`));
  assert.ok(page.includes('Urban environment and ecology'));
  const other = (await app.inject({ url: '/en/organisations/zelena-zagora', headers: { cookie: stranger.cookie } })).body;
  assert.ok(!other.includes('/edit"'), 'others see no edit link');

  // Same name again: an address of its own.
  const twin = await submit(app, '/en/organisations/new', { name: 'Zelena Zagora', kind: 'business' }, stranger);
  assert.equal(twin.headers.location, '/en/organisations/zelena-zagora-2');

  assert.equal((await app.inject({ url: '/en/organisations/zelena-zagora/edit', headers: { cookie: stranger.cookie } })).statusCode, 403);
  const forged = await submit(
    app,
    '/en/organisations/zelena-zagora-2/edit',
    { name: 'Hijacked', kind: 'ngo' },
    stranger,
    '/en/organisations/zelena-zagora/edit',
  );
  assert.equal(forged.statusCode, 403);
  assert.deepEqual(await names(database), ['Zelena Zagora', 'Zelena Zagora']);

  const edited = await submit(
    app,
    '/en/organisations/zelena-zagora/edit',
    { name: 'Zelena Zagora NGO', kind: 'ngo', country: 'BG' },
    founder,
  );
  assert.equal(edited.statusCode, 303);
  assert.equal(edited.headers.location, '/en/organisations/zelena-zagora', 'the address stays');
  assert.deepEqual(await names(database), ['Zelena Zagora NGO', 'Zelena Zagora']);
  const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).execute();
  assert.deepEqual(audit, [{ action: 'organisation.edit', subject_id: row.id }]);

  const platformEditor = await person(database, { roles: [['platform_editor', null]] });
  assert.equal(
    (await app.inject({ url: '/en/organisations/zelena-zagora/edit', headers: { cookie: platformEditor.cookie } })).statusCode,
    200,
  );
  const unconfirmed = await person(database, { confirmed: false });
  assert.equal((await app.inject({ url: '/en/organisations/new', headers: { cookie: unconfirmed.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: '/en/organisations/new' })).statusCode, 303, 'a visitor is sent to sign in');
  assert.equal((await app.inject({ url: '/en/organisations/nothing-here' })).statusCode, 404);
});

appTest('bad input is refused in the reader’s language, what was typed is kept and nothing is stored', async (app, database) => {
  await sampleTowns(database);
  const ana = await person(database);
  const bad = await submit(
    app,
    '/de/organisations/new',
    {
      name: '<script>alert(1)</script>'.repeat(10),
      kind: 'cult',
      country: 'XX',
      website: "javascript:alert('x')",
      areas: ['taxes', "'; drop table organisations; --"],
    },
    ana,
  );
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /<title>Fehler: /);
  for (const f of ['name', 'kind', 'country', 'website', 'areas']) assert.ok(fieldError(bad.body, f), f);
  assert.ok(bad.body.includes('&lt;script>alert(1)&lt;/script>'), 'typed text is shown back, escaped');
  assert.ok(!bad.body.includes('<script>alert(1)'));

  const town = await submit(
    app,
    '/en/organisations/new',
    { name: 'Green School', kind: 'school', country: 'SI', town: 'Stara Zagora' },
    ana,
  );
  assert.equal(town.statusCode, 422);
  assert.match(fieldError(town.body, 'town') ?? '', /No single town of that name/);
  assert.ok(town.body.includes('value="Green School"') && town.body.includes('value="Stara Zagora"'));
  const long = await submit(app, '/en/organisations/new', { name: 'x'.repeat(161), kind: 'ngo', description: 'y'.repeat(5001) }, ana);
  assert.equal(long.statusCode, 422);
  assert.ok(fieldError(long.body, 'name') && fieldError(long.body, 'description'));
  assert.deepEqual(await names(database), []);
  assert.equal((await database.db.selectFrom('role_grants').select('id').execute()).length, 0);
});

appTest('a logo that is not an image is refused; a picture is stored as WebP and shown', async (app, database) => {
  const rep = await person(database);
  await submit(app, '/en/organisations/new', { name: 'Bistrica Bike Works', kind: 'business' }, rep);
  const edit = '/en/organisations/bistrica-bike-works/edit';
  const logo = '/en/organisations/bistrica-bike-works/logo';
  const fake = await submitFiles(
    app,
    edit,
    {},
    { logo: { name: 'logo.png', data: Buffer.from('<svg onload="alert(1)"></svg>'.repeat(10)), type: 'image/png' } },
    rep,
    logo,
  );
  assert.equal(fake.statusCode, 422);
  assert.match(fake.body, /The file must be a PNG, JPEG or WebP image\./);
  assert.equal((await database.db.selectFrom('organisations').select('logo').executeTakeFirstOrThrow()).logo, null);
  const stranger = await person(database);
  const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#26a' } })
    .png()
    .toBuffer();
  const refused = await submitFiles(app, '/en/organisations/new', {}, { logo: { name: 'l.png', data: png } }, stranger, logo);
  assert.equal(refused.statusCode, 403);
  const ok = await submitFiles(app, edit, {}, { logo: { name: 'l.png', data: png, type: 'image/png' } }, rep, logo);
  assert.equal(ok.statusCode, 303);
  const src = /<img class="network-logo" src="(\/media\/organisations\/[^"]+-320\.webp)"/.exec(
    (await app.inject({ url: '/en/organisations/bistrica-bike-works' })).body,
  )?.[1];
  assert.ok(src);
  const served = await app.inject({ url: src });
  assert.equal(served.headers['content-type'], 'image/webp');
});

appTest('the list filters by kind, country and area and pages; the API gives public data only', async (app, database) => {
  await sampleTowns(database);
  const rep = await person(database);
  await submit(app, '/en/organisations/new', { name: 'Zelena Zagora', kind: 'ngo', country: 'BG', areas: 'environment' }, rep);
  await submit(app, '/en/organisations/new', { name: 'Bistrica Bike Works', kind: 'business', country: 'SI', areas: 'mobility' }, rep);
  const list = (q: string) => app.inject({ url: `/en/organisations${q}` });
  const all = (await list('')).body;
  assert.ok(all.includes('Zelena Zagora') && all.includes('Bistrica Bike Works'));
  const ngo = (await list('?kind=ngo')).body;
  assert.ok(ngo.includes('Zelena Zagora') && !ngo.includes('Bistrica Bike Works'));
  const si = (await list('?country=si&area=mobility')).body;
  assert.ok(!si.includes('>Zelena Zagora<') && si.includes('Bistrica Bike Works'));
  assert.equal((await list('?kind=<script>&country=zz')).statusCode, 200, 'a bad filter reads as none');
  assert.equal((await list('?page=9')).statusCode, 404);

  const api = (await app.inject({ url: '/api/v1/organisations?country=bg' })).json() as { data: Record<string, unknown>[]; total: number };
  assert.equal(api.total, 1);
  assert.equal(api.data[0]!.slug, 'zelena-zagora');
  assert.ok(!JSON.stringify(api).includes(rep.email) && !('created_by' in api.data[0]!));
  assert.equal((await app.inject({ url: '/api/v1/organisations?kind=cult' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/organisations/zelena-zagora' })).json().name, 'Zelena Zagora');
  assert.equal((await app.inject({ url: '/api/v1/organisations/none' })).statusCode, 404);
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  for (const p of ['/organisations', '/organisations/{slug}', '/partnerships']) assert.ok(doc.paths[p], p);
});

appTest(
  'representatives publish good practices in the organisation’s name; its profile shows them, another organisation’s cannot',
  async (app, database) => {
    const rep = await person(database);
    const other = await person(database);
    await submit(app, '/en/organisations/new', { name: 'Zelena Zagora', kind: 'ngo' }, rep);
    await submit(app, '/en/organisations/new', { name: 'Bistrica Bike Works', kind: 'business' }, other);
    const [zelena, bikes] = (await database.db.selectFrom('organisations').select('id').orderBy('id').execute()).map((o) => o.id);
    const practice = {
      ...NEWS,
      type: 'practice',
      title: 'Repair cafés every month',
      problem: 'Broken things were thrown away.',
      solution: 'Volunteers repair them with their owners.',
      results: '400 things repaired a year.',
    };
    const forged = await submit(
      app,
      '/en/newsroom/new?type=practice',
      { ...practice, owner: `organisation:${zelena}` },
      other,
      '/en/newsroom/new',
    );
    assert.notEqual(forged.statusCode, 303, 'no practice in another organisation’s name');
    const saved = await submit(
      app,
      '/en/newsroom/new?type=practice',
      { ...practice, owner: `organisation:${zelena}` },
      rep,
      '/en/newsroom/new',
    );
    assert.equal(saved.statusCode, 303);
    const id = idFrom(saved.headers.location);
    await submit(app, `/en/newsroom/${id}/edit`, {}, rep, `/en/newsroom/${id}/publish?when=now`);
    const items = await database.db.selectFrom('content_items').select(['owner_type', 'owner_id', 'state']).execute();
    assert.deepEqual(items, [{ owner_type: 'organisation', owner_id: zelena, state: 'published' }]);
    assert.ok((await app.inject({ url: '/en/organisations/zelena-zagora' })).body.includes('Repair cafés every month'));
    assert.ok(!(await app.inject({ url: '/en/organisations/bistrica-bike-works' })).body.includes('Repair cafés every month'));
    const listing = (await app.inject({ url: `/en/latest?organisation=${zelena}` })).body;
    assert.ok(listing.includes('Repair cafés every month') && listing.includes('From the organisation Zelena Zagora only.'));
    assert.ok(!(await app.inject({ url: `/en/latest?organisation=${bikes}` })).body.includes('Repair cafés every month'));
  },
);
