import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { fieldError } from '../../../test/input.ts';
import { sampleProject } from '../../../test/projects.ts';
import { insertContentItem } from '../content/index.ts';
import { seedEcNetActivities } from './service/activity-seeds.ts';

const ACTIVITIES = '/en/projects/ec-net/activities';
const EVENT = {
  type: 'event',
  language: 'en',
  title: 'Partner meeting in Botevgrad',
  summary: 'The partners meet to plan the toolkit.',
  body: 'Two days of work on the toolkit.',
  areas: 'europe',
  starts_at: '2021-03-02T09:00',
  ends_at: '2021-03-03T16:00',
  time_zone: 'Europe/Sofia',
  venue_name: 'Town hall',
};

async function cast(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const ecNet = await sampleProject(database, { coordinator: towns.staraZagora, partners: [towns.botevgrad] });
  const river = await sampleProject(database, { acronym: 'RIVER', coordinator: towns.botevgrad });
  return {
    towns,
    ecNet,
    river,
    coordinator: await person(database, { roles: [['project_coordinator', ecNet]] }),
    partner: await person(database, { name: 'Petar Partner', roles: [['project_partner_staff', ecNet]] }),
    citizen: await person(database),
    stranger: await person(database, { roles: [['project_coordinator', river]] }),
  };
}

/** An event published straight away by its owner. */
const event = (app: FastifyInstance, owner: { type: string; id: number; country: string | null }, title: string, startsAt: string) =>
  insertContentItem(app.context, {
    type: 'event',
    owner,
    language: 'en',
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    areas: ['europe'],
    event: { startsAt, endsAt: startsAt.replace('T09', 'T16'), timeZone: 'Europe/Sofia', venueName: 'Town hall' },
    texts: { en: { title, summary: `${title}.`, body: `${title}.` } },
  });

const stored = async ({ db }: TestDatabase) =>
  (await db.selectFrom('project_activities').select(['id', 'participants_total', 'participants', 'report']).orderBy('id').execute()).map(
    (a) => ({ ...a, participants_total: a.participants_total === null ? null : Number(a.participants_total) }),
  );

appTest('partner staff write a meeting in the project’s name, make it an activity and report who came', async (app, database) => {
  const c = await cast(database);
  const created = await submit(app, '/en/newsroom/new', { ...EVENT, owner: `project:${c.ecNet}` }, c.partner);
  assert.equal(created.statusCode, 303, 'the newsroom lets project staff write in the project’s name');
  const id = idFrom(created.headers.location);
  assert.equal((await submit(app, `/en/newsroom/${id}/edit`, {}, c.partner, `/en/newsroom/${id}/publish?when=now`)).statusCode, 303);
  assert.ok(
    (await app.inject({ url: `/en/latest?project=${c.ecNet}` })).body.includes('Partner meeting in Botevgrad'),
    'in the project’s listing',
  );
  assert.ok(!(await app.inject({ url: `/en/latest?project=${c.river}` })).body.includes('Partner meeting in Botevgrad'));
  assert.match((await app.inject({ url: `/en/latest?project=${c.ecNet}` })).body, /From the EU project EC-NET only\./);
  const api = JSON.parse((await app.inject({ url: `/api/v1/events?project=${c.ecNet}&upcoming=false` })).body);
  assert.deepEqual(
    api.items.map((e: { id: number }) => e.id),
    [id],
  );
  const rss = (await app.inject({ url: `/en/feeds/content.rss?project=${c.ecNet}` })).body;
  assert.ok(rss.includes('Partner meeting in Botevgrad'));
  for (const owner of [`project:${c.river}`, `municipality:${c.towns.staraZagora}`])
    assert.equal((await submit(app, '/en/newsroom/new', { ...EVENT, owner }, c.partner)).statusCode, 403, owner);

  const form = await app.inject({ url: `${ACTIVITIES}/new`, headers: { cookie: c.partner.cookie } });
  assert.match(form.body, new RegExp(`<option value="${id}">Partner meeting in Botevgrad \\(2021-03-02\\)</option>`));
  assert.ok(form.body.includes(`owner=project%3A${c.ecNet}`), 'a link to write an event in the project’s name');
  const host = (
    await database.db.selectFrom('project_partners').select('id').where('project_id', '=', c.ecNet).orderBy('position').execute()
  )[1]!.id;
  const added = await submit(app, `${ACTIVITIES}/new`, { event: String(id), kind: 'partner_meeting', host: String(host) }, c.partner);
  assert.equal(added.statusCode, 303);
  let page = (await app.inject({ url: ACTIVITIES })).body;
  assert.match(page, /<a href="\/en\/events\/\d+-partner-meeting-in-botevgrad">Partner meeting in Botevgrad<\/a>/);
  assert.match(page, /<dd>Partner meeting<\/dd>/);
  assert.match(page, /<dd>Botevgrad, Bulgaria<\/dd>/);
  assert.ok(!page.includes('Report participants'), 'the public does not see the staff’s links');

  const [activity] = await stored(database);
  const report = `${ACTIVITIES}/${activity!.id}/report`;
  const res = await submit(
    app,
    report,
    { country_1: 'SI', number_1: '40', country_2: 'bg', number_2: '12', report: 'We planned the toolkit.\n\nAnd visited the school.' },
    c.partner,
  );
  assert.equal(res.statusCode, 303);
  page = (await app.inject({ url: ACTIVITIES })).body;
  assert.match(page, /<p>52 participants: Slovenia 40, Bulgaria 12<\/p>/);
  assert.match(page, /<p>We planned the toolkit.<\/p><p>And visited the school.<\/p>/);
  assert.deepEqual(JSON.parse((await stored(database))[0]!.participants), { SI: 40, BG: 12 });

  const projectPage = (await app.inject({ url: '/en/projects/ec-net' })).body;
  assert.match(projectPage, /Partner meeting in Botevgrad[\s\S]*52 participants/, 'the project page shows the activity with who came');
});

