import assert from 'node:assert/strict';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { formAs, person, submit as post } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

appTest('an editor writes a draft, previews, translates, publishes, restores a revision and unpublishes', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]], name: 'Editor Elena' });
  const created = await post(
    app,
    '/en/newsroom/new?type=news',
    { ...NEWS, owner: `municipality:${staraZagora}` },
    editor,
    '/en/newsroom/new',
  );
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location);
  assert.ok(id > 0);
  const path = `/en/news/${id}-linden-avenue-replanted`;

  assert.equal((await app.inject({ url: path })).statusCode, 404, 'a draft is not public');
  assert.ok(!(await app.inject({ url: '/en/news' })).body.includes('Linden avenue'), 'nor listed');
  const preview = await app.inject({
    url: `/en/newsroom/${id}/preview?language=en`,
    headers: { cookie: editor.cookie },
  });
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /<h2>What comes next<\/h2>/, 'the body is rendered from Markdown');
  assert.match(preview.body, /<strong>city gardeners<\/strong>/);

  const published = await post(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`);
  assert.equal(published.statusCode, 303);
  const page = await app.inject({ url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Linden avenue replanted<\/h1>/);
  assert.match(page.body, /"@type":"NewsArticle"/);
  assert.match(page.body, /property="og:title" content="Linden avenue replanted"/);
  assert.match(page.body, /href="\/en\/areas\/environment">Urban environment and ecology<\/a>/);
  assert.ok((await app.inject({ url: '/en/news' })).body.includes(path), 'listed under news');
  assert.ok((await app.inject({ url: '/en/latest?country=bg' })).body.includes(path), 'and under its country');
  assert.ok(!(await app.inject({ url: '/en/latest?country=fi' })).body.includes(path), 'not under another country');
  assert.ok((await app.inject({ url: '/en/areas/climate' })).body.includes(path), 'and on its policy areas');
  assert.ok(
    (await app.inject({ url: '/en/municipalities/bg/stara-zagora' })).body.includes(path),
    'in the municipality’s newsroom on its profile',
  );

  const translated = await post(
    app,
    `/en/newsroom/${id}/edit?language=bg`,
    {
      title: 'Липовата алея е засадена отново',
      summary: 'Двеста млади липи вече растат по главния булевард.',
      body: 'Градинарите засадиха дърветата.',
    },
    editor,
  );
  assert.equal(translated.statusCode, 303);
  const bg = await app.inject({ url: `/bg/news/${id}-linden-avenue-replanted` });
  assert.match(bg.body, /<h1>Липовата алея е засадена отново<\/h1>/, 'a reader gets their language');
  assert.match(bg.body, /hreflang="en" href="http:\/\/portal.test\/en\/news\//);
  const fi = await app.inject({ url: `/fi/news/${id}-linden-avenue-replanted` });
  assert.match(fi.body, /<h1 lang="en">Linden avenue replanted<\/h1>/, 'another language gets the original, marked as such');
  assert.match(fi.body, /class="notice"/);
  assert.match(fi.body, /<link rel="canonical" href="http:\/\/portal.test\/en\/news\//, 'whose canonical address is the original');
  const hreflangs = [...fi.body.matchAll(/rel="alternate" hreflang="([a-z-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(hreflangs, ['bg', 'en', 'x-default'], 'hreflang names the versions that exist');

  const edited = await post(app, `/en/newsroom/${id}/edit?language=en`, { ...NEWS, title: 'Linden avenue replanted in spring' }, editor);
  assert.equal(edited.statusCode, 303);
  const moved = await app.inject({ url: path });
  assert.equal(moved.statusCode, 301, 'an old address leads to the new one');
  assert.equal(moved.headers.location, `/en/news/${id}-linden-avenue-replanted-in-spring`);

  const history = await app.inject({ url: `/en/newsroom/${id}/history`, headers: { cookie: editor.cookie } });
  assert.match(history.body, /Editor Elena/);
  const revisions = await database.db
    .selectFrom('content_revisions')
    .select(['id', 'language'])
    .where('item_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    revisions.map((r) => r.language),
    ['en', 'bg', 'en'],
  );
  const restored = await post(app, `/en/newsroom/${id}/history`, {}, editor, `/en/newsroom/${id}/history/${revisions[0]!.id}/restore`);
  assert.equal(restored.statusCode, 303);
  assert.match((await app.inject({ url: path })).body, /<h1>Linden avenue replanted<\/h1>/, 'the first version is back');

  const listings = ['/en/areas/climate', '/en/news', `/en/latest?municipality=${staraZagora}`];
  for (const url of listings) assert.ok((await app.inject({ url })).body.includes(path), `listed on ${url}`);
  const unpublished = await post(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/unpublish`);
  assert.equal(unpublished.statusCode, 303);
  assert.equal((await app.inject({ url: path })).statusCode, 404);
  for (const url of listings) assert.ok(!(await app.inject({ url })).body.includes(path), `gone from ${url} at once`);
  const actions = (await database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);
  assert.deepEqual(actions, ['content.create', 'content.publish', 'content.save', 'content.save', 'content.restore', 'content.unpublish']);
});

