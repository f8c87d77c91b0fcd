import assert from 'node:assert/strict';
import { appTest } from '../../../test/helpers/app.ts';
import { assertError, childrenNamed, get311, parseXml, textOf } from '../../../test/open311.ts';
import { open311Towns, sampleSignal } from '../../../test/signals-open311.ts';

const SZ = 'jurisdiction_id=bg/stara-zagora';
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

appTest('discovery names the endpoint, its specification and formats, in JSON and XML', async (app) => {
  const json = await get311(app, 'discovery.json');
  assert.equal(json.statusCode, 200);
  assert.match(String(json.headers['content-type']), /^application\/json/);
  assert.equal(json.headers['access-control-allow-origin'], '*');
  const d = json.json();
  assert.match(d.changeset, ISO);
  assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
  assert.equal(d.endpoints[0].url, 'http://portal.test/open311/v2');
  assert.deepEqual(d.endpoints[0].formats, ['application/json', 'text/xml']);
  assert.ok(d.contact && d.key_service);
  const xml = await get311(app, 'discovery.xml');
  assert.match(String(xml.headers['content-type']), /^text\/xml/);
  const root = parseXml(xml.body);
  assert.equal(root.tagName, 'discovery');
  const [endpoint] = childrenNamed(childrenNamed(root, 'endpoints')[0]!, 'endpoint');
  assert.equal(textOf(endpoint!, 'type'), 'production');
  assert.deepEqual(
    childrenNamed(childrenNamed(endpoint!, 'formats')[0]!, 'format').map((f) => f.textContent),
    ['application/json', 'text/xml'],
  );
  assertError(await get311(app, 'discovery.yaml'), 404, /no such resource/);
});

