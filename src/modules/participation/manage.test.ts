import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, type TestPerson } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProcess } from '../../../test/participation.ts';
import { sampleNetwork } from '../../../test/scopes.ts';

const NEW = '/en/participation/new';

/** A good new process of a town, to change one field at a time. */
const form = (town: number) => ({
  owner: `municipality:${town}`,
  kind: 'participatory',
  slug: '',
  title: 'Ideas for the river banks',
  summary: 'Tell us what the banks need.',
  description: 'The town asks for **ideas**.\r\n\r\n- benches\r\n- trees',
  areas: ['environment', 'sport'],
  support_threshold: '50',
  support_limit: '',
  supporters: 'census',
  stances: '1',
});

const processes = (database: TestDatabase) => database.db.selectFrom('processes').selectAll().orderBy('id').execute();
const textsOf = (database: TestDatabase, id: number) =>
  database.db
    .selectFrom('process_texts')
    .select(['language', 'title', 'summary', 'description'])
    .where('process_id', '=', id)
    .orderBy('language')
    .execute();
const phasesOf = (database: TestDatabase, id: number) =>
  database.db
    .selectFrom('process_phases')
    .select(['position', 'kind', 'starts_on', 'ends_on', 'actions'])
    .where('process_id', '=', id)
    .orderBy('position')
    .execute();
const auditOf = (database: TestDatabase) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'subject_id'])
    .where('action', 'like', 'process.%')
    .orderBy('id')
    .execute();
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Posts a form and expects it refused: 422, titled "Error: …"; the page is returned. */
async function refused(app: FastifyInstance, url: string, fields: Record<string, string | string[]>, who: TestPerson) {
  const res = await submit(app, url, fields, who);
  assert.equal(res.statusCode, 422, JSON.stringify(fields));
  assert.match(res.body, /<title>(Error|Грешка): /);
  assert.match(res.headers['cache-control'] ?? '', /no-store/);
  return res.body;
}

appTest(
  'town staff create a process: it opens on its phases, shows to them only until published, and is audited',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const editor = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
    const page = await app.inject({ url: `${NEW}?owner=municipality:${towns.botevgrad}`, headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['cache-control'] ?? '', /no-store/);
    assert.match(page.body, new RegExp(`<option value="municipality:${towns.botevgrad}" selected>Botevgrad</option>`));
    assert.ok(!page.body.includes(`municipality:${towns.staraZagora}`), 'only the towns the person works for are offered');
    assert.match(page.body, /<h2 id="texts">Texts in English<\/h2>/);

    const created = await submit(app, NEW, { ...form(towns.botevgrad), title: 'Ideas for the <b>river</b> banks' }, editor);
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/en/participation/ideas-for-the-b-river-b-banks/phases?notice=created');
    const phases = await app.inject({ url: String(created.headers.location), headers: { cookie: editor.cookie } });
    assert.match(phases.body, /The process is created\. Now set its phases\./);
    const [p] = await processes(database);
    assert.deepEqual(
      [p!.owner_type, p!.owner_id, p!.kind, p!.original_language, p!.areas, p!.support_threshold, p!.support_limit, p!.supporters],
      ['municipality', towns.botevgrad, 'participatory', 'en', 'environment,sport', 50, null, 'census'],
    );
    assert.deepEqual([p!.stances, p!.published], [1, 0], 'a new process waits unpublished unless ticked');
    assert.deepEqual(await textsOf(database, p!.id), [
      {
        language: 'en',
        title: 'Ideas for the <b>river</b> banks',
        summary: 'Tell us what the banks need.',
        description: 'The town asks for **ideas**.\n\n- benches\n- trees',
      },
    ]);

    const url = '/en/participation/ideas-for-the-b-river-b-banks';
    const seen = await app.inject({ url, headers: { cookie: editor.cookie } });
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /<h1>Ideas for the &lt;b>river&lt;\/b> banks<\/h1>/, 'HTML in a title is shown as typed, never as markup');
    assert.match(seen.body, /The town asks for <strong>ideas<\/strong>/, 'the description is Markdown');
    assert.match(seen.body, /<li>benches<\/li>/);
    assert.match(seen.body, new RegExp(`href="${url}/edit">Edit this process</a>`));
    assert.match(seen.body, /Not published/);
    assert.equal((await app.inject({ url })).statusCode, 404, 'nobody else sees it yet');

    // The same title again gets an address of its own; a typed address is kept as typed.
    const again = await submit(app, NEW, { ...form(towns.botevgrad), title: 'Ideas for the <b>river</b> banks', published: '1' }, editor);
    assert.equal(again.headers.location, '/en/participation/ideas-for-the-b-river-b-banks-2/phases?notice=created');
    const typed = await submit(app, NEW, { ...form(towns.botevgrad), slug: 'river-2027', kind: 'vision' }, editor);
    assert.equal(typed.headers.location, '/en/participation/river-2027/phases?notice=created');
    assert.equal((await app.inject({ url: '/en/participation/ideas-for-the-b-river-b-banks-2' })).statusCode, 200, 'published at once');
    assert.match((await app.inject({ url: '/en/participation/river-2027', headers: { cookie: editor.cookie } })).body, /Shared vision/);
    const ids = (await processes(database)).map((x) => x.id);
    assert.deepEqual(
      await auditOf(database),
      ids.map((id) => ({ action: 'process.create', actor_id: editor.id, subject_id: id })),
    );
  },
);

