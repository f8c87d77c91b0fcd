import assert from 'node:assert/strict';
import sharp from 'sharp';
import { formAs, person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { fieldError } from '../../../test/input.ts';
import { CENTRE, count, sampleReport, signalTowns } from '../../../test/signals.ts';
import { storePhotos } from './service/photos.ts';

const photoOf = (body: string) => [...body.matchAll(/<img src="(\/signals\/photos\/[0-9a-f]{24}-1200\.webp)"/g)].map((m) => m[1]!);

appTest(
  'a report’s page: its state, place, timeline and visible photos; never who reported it, unless they chose to',
  async (app, database) => {
    const towns = await signalTowns(database);
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const stored = await storePhotos(app.context, [jpeg, jpeg]);
    assert.ok('bases' in stored);
    const [shown, hidden] = stored.bases;
    const author = await person(database, { name: 'Secret Author', email: 'secret.author@example.eu' });
    const id = await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      address: 'Central square',
      authorId: author.id,
      contactName: 'Secret Author',
      contactEmail: 'secret.author@example.eu',
      state: 'not_responsible',
      photos: [{ file: shown! }, { file: hidden!, hidden: true }],
    });
    await database.db.updateTable('signals').set({ responsible: 'The road agency' }).where('id', '=', id).execute();
    const note = (kind: 'state' | 'internal', text: string, state: 'not_responsible' | null = null) =>
      database.db
        .insertInto('signal_updates')
        .values({
          signal_id: id,
          kind,
          state,
          note: text,
          author_id: null,
          from_municipality: towns.botevgrad,
          created_at: new Date().toISOString(),
        })
        .execute();
    await note('state', 'The road belongs to the national agency.', 'not_responsible');
    await note('internal', 'Call Petrov at the agency, his mobile is 0888.');
    await database.db
      .insertInto('signal_updates')
      .values({
        signal_id: id,
        kind: 'passed',
        state: null,
        note: 'Ours, not Botevgrad’s.',
        author_id: null,
        from_municipality: towns.botevgrad,
        created_at: new Date().toISOString(),
      })
      .execute();

    const page = await app.inject({ url: `/en/signals/${id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<span class="tag">Not the municipality(&#39;|')s responsibility<\/span>/);
    assert.match(page.body, /Responsible for it: The road agency/);
    assert.match(page.body, /The road belongs to the national agency\./);
    assert.match(page.body, /Passed on from Botevgrad/);
    assert.match(page.body, /data-lat="42.4258" data-lon="25.6345"/);
    assert.doesNotMatch(page.body, /Call Petrov/, 'internal notes are never public');
    assert.doesNotMatch(page.body, /Secret Author|secret\.author/);
    assert.doesNotMatch(page.body, /Manage this report/);
    assert.deepEqual(photoOf(page.body), [`/signals/photos/${shown}-1200.webp`], 'a hidden photo is not shown');
    assert.equal((await app.inject({ url: `/signals/photos/${shown}-400.webp` })).statusCode, 200);
    assert.equal((await app.inject({ url: `/signals/photos/${hidden}-1200.webp` })).statusCode, 404, 'nor served');
    assert.equal((await app.inject({ url: '/signals/photos/../../etc-1200.webp' })).statusCode, 404);

    // Staff of the town see the hidden photo and the way to manage it; Botevgrad's staff see what everyone sees.
    const staff = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
    const ownStaff = await app.inject({ url: `/en/signals/${id}`, headers: { cookie: staff.cookie } });
    assert.match(ownStaff.body, new RegExp(`href="/en/signals/${id}/manage"`));
    assert.equal(photoOf(ownStaff.body).length, 2);
    assert.equal((await app.inject({ url: `/signals/photos/${hidden}-1200.webp`, headers: { cookie: staff.cookie } })).statusCode, 200);
    const other = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
    const otherStaff = await app.inject({ url: `/en/signals/${id}`, headers: { cookie: other.cookie } });
    assert.doesNotMatch(otherStaff.body, /Manage this report|Secret Author/);
    assert.equal(photoOf(otherStaff.body).length, 1);
    assert.equal((await app.inject({ url: `/signals/photos/${hidden}-1200.webp`, headers: { cookie: other.cookie } })).statusCode, 404);

    // The author chose to show their name: then it is shown, their address still not.
    await database.db.updateTable('signals').set({ show_name: 1 }).where('id', '=', id).execute();
    const named = await app.inject({ url: `/bg/signals/${id}` });
    assert.match(named.body, /от Secret Author/);
    assert.doesNotMatch(named.body, /secret\.author@/);
  },
);

appTest(
  'a report waiting for its link, or hidden, is a 404 to everyone but its author and the town’s staff, and so are its photos',
  async (app, database) => {
    const towns = await signalTowns(database);
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a3' } })
      .jpeg()
      .toBuffer();
    const stored = await storePhotos(app.context, [jpeg]);
    assert.ok('bases' in stored);
    const author = await person(database);
    const waiting = await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      confirmed: false,
      authorId: author.id,
      photos: [{ file: stored.bases[0]! }],
    });
    const hidden = await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      hidden: true,
      description: 'Hidden by moderation.',
    });
    const staff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
    const otherStaff = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
    const citizen = await person(database);
    const photo = `/signals/photos/${stored.bases[0]}-1200.webp`;
    for (const who of [undefined, citizen, otherStaff]) {
      const headers = who ? { cookie: who.cookie } : {};
      for (const id of [waiting, hidden]) assert.equal((await app.inject({ url: `/en/signals/${id}`, headers })).statusCode, 404);
      assert.equal((await app.inject({ url: photo, headers })).statusCode, 404);
      assert.equal((await app.inject({ url: '/en/signals/99999', headers })).statusCode, 404);
    }
    const own = await app.inject({ url: `/en/signals/${waiting}`, headers: { cookie: author.cookie } });
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /waits for its author to confirm it/);
    assert.match(own.headers['cache-control'] as string, /no-store/);
    assert.equal((await app.inject({ url: photo, headers: { cookie: author.cookie } })).headers['cache-control'], 'private, no-store');
    assert.equal((await app.inject({ url: `/en/signals/${hidden}`, headers: { cookie: staff.cookie } })).statusCode, 200);
    assert.equal((await app.inject({ url: '/en/signals/abc' })).statusCode, 404);
  },
);

appTest('"me too" counts a person once, with a timeline entry; the author and people not signed in cannot', async (app, database) => {
  const towns = await signalTowns(database);
  const author = await person(database);
  const id = await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.roads, at: CENTRE, authorId: author.id });
  const waiting = await sampleReport(database, {
    municipalityId: towns.staraZagora,
    categoryId: towns.roads,
    at: CENTRE,
    confirmed: false,
  });
  const citizen = await person(database);
  const page = `/en/signals/${id}`;
  const before = await app.inject({ url: page });
  assert.match(before.body, /Nobody else has reported it yet/);
  assert.match(before.body, /Sign in to say you see this problem too/);
  const session = await formAs(app, page, citizen);
  for (let i = 0; i < 2; i++) {
    const res = await app.inject({
      method: 'POST',
      url: `${page}/me-too`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(session.csrf)}`,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${page}?notice=metoo#me-too`);
  }
  const after = await app.inject({ url: page, headers: { cookie: citizen.cookie } });
  assert.match(after.body, /1 more person reported it/);
  assert.match(after.body, /You said you see this problem too/);
  assert.match(after.body, /Someone else reported it too/);
  assert.equal(await count(database, 'signal_supports'), 1);
  const row = await database.db.selectFrom('signals').select('me_too').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.me_too, 1);

  assert.equal((await submit(app, page, {}, author, `${page}/me-too`)).statusCode, 403, 'the author is counted already');
  const { cookie, csrf } = session;
  const anonymous = await app.inject({
    method: 'POST',
    url: `${page}/me-too`,
    headers: {
      cookie: cookie
        .split('; ')
        .filter((c) => c.startsWith('_csrf'))
        .join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  assert.ok([302, 303, 401].includes(anonymous.statusCode), 'someone not signed in is sent to sign in');
  const unseen = await app.inject({
    method: 'POST',
    url: `/en/signals/${waiting}/me-too`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  assert.equal(unseen.statusCode, 404, 'a report waiting for its link is not there to support');
  assert.equal(await count(database, 'signal_supports'), 1);
});

appTest('its author says it is fixed, then that it is not; nobody else may, and a bad note is refused', async (app, database) => {
  const towns = await signalTowns(database);
  const author = await person(database);
  const id = await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.roads, at: CENTRE, authorId: author.id });
  const page = `/en/signals/${id}`;
  const citizen = await person(database);
  const staff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  assert.doesNotMatch((await app.inject({ url: page, headers: { cookie: citizen.cookie } })).body, /It is fixed/);
  for (const who of [citizen, staff]) assert.equal((await submit(app, page, { note: '' }, who, `${page}/fixed`)).statusCode, 403);

  const long = await submit(app, page, { note: 'x'.repeat(2001) }, author, `${page}/fixed`);
  assert.equal(long.statusCode, 422);
  assert.equal(fieldError(long.body, 'note'), 'Use at most 2,000 characters.');
  assert.ok(long.body.includes('x'.repeat(2001)));
  const control = await submit(app, page, { note: 'bad\u0007' }, author, `${page}/fixed`);
  assert.equal(fieldError(control.body, 'note'), 'Remove the invisible control characters from this field.');
  const reopenEarly = await submit(app, page, { note: '' }, author, `${page}/reopen`);
  assert.equal(reopenEarly.statusCode, 422, 'an open report cannot be reopened');
  assert.equal((await database.db.selectFrom('signals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'open');

  const fixed = await submit(app, page, { note: 'Patched <script>alert(1)</script>' }, author, `${page}/fixed`);
  assert.equal(fixed.statusCode, 303);
  const shown = await app.inject({ url: page, headers: { cookie: author.cookie } });
  assert.match(shown.body, /<span class="tag">Fixed<\/span>/);
  assert.match(shown.body, /The person who reported it changed its state/);
  assert.match(shown.body, /Patched &lt;script>alert\(1\)&lt;\/script>/);
  assert.match(shown.body, /It is not fixed: reopen/);
  assert.equal((await submit(app, page, { note: '' }, author, `${page}/reopen`)).statusCode, 303);
  assert.equal((await database.db.selectFrom('signals').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'reopened');
});
