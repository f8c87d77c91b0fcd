import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { person, submit } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { validateForm } from '../../core/http/forms.ts';
import { runDemoSeeds } from '../../core/seeds.ts';
import { modules } from '../index.ts';
import { DEMO_TOWNS } from './demo/towns.ts';
import { PROFILE_LIMITS, profileInput } from './schema.ts';
import { mediaDir } from './service/images.ts';
import { csvRecords, importRecords } from './service/import.ts';
import { demoTowns } from './service/seeds.ts';

/** Text as the page escapes it. */
const html = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Everything the seed may touch, to compare before and after a run. */
async function snapshot(app: FastifyInstance, { db }: TestDatabase) {
  return {
    places: await db.selectFrom('municipalities').selectAll().orderBy('id').execute(),
    descriptions: await db.selectFrom('municipality_descriptions').selectAll().orderBy('id').execute(),
    files: readdirSync(mediaDir(app.context), { withFileTypes: true })
      .map((f) => f.name)
      .sort(),
  };
}

appTest('after the demo seeds every demo town the directory holds has joined, with a profile and pictures', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  await runDemoSeeds(modules, app.context);
  const places = await database.db.selectFrom('municipalities').selectAll().execute();
  const present = DEMO_TOWNS.filter((t) => places.some((p) => `${p.country}/${p.slug}` === t.town));
  assert.equal(present.length, 6, 'the sample holds six of the demo towns: the others are skipped, not failed on');
  assert.equal(places.length, 8, 'no place is added');
  assert.deepEqual(places.filter((p) => p.joined_at).length, 6);

  for (const town of present) {
    const m = places.find((p) => `${p.country}/${p.slug}` === town.town)!;
    assert.equal(m.join_rank, 1, `${town.town} sorts with the joined`);
    const page = (await app.inject({ url: `/en/municipalities/${town.town.toLowerCase()}` })).body;
    assert.ok(page.includes('class="tag tag--joined"'), `${town.town}: joined`);
    for (const text of [town.mayor, `since ${town.mayorSince}`, town.email, town.website, town.address, town.region])
      assert.ok(page.includes(html(text)), `${town.town}: ${text}`);
    assert.ok(page.includes(html(town.about.en!.join(' '))), `${town.town}: the English description`);
    const own = town.languages[0]!;
    assert.match(page, new RegExp(`hreflang="${own}" lang="${own}"`), `${town.town}: links its own language`);
    const ownPage = (await app.inject({ url: `/${own}/municipalities/${town.town.toLowerCase()}` })).body;
    assert.ok(ownPage.includes(html(town.about[own]!.join(' '))), `${town.town}: the description in ${own}`);

    const arms = /<img class="coat-of-arms" src="([^"]+)" alt="([^"]+)"/.exec(page);
    assert.ok(arms, `${town.town}: the emblem is shown`);
    assert.equal(arms[2], html(`Coat of arms of ${m.name}`));
    const photo = /<img class="mayor-photo" src="([^"]+)" alt="([^"]+)"/.exec(page);
    assert.equal(photo?.[2], html(town.mayor), `${town.town}: the mayor's picture is named`);
    for (const [src, width] of [
      [arms[1]!, 400],
      [photo[1]!, 120],
    ] as const) {
      const served = await app.inject({ url: src });
      assert.equal(served.statusCode, 200, src);
      const meta = await sharp(served.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width], ['webp', width], src);
    }
  }
  const sz = places.find((p) => p.slug === 'stara-zagora')!;
  assert.equal(sz.native_name, 'Стара Загора');
  assert.equal((await app.inject({ url: '/en/municipalities?country=bg&sort=population' })).statusCode, 200);
  const home = (await app.inject({ url: '/en/' })).body;
  assert.doesNotMatch(home, /none has joined yet/);
  assert.match(home, /6 have joined/);
});

appTest('running the towns seed again changes nothing, and a re-import keeps what it filled in', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  await demoTowns.run(app.context);
  const first = await snapshot(app, database);
  await demoTowns.run(app.context);
  assert.deepEqual(await snapshot(app, database), first);
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const again = await database.db.selectFrom('municipalities').select(['slug', 'native_name', 'region_name']).orderBy('id').execute();
  assert.deepEqual(
    again,
    first.places.map((p) => ({ slug: p.slug, native_name: p.native_name, region_name: p.region_name })),
  );
});

appTest('a profile its staff have edited is left as they made it', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const sz = await database.db.selectFrom('municipalities').select('id').where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
  const editor = await person(database, { roles: [['municipality_editor', sz.id]] });
  const edit = '/en/municipalities/bg/stara-zagora/edit';
  const saved = await submit(app, edit, { name: 'Stara Zagora', population: '136781', mayor_name: 'Mayor of Their Choosing' }, editor);
  assert.equal(saved.statusCode, 303);
  await demoTowns.run(app.context);
  const m = await database.db.selectFrom('municipalities').selectAll().where('id', '=', sz.id).executeTakeFirstOrThrow();
  assert.deepEqual([m.mayor_name, m.email, m.coat_of_arms, m.joined_at], ['Mayor of Their Choosing', null, null, null]);
  const descriptions = await database.db.selectFrom('municipality_descriptions').selectAll().where('municipality_id', '=', sz.id).execute();
  assert.equal(descriptions.length, 0);
  const other = await database.db
    .selectFrom('municipalities')
    .select('joined_at')
    .where('slug', '=', 'botevgrad')
    .executeTakeFirstOrThrow();
  assert.ok(other.joined_at, 'the other towns are filled in');
});

test('the demo towns are the twenty that publish the demo content, and fit the profile form in English and their own language', () => {
  const towns = DEMO_TOWNS.map((t) => t.town);
  assert.deepEqual([...towns].sort(), [
    ...['BG/botevgrad', 'BG/stara-zagora', 'DE/freiburg', 'DE/leipzig', 'DE/stuttgart', 'ES/pontevedra', 'ES/valencia'],
    ...['FI/helsinki', 'FI/oulu', 'FI/tampere', 'FR/grenoble', 'FR/strasbourg', 'GR/thessaloniki', 'IT/bologna', 'IT/trento'],
    ...['PL/gdansk', 'PL/lodz', 'SI/ljubljana', 'SI/maribor', 'SI/slovenska-bistrica'],
  ]);
  for (const t of DEMO_TOWNS) {
    const form = validateForm(
      profileInput,
      {
        name: t.town,
        population: '1',
        native_name: t.nativeName,
        region_name: t.region,
        website: t.website,
        email: t.email,
        phone: t.phone,
        address: t.address,
        mayor_name: t.mayor,
        mayor_since: t.mayorSince,
        languages: t.languages,
        ...Object.fromEntries(Object.entries(t.about).map(([l, lines]) => [`description_${l}`, lines.join(' ')])),
      },
      PROFILE_LIMITS,
    );
    assert.ok(form.ok, `${t.town}: ${JSON.stringify(form.ok || form.errors)}`);
    assert.ok(t.about.en && t.about[t.languages[0]!], `${t.town}: English and its own language`);
    assert.ok(new URL(t.website).hostname.endsWith(t.email.split('@')[1]!), `${t.town}: mail at its own domain`);
    for (const [l, lines] of Object.entries(t.about)) {
      const sentences = lines
        .join(' ')
        .split(/[.!?](?=\s+\p{Lu}|$)/u)
        .filter(Boolean).length;
      assert.ok(sentences >= 2 && sentences <= 4, `${t.town} [${l}]: ${sentences} sentences`);
    }
  }
});
