import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';
import * as repo from './repo.ts';

const FORM = '/en/twinning/record';
const SOURCE = 'https://www.starazagora.bg/en/twin-towns';
const VALID = { first: 'Stara Zagora', second: 'Botevgrad', kind: 'formal', since_year: '1966', source: SOURCE };

const stored = (database: Parameters<Parameters<typeof appTest>[1]>[1]) =>
  database.db.selectFrom('twinnings').selectAll().orderBy('id').execute();
const audited = (database: Parameters<Parameters<typeof appTest>[1]>[1]) =>
  database.db.selectFrom('audit_log').selectAll().where('action', '=', 'twinning.record').orderBy('id').execute();
const idOf = async (database: Parameters<Parameters<typeof appTest>[1]>[1], slug: string) =>
  (await database.db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

appTest(
  'a platform editor records an older twinning with its source: confirmed at once, on both profiles, the list and the API',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const editor = await person(database, { roles: [['platform_editor', null]] });
    const list = await app.inject({ url: '/en/twinning', headers: { cookie: editor.cookie } });
    assert.match(
      list.body,
      /<a class="button button--secondary" href="\/en\/twinning\/record">Record a twinning older than the portal<\/a>/,
    );

    const sent = await submit(app, FORM, VALID, editor);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 1000));
    assert.equal(sent.headers.location, '/en/twinning?notice=recorded');
    const [row] = await stored(database);
    assert.deepEqual(
      [row?.proposer_id, row?.partner_id, row?.kind, row?.since_year, row?.state, row?.source, row?.created_by],
      [towns.staraZagora, towns.botevgrad, 'formal', 1966, 'confirmed', SOURCE, editor.id],
    );
    const [entry] = await audited(database);
    assert.deepEqual([entry?.actor_id, entry?.subject_type, entry?.subject_id], [editor.id, 'twinning', row?.id]);
    assert.match(entry?.details ?? '', /"source":"https:\/\/www\.starazagora\.bg\/en\/twin-towns"/);

    const done = await app.inject({ url: String(sent.headers.location), headers: { cookie: editor.cookie } });
    assert.match(done.body, /role="status">The twinning is recorded: it shows on both towns’ profiles\./);
    for (const [slug, other] of [
      ['stara-zagora', 'botevgrad'],
      ['botevgrad', 'stara-zagora'],
    ]) {
      const body = (await app.inject({ url: `/en/municipalities/bg/${slug}` })).body;
      assert.match(body, /id="twins-heading">Twin towns</, slug);
      assert.match(
        body,
        new RegExp(`id="twins"[\\s\\S]*href="/en/municipalities/bg/${other}"[\\s\\S]*Twinning agreement · since 1966`),
        slug,
      );
    }
    const shown = (await app.inject({ url: '/en/twinning' })).body;
    assert.match(shown, new RegExp(`Recorded from: <a href="${SOURCE}" rel="nofollow noopener">${SOURCE}</a>`));
    assert.doesNotMatch(shown, /href="\/en\/twinning\/record"/, 'a visitor is offered no form');
    const api = (await app.inject({ url: `/api/v1/twinnings?municipality=${towns.botevgrad}` })).json() as {
      data: { kind: string; sinceYear: number; source: string | null }[];
    };
    assert.deepEqual(api.data, [{ ...api.data[0], kind: 'formal', sinceYear: 1966, source: SOURCE }]);

    const twice = await submit(app, FORM, { ...VALID, first: 'Botevgrad', second: 'Stara Zagora' }, editor);
    assert.equal(twice.statusCode, 422, 'towns already twinned');
    assert.equal(fieldError(twice.body, 'second'), 'These towns already have a twinning, or a proposal waiting for an answer.');
    // Either town's staff may end it as any other; then it may be recorded anew.
    const btg = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
    const page = `/en/twinning/${row?.id}`;
    assert.equal((await submit(app, page, { ended_on: '2020-01-31' }, btg, `${page}/end`)).statusCode, 303);
    assert.equal((await submit(app, FORM, VALID, editor)).statusCode, 303, 'after the old one ended');
    assert.deepEqual(
      (await stored(database)).map((r) => r.state),
      ['ended', 'confirmed'],
    );
  },
);

