import assert from 'node:assert/strict';
import { sampleAward } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest, form, formSession } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import * as repo from './repo.ts';

const stored = async ({ db }: TestDatabase) => (await db.selectFrom('award_criterion_scores').select('id').execute()).length;

/** Another edition, with a criterion of its own, to try its criterion and its juror on the sample's jury page. */
async function otherEdition({ db }: TestDatabase) {
  const at = new Date().toISOString();
  const edition = await repo.insertEdition(db, {
    slug: 'best-practice-2026',
    year: 2026,
    nominations_close: at,
    vote_opens: at,
    vote_closes: at,
    jury_closes: at,
    results_on: at,
    jury_weight: 50,
    original_language: 'en',
    created_at: at,
    updated_at: at,
  });
  const criterion = await repo.insertCriterion(db, {
    edition_id: edition,
    position: 0,
    weight: 1,
    names: '{"en":"Reuse"}',
    descriptions: '{}',
  });
  return { edition, criterion };
}

appTest(
  'jurors score each nominee on every criterion; bad scores change nothing; others see them only when all are in',
  async (app, database) => {
    const award = await sampleAward(database, 'jury');
    const other = await otherEdition(database);
    const first = await person(database, { roles: [['award_juror', award.edition]], name: 'Juror Jana' });
    const chair = await person(database, { roles: [['award_jury_chair', award.edition]], name: 'Chair Chavdar' });
    const citizen = await person(database);
    const elsewhere = await person(database, { roles: [['award_juror', other.edition]] });
    const jury = `/en${award.path}/jury`;
    const [a, b] = award.nominees;
    const [results, openness] = award.criteria;
    for (const who of [citizen, elsewhere]) {
      assert.equal((await app.inject({ url: jury, headers: { cookie: who.cookie } })).statusCode, 403);
      // A hand-made post with a valid form token: the page itself is refused to them.
      const { cookie, csrf } = await formSession(app, '/en/sign-in');
      const post = await app.inject({
        method: 'POST',
        url: jury,
        headers: { cookie: `${cookie}; ${who.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf, nomination: String(a), [`score_${results}`]: '5', [`score_${openness}`]: '5' }),
      });
      assert.equal(post.statusCode, 403, 'a juror of another edition scores nothing here');
    }
    const page = await app.inject({ url: jury, headers: { cookie: first.cookie } });
    assert.match(page.body, new RegExp(`<label for="score_${a}_${results}">Results</label>`));
    assert.match(page.body, new RegExp(`name="score_${openness}"`));

    const refused: [Record<string, string>, RegExp][] = [
      [{ nomination: String(a), [`score_${results}`]: '7' }, /whole number from 0 to 10 on every criterion/],
      [{ nomination: String(a), [`score_${results}`]: '11', [`score_${openness}`]: '3' }, /whole number from 0 to 10/],
      [{ nomination: String(a), [`score_${results}`]: '-1', [`score_${openness}`]: '3' }, /whole number from 0 to 10/],
      [{ nomination: String(a), [`score_${results}`]: '7'.repeat(5000), [`score_${openness}`]: '3' }, /whole number from 0 to 10/],
      [{ nomination: String(a), [`score_${results}`]: '<script>alert(1)</script>', [`score_${openness}`]: '3' }, /whole number/],
      [
        { nomination: String(a), [`score_${results}`]: '7', [`score_${openness}`]: '3', [`score_${other.criterion}`]: '9' },
        /not one of this edition/,
      ],
      [{ nomination: '999999', [`score_${results}`]: '7', [`score_${openness}`]: '3' }, /Choose a nominee of the shortlist/],
      [{ nomination: "1' OR '1'='1", [`score_${results}`]: '7', [`score_${openness}`]: '3' }, /Choose a nominee of the shortlist/],
    ];
    for (const [fields, message] of refused) {
      const res = await submit(app, jury, fields, first);
      assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 80));
      assert.match(res.body, message);
    }
    const typed = await submit(app, jury, { nomination: String(a), [`score_${results}`]: '<b>x</b>', [`score_${openness}`]: '3' }, first);
    assert.match(typed.body, /value="&lt;b>x&lt;\/b>"/, 'what the juror typed stays, escaped');
    assert.match(typed.body, /<title>Error: /);
    assert.equal(await stored(database), 0, 'nothing was stored');

    const score = (who: typeof first, n: number, r: number, o: number) =>
      submit(app, jury, { nomination: String(n), [`score_${results}`]: String(r), [`score_${openness}`]: String(o) }, who);
    assert.equal((await score(first, a, 4, 10)).headers.location, `${jury}?notice=scored`);
    assert.equal((await score(first, b, 9, 6)).statusCode, 303);
    const hidden = await app.inject({ url: jury, headers: { cookie: first.cookie } });
    assert.match(hidden.body, /shown once all 2 jurors have scored/);
    assert.match(hidden.body, new RegExp(`id="score_${a}_${openness}"[^>]*value="10"`), 'the juror sees their own scores');
    assert.doesNotMatch(hidden.body, /How far the jurors are/, 'only the chair follows the progress');
    const progress = await app.inject({ url: jury, headers: { cookie: chair.cookie } });
    assert.match(progress.body, /Juror Jana: 2 of 2 nominees scored/);
    assert.match(progress.body, /Chair Chavdar: 0 of 2 nominees scored/);
    assert.doesNotMatch(
      progress.body,
      new RegExp(`id="score_${a}_${openness}"[^>]*value="10"`),
      'nor the chair sees another juror’s scores',
    );

    assert.equal((await score(chair, a, 6, 8)).statusCode, 303);
    const half = await app.inject({ url: jury, headers: { cookie: first.cookie } });
    assert.match(half.body, /shown once all 2 jurors have scored/, 'still hidden while one nominee waits for the chair');
    assert.equal((await score(chair, b, 10, 2)).statusCode, 303);
    const shown = await app.inject({ url: jury, headers: { cookie: first.cookie } });
    // Zhivko Todorov: Results 4 and 6 (mean 5, weight 3), Openness 10 and 8 (mean 9, weight 1): (15 + 9) / 4 = 6.
    assert.match(shown.body, /<td[^>]*>Zhivko Todorov<\/td><td[^>]*>(4, 6|6, 4)<\/td><td[^>]*>(10, 8|8, 10)<\/td><td[^>]*>6<\/td>/);
    // Ivan Gavalyugov: Results mean 9.5, Openness mean 4: (28.5 + 4) / 4 = 8.125.
    assert.match(shown.body, /<td[^>]*>Ivan Gavalyugov<\/td><td[^>]*>(9, 10|10, 9)<\/td><td[^>]*>(6, 2|2, 6)<\/td><td[^>]*>8.13<\/td>/);

    const editor = await person(database, { roles: [['platform_editor', null]] });
    const audit = await app.inject({ url: `/en${award.path}/audit`, headers: { cookie: editor.cookie } });
    // No public votes: the jury decides, the best jury score scaled to 1 and weighed 50%.
    assert.match(audit.body, /<td[^>]*>1<\/td><td[^>]*>Ivan Gavalyugov<\/td><td[^>]*>0<\/td><td[^>]*>8.13<\/td><td[^>]*>50<\/td>/);
    assert.match(audit.body, /<td[^>]*>2<\/td><td[^>]*>Zhivko Todorov<\/td><td[^>]*>0<\/td><td[^>]*>6<\/td><td[^>]*>36.92<\/td>/);
    const publish = await submit(app, `/en${award.path}/audit`, {}, editor, `/en${award.path}/audit/publish`);
    assert.equal(publish.statusCode, 303);
    const api = (await app.inject({ url: '/api/v1/awards/mayor-of-the-year-2026' })).json();
    assert.deepEqual(
      api.categories[0].results.ranking.map((r: { juryScore: number; finalScore: number }) => [r.juryScore, r.finalScore]),
      [
        [8.13, 50],
        [6, 36.92],
      ],
    );
    assert.deepEqual(api.categories[0].results.ranking[0].criteria, [
      { name: 'Results', weight: 3, mean: 9.5 },
      { name: 'Openness', weight: 1, mean: 4 },
    ]);
    const published = await app.inject({ url: `/bg${award.path}` });
    assert.match(published.body, /<th scope="col">Резултати \(тежест 3\)<\/th><th scope="col">Откритост \(тежест 1\)<\/th>/);
    assert.match(
      published.body,
      /Ivan Gavalyugov[\s\S]*?<\/td><td[^>]*>9,5<\/td><td[^>]*>4<\/td>/,
      'the means per criterion, the reader’s way',
    );
    assert.equal((await score(first, a, 1, 1)).statusCode, 422, 'a published result takes no more scores');
  },
);

appTest(
  'editors keep the criteria on the edition’s page: add, translate, reorder, remove; bad criteria are refused',
  async (app, database) => {
    const award = await sampleAward(database, 'jury');
    const editor = await person(database, { roles: [['platform_editor', null]] });
    const juror = await person(database, { roles: [['award_juror', award.edition]] });
    const edit = '/en/awards/mayor-of-the-year-2026/edit';
    const page = await app.inject({ url: edit, headers: { cookie: editor.cookie } });
    assert.match(page.body, /name="criterion_1_name"[^>]*value="Results"|value="Results"[^>]*name="criterion_1_name"/);
    const [results, openness] = award.criteria;
    const edition = {
      language: 'en',
      year: '2026',
      title: 'Mayor of the Year 2026',
      rules: '',
      nominations_close: '2026-01-01',
      vote_opens: '2026-02-01',
      vote_closes: '2026-03-01',
      jury_closes: '2026-04-01',
      results_on: '2026-05-01',
      jury_weight: '50',
    };
    const kept = {
      criterion_1_id: String(results),
      criterion_1_name: 'Results',
      criterion_1_weight: '3',
      criterion_1_order: '1',
      criterion_2_id: String(openness),
      criterion_2_name: 'Openness',
      criterion_2_weight: '1',
      criterion_2_order: '2',
    };
    const names = async () => (await repo.criteriaOf(database.db, award.edition)).map((c) => `${c.names}|${c.weight}`);
    const before = await names();
    const refused: [Record<string, string>, RegExp][] = [
      [{ ...kept, criterion_3_name: 'Courage', criterion_3_weight: '0' }, /whole number from 1 to 100/],
      [{ ...kept, criterion_3_name: 'Courage', criterion_3_weight: 'heavy' }, /whole number from 1 to 100/],
      [{ ...kept, criterion_3_name: 'C'.repeat(121), criterion_3_weight: '1' }, /too long|at most/i],
      [{ ...kept, criterion_3_name: 'Courage', criterion_3_weight: '1', criterion_3_order: '-4' }, /whole number from 1 to 99/],
      [{ ...kept, criterion_1_id: '999999' }, /not one of this edition/],
      [{ ...kept, criterion_1_name: '', criterion_2_name: '' }, /at least one criterion/],
    ];
    for (const [fields, message] of refused) {
      const res = await submit(app, edit, { ...edition, ...fields }, editor);
      assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 120));
      assert.match(res.body, message);
    }
    assert.deepEqual(await names(), before, 'nothing changed');

    const added = await submit(
      app,
      edit,
      {
        ...edition,
        ...kept,
        criterion_2_order: '3',
        criterion_3_name: 'Courage',
        criterion_3_description: 'Hard choices.',
        criterion_3_weight: '2',
        criterion_3_order: '2',
      },
      editor,
    );
    assert.equal(added.statusCode, 303);
    const bg = await submit(
      app,
      edit,
      {
        ...edition,
        language: 'bg',
        title: 'Кмет на годината 2026',
        criterion_1_id: String(results),
        criterion_1_name: 'Резултати',
        criterion_1_weight: '3',
      },
      editor,
    );
    assert.equal(bg.statusCode, 303);
    const jury = await app.inject({ url: `/bg${award.path}/jury`, headers: { cookie: juror.cookie } });
    assert.match(jury.body, /Резултати[\s\S]*Courage[\s\S]*Hard choices\.[\s\S]*Откритост/, 'in order, in Bulgarian where translated');

    // The jury scored on Results: it stays; Openness, unscored, goes.
    await repo.saveScore(database.db, {
      nomination_id: award.nominees[0],
      criterion_id: results,
      juror_id: juror.id,
      score: 7,
      scored_at: new Date().toISOString(),
    });
    const scored = await submit(app, edit, { ...edition, ...kept, criterion_1_name: '' }, editor);
    assert.equal(scored.statusCode, 422);
    assert.match(scored.body, /can no longer be removed/);
    const removed = await submit(app, edit, { ...edition, ...kept, criterion_2_name: '' }, editor);
    assert.equal(removed.statusCode, 303);
    assert.deepEqual(
      (await repo.criteriaOf(database.db, award.edition)).map((c) => JSON.parse(c.names).en),
      ['Results', 'Courage'],
    );
  },
);
