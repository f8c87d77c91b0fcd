import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { box } from '../../../test/signals-open311.ts';
import { boundariesChanged, placePoint } from './service/routing.ts';

appTest('a point goes to the town whose boundary holds it, else to the nearest centre in its country', async (_app, database) => {
  const { db } = database;
  const towns = await sampleTowns(database);
  assert.deepEqual(await placePoint(db, { latitude: 42.41, longitude: 25.61 }), { municipalityId: towns.staraZagora, by: 'centre' });
  const thessaloniki = await placePoint(db, { latitude: 40.63, longitude: 22.95 });
  assert.notEqual(thessaloniki?.municipalityId, towns.staraZagora);
  assert.equal(await placePoint(db, { latitude: 40.63, longitude: 22.95 }, 'BG'), undefined, 'no Bulgarian town within 50 km');
  assert.equal(await placePoint(db, { latitude: 35.0, longitude: 18.0 }), undefined, 'the open sea is nobody’s');

  // Botevgrad draws its boundary: a point inside it far from the centre is its own; outside, it is not.
  const area = box(42.85, 23.7, 43.2, 23.9);
  await db
    .insertInto('signal_boundaries')
    .values({
      municipality_id: towns.botevgrad,
      geometry: JSON.stringify(area),
      min_lat: 42.85,
      max_lat: 43.2,
      min_lon: 23.7,
      max_lon: 23.9,
      updated_at: new Date().toISOString(),
    })
    .execute();
  boundariesChanged(db);
  assert.deepEqual(await placePoint(db, { latitude: 43.15, longitude: 23.88 }), { municipalityId: towns.botevgrad, by: 'boundary' });
  assert.equal(
    await placePoint(db, { latitude: 42.8, longitude: 23.78 }, 'BG'),
    undefined,
    'beside its boundary, Botevgrad is not the answer',
  );
});