appTest("services are a town's active categories, named in the language asked for", async (app, database) => {
  await open311Towns(database);
  const res = await get311(app, `services.json?${SZ}`);
  assert.equal(res.statusCode, 200);
  const services = res.json();
  assert.deepEqual(services, [
    {
      service_code: 'roads',
      service_name: 'Roads and pavements',
      description: 'Potholes, broken kerbs, damaged pavements and road markings.',
      metadata: false,
      type: 'realtime',
      keywords: 'roads',
      group: 'Mobility',
    },
    {
      service_code: 'trees',
      service_name: 'Trees & <hedges>',
      description: 'Fallen or dangerous trees',
      metadata: true,
      type: 'realtime',
      keywords: 'trees',
      group: 'Urban environment and ecology',
    },
  ]);
  const bg = (await get311(app, `services.json?${SZ}&locale=bg_BG`)).json();
  assert.equal(bg[0].service_name, 'Пътища и тротоари');
  assert.equal((await get311(app, `services.json?${SZ}&lang=fr`)).json()[0].service_name, 'Voirie et trottoirs');

  const xml = parseXml((await get311(app, `services.xml?${SZ}`)).body);
  assert.equal(xml.tagName, 'services');
  const items = childrenNamed(xml, 'service');
  assert.equal(items.length, 2);
  assert.equal(textOf(items[1]!, 'service_name'), 'Trees & <hedges>', 'escaped, and read back the same');
  assert.equal(textOf(items[1]!, 'metadata'), 'true');
  for (const field of ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']) textOf(items[0]!, field);

  for (const format of ['json', 'xml']) {
    assertError(await get311(app, `services.${format}`), 400, /jurisdiction_id is required/);
    assertError(await get311(app, `services.${format}?jurisdiction_id=bg/atlantis`), 404, /not a municipality/);
    assertError(await get311(app, `services.${format}?jurisdiction_id=<script>`), 404, /not a municipality/);
    assertError(await get311(app, `services.${format}?jurisdiction_id=a&jurisdiction_id=b`), 400, /once/);
  }
  const none = await get311(app, 'services.json?jurisdiction_id=fi/helsinki');
  assert.deepEqual(none.json(), [], 'a town without categories has no services');
});

appTest('a service definition lists its questions as attributes with their values', async (app, database) => {
  await open311Towns(database);
  const res = await get311(app, `services/trees.json?${SZ}`);
  assert.equal(res.statusCode, 200);
  const d = res.json();
  assert.equal(d.service_code, 'trees');
  assert.deepEqual(d.attributes[0], {
    variable: true,
    code: 'species',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: 'About species',
    order: 1,
    description: 'Question species',
    values: [
      { key: 'oak', name: 'Oak' },
      { key: 'linden', name: 'Linden' },
    ],
  });
  assert.deepEqual(
    d.attributes.map((a: { code: string; datatype: string; required: boolean }) => [a.code, a.datatype, a.required]),
    [
      ['species', 'singlevaluelist', true],
      ['height', 'number', false],
      ['damage', 'multivaluelist', false],
    ],
  );
  const xml = parseXml((await get311(app, `services/trees.xml?${SZ}`)).body);
  assert.equal(xml.tagName, 'service_definition');
  assert.equal(textOf(xml, 'service_code'), 'trees');
  const attributes = childrenNamed(childrenNamed(xml, 'attributes')[0]!, 'attribute');
  assert.equal(attributes.length, 3);
  for (const field of ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'])
    textOf(attributes[0]!, field);
  const values = childrenNamed(childrenNamed(attributes[0]!, 'values')[0]!, 'value');
  assert.deepEqual(
    values.map((v) => [textOf(v, 'key'), textOf(v, 'name')]),
    [
      ['oak', 'Oak'],
      ['linden', 'Linden'],
    ],
  );
  assert.deepEqual((await get311(app, `services/roads.json?${SZ}`)).json(), { service_code: 'roads', attributes: [] });
  for (const format of ['json', 'xml']) {
    assertError(await get311(app, `services/potholes.${format}?${SZ}`), 404, /service_code potholes was not found/);
    assertError(await get311(app, `services/old.${format}?${SZ}`), 404, /not found/);
    assertError(await get311(app, `services/trees.${format}`), 400, /jurisdiction_id is required/);
    assertError(await get311(app, `services/trees.${format}?jurisdiction_id=xx/none`), 404, /not a municipality/);
  }
});

appTest('requests list public reports of the town only, newest first, every field, never who reported', async (app, database) => {
  const t = await open311Towns(database);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const open = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, createdAt: day(2) });
  const fixed = await sampleSignal(database, {
    municipalityId: t.staraZagora,
    categoryId: t.trees,
    state: 'fixed',
    createdAt: day(1),
    description: 'Branch <b>down</b> & blocking',
    address: null,
  });
  const { db } = database;
  await db
    .insertInto('signal_updates')
    .values([
      {
        signal_id: fixed,
        kind: 'state',
        state: 'fixed',
        note: 'Cleared by the parks team',
        author_id: null,
        from_municipality: null,
        created_at: day(0.5),
      },
      {
        signal_id: fixed,
        kind: 'internal',
        state: null,
        note: 'INTERNAL: ask Ivan',
        author_id: null,
        from_municipality: null,
        created_at: day(0.4),
      },
    ])
    .execute();
  await db
    .insertInto('signal_photos')
    .values([
      { signal_id: fixed, file: 'hidden-one', hidden: 1, position: 0 },
      { signal_id: fixed, file: 'first-shown', hidden: 0, position: 1 },
      { signal_id: fixed, file: 'second-shown', hidden: 0, position: 2 },
    ])
    .execute();
  const waiting = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, confirmed: 0 });
  const hidden = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, hidden: 1 });
  await sampleSignal(database, { municipalityId: t.botevgrad, categoryId: t.botevgradRoads });
  const old = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, createdAt: day(120) });

  const res = await get311(app, `requests.json?${SZ}`);
  assert.equal(res.statusCode, 200);
  const list = res.json();
  assert.deepEqual(
    list.map((r: { service_request_id: string }) => r.service_request_id),
    [String(fixed), String(open)],
    'newest first; not waiting, hidden, another town’s, or older than 90 days',
  );
  const [f, o] = list;
  for (const field of REQUEST_FIELDS) assert.ok(field in f, field);
  assert.equal(f.status, 'closed');
  assert.equal(f.status_notes, 'Cleared by the parks team', 'the latest public note, never an internal one');
  assert.equal(f.extended_attributes.detailed_status, 'fixed');
  assert.equal(f.service_code, 'trees');
  assert.equal(f.agency_responsible, 'Parks Company');
  assert.equal(f.media_url, 'http://portal.test/signals/photos/first-shown-1200.webp');
  assert.equal(f.address, '');
  assert.match(f.requested_datetime, ISO);
  assert.match(f.updated_datetime, ISO);
  assert.equal(o.status, 'open');
  assert.equal(o.status_notes, 'Open');
  assert.equal(o.agency_responsible, 'Stara Zagora');
  assert.equal(o.media_url, '');
  assert.equal(o.lat, 42.4258);
  assert.equal(o.long, 25.6345);
  assert.equal(o.service_name, 'Roads and pavements');
  assert.ok(!res.body.includes('INTERNAL'));

  const xml = await get311(app, `requests.xml?${SZ}`);
  const root = parseXml(xml.body);
  assert.equal(root.tagName, 'service_requests');
  const items = childrenNamed(root, 'request');
  assert.equal(items.length, 2);
  for (const field of REQUEST_FIELDS) textOf(items[0]!, field);
  assert.equal(textOf(items[0]!, 'description'), 'Branch <b>down</b> & blocking', 'escaped, and read back the same');
  assert.equal(textOf(childrenNamed(items[0]!, 'extended_attributes')[0]!, 'detailed_status'), 'fixed');

  const ids = (q: string) =>
    get311(app, `requests.json?${SZ}&${q}`).then((r) => r.json().map((x: { service_request_id: string }) => Number(x.service_request_id)));
  assert.deepEqual(await ids('status=open'), [open]);
  assert.deepEqual(await ids('status=closed'), [fixed]);
  assert.deepEqual(await ids('service_code=roads'), [open]);
  assert.deepEqual(await ids('service_code=nothing'), []);
  assert.deepEqual(await ids(`service_request_id=${open},${old},${waiting},${hidden}`), [open, old], 'by id, any age; never the others');
  assert.deepEqual(await ids(`service_request_id=${old},${open}&status=closed&service_code=trees`), [open, old], 'ids override the rest');
  assert.deepEqual(await ids(`start_date=${day(200).slice(0, 10)}`), [fixed, open, old]);
  assert.deepEqual(await ids(`start_date=${encodeURIComponent(day(1.5))}&end_date=${encodeURIComponent(day(0.1))}`), [fixed]);
  assert.deepEqual(await ids(`end_date=${encodeURIComponent(day(100))}`), [old], 'the 90 days before the end asked');

  for (const format of ['json', 'xml']) {
    assertError(await get311(app, `requests.${format}?${SZ}&status=pending`), 400, /status must be open or closed/);
    assertError(await get311(app, `requests.${format}?${SZ}&start_date=yesterday`), 400, /start_date must be an ISO 8601 date/);
    assertError(await get311(app, `requests.${format}?${SZ}&end_date=2026-13-45`), 400, /end_date/);
    assertError(await get311(app, `requests.${format}?${SZ}&start_date=2026-12-02&end_date=2026-12-01`), 400, /after/);
    assertError(await get311(app, `requests.${format}?${SZ}&service_request_id=1;drop`), 400, /service_request_id/);
    assertError(await get311(app, `requests.${format}`), 400, /jurisdiction_id is required/);
    assertError(await get311(app, `requests.${format}?jurisdiction_id=bg/nowhere`), 404, /not a municipality/);
  }
});

