import assert from 'node:assert/strict';
import { sampleAward } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import * as repo from './repo.ts';
import { demoAwards } from './service/seeds.ts';

appTest('a person nominates a mayor; bad input keeps what was typed; editors merge duplicates and shortlist', async (app, database) => {
  const award = await sampleAward(database, 'nominations');
  const page = `/en${award.path}`;
  const citizen = await person(database);
  const { db } = database;
  const before = (await repo.nominationsOf(db, [award.category])).length;
  const evil = await submit(
    app,
    page,
    { country: 'BG', town: '<script>alert(1)</script>', mayor_name: "x'; drop table award_votes; --", reasons: 'short' },
    citizen,
    `${page}/nominate`,
  );
  assert.equal(evil.statusCode, 422);
  assert.match(evil.body, /Give your reasons in at least 20 characters/);
  assert.match(evil.body, /value="&lt;script>alert\(1\)&lt;\/script>"/, 'what was typed is shown, escaped');
  assert.doesNotMatch(evil.body, /<script>alert/);
  const unknown = await submit(
    app,
    page,
    { country: 'BG', town: 'Atlantis', reasons: 'A mayor who keeps every promise made.' },
    citizen,
    `${page}/nominate`,
  );
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /No municipality of this name was found/);
  assert.equal((await repo.nominationsOf(db, [award.category])).length, before, 'nothing stored');

  const good = {
    country: 'BG',
    town: 'Botevgrad',
    mayor_name: 'Ivan Gavalyugov',
    reasons: 'Opened the budget to every resident of the town.',
  };
  const ok = await submit(app, page, good, citizen, `${page}/nominate`);
  assert.equal(ok.statusCode, 303);
  const rows = await repo.nominationsOf(db, [award.category]);
  const fresh = rows.find((n) => n.state === 'proposed')!;
  assert.equal(fresh.municipality_id, award.towns.botevgrad);

  // The town's staff are told on their work page and add material.
  const staff = await person(database, { roles: [['municipality_editor', award.towns.botevgrad]] });
  const work = await app.inject({ url: '/en/work', headers: { cookie: staff.cookie } });
  assert.match(work.body, /A nomination of your municipality/);
  const material = await submit(
    app,
    page,
    { body: 'Our participatory budget in numbers.', url: 'https://botevgrad.bg/budget' },
    staff,
    `${page}/nominations/${fresh.id}/material`,
  );
  assert.equal(material.statusCode, 303);
  const other = await person(database, { roles: [['municipality_editor', award.towns.staraZagora]] });
  const refused = await submit(app, page, { body: 'Not ours to add.' }, other, `${page}/nominations/${fresh.id}/material`);
  assert.equal(refused.statusCode, 403, 'another town’s staff may not');

  const editor = await person(database, { roles: [['platform_editor', null]] });
  const manage = `${page}/manage`;
  const merged = await submit(app, manage, { into: String(award.nominees[1]) }, editor, `${page}/nominations/${fresh.id}/merge`);
  assert.equal(merged.headers.location, manage);
  const reasons = await repo.reasonsOf(db, [award.nominees[1]]);
  assert.equal(reasons.length, 3, 'the reasons and material of both are kept together');
  assert.equal((await repo.nominationById(db, fresh.id))!.state, 'merged');
  const wrong = await submit(app, manage, { into: String(award.nominees[1]) }, editor, `${page}/nominations/${award.nominees[0]}/merge`);
  assert.match(String(wrong.headers.location), /error=awards.error.mergeTarget/, 'another town is no duplicate');
  const shortlisted = await submit(app, manage, {}, editor, `${page}/nominations/${award.nominees[1]}/shortlist`);
  assert.equal(shortlisted.statusCode, 303);
  assert.equal((await repo.nominationById(db, award.nominees[1]))!.state, 'shortlisted');
  const logged = await db.selectFrom('audit_log').select('action').where('action', 'like', 'awards.nomination.%').execute();
  assert.deepEqual(logged.map((l) => l.action).sort(), ['awards.nomination.merge', 'awards.nomination.shortlist']);
});

