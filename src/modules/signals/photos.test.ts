import assert from 'node:assert/strict';
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { appTest } from '../../../test/helpers/app.ts';
import { CENTRE, sampleReport, signalTowns } from '../../../test/signals.ts';
import { photoDir, photoFile, storePhotos, sweepPhotos } from './service/photos.ts';

appTest('photos of a form never sent are removed after a day; those of reports, and fresh ones, stay', async (app, database) => {
  const towns = await signalTowns(database);
  const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  const stored = await storePhotos(app.context, [jpeg, jpeg, jpeg]);
  assert.ok('bases' in stored);
  const [attached, left, fresh] = stored.bases as [string, string, string];
  await sampleReport(database, { municipalityId: towns.staraZagora, categoryId: towns.roads, at: CENTRE, photos: [{ file: attached }] });
  const files = (base: string) => [photoFile(base, 1200), photoFile(base, 400)].map((f) => join(photoDir(app.context), f));
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
  for (const file of [...files(attached), ...files(left)]) utimesSync(file, twoDaysAgo, twoDaysAgo);

  assert.equal(await sweepPhotos(app.context), 1);
  assert.ok(
    files(left).every((f) => !existsSync(f)),
    'the photo of a form left two days ago is gone, with its variants',
  );
  assert.ok(files(attached).every(existsSync), "a report's photo stays, however old");
  assert.ok(files(fresh).every(existsSync), 'a photo of a form being filled in stays');
  assert.equal(await sweepPhotos(app.context), 0, 'nothing more to remove');
});