appTest('a scheduled item appears at its time, not before', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_admin', staraZagora]] });
  const id = idFrom(
    (await post(app, '/en/newsroom/new?type=news', { ...NEWS, owner: `municipality:${staraZagora}` }, editor, '/en/newsroom/new')).headers
      .location,
  );
  const past = await post(
    app,
    `/en/newsroom/${id}/edit`,
    { when: 'later', publish_at: '2020-01-01T10:00', time_zone: 'Europe/Sofia' },
    editor,
    `/en/newsroom/${id}/publish`,
  );
  assert.equal(past.statusCode, 422);
  assert.match(past.body, /Choose a time in the future/);
  const badZone = await post(
    app,
    `/en/newsroom/${id}/edit`,
    { when: 'later', publish_at: '2099-01-01T10:00', time_zone: 'Mars/Olympus' },
    editor,
    `/en/newsroom/${id}/publish`,
  );
  assert.equal(badZone.statusCode, 422);
  const later = await post(
    app,
    `/en/newsroom/${id}/edit`,
    { when: 'later', publish_at: '2099-01-01T10:00', time_zone: 'Europe/Sofia' },
    editor,
    `/en/newsroom/${id}/publish`,
  );
  assert.equal(later.statusCode, 303);
  const item = await database.db
    .selectFrom('content_items')
    .select(['state', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(item.published_at, '2099-01-01T08:00:00.000Z', '10:00 in Sofia is 08:00 UTC');
  assert.equal((await app.inject({ url: `/en/news/${id}-linden-avenue-replanted` })).statusCode, 404, 'not yet');
  const desk = await app.inject({ url: '/en/newsroom', headers: { cookie: editor.cookie } });
  assert.match(desk.body, /Scheduled/);
  // The time comes.
  await database.db.updateTable('content_items').set({ published_at: '2001-01-01T08:00:00.000Z' }).where('id', '=', id).execute();
  assert.equal((await app.inject({ url: `/en/news/${id}-linden-avenue-replanted` })).statusCode, 200);
});

appTest('only the staff of the owner write, edit and see drafts; bad input changes nothing', async (app, database) => {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const szEditor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const otherEditor = await person(database, { roles: [['municipality_editor', botevgrad]] });
  const platformEditor = await person(database, { roles: [['platform_editor', null]] });
  const citizen = await person(database);

  assert.equal((await app.inject({ url: '/en/newsroom' })).statusCode, 303, 'anonymous people are sent to sign in');
  assert.equal((await app.inject({ url: '/en/newsroom', headers: { cookie: citizen.cookie } })).statusCode, 403);
  const foreign = await post(
    app,
    '/en/newsroom/new?type=news',
    { ...NEWS, owner: `municipality:${staraZagora}` },
    otherEditor,
    '/en/newsroom/new',
  );
  assert.equal(foreign.statusCode, 403, 'Botevgrad’s editor cannot write for Stara Zagora');
  const asPlatform = await post(app, '/en/newsroom/new?type=news', { ...NEWS, owner: 'platform' }, szEditor, '/en/newsroom/new');
  assert.equal(asPlatform.statusCode, 403, 'nor can a town’s editor write for the platform');
  const platformOnTown = await post(
    app,
    '/en/newsroom/new?type=news',
    { ...NEWS, owner: `municipality:${staraZagora}` },
    platformEditor,
    '/en/newsroom/new',
  );
  assert.equal(platformOnTown.statusCode, 403, 'a platform editor writes for the platform only');
  assert.equal(
    await database.db
      .selectFrom('content_items')
      .select('id')
      .execute()
      .then((r) => r.length),
    0,
    'nothing was created',
  );
  assert.equal(
    (await post(app, '/en/newsroom/new?type=news', { ...NEWS, owner: 'platform' }, platformEditor, '/en/newsroom/new')).statusCode,
    303,
  );

  const id = idFrom(
    (await post(app, '/en/newsroom/new?type=news', { ...NEWS, owner: `municipality:${staraZagora}` }, szEditor, '/en/newsroom/new')).headers
      .location,
  );
  for (const url of [`/en/newsroom/${id}/edit`, `/en/newsroom/${id}/preview`, `/en/newsroom/${id}/history`]) {
    assert.equal(
      (await app.inject({ url, headers: { cookie: otherEditor.cookie } })).statusCode,
      404,
      `${url} is hidden from another town`,
    );
    assert.equal((await app.inject({ url, headers: { cookie: citizen.cookie } })).statusCode, 404);
  }
  const { csrf, cookie } = await formAs(app, '/en/newsroom/new?type=news', otherEditor);
  for (const action of ['publish?when=now', 'unpublish', 'edit?language=en']) {
    const res = await app.inject({
      method: 'POST',
      url: `/en/newsroom/${id}/${action}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, title: 'Hijacked', summary: 'x', areas: 'health' }).toString(),
    });
    assert.equal(res.statusCode, 404, `${action} refused to another town's editor`);
  }
  const item = await database.db.selectFrom('content_items').select(['state']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(item.state, 'draft');
  const desk = await app.inject({ url: '/en/newsroom', headers: { cookie: otherEditor.cookie } });
  assert.ok(!desk.body.includes('Linden avenue'), 'another town’s desk does not list it');

  const before = await database.db.selectFrom('content_texts').selectAll().where('item_id', '=', id).execute();
  const bad = await post(
    app,
    `/en/newsroom/${id}/edit?language=en`,
    { ...NEWS, title: '', summary: 'y'.repeat(601), tags: 'a,b,c,d,e,f,g,h,i,j,k', areas: 'nonsense' },
    szEditor,
  );
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /Enter|required/i);
  assert.ok(bad.body.includes('y'.repeat(601)), 'what was typed is kept');
  assert.deepEqual(
    await database.db.selectFrom('content_texts').selectAll().where('item_id', '=', id).execute(),
    before,
    'nothing changed',
  );
  const fr = await post(app, `/fr/newsroom/${id}/edit?language=en`, { ...NEWS, title: '' }, szEditor);
  assert.equal(fr.statusCode, 422);
  assert.match(fr.body, /<html lang="fr"/, 'errors come in the reader’s language');
});

appTest('the editor’s preview shows a body as readers will get it, and only to the people who write', async (app, database) => {
  const { staraZagora } = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
  const citizen = await person(database);
  const body = 'Some **bold** words.\n\n<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))';
  const preview = (lang: string, fields: Record<string, string>, who = editor) =>
    post(app, `/${lang}/newsroom/new?type=news`, fields, who, `/${lang}/newsroom/markdown`);

  const shown = await preview('en', { body });
  assert.equal(shown.statusCode, 200);
  assert.match(String(shown.headers['cache-control']), /no-store/);
  const { html } = shown.json() as { html: string };
  assert.match(html, /<strong>bold<\/strong>/);
  assert.ok(!/<script|onerror|href="javascript|<img/i.test(html), html);
  assert.equal((await database.db.selectFrom('content_items').select('id').execute()).length, 0, 'a preview stores nothing');

  const saved = await post(
    app,
    '/en/newsroom/new?type=news',
    { ...NEWS, body, owner: `municipality:${staraZagora}` },
    editor,
    '/en/newsroom/new',
  );
  assert.equal(saved.statusCode, 303);
  const stored = await database.db.selectFrom('content_texts').select('body_html').executeTakeFirstOrThrow();
  assert.equal(stored.body_html, html, 'the preview is what is published');

  const long = await preview('fi', { body: 'a'.repeat(50_001) });
  assert.equal(long.statusCode, 422);
  assert.match(long.json().error, /^Käytä enintään 50\s000 merkkiä\.$/u, 'too long, in the page’s language');
  const huge = await preview('fi', { body: 'a'.repeat(70_000) });
  assert.equal(huge.statusCode, 413);
  assert.ok(huge.body.includes('Lähettämäsi sisältö on liian suuri'), 'more than a form may hold');

  const stranger = await post(app, '/en/account', { body }, citizen, '/en/newsroom/markdown');
  assert.equal(stranger.statusCode, 403, 'a person who writes for nobody is refused');
  assert.ok(!stranger.body.includes('<strong>bold</strong>'));
  const visitor = await post(app, '/en/sign-in', { body }, undefined, '/en/newsroom/markdown');
  assert.equal(visitor.statusCode, 303, 'a visitor is sent to sign in');
  assert.match(String(visitor.headers.location), /^\/en\/sign-in/);
  const forged = await app.inject({
    method: 'POST',
    url: '/en/newsroom/markdown',
    headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ body }).toString(),
  });
  assert.equal(forged.statusCode, 403, 'without the form’s token, another site cannot use it');
});
