import assert from 'node:assert/strict';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

appTest('the content API answers bad ids and filters with a 400 naming them', async (app) => {
  for (const [url, name] of [
    ['/api/v1/content?tag=%00', 'tag'],
    ['/api/v1/news?municipality=2147483648', 'municipality'],
    ['/api/v1/content?municipality=1e3', 'municipality'],
    ['/api/v1/content/2147483648', 'id'],
    ['/api/v1/content/-1', 'id'],
  ] as const) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 400, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.ok(
      res.json().errors.some((e: { name: string }) => e.name === name),
      `${url} names ${name}`,
    );
  }
  assert.equal((await app.inject({ url: '/api/v1/content/2147483647' })).statusCode, 404);
});

appTest('listings drop filters past the largest id and months outside the calendar both databases keep', async (app) => {
  for (const url of [
    '/en/news?municipality=2147483648',
    '/en/latest?page=1e308',
    '/en/events?view=month&month=9999-12',
    '/en/events?view=month&month=0000-01',
    '/en/events?view=month&month=9999-99',
    '/en/events.ics?municipality=9999999999',
  ]) {
    assert.equal((await app.inject({ url })).statusCode, 200, url);
  }
  assert.equal((await app.inject({ url: '/en/news/2147483648' })).statusCode, 404);
});

appTest('the newsroom answers ids past the largest integer with 404', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const id = idFrom(
    (await submit(app, '/en/newsroom/new?type=news', { ...NEWS, owner: `municipality:${staraZagora}` }, editor, '/en/newsroom/new')).headers
      .location,
  );
  for (const url of ['/en/newsroom/2147483648/edit', '/en/newsroom/9999999999/preview', '/en/newsroom/NaN/history']) {
    assert.equal((await app.inject({ url, headers: { cookie: editor.cookie } })).statusCode, 404, url);
  }
  const restore = await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/history/2147483648/restore`);
  assert.equal(restore.statusCode, 404);
});
