import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { count, sampleReport, staffSetting } from '../../../test/signals-staff.ts';
import * as repo from './repo.ts';

const BOTEVGRAD = '/en/municipalities/bg/botevgrad/signals/categories';
const ZAGORA = '/en/municipalities/bg/stara-zagora/signals/categories';

const category = (fields: Record<string, string> = {}) => ({
  code: 'snow',
  name: 'Snow and ice',
  description: 'Roads and pavements not cleared of snow.',
  area: 'mobility',
  destination: 'inbox',
  body_name: '',
  body_email: '',
  active: '1',
  position: '3',
  ...fields,
});

appTest('staff adopt the defaults in one click, then add a category that goes to another body, audited', async (app, database) => {
  const towns = await sampleTowns(database);
  const staff = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const empty = await app.inject({ url: BOTEVGRAD, headers: { cookie: staff.cookie } });
  assert.equal(empty.statusCode, 200);
  assert.equal(empty.headers['cache-control'], 'no-store');
  assert.match(empty.body, /The town has no categories yet/);

  const guessed = await submit(app, BOTEVGRAD, {}, staff, `${BOTEVGRAD}/defaults`);
  assert.equal(guessed.statusCode, 303);
  assert.equal((await repo.categoriesOf(database.db, towns.botevgrad)).length, 0, 'a post without the button adopts nothing');
  const adopted = await submit(app, BOTEVGRAD, { adopt: 'defaults' }, staff, `${BOTEVGRAD}/defaults`);
  assert.equal(adopted.statusCode, 303);
  assert.equal(adopted.headers.location, `${BOTEVGRAD}?notice=adopted`);
  assert.equal((await repo.categoriesOf(database.db, towns.botevgrad)).length, 8);
  const list = await app.inject({ url: `${BOTEVGRAD}?notice=adopted`, headers: { cookie: staff.cookie } });
  assert.match(list.body, /The default categories are added/);
  assert.match(list.body, /Roads and pavements/);
  const inBulgarian = await app.inject({ url: BOTEVGRAD.replace('/en/', '/bg/'), headers: { cookie: staff.cookie } });
  assert.match(inBulgarian.body, /Категории сигнали на Botevgrad/);
  await submit(app, BOTEVGRAD, { adopt: 'defaults' }, staff, `${BOTEVGRAD}/defaults`);
  assert.equal((await repo.categoriesOf(database.db, towns.botevgrad)).length, 8, 'adopting again adds none twice');

  const water = category({
    code: 'hydrants',
    name: 'Fire hydrants',
    destination: 'email',
    body_name: 'Water company',
    body_email: 'Desk@Water.example.eu',
  });
  const saved = await submit(app, `${BOTEVGRAD}/new`, water, staff);
  assert.equal(saved.statusCode, 303);
  const made = await repo.categoryByCode(database.db, towns.botevgrad, 'hydrants');
  assert.equal(made?.destination, 'email');
  assert.equal(made?.body_email, 'desk@water.example.eu');
  assert.equal(made?.area, 'mobility');
  assert.equal(saved.headers.location, `${BOTEVGRAD}/${made?.id}?notice=saved`);
  const audits = await database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id'])
    .where('action', 'like', 'signal.category.%')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['signal.category.adopt', 'signal.category.adopt', 'signal.category.create'],
  );
  assert.ok(audits.every((a) => a.actor_id === staff.id));
});

appTest('a default keeps its translated text when its name is left empty; its code is fixed once reports exist', async (app, database) => {
  const s = await staffSetting(database);
  const roads = s.categories.botevgrad.roads!;
  const form = `${BOTEVGRAD}/${roads}`;
  const page = await app.inject({ url: form, headers: { cookie: s.staff.cookie } });
  assert.match(page.body, /Leave empty to show the portal.s text in each reader.s language: “Roads and pavements”/);
  const renamed = await submit(app, form, category({ code: 'roads', name: '', description: '', area: 'mobility' }), s.staff);
  assert.equal(renamed.statusCode, 303);
  assert.equal((await repo.categoryById(database.db, roads))?.name, null, 'the default name is kept, translated');
  const newCode = await submit(app, form, category({ code: 'streets', name: '' }), s.staff);
  assert.equal(newCode.statusCode, 303, 'a code may change while no report uses it');

  await sampleReport(database, s.towns.botevgrad, { category: roads });
  const before = await repo.categoryById(database.db, roads);
  const fixed = await submit(app, form, category({ code: 'potholes', name: '' }), s.staff);
  assert.equal(fixed.statusCode, 422);
  assert.match(fixed.body, /Reports were made in this category: its code cannot change/);
  assert.match(fixed.body, /value="potholes"/, 'what was typed is kept');
  assert.deepEqual(await repo.categoryById(database.db, roads), before);
});

