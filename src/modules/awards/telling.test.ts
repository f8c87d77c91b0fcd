import assert from 'node:assert/strict';
import { sampleAward } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest, mailAppTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import * as repo from './repo.ts';

const townId = async ({ db }: TestDatabase, slug: string) =>
  (await db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

mailAppTest(
  'the nominee’s town staff are told in their language when it is nominated, accepted and shortlisted, once each',
  async ({ app, database, smtp }) => {
    const award = await sampleAward(database, 'nominations');
    const bistrica = await townId(database, 'slovenska-bistrica');
    const mayor = await person(database, { roles: [['municipality_admin', bistrica]], language: 'sl', email: 'zupan@bistrica.si' });
    const clerk = await person(database, { roles: [['municipality_editor', bistrica]], language: 'en', email: 'clerk@bistrica.si' });
    await person(database, { roles: [['municipality_admin', award.towns.staraZagora]], email: 'kmet@starazagora.bg' });
    const page = `/en${award.path}`;
    const nomination = {
      country: 'SI',
      town: 'Slovenska Bistrica',
      mayor_name: 'Tamara Vonta',
      reasons: 'Opened the town budget to every resident.',
    };
    const refused = await submit(app, page, { ...nomination, reasons: 'Too short' }, await person(database), `${page}/nominate`);
    assert.equal(refused.statusCode, 422);
    const first = await submit(app, page, nomination, await person(database), `${page}/nominate`);
    assert.equal(first.statusCode, 303);
    await app.context.mail.deliverDue();
    const inSlovenian = await smtp.messageTo(mayor.email);
    assert.equal(inSlovenian.subject, 'Slovenska Bistrica je nominirana: Mayor of the Year 2026');
    assert.match(inSlovenian.text ?? '', /Tamara Vonta \(Slovenska Bistrica\) je nominiran v kategoriji »Mayor of the Year«/);
    assert.match(inSlovenian.text ?? '', /\/sl\/awards\/mayor-of-the-year-2026\/mayor-of-the-year#nominees/);
    const inEnglish = await smtp.messageTo(clerk.email);
    assert.equal(inEnglish.subject, 'Slovenska Bistrica is nominated: Mayor of the Year 2026');
    assert.match(inEnglish.text ?? '', /add material to the nomination/);
    assert.equal(smtp.messages.length, 2, 'the refused nomination and the other towns tell nobody');

    const again = await submit(
      app,
      page,
      { ...nomination, reasons: 'She answers every letter within a week.' },
      await person(database),
      `${page}/nominate`,
    );
    assert.equal(again.statusCode, 303);
    await app.context.mail.deliverDue();
    assert.equal(smtp.messages.length, 2, 'a second nomination of the town in the category tells nobody again');

    const editor = await person(database, { roles: [['platform_editor', null]] });
    const [made] = (await repo.nominationsOf(database.db, [award.category])).filter((n) => n.municipality_id === bistrica);
    const decide = (d: string) => submit(app, `${page}/manage`, {}, editor, `${page}/nominations/${made!.id}/${d}`);
    assert.equal((await decide('accept')).statusCode, 303);
    assert.equal((await decide('accept')).statusCode, 303);
    await app.context.mail.deliverDue();
    assert.equal(smtp.messages.length, 4, 'accepted once: each of the two staff told once');
    assert.equal((await smtp.messageTo(clerk.email)).subject, 'The nomination of Slovenska Bistrica was accepted: Mayor of the Year 2026');
    assert.equal((await decide('shortlist')).statusCode, 303);
    await app.context.mail.deliverDue();
    assert.equal(smtp.messages.length, 6);
    assert.equal((await smtp.messageTo(mayor.email)).subject, 'Slovenska Bistrica je na ožjem seznamu: Mayor of the Year 2026');
    assert.ok(!smtp.messages.some((m) => m.to?.some((a) => a.address === 'kmet@starazagora.bg')));
  },
);

appTest(
  'publishing a result puts one news item about the winner in the town’s newsroom, in the portal’s languages',
  async (app, database) => {
    const award = await sampleAward(database, 'jury');
    const juror = await person(database, { roles: [['award_juror', award.edition]] });
    const at = new Date().toISOString();
    for (const [n, score] of [
      [award.nominees[0], 9],
      [award.nominees[1], 4],
    ] as const) {
      for (const criterion of award.criteria) {
        await repo.saveScore(database.db, { nomination_id: n, criterion_id: criterion, juror_id: juror.id, score, scored_at: at });
      }
    }
    const editor = await person(database, { roles: [['platform_editor', null]] });
    const audit = `/en${award.path}/audit`;
    assert.equal((await submit(app, audit, {}, editor, `${audit}/publish`)).statusCode, 303);
    // Published, the audit page offers no button: a second press is posted by hand, and refused.
    assert.equal((await submit(app, '/en/awards/new', {}, editor, `${audit}/publish`)).statusCode, 422);
    const items = await database.db.selectFrom('content_items').select(['id', 'owner_type', 'owner_id', 'type']).execute();
    assert.deepEqual(
      items.map((i) => [i.owner_type, i.owner_id, i.type]),
      [['municipality', award.towns.staraZagora, 'news']],
      'one item, publishing again adds none',
    );
    const en = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
    assert.match(en.body, /Zhivko Todorov, mayor of Stara Zagora, is the Mayor of the Year 2026/);
    const bg = await app.inject({ url: '/bg/municipalities/bg/stara-zagora' });
    assert.match(bg.body, /Zhivko Todorov, кмет на Stara Zagora, е Кмет на годината 2026/);
    const fi = await app.inject({ url: '/fi/municipalities/bg/stara-zagora' });
    assert.match(fi.body, /Zhivko Todorov, kunnan Stara Zagora pormestari, on Vuoden pormestari 2026/);
    const loser = await app.inject({ url: '/en/municipalities/bg/botevgrad' });
    assert.doesNotMatch(loser.body, /is the Mayor of the Year 2026/);
  },
);

appTest('editors remove a category only while nobody was nominated in it, after a confirming step', async (app, database) => {
  const award = await sampleAward(database, 'nominations');
  await repo.insertCategory(database.db, {
    edition_id: award.edition,
    slug: 'young-mayor',
    kind: 'mayor',
    position: 1,
    names: JSON.stringify({ en: 'Young mayor of the year' }),
    published_at: null,
  });
  const empty = '/en/awards/mayor-of-the-year-2026/young-mayor';
  const citizen = await person(database);
  const staff = await person(database, { roles: [['municipality_admin', award.towns.staraZagora]] });
  for (const who of [citizen, staff]) {
    assert.equal((await app.inject({ url: `${empty}/remove`, headers: { cookie: who.cookie } })).statusCode, 403);
    assert.equal((await submit(app, empty, {}, who, `${empty}/remove`)).statusCode, 403);
  }
  assert.match(String((await app.inject({ url: `${empty}/remove` })).headers.location), /sign-in/);
  const editor = await person(database, { roles: [['platform_editor', null]] });
  const manage = await app.inject({ url: `${empty}/manage`, headers: { cookie: editor.cookie } });
  assert.match(manage.body, /href="\/en\/awards\/mayor-of-the-year-2026\/young-mayor\/remove">Remove this category/);
  const busy = await app.inject({ url: `/en${award.path}/manage`, headers: { cookie: editor.cookie } });
  assert.doesNotMatch(busy.body, /Remove this category/, 'a category with nominations offers no removal');
  const confirm = await app.inject({ url: `${empty}/remove`, headers: { cookie: editor.cookie } });
  assert.match(confirm.body, /<button type="submit" class="button--danger">Remove the category<\/button>/);

  const refused = await submit(app, `/en${award.path}`, {}, editor, `/en${award.path}/remove`);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /This category has nominations: it cannot be removed/);
  assert.equal((await submit(app, empty, {}, editor, '/en/awards/mayor-of-the-year-2026/nothing-here/remove')).statusCode, 404);
  assert.equal((await repo.categoriesOf(database.db, [award.edition])).length, 2, 'nothing was removed');

  const removed = await submit(app, `${empty}/remove`, {}, editor);
  assert.equal(removed.headers.location, '/en/awards/mayor-of-the-year-2026?notice=removed');
  assert.match((await app.inject({ url: removed.headers.location, headers: { cookie: editor.cookie } })).body, /The category was removed/);
  assert.deepEqual(
    (await repo.categoriesOf(database.db, [award.edition])).map((c) => c.slug),
    ['mayor-of-the-year'],
  );
  assert.equal((await app.inject({ url: empty })).statusCode, 404);
  const logged = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'awards.category.remove').execute();
  assert.equal(logged.length, 1);
});
