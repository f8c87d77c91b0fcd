import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess } from '../../../test/participation.ts';
import * as repo from './repo.ts';

async function vision(database: TestDatabase) {
  const towns = await sampleTowns(database);
  const p = await sampleProcess(
    database,
    { type: 'municipality', id: towns.staraZagora },
    { kind: 'vision', actions: ['comment'], title: 'Vision 2035' },
  );
  const ids: number[] = [];
  for (const [position, [title, body]] of [
    ['A green town', 'New **parks** in every quarter.'],
    ['Work and ideas', 'A business park by the university.'],
    ['Getting around', 'Cycle lanes and new buses.'],
  ].entries())
    ids.push(
      await repo.insertSection(database.db, { process_id: p.id, position, language: 'en', title: title!, body: body!, comments_count: 0 }),
    );
  return { towns, p, ids };
}

const titles = async (database: TestDatabase, processId: number) => (await repo.sectionsOf(database.db, processId)).map((s) => s.title);

appTest('a vision process shows its sections in order, each anchored, each with a page of comments', async (app, database) => {
  const { p, ids } = await vision(database);
  const page = (await app.inject({ url: `/en${p.path}` })).body;
  assert.match(page, /id="sections-heading">Sections of the vision</);
  assert.match(
    page,
    new RegExp(`id="section-${ids[0]}".*A green town.*New <strong>parks</strong>.*id="section-${ids[1]}".*id="section-${ids[2]}"`, 's'),
  );
  assert.match(page, new RegExp(`href="/en${p.path}/sections/${ids[0]}">Comment on this section`));
  assert.ok(!page.includes('debates-heading'), 'a vision without debates shows none to a reader who cannot open one');
  assert.ok(!page.includes('Add a section'), 'readers do not arrange sections');

  const citizen = await person(database, { name: 'Citizen Vera' });
  const sectionPath = `/en${p.path}/sections/${ids[1]}`;
  const own = (await app.inject({ url: sectionPath, headers: { cookie: citizen.cookie } })).body;
  assert.match(own, /<h1>Work and ideas<\/h1>/);
  assert.match(own, /id="comments-heading">Comments</);
  const res = await submit(app, sectionPath, { body: 'Start-ups need cheap offices.', stance: 'for' }, citizen, `${sectionPath}/comments`);
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, new RegExp(`^${sectionPath}#comment-\\d+$`));
  assert.match((await app.inject({ url: sectionPath })).body, /Citizen Vera.*Start-ups need cheap offices\./s);
  assert.equal((await repo.sectionById(database.db, ids[1]!))?.comments_count, 1);
  assert.match((await app.inject({ url: `/en${p.path}` })).body, /1 comment: read it and add yours/);

  const other = await sampleProcess(database, { type: 'municipality', id: 1 }, { kind: 'vision' });
  assert.equal((await app.inject({ url: `/en${other.path}/sections/${ids[0]}` })).statusCode, 404, 'a section only under its own process');
  const participatory = await sampleProcess(database, { type: 'municipality', id: 1 });
  assert.equal((await app.inject({ url: `/en${participatory.path}/sections/${ids[0]}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/en${p.path}/sections/abc` })).statusCode, 404);
});

