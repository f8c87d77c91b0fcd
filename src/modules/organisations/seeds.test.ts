import assert from 'node:assert/strict';
import { appTest } from '../../../test/helpers/app.ts';
import { sampleDirectory } from '../../../test/scopes.ts';
import { demoOrganisations } from './service/seeds.ts';

appTest(
  'the demo adds organisations of every kind and confirmed partnerships in three towns, one with two organisations, once',
  async (app, database) => {
    await demoOrganisations.run(app.context);
    assert.equal((await database.db.selectFrom('organisations').select('id').execute()).length, 0, 'no towns yet: nothing');
    await sampleDirectory(database);
    await demoOrganisations.run(app.context);
    await demoOrganisations.run(app.context);
    const kinds = (await database.db.selectFrom('organisations').select('kind').orderBy('kind').execute()).map((o) => o.kind);
    assert.deepEqual(kinds, ['agency', 'business', 'ngo', 'school', 'university']);
    assert.equal((await database.db.selectFrom('partnerships').select('id').where('state', '=', 'confirmed').execute()).length, 4);
    const list = (await app.inject({ url: '/en/partnerships?country=bg' })).body;
    assert.ok(list.includes('Zelena Zagora') && list.includes('Botevgrad Vocational School') && !list.includes('Bistrica Bike Works'));
    assert.ok((await app.inject({ url: '/en/municipalities/si/slovenska-bistrica' })).body.includes('Public bicycles at the station'));
    const university = (await app.inject({ url: '/en/organisations/thracian-university' })).body;
    assert.ok(university.includes('measure the air in every district') && university.includes('>Zelena Zagora</a>'));
  },
);
