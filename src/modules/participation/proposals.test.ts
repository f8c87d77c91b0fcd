import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { sampleTowns } from '../../../test/content.ts';
import { formAs, organisation, person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { hasHoneypot, ROBOT } from '../../../test/input.ts';
import { type SampleProcess, sampleProcess, sampleProposal } from '../../../test/participation.ts';

const FIELDS = {
  title: 'Benches along the river park',
  body: 'Put **ten benches** along the river, so that older people can rest.',
  area: 'environment',
  latitude: '42.9071',
  longitude: '23.7884',
  address: 'River walk, Botevgrad',
};

/** Posts the proposal form as a browser does (multipart), with any number of pictures. */
async function postProposal(
  app: FastifyInstance,
  p: SampleProcess,
  who: TestPerson,
  fields: Record<string, string | string[]>,
  pictures: Buffer[] = [],
) {
  const { cookie, csrf } = await formAs(app, `/en${p.path}/proposals/new`, who);
  const b = '----municipium-proposal';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields }))
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  for (const [i, data] of pictures.entries()) {
    const head = `--${b}\r\nContent-Disposition: form-data; name="pictures"; filename="photo${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    parts.push(Buffer.from(head), data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return app.inject({
    method: 'POST',
    url: `/en${p.path}/proposals`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
  });
}

const count = async (database: TestDatabase) =>
  Number(
    (
      await database.db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const keptOf = (body: string) => [...body.matchAll(/name="kept" value="([^"]+)"/g)].map((m) => m[1]!);

appTest('a citizen sees similar proposals before publishing, then publishes one with its place and pictures', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const other = await person(database, { name: 'Ana Petrova' });
  const benches = await sampleProposal(database, p.id, other.id, { title: 'More benches in the park' });
  const hidden = await sampleProposal(database, p.id, other.id, { title: 'Benches hidden by moderation', hidden: true });
  const cyrillic = await sampleProposal(database, p.id, other.id, { title: 'Нов парк край реката', body: 'Зелено място.' });
  await sampleProposal(database, p.id, other.id, { title: 'A summer cinema on the square' });
  const twin = await sampleProposal(database, p.id, other.id, { title: 'Twinning with Łódź', body: 'Exchanges of pupils.' });
  const elsewhere = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  await sampleProposal(database, elsewhere.id, other.id, { title: 'Benches of another town' });
  const citizen = await person(database, { name: 'Ivan Ivanov' });

  const form = await app.inject({ url: `/en${p.path}/proposals/new`, headers: { cookie: citizen.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1>Write a proposal<\/h1>/);
  assert.match(form.body, /<button type="submit" name="step" value="continue">Continue<\/button>/);
  assert.match(form.headers['cache-control'] as string, /no-store/);

  const photo = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Hidden Camera' } })
    .toBuffer();
  const checked = await postProposal(app, p, citizen, { ...FIELDS, step: 'continue' }, [photo]);
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /Similar proposals/);
  assert.match(checked.body, new RegExp(`href="/en${p.path}/proposals/${benches}"[^>]*>More benches in the park</a>`));
  assert.match(checked.body, new RegExp(`/proposals/${cyrillic}"[^>]*>Нов парк край реката`), 'Latin "park" finds Cyrillic "парк"');
  assert.ok(!checked.body.includes(`/proposals/${hidden}"`), 'a hidden proposal is never suggested');
  assert.ok(!checked.body.includes('Benches of another town'), 'nor one of another process');
  assert.ok(!checked.body.includes('A summer cinema'), 'sharing "the" or "on" makes no proposal similar');
  const accents = await postProposal(app, p, citizen, { ...FIELDS, title: 'Lodz exchange', step: 'continue' });
  assert.match(accents.body, new RegExp(`/proposals/${twin}"[^>]*>Twinning with Łódź`), 'accents do not matter');
  assert.match(checked.body, /value="Benches along the river park"/, 'the form comes back filled');
  assert.match(checked.body, /name="step" value="publish">Publish</);
  assert.match(checked.body, /One picture is added/);
  assert.equal(await count(database), 6, 'nothing is published at the first step');
  const kept = keptOf(checked.body);
  assert.equal(kept.length, 1);

  const stranger = await person(database);
  const forged = await postProposal(app, p, stranger, { ...FIELDS, step: 'publish', kept });
  assert.equal(forged.statusCode, 303);
  const forgedId = Number(/proposals\/(\d+)/.exec(String(forged.headers.location))?.[1]);
  const none = await database.db.selectFrom('proposal_pictures').selectAll().where('proposal_id', '=', forgedId).execute();
  assert.equal(none.length, 0, 'a picture kept for one person is nobody else’s');

  const published = await postProposal(app, p, citizen, { ...FIELDS, step: 'publish', kept });
  assert.equal(published.statusCode, 303);
  const page = await app.inject({ url: String(published.headers.location), headers: { cookie: citizen.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Your proposal is published/);
  assert.match(page.body, /<h1>Benches along the river park<\/h1>/);
  assert.match(page.body, /Put <strong>ten benches<\/strong> along the river/);
  assert.match(page.body, /By Ivan Ivanov · /);
  assert.match(page.body, /Urban environment and ecology/);
  assert.match(page.body, /River walk, Botevgrad/);
  assert.match(page.body, /\[\[42\.9071,23\.7884,"Benches along the river park","\d+"\]\]/, 'the place is in the map’s data block');
  assert.match(page.body, /0 of 10 supports needed for an answer/);
  const src =
    /<img src="\/media\/participation\/([0-9a-f]{24}-1200\.webp)"[^>]*alt="Picture 1 of the proposal “Benches along the river park”"/.exec(
      page.body,
    )?.[1];
  assert.ok(src, 'the picture is shown with a text alternative');
  const media = await app.inject({ url: `/media/participation/${src}` });
  assert.equal(media.statusCode, 200);
  assert.equal(media.headers['content-type'], 'image/webp');
  const meta = await sharp(media.rawPayload).metadata();
  assert.equal(meta.width, 1200, 'resized');
  assert.equal(meta.exif, undefined, 'the camera’s data is gone');
});

appTest('a refused proposal keeps what was typed, says why, and stores nothing', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const citizen = await person(database);
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...FIELDS, title: '' }, /Title: Fill in this field/],
    [{ ...FIELDS, body: 'x'.repeat(6001) }, /Your proposal: Use at most 6,000 characters/],
    [{ ...FIELDS, area: 'sport' }, /Policy area: Choose one of the options/],
    [{ ...FIELDS, latitude: '95' }, /Latitude: Enter a latitude between -90 and 90/],
    [{ ...FIELDS, longitude: 'east' }, /Longitude: Enter a longitude between -180 and 180/],
    [{ ...FIELDS, longitude: '' }, /Give both the latitude and the longitude, or neither/],
    [{ ...FIELDS, title: 'Bell\u0007 tower' }, /Remove the invisible control characters/],
    [{ ...FIELDS, publish_as: '1' }, /Publish as: You do not represent this organisation/],
  ];
  for (const [fields, message] of cases) {
    const res = await postProposal(app, p, citizen, { ...fields, step: 'publish' });
    assert.equal(res.statusCode, 422, String(message));
    assert.match(res.body, /<title>Error: Write a proposal/);
    assert.match(res.body, message);
    if (fields.body === FIELDS.body) assert.match(res.body, /Put \*\*ten benches\*\* along the river/, 'the typed text comes back');
  }
  const script = await postProposal(app, p, citizen, { ...FIELDS, title: '', body: '<script>alert(1)</script> Plant trees' });
  assert.equal(script.statusCode, 422);
  assert.ok(!script.body.includes('<script>alert(1)'), 'typed HTML comes back as text');
  assert.match(script.body, /&lt;script>alert\(1\)&lt;\/script> Plant trees/);
  const fake = await postProposal(app, p, citizen, { ...FIELDS, step: 'publish' }, [Buffer.from('<?php echo "no picture"; ?>')]);
  assert.equal(fake.statusCode, 422);
  assert.match(fake.body, /Pictures: The file must be a PNG, JPEG or WebP image/);
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const four = await postProposal(app, p, citizen, { ...FIELDS, step: 'publish' }, [png, png, png, png]);
  assert.equal(four.statusCode, 422);
  assert.match(four.body, /Add at most 3 pictures/);
  assert.equal(await count(database), 0, 'nothing was stored');
});

