import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { person, type TestPerson } from '../../../test/factories.ts';
import { SAMPLE_CSV } from '../../../test/fixtures/municipalities.ts';
import { appTest } from '../../../test/helpers/app.ts';
import { csvRecords, importRecords } from './service/import.ts';

// The smallest valid PNG: its content, not its name, makes it acceptable evidence.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082',
  'hex',
);

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type: string }) {
  const boundary = '----municipium-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const chunks: Buffer[] = parts.map((p) => Buffer.from(p));
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function claim(
  app: FastifyInstance,
  who: TestPerson,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; type: string },
) {
  const page = await app.inject({ url: path, headers: { cookie: who.cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = [who.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  const body = multipart({ _csrf: csrf, ...fields }, file);
  return app.inject({
    method: 'POST',
    url: path,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function post(app: FastifyInstance, who: TestPerson, pageUrl: string, action: string, fields: Record<string, string> = {}) {
  const page = await app.inject({ url: pageUrl, headers: { cookie: who.cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = [who.cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
  return app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

const CLAIM = '/bg/municipalities/bg/stara-zagora/claim';
const lastMailTo = (app: FastifyInstance, to: string) =>
  app.context.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

appTest(
  'a town hall employee claims the profile; the address is confirmed; an admin approves; the town has joined',
  async (app, database) => {
    await importRecords(database.db, csvRecords(SAMPLE_CSV));
    const clerk = await person(database, { name: 'Petya Ivanova' });
    const admin = await person(database, { roles: [['platform_admin', null]] });
    const profile = await app.inject({ url: '/bg/municipalities/bg/stara-zagora' });
    assert.ok(profile.body.includes(`href="${CLAIM}"`), 'the profile invites its administration to claim it');

    const sent = await claim(
      app,
      clerk,
      CLAIM,
      {
        job_title: 'Head of European affairs',
        official_email: 'P.Ivanova@eu.StaraZagora.bg',
        website: 'https://www.starazagora.bg/',
      },
      { name: 'letter.png', content: PNG, type: 'image/png' },
    );
    assert.equal(sent.statusCode, 200, sent.body.slice(0, 300));
    const mail = await lastMailTo(app, 'p.ivanova@eu.starazagora.bg');
    assert.equal(mail.language, 'bg');
    const confirm = mail.text_body.match(/http:\/\/portal\.test(\/bg\/claims\/confirm\/\S+)/)?.[1];
    assert.ok(confirm);
    assert.equal(
      (await app.inject({ url: '/en/admin/claims', headers: { cookie: admin.cookie } })).body.includes('Head of European affairs'),
      false,
      'not in review before the address is confirmed',
    );
    const confirmed = await post(app, clerk, confirm, confirm);
    assert.equal(confirmed.statusCode, 200);
    assert.equal((await post(app, clerk, confirm, confirm)).statusCode, 410, 'single use');

    const queue = await app.inject({ url: '/en/admin/claims', headers: { cookie: admin.cookie } });
    assert.ok(queue.body.includes('Head of European affairs'));
    const id = Number(/\/admin\/claims\/(\d+)\/approve/.exec(queue.body)?.[1]);
    const evidence = await app.inject({ url: `/en/admin/claims/${id}/evidence`, headers: { cookie: admin.cookie } });
    assert.equal(evidence.statusCode, 200);
    assert.equal(evidence.headers['content-type'], 'image/png');
    assert.deepEqual(evidence.rawPayload, PNG);
    assert.equal(
      (await app.inject({ url: `/en/admin/claims/${id}/evidence`, headers: { cookie: clerk.cookie } })).statusCode,
      404,
      'evidence is for reviewers only',
    );
    assert.equal((await post(app, clerk, '/en/account', `/en/admin/claims/${id}/approve`)).statusCode, 403, 'a claimant cannot approve');

    const approved = await post(app, admin, '/en/admin/claims', `/en/admin/claims/${id}/approve`);
    assert.equal(approved.headers.location, '/en/admin/claims?notice=approved');
    const m = await database.db.selectFrom('municipalities').selectAll().where('slug', '=', 'stara-zagora').executeTakeFirstOrThrow();
    assert.ok(m.joined_at);
    assert.equal(m.join_rank, 1);
    assert.equal(m.website, 'https://www.starazagora.bg/');
    const grants = await database.db.selectFrom('role_grants').select(['role', 'scope_id']).where('user_id', '=', clerk.id).execute();
    assert.deepEqual(grants, [{ role: 'municipality_admin', scope_id: m.id }]);
    assert.match((await lastMailTo(app, 'p.ivanova@eu.starazagora.bg')).text_body, /\/bg\/municipalities\/bg\/stara-zagora/);
    assert.match(
      (await app.inject({ url: '/en/municipalities/bg' })).body,
      /class="tag tag--joined"/,
      'joined towns are marked and listed first',
    );
    const actions = await database.db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
    assert.deepEqual(actions, [{ action: 'municipality.claim.approve', actor_id: admin.id }]);
    const again = await app.inject({ url: CLAIM, headers: { cookie: clerk.cookie } });
    assert.equal(again.statusCode, 200);
    assert.ok(!again.body.includes('enctype="multipart/form-data"'), 'a joined municipality cannot be claimed again');
  },
);

appTest('a refusal needs a reason, which the claimant is sent', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  await database.db.updateTable('municipalities').set({ website: 'https://www.botevgrad.bg' }).where('slug', '=', 'botevgrad').execute();
  const clerk = await person(database);
  const admin = await person(database, { roles: [['platform_admin', null]] });
  await claim(app, clerk, '/en/municipalities/bg/botevgrad/claim', {
    job_title: 'Intern',
    official_email: 'intern@botevgrad.bg',
  });
  const confirm =
    (await lastMailTo(app, 'intern@botevgrad.bg')).text_body.match(/http:\/\/portal\.test(\/en\/claims\/confirm\/\S+)/)?.[1] ?? '';
  await post(app, clerk, confirm, confirm);
  const queue = await app.inject({ url: '/en/admin/claims', headers: { cookie: admin.cookie } });
  const id = Number(/\/admin\/claims\/(\d+)\/refuse/.exec(queue.body)?.[1]);
  const empty = await post(app, admin, '/en/admin/claims', `/en/admin/claims/${id}/refuse`, { reason: '  ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, new RegExp(`id="reason-${id}-error"`));
  const refused = await post(app, admin, '/en/admin/claims', `/en/admin/claims/${id}/refuse`, {
    reason: 'An intern cannot represent the municipality.',
  });
  assert.equal(refused.headers.location, '/en/admin/claims?notice=refused');
  assert.match((await lastMailTo(app, 'intern@botevgrad.bg')).text_body, /An intern cannot represent the municipality\./);
  const m = await database.db.selectFrom('municipalities').select(['joined_at']).where('slug', '=', 'botevgrad').executeTakeFirstOrThrow();
  assert.equal(m.joined_at, null);
  assert.equal((await database.db.selectFrom('role_grants').selectAll().where('user_id', '=', clerk.id).execute()).length, 0);
});

appTest('claims on the wrong domain, another town’s domain, or with a bad file are refused and change nothing', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  await database.db.updateTable('municipalities').set({ website: 'https://botevgrad.bg' }).where('slug', '=', 'botevgrad').execute();
  const clerk = await person(database);
  const cases: [Record<string, string>, string, RegExp, { name: string; content: Buffer; type: string }?][] = [
    [{ job_title: 'Clerk', official_email: 'clerk@gmail.com', website: 'https://starazagora.bg' }, 'official_email', /starazagora\.bg/],
    [{ job_title: 'Clerk', official_email: 'clerk@botevgrad.bg', website: 'https://www.botevgrad.bg' }, 'website', /another municipality/],
    [{ job_title: 'Clerk', official_email: 'clerk@starazagora.bg', website: '' }, 'website', /official website/],
    [{ job_title: '', official_email: 'not-an-address', website: 'starazagora' }, 'job_title', /Fill in/],
    [
      { job_title: 'Clerk', official_email: 'clerk@starazagora.bg', website: 'https://starazagora.bg' },
      'evidence',
      /PDF, PNG or JPEG/,
      { name: 'letter.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' },
    ],
  ];
  for (const [fields, field, message, file] of cases) {
    const res = await claim(app, clerk, CLAIM.replace('/bg/', '/en/'), fields, file);
    assert.equal(res.statusCode, 422, JSON.stringify(fields));
    assert.match(res.body, new RegExp(`id="${field}-error"`), field);
    assert.match(res.body, message);
    if (fields.job_title) assert.ok(res.body.includes(`value="${fields.job_title}"`), 'keeps what was typed');
  }
  assert.equal((await database.db.selectFrom('municipality_claims').selectAll().execute()).length, 0);
  const tooBig = await claim(
    app,
    clerk,
    CLAIM,
    { job_title: 'Clerk', official_email: 'clerk@starazagora.bg', website: 'https://starazagora.bg' },
    { name: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]), type: 'image/png' },
  );
  assert.equal(tooBig.statusCode, 413);
  assert.equal((await database.db.selectFrom('municipality_claims').selectAll().execute()).length, 0);
});

appTest('who may claim and who may review', async (app, database) => {
  await importRecords(database.db, csvRecords(SAMPLE_CSV));
  const unconfirmed = await person(database, { confirmed: false });
  const editor = await person(database, { roles: [['municipality_admin', 1]] });
  assert.equal((await app.inject({ url: CLAIM })).statusCode, 303, 'visitors are asked to sign in');
  assert.equal((await app.inject({ url: CLAIM, headers: { cookie: unconfirmed.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: '/en/admin/claims', headers: { cookie: editor.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: '/en/municipalities/bg/nowhere/claim', headers: { cookie: editor.cookie } })).statusCode, 404);
});
