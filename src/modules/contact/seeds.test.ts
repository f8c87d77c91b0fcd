import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { demoContact } from './service/seeds.ts';

appTest('the demo gives towns topics, a response time and answered letters, once', async (app, database) => {
  await sampleTowns(database);
  await database.db.updateTable('municipalities').set({ joined_at: new Date().toISOString() }).execute();
  await demoContact.run(app.context);
  await demoContact.run(app.context);
  const topics = await database.db.selectFrom('contact_topics').select('name').execute();
  assert.equal(topics.length, 5, 'Stara Zagora and Botevgrad, each once');
  const page = await app.inject({ url: '/en/municipalities/bg/stara-zagora/contact' });
  assert.match(page.body, /Expected response time<\/dt><dd>10 days/);
  assert.match(page.body, /first answer \(last 12 months\)<\/dt><dd>(\d+ hours|2 days)/, 'six answered letters give a median');
  assert.match(page.body, /Местни данъци и такси/);
  const references = await database.db.selectFrom('contact_enquiries').select('reference').execute();
  assert.equal(new Set(references.map((r) => r.reference)).size, 7);
});
