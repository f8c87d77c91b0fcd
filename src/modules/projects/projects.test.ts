import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { CHARACTERS_ERROR, fieldError } from '../../../test/input.ts';
import { sampleProject } from '../../../test/projects.ts';

const PROJECT = {
  language: 'en',
  acronym: 'Green Squares',
  title: 'Green squares for small towns',
  summary: 'Towns plant trees on their squares together.',
  programme: '',
  call: '',
  reference: 'LIFE-2027-42',
  starts_on: '2027-01-01',
  ends_on: '2028-12-31',
  budget_eur: '500000',
  eu_contribution_eur: '400000',
  areas: ['environment'],
  website: 'https://green.example.eu',
};

const mailsTo = async (database: TestDatabase, to: string) =>
  (await database.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute()).map(
    (m) => m.subject,
  );

appTest('a town’s staff start a project; they coordinate it and it is listed, with euros in the reader’s locale', async (app, database) => {
  const towns = await sampleTowns(database);
  const staff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const res = await submit(app, `/en/projects/new?town=${towns.staraZagora}`, PROJECT, staff);
  assert.equal(res.statusCode, 303, res.body.slice(0, 600));
  assert.equal(res.headers.location, '/en/projects/green-squares');
  const again = await submit(app, `/en/projects/new?town=${towns.staraZagora}`, PROJECT, staff);
  assert.equal(again.headers.location, '/en/projects/green-squares-2', 'a second project of the same acronym gets its own address');
  const grants = await database.db
    .selectFrom('role_grants')
    .selectAll()
    .where('user_id', '=', staff.id)
    .where('role', '=', 'project_coordinator')
    .execute();
  assert.equal(grants.length, 2, 'the creator coordinates both');
  assert.ok((await database.db.selectFrom('audit_log').select('id').where('action', '=', 'project.create').execute()).length === 2);

  const page = await app.inject({ url: '/en/projects/green-squares' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Green squares for small towns/);
  assert.match(page.body, /€500,000/);
  assert.match(page.body, /Stara Zagora<\/a>/, 'the coordinating town links to its profile');
  assert.match(page.body, /Coordinator/);
  const de = await app.inject({ url: '/de/projects/green-squares' });
  assert.match(de.body, /500\.000\s€/, 'euros in German');
  assert.match(de.body, /lang="en"/, 'the English title is marked in a German page');

  const list = await app.inject({ url: '/en/projects?state=planned' });
  assert.match(list.body, /2 projects/);
  const none = await app.inject({ url: '/en/projects?state=closed' });
  assert.match(none.body, /No project matches/);
  assert.equal((await app.inject({ url: '/en/projects/no-such-project' })).statusCode, 404);
});

appTest('a bad project form is refused with its errors, what was typed kept, nothing stored', async (app, database) => {
  const towns = await sampleTowns(database);
  const staff = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const url = `/en/projects/new?town=${towns.staraZagora}`;
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ title: '' }, 'title', /required|Fill/i],
    [{ title: 'x'.repeat(301) }, 'title', /long|at most/i],
    [{ ends_on: '2026-12-31' }, 'ends_on', /after the start/],
    [{ eu_contribution_eur: '600000' }, 'eu_contribution_eur', /more than the budget/],
    [{ website: 'javascript:alert(1)' }, 'website', /./],
    [{ starts_on: '2027-02-30' }, 'starts_on', /YYYY-MM-DD/],
  ];
  for (const [change, field, error] of cases) {
    const res = await submit(app, url, { ...PROJECT, ...change }, staff);
    assert.equal(res.statusCode, 422, `${field}: ${res.statusCode}`);
    assert.match(fieldError(res.body, field) ?? '', error, field);
    if (field !== 'summary') assert.ok(res.body.includes('Towns plant trees on their squares together.'), 'the summary is kept');
  }
  const nul = await submit(app, url, { ...PROJECT, title: 'Green\u0000squares' }, staff);
  assert.equal(fieldError(nul.body, 'title'), CHARACTERS_ERROR);
  const forged = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...PROJECT, areas: 'environment', _csrf: 'forged' }).toString(),
  });
  assert.equal(forged.statusCode, 403, 'a wrong CSRF token is refused');
  assert.equal((await database.db.selectFrom('projects').select('id').execute()).length, 0, 'nothing stored');
});

