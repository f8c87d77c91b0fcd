import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleMembership, sampleNetwork } from '../../../test/scopes.ts';

appTest('the API lists networks and their public members as JSON and GeoJSON, with the pages’ filters', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  await sampleMembership(database, net, towns.staraZagora, 'active', { since: '2015-04-01T00:00:00.000Z' });
  await sampleMembership(database, net, towns.botevgrad, 'on_hold', { since: '2019-01-01T00:00:00.000Z' });
  const get = (url: string) => app.inject({ url });

  const list = (await get('/api/v1/networks')).json() as { data: { id: number; name: string; members: number; url: string }[] };
  assert.deepEqual(
    list.data.map((n) => [n.id, n.name, n.members, n.url]),
    [[net.id, 'Green Towns', 1, 'http://portal.test/en/networks/green-towns']],
  );
  assert.equal(((await get('/api/v1/networks?kind=initiative')).json() as { data: unknown[] }).data.length, 0);

  const one = (await get(`/api/v1/networks/${net.id}?lang=bg`)).json() as { memberships: { label: string; reportEveryYears: number }[] };
  assert.deepEqual(
    one.memberships.map((m) => [m.label, m.reportEveryYears]),
    [['Член', 2]],
  );

  const members = await get(`/api/v1/networks/${net.id}/members`);
  assert.equal(members.headers['access-control-allow-origin'], '*');
  const page = members.json() as { data: { member: { name: string }; since: string; status: string }[]; total: number; next: null };
  assert.equal(page.total, 1, 'a member on hold is not public');
  assert.deepEqual(page.data[0], {
    member: {
      type: 'municipality',
      id: towns.staraZagora,
      name: 'Stara Zagora',
      country: 'BG',
      url: 'http://portal.test/en/municipalities/bg/stara-zagora',
    },
    membership: { id: net.kind, code: 'member', label: 'Member' },
    since: '2015-04-01',
    status: 'active',
  });
  assert.equal(((await get(`/api/v1/networks/${net.id}/members?year=2016`)).json() as { total: number }).total, 0);

  const geo = await get(`/api/v1/networks/${net.id}/members.geojson`);
  assert.match(String(geo.headers['content-type']), /^application\/geo\+json/);
  const features = (geo.json() as { features: { geometry: { coordinates: number[] } }[] }).features;
  assert.deepEqual(
    features.map((f) => f.geometry.coordinates),
    [[25.6345, 42.4258]],
  );

  for (const bad of [
    `/api/v1/networks/${net.id}/members?year=abc`,
    `/api/v1/networks/${net.id}/members?page=0`,
    '/api/v1/networks?kind=cult',
    `/api/v1/networks/${net.id}?lang=xx`,
    `/api/v1/networks/${net.id}/members?evil=1`,
  ]) {
    const res = await get(bad);
    assert.equal(res.statusCode, 400, bad);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  }
  for (const missing of ['/api/v1/networks/999', '/api/v1/networks/999/members', '/api/v1/networks/999/members.geojson']) {
    assert.equal((await get(missing)).statusCode, 404, missing);
  }
  const doc = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
  for (const path of ['/networks', '/networks/{id}', '/networks/{id}/members', '/networks/{id}/members.geojson'])
    assert.ok(doc.paths[path], path);
});
