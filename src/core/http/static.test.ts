import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appTest } from '../../../test/helpers/app.ts';
import { assetRoots, assetVersion, precompressAssets } from './assets.ts';
import { IMMUTABLE, SHORT_LIVED } from './static.ts';

const [publicRoot, leafletRoot] = assetRoots;
const source = (root: typeof publicRoot, file: string) => readFileSync(join(root!.dir, file));

appTest('versioned assets come precompressed, with a year of caching, and decode to the files', async (app) => {
  const page = await app.inject({ url: '/en/' });
  const version = /\/static\/app\.css\?v=([0-9a-f]+)/.exec(page.body)?.[1];
  assert.ok(version, 'the layout links the stylesheet with its version');
  assert.ok(page.body.includes(`/static/suggest.js?v=${version}`), 'scripts carry the same version');
  const files = [
    [`/static/app.css?v=${version}`, source(publicRoot, 'app.css'), /^text\/css/],
    [`/static/vendor/leaflet/leaflet.js?v=${version}`, source(leafletRoot, 'leaflet.js'), /javascript/],
  ] as const;
  for (const [url, bytes, type] of files) {
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await app.inject({ url, headers: { 'accept-encoding': encoding } });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-encoding'], encoding, `${url} in ${encoding}`);
      assert.match(String(res.headers['content-type']), type);
      assert.equal(res.headers['cache-control'], IMMUTABLE);
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.ok(res.rawPayload.length < bytes.length / 3, `${url} in ${encoding} is small`);
      assert.ok(decode(res.rawPayload).equals(bytes), `${url} in ${encoding} is the file`);
    }
    const plain = await app.inject({ url });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.equals(bytes));
  }
});

appTest('static files keep ETag and Last-Modified, per encoding, and answer 304', async (app) => {
  const mtime = statSync(join(publicRoot!.dir, 'app.css')).mtime;
  for (const encoding of ['br', 'gzip', 'identity']) {
    const headers = { 'accept-encoding': encoding };
    const first = await app.inject({ url: '/static/app.css', headers });
    assert.ok(first.headers.etag, encoding);
    assert.equal(first.headers['last-modified'], mtime.toUTCString(), `${encoding}: the source file's date`);
    const again = await app.inject({ url: '/static/app.css', headers: { ...headers, 'if-none-match': String(first.headers.etag) } });
    assert.equal(again.statusCode, 304, encoding);
    assert.equal(again.body, '');
    const since = await app.inject({ url: '/static/app.css', headers: { ...headers, 'if-modified-since': mtime.toUTCString() } });
    assert.equal(since.statusCode, 304, encoding);
  }
  const br = await app.inject({ url: '/static/app.css', headers: { 'accept-encoding': 'br' } });
  const gzip = await app.inject({ url: '/static/app.css', headers: { 'accept-encoding': 'gzip' } });
  assert.notEqual(br.headers.etag, gzip.headers.etag, 'two encodings are two representations');
  const other = await app.inject({
    url: '/static/app.css',
    headers: { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) },
  });
  assert.equal(other.statusCode, 200, "the Brotli copy's tag does not validate the gzip one");
});

appTest('an asset without the current version is kept only briefly; copies and unused builds are not served', async (app) => {
  for (const url of ['/static/app.css', '/static/app.css?v=0123456789', '/static/vendor/leaflet/images/marker-icon.png']) {
    const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['cache-control'], SHORT_LIVED, url);
  }
  for (const url of [
    '/static/app.css.br',
    '/static/app.css.gz',
    '/static/vendor/leaflet/leaflet.js.map',
    '/static/vendor/leaflet/leaflet-src.js',
    '/static/vendor/leaflet.markercluster/leaflet.markercluster-src.js',
    '/static/../package.json',
    '/static/%2e%2e/package.json',
  ]) {
    const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    assert.ok([403, 404].includes(res.statusCode), `${url} answers ${res.statusCode}`);
  }
});

test('assets are compressed into the first cache folder that can be written, once per version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-assets-'));
  const stale = join(dir, '0000000000');
  mkdirSync(stale);
  utimesSync(stale, new Date(2020, 0, 1), new Date(2020, 0, 1));
  const blocked = join(dir, 'a-file');
  writeFileSync(blocked, '');
  const target = precompressAssets([join(blocked, 'cache'), dir]);
  assert.equal(target, join(dir, assetVersion()));
  const css = source(publicRoot, 'app.css');
  assert.ok(brotliDecompressSync(readFileSync(join(target!, 'public', 'app.css.br'))).equals(css));
  assert.ok(gunzipSync(readFileSync(join(target!, 'public', 'app.css.gz'))).equals(css));
  assert.ok(readFileSync(join(target!, 'public', 'app.css')).equals(css));
  assert.ok(!existsSync(join(target!, 'public', 'favicon.svg.br')), 'too small to gain');
  assert.ok(!existsSync(join(target!, 'leaflet', 'images', 'layers.png.br')), 'a picture is compressed already');
  assert.ok(!existsSync(stale), 'a version unused for a week is removed');
  assert.equal(precompressAssets([dir]), target, 'the next start finds it');
  assert.equal(precompressAssets([join(blocked, 'cache')]), undefined, 'nowhere to write: files go out as they are');
});
