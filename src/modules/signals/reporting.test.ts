import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { importPlaces } from '../../../test/content.ts';
import { formAs, person, type TestPerson } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/helpers/app.ts';
import { dbTest, type TestDatabase } from '../../../test/helpers/db.ts';
import { linkIn, startSmtp, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { fieldError, hasHoneypot, ROBOT } from '../../../test/input.ts';
import { CENTRE, count, NEAR_CENTRE, sampleCategory, sampleQuestion, sampleReport, signalTowns } from '../../../test/signals.ts';
import { setBlocked } from '../accounts/index.ts';

type Fields = Record<string, string | string[]>;

/** Posts the report form as a browser does (multipart), with any photos, after loading the form. */
async function postReport(app: FastifyInstance, fields: Fields, who?: TestPerson, photos: Buffer[] = []) {
  const { cookie, csrf } = await formAs(app, '/en/signals/new', who);
  const b = '----municipium-signal';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields }))
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  for (const [i, data] of photos.entries()) {
    const head = `--${b}\r\nContent-Disposition: form-data; name="photos"; filename="photo${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    parts.push(Buffer.from(head), data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return app.inject({
    method: 'POST',
    url: '/en/signals/new',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
  });
}

/** The portal with mail going to a real SMTP server, and two towns taking reports. */
function reportTest(
  name: string,
  fn: (c: {
    app: FastifyInstance;
    database: TestDatabase;
    smtp: TestSmtp;
    towns: Awaited<ReturnType<typeof signalTowns>>;
  }) => Promise<void>,
) {
  dbTest(name, async (database) => {
    const smtp = await startSmtp();
    const app = await createTestApp(database, { SMTP_URL: smtp.url });
    try {
      await fn({ app, database, smtp, towns: await signalTowns(database) });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
}

const PLACE = { town: 'bg/stara-zagora', address: 'Ruski Blvd 24', latitude: String(NEAR_CENTRE[0]), longitude: String(NEAR_CENTRE[1]) };
const keptOf = (body: string) => [...body.matchAll(/name="kept" value="([^"]+)"/g)].map((m) => m[1]!);

/** A JPEG as a phone takes it: with the camera, its owner and where it was taken in its EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#777' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Rada Koleva', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 25/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '25/1 38/1 400/100' },
    })
    .toBuffer();

reportTest(
  'a signed-in citizen reports with a photo: where, what, the check, and it is public at once',
  async ({ app, database, towns }) => {
    const citizen = await person(database, { name: 'Ivan Petrov', email: 'ivan.petrov@example.eu' });
    const form = await app.inject({ url: '/en/signals/new?town=bg/stara-zagora', headers: { cookie: citizen.cookie } });
    assert.equal(form.statusCode, 200);
    assert.match(form.headers['cache-control'] as string, /no-store/);
    assert.match(form.body, /<option value="bg\/stara-zagora" selected>Stara Zagora \(Стара Загора\)<\/option>/);
    assert.doesNotMatch(form.body, /value="bg\/novo-selo/, 'only towns that take reports are offered');
    assert.ok(hasHoneypot(form.body));

    const what = await postReport(app, { ...PLACE, step: 'where' }, citizen);
    assert.equal(what.statusCode, 200);
    assert.match(what.body, /Step 2 of 2/);
    assert.match(what.body, /Place: Ruski Blvd 24, Stara Zagora\./);
    assert.match(what.body, new RegExp(`<input type="radio" id="category-${towns.roads}" name="category" value="${towns.roads}"`));
    assert.match(what.body, /Potholes, broken kerbs/, 'each category says what it is for');
    assert.doesNotMatch(what.body, /name="email"/, 'someone signed in is written to at their account’s address');

    const photo = await phonePhoto();
    // The GPS block's tag (0x8825), in either byte order.
    const exif = (await sharp(photo).metadata()).exif ?? Buffer.alloc(0);
    assert.ok(exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])), 'the input says where it was taken');
    const report = { ...PLACE, category: String(towns.roads), description: 'A deep pothole\n\nright at the crossing.' };
    const checked = await postReport(app, { ...report, step: 'check' }, citizen, [photo]);
    assert.equal(checked.statusCode, 200);
    assert.match(checked.body, /Reported nearby already/);
    assert.match(checked.body, /No open report of this kind within 150 m/);
    assert.match(checked.body, /1 photo is attached/);
    const kept = keptOf(checked.body);
    assert.equal(kept.length, 1);
    assert.equal(await count(database, 'signals'), 0, 'nothing is filed before it is sent');

    const sent = await postReport(app, { ...report, kept, step: 'send' }, citizen);
    assert.equal(sent.statusCode, 303);
    const id = Number(/\/en\/signals\/(\d+)\?notice=filed$/.exec(String(sent.headers.location))?.[1]);
    const row = await database.db.selectFrom('signals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.municipality_id, row.category_id, row.confirmed, row.author_id, row.contact_email, row.contact_name, row.show_name, row.address],
      [towns.staraZagora, towns.roads, 1, citizen.id, 'ivan.petrov@example.eu', 'Ivan Petrov', 0, 'Ruski Blvd 24'],
    );
    assert.deepEqual([row.latitude, row.longitude], NEAR_CENTRE);

    const page = await app.inject({ url: `/en/signals/${id}?notice=filed` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Roads and pavements: Ruski Blvd 24<\/h1>/);
    assert.match(page.body, /<p class="description">A deep pothole<\/p><p class="description">right at the crossing.<\/p>/);
    assert.doesNotMatch(page.body, /Ivan Petrov|ivan\.petrov/, 'the author’s name and address are private by default');
    const src = /<img src="(\/signals\/photos\/[0-9a-f]{24}-1200\.webp)"/.exec(page.body)?.[1];
    assert.ok(src, 'the photo is shown');
    const served = await app.inject({ url: src });
    assert.equal(served.statusCode, 200);
    const meta = await sharp(served.rawPayload).metadata();
    assert.deepEqual(
      [meta.format, meta.width, meta.height, meta.exif, meta.xmp, meta.iptc],
      ['webp', 1200, 900, undefined, undefined, undefined],
    );
    assert.ok(!served.rawPayload.includes(Buffer.from('Exif')), 'no EXIF block, so no place it was taken');
    const dir = `${app.context.config.dataDir}/uploads/signals`;
    for (const f of readdirSync(dir)) assert.ok(!readFileSync(`${dir}/${f}`).includes(Buffer.from('Rada Koleva')));
  },
);

reportTest(
  'a report sent without an account is public only once the link mailed to its author is pressed',
  async ({ app, database, smtp, towns }) => {
    const report = {
      ...PLACE,
      category: String(towns.lighting),
      description: 'The street light is out.',
      name: 'Rada Koleva',
      email: 'rada@example.eu',
      phone: '+359 42 600 000',
      show_name: '1',
    };
    const checked = await postReport(app, { ...report, step: 'check' });
    assert.equal(checked.statusCode, 200);
    assert.match(checked.body, /name="email"/);
    const sent = await postReport(app, { ...report, step: 'send' });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/en/signals/new/sent');
    assert.match((await app.inject({ url: '/en/signals/new/sent' })).body, /We sent you a link/);
    const row = await database.db.selectFrom('signals').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([row.confirmed, row.author_id, row.contact_phone, row.show_name], [0, null, '+359 42 600 000', 1]);

    for (const url of [`/en/signals/${row.id}`, '/en/municipalities/bg/stara-zagora/signals/map.json'])
      assert.doesNotMatch((await app.inject({ url })).body, /street light is out|"\d+"\]/, `${url}: nowhere before it is confirmed`);
    assert.equal((await app.inject({ url: `/en/signals/${row.id}` })).statusCode, 404);
    assert.match((await app.inject({ url: '/en/municipalities/bg/stara-zagora/signals' })).body, /No reports, newest first/);

    await app.context.mail.deliverDue();
    const mail = await smtp.messageTo('rada@example.eu');
    assert.match(mail.subject ?? '', /Confirm your report: Street lighting/);
    const link = new URL(linkIn(mail, '/signals/confirm/')).pathname;
    const opened = await app.inject({ url: link });
    assert.equal(opened.statusCode, 200, 'a mail scanner opening the link changes nothing');
    assert.equal((await database.db.selectFrom('signals').select('confirmed').executeTakeFirstOrThrow()).confirmed, 0);
    const { cookie, csrf } = await formAs(app, link);
    const confirm = () =>
      app.inject({
        method: 'POST',
        url: link,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrf)}`,
      });
    const confirmed = await confirm();
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `/en/signals/${row.id}?notice=confirmed`);
    const page = await app.inject({ url: `/en/signals/${row.id}?notice=confirmed` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Your report is confirmed and published/);
    assert.match(page.body, /by Rada Koleva/, 'the author chose to show their name');
    assert.doesNotMatch(page.body, /rada@example\.eu|600 000/, 'never their contact details');
    assert.equal((await confirm()).statusCode, 410, 'a used link is spent');
    await app.context.mail.deliverDue();
    assert.equal(smtp.messages.length, 1, 'the town’s own inbox needs no mail');
  },
);

