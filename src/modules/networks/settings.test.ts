import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { sampleTowns } from '../../../test/content.ts';
import { formAs, person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleMembership, sampleNetwork } from '../../../test/scopes.ts';

const NETWORK = '/en/networks/green-towns';
const SETTINGS = `${NETWORK}/settings`;
const KINDS = `${NETWORK}/kinds`;

/** What the settings form holds for Green Towns as sampleNetwork makes it, to change one thing at a time. */
const FORM = {
  kind: 'association',
  founded_year: '2010',
  website: '',
  areas: ['climate'],
  languages: ['en'],
  name_en: 'Green Towns',
  acronym_en: '',
  description_en: 'Green Towns work together.',
};

const textsOf = (database: TestDatabase) =>
  database.db.selectFrom('network_texts').select(['language', 'name', 'acronym', 'description']).orderBy('language').execute();
const auditOf = (database: TestDatabase) =>
  database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', 'like', 'network.%').orderBy('id').execute();
const kindCodes = async (database: TestDatabase) =>
  (await database.db.selectFrom('membership_kinds').select('code').orderBy('id').execute()).map((k) => k.code);

appTest('a coordinator writes the network’s texts in two languages; every page and the API show them at once', async (app, database) => {
  const net = await sampleNetwork(database);
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  // Read once in each language first, so that what is kept of them has to be read again.
  for (const url of [NETWORK, '/bg/networks/green-towns', '/en/networks', `/api/v1/networks/${net.id}?lang=bg`]) {
    assert.equal((await app.inject({ url })).statusCode, 200, url);
  }
  const form = await app.inject({ url: `${SETTINGS}?language=bg`, headers: { cookie: coordinator.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.headers['cache-control'] ?? '', /no-store/);
  assert.match(form.body, /name="name_en" value="Green Towns"/);
  assert.match(form.body, /name="name_bg" value maxlength/, '?language=bg opens the fields of Bulgarian');
  assert.ok(!/name="name_fi"/.test(form.body), 'and of no other language');

  const saved = await submit(
    app,
    `${SETTINGS}?language=bg`,
    {
      ...FORM,
      kind: 'initiative',
      founded_year: '2012',
      website: 'https://green.example/',
      areas: ['climate', 'mobility'],
      languages: ['en', 'bg'],
      name_en: 'Green Towns Alliance',
      acronym_en: 'GTA',
      description_en: 'Towns that plant trees.\r\n\r\nAnd share <b>bicycles</b> <script>alert(1)</script>.',
      name_bg: 'Зелени градове',
      acronym_bg: 'ЗГ',
      description_bg: 'Градове, които садят дървета.',
    },
    coordinator,
    SETTINGS,
  );
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${SETTINGS}?notice=saved`);
  assert.match(
    (await app.inject({ url: String(saved.headers.location), headers: { cookie: coordinator.cookie } })).body,
    /Your changes are saved/,
  );

  const page = (await app.inject({ url: NETWORK })).body;
  assert.match(page, /<h1>Green Towns Alliance \(GTA\)<\/h1>/);
  assert.match(page, /<p>Towns that plant trees\.<\/p><p>And share &lt;b>bicycles&lt;\/b> &lt;script>alert\(1\)&lt;\/script>\.<\/p>/);
  assert.ok(!page.includes('<script>alert(1)'), 'a description is text, never markup');
  assert.match(page, /<dd>Initiative<\/dd>/);
  assert.match(page, /<dd>2012<\/dd>/);
  assert.match(page, /href="https:\/\/green\.example\/"/);
  assert.match((await app.inject({ url: '/bg/networks/green-towns' })).body, /<h1>Зелени градове \(ЗГ\)<\/h1>/);
  assert.match((await app.inject({ url: '/fi/networks/green-towns' })).body, /<h1 lang="en">Green Towns Alliance \(GTA\)<\/h1>/);
  assert.match((await app.inject({ url: '/en/networks' })).body, /href="\/en\/networks\/green-towns">Green Towns Alliance \(GTA\)<\/a>/);
  const api = (await app.inject({ url: `/api/v1/networks/${net.id}?lang=bg` })).json() as Record<string, unknown>;
  assert.deepEqual(
    [api.name, api.acronym, api.kind, api.foundedYear, api.website, api.areas],
    ['Зелени градове', 'ЗГ', 'initiative', 2012, 'https://green.example/', ['climate', 'mobility']],
  );
  assert.deepEqual(await auditOf(database), [{ action: 'network.edit', actor_id: coordinator.id }]);

  // Bulgarian goes; English, the original, stays whatever the form says.
  const form2 = await app.inject({ url: SETTINGS, headers: { cookie: coordinator.cookie } });
  assert.match(form2.body, /name="remove" value="bg"/);
  assert.ok(!form2.body.includes('name="remove" value="en"'), 'the original language cannot be removed');
  const removed = await submit(
    app,
    SETTINGS,
    { ...FORM, languages: ['en', 'bg'], name_en: 'Green Towns Alliance', name_bg: 'Зелени градове', remove: ['bg', 'en'] },
    coordinator,
  );
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(
    (await textsOf(database)).map((t) => [t.language, t.name]),
    [['en', 'Green Towns Alliance']],
  );
  assert.match((await app.inject({ url: '/bg/networks/green-towns' })).body, /<h1 lang="en">Green Towns Alliance<\/h1>/);
});

appTest(
  'the network’s page and the coordinators’ list link the settings and the kinds, for those who may edit only',
  async (app, database) => {
    const net = await sampleNetwork(database);
    const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
    for (const url of [NETWORK, `${NETWORK}/manage`]) {
      const body = (await app.inject({ url, headers: { cookie: coordinator.cookie } })).body;
      assert.match(body, /href="\/en\/networks\/green-towns\/settings"/, url);
      assert.match(body, /href="\/en\/networks\/green-towns\/kinds"/, url);
    }
    const visitor = (await app.inject({ url: NETWORK })).body;
    assert.ok(!visitor.includes('/settings"') && !visitor.includes('/kinds"'));
  },
);

appTest('bad settings are refused with a localised message, what was typed kept, and nothing changes', async (app, database) => {
  const net = await sampleNetwork(database);
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const before = await textsOf(database);
  const refused = async (fields: Record<string, string | string[]>, url = SETTINGS) => {
    const res = await submit(app, url, { ...FORM, ...fields }, coordinator);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, /<title>(Error|Грешка): /);
    return res.body;
  };

  assert.match(await refused({ name_en: '   ' }), /id="name_en-error"><span class="visually-hidden">Error: <\/span>Fill in this field\./);
  const long = await refused({ name_en: 'x'.repeat(151), acronym_en: 'A'.repeat(31) });
  assert.match(long, /Name \(English\): Use at most 150 characters\./);
  assert.match(long, /Acronym \(English\): Use at most 30 characters\./);
  assert.match(long, new RegExp(`value="${'x'.repeat(151)}"`));
  const many = await refused({
    website: 'javascript:alert(1)',
    founded_year: '3000',
    description_en: '<script>alert("x")</script>',
    kind: 'cabal',
    areas: ['climate', 'astrology'],
  });
  assert.match(many, /Enter a web address starting with http:\/\/ or https:\/\//);
  assert.match(many, /Enter a year from 1800 to this year/);
  assert.match(many, /value="javascript:alert\(1\)"/);
  assert.match(many, /value="3000"/);
  assert.match(many, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script><\/textarea>/);
  assert.ok(!many.includes('<script>alert("x")'));
  assert.match(many, /id="areas-error"/);
  assert.match(await refused({ founded_year: '1799' }), /Enter a year from 1800/);
  assert.match(await refused({ website: 'http://no spaces.eu' }), /Enter a web address/);
  assert.match(
    await refused({ languages: ['en', 'de'], name_de: '', acronym_de: 'GT', name_en: '' }),
    /name="acronym_de"[^>]*value="GT"/,
    'a new language with something typed needs its name too, and keeps what was typed',
  );
  // The same form in Bulgarian says it in Bulgarian.
  const bg = await refused({ name_en: '' }, '/bg/networks/green-towns/settings');
  assert.match(bg, /<title>Грешка: /);
  assert.match(bg, /Попълнете това поле\./);

  assert.deepEqual(await textsOf(database), before);
  const row = await database.db.selectFrom('networks').select(['kind', 'founded_year', 'website', 'areas']).executeTakeFirstOrThrow();
  assert.deepEqual(row, { kind: 'association', founded_year: 2010, website: null, areas: 'climate' });
  assert.deepEqual(await auditOf(database), []);
});

appTest('another network’s coordinator, a network editor, a town’s staff and a citizen cannot edit a network', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  const other = await sampleNetwork(database, 'blue-towns', 'Blue Towns');
  const strangers = [
    await person(database, { roles: [['network_coordinator', other.id]], name: 'other coordinator' }),
    await person(database, { roles: [['network_editor', net.id]], name: 'network editor' }),
    await person(database, { roles: [['municipality_admin', towns.staraZagora]], name: 'town admin' }),
    await person(database, { name: 'citizen' }),
  ];
  const before = { texts: await textsOf(database), kinds: await kindCodes(database) };
  const posts: [string, Record<string, string | string[]>][] = [
    [SETTINGS, { ...FORM, name_en: 'Taken over' }],
    [`${NETWORK}/logo/remove`, {}],
    [KINDS, { code: 'sneaky', label_en: 'Sneaky', applicants: 'both' }],
    [`${KINDS}/${net.kind}`, { code: 'renamed', label_en: 'Renamed', applicants: 'both' }],
    [`${KINDS}/${net.kind}/delete`, {}],
  ];
  for (const who of strangers) {
    for (const url of [SETTINGS, KINDS, `${KINDS}/${net.kind}`]) {
      assert.equal((await app.inject({ url, headers: { cookie: who.cookie } })).statusCode, 403, `${who.name}: ${url}`);
    }
    // With a real form token, from a page they may open.
    for (const [url, fields] of posts) {
      assert.equal((await submit(app, '/en/account', fields, who, url)).statusCode, 403, `${who.name} posts ${url}`);
    }
  }
  const visitor = await app.inject({ url: SETTINGS });
  assert.equal(visitor.statusCode, 303, 'a visitor is asked to sign in');
  assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);
  assert.equal((await app.inject({ url: '/en/networks/nothing/settings' })).statusCode, 404);

  const otherCoordinator = strangers[0]!;
  const borrowed = await app.inject({ url: `/en/networks/blue-towns/kinds/${net.kind}`, headers: { cookie: otherCoordinator.cookie } });
  assert.equal(borrowed.statusCode, 404, 'a kind is reached under its own network only');
  const admin = await person(database, { roles: [['platform_admin', null]] });
  assert.equal((await app.inject({ url: SETTINGS, headers: { cookie: admin.cookie } })).statusCode, 200, 'platform admins may');

  assert.deepEqual({ texts: await textsOf(database), kinds: await kindCodes(database) }, before);
  assert.deepEqual(await auditOf(database), []);
});

/** The fields of a kind of membership, to change one at a time. */
const KIND = {
  code: 'signatory',
  label_en: 'Signatory',
  label_bg: 'Подписал',
  applicants: 'both',
  countries: ['BG', 'SI'],
  min_population: '1000',
  max_population: '500000',
  report_years: '3',
  grace_days: '60',
  position: '1',
};

appTest('coordinators add, change and delete kinds of membership; a kind in use is kept', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const list = await app.inject({ url: KINDS, headers: { cookie: coordinator.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`href="/en/networks/green-towns/kinds/${net.kind}">Member</a>`));

  const added = await submit(app, KINDS, KIND, coordinator);
  assert.equal(added.statusCode, 303);
  assert.equal(added.headers.location, `${KINDS}?notice=kindAdded`);
  const row = await database.db.selectFrom('membership_kinds').selectAll().where('code', '=', 'signatory').executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...row, id: 0, labels: JSON.parse(row.labels) },
    {
      id: 0,
      network_id: net.id,
      code: 'signatory',
      labels: { en: 'Signatory', bg: 'Подписал' },
      applicants: 'both',
      countries: 'BG,SI',
      min_population: 1000,
      max_population: 500000,
      report_years: 3,
      grace_days: 60,
      position: 1,
    },
  );
  assert.match((await app.inject({ url: NETWORK })).body, /<li>Signatory: municipalities and organisations · Bulgaria, Slovenia<\/li>/);
  assert.match((await app.inject({ url: '/bg/networks/green-towns' })).body, /<li>Подписал: /);
  const api = (await app.inject({ url: `/api/v1/networks/${net.id}` })).json() as { memberships: { code: string; label: string }[] };
  assert.deepEqual(
    api.memberships.map((m) => [m.code, m.label]),
    [
      ['member', 'Member'],
      ['signatory', 'Signatory'],
    ],
  );

  const edited = await submit(
    app,
    `${KINDS}/${row.id}`,
    { ...KIND, label_en: 'Signatory town', report_years: '', countries: [] },
    coordinator,
  );
  assert.equal(edited.statusCode, 303);
  const after = await database.db.selectFrom('membership_kinds').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  assert.deepEqual([after.report_years, after.countries, JSON.parse(after.labels).en], [2, '', 'Signatory town']);

  // One that a town applied for, long ago or now, stays; one nobody holds goes.
  await sampleMembership(database, net, towns.staraZagora, 'withdrawn');
  const inUse = await submit(app, `${KINDS}/${net.kind}`, {}, coordinator, `${KINDS}/${net.kind}/delete`);
  assert.equal(inUse.statusCode, 422);
  assert.match(inUse.body, /This kind cannot be deleted: memberships are of it/);
  assert.match(inUse.body, /1 membership is of this kind/);
  const gone = await submit(app, `${KINDS}/${row.id}`, {}, coordinator, `${KINDS}/${row.id}/delete`);
  assert.equal(gone.statusCode, 303);
  assert.deepEqual(await kindCodes(database), ['member']);
  assert.deepEqual(
    (await auditOf(database)).map((a) => a.action),
    ['network.kind.create', 'network.kind.edit', 'network.kind.delete'],
  );
});

appTest('a kind of membership with bad fields is refused, each with its message, keeping what was typed', async (app, database) => {
  const net = await sampleNetwork(database);
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const refused = async (fields: Record<string, string | string[]>) => {
    const res = await submit(app, KINDS, { ...KIND, ...fields }, coordinator);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    return res.body;
  };
  const range = await refused({ min_population: '50000', max_population: '1000' });
  assert.match(range, /Largest population: The largest population must not be smaller than the smallest\./);
  assert.match(range, /value="50000"/);
  assert.match(await refused({ code: 'member' }), /Another kind of membership of this network has this code/);
  const code = await refused({ code: 'Big Towns!' });
  assert.match(code, /Use only lower-case letters a to z, digits and hyphens\./);
  assert.match(code, /value="Big Towns!"/);
  assert.match(
    await refused({ label_en: '', label_bg: 'Подписал' }),
    /Name the kind at least in English or in the network’s first language/,
  );
  assert.match(await refused({ report_years: '11' }), /Enter a number of years from 1 to 10\./);
  assert.match(await refused({ grace_days: '-1' }), /Enter a number of days from 0 to 365\./);
  assert.match(await refused({ min_population: 'many' }), /Enter a whole number of inhabitants/);
  assert.match(await refused({ countries: ['BG', 'US'] }), /id="countries-error"/);
  assert.match(await refused({ applicants: 'anyone' }), /Choose one of the options\./);
  const script = await refused({ code: '', label_en: '<script>alert(1)</script>' });
  assert.match(script, /value="&lt;script>alert\(1\)&lt;\/script>"/);
  assert.ok(!script.includes('<script>alert'));
  assert.deepEqual(await kindCodes(database), ['member']);
});

/** Sends a logo as the settings page's upload form does. */
async function upload(app: FastifyInstance, who: TestPerson, content: Buffer, filename = 'logo.png') {
  const { cookie, csrf } = await formAs(app, SETTINGS, who);
  const b = '----municipium-logo';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="logo"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `${NETWORK}/logo`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload,
  });
}

appTest('a logo is checked by its content, resized without metadata, shown beside the name and removable', async (app, database) => {
  const net = await sampleNetwork(database);
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const photo = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret author', Artist: 'Hidden Camera' } })
    .toBuffer();
  const res = await upload(app, coordinator, photo, 'logo.jpg');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${SETTINGS}?notice=logo`);

  const page = (await app.inject({ url: NETWORK })).body;
  const src = /<img class="network-logo" src="(\/media\/networks\/[^"]+-320\.webp)" alt width="160"\/><h1>Green Towns<\/h1>/.exec(
    page,
  )?.[1];
  assert.ok(src, 'the logo stands beside the name, with an empty alt');
  const served = await app.inject({ url: src });
  assert.equal(served.headers['content-type'], 'image/webp');
  const meta = await sharp(served.rawPayload).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height, meta.exif], ['webp', 320, 160, undefined]);
  assert.ok(!served.rawPayload.includes(Buffer.from('secret author')));
  const small = /<img class="network-logo network-logo--small" src="([^"]+-96\.webp)" alt width/.exec(
    (await app.inject({ url: '/en/networks' })).body,
  )?.[1];
  assert.equal((await sharp((await app.inject({ url: small! })).rawPayload).metadata()).width, 96, 'the list shows a small one');
  const api = (await app.inject({ url: `/api/v1/networks/${net.id}` })).json() as { logo: string | null };
  assert.equal(api.logo, `http://portal.test${src}`);

  // A page renamed .png and a picture over 2 MB are refused, and the logo stays.
  const fake = await upload(app, coordinator, Buffer.from('<svg onload="alert(1)"></svg>'.repeat(10)));
  assert.equal(fake.statusCode, 422);
  assert.match(fake.body, /id="logo-error"><span class="visually-hidden">Error: <\/span>The file must be a PNG, JPEG or WebP image\./);
  const noise = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  assert.ok(noise.length > 2 * 1024 * 1024 && noise.length < 5 * 1024 * 1024, `${noise.length} bytes`);
  const large = await upload(app, coordinator, noise);
  assert.equal(large.statusCode, 422);
  assert.match(large.body, /The file is larger than 2 MB\. Choose a smaller one\./);
  assert.ok((await app.inject({ url: NETWORK })).body.includes(src));

  const removed = await submit(app, SETTINGS, {}, coordinator, `${NETWORK}/logo/remove`);
  assert.equal(removed.statusCode, 303);
  assert.ok(!(await app.inject({ url: NETWORK })).body.includes('network-logo'));
  assert.equal((await app.inject({ url: src })).statusCode, 404, 'its files go with it');
  assert.equal(((await app.inject({ url: `/api/v1/networks/${net.id}` })).json() as { logo: null }).logo, null);
  assert.deepEqual(
    (await auditOf(database)).map((a) => a.action),
    ['network.logo', 'network.logo.remove'],
  );
});