appTest('a name several towns share offers them to choose from; a town’s profile names the first town', async (app, database) => {
  await sampleTowns(database);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const novoSelo = async (region: string) =>
    (
      await database.db
        .selectFrom('municipalities')
        .select('id')
        .where('name', '=', 'Novo Selo')
        .where('region_name', '=', region)
        .executeTakeFirstOrThrow()
    ).id;
  const [vidin, smolyan, helsinki] = [await novoSelo('Vidin'), await novoSelo('Smolyan'), await idOf(database, 'helsinki')];
  // As long as a source may be, to the character.
  const minutes = 'Minutes, page 12. '.repeat(30);
  const citation = `Council decision 114/1987 of Novo Selo, Smolyan regional state archive. ${minutes}`.slice(0, 499).concat('.');
  const fields = { first: 'novo selo', second: 'Helsinki', kind: 'friendship', since_year: '', source: citation };
  const which = await submit(app, FORM, fields, admin);
  assert.equal(which.statusCode, 422);
  assert.equal(fieldError(which.body, 'first'), 'Several towns are called “novo selo” or close to it: choose one from the list below.');
  assert.match(which.body, /<label for="first_id">Which “novo selo”\?/);
  for (const [id, place] of [
    [vidin, 'Vidin'],
    [smolyan, 'Smolyan'],
  ] as const) {
    assert.match(which.body, new RegExp(`<option value="${id}">Novo Selo \\(${place}, Bulgaria\\)</option>`));
  }
  assert.match(which.body, /name="second" value="Helsinki"/, 'what was typed is kept');
  assert.ok(which.body.includes(`>${citation}</textarea>`));

  const chosen = await submit(app, FORM, { ...fields, first_id: String(smolyan) }, admin);
  assert.equal(chosen.statusCode, 303, chosen.body.slice(0, 1000));
  const [row] = await stored(database);
  assert.deepEqual([row?.proposer_id, row?.partner_id, row?.source.length], [smolyan, helsinki, 500]);
  const shown = (await app.inject({ url: '/en/twinning' })).body;
  assert.ok(shown.includes(`Recorded from: ${citation}`), 'a citation is text');
  assert.doesNotMatch(shown, /rel="nofollow noopener">Council/);

  const profile = await app.inject({ url: '/en/municipalities/bg/botevgrad', headers: { cookie: admin.cookie } });
  const link = /href="(\/en\/twinning\/record\?with=\d+)">Record an older twinning of this town/.exec(profile.body)?.[1];
  assert.ok(link, 'the profile offers the form');
  assert.match((await app.inject({ url: link, headers: { cookie: admin.cookie } })).body, /name="first" value="Botevgrad"/);
  assert.equal((await app.inject({ url: `${FORM}?with=999999`, headers: { cookie: admin.cookie } })).statusCode, 404);
});

