import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { importPlaces } from '../../../test/content.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { modules } from '../../modules/index.ts';
import { runDemoSeeds } from '../seeds.ts';

const decode = { br: brotliDecompressSync, gzip: gunzipSync };

/** Every kind of answer a browser, a feed reader or an API client fetches, each well over 1 KB with the demo content. */
const ANSWERS = [
  ['/en/', /^text\/html/],
  ['/en/municipalities', /^text\/html/],
  ['/api/v1/content', /^application\/json/],
  ['/api/v1/municipalities.geojson', /^application\/geo\+json/],
  ['/en/municipalities/map.json', /^application\/json/],
  ['/en/feeds/content.rss', /^application\/rss\+xml/],
  ['/en/feeds/content.atom', /^application\/atom\+xml/],
  ['/en/feeds/content.json', /^application\/feed\+json/],
  ['/en/events.ics', /^text\/calendar/],
] as const;

/** Enough places that the map's data is worth compressing. */
const VILLAGES = Array.from({ length: 40 }, (_, i) => `FI,V${i},Kylä ${i},${1000 + i},6${i % 9}.5,2${i % 9}.5,Lappi,`).join('\n');

async function withDemoContent(app: FastifyInstance, database: Parameters<typeof importPlaces>[0]) {
  await importPlaces(database, `${SAMPLE_CSV}${VILLAGES}\n`);
  await runDemoSeeds(modules, app.context);
}

appTest('pages, JSON, feeds and calendars come compressed when asked and decode to the very same bytes', async (app, database) => {
  await withDemoContent(app, database.db);
  for (const [url, type] of ANSWERS) {
    const plain = await app.inject({ url });
    assert.equal(plain.statusCode, 200, url);
    assert.match(String(plain.headers['content-type']), type, url);
    assert.ok(plain.rawPayload.length > 1024, `${url} is big enough to be worth compressing`);
    assert.equal(plain.headers['content-encoding'], undefined, `${url} is sent plain to a client that did not ask`);
    assert.match(String(plain.headers.vary), /accept-encoding/i, `${url} tells caches that it varies`);
    for (const encoding of ['br', 'gzip'] as const) {
      const packed = await app.inject({ url, headers: { 'accept-encoding': encoding } });
      assert.equal(packed.statusCode, 200, url);
      assert.equal(packed.headers['content-encoding'], encoding, `${url} in ${encoding}`);
      assert.match(String(packed.headers.vary), /accept-encoding/i);
      assert.ok(packed.rawPayload.length < plain.rawPayload.length / 2, `${url} in ${encoding} is less than half the size`);
      assert.ok(decode[encoding](packed.rawPayload).equals(plain.rawPayload), `${url} in ${encoding} decodes to the same bytes`);
    }
  }
  const preferred = await app.inject({ url: '/en/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(preferred.headers['content-encoding'], 'br', 'Brotli when the browser takes both');
  const refused = await app.inject({ url: '/en/', headers: { 'accept-encoding': 'br;q=0, gzip' } });
  assert.equal(refused.headers['content-encoding'], 'gzip', 'never an encoding the client refuses');
});

appTest('tiny answers and pictures go out as they are, even when compression is asked for', async (app) => {
  const asks = { 'accept-encoding': 'br, gzip' };
  const robots = await app.inject({ url: '/robots.txt', headers: asks });
  assert.ok(robots.rawPayload.length < 1024);
  assert.equal(robots.headers['content-encoding'], undefined, 'under 1 KB the header would cost more than it saves');
  const health = await app.inject({ url: '/healthz', headers: asks });
  assert.equal(health.headers['content-encoding'], undefined);
  const picture = await app.inject({ url: '/static/vendor/leaflet/images/layers-2x.png', headers: asks });
  assert.equal(picture.statusCode, 200);
  assert.ok(picture.rawPayload.length > 1024);
  assert.equal(picture.headers['content-encoding'], undefined, 'a PNG is compressed already');
  const icon = await app.inject({ url: '/static/favicon.svg', headers: asks });
  assert.equal(icon.headers['content-encoding'], undefined);
});

appTest(
  'with COMPRESSION=off (a proxy compresses) everything goes out plain',
  async (app) => {
    const asks = { 'accept-encoding': 'br, gzip' };
    for (const url of ['/en/', '/api/v1/content', '/static/app.css', '/static/vendor/leaflet/leaflet.js']) {
      const res = await app.inject({ url, headers: asks });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-encoding'], undefined, url);
    }
    const css = await app.inject({ url: '/static/app.css' });
    assert.ok(css.body.includes(':root'));
  },
  { COMPRESSION: 'off' },
);

appTest('a garbage or oversized Accept-Encoding still gets its answer', async (app) => {
  const headers = [
    'x'.repeat(10 * 1024),
    `${'br;q=0.5, '.repeat(1000)}gzip`,
    ';;;,,,q=abc, br;q=2, *;q=-1',
    '\u00ff\u00fe, gzip;q=nonsense',
  ];
  for (const value of headers) {
    for (const url of ['/en/', '/static/app.css', '/api/v1/openapi.json']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': value } });
      assert.equal(res.statusCode, 200, `${url} with ${value.slice(0, 30)}`);
      const encoding = res.headers['content-encoding'];
      const body =
        encoding === 'br' ? brotliDecompressSync(res.rawPayload) : encoding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
      assert.ok(body.length > 1024, url);
    }
  }
});