appTest('a body with HTML is published harmless; its author edits it until someone supports it', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const author = await person(database);
  const res = await postProposal(app, p, author, {
    ...FIELDS,
    step: 'publish',
    body: 'Trees <script>alert("x")</script><img src=x onerror="alert(2)"> [link](javascript:alert(3))',
  });
  assert.equal(res.statusCode, 303);
  const url = String(res.headers.location).replace('?notice=published', '');
  const page = await app.inject({ url });
  const unsafe = /.{80}(<script>alert|\sonerror=|href="javascript:).{40}/.exec(page.body);
  assert.ok(!unsafe, `no script, handler or script link survives: ${unsafe?.[0]}`);
  assert.match(page.body, /Trees/);
  assert.ok(!page.body.includes('Edit the proposal'), 'only the author is offered the edit');

  const editUrl = `${url}/edit`;
  const newUrl = `/en${p.path}/proposals/new`;
  const other = await person(database);
  assert.equal((await app.inject({ url: editUrl, headers: { cookie: other.cookie } })).statusCode, 403);
  const takeover = await submit(app, newUrl, { ...FIELDS, title: 'Taken over' }, other, editUrl);
  assert.equal(takeover.statusCode, 403, 'another person cannot edit it');
  const form = await app.inject({ url: editUrl, headers: { cookie: author.cookie } });
  assert.match(form.body, /value="Benches along the river park"/);
  assert.equal((await submit(app, editUrl, { ...FIELDS, latitude: '', longitude: '' }, author)).statusCode, 303);
  const edited = await app.inject({ url });
  assert.match(edited.body, /<span class="tag">Edited<\/span>/);
  assert.match(edited.body, /Put <strong>ten benches<\/strong>/);
  assert.ok(!edited.body.includes('Taken over'));
  const bad = await submit(app, editUrl, { ...FIELDS, title: '' }, author);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /<title>Error: Edit your proposal/);

  const supporter = await person(database);
  assert.equal((await submit(app, url, {}, supporter, `${url}/support`)).statusCode, 303);
  const refused = await app.inject({ url: editUrl, headers: { cookie: author.cookie } });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /can no longer be changed/);
  const late = await submit(app, newUrl, { ...FIELDS, title: 'Changed after a support' }, author, editUrl);
  assert.equal(late.statusCode, 422);
  assert.ok(!(await app.inject({ url })).body.includes('Changed after a support'));
  assert.ok(!(await app.inject({ url, headers: { cookie: author.cookie } })).body.includes('Edit the proposal'));
});