appTest('a refused category says why, keeps what was typed and changes nothing', async (app, database) => {
  const s = await staffSetting(database);
  const cases: [Record<string, string>, RegExp][] = [
    [{ code: '' }, /Code: Fill in this field/],
    [{ code: '<script>alert(1)</script>' }, /Use only lower-case letters, digits/],
    [{ code: 'roads' }, /Another category of the town has this code/],
    [{ code: 'x'.repeat(41) }, /Use at most 40 characters/],
    [{ name: '' }, /Name: Fill in this field/],
    [{ name: 'n'.repeat(101) }, /Use at most 100 characters/],
    [{ description: 'd'.repeat(1001) }, /Use at most 1,000 characters/],
    [{ area: 'weather' }, /Choose one of the options/],
    [{ destination: 'fax' }, /Choose one of the options/],
    [{ destination: 'email' }, /Name the body that reports go to/],
    [{ destination: 'email', body_name: 'Water company', body_email: 'not an address' }, /Enter an email address like name@example.eu/],
    [{ position: '-1' }, /Enter a whole number from 0 to 9999/],
    [{ name: 'Bad\u0007bell' }, /Remove the invisible control characters/],
  ];
  const rows = await count(database, 'signal_categories');
  const audits = await count(database, 'audit_log');
  for (const [fields, message] of cases) {
    const res = await submit(app, `${BOTEVGRAD}/new`, category(fields), s.staff);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, message, JSON.stringify(fields));
    assert.match(res.body, /<title>Error: /);
    assert.ok(!res.body.includes('<script>alert(1)</script>'), 'what was typed is escaped');
  }
  const typed = await submit(app, `${BOTEVGRAD}/new`, category({ code: 'BAD CODE', name: '<b>Snow</b>' }), s.staff);
  assert.match(typed.body, /value="BAD CODE"/);
  assert.match(typed.body, /value="&lt;b>Snow&lt;\/b>"/);
  assert.equal(await count(database, 'signal_categories'), rows);
  assert.equal(await count(database, 'audit_log'), audits);
});