reportTest('a category handled by another body mails it the report, without who reported it', async ({ app, database, smtp, towns }) => {
  const water = await sampleCategory(database, towns.staraZagora, {
    code: 'water',
    bodyEmail: 'signals@vik.example.bg',
    bodyName: 'ViK Stara Zagora',
  });
  const citizen = await person(database, { name: 'Ivan Petrov' });
  const sent = await postReport(
    app,
    { ...PLACE, category: String(water), description: 'Water runs from the manhole.', step: 'send' },
    citizen,
  );
  assert.equal(sent.statusCode, 303);
  await app.context.mail.deliverDue();
  const mail = await smtp.messageTo('signals@vik.example.bg');
  assert.match(mail.subject ?? '', /A report for ViK Stara Zagora: Water and drains in Stara Zagora/);
  assert.match(mail.text ?? '', /Water runs from the manhole\./);
  assert.match(mail.text ?? '', /\/signals\/\d+/);
  assert.doesNotMatch(mail.text ?? '', /Ivan Petrov|@example\.eu/);
});

reportTest(
  'a place outside the towns that take reports is named; without a point, the town’s centre and the address',
  async ({ app, database, towns }) => {
    await importPlaces(
      database.db,
      'country,code,name,population,latitude,longitude,region,native_name\nBG,KZL,Kazanlak,45000,42.6194,25.3933,Stara Zagora,Казанлък\n',
    );
    const kazanlak = await postReport(app, { town: '', address: '', latitude: '42.6194', longitude: '25.3933', step: 'where' });
    assert.equal(kazanlak.statusCode, 422);
    assert.equal(fieldError(kazanlak.body, 'latitude'), 'This place is in Kazanlak, which does not take reports on the portal yet.');
    assert.match(kazanlak.body, /value="42.6194"/, 'what was typed is kept');
    const sea = await postReport(app, { town: 'bg/stara-zagora', address: '', latitude: '35.0', longitude: '18.0', step: 'where' });
    assert.equal(fieldError(sea.body, 'latitude'), 'This place is outside every municipality on the portal.');

    const noAddress = await postReport(app, { town: 'bg/stara-zagora', address: '', latitude: '', longitude: '', step: 'where' });
    assert.equal(fieldError(noAddress.body, 'address'), 'Type the address or the place, or click it on the map.');
    const noTown = await postReport(app, { town: '', address: 'Main square', latitude: '', longitude: '', step: 'where' });
    assert.equal(fieldError(noTown.body, 'town'), 'Choose one of the options.');
    const notTaking = await postReport(app, { town: 'bg/novo-selo', address: 'Main square', latitude: '', longitude: '', step: 'where' });
    assert.equal(fieldError(notTaking.body, 'town'), 'Choose one of the options.');
    for (const [lat, lon, field, message] of [
      ['91', '25.6', 'latitude', 'Enter a latitude between -90 and 90, like 42.4258.'],
      ['42.4', 'east', 'longitude', 'Enter a longitude between -180 and 180, like 25.6345.'],
      ['42.4', '', 'longitude', 'Give both the latitude and the longitude, or neither.'],
    ])
      assert.equal(fieldError((await postReport(app, { ...PLACE, latitude: lat!, longitude: lon!, step: 'where' })).body, field!), message);

    const citizen = await person(database);
    const sent = await postReport(
      app,
      {
        town: 'bg/botevgrad',
        address: 'Square of Liberty',
        latitude: '',
        longitude: '',
        category: String(towns.botevgradRoads),
        description: 'Broken paving.',
        step: 'send',
      },
      citizen,
    );
    assert.equal(sent.statusCode, 303);
    const row = await database.db.selectFrom('signals').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.municipality_id, row.latitude, row.longitude, row.address],
      [towns.botevgrad, 42.9, 23.7833, 'Square of Liberty'],
    );
    assert.equal(await count(database, 'signals'), 1);
  },
);

