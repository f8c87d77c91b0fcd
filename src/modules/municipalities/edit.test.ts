import assert from 'node:assert/strict';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from './service/import.ts';

const EDIT = '/en/municipalities/bg/stara-zagora/edit';
const fields = {
  name: 'Stara Zagora',
  native_name: 'Стара Загора',
  population: '136781',
  website: 'https://www.starazagora.bg',
  email: 'mayor@starazagora.bg',
  phone: '+359 42 614 614',
  address: 'bul. Ruski 33, 6000 Stara Zagora',
  mayor_name: 'Zhivko Todorov',
  mayor_since: '2011',
  social_facebook: 'https://facebook.com/starazagora',
  description_bg: 'Град на липите и поетите.',
  description_en: 'The city of linden trees and poets.',
};

appTest(
  'municipality staff edit the profile in several languages, with a history, and a re-import keeps their edits',
  async (app, database) => {
    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    const m = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
    const editor = await person(database, { roles: [['municipality_editor', m.id]], name: 'Editor Elena' });
    const page = await app.inject({ url: '/en/municipalities/bg/stara-zagora', headers: { cookie: editor.cookie } });
    assert.ok(page.body.includes(`href="${EDIT}"`), 'staff see the edit link');
    assert.ok(!(await app.inject({ url: '/en/municipalities/bg/stara-zagora' })).body.includes(EDIT), 'visitors do not');

    const first = await submit(
      app,
      EDIT,
      {
        ...fields,
        languages: 'bg',
        population: '140000',
        region_name: 'Stara Zagora Province',
        latitude: '42.43',
        longitude: '25.64',
      },
      editor,
    );
    assert.equal(first.headers.location, '/en/municipalities/bg/stara-zagora?notice=saved');
    const form = new URLSearchParams({
      ...fields,
      population: '140000',
      region_name: 'Stara Zagora Province',
      latitude: '42.43',
      longitude: '25.64',
    });
    form.append('languages', 'bg');
    form.append('languages', 'en');
    const page2 = await app.inject({ url: EDIT, headers: { cookie: editor.cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page2.body)?.[1] ?? '';
    form.set('_csrf', csrf);
    const second = await app.inject({
      method: 'POST',
      url: EDIT,
      headers: {
        cookie: [editor.cookie, ...page2.cookies.map((c) => `${c.name}=${c.value}`)].join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: form.toString(),
    });
    assert.equal(second.statusCode, 303);

    const en = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
    assert.match(en.body, /data-lat="42\.43" data-lon="25\.64"/, 'the map moves to the edited location');
    for (const text of [
      'Stara Zagora Province',
      'Zhivko Todorov',
      'since 2011',
      'mayor@starazagora.bg',
      'tel:+35942614614',
      'The city of linden trees and poets.',
      'https://facebook.com/starazagora',
    ])
      assert.ok(en.body.includes(text), text);
    assert.match(
      en.body,
      /<a href="\/bg\/municipalities\/bg\/stara-zagora" hreflang="bg" lang="bg">български<\/a>/,
      'links to the other language',
    );
    const fi = await app.inject({ url: '/fi/municipalities/bg/stara-zagora' });
    assert.match(
      fi.body,
      /<p class="description" lang="bg">Град на липите и поетите\.<\/p>/,
      'another language falls back to the municipality’s own, marked with its language',
    );
    assert.match(fi.body, /class="notice"/);

    const history = await app.inject({
      url: '/en/municipalities/bg/stara-zagora/history',
      headers: { cookie: editor.cookie },
    });
    assert.match(
      history.body,
      /<td[^>]*>Editor Elena<\/td><td[^>]*><code>languages<\/code><\/td><td[^>]*>,bg,<\/td><td[^>]*>,bg,en,<\/td>/,
    );
    assert.match(history.body, /<code>population<\/code><\/td><td[^>]*>136781<\/td><td[^>]*>140000<\/td>/);

    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    const after = await database.db
      .selectFrom('municipalities')
      .select(['population', 'website'])
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.population, 140000, 'the import does not undo an edit');
    const audit = await database.db.selectFrom('audit_log').select('action').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['municipality.edit', 'municipality.edit'],
    );
  },
);

appTest('editing is for the staff of that municipality only, and bad input changes nothing', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const sz = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
  const other = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'botevgrad').executeTakeFirstOrThrow();
  const otherStaff = await person(database, { roles: [['municipality_admin', other.id]] });
  const staff = await person(database, { roles: [['municipality_admin', sz.id]] });
  const citizen = await person(database);
  assert.equal((await app.inject({ url: EDIT, headers: { cookie: otherStaff.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: EDIT, headers: { cookie: citizen.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: EDIT })).statusCode, 303);
  const forged = await submit(app, '/en/account', { ...fields, name: 'Hijacked' }, otherStaff, EDIT);
  assert.equal(forged.statusCode, 403);
  const bad = await submit(
    app,
    EDIT,
    {
      ...fields,
      population: 'many',
      website: 'javascript:alert(1)',
      phone: 'call me',
      mayor_since: 'last year',
      languages: 'xx',
      description_en: 'x'.repeat(5001),
      name: '<b>Bold</b>',
      latitude: '91',
      longitude: 'east',
    },
    staff,
  );
  assert.equal(bad.statusCode, 422);
  for (const f of ['population', 'website', 'phone', 'mayor_since', 'languages', 'description_en', 'latitude', 'longitude'])
    assert.match(bad.body, new RegExp(`href="#${f}"`), f);
  assert.ok(bad.body.includes('value="&lt;b>Bold&lt;/b>"'), 'keeps what was typed, escaped');
  const row = await database.db
    .selectFrom('municipalities')
    .select(['name', 'population'])
    .where('id', '=', sz.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { name: 'Stara Zagora', population: 136781 });
  assert.equal((await database.db.selectFrom('municipality_changes').selectAll().execute()).length, 0);
  const xss = await submit(
    app,
    EDIT,
    { ...fields, languages: 'en', description_en: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
    staff,
  );
  assert.equal(xss.statusCode, 303);
  const shown = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  assert.ok(!shown.body.includes('<script>alert(1)') && !shown.body.includes('<img src=x'));
});