appTest('bad input is refused with the typed values kept and nothing stored', async (app, database) => {
  await sampleTowns(database);
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const refused = async (fields: Record<string, string>, field: string, message: string, url = FORM) => {
    const res = await submit(app, url, { ...VALID, ...fields }, editor);
    assert.equal(res.statusCode, 422, `${field}: ${message}`);
    assert.equal(fieldError(res.body, field), message);
    assert.match(res.body, /<title>Error: /);
    return res.body;
  };
  const same = await refused({ second: 'Stara Zagora' }, 'second', 'A town cannot twin with itself.');
  assert.match(same, /name="first" value="Stara Zagora"/);
  await refused({ first: '', first_id: '999999' }, 'first', 'This town is not in the directory. Type its name to find it.');
  await refused({ first: '', first_id: 'abc' }, 'first', 'This town is not in the directory. Type its name to find it.');
  await refused({ first: '' }, 'first', 'Type the name of the town.');
  const many = await submit(app, FORM, { first: '', second: '', kind: '', source: '' }, editor);
  assert.deepEqual(
    [...many.body.matchAll(/<a href="#(\w+)">/g)].map((m) => m[1]),
    ['first', 'second', 'kind', 'source'],
    'the summary lists the errors in the form’s order',
  );
  await refused({ second: 'Atlantis' }, 'second', 'No town called “Atlantis” is in the directory. Check the spelling.');
  await refused({ second: 'x'.repeat(101) }, 'second', 'Use at most 100 characters.');
  await refused({ source: '' }, 'source', 'Say where the twinning is documented: a web address or a citation.');
  await refused({ source: '   ' }, 'source', 'Say where the twinning is documented: a web address or a citation.');
  const long = await refused({ source: 's'.repeat(2000) }, 'source', 'Use at most 500 characters.');
  assert.ok(long.includes(`>${'s'.repeat(2000)}</textarea>`), 'the long source is kept to shorten');
  await refused({ source: 'Archive\u0007' }, 'source', CHARACTERS_ERROR);
  await refused({ kind: 'marriage' }, 'kind', 'Choose one of the options.');
  await refused({ since_year: '1066' }, 'since_year', 'Enter a year from 1900 to this year, for example 1994.');
  const script = await refused(
    { source: '<script>alert(1)</script>', second: 'Atlantis' },
    'second',
    'No town called “Atlantis” is in the directory. Check the spelling.',
  );
  assert.ok(script.includes('&lt;script>alert(1)&lt;/script></textarea>'), 'the source is shown escaped');
  assert.ok(!script.includes('<script>alert(1)'));
  const bg = await submit(app, '/bg/twinning/record', { ...VALID, source: '' }, editor);
  assert.equal(bg.statusCode, 422);
  assert.equal(fieldError(bg.body, 'source'), 'Посочете къде е документирано побратимяването: уеб адрес или цитат.');
  assert.deepEqual(await stored(database), []);
  assert.deepEqual(await audited(database), []);

  // Accepted, a source with markup is text wherever it is shown.
  assert.equal((await submit(app, FORM, { ...VALID, source: '<script>alert(1)</script> Town archive' }, editor)).statusCode, 303);
  const shown = (await app.inject({ url: '/en/twinning' })).body;
  assert.ok(shown.includes('Recorded from: &lt;script>alert(1)&lt;/script> Town archive'));
  assert.ok(!shown.includes('<script>alert(1)'));
});

appTest(
  'only platform editors and administrators record: a town’s staff and citizens are refused, nothing stored',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const staff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
    const citizen = await person(database);
    const unconfirmed = await person(database, { roles: [['platform_editor', null]], confirmed: false });
    for (const who of [staff, citizen, unconfirmed]) {
      assert.equal((await app.inject({ url: FORM, headers: { cookie: who.cookie } })).statusCode, 403);
      // A form token from a page they may open; the answer is the same refusal.
      assert.equal((await submit(app, '/en/contact', VALID, who, FORM)).statusCode, 403);
      const list = await app.inject({ url: '/en/twinning', headers: { cookie: who.cookie } });
      assert.doesNotMatch(list.body, /twinning\/record/, 'no link to a form they may not use');
      const profile = await app.inject({ url: '/en/municipalities/bg/botevgrad', headers: { cookie: who.cookie } });
      assert.doesNotMatch(profile.body, /twinning\/record/);
    }
    const visitor = await app.inject({ url: FORM });
    assert.equal(visitor.statusCode, 303, 'a visitor is asked to sign in');
    assert.match(String(visitor.headers.location), /\/en\/sign-in/);
    assert.deepEqual(await stored(database), []);
    assert.deepEqual(await audited(database), []);
    assert.equal((await repo.between(database.db, towns.staraZagora, towns.botevgrad)) ?? null, null);
  },
);
