import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { idFrom, sampleTowns } from '../../../test/content.ts';
import { PASSWORD, person, submit as post } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

const EVENT = {
  type: 'event',
  language: 'en',
  title: 'Open day at the town hall',
  summary: 'Meet the departments and see the council chamber.',
  body: 'Guided tours every hour.',
  areas: 'culture',
  starts_at: '2099-05-09T10:00',
  ends_at: '2099-05-09T16:00',
  time_zone: 'Europe/Sofia',
  venue_name: 'Town hall',
  venue_address: 'bul. Ruski 33, Stara Zagora',
  latitude: '42.4258',
  longitude: '25.6345',
  organiser: 'Culture department',
  registration: 'on',
  capacity: '1',
};

const lastMailTo = (app: FastifyInstance, to: string) =>
  app.context.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirst();

async function publishedEvent(app: FastifyInstance, database: Parameters<typeof sampleTowns>[0], fields: Record<string, string> = {}) {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const created = await post(
    app,
    '/en/newsroom/new?type=event',
    { ...EVENT, owner: `municipality:${staraZagora}`, ...fields },
    editor,
    '/en/newsroom/new',
  );
  assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
  const id = idFrom(created.headers.location);
  assert.equal((await post(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
  return { id, editor, staraZagora, botevgrad, path: `/en/events/${id}-open-day-at-the-town-hall` };
}

appTest(
  'people register for an event, the full event has a waiting list, and a cancelled place goes to the first waiting',
  async (app, database) => {
    const { id, editor, botevgrad, path } = await publishedEvent(app, database);
    const page = await app.inject({ url: path });
    assert.match(page.body, /"@type":"Event"/);
    assert.match(page.body, /"startDate":"2099-05-09T07:00:00.000Z"/, '10:00 in Sofia');
    assert.match(page.body, /1 place left of 1/);

    const ana = await post(app, path, { name: 'Ana', email: 'ana@example.eu' }, undefined, `${path}/register`);
    assert.equal(ana.statusCode, 303);
    assert.match(String(ana.headers.location), /registered=confirmed/);
    const confirmation = await lastMailTo(app, 'ana@example.eu');
    assert.match(confirmation!.subject, /You are registered: Open day at the town hall/);
    const cancelLink = /http:\/\/portal\.test(\/en\/registrations\/[A-Za-z0-9_-]+\/cancel)/.exec(confirmation!.text_body)![1]!;

    const again = await post(app, path, { name: 'Ana again', email: 'ANA@example.eu' }, undefined, `${path}/register`);
    assert.equal(again.statusCode, 422, 'one registration per address');
    assert.match(again.body, /already registered/);
    assert.match(again.body, /value="Ana again"/, 'what was typed is kept');

    const bad = await post(app, path, { name: '', email: 'not-an-address' }, undefined, `${path}/register`);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /value="not-an-address"/);

    const ben = await post(app, path, { name: 'Ben', email: 'ben@example.eu' }, undefined, `${path}/register`);
    assert.match(String(ben.headers.location), /registered=waiting/, 'the event is full: Ben waits');
    assert.match((await lastMailTo(app, 'ben@example.eu'))!.subject, /waiting list/);

    const cancelPage = await app.inject({ url: cancelLink });
    assert.equal(cancelPage.statusCode, 200, 'opening the link (as a mail scanner would) cancels nothing');
    assert.equal(
      (await database.db.selectFrom('event_registrations').select('status').where('email', '=', 'ana@example.eu').executeTakeFirstOrThrow())
        .status,
      'confirmed',
    );
    const cancelled = await post(app, cancelLink, {});
    assert.equal(cancelled.statusCode, 200);
    assert.match(cancelled.body, /Your registration is cancelled/);
    assert.match((await lastMailTo(app, 'ben@example.eu'))!.subject, /A place is yours/, 'Ben is told');
    const statuses = await database.db.selectFrom('event_registrations').select(['email', 'status']).orderBy('id').execute();
    assert.deepEqual(statuses, [
      { email: 'ana@example.eu', status: 'cancelled' },
      { email: 'ben@example.eu', status: 'confirmed' },
    ]);
    assert.match((await post(app, path, {}, undefined, cancelLink)).body, /already cancelled/, 'a second use changes nothing');
    assert.equal((await app.inject({ url: '/en/registrations/not-a-real-token-at-all-xxxxxxxx/cancel' })).statusCode, 404);

    const list = await app.inject({ url: `/en/newsroom/${id}/registrations`, headers: { cookie: editor.cookie } });
    assert.match(list.body, /ben@example\.eu/);
    const csv = await app.inject({ url: `/en/newsroom/${id}/registrations.csv`, headers: { cookie: editor.cookie } });
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(csv.body, /^name,email,status,registered_at\n/);
    assert.match(csv.body, /Ben,ben@example\.eu,confirmed,/);
    const otherTown = await person(database, { roles: [['municipality_admin', botevgrad]] });
    assert.equal(
      (await app.inject({ url: `/en/newsroom/${id}/registrations.csv`, headers: { cookie: otherTown.cookie } })).statusCode,
      404,
      'another town never sees the list',
    );
    assert.equal((await app.inject({ url: `/en/newsroom/${id}/registrations.csv` })).statusCode, 303);
  },
);

appTest('a registrant’s name that looks like a formula is exported inert', async (app, database) => {
  const { id, editor, path } = await publishedEvent(app, database, { capacity: '' });
  assert.equal(
    (await post(app, path, { name: '=HYPERLINK("http://evil.example","x")', email: 'f@example.eu' }, undefined, `${path}/register`))
      .statusCode,
    303,
  );
  const csv = await app.inject({ url: `/en/newsroom/${id}/registrations.csv`, headers: { cookie: editor.cookie } });
  assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)"/);
  assert.match((await app.inject({ url: path })).body, /there is no limit on places/);
});

appTest('each event has an .ics and every listing an iCalendar feed that calendars can read', async (app, database) => {
  const { path } = await publishedEvent(app, database, { all_day: '', capacity: '' });
  const one = await app.inject({ url: `${path}.ics` });
  assert.equal(one.statusCode, 200);
  assert.match(String(one.headers['content-type']), /^text\/calendar/);
  const vevent = new ICAL.Component(ICAL.parse(one.body)).getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  assert.equal(event.summary, 'Open day at the town hall');
  assert.equal(event.startDate.toJSDate().toISOString(), '2099-05-09T07:00:00.000Z');
  assert.equal(event.endDate.toJSDate().toISOString(), '2099-05-09T13:00:00.000Z');
  assert.match(event.location, /Town hall/);

  const feed = await app.inject({ url: '/en/events.ics?country=bg' });
  const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
  assert.equal(events.length, 1);
  const none = await app.inject({ url: '/en/events.ics?country=fi' });
  assert.equal(new ICAL.Component(ICAL.parse(none.body)).getAllSubcomponents('vevent').length, 0);

  const month = await app.inject({ url: '/en/events?view=month&month=2099-05' });
  assert.match(month.body, /<caption>May 2099<\/caption>/);
  assert.ok(month.body.includes(path), 'the month view shows it on its day');
  assert.ok(!(await app.inject({ url: '/en/events?view=month&month=2099-06' })).body.includes(path));
});

appTest('an all-day event keeps its dates in every calendar, and events are checked before they are saved', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const bad = await post(
    app,
    '/en/newsroom/new?type=event',
    {
      ...EVENT,
      owner: `municipality:${staraZagora}`,
      starts_at: '2099-05-09T10:00',
      ends_at: '2099-05-08T10:00',
      venue_name: '',
      online_url: '',
      time_zone: 'Nowhere/Land',
      latitude: '42',
      longitude: '',
    },
    editor,
    '/en/newsroom/new',
  );
  assert.equal(bad.statusCode, 422);
  for (const text of ['Choose a time zone from the list', 'Give a venue or an online address', 'Give both latitude and longitude'])
    assert.ok(bad.body.includes(text), text);
  const badDate = await post(
    app,
    '/en/newsroom/new?type=event',
    { ...EVENT, owner: `municipality:${staraZagora}`, starts_at: '2099-02-30T10:00' },
    editor,
    '/en/newsroom/new',
  );
  assert.match(badDate.body, /Enter a real date and time/);
  assert.equal((await database.db.selectFrom('content_items').select('id').execute()).length, 0);

  const { path } = await publishedEvent(app, database, {
    all_day: 'on',
    starts_at: '2099-05-09',
    ends_at: '2099-05-10',
    time_zone: 'Europe/Helsinki',
    capacity: '',
  });
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse((await app.inject({ url: `${path}.ics` })).body)).getFirstSubcomponent('vevent')!,
  );
  assert.equal(event.startDate.isDate, true);
  assert.equal(event.startDate.toString(), '2099-05-09');
  assert.equal(event.endDate.toString(), '2099-05-11', 'the day after the last day, as iCalendar wants');
  assert.match((await app.inject({ url: path })).body, /Saturday, May 9\s–\sSunday, May 10, 2099/);
});