appTest(
  'a bad new process is refused with a localised message beside its field, what was typed kept, nothing stored',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const editor = await person(database, { roles: [['municipality_admin', towns.botevgrad]] });
    await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { slug: 'taken' });
    const good = form(towns.botevgrad);
    const before = await processes(database);

    assert.match(
      await refused(app, NEW, { ...good, title: '  ' }, editor),
      /id="title-error"><span class="visually-hidden">Error: <\/span>Fill in this field\./,
    );
    const long = await refused(app, NEW, { ...good, title: 'x'.repeat(201), summary: 'y'.repeat(501) }, editor);
    assert.match(long, /Title: Use at most 200 characters\./);
    assert.match(long, /Summary: Use at most 500 characters\./);
    assert.match(long, new RegExp(`value="${'x'.repeat(201)}"`), 'what was typed is kept');
    assert.match(await refused(app, NEW, { ...good, slug: 'taken' }, editor), /Another process has this web address/);
    for (const slug of ['Big Letters', 'new', 'manage', '-dash', 'a--b', '<script>']) {
      assert.match(await refused(app, NEW, { ...good, slug }, editor), /Use small letters, digits and single hyphens/, slug);
    }
    for (const support_threshold of ['0', '-3', '2.5', 'ten', '1000001', '99999999999']) {
      const body = await refused(app, NEW, { ...good, support_threshold }, editor);
      assert.match(body, /Supports a proposal needs to be answered: Enter a whole number from 1 to 1,000,000/, support_threshold);
      assert.match(body, new RegExp(`name="support_threshold" value="${support_threshold}"`));
    }
    assert.match(await refused(app, NEW, { ...good, support_limit: '1001' }, editor), /Enter a whole number from 1 to 1,000, or leave/);
    const noArea = await refused(app, NEW, { ...good, areas: [] }, editor);
    assert.match(noArea, /Policy areas: Tick at least one policy area\./);
    assert.match(noArea, /value="Ideas for the river banks"/);
    assert.match(
      await refused(app, NEW, { ...good, areas: ['environment', 'astrology'] }, editor),
      /Policy areas: Choose one of the options\./,
    );
    const many = await refused(app, NEW, { ...good, kind: 'referendum', supporters: 'everyone', title: 'Bad\u0007bell' }, editor);
    assert.match(many, /Kind of process: Choose one of the options\./);
    assert.match(many, /Who may support: Choose one of the options\./);
    assert.match(many, /Remove the invisible control characters/);
    const script = await refused(app, NEW, { ...good, title: '<script>alert(1)</script>', areas: [] }, editor);
    assert.match(script, /value="&lt;script>alert\(1\)&lt;\/script>"/, 'a typed script comes back as text');
    assert.ok(!script.includes('<script>alert(1)'));
    assert.match(await refused(app, NEW, { ...good, owner: 'municipality:abc' }, editor), /Run by: Choose one of the options\./);
    assert.match(await refused(app, NEW, { ...good, owner: 'platform' }, editor), /Run by: Choose one of the options\./);

    const bg = await submit(app, '/bg/participation/new', { ...good, title: '' }, editor);
    assert.equal(bg.statusCode, 422);
    assert.match(bg.body, /<title>Грешка: /, 'in the language of the page');
    assert.deepEqual(await processes(database), before, 'nothing was stored');
    assert.deepEqual(await auditOf(database), []);
  },
);