appTest('who may write: anonymous signs in, unconfirmed and out-of-phase are refused, nothing stored', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const closed = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { actions: ['support', 'comment'] });
  const ended = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { window: [-30, -1] });
  const draft = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { published: false });

  const anonymous = await app.inject({ url: `/en${p.path}/proposals/new` });
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/en/sign-in?next=${encodeURIComponent(`/en${p.path}/proposals/new`)}`);
  const unconfirmed = await person(database, { confirmed: false });
  assert.equal((await app.inject({ url: `/en${p.path}/proposals/new`, headers: { cookie: unconfirmed.cookie } })).statusCode, 403);
  const citizen = await person(database);
  for (const q of [closed, ended]) {
    assert.equal((await app.inject({ url: `/en${q.path}/proposals/new`, headers: { cookie: citizen.cookie } })).statusCode, 403);
    const { cookie, csrf } = await formAs(app, `/en${p.path}/proposals/new`, citizen);
    const post = await app.inject({
      method: 'POST',
      url: `/en${q.path}/proposals`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...FIELDS, step: 'publish' }).toString(),
    });
    assert.equal(post.statusCode, 403);
  }
  assert.equal((await app.inject({ url: `/en${draft.path}/proposals/new`, headers: { cookie: citizen.cookie } })).statusCode, 404);
  const page = await app.inject({ url: `/en${closed.path}`, headers: { cookie: citizen.cookie } });
  assert.ok(!page.body.includes('Write a proposal'), 'the process page offers no form outside the phase');
  assert.match((await app.inject({ url: `/en${p.path}`, headers: { cookie: citizen.cookie } })).body, /Write a proposal/);
  assert.equal(await count(database), 0);
});

appTest('a representative writes as their organisation, and it is shown so', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const org = (await organisation(database, 'Green Botevgrad')).id;
  const rep = await person(database, { name: 'Maria Koleva', roles: [['organisation_representative', org]] });
  const form = await app.inject({ url: `/en${p.path}/proposals/new`, headers: { cookie: rep.cookie } });
  assert.match(form.body, /<legend>Publish as<\/legend>/);
  const res = await postProposal(app, p, rep, { ...FIELDS, step: 'publish', publish_as: String(org) });
  assert.equal(res.statusCode, 303);
  const page = await app.inject({ url: String(res.headers.location) });
  assert.match(page.body, /By <a href="\/en\/organisations\/green-botevgrad">Green Botevgrad<\/a>/);
  assert.ok(!page.body.includes('Maria Koleva'));
  const row = await database.db.selectFrom('proposals').select('organisation_id').executeTakeFirstOrThrow();
  assert.equal(row.organisation_id, org);
  const own = await postProposal(app, p, rep, { ...FIELDS, step: 'publish', title: 'In my own name' });
  assert.match((await app.inject({ url: String(own.headers.location) })).body, /By Maria Koleva/);
});

appTest('a hidden or withdrawn proposal, or one of another process, is a 404', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const q = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const author = await person(database);
  const hidden = await sampleProposal(database, p.id, author.id, { hidden: true });
  const withdrawn = await sampleProposal(database, p.id, author.id, { withdrawn: true });
  const shown = await sampleProposal(database, p.id, author.id);
  assert.equal((await app.inject({ url: `/en${p.path}/proposals/${shown}` })).statusCode, 200);
  for (const url of [`/en${p.path}/proposals/${hidden}`, `/en${p.path}/proposals/${withdrawn}`, `/en${q.path}/proposals/${shown}`])
    for (const who of [undefined, author])
      assert.equal((await app.inject({ url, headers: who ? { cookie: who.cookie } : {} })).statusCode, 404, url);
  assert.equal((await app.inject({ url: `/en${p.path}/proposals/99999999999` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/en${p.path}/proposals/abc` })).statusCode, 404);
});