appTest('editors create an edition with its categories; wrong dates are refused; the API lists it', async (app, database) => {
  const editor = await person(database, { roles: [['platform_admin', null]] });
  const fields = {
    language: 'en',
    slug: 'mayor-of-the-year-2027',
    year: '2027',
    title: 'Mayor of the Year 2027',
    rules: 'One vote per person.',
    nominations_close: '2027-03-01',
    vote_opens: '2027-02-01',
    vote_closes: '2027-05-01',
    jury_closes: '2027-05-15',
    results_on: '2027-06-01',
    jury_weight: '50',
    mayor_categories: 'Mayor of the Year\nBest young mayor',
    practice_categories: 'Best good practice',
    criterion_1_name: 'Results',
    criterion_1_description: 'What changed for residents.',
    criterion_1_weight: '2',
    criterion_2_name: 'Openness',
    criterion_2_weight: '1',
  };
  const wrong = await submit(app, '/en/awards/new', fields, editor);
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /must not be before the one above/);
  assert.match(wrong.body, /value="Mayor of the Year 2027"/);
  const none = await submit(
    app,
    '/en/awards/new',
    { ...fields, vote_opens: '2027-03-15', criterion_1_name: '', criterion_2_name: '' },
    editor,
  );
  assert.equal(none.statusCode, 422, 'the jury needs a criterion');
  assert.match(none.body, /Name at least one criterion for the jury/);
  const taken = await submit(app, '/en/awards/new', { ...fields, vote_opens: '2027-03-15', slug: 'new' }, editor);
  assert.equal(taken.statusCode, 422, 'the address of the new-edition page');
  assert.match(taken.body, /Another edition has this address/);
  const ok = await submit(
    app,
    '/en/awards/new',
    { ...fields, vote_opens: '2027-03-15', practice_categories: 'Best good practice\nEdit' },
    editor,
  );
  assert.equal(ok.headers.location, '/en/awards/mayor-of-the-year-2027');
  const edition = await app.inject({ url: '/en/awards/mayor-of-the-year-2027' });
  assert.match(edition.body, /Best young mayor/);
  const created = await repo.editionBySlug(database.db, 'mayor-of-the-year-2027');
  assert.deepEqual(
    (await repo.criteriaOf(database.db, created!.id)).map((c) => [JSON.parse(c.names).en, c.weight]),
    [
      ['Results', 2],
      ['Openness', 1],
    ],
  );
  assert.match(edition.body, /href="\/en\/awards\/mayor-of-the-year-2027\/edit-category"/, 'a category named Edit');
  assert.match((await app.inject({ url: '/en/awards/mayor-of-the-year-2027/edit-category' })).body, /<h1[^>]*>[^<]*Edit/);
  const bg = await submit(
    app,
    '/en/awards/mayor-of-the-year-2027/edit',
    { ...fields, vote_opens: '2027-03-15', language: 'bg', title: 'Кмет на годината 2027', mayor_categories: '', practice_categories: '' },
    editor,
    '/en/awards/mayor-of-the-year-2027/edit',
  );
  assert.equal(bg.statusCode, 303);
  assert.match((await app.inject({ url: '/bg/awards' })).body, /Кмет на годината 2027/);
  const api = await app.inject({ url: '/api/v1/awards?lang=en' });
  assert.equal(api.json().data[0].slug, 'mayor-of-the-year-2027');
  assert.equal((await app.inject({ url: '/api/v1/awards?lang=xx' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/awards/nothing-here' })).statusCode, 404);
});

appTest('the demo has Mayor of the Year 2026 in its vote and 2025 with its results, and runs again safely', async (app, database) => {
  await sampleAward(database, 'nominations', 'another-award');
  await demoAwards.run(app.context);
  await demoAwards.run(app.context);
  const editions = await repo.allEditions(database.db);
  assert.deepEqual(editions.map((e) => e.slug).sort(), ['another-award', 'mayor-of-the-year-2025', 'mayor-of-the-year-2026']);
  const index = await app.inject({ url: '/en/awards' });
  assert.match(index.body, /Mayor of the Year 2026<\/a> — public vote open/);
  assert.match(index.body, /Mayor of the Year 2025<\/a> — finished/);
  const past = await app.inject({ url: '/en/awards/mayor-of-the-year-2025/mayor-of-the-year' });
  assert.match(past.body, /Public votes counted: 12/);
  const api = (await app.inject({ url: '/api/v1/awards/mayor-of-the-year-2025' })).json();
  const ranking = api.categories[0].results.ranking as { juryScore: number; finalScore: number }[];
  assert.ok(
    ranking.every((r) => r.juryScore > 0),
    'its jury scored every nominee',
  );
  assert.equal(new Set(ranking.map((r) => r.finalScore)).size, ranking.length, 'the jury parts the tied public votes');
  const archived = await repo.editionBySlug(database.db, 'mayor-of-the-year-2025');
  assert.deepEqual(
    (await repo.criteriaOf(database.db, archived!.id)).map((c) => [JSON.parse(c.names).en, c.weight]),
    [
      ['Results', 3],
      ['Openness', 2],
      ['Example to others', 1],
    ],
  );
  const town = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
  assert.match(town.body, /Zhivko Todorov, mayor of Stara Zagora, is the Mayor of the Year 2025/, 'the winner’s news, once');
  assert.equal(town.body.match(/is the Mayor of the Year 2025/g)?.length, 1);
});
