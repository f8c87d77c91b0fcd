import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { appTest } from '../../../test/helpers/app.ts';
import { assertError, childrenNamed, get311, parseXml, post311, textOf } from '../../../test/open311.ts';
import { AUTHOR, countOf, IN_BOTEVGRAD, IN_STARA_ZAGORA, open311Towns, sampleKey } from '../../../test/signals-open311.ts';
import { REPORT_LIMITS } from './service/reports.ts';

const J = 'bg/stara-zagora';
const point = { lat: String(IN_STARA_ZAGORA.lat), long: String(IN_STARA_ZAGORA.long) };

appTest('a client with a key files a report: published at once, its author kept private', async (app, database) => {
  await open311Towns(database);
  const { key, id: keyId } = await sampleKey(database);
  // Lists are kept as sent until the data changes: the one read before the post must not hide it.
  const before = await get311(app, `requests.json?jurisdiction_id=${J}`);
  assert.equal(before.statusCode, 200);
  const res = await post311(app, 'json', {
    api_key: key,
    jurisdiction_id: J,
    service_code: 'trees',
    ...point,
    address_string: 'Ruski Blvd 12',
    description: 'An oak leans over the road <script>alert(1)</script>',
    'attribute[species]': 'oak',
    'attribute[height]': '12.5',
    'attribute[damage][]': ['trunk', 'branch'],
    email: AUTHOR.email,
    first_name: 'Zlatka',
    last_name: 'Secretova',
    phone: AUTHOR.phone,
    media_url: 'https://example.eu/photo.jpg',
  });
  assert.equal(res.statusCode, 200, res.body);
  const [answer] = res.json();
  assert.deepEqual(Object.keys(answer), ['service_request_id', 'token', 'service_notice', 'account_id']);
  const row = await database.db
    .selectFrom('signals')
    .selectAll()
    .where('id', '=', Number(answer.service_request_id))
    .executeTakeFirstOrThrow();
  assert.equal(row.token, answer.token);
  assert.equal(row.confirmed, 1);
  assert.equal(row.source, 'open311');
  assert.equal(row.api_key_id, keyId);
  assert.equal(row.contact_name, AUTHOR.name);
  assert.equal(row.contact_email, AUTHOR.email);
  assert.equal(row.contact_phone, AUTHOR.phone);
  assert.equal(row.show_name, 0);
  assert.equal(row.address, 'Ruski Blvd 12');
  assert.deepEqual(JSON.parse(row.answers!), { species: 'oak', height: '12.5', damage: ['trunk', 'branch'] });
  const used = await database.db.selectFrom('signal_api_keys').select('last_used_at').where('id', '=', keyId).executeTakeFirstOrThrow();
  assert.ok(used.last_used_at, 'the key is marked used');

  // Listed at once, without who sent it; its words come back as text, escaped in XML.
  const after = await get311(app, `requests.json?jurisdiction_id=${J}`);
  assert.deepEqual(
    after.json().map((r: { service_request_id: string }) => r.service_request_id),
    [answer.service_request_id, ...before.json().map((r: { service_request_id: string }) => r.service_request_id)],
  );
  const packed = await app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${J}`, headers: { 'accept-encoding': 'br' } });
  assert.equal(packed.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(packed.rawPayload).toString(), after.body);
  const listed = await get311(app, `requests/${row.id}.json?jurisdiction_id=${J}`);
  assert.equal(listed.json()[0].description, 'An oak leans over the road <script>alert(1)</script>');
  const xml = parseXml((await get311(app, `requests/${row.id}.xml?jurisdiction_id=${J}`)).body);
  assert.equal(textOf(childrenNamed(xml, 'request')[0]!, 'description'), 'An oak leans over the road <script>alert(1)</script>');
  const byToken = await get311(app, `tokens/${answer.token}.json?jurisdiction_id=${J}`);
  assert.equal(byToken.json()[0].service_request_id, answer.service_request_id);

  const inXml = await post311(app, 'xml', { api_key: key, jurisdiction_id: J, service_code: 'roads', ...point, description: 'Pothole' });
  assert.equal(inXml.statusCode, 200, inXml.body);
  const root = parseXml(inXml.body);
  assert.equal(root.tagName, 'service_requests');
  const request = childrenNamed(root, 'request')[0]!;
  for (const field of ['service_request_id', 'token', 'service_notice', 'account_id']) textOf(request, field);
  assert.equal(await countOf(database, 'signals'), 2);
});

appTest('a post is refused with the spec’s error, the right status and nothing stored', async (app, database) => {
  const t = await open311Towns(database);
  const { key } = await sampleKey(database);
  const { key: revoked } = await sampleKey(database, true);
  const good = { api_key: key, jurisdiction_id: J, service_code: 'roads', ...point, description: 'Pothole' };
  const tree = { ...good, service_code: 'trees', 'attribute[species]': 'oak' };
  const { api_key: _k, ...keyless } = good;
  const { lat: _a, long: _b, ...placeless } = good;
  const cases: [Record<string, string | string[]>, number, RegExp][] = [
    [keyless, 400, /api_key is required/],
    [{ ...good, api_key: 'made-up-key' }, 403, /api_key is not valid/],
    [{ ...good, api_key: revoked }, 403, /api_key is not valid/],
    [{ ...good, api_key: [key, key] }, 400, /api_key must be given once/],
    [{ ...good, jurisdiction_id: '' }, 400, /jurisdiction_id is required/],
    [{ ...good, jurisdiction_id: 'bg/atlantis' }, 404, /not a municipality/],
    [{ ...good, service_code: '' }, 400, /service_code is required/],
    [{ ...good, service_code: 'potholes' }, 400, /service_code potholes is not a service of bg\/stara-zagora/],
    [{ ...good, service_code: 'old' }, 400, /service_code old is not a service/],
    [{ ...placeless, address_string: 'Ruski Blvd 12' }, 400, /does not look up addresses/],
    [placeless, 400, /lat and long are required/],
    [{ ...good, long: '' }, 400, /long is required/],
    [{ ...good, lat: '91' }, 400, /lat must be a number from -90 to 90/],
    [{ ...good, long: '-180.5' }, 400, /long must be a number from -180 to 180/],
    [{ ...good, lat: '42,4' }, 400, /lat must be a number/],
    [{ ...good, lat: 'NaN' }, 400, /lat must be a number/],
    [
      { ...good, lat: String(IN_BOTEVGRAD.lat), long: String(IN_BOTEVGRAD.long) },
      400,
      /the location is in Botevgrad \(bg\/botevgrad\), not in Stara Zagora/,
    ],
    [{ ...good, lat: '35', long: '18' }, 400, /in no municipality of this portal/],
    [{ ...good, description: '' }, 400, /description is required/],
    [{ ...good, description: 'x'.repeat(REPORT_LIMITS.description + 1) }, 400, /description is longer than 5000 characters/],
    [{ ...good, description: 'bell \u0007 here' }, 400, /description holds control characters/],
    [{ ...good, address_string: 'a'.repeat(REPORT_LIMITS.address + 1) }, 400, /address_string is longer/],
    [{ ...good, email: 'not-an-address' }, 400, /email is not an email address/],
    [{ ...good, phone: '1'.repeat(41) }, 400, /phone is longer/],
    [{ ...good, first_name: 'a'.repeat(100), last_name: 'b'.repeat(100) }, 400, /first_name and last_name/],
    [{ ...tree, 'attribute[species]': '' }, 400, /attribute\[species\] is required/],
    [{ ...tree, 'attribute[species]': 'palm' }, 400, /attribute\[species\] has a value it does not take/],
    [{ ...tree, 'attribute[height]': 'tall' }, 400, /attribute\[height\] has a value/],
    [{ ...tree, 'attribute[species]': ['oak', 'linden'] }, 400, /attribute\[species\] has a value/],
    [{ ...tree, 'attribute[damage][]': ['trunk', '<script>'] }, 400, /attribute\[damage\] has a value/],
  ];
  for (const format of ['json', 'xml'] as const) {
    for (const [fields, status, pattern] of cases) {
      const res = await post311(app, format, fields);
      assertError(res, status, pattern);
    }
  }
  assert.equal(await countOf(database, 'signals'), 0, 'nothing stored');

  // Without a town of its own drawn, Botevgrad's point is Botevgrad's: the same post there is fine.
  const there = await post311(app, 'json', {
    ...good,
    jurisdiction_id: 'bg/botevgrad',
    lat: String(IN_BOTEVGRAD.lat),
    long: String(IN_BOTEVGRAD.long),
  });
  assert.equal(there.statusCode, 200, there.body);
  const row = await database.db.selectFrom('signals').select('municipality_id').executeTakeFirstOrThrow();
  assert.equal(row.municipality_id, t.botevgrad);
});

appTest(
  'a key files at most so many reports in a while; a body that is not a form is refused in the spec’s format',
  async (app, database) => {
    await open311Towns(database);
    const { key, id } = await sampleKey(database);
    const good = { api_key: key, jurisdiction_id: J, service_code: 'roads', ...point, description: 'Pothole' };
    await database.db
      .insertInto('throttle')
      .values({ key: `open311:key:${id}`, window_start: Date.now(), hits: 5 })
      .execute();
    const res = await post311(app, 'xml', good);
    assertError(res, 429, /too many requests with this api_key/);
    assert.ok(Number(res.headers['retry-after']) > 0);
    assert.equal(await countOf(database, 'signals'), 0);

    const json = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'text/plain' },
      payload: 'api_key=x',
    });
    assert.ok(json.statusCode === 415 || json.statusCode === 400, String(json.statusCode));
    assert.equal(JSON.parse(json.body)[0].code, json.statusCode);
    const huge = await post311(app, 'xml', { ...good, description: 'x'.repeat(70_000) });
    assertError(huge, 413, /too large/i);
    assertError(await post311(app, 'json', { ...good, description: 'nul \u0000 here' }), 400, /./);
    assert.equal(await countOf(database, 'signals'), 0);
  },
  { OPEN311_POSTS_PER_KEY: '5' },
);

appTest(
  'an operator who lifts the per-key limit lets a trusted client post on',
  async (app, database) => {
    await open311Towns(database);
    const { key, id } = await sampleKey(database);
    await database.db
      .insertInto('throttle')
      .values({ key: `open311:key:${id}`, window_start: Date.now(), hits: 100_000 })
      .execute();
    const res = await post311(app, 'json', { api_key: key, jurisdiction_id: J, service_code: 'roads', ...point, description: 'Pothole' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await countOf(database, 'signals'), 1);
  },
  { OPEN311_POSTS_PER_KEY: '0' },
);