reportTest(
  'open reports of the same kind nearby are offered before sending, with "me too" for those signed in',
  async ({ app, database, towns }) => {
    const author = await person(database);
    const near = await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      address: 'Central square',
      authorId: author.id,
      contactName: 'Secret Author',
    });
    await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.roads, at: [42.44, 25.65], address: 'Far away' });
    await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.lighting, at: CENTRE, address: 'A light nearby' });
    await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      address: 'Fixed already',
      state: 'fixed',
    });
    await sampleReport(database, {
      municipalityId: towns.staraZagora,
      categoryId: towns.roads,
      at: CENTRE,
      address: 'Waiting for its link',
      confirmed: false,
    });
    const citizen = await person(database);
    const report = { ...PLACE, category: String(towns.roads), description: 'Pothole.', step: 'check' };
    const checked = await postReport(app, report, citizen);
    assert.equal(checked.statusCode, 200);
    assert.match(checked.body, /These open reports of the same kind are within 150 m/);
    const offered = [...checked.body.matchAll(/<a href="\/en\/signals\/\d+">Roads and pavements: ([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(offered, ['Central square']);
    assert.doesNotMatch(checked.body, /Secret Author/);
    assert.match(checked.body, new RegExp(`action="/en/signals/${near}/me-too"`));
    assert.match(checked.body, /name="step" value="send">Send the report/);

    const anonymous = await postReport(app, { ...report, name: 'Rada', email: 'rada@example.eu' });
    assert.match(anonymous.body, /Sign in to say “me too” to one of them/);
    assert.doesNotMatch(anonymous.body, /\/me-too"/);
    const own = await postReport(app, report, author);
    assert.doesNotMatch(own.body, /\/me-too"/, 'an author is not offered their own report');
    assert.equal(await count(database, 'signals'), 5, 'checking files nothing');
  },
);

reportTest('bad input in each field is refused in words, with what was typed, and nothing is stored', async ({ app, database, towns }) => {
  const citizen = await person(database);
  const inactive = await sampleCategory(database, towns.staraZagora, { code: 'noise', active: false });
  const potholes = await sampleCategory(database, towns.staraZagora, { code: 'potholes', name: 'Potholes' });
  const depth = await sampleQuestion(database, potholes, { code: 'depth', kind: 'number', label: 'How deep, in cm?', required: true });
  const lane = await sampleQuestion(database, potholes, {
    code: 'lane',
    kind: 'singlevaluelist',
    label: 'Which lane?',
    options: [
      ['left', 'Left'],
      ['right', 'Right'],
    ],
    required: true,
  });
  const seen = await sampleQuestion(database, potholes, { code: 'seen', kind: 'datetime', label: 'When did you see it?' });
  const base = { ...PLACE, description: 'Pothole.', step: 'send' };
  const refused = async (fields: Fields, field: string, message: string, who: TestPerson | null = citizen, photos: Buffer[] = []) => {
    const res = await postReport(app, { ...base, ...fields }, who ?? undefined, photos);
    assert.equal(res.statusCode, 422, `${field}: ${res.body.slice(0, 200)}`);
    assert.match(res.headers['cache-control'] as string, /no-store/);
    assert.match(res.body, /<title>Error: Report a problem/);
    assert.equal(fieldError(res.body, field), message, field);
    return res.body;
  };
  await refused({}, 'category', 'Choose one of the options.');
  await refused({ category: String(towns.botevgradRoads) }, 'category', 'Choose one of the options.');
  await refused({ category: String(inactive) }, 'category', 'Choose one of the options.');
  await refused({ category: String(potholes), [`answer-${lane}`]: 'left' }, `answer-${depth}`, 'Fill in this field.');
  await refused(
    { category: String(potholes), [`answer-${depth}`]: 'deep', [`answer-${lane}`]: 'left' },
    `answer-${depth}`,
    'Enter a number, like 12 or 3.5.',
  );
  await refused(
    { category: String(potholes), [`answer-${depth}`]: '12', [`answer-${lane}`]: 'middle' },
    `answer-${lane}`,
    'Choose one of the options.',
  );
  await refused(
    { category: String(potholes), [`answer-${depth}`]: '12', [`answer-${lane}`]: 'left', [`answer-${seen}`]: 'yesterday' },
    `answer-${seen}`,
    'Enter a date and time, like 2026-12-05 14:30.',
  );
  const long = await refused(
    { category: String(towns.roads), description: `${'x'.repeat(5001)}` },
    'description',
    'Use at most 5,000 characters.',
  );
  assert.ok(long.includes('x'.repeat(5001)), 'the description is kept as typed');
  await refused({ category: String(towns.roads), description: '' }, 'description', 'Fill in this field.');
  await refused(
    { category: String(towns.roads), phone: 'call me' },
    'phone',
    'Enter a phone number with digits, spaces and +, like +359 42 600 000.',
  );
  await refused({ category: String(towns.roads) }, 'email', 'Fill in this field.', null);
  await refused(
    { category: String(towns.roads), name: 'Rada', email: 'not-an-address' },
    'email',
    'Enter an email address like name@example.eu.',
    null,
  );
  const photo = await phonePhoto();
  await refused({ category: String(towns.roads) }, 'photos', 'Attach at most 3 photos.', citizen, [photo, photo, photo, photo]);
  await refused({ category: String(towns.roads) }, 'photos', 'The file must be a PNG, JPEG or WebP image.', citizen, [
    Buffer.from('%PDF-1.4 not a photo'),
  ]);
  await refused(
    { category: String(towns.roads), kept: 'aaaaaaaaaaaaaaaaaaaaaaaa.forged', description: 'x'.repeat(5001) },
    'description',
    'Use at most 5,000 characters.',
  );
  assert.equal(await count(database, 'signals'), 0);
  assert.equal(await count(database, 'signal_photos'), 0);

  // A script in the description is text: shown escaped, on the form and on the page.
  const script = '<script>alert("x")</script>';
  const typed = await postReport(app, { ...base, category: String(towns.roads), description: script, step: 'check' }, citizen);
  assert.ok(typed.body.includes('&lt;script>alert('), 'the description is shown as text, escaped');
  assert.ok(!typed.body.includes(script));
  const sent = await postReport(app, { ...base, category: String(towns.roads), description: script }, citizen);
  const page = await app.inject({ url: String(sent.headers.location) });
  assert.ok(!page.body.includes(script) && page.body.includes('&lt;script'), 'escaped on the report’s page');
});

reportTest('robots, blocked accounts and forms without their token file nothing', async ({ app, database, towns }) => {
  const report = { ...PLACE, category: String(towns.roads), description: 'Pothole.', name: 'Rada', email: 'rada@example.eu', step: 'send' };
  const robot = await postReport(app, { ...report, ...ROBOT });
  assert.equal(robot.statusCode, 303, 'a robot is answered as if all went well');
  const blocked = await person(database);
  await setBlocked(app.context, blocked.id, 'spam');
  const refused = await app.inject({ url: '/en/signals/new', headers: { cookie: blocked.cookie } });
  assert.equal(refused.statusCode, 403);
  const noToken = await app.inject({
    method: 'POST',
    url: '/en/signals/new',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(report).toString(),
  });
  assert.equal(noToken.statusCode, 403);

  // A person posts a few times per report; a script posting on and on from one address is stopped.
  const { cookie, csrf } = await formAs(app, '/en/signals/new');
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/en/signals/new',
      remoteAddress: '203.0.113.7',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...PLACE, step: 'where' }).toString(),
    });
    statuses.push(res.statusCode);
  }
  assert.deepEqual([statuses[0], statuses[29], statuses[30]], [200, 200, 429]);
  assert.equal(await count(database, 'signals'), 0);
});