appTest('staff add, edit, reorder and remove sections; bad input keeps what was typed and changes nothing', async (app, database) => {
  const { towns, p, ids } = await vision(database);
  const staff = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  const page = (await app.inject({ url: `/en${p.path}`, headers: { cookie: staff.cookie } })).body;
  assert.match(page, new RegExp(`href="/en${p.path}/sections/new">Add a section`));
  assert.equal((page.match(/Move up/g) ?? []).length, 2, 'every section but the first moves up');

  const newUrl = `/en${p.path}/sections/new`;
  for (const [fields, error] of [
    [{ title: '', body: 'Text' }, /Title: Fill in this field/],
    [{ title: 'x'.repeat(201), body: 'Text' }, /Title: Use at most 200 characters/],
    [{ title: 'Fine', body: 'x'.repeat(20_001) }, /Text: Use at most 20,000 characters/],
  ] as const) {
    const res = await submit(app, newUrl, fields, staff);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>Error: Add a section to the vision/);
    assert.match(res.body, error);
  }
  const kept = await submit(app, newUrl, { title: '', body: 'My <em>draft</em>' }, staff);
  assert.match(kept.body, />My &lt;em>draft&lt;\/em><\/textarea>/);
  assert.equal((await titles(database, p.id)).length, 3, 'nothing was added');

  const added = await submit(app, newUrl, { title: 'Culture', body: 'The forum and the opera.' }, staff);
  assert.equal(added.statusCode, 303);
  assert.match(added.headers.location as string, new RegExp(`^/en${p.path}#section-\\d+$`));
  assert.deepEqual(await titles(database, p.id), ['A green town', 'Work and ideas', 'Getting around', 'Culture']);

  const edit = `/en${p.path}/sections/${ids[0]}/edit`;
  assert.equal((await submit(app, edit, { title: '', body: 'x' }, staff)).statusCode, 422);
  assert.equal((await submit(app, edit, { title: 'A greener town', body: 'Parks.' }, staff)).statusCode, 303);
  assert.equal((await repo.sectionById(database.db, ids[0]!))?.title, 'A greener town');

  const move = (id: number, direction: string) => submit(app, `/en${p.path}`, { direction }, staff, `/en${p.path}/sections/${id}/move`);
  assert.equal((await move(ids[2]!, 'up')).statusCode, 303);
  assert.deepEqual(await titles(database, p.id), ['A greener town', 'Getting around', 'Work and ideas', 'Culture']);
  await move(ids[0]!, 'up');
  await move(ids[0]!, 'down');
  assert.deepEqual(await titles(database, p.id), ['Getting around', 'A greener town', 'Work and ideas', 'Culture']);

  const citizen = await person(database);
  const sectionPath = `/en${p.path}/sections/${ids[1]}`;
  await submit(app, sectionPath, { body: 'Gone with it', stance: 'for' }, citizen, `${sectionPath}/comments`);
  const removed = await submit(app, edit, {}, staff, `/en${p.path}/sections/${ids[1]}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(await titles(database, p.id), ['Getting around', 'A greener town', 'Culture']);
  assert.equal((await repo.commentsOn(database.db, 'section', ids[1]!)).length, 0, 'its comments went with it');
  assert.equal((await app.inject({ url: sectionPath })).statusCode, 404);
});

appTest('only the owner’s staff arrange a vision: another town’s staff and citizens are refused', async (app, database) => {
  const { towns, p, ids } = await vision(database);
  const staff = await person(database, { roles: [['municipality_editor', towns.staraZagora]] });
  const other = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
  const citizen = await person(database);
  const section = `/en${p.path}/sections/${ids[0]}`;
  for (const who of [other, citizen]) {
    assert.equal((await app.inject({ url: `/en${p.path}/sections/new`, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await app.inject({ url: `${section}/edit`, headers: { cookie: who.cookie } })).statusCode, 403);
    for (const [action, fields] of [
      [`/en${p.path}/sections/new`, { title: 'Intruder', body: '' }],
      [`${section}/edit`, { title: 'Intruder', body: '' }],
      [`${section}/move`, { direction: 'down' }],
      [`${section}/remove`, {}],
    ] as const) {
      const res = await submit(app, `/en${p.path}/sections/${ids[1]}`, fields, who, action);
      assert.equal(res.statusCode, 403, action);
    }
  }
  assert.deepEqual(await titles(database, p.id), ['A green town', 'Work and ideas', 'Getting around'], 'nothing changed');
  const anonymous = await app.inject({ url: `/en${p.path}/sections/new` });
  assert.equal(anonymous.statusCode, 303);
  const participatory = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  assert.equal((await app.inject({ url: `/en${participatory.path}/sections/new`, headers: { cookie: staff.cookie } })).statusCode, 404);
});