appTest('one request by its id or token: public ones of the town only', async (app, database) => {
  const t = await open311Towns(database);
  const open = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads });
  const hidden = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, hidden: 1 });
  const waiting = await sampleSignal(database, { municipalityId: t.staraZagora, categoryId: t.roads, confirmed: 0 });
  const elsewhere = await sampleSignal(database, { municipalityId: t.botevgrad, categoryId: t.botevgradRoads });
  const tokenOf = async (id: number) =>
    (await database.db.selectFrom('signals').select('token').where('id', '=', id).executeTakeFirstOrThrow()).token;

  const one = await get311(app, `requests/${open}.json?${SZ}`);
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().length, 1);
  assert.equal(one.json()[0].service_request_id, String(open));
  const xml = parseXml((await get311(app, `requests/${open}.xml?${SZ}`)).body);
  assert.equal(textOf(childrenNamed(xml, 'request')[0]!, 'service_request_id'), String(open));

  const token = await tokenOf(open);
  assert.deepEqual((await get311(app, `tokens/${token}.json?${SZ}`)).json(), [{ service_request_id: String(open), token }]);
  const tokenXml = parseXml((await get311(app, `tokens/${token}.xml?${SZ}`)).body);
  assert.equal(tokenXml.tagName, 'service_requests');
  assert.equal(textOf(childrenNamed(tokenXml, 'request')[0]!, 'token'), token);

  for (const format of ['json', 'xml']) {
    for (const id of [hidden, waiting, elsewhere, 999999, 'abc', '0'])
      assertError(await get311(app, `requests/${id}.${format}?${SZ}`), 404, /service_request_id was not found/);
    for (const id of [hidden, waiting, elsewhere])
      assertError(await get311(app, `tokens/${await tokenOf(id)}.${format}?${SZ}`), 404, /token/);
    assertError(await get311(app, `tokens/nothing.${format}?${SZ}`), 404, /token was not found/);
    assertError(await get311(app, `requests/${open}.${format}`), 400, /jurisdiction_id is required/);
  }
  assertError(await get311(app, `requests/${open}.html?${SZ}`), 404, /no such resource/);
});

appTest('reads are limited per address, answered in the spec’s format', async (app) => {
  let last = await get311(app, 'discovery.xml');
  for (let i = 0; i < 300 && last.statusCode === 200; i++) last = await get311(app, 'discovery.xml');
  assertError(last, 429, /too many requests/);
});