appTest('an account that publishes many proposals in an hour is stopped, keeping what it typed', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const writer = await person(database);
  for (let i = 1; i <= 5; i++) {
    const res = await postProposal(app, p, writer, { ...FIELDS, title: `Benches, idea ${i}`, step: 'publish' });
    assert.equal(res.statusCode, 303, `proposal ${i} is published`);
  }
  const sixth = await postProposal(app, p, writer, { ...FIELDS, title: 'Benches, idea 6', step: 'publish' });
  assert.equal(sixth.statusCode, 429);
  assert.ok(Number(sixth.headers['retry-after']) > 0);
  assert.match(sixth.body, /<title>Error: Write a proposal/);
  assert.match(sixth.body, /value="Benches, idea 6"/, 'what was typed comes back');
  assert.equal(await count(database), 5, 'the sixth is not stored');
  const other = await person(database);
  assert.equal((await postProposal(app, p, other, { ...FIELDS, step: 'publish' })).statusCode, 303, 'another person is not held back');
});

appTest('a robot that fills in the hidden field goes through both steps and the edit, and nothing is kept', async (app, database) => {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const robot = await person(database);
  const form = await app.inject({ url: `/en${p.path}/proposals/new`, headers: { cookie: robot.cookie } });
  assert.ok(hasHoneypot(form.body), 'the form holds the trap');

  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
  const checked = await postProposal(app, p, robot, { ...FIELDS, ...ROBOT, step: 'continue' }, [photo]);
  assert.equal(checked.statusCode, 200, 'the first step answers as it does a person');
  assert.match(checked.body, /Similar proposals/);
  assert.match(checked.body, /name="step" value="publish">Publish</);
  assert.ok(hasHoneypot(checked.body), 'the trap is empty again');
  assert.deepEqual(keptOf(checked.body), [], 'its picture is not kept');
  const published = await postProposal(app, p, robot, { ...FIELDS, ...ROBOT, step: 'publish' });
  assert.equal(published.statusCode, 303);
  assert.equal(published.headers.location, `/en${p.path}`);
  assert.equal(await count(database), 0, 'nothing is published');
  const uploads = join(app.context.config.dataDir, 'uploads', 'participation');
  assert.deepEqual(existsSync(uploads) ? readdirSync(uploads) : [], [], 'no picture is written');

  const own = await sampleProposal(database, p.id, robot.id, { title: 'Benches by the school' });
  const editUrl = `/en${p.path}/proposals/${own}/edit`;
  assert.ok(hasHoneypot((await app.inject({ url: editUrl, headers: { cookie: robot.cookie } })).body), 'so does the edit form');
  const edited = await submit(app, editUrl, { ...FIELDS, title: 'Casino bonus', ...ROBOT }, robot);
  assert.equal(edited.statusCode, 303);
  assert.equal(edited.headers.location, `/en${p.path}/proposals/${own}?notice=saved`);
  const row = await database.db.selectFrom('proposals').select(['title', 'edited_at']).where('id', '=', own).executeTakeFirstOrThrow();
  assert.deepEqual(row, { title: 'Benches by the school', edited_at: null }, 'the proposal is as it was');
});