appTest('staff edit a process and write it in a second language; the first stays as it was', async (app, database) => {
  const towns = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad }, { published: false });
  const edit = `/en${p.path}/edit`;
  const page = await app.inject({ url: edit, headers: { cookie: editor.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="title" value="Ideas for a greener town"/);
  assert.match(page.body, /id="areas-environment" name="areas" value="environment" checked/);

  const bgEdit = `/bg${p.path}/edit`;
  const bgPage = await app.inject({ url: bgEdit, headers: { cookie: editor.cookie } });
  assert.match(bgPage.body, /name="title" value maxlength/, 'a language not written yet starts empty');
  assert.match(bgPage.body, /lang="en">“Ideas for a greener town”/, 'with the original beside it');
  const fields = { areas: ['culture'], support_threshold: '', support_limit: '3', supporters: 'confirmed', published: '1' };
  const saved = await submit(app, bgEdit, { ...fields, title: 'Идеи за по-зелен град', summary: 'Предложете.', description: '' }, editor);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/bg${p.path}/edit?notice=saved`);

  assert.match((await app.inject({ url: `/bg${p.path}` })).body, /<h1>Идеи за по-зелен град<\/h1>/);
  const en = (await app.inject({ url: `/en${p.path}` })).body;
  assert.match(en, /<h1>Ideas for a greener town<\/h1>/, 'English stays');
  assert.match(en, /Policy areas: Culture and education/);
  assert.deepEqual(
    (await textsOf(database, p.id)).map((t) => [t.language, t.title]),
    [
      ['bg', 'Идеи за по-зелен град'],
      ['en', 'Ideas for a greener town'],
    ],
  );
  const [row] = await processes(database);
  assert.deepEqual([row!.areas, row!.support_threshold, row!.support_limit, row!.stances, row!.published], ['culture', null, 3, 0, 1]);
  const written = await app.inject({ url: edit, headers: { cookie: editor.cookie } });
  assert.match(written.body, new RegExp(`href="/bg${p.path}/edit" lang="bg" hreflang="bg">български</a>`));

  const bad = await refused(app, bgEdit, { ...fields, title: '', support_limit: '0' }, editor);
  assert.match(bad, /<title>Грешка: /);
  assert.match(bad, /name="support_limit" value="0"/);
  assert.deepEqual(await auditOf(database), [{ action: 'process.edit', actor_id: editor.id, subject_id: p.id }]);
});

appTest('phases are kept in date order; overlaps, impossible dates and phases allowing nothing are refused', async (app, database) => {
  const towns = await sampleTowns(database);
  const editor = await person(database, { roles: [['municipality_editor', towns.botevgrad]] });
  const p = await sampleProcess(database, { type: 'municipality', id: towns.botevgrad });
  const url = `/en${p.path}/phases`;
  const page = await app.inject({ url, headers: { cookie: editor.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`name="starts_on_0" value="${day(-10)}"`));
  assert.match(page.body, /<legend>Phase 2<\/legend>/, 'one empty row to add a phase');

  const rows = {
    rows: '3',
    kind_0: 'discussion',
    starts_on_0: day(31),
    ends_on_0: day(60),
    actions_0: ['comment', 'debate'],
    kind_1: 'ideas',
    starts_on_1: day(-10),
    ends_on_1: day(30),
    actions_1: ['propose', 'support'],
    kind_2: 'evaluation',
  };
  const saved = await submit(app, url, rows, editor);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${url}?notice=phases`);
  assert.deepEqual(await phasesOf(database, p.id), [
    { position: 0, kind: 'ideas', starts_on: day(-10), ends_on: day(30), actions: 'propose,support' },
    { position: 1, kind: 'discussion', starts_on: day(31), ends_on: day(60), actions: 'comment,debate' },
  ]);
  const [row] = await processes(database);
  assert.deepEqual([row!.starts_on, row!.ends_on], [day(-10), day(60)], 'the process runs from its first phase to its last');
  assert.match((await app.inject({ url: `/en${p.path}` })).body, /Discussion<\/strong>/);
  const before = await phasesOf(database, p.id);

  const overlap = await refused(app, url, { ...rows, starts_on_0: day(30) }, editor);
  assert.match(overlap, /Phase 1, First day: This phase overlaps phase 2: start it after that one ends\./);
  assert.match(overlap, new RegExp(`name="starts_on_0" value="${day(30)}"`));
  assert.match(
    await refused(app, url, { ...rows, ends_on_0: day(20) }, editor),
    /Phase 1, Last day: The last day must be on or after the first day\./,
  );
  for (const bad of ['2027-02-30', '2027-13-01', '31.12.2027', '1999-12-31', '2101-01-01', '<b>x</b>']) {
    const body = await refused(app, url, { ...rows, starts_on_1: bad }, editor);
    assert.match(body, /Phase 2, First day: Enter a real date from 2000 to 2100/, bad);
  }
  assert.match(await refused(app, url, { ...rows, ends_on_1: '' }, editor), /Phase 2, Last day: Fill in this field\./);
  assert.match(await refused(app, url, { ...rows, actions_1: [] }, editor), /Phase 2, People can: Tick at least one thing people can do/);
  assert.match(await refused(app, url, { ...rows, actions_1: ['vote'] }, editor), /Phase 2, People can: Choose one of the options\./);
  assert.match(await refused(app, url, { ...rows, kind_1: 'party' }, editor), /Phase 2, Kind: Choose one of the options\./);
  assert.deepEqual(await phasesOf(database, p.id), before, 'nothing changed');

  const more = await submit(app, url, { ...rows, add: '1' }, editor);
  assert.equal(more.statusCode, 200, '"Add a row" shows one more row and saves nothing');
  assert.match(more.body, /<legend>Phase 4<\/legend>/);
  assert.match(more.body, new RegExp(`name="starts_on_0" value="${day(31)}"`));
  const full = await submit(app, url, { ...rows, rows: '6', add: '1' }, editor);
  assert.match(full.body, /A process has at most 6 phases\./);
  assert.ok(!full.body.includes('Phase 7'));

  const removed = await submit(app, url, { ...rows, remove_0: '1' }, editor);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(
    (await phasesOf(database, p.id)).map((ph) => ph.kind),
    ['ideas'],
  );
  assert.deepEqual(
    (await auditOf(database)).map((a) => a.action),
    ['process.phases', 'process.phases'],
  );
});

