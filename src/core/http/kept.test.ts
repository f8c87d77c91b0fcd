import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { fillHoles } from './pages.ts';

// Parts of the home page, the profiles, the listings and search answers are rendered once for
// everyone and kept: with the page cache off, these tests see only that keeping.
const NO_PAGE_CACHE = { PAGE_CACHE: 'off' };
const PROFILE = '/en/municipalities/bg/stara-zagora';
const LISTING = '/en/municipalities/bg';

appTest(
  'what is kept for every reader shows a change on the very next request: home, profile, listing and search',
  async (app, database) => {
    const { staraZagora } = await sampleTowns(database);
    const seen = async (url: string) => (await app.inject({ url })).body;
    const search = '/en/search?q=linden';
    for (const url of ['/en/', PROFILE, search]) assert.ok(!(await seen(url)).includes('Linden avenue'), `${url} before`);
    assert.match(await seen(LISTING), /Stara Zagora/);

    const editor = await person(database, { roles: [['municipality_editor', staraZagora]] });
    const created = await submit(app, '/en/newsroom/new?type=news', { ...NEWS, owner: `municipality:${staraZagora}` }, editor);
    const id = idFrom(created.headers.location);
    await submit(app, `/en/newsroom/${id}/edit`, {}, editor, `/en/newsroom/${id}/publish?when=now`);
    for (const url of ['/en/', PROFILE, search]) assert.match(await seen(url), /Linden avenue replanted/, `${url} after publishing`);

    await database.db.updateTable('municipalities').set({ name: 'Stara Zagora Renamed' }).where('id', '=', staraZagora).execute();
    assert.match(await seen(LISTING), /Stara Zagora Renamed/, 'a listing after a change to the directory');
    assert.match(await seen(PROFILE), /Stara Zagora Renamed/);
  },
  NO_PAGE_CACHE,
);

appTest(
  'a page kept for everyone still carries each person’s own parts, and nobody else gets them',
  async (app, database) => {
    await sampleTowns(database);
    const anonymous = await app.inject({ url: PROFILE });
    assert.match(anonymous.body, /href="\/en\/sign-in\?next=/, 'a visitor is asked to sign in to follow');

    const follower = await person(database, { name: 'Fiona Follower' });
    const signedIn = await app.inject({ url: PROFILE, headers: { cookie: follower.cookie } });
    assert.match(signedIn.body, /name="_csrf"/, 'a signed-in person gets the follow button with their token');
    assert.match(signedIn.body, /\/follow"/);
    assert.match(signedIn.headers['cache-control'] ?? '', /no-store/);

    const followed = await submit(app, PROFILE, {}, follower, `${PROFILE}/follow`);
    assert.equal(followed.statusCode, 303);
    const home = await app.inject({ url: '/en/', headers: { cookie: follower.cookie } });
    assert.match(home.body, /id="following-heading"/, 'a follower’s home page has their towns');
    assert.match(home.body, /: Fiona Follower</, 'and their own account in the header');

    for (const url of ['/en/', PROFILE]) {
      const after = await app.inject({ url });
      assert.ok(!after.body.includes('name="_csrf"'), `${url}: no one else’s token`);
      assert.ok(!after.body.includes('following-heading'), `${url}: no one else’s towns`);
      assert.ok(!after.body.includes('Fiona Follower'), `${url}: no one else’s name`);
    }
  },
  NO_PAGE_CACHE,
);

test('a kept part’s holes take this reader’s parts; the holes nobody fills keep what every reader sees', () => {
  const html =
    '<ol><li>A<div class="actions" data-hole="c-1"><a href="/flag?id=1">Report</a></div></li>' +
    '<li>B<div class="actions" data-hole="c-2"><a href="/flag?id=2">Report</a></div></li>' +
    '<li>C<span data-hole="s-3"></span></li></ol>';
  const fills = new Map<string, VNode>([
    ['c-2', h('p', null, 'Edit yours')],
    ['s-3', h('span', { class: 'tag' }, 'You support this') as VNode],
    ['c-9', h('p', null, 'not on this page')],
  ]);
  assert.equal(
    renderToString(fillHoles(html, fills)),
    '<ol><li>A<div class="actions" data-hole="c-1"><a href="/flag?id=1">Report</a></div></li>' +
      '<li>B<p>Edit yours</p></li><li>C<span class="tag">You support this</span></li></ol>',
  );
  assert.equal(renderToString(fillHoles(html, new Map())), html, 'nobody’s parts: the part as kept');
});
