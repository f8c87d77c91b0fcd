import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { NEWS, sampleTowns } from '../../../test/content.ts';
import { person, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

/** Posts the editor's form as a browser does: multipart, with a file. */
async function postWithImage(
  app: FastifyInstance,
  who: TestPerson,
  fields: Record<string, string | string[]>,
  image: Buffer,
  filename = 'photo.jpg',
) {
  const page = await app.inject({ url: '/en/newsroom/new?type=news', headers: { cookie: who.cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = [who.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  const b = '----municipium-content-image';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields })) {
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  }
  parts.push(
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="image"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
    image,
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  return app.inject({
    method: 'POST',
    url: '/en/newsroom/new',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
  });
}

appTest(
  'a picture needs a description, is checked by its content, resized into variants and stripped of metadata',
  async (app, database) => {
    const { staraZagora } = await sampleTowns(database);
    const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3a7' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Hidden Camera', Copyright: 'secret' } })
      .toBuffer();
    const fields = { ...NEWS, owner: `municipality:${staraZagora}` };

    const noAlt = await postWithImage(app, editor, fields, photo);
    assert.equal(noAlt.statusCode, 422);
    assert.match(noAlt.body, /Description of the picture/);
    const fake = await postWithImage(
      app,
      editor,
      { ...fields, image_alt: 'Trees' },
      Buffer.from('<?php echo "not a picture"; ?>'),
      'trees.jpg',
    );
    assert.equal(fake.statusCode, 422, 'a file named .jpg that is not a picture is refused');
    assert.match(fake.body, /PNG, JPEG or WebP/);
    assert.equal((await database.db.selectFrom('content_items').select('id').execute()).length, 0, 'nothing was created');

    const ok = await postWithImage(app, editor, { ...fields, image_alt: 'Young lindens along the boulevard' }, photo);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    const item = await database.db.selectFrom('content_items').select(['id', 'image', 'slug']).executeTakeFirstOrThrow();
    for (const width of [1200, 600, 200]) {
      const res = await app.inject({ url: `/media/content/${item.image}-${width}.webp` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/webp');
      const meta = await sharp(res.rawPayload).metadata();
      assert.equal(meta.width, width);
      assert.equal(meta.exif, undefined, 'no EXIF is kept');
    }
    const preview = await app.inject({ url: `/en/newsroom/${item.id}/preview`, headers: { cookie: editor.cookie } });
    assert.match(
      preview.body,
      /<img src="\/media\/content\/[^"]+-1200\.webp" srcset="[^"]+" sizes="[^"]+" alt="Young lindens along the boulevard"\/>/,
    );
    assert.equal((await app.inject({ url: '/media/content/..%2F..%2Fsecret.key' })).statusCode, 404);
    assert.equal((await app.inject({ url: `/media/content/${item.image}-999.webp` })).statusCode, 404);
  },
);