appTest('only the staff of its owner create, see, edit or phase a process; everyone else changes nothing', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  const bg = { type: 'municipality', id: towns.botevgrad };
  const draft = await sampleProcess(database, bg, { published: false });
  const open = await sampleProcess(database, bg);
  const other = await person(database, { roles: [['municipality_admin', towns.staraZagora]] });
  const citizen = await person(database);
  const unconfirmed = await person(database, { confirmed: false, roles: [['municipality_editor', towns.botevgrad]] });
  const coordinator = await person(database, { roles: [['network_coordinator', net.id]] });
  const before = { processes: await processes(database), draft: await textsOf(database, draft.id) };

  // Another town's staff may start processes for their own town only.
  const offered = await app.inject({ url: `${NEW}?owner=municipality:${towns.botevgrad}`, headers: { cookie: other.cookie } });
  assert.match(offered.body, new RegExp(`<option value="municipality:${towns.staraZagora}" selected>Stara Zagora</option>`));
  assert.ok(!offered.body.includes(`<option value="municipality:${towns.botevgrad}"`));
  assert.equal((await submit(app, NEW, form(towns.botevgrad), other)).statusCode, 403);
  assert.equal((await submit(app, NEW, { ...form(towns.botevgrad), owner: `network:${net.id}` }, other)).statusCode, 403);
  for (const p of [draft, open]) {
    for (const page of ['edit', 'phases']) {
      const url = `/en${p.path}/${page}`;
      assert.equal((await app.inject({ url, headers: { cookie: other.cookie } })).statusCode, 404, url);
      assert.equal((await app.inject({ url, headers: { cookie: citizen.cookie } })).statusCode, 404, url);
      assert.equal((await app.inject({ url, headers: { cookie: unconfirmed.cookie } })).statusCode, 404, url);
      const visitor = await app.inject({ url });
      assert.equal(visitor.statusCode, 303, 'a visitor is sent to sign in');
      assert.equal(visitor.headers.location, `/en/sign-in?next=${encodeURIComponent(url)}`);
      const post = await app.inject({ method: 'POST', url, payload: { title: 'Hijacked', starts_on_0: '2030-01-01' } });
      assert.ok([303, 403].includes(post.statusCode), `${url}: ${post.statusCode}`);
    }
  }
  // A form taken from their own process, sent to another town's.
  const own = await sampleProcess(database, { type: 'municipality', id: towns.staraZagora });
  const sent = await submit(app, `/en${own.path}/edit`, { ...form(towns.staraZagora), title: 'Hijacked' }, other, `/en${open.path}/edit`);
  assert.equal(sent.statusCode, 404);
  const phased = await submit(
    app,
    `/en${own.path}/phases`,
    { kind_0: 'ideas', starts_on_0: day(1), ends_on_0: day(2), actions_0: 'propose' },
    other,
    `/en${open.path}/phases`,
  );
  assert.equal(phased.statusCode, 404);
  for (const who of [citizen, unconfirmed]) {
    for (const url of [NEW, '/en/participation/manage']) {
      assert.equal((await app.inject({ url, headers: { cookie: who.cookie } })).statusCode, 403, url);
    }
  }
  assert.equal((await app.inject({ url: NEW })).statusCode, 303);
  assert.deepEqual((await processes(database)).slice(0, 2), before.processes, 'nothing changed');
  assert.deepEqual(await textsOf(database, draft.id), before.draft);
  assert.equal((await phasesOf(database, open.id)).length, 1);
  assert.ok(!(await app.inject({ url: `/en${open.path}`, headers: { cookie: other.cookie } })).body.includes('Edit this process'));

  // A network's coordinator runs processes for the network; a platform admin for any town named.
  const net1 = await submit(app, NEW, { ...form(net.id), owner: `network:${net.id}`, slug: 'green-ideas' }, coordinator);
  assert.equal(net1.statusCode, 303);
  assert.equal((await app.inject({ url: '/en/participation/green-ideas/edit', headers: { cookie: coordinator.cookie } })).statusCode, 200);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  const adminForm = `${NEW}?owner=municipality:${towns.botevgrad}`;
  const adminNew = await submit(app, adminForm, { ...form(towns.botevgrad), slug: 'admin-made' }, admin, NEW);
  assert.equal(adminNew.statusCode, 303);
  const nowhere = await submit(app, adminForm, { ...form(999_999), slug: 'nowhere' }, admin, NEW);
  assert.equal(nowhere.statusCode, 403, 'a town that does not exist is nobody’s to run');
  assert.equal((await app.inject({ url: `/en${draft.path}/edit`, headers: { cookie: admin.cookie } })).statusCode, 200);
});