appTest('bad reports are refused with a clear error, what was typed kept and nothing stored', async (app, database) => {
  const c = await cast(database);
  const id = await event(app, { type: 'project', id: c.ecNet, country: null }, 'Kick-off meeting', '2020-12-14T09:00:00.000Z');
  assert.equal((await submit(app, `${ACTIVITIES}/new`, { event: String(id), kind: 'kick_off' }, c.coordinator)).statusCode, 303);
  const [activity] = await stored(database);
  const report = `${ACTIVITIES}/${activity!.id}/report`;
  const before = await stored(database);
  const cases: [Record<string, string>, string, string][] = [
    [{ country_1: 'SI', number_1: '-4' }, 'number_1', 'Enter a whole number of people from 0 to 100,000.'],
    [{ country_1: 'SI', number_1: '4.5' }, 'number_1', 'Enter a whole number of people from 0 to 100,000.'],
    [{ country_1: 'SI', number_1: '9999999' }, 'number_1', 'Enter a whole number of people from 0 to 100,000.'],
    [{ country_1: 'QQ', number_1: '4' }, 'country_1', 'Choose a country from the list.'],
    [{ country_1: 'SI', number_1: '4', country_2: 'SI', number_2: '5' }, 'country_2', 'This country is already in another row.'],
    [{ report: 'x'.repeat(5001) }, 'report', 'Keep the report under 5,000 characters.'],
  ];
  for (const [fields, field, message] of cases) {
    const res = await submit(app, report, fields, c.partner);
    assert.equal(res.statusCode, 422, field);
    assert.equal(fieldError(res.body, field), message);
    assert.match(res.body, /<title>Error: /);
    if (fields.number_1) assert.ok(res.body.includes(`value="${fields.number_1}"`), 'what was typed is kept');
  }
  const coming = await event(app, { type: 'project', id: c.ecNet, country: null }, 'Closing conference', '2099-06-01T09:00:00.000Z');
  assert.equal((await submit(app, `${ACTIVITIES}/new`, { event: String(coming), kind: 'other' }, c.coordinator)).statusCode, 303);
  const early = await submit(app, `${ACTIVITIES}/${(await stored(database))[1]!.id}/report`, { country_1: 'SI', number_1: '9' }, c.partner);
  assert.equal(early.statusCode, 422);
  assert.match(early.body, /Participants can be reported once the event has begun\./);
  assert.ok(early.body.includes('value="9"'), 'what was typed is kept');
  const nul = await submit(app, report, { report: 'a\u0000b' }, c.partner);
  assert.equal(nul.statusCode, 400);
  const forged = await app.inject({
    method: 'POST',
    url: report,
    headers: { cookie: c.partner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'country_1=SI&number_1=3&_csrf=forged',
  });
  assert.equal(forged.statusCode, 403);
  assert.deepEqual((await stored(database)).slice(0, 1), before, 'nothing was stored');
});

appTest('an event of another project or another owner is refused; outsiders may not add or report', async (app, database) => {
  const c = await cast(database);
  const theirs = await event(app, { type: 'project', id: c.river, country: null }, 'River meeting', '2021-05-01T09:00:00.000Z');
  const town = await event(
    app,
    { type: 'municipality', id: c.towns.staraZagora, country: 'BG' },
    'Rose festival',
    '2021-06-01T09:00:00.000Z',
  );
  const ours = await event(app, { type: 'project', id: c.ecNet, country: null }, 'Our meeting', '2021-04-01T09:00:00.000Z');
  const form = (await app.inject({ url: `${ACTIVITIES}/new`, headers: { cookie: c.partner.cookie } })).body;
  assert.ok(!form.includes('River meeting') && !form.includes('Rose festival'), 'only the project’s own events are offered');
  for (const other of [theirs, town, 999_999]) {
    const res = await submit(app, `${ACTIVITIES}/new`, { event: String(other), kind: 'partner_meeting' }, c.partner);
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'event'), 'Choose one of this project’s own events.');
  }
  const riverHost = (await database.db.selectFrom('project_partners').select('id').where('project_id', '=', c.river).execute())[0]!.id;
  const badHost = await submit(app, `${ACTIVITIES}/new`, { event: String(ours), kind: 'kick_off', host: String(riverHost) }, c.partner);
  assert.equal(fieldError(badHost.body, 'host'), 'Choose one of the project’s partners.');
  const badKind = await submit(app, `${ACTIVITIES}/new`, { event: String(ours), kind: 'party' }, c.partner);
  assert.equal(fieldError(badKind.body, 'kind'), 'Choose a kind of activity.');
  assert.deepEqual(await stored(database), []);

  const as = (who: TestPerson, url: string) => app.inject({ url, headers: { cookie: who.cookie } });
  for (const who of [c.citizen, c.stranger]) {
    assert.equal((await as(who, `${ACTIVITIES}/new`)).statusCode, 403);
    const res = await submit(app, '/en/account', { event: String(ours), kind: 'kick_off' }, who, `${ACTIVITIES}/new`);
    assert.equal(res.statusCode, 403);
  }
  assert.equal((await app.inject({ url: `${ACTIVITIES}/new` })).statusCode, 303, 'a visitor signs in first');
  assert.equal((await submit(app, `${ACTIVITIES}/new`, { event: String(ours), kind: 'kick_off' }, c.coordinator)).statusCode, 303);
  const [activity] = await stored(database);
  const report = `${ACTIVITIES}/${activity!.id}/report`;
  for (const who of [c.citizen, c.stranger]) {
    const res = await submit(app, '/en/account', { country_1: 'SI', number_1: '3' }, who, report);
    assert.equal(res.statusCode, 403);
  }
  assert.equal(
    (await as(c.stranger, `/en/projects/river/activities/${activity!.id}/report`)).statusCode,
    404,
    'not through their own project',
  );
  assert.equal((await stored(database))[0]!.participants_total, null);
  const again = await submit(app, `${ACTIVITIES}/new`, { event: String(ours), kind: 'kick_off' }, c.partner);
  assert.equal(fieldError(again.body, 'event'), 'This event is already an activity.', 'an event is an activity once');
  assert.ok(NEWS);
});

appTest('the demo gives EC-NET its kick-off, partner meeting and international event, the past ones reported', async (app, database) => {
  const towns = await sampleTowns(database);
  await seedEcNetActivities(app.context);
  assert.deepEqual(await stored(database), [], 'no project, nothing to add');
  await sampleProject(database, { coordinator: towns.staraZagora, partners: [towns.botevgrad] });
  await seedEcNetActivities(app.context);
  await seedEcNetActivities(app.context);
  const page = (await app.inject({ url: ACTIVITIES })).body;
  for (const title of ['EC-NET kick-off meeting', 'EC-NET partner meeting', 'Promoting solidarity for active European citizenship'])
    assert.ok(page.includes(`>${title}</a>`), title);
  assert.match(page, /<time datetime="2020-12-14">[^<]+<\/time> – <time datetime="2020-12-15">/);
  assert.match(page, /<p>32 participants: Slovenia 14, Bulgaria 6/);
  assert.equal((await stored(database)).length, 3, 'once, however often the demo runs');
});
