import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { entriesOf } from '../../../test/feeds.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { demoProgrammes } from './service/seeds.ts';

type Call = { id: number; reference: string; state: string; deadlineAt: string; timeZone: string; url: string };
const refs = (calls: { reference: string }[]) => calls.map((c) => c.reference);

appTest('the demo catalogue lists programmes and their calls, filtered as readers ask, each call on its own page', async (app) => {
  await demoProgrammes.run(app.context);
  await demoProgrammes.run(app.context); // safe to run twice
  const get = (url: string) => app.inject({ url });
  const list = await get('/en/programmes');
  assert.equal(list.statusCode, 200);
  for (const name of ['CERV', 'Interreg Europe', 'LIFE', 'Horizon Europe', 'Erasmus+', 'URBACT', 'European Commission (EACEA)'])
    assert.ok(list.body.includes(name), name);
  assert.match(list.body, /rel="alternate" type="application\/rss\+xml"[^>]*href="\/en\/feeds\/funding-calls\.rss"/);
  assert.match(list.body, /rel="alternate" type="text\/calendar"[^>]*href="\/en\/calls\.ics"/);
  assert.match(list.body, /5 calls: open ones first/);
  const order = [...list.body.matchAll(/href="\/en\/calls\/\d+"[^>]*>([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(
    order.map((t) => t!.split(':')[0]!.split(' (')[0]),
    [
      'Town twinning',
      'Networks of towns working on a common theme',
      'Local climate adaptation projects',
      'Action planning networks of cities',
      'Small-scale partnerships in youth',
    ],
    'open ones by nearest deadline, then forthcoming, then closed',
  );

  const titles = async (query: string) => [...(await get(`/en/programmes?${query}`)).body.matchAll(/href="\/en\/calls\/\d+"/g)].length;
  assert.equal(await titles('area=climate'), 1);
  assert.equal(await titles('applicant=business'), 1);
  assert.equal(await titles('applicant=municipality&open=1'), 3);
  assert.equal(await titles('open=1&area=europe'), 2);
  const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  assert.equal(await titles(`deadline_before=${soon}`), 2, 'the one that closed and the one closing in 45 days');
  assert.equal(await titles('area=nonsense&deadline_before=2027-02-30'), 5, 'a filter that does not fit reads as absent');
  assert.equal((await get('/en/programmes?page=2')).statusCode, 404);

  const cerv = await get('/en/programmes/cerv');
  assert.equal(cerv.statusCode, 200);
  assert.match(cerv.body, /<li>Town twinning<\/li>/);
  assert.match(cerv.body, /<li>Networks of towns<\/li>/);
  assert.match(cerv.body, /Open calls/);
  for (const missing of [
    '/en/programmes/nothing',
    '/en/programmes/BAD%20SLUG',
    '/en/calls/999999',
    '/en/calls/abc',
    '/en/calls/0',
    '/en/calls/99999999999',
    '/en/calls/1.pdf',
  ])
    assert.equal((await get(missing)).statusCode, 404, missing);

  const calls = (await get('/api/v1/calls')).json() as { data: Call[] };
  const tt = calls.data.find((c) => c.reference === 'CERV-TOWN-TT-DEMO')!;
  const page = await get(`/en/calls/${tt.id}`);
  assert.equal(page.statusCode, 200);
  const brussels = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(tt.deadlineAt));
  assert.ok(page.body.includes(`${brussels}, 5:00 PM (Central European Time)`), 'the deadline on Brussels clocks, in English');
  assert.match(page.body, /Closes in 4[56] days/);
  assert.match(page.body, new RegExp(`href="/en/calls/${tt.id}\\.ics"`));
  const bg = await get(`/bg/calls/${tt.id}`);
  assert.match(bg.body, /17:00 \(Централноевропейско време\)/, 'and in Bulgarian, with the zone named in Bulgarian');

  const one = new ICAL.Component(ICAL.parse((await get(`/en/calls/${tt.id}.ics`)).body)).getAllSubcomponents('vevent');
  assert.equal(one.length, 1);
  const event = new ICAL.Event(one[0]!);
  assert.equal(event.startDate.toJSDate().toISOString(), tt.deadlineAt, 'the deadline’s instant');
  assert.equal(event.startDate.zone?.tzid, 'UTC');
  assert.equal(one[0]!.getFirstPropertyValue('url'), `http://portal.test/en/calls/${tt.id}`);
  assert.match(event.description, /Deadline: .*5:00 PM \(Central European Time\)/);
  const all = await get('/en/calls.ics');
  assert.match(String(all.headers['content-type']), /^text\/calendar/);
  const events = new ICAL.Component(ICAL.parse(all.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, 5, 'every call’s deadline');
  for (const c of calls.data)
    assert.ok(
      events.some((e) => e.startDate.toJSDate().toISOString() === c.deadlineAt && e.summary.includes(c.reference)),
      c.reference,
    );

  assert.ok((await get('/sitemap.xml')).body.includes('<loc>http://portal.test/sitemaps/programmes-all.xml</loc>'));
  const sitemap = (await get('/sitemaps/programmes-all.xml')).body;
  for (const path of ['/en/programmes<', '/en/programmes/cerv<', `/en/calls/${tt.id}<`, '/bg/programmes/urbact"'])
    assert.ok(sitemap.includes(`http://portal.test${path}`), path);
  assert.equal((await get('/sitemaps/programmes-2.xml')).statusCode, 404);

  for (const type of ['rss', 'atom']) {
    const feed = await get(`/en/feeds/funding-calls.${type}`);
    assert.equal(feed.statusCode, 200, type);
    assert.equal(entriesOf(type, feed.body).length, 5, type);
    assert.match(feed.body, /CERV: Town twinning: citizens of twinned towns meet/);
  }
});

appTest('the API lists programmes and calls with the page’s filters, refuses a bad parameter by name, and is documented', async (app) => {
  await demoProgrammes.run(app.context);
  const get = (url: string) => app.inject({ url });
  const programmes = await get('/api/v1/programmes');
  assert.equal(programmes.statusCode, 200);
  const p = programmes.json() as { data: { slug: string; strands: { key: string; name: string }[] }[]; total: number; next: null };
  assert.equal(p.total, 6);
  assert.equal(p.next, null);
  assert.deepEqual(p.data.find((x) => x.slug === 'cerv')!.strands, [
    { key: 'town-twinning', name: 'Town twinning' },
    { key: 'networks-of-towns', name: 'Networks of towns' },
  ]);
  const calls = (url: string) => get(url).then((r) => r.json() as { data: Call[]; total: number; page: number });
  assert.equal((await calls('/api/v1/calls')).total, 5);
  assert.deepEqual(refs((await calls('/api/v1/calls?area=climate')).data), ['LIFE-CLIMA-DEMO']);
  assert.deepEqual(refs((await calls('/api/v1/calls?applicant=business')).data), ['LIFE-CLIMA-DEMO']);
  assert.deepEqual(refs((await calls('/api/v1/calls?open=true&applicant=ngo')).data), [
    'CERV-TOWN-TT-DEMO',
    'CERV-TOWN-NT-DEMO',
    'LIFE-CLIMA-DEMO',
  ]);
  assert.deepEqual(
    (await calls('/api/v1/calls?open=false')).data.map((c) => c.state),
    ['open', 'open', 'open', 'forthcoming', 'closed'],
  );
  const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  assert.deepEqual(refs((await calls(`/api/v1/calls?deadline_before=${soon}`)).data), ['CERV-TOWN-TT-DEMO', 'ERASMUS-YOUTH-DEMO']);
  const one = (await calls('/api/v1/calls?area=climate')).data[0]!;
  assert.equal(one.timeZone, 'Europe/Brussels');
  assert.match(one.url, /^http:\/\/portal\.test\/en\/calls\/\d+$/);
  assert.equal((await calls('/api/v1/calls?page=2')).data.length, 0);

  for (const [bad, name] of [
    ['/api/v1/calls?area=sea', 'area'],
    ['/api/v1/calls?applicant=king', 'applicant'],
    ['/api/v1/calls?open=yes', 'open'],
    ['/api/v1/calls?deadline_before=2027-02-30', 'deadline_before'],
    ['/api/v1/calls?page=0', 'page'],
    ['/api/v1/calls?evil=1', 'evil'],
    ['/api/v1/programmes?lang=xx', 'lang'],
  ] as const) {
    const res = await get(bad);
    assert.equal(res.statusCode, 400, bad);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const body = res.json() as { errors?: { name: string }[]; detail: string };
    assert.ok(body.errors?.some((e) => e.name === name) || body.detail.includes(name), `${bad} names ${name}`);
  }
  const doc = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
  assert.deepEqual(
    doc.paths['/calls']!.get.parameters.map((x) => x.name),
    ['area', 'applicant', 'open', 'deadline_before', 'lang', 'page'],
  );
  assert.ok(doc.paths['/programmes']);
});