appTest(
  'the work page lists a desk per town and network, and the desk lists their processes with links to run them',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const net = await sampleNetwork(database);
    const staff = await person(database, {
      roles: [
        ['municipality_editor', towns.botevgrad],
        ['network_editor', net.id],
      ],
    });
    const bg = { type: 'municipality', id: towns.botevgrad };
    const open = await sampleProcess(database, bg, { title: 'Budget ideas', phase: 'discussion' });
    await sampleProcess(database, bg, { title: 'Draft plan', published: false, window: [10, 20] });
    await sampleProcess(database, { type: 'municipality', id: towns.staraZagora }, { title: 'Someone else’s' });

    const work = (await app.inject({ url: '/en/work', headers: { cookie: staff.cookie } })).body;
    assert.match(work, new RegExp(`href="/en/participation/manage#owner-municipality-${towns.botevgrad}"><strong>Participation processes`));
    assert.match(work, /The 2 participation processes of Botevgrad: edit them, set their phases, start another\./);
    assert.match(work, /<span class="tag">1 not published<\/span>/);
    assert.match(work, /Start the first participation process of Green Towns\./);

    const desk = await app.inject({ url: '/en/participation/manage', headers: { cookie: staff.cookie } });
    assert.equal(desk.statusCode, 200);
    const body = desk.body;
    assert.match(body, new RegExp(`id="owner-municipality-${towns.botevgrad}-heading">Botevgrad</h2>`));
    assert.match(
      body,
      new RegExp(
        `href="/en${open.path}">Budget ideas</a></th><td data-label="State">Published</td><td data-label="Phase today">Discussion</td>`,
      ),
    );
    assert.match(body, /Draft plan<\/a><\/th><td data-label="State">Not published<\/td><td data-label="Phase today">None<\/td>/);
    assert.match(body, new RegExp(`href="/en${open.path}/edit">Edit<span class="visually-hidden"> Budget ideas`));
    assert.match(body, new RegExp(`href="/en/participation/new\\?owner=municipality:${towns.botevgrad}">Start a process`));
    assert.match(body, new RegExp(`href="/en/participation/new\\?owner=network:${net.id}">Start a process`));
    assert.match(body, /No process yet\./);
    assert.ok(!body.includes('Someone else’s'), 'only the processes of their own towns and networks');
    const citizen = await person(database);
    assert.ok(!(await app.inject({ url: '/en/work', headers: { cookie: citizen.cookie } })).body.includes('Participation processes'));
  },
);
