import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { idFrom, NEWS, sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';

/** The desks of the "Your work" page: each group's heading with its links and what waits there. */
async function desksOf(app: FastifyInstance, who: TestPerson) {
  const res = await app.inject({ url: '/en/work', headers: { cookie: who.cookie } });
  assert.equal(res.statusCode, 200);
  const main = res.body.slice(res.body.indexOf('<main'));
  const groups: Record<string, string[]> = {};
  for (const section of main.split('<section').slice(1)) {
    const heading = /<h2[^>]*>([^<]*)<\/h2>/.exec(section)?.[1] ?? '';
    groups[heading] = [...section.matchAll(/<a href="([^"]+)"><strong>[^<]*<\/strong><\/a>(?: <span class="tag">([^<]*)<\/span>)?/g)].map(
      ([, href, waiting]) => (waiting ? `${href} (${waiting})` : href!),
    );
  }
  return { groups, body: res.body };
}

const hasHeaderLink = (body: string) => /<div class="header-account"><a href="\/en\/work">Your work<\/a>/.test(body);

appTest('each person sees exactly the desks their roles give them, with what waits there', async (app, database) => {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const mayor = await person(database, { roles: [['municipality_admin', staraZagora]] });
  const editor = await person(database, { roles: [['municipality_editor', botevgrad]] });
  const platformEditor = await person(database, { roles: [['platform_editor', null]] });
  const moderator = await person(database, { roles: [['platform_moderator', null]] });

  // Drafts of three owners, one of Stara Zagora's scheduled for later; an invitation to its team.
  const draft = async (owner: string, title: string) =>
    idFrom((await submit(app, '/en/newsroom/new?type=news', { ...NEWS, title, owner }, admin, '/en/newsroom/new')).headers.location);
  const scheduled = await draft(`municipality:${staraZagora}`, 'Linden avenue replanted');
  await draft(`municipality:${staraZagora}`, 'Library opens on Sundays');
  await draft(`municipality:${botevgrad}`, 'New bus line');
  await draft('platform', 'Mayor of the Year opens');
  await database.db
    .updateTable('content_items')
    .set({ state: 'published', published_at: new Date(Date.now() + 86_400_000).toISOString() })
    .where('id', '=', scheduled)
    .execute();
  const invited = await submit(
    app,
    `/en/team/municipality/${staraZagora}`,
    { email: 'clerk@starazagora.bg', role: 'municipality_editor' },
    mayor,
    `/en/team/municipality/${staraZagora}/invite`,
  );
  assert.equal(invited.statusCode, 303);
  await submit(app, '/en/municipalities/propose', { country: 'si', name: 'Piran' }, editor);

  assert.deepEqual((await desksOf(app, admin)).groups, {
    'The platform': [
      '/en/team/platform',
      '/en/admin/audit',
      '/en/admin/claims (0 claims, 1 proposed place)',
      '/en/newsletters/platform/desk (0 drafts)',
    ],
    'Across your roles': ['/en/newsroom (3 drafts, 1 scheduled)', '/en/moderation (nothing to review)'],
  });
  assert.deepEqual((await desksOf(app, mayor)).groups, {
    'Stara Zagora': [
      `/en/team/municipality/${staraZagora} (1 open invitation)`,
      '/en/municipalities/bg/stara-zagora/edit',
      `/en/participation/manage#owner-municipality-${staraZagora}`,
      `/en/signals/inbox?town=${staraZagora}`,
      '/en/municipalities/bg/stara-zagora/contact/inbox',
      `/en/newsletters/municipality-${staraZagora}/desk (0 drafts)`,
    ],
    'Across your roles': ['/en/newsroom (1 draft, 1 scheduled)', '/en/moderation (nothing to review)'],
  });
  const botevgradDesks = await desksOf(app, editor);
  assert.deepEqual(botevgradDesks.groups, {
    Botevgrad: [
      '/en/municipalities/bg/botevgrad/edit',
      `/en/participation/manage#owner-municipality-${botevgrad}`,
      `/en/signals/inbox?town=${botevgrad}`,
      '/en/municipalities/bg/botevgrad/contact/inbox',
      `/en/newsletters/municipality-${botevgrad}/desk (0 drafts)`,
    ],
    'Across your roles': ['/en/newsroom (1 draft, 0 scheduled)', '/en/moderation (nothing to review)'],
  });
  assert.match(botevgradDesks.body, /good practices for Botevgrad\./, 'the newsroom names whom they write for');
  assert.deepEqual((await desksOf(app, platformEditor)).groups, {
    'The platform': ['/en/newsletters/platform/desk (0 drafts)'],
    'Across your roles': ['/en/newsroom (1 draft, 0 scheduled)', '/en/moderation (nothing to review)'],
  });

  assert.deepEqual((await desksOf(app, moderator)).groups, { 'Across your roles': ['/en/moderation (nothing to review)'] });
  for (const who of [admin, mayor, editor, platformEditor, moderator]) {
    const account = await app.inject({ url: '/en/account', headers: { cookie: who.cookie } });
    assert.ok(hasHeaderLink(account.body), 'the header leads everyone with a role to their work');
    assert.ok(account.body.includes('<a href="/en/work">Your work</a></p>'), 'and so does the account page');
  }
});

appTest('an organisation’s representative runs its team and profile; Bulgarian desks are in Bulgarian', async (app, database) => {
  const rep = await person(database);
  const created = await submit(app, '/bg/organisations/new', { name: 'Open Schools Network', kind: 'ngo' }, rep);
  assert.equal(created.statusCode, 303);
  const { id, slug } = await database.db.selectFrom('organisations').select(['id', 'slug']).executeTakeFirstOrThrow();
  const page = await app.inject({ url: '/bg/work', headers: { cookie: rep.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Вашата работа<\/h1>/);
  assert.match(page.body, /<h2 id="work-group-0">Open Schools Network<\/h2>/);
  assert.ok(page.body.includes(`href="/bg/team/organisation/${id}"`));
  assert.ok(page.body.includes(`href="/bg/organisations/${slug}/edit"`));
});

appTest('a person without a role learns how people get one; a visitor is sent to sign in', async (app, database) => {
  const citizen = await person(database);
  const visitor = await app.inject({ url: '/en/work' });
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/en\/sign-in\?next=/);

  const res = await app.inject({ url: '/en/work', headers: { cookie: citizen.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /You hold no role yet/);
  assert.match(res.body, /How a municipality joins/, 'the municipalities module explains joining');
  for (const path of ['/en/municipalities', '/en/municipalities/propose', '/en/organisations/new']) {
    assert.ok(res.body.includes(`href="${path}"`), path);
  }
  assert.ok(!hasHeaderLink(res.body), 'no header link without a role');
  assert.ok(!res.body.includes('class="card"'));
});