appTest('a person’s registrations are in their data download and erased with their account', async (app, database) => {
  const { path } = await publishedEvent(app, database, { capacity: '' });
  const citizen = await person(database, { email: 'citizen@example.eu' });
  assert.equal((await post(app, path, { name: 'Cita', email: 'citizen@example.eu' }, citizen, `${path}/register`)).statusCode, 303);
  const data = await app.inject({ url: '/en/account/data', headers: { cookie: citizen.cookie } });
  assert.deepEqual(
    data.json().content.eventRegistrations.map((r: { email: string; status: string }) => [r.email, r.status]),
    [['citizen@example.eu', 'confirmed']],
  );
  assert.equal((await post(app, '/en/account/delete', { current_password: PASSWORD }, citizen)).statusCode, 303);
  assert.equal((await database.db.selectFrom('event_registrations').select('id').execute()).length, 0);
});

appTest(
  'an event’s time zone starts as its town’s, and a zone not on the list is refused, keeping what was typed',
  async (app, database) => {
    await sampleTowns(database);
    const helsinki = (await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'helsinki').executeTakeFirstOrThrow())
      .id;
    const editor = await person(database, { roles: [['municipality_editor', helsinki]] });
    const fresh = await app.inject({ url: '/en/newsroom/new?type=event', headers: { cookie: editor.cookie } });
    assert.ok(/<option value="Europe\/Helsinki" selected/.test(fresh.body), 'a Finnish town’s events start in Helsinki time');
    assert.ok(/<optgroup label="Europe"><option value="Europe\/Amsterdam"/.test(fresh.body), 'Europe’s zones come first');
    assert.ok(/<option value="America\/New_York">America\/New York<\/option>/.test(fresh.body), 'and every other zone after them');

    const owner = `municipality:${helsinki}`;
    for (const zone of ['UTC+3', 'Nowhere/Land', 'Europe/Helsinki"><script>alert(1)</script>', 'x'.repeat(300)]) {
      const refused = await post(app, '/fi/newsroom/new?type=event', { ...EVENT, owner, time_zone: zone }, editor, '/fi/newsroom/new');
      assert.equal(refused.statusCode, 422, zone);
      assert.ok(/Valitse aikavyöhyke luettelosta/.test(refused.body), 'the refusal is in the page’s language');
      assert.ok(/value="Open day at the town hall"/.test(refused.body), 'the title typed is kept');
      assert.ok(/value="bul. Ruski 33, Stara Zagora"/.test(refused.body), 'and the address');
      assert.ok(/<option value="Europe\/Helsinki" selected/.test(refused.body), 'the list falls back to the town’s zone');
      assert.ok(/<a href="#time_zone">/.test(refused.body), 'the error summary links to the list');
      assert.ok(/<details class="form-section" id="section-place" open>/.test(refused.body), 'in a section that is open');
      assert.ok(!refused.body.includes('<script>alert(1)</script>'));
    }
    assert.equal((await database.db.selectFrom('content_items').select('id').execute()).length, 0, 'nothing is stored');

    const { time_zone: _zone, ...withoutZone } = EVENT;
    const saved = await post(app, '/en/newsroom/new?type=event', { ...withoutZone, owner }, editor, '/en/newsroom/new');
    assert.equal(saved.statusCode, 303, 'a form without a zone (an old browser, a script) takes the town’s');
    const item = await database.db.selectFrom('content_items').select(['id', 'time_zone', 'starts_at']).executeTakeFirstOrThrow();
    assert.equal(item.time_zone, 'Europe/Helsinki');
    assert.equal(item.starts_at, '2099-05-09T07:00:00.000Z', '10:00 in Helsinki');
    const edit = await app.inject({ url: `/en/newsroom/${item.id}/edit`, headers: { cookie: editor.cookie } });
    assert.ok(/<select id="time_zone" name="time_zone"[^>]*>[\s\S]*?<option value="Europe\/Helsinki" selected/.test(edit.body));
    assert.ok(/<select id="publish_time_zone" name="time_zone"/.test(edit.body), 'the publication’s zone has an id of its own');
  },
);