appTest(
  'only the coordinator edits a project: another project’s coordinator, its partners’ staff and citizens are refused',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const a = await sampleProject(database, {
      coordinator: towns.staraZagora,
      partners: [towns.botevgrad],
      acronym: 'AAA',
      state: 'planned',
    });
    const b = await sampleProject(database, { coordinator: towns.botevgrad, acronym: 'BBB' });
    const coordinator = await person(database, { roles: [['project_coordinator', a]] });
    const others = {
      otherCoordinator: await person(database, { roles: [['project_coordinator', b]] }),
      partnerStaff: await person(database, { roles: [['project_partner_staff', a]] }),
      citizen: await person(database),
    };
    for (const [who, p] of Object.entries(others))
      for (const url of ['/en/projects/aaa/edit', '/en/projects/aaa/partners', '/en/projects/aaa/indicators']) {
        const get = await app.inject({ url, headers: { cookie: p.cookie } });
        assert.equal(get.statusCode, 403, `${who} GET ${url}`);
      }
    const staffPost = await app.inject({
      method: 'POST',
      url: '/en/projects/aaa/partners/organisation',
      headers: { cookie: others.partnerStaff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'organisation=X&country=SI&organisation_type=ngo&role=partner',
    });
    assert.equal(staffPost.statusCode, 403, 'a partner’s staff cannot change the partner list');
    const visitor = await app.inject({ url: '/en/projects/aaa/edit' });
    assert.ok([302, 303, 401].includes(visitor.statusCode), 'a visitor signs in first');

    const edited = await submit(
      app,
      '/en/projects/aaa/edit',
      { ...PROJECT, acronym: 'AAA', language: 'bg', title: 'Зелени площади' },
      coordinator,
    );
    assert.equal(edited.statusCode, 303, edited.body.slice(0, 500));
    assert.match((await app.inject({ url: '/bg/projects/aaa' })).body, /Зелени площади/);
    assert.match((await app.inject({ url: '/en/projects/aaa' })).body, /AAA project/, 'the English title stays');

    // The state moves forward only, with the box ticked.
    const unticked = await submit(app, '/en/projects/aaa/edit', { state: 'running' }, coordinator, '/en/projects/aaa/state');
    assert.equal(unticked.statusCode, 422);
    const skip = await submit(app, '/en/projects/aaa/edit', { state: 'closed', confirm: 'yes' }, coordinator, '/en/projects/aaa/state');
    assert.equal(skip.statusCode, 422, 'planned cannot jump to closed');
    const run = await submit(app, '/en/projects/aaa/edit', { state: 'running', confirm: 'yes' }, coordinator, '/en/projects/aaa/state');
    assert.equal(run.statusCode, 303);
    const back = await submit(app, '/en/projects/aaa/edit', { state: 'planned', confirm: 'yes' }, coordinator, '/en/projects/aaa/state');
    assert.equal(back.statusCode, 422, 'never backwards');
    assert.equal((await database.db.selectFrom('projects').select('state').where('id', '=', a).executeTakeFirstOrThrow()).state, 'running');
    assert.match(
      (await app.inject({ url: '/en/projects/aaa' })).body,
      /The state changed <span class="tag">Running<\/span>/,
      'the move is on the timeline',
    );

    // Indicators: added, refused when bad, shown with their progress, removed.
    const bad = await submit(app, '/en/projects/aaa/indicators', { kind: 'output', label: '', target: 'ten' }, coordinator);
    assert.equal(bad.statusCode, 422);
    const added = await submit(
      app,
      '/en/projects/aaa/indicators',
      { kind: 'output', label: 'Trees planted', unit: 'trees', target: '200', achieved: '50' },
      coordinator,
    );
    assert.equal(added.statusCode, 303);
    assert.match((await app.inject({ url: '/en/projects/aaa' })).body, /Trees planted[\s\S]*25 % of the target/);
    const id = (await database.db.selectFrom('project_indicators').select('id').executeTakeFirstOrThrow()).id;
    const changed = await submit(
      app,
      '/bg/projects/aaa/indicators',
      { kind: 'outcome', label: 'Засадени дървета', unit: 'trees', target: '200', achieved: '100' },
      coordinator,
      `/bg/projects/aaa/indicators/${id}`,
    );
    assert.equal(changed.statusCode, 303);
    assert.match((await app.inject({ url: '/bg/projects/aaa' })).body, /Засадени дървета[\s\S]*50 % от целта/);
    assert.match((await app.inject({ url: '/en/projects/aaa' })).body, /Trees planted/, 'the English label stays');
    const bgForm = await app.inject({ url: '/en/projects/aaa/edit?language=bg', headers: { cookie: coordinator.cookie } });
    assert.match(bgForm.body, /value="Зелени площади"/, 'the form shows the texts of the language asked for');
    const removed = await submit(app, '/en/projects/aaa/indicators', {}, coordinator, `/en/projects/aaa/indicators/${id}/remove`);
    assert.equal(removed.statusCode, 303);
    assert.equal((await database.db.selectFrom('project_indicators').select('id').execute()).length, 0);
  },
);