appTest('extra questions: added with their choices, refused when wrong, removed', async (app, database) => {
  const s = await staffSetting(database);
  const roads = s.categories.botevgrad.roads!;
  const base = `${BOTEVGRAD}/${roads}/questions`;
  const question = (fields: Record<string, string>) => ({
    code: 'size',
    kind: 'singlevaluelist',
    label: 'How large is it?',
    description: '',
    required: '1',
    options: 'small|Smaller than a plate\nlarge|Larger than a car',
    ...fields,
  });
  const added = await submit(app, `${base}/new`, question({}), s.staff);
  assert.equal(added.statusCode, 303);
  assert.equal(added.headers.location, `${BOTEVGRAD}/${roads}?notice=saved#questions`);
  const [q] = await repo.questionsOf(database.db, [roads]);
  assert.equal(q?.required, 1);
  assert.deepEqual(JSON.parse(String(q?.options)), [
    { key: 'small', name: 'Smaller than a plate' },
    { key: 'large', name: 'Larger than a car' },
  ]);
  const page = await app.inject({ url: `${BOTEVGRAD}/${roads}`, headers: { cookie: s.staff.cookie } });
  assert.match(page.body, /How large is it\?/);
  assert.match(page.body, /One choice · required/);

  const cases: [Record<string, string>, RegExp][] = [
    [{ options: '' }, /Write at least one choice, as code\|name/],
    [{ options: 'small' }, /Write each choice on its own line as code\|name/],
    [{ options: 'a|A\na|B' }, /Two choices have the same code/],
    [{ options: Array.from({ length: 51 }, (_, i) => `o${i}|Option ${i}`).join('\n') }, /Offer at most 50 choices/],
    [{ kind: 'colour' }, /Choose one of the options/],
    [{ label: '' }, /Question: Fill in this field/],
    [{ label: 'l'.repeat(201) }, /Use at most 200 characters/],
    [{ code: '<script>' }, /Use only lower-case letters/],
  ];
  const before = await count(database, 'signal_questions');
  for (const [fields, message] of cases) {
    const res = await submit(app, `${base}/new`, question({ code: 'other', ...fields }), s.staff);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, message, JSON.stringify(fields));
  }
  const twice = await submit(app, `${base}/new`, question({}), s.staff);
  assert.match(twice.body, /Another question of this category has this code/);
  assert.equal(await count(database, 'signal_questions'), before);

  const text = await submit(app, `${base}/${q?.id}`, question({ kind: 'text', options: 'ignored|Ignored', required: '' }), s.staff);
  assert.equal(text.statusCode, 303);
  const changed = await repo.questionsOf(database.db, [roads]);
  assert.equal(changed[0]?.kind, 'text');
  assert.equal(changed[0]?.options, null, 'only the list kinds keep choices');
  assert.equal(changed[0]?.required, 0);
  const removed = await submit(app, `${BOTEVGRAD}/${roads}`, {}, s.staff, `${base}/${q?.id}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.equal(await count(database, 'signal_questions'), 0);
  const audit = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'signal.question.%').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['signal.question.create', 'signal.question.update', 'signal.question.delete'],
  );
});

appTest('only the town’s own staff keep its categories: others get 403, 404 or the sign-in page', async (app, database) => {
  const s = await staffSetting(database);
  const zagoraRoads = s.categories.staraZagora.roads!;
  const anonymous = await app.inject({ url: ZAGORA });
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/en\/sign-in\?next=/);
  for (const who of [s.staff, s.citizen, s.author]) {
    assert.equal((await app.inject({ url: ZAGORA, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await app.inject({ url: `${ZAGORA}/${zagoraRoads}`, headers: { cookie: who.cookie } })).statusCode, 403);
  }
  assert.equal((await app.inject({ url: ZAGORA, headers: { cookie: s.other.cookie } })).statusCode, 200);
  assert.equal((await app.inject({ url: `${BOTEVGRAD}/${zagoraRoads}`, headers: { cookie: s.staff.cookie } })).statusCode, 404);
  assert.equal(
    (await app.inject({ url: '/en/municipalities/bg/nowhere/signals/categories', headers: { cookie: s.staff.cookie } })).statusCode,
    404,
  );

  const rows = await count(database, 'signal_categories');
  const before = await repo.categoryById(database.db, zagoraRoads);
  // A form of the person's own town, posted to the other town's addresses.
  const posts: [string, Record<string, string>][] = [
    [`${ZAGORA}/defaults`, { adopt: 'defaults' }],
    [`${ZAGORA}/new`, category()],
    [`${ZAGORA}/${zagoraRoads}`, category({ code: 'roads', name: 'Taken over' })],
    [`${ZAGORA}/${zagoraRoads}/questions/new`, { code: 'q', kind: 'string', label: 'Q' }],
  ];
  for (const [url, fields] of posts) {
    const res = await submit(app, BOTEVGRAD, fields, s.staff, url);
    assert.equal(res.statusCode, 403, url);
  }
  const forged = await submit(app, BOTEVGRAD, category({ code: 'roads', name: 'Taken over' }), s.staff, `${BOTEVGRAD}/${zagoraRoads}`);
  assert.equal(forged.statusCode, 404, 'another town’s category under one’s own town');
  assert.equal(await count(database, 'signal_categories'), rows);
  assert.deepEqual(await repo.categoryById(database.db, zagoraRoads), before);
  assert.equal(await count(database, 'signal_questions'), 0);
});
