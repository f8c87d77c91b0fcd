import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { person, type TestPerson } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from './service/import.ts';

const EDIT = '/en/municipalities/bg/stara-zagora/edit';

async function upload(
  app: FastifyInstance,
  who: TestPerson,
  kind: string,
  content: Buffer,
  action = '/en/municipalities/bg/stara-zagora/images',
) {
  const page = await app.inject({ url: EDIT, headers: { cookie: who.cookie } });
  const csrf =
    /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ??
    (await app.inject({ url: '/en/account', headers: { cookie: who.cookie } })).body.match(/name="_csrf" value="([^"]+)"/)?.[1] ??
    '';
  const cookie = [who.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  const b = '----municipium-image';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`,
    ),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="image"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload,
  });
}

appTest('a coat of arms is resized, re-encoded without metadata and shown on the profile', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const m = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
  const staff = await person(database, { roles: [['municipality_admin', m.id]] });
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret author', Artist: 'Hidden Camera' } })
    .toBuffer();
  assert.ok((await sharp(photo).metadata()).exif, 'the input carries EXIF');
  const res = await upload(app, staff, 'coat_of_arms', photo);
  assert.equal(res.statusCode, 303);
  const page = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  const src = /<img class="coat-of-arms" src="([^"]+)" alt="([^"]+)"/.exec(page.body);
  assert.ok(src, 'shown with alternative text');
  assert.match(src[2]!, /Stara Zagora/);
  const served = await app.inject({ url: src[1]! });
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'image/webp');
  const meta = await sharp(served.rawPayload).metadata();
  assert.equal(meta.format, 'webp');
  assert.equal(meta.width, 400);
  assert.equal(meta.exif, undefined, 'metadata is stripped');
  assert.ok(!served.rawPayload.includes(Buffer.from('secret author')));
  const small = await app.inject({ url: src[1]!.replace('-400.webp', '-120.webp') });
  assert.equal((await sharp(small.rawPayload).metadata()).width, 120);
  const history = await database.db.selectFrom('municipality_changes').select(['field', 'user_id']).execute();
  assert.deepEqual(history, [{ field: 'coat_of_arms', user_id: staff.id }]);
});

appTest('uploads that are not images, or come from other staff, are refused and change nothing', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const sz = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
  const other = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'botevgrad').executeTakeFirstOrThrow();
  const staff = await person(database, { roles: [['municipality_admin', sz.id]] });
  const otherStaff = await person(database, { roles: [['municipality_admin', other.id]] });
  const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const html = await upload(app, staff, 'coat_of_arms', Buffer.from('<svg onload="alert(1)"></svg>'));
  assert.equal(html.statusCode, 422);
  assert.match(html.body, /id="image-error"/);
  const badKind = await upload(app, staff, 'selfie', png);
  assert.equal(badKind.statusCode, 422);
  const forged = await upload(app, otherStaff, 'coat_of_arms', png);
  assert.equal(forged.statusCode, 403);
  const row = await database.db
    .selectFrom('municipalities')
    .select(['coat_of_arms', 'mayor_photo'])
    .where('id', '=', sz.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { coat_of_arms: null, mayor_photo: null });
  for (const url of ['/media/municipalities/..%2F..%2Fsecret.key', '/media/municipalities/1-coat-of-arms-000000000000-400.webp']) {
    assert.equal((await app.inject({ url })).statusCode, 404, url);
  }
});