appTest(
  'an invited town is mailed, confirms on its own page, gets the role and shows the project on its profile',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const a = await sampleProject(database, { coordinator: towns.staraZagora, acronym: 'AAA' });
    const coordinator = await person(database, { roles: [['project_coordinator', a]] });
    await person(database, { roles: [['municipality_admin', towns.staraZagora]], email: 'sz@example.eu' });
    const btg = await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'btg@example.eu' });

    const invited = await submit(
      app,
      '/en/projects/aaa/partners',
      { name: 'Botevgrad', role: 'partner' },
      coordinator,
      '/en/projects/aaa/partners/invite',
    );
    assert.equal(invited.statusCode, 303, invited.body.slice(0, 500));
    assert.deepEqual(await mailsTo(database, 'btg@example.eu'), ['Botevgrad is invited to the project AAA: AAA project']);
    const unknown = await submit(
      app,
      '/en/projects/aaa/partners',
      { name: 'Atlantis', role: 'partner' },
      coordinator,
      '/en/projects/aaa/partners/invite',
    );
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /value="Atlantis"/, 'the name typed is kept');

    const work = await app.inject({ url: '/en/work', headers: { cookie: btg.cookie } });
    const link = /href="(\/en\/project-invitations\/\d+)"/.exec(work.body)?.[1];
    assert.ok(link, 'the invitation waits on the town staff’s desk');
    const stranger = await person(database);
    assert.equal((await app.inject({ url: link, headers: { cookie: stranger.cookie } })).statusCode, 403, 'only the town’s staff answer');
    assert.doesNotMatch((await app.inject({ url: '/en/projects/aaa' })).body, /Botevgrad/, 'not a partner before confirming');

    const answer = await submit(app, link, { answer: 'confirm' }, btg);
    assert.equal(answer.statusCode, 303);
    assert.deepEqual(await mailsTo(database, 'sz@example.eu'), ['Botevgrad confirmed its partnership in AAA']);
    const grant = await database.db
      .selectFrom('role_grants')
      .selectAll()
      .where('user_id', '=', btg.id)
      .where('role', '=', 'project_partner_staff')
      .execute();
    assert.equal(grant.length, 1);
    assert.match((await app.inject({ url: '/en/projects/aaa' })).body, /Botevgrad<\/a>/);
    const profile = await app.inject({ url: '/en/municipalities/bg/botevgrad' });
    assert.match(profile.body, /EU projects[\s\S]*AAA/);
  },
);

appTest('a town that declines is not a partner, and the coordinator’s staff are told', async (app, database) => {
  const towns = await sampleTowns(database);
  const a = await sampleProject(database, { coordinator: towns.staraZagora, acronym: 'AAA' });
  const coordinator = await person(database, { roles: [['project_coordinator', a]] });
  await person(database, { roles: [['municipality_admin', towns.staraZagora]], email: 'sz@example.eu' });
  const btg = await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'btg@example.eu' });
  await submit(app, '/en/projects/aaa/partners', { name: 'Botevgrad', role: 'partner' }, coordinator, '/en/projects/aaa/partners/invite');
  const partner = await database.db.selectFrom('project_partners').select('id').where('status', '=', 'invited').executeTakeFirstOrThrow();
  await submit(app, `/en/project-invitations/${partner.id}`, { answer: 'decline' }, btg);
  assert.deepEqual(await mailsTo(database, 'sz@example.eu'), ['Botevgrad declined the invitation to AAA']);
  assert.equal(
    (
      await database.db
        .selectFrom('role_grants')
        .select('id')
        .where('user_id', '=', btg.id)
        .where('role', '=', 'project_partner_staff')
        .execute()
    ).length,
    0,
  );
  assert.doesNotMatch((await app.inject({ url: '/en/municipalities/bg/botevgrad' })).body, /EU projects/);
});

appTest('the coordinator adds an organisation in a town and keeps exactly one coordinator', async (app, database) => {
  const towns = await sampleTowns(database);
  const a = await sampleProject(database, { coordinator: towns.staraZagora, partners: [towns.botevgrad], acronym: 'AAA' });
  const coordinator = await person(database, { roles: [['project_coordinator', a]] });
  const url = '/en/projects/aaa/partners';
  const bad = await submit(
    app,
    url,
    { organisation: '', country: 'XX', organisation_type: 'ngo', role: 'partner' },
    coordinator,
    `${url}/organisation`,
  );
  assert.equal(bad.statusCode, 422);
  const ok = await submit(
    app,
    url,
    {
      organisation: 'RIC Botevgrad',
      country: 'BG',
      organisation_type: 'public_body',
      municipality: String(towns.botevgrad),
      role: 'partner',
    },
    coordinator,
    `${url}/organisation`,
  );
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
  const page = await app.inject({ url: '/en/projects/aaa' });
  assert.match(page.body, /RIC Botevgrad/);
  assert.match(page.body, /Public body/);
  const rows = await database.db.selectFrom('project_partners').selectAll().where('project_id', '=', a).orderBy('id').execute();
  const coord = rows.find((r) => r.role === 'coordinator')!;
  const stepDown = await submit(app, url, { role: 'partner', joined_on: '', left_on: '' }, coordinator, `${url}/${coord.id}`);
  assert.equal(stepDown.statusCode, 422, 'the coordinator cannot step down without a successor');
  const removeCoord = await submit(app, url, {}, coordinator, `${url}/${coord.id}/remove`);
  assert.equal(removeCoord.statusCode, 422);
  const handOver = await submit(
    app,
    url,
    { role: 'coordinator', joined_on: '2020-11-02', left_on: '' },
    coordinator,
    `${url}/${rows[1]!.id}`,
  );
  assert.equal(handOver.statusCode, 303);
  const after = await database.db
    .selectFrom('project_partners')
    .select('role')
    .where('project_id', '=', a)
    .where('role', '=', 'coordinator')
    .execute();
  assert.equal(after.length, 1, 'still exactly one coordinator');
});
