import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sampleTowns } from '../../../test/content.ts';
import { person, submit, submitFiles, type TestFile, type TestPerson, zip } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleProject } from '../../../test/projects.ts';
import { demoDeliverables, minimalPdf } from './service/deliverable-seeds.ts';

const openXml = (main: string, dir: string) =>
  zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${dir}/x.xml" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`,
      ),
    },
    { name: `${dir}/x.xml`, data: Buffer.from('<x>EC-NET</x>') },
  ]);
const openDocument = (kind: string) =>
  zip([
    { name: 'mimetype', data: Buffer.from(`application/vnd.oasis.opendocument.${kind}`) },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
  ]);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64), Buffer.from('ffd9', 'hex')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(28)]);

/** Every family of file a deliverable takes, and the type it is served with. */
const GOOD: [TestFile, string][] = [
  [{ name: 'toolkit.pdf', data: minimalPdf('EC-NET Toolkit') }, 'application/pdf'],
  [
    { name: 'toolkit.docx', data: openXml('wordprocessingml.document', 'word') },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    { name: 'budget.xlsx', data: openXml('spreadsheetml.sheet', 'xl') },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  [
    { name: 'slides.pptx', data: openXml('presentationml.presentation', 'ppt') },
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  [{ name: 'toolkit.odt', data: openDocument('text') }, 'application/vnd.oasis.opendocument.text'],
  [{ name: 'budget.ods', data: openDocument('spreadsheet') }, 'application/vnd.oasis.opendocument.spreadsheet'],
  [{ name: 'slides.odp', data: openDocument('presentation') }, 'application/vnd.oasis.opendocument.presentation'],
  [{ name: 'map.png', data: PNG }, 'image/png'],
  [{ name: 'photo.jpg', data: JPEG }, 'image/jpeg'],
  [{ name: 'photo.webp', data: WEBP }, 'image/webp'],
];

const FIELDS = {
  language: 'en',
  title: 'Citizens’ panels handbook',
  summary: 'How partner towns run panels of citizens.',
  kind: 'method',
  work_package: 'WP3',
  licence: 'cc-by-sa-4.0',
  published_on: '2022-06-15',
  file_language: 'en',
};

async function setUp(database: TestDatabase) {
  const { staraZagora, botevgrad } = await sampleTowns(database);
  const ecNet = await sampleProject(database, { coordinator: staraZagora, partners: [botevgrad] });
  const other = await sampleProject(database, { coordinator: botevgrad, acronym: 'GREEN-ROUTES', slug: 'green-routes' });
  const partner = await person(database, { roles: [['project_partner_staff', ecNet]] });
  const coordinator = await person(database, { roles: [['project_coordinator', ecNet]] });
  const otherStaff = await person(database, { roles: [['project_coordinator', other]] });
  const citizen = await person(database);
  return { staraZagora, ecNet, other, partner, coordinator, otherStaff, citizen };
}

const NEW = '/en/projects/ec-net/deliverables/new';
const uploads = (app: FastifyInstance) => {
  const dir = join(app.context.config.dataDir, 'uploads', 'deliverables');
  return existsSync(dir) ? readdirSync(dir) : [];
};
const rows = async (database: TestDatabase) => ({
  deliverables: (await database.db.selectFrom('deliverables').selectAll().execute()).length,
  files: (await database.db.selectFrom('deliverable_files').selectAll().execute()).length,
});
const upload = (app: FastifyInstance, who: TestPerson, file: TestFile, fields: Record<string, string> = FIELDS) =>
  submitFiles(app, NEW, fields, { file }, who);
const idFrom = (location: unknown) => Number(/\/deliverables\/(\d+)/.exec(String(location))?.[1]);

appTest(
  'partner staff upload a deliverable in every family of file; each is kept and served as what its content is',
  async (app, database) => {
    const { partner } = await setUp(database);
    const page = await app.inject({ url: NEW, headers: { cookie: partner.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    for (const [file, type] of GOOD) {
      const res = await upload(app, partner, file, { ...FIELDS, title: `Handbook as ${file.name}` });
      assert.equal(res.statusCode, 303, `${file.name}: ${res.body.slice(0, 300)}`);
      const id = idFrom(res.headers.location);
      const shown = await app.inject({ url: `/en/deliverables/${id}` });
      assert.match(shown.body, new RegExp(`<h1>Handbook as ${file.name.replace('.', '\\.')}</h1>`));
      const stored = await database.db
        .selectFrom('deliverable_files')
        .selectAll()
        .where('deliverable_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.type, type, file.name);
      assert.equal(stored.original_name, file.name);
      assert.equal(Number(stored.size), file.data.length);
    }
    assert.equal(uploads(app).length, GOOD.length);
  },
);

appTest(
  'a disguised script, an oversized file and a zip bomb are refused with a clear error, what was typed kept, nothing stored',
  async (app, database) => {
    const { partner } = await setUp(database);
    const title = 'Handbook typed before the refusal';
    const cases: [string, TestFile, number, RegExp][] = [
      [
        'script as PDF',
        { name: 'toolkit.pdf', data: Buffer.from('#!/bin/sh\nrm -rf /\n'), type: 'application/pdf' },
        422,
        /is not a PDF, office document or picture/,
      ],
      [
        'HTML as PDF',
        { name: 'toolkit.pdf', data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' },
        422,
        /is not a PDF/,
      ],
      ['over 25 MB', { name: 'big.pdf', data: Buffer.concat([minimalPdf('x'), Buffer.alloc(26 * 1024 * 1024)]) }, 413, /larger than 25 MB/],
      [
        'a bomb by ratio',
        { name: 'bomb.docx', data: zip([{ name: '[Content_Types].xml', data: Buffer.alloc(20 * 1024 * 1024, 32) }]) },
        422,
        /unpacks to far more than its size/,
      ],
      [
        'a bomb that declares small sizes',
        { name: 'liar.docx', data: zip([{ name: 'word/x.xml', data: Buffer.alloc(12 * 1024 * 1024, 65), declared: 10 }]) },
        422,
        /unpacks to far more than its size/,
      ],
      [
        'a bomb that declares 300 MB',
        { name: 'huge.xlsx', data: zip([{ name: 'xl/x.xml', data: Buffer.from('<x/>'), declared: 300 * 1024 * 1024 }]) },
        422,
        /unpacks to far more than its size/,
      ],
    ];
    for (const [what, file, status, message] of cases) {
      const res = await upload(app, partner, file, { ...FIELDS, title });
      assert.equal(res.statusCode, status, what);
      assert.match(res.body, message, what);
      assert.match(res.body, /id="file-error"/, `${what}: the error is at the file field`);
      assert.ok(res.body.includes(`value="${title}"`), `${what}: what was typed is kept`);
      assert.deepEqual(await rows(database), { deliverables: 0, files: 0 }, what);
      assert.deepEqual(uploads(app), [], what);
    }
    const fi = await submitFiles(app, '/fi/projects/ec-net/deliverables/new', FIELDS, { file: cases[0]![1] }, partner);
    assert.match(fi.body, /Tiedosto ei ole hyväksymämme PDF/, 'in the page’s language');
    const missing = await upload(app, partner, { name: 'empty.pdf', data: Buffer.alloc(0) }, { ...FIELDS, title: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /id="title-error"/);
    assert.deepEqual(await rows(database), { deliverables: 0, files: 0 });
  },
);

appTest(
  'only the project’s staff upload: a visitor signs in, a citizen and another project’s staff are refused, a wrong CSRF token too',
  async (app, database) => {
    const { partner, otherStaff, citizen, coordinator } = await setUp(database);
    const file = GOOD[0]![0];
    const visitor = await app.inject({ url: NEW });
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/en\/sign-in/);
    for (const who of [citizen, otherStaff]) {
      assert.equal((await app.inject({ url: NEW, headers: { cookie: who.cookie } })).statusCode, 403);
      // With a valid token from a page the person may see.
      const res = await submitFiles(app, '/en/account', FIELDS, { file }, who, NEW);
      assert.equal(res.statusCode, 403);
    }
    // Staff of the project, with a token that is not the one their form carried.
    const boundary = '----b';
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nnot-a-token\r\n--${boundary}--\r\n`);
    const forged = await app.inject({
      method: 'POST',
      url: NEW,
      headers: { cookie: partner.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(forged.statusCode, 403, 'a wrong CSRF token');
    assert.deepEqual(await rows(database), { deliverables: 0, files: 0 });
    assert.deepEqual(uploads(app), []);
    const made = await upload(app, coordinator, file);
    assert.equal(made.statusCode, 303, 'the coordinator publishes too');
    const id = idFrom(made.headers.location);
    for (const who of [citizen, otherStaff]) {
      assert.equal((await app.inject({ url: `/en/deliverables/${id}/edit`, headers: { cookie: who.cookie } })).statusCode, 403);
      assert.equal((await app.inject({ url: `/en/deliverables/${id}/files`, headers: { cookie: who.cookie } })).statusCode, 403);
      const edit = await submit(app, '/en/account', { ...FIELDS, title: 'Taken over' }, who, `/en/deliverables/${id}/edit`);
      assert.equal(edit.statusCode, 403);
    }
    assert.doesNotMatch((await app.inject({ url: `/en/deliverables/${id}` })).body, /Taken over/);
    assert.equal((await rows(database)).files, 1);
  },
);

appTest(
  'versions of a language are kept and listed newest first; a new language is added; texts in another language are saved',
  async (app, database) => {
    const { partner } = await setUp(database);
    const id = idFrom((await upload(app, partner, { name: 'toolkit-v1.pdf', data: minimalPdf('v1') })).headers.location);
    const files = `/en/deliverables/${id}/files`;
    assert.equal(
      (await submitFiles(app, files, { file_language: 'en' }, { file: { name: 'toolkit-v2.pdf', data: minimalPdf('v2') } }, partner))
        .statusCode,
      303,
    );
    assert.equal(
      (await submitFiles(app, files, { file_language: 'sl' }, { file: { name: 'orodjarna.pdf', data: minimalPdf('sl') } }, partner))
        .statusCode,
      303,
    );
    const edit = await submit(
      app,
      `/en/deliverables/${id}/edit?language=sl`,
      { ...FIELDS, language: 'sl', title: 'Priročnik za panele občanov', summary: 'Kako partnerska mesta vodijo panele občanov.' },
      partner,
      `/en/deliverables/${id}/edit`,
    );
    assert.equal(edit.statusCode, 303);
    const page = (await app.inject({ url: `/en/deliverables/${id}` })).body;
    assert.ok(page.indexOf('toolkit-v2.pdf') < page.indexOf('toolkit-v1.pdf'), 'the newest version first');
    assert.match(page, /<h3 id="files-sl">Slovenščina<\/h3>|<h3 id="files-sl">[^<]+<\/h3>/);
    assert.match(page, /orodjarna\.pdf/);
    assert.match(page, /Priročnik za panele občanov/, 'its title in another language');
    assert.match(page, /href="https:\/\/creativecommons.org\/licenses\/by-sa\/4.0\/"/, 'the licence links to its deed');
    const sl = (await app.inject({ url: `/sl/deliverables/${id}` })).body;
    assert.match(sl, /<h1>Priročnik za panele občanov<\/h1>/, 'a reader of Slovenian reads its Slovenian texts');
    const versions = await database.db
      .selectFrom('deliverable_files')
      .select(['language', 'version'])
      .where('deliverable_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      versions.map((v) => `${v.language}${v.version}`),
      ['en1', 'en2', 'sl1'],
    );
    assert.equal(uploads(app).length, 3, 'every version kept');
    const bad = await submitFiles(app, files, { file_language: 'xx' }, { file: { name: 'a.pdf', data: minimalPdf('a') } }, partner);
    assert.equal(bad.statusCode, 422);
    assert.equal(uploads(app).length, 3);
  },
);

appTest('a download is an attachment with safe headers, of its type and length, counted once per real download', async (app, database) => {
  const { partner } = await setUp(database);
  const pdf = minimalPdf('EC-NET');
  const id = idFrom((await upload(app, partner, { name: 'Toolkit <final> v1.pdf', data: pdf })).headers.location);
  const file = await database.db.selectFrom('deliverable_files').selectAll().executeTakeFirstOrThrow();
  const url = `/en/deliverables/${id}/files/${file.id}`;
  assert.match((await app.inject({ url: `/en/deliverables/${id}` })).body, new RegExp(`href="${url}"`));
  const res = await app.inject({ url });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers['content-length'], String(pdf.length));
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['content-security-policy'], 'sandbox');
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="Toolkit _final_ v1\.pdf"$/);
  assert.ok(res.rawPayload.equals(pdf));
  await app.inject({ method: 'HEAD', url });
  const again = await app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
  assert.equal(again.statusCode, 304);
  const counted = await database.db.selectFrom('deliverable_files').select('downloads').executeTakeFirstOrThrow();
  assert.equal(Number(counted.downloads), 1, 'not for HEAD, not for a 304');
  assert.equal((await app.inject({ url: `/en/deliverables/${id}/files/999999` })).statusCode, 404);
  assert.equal(
    (await app.inject({ url: `/en/deliverables/${id + 1}/files/${file.id}` })).statusCode,
    404,
    'a file under another deliverable',
  );
});

appTest(
  'the library finds by a word in another language, filters by area, programme and language, pages; API and feeds',
  async (app, database) => {
    const { partner, staraZagora } = await setUp(database);
    const id = idFrom(
      (await upload(app, partner, { name: 'toolkit.pdf', data: minimalPdf('x') }, { ...FIELDS, title: 'EC-NET Toolkit' })).headers.location,
    );
    await submit(
      app,
      `/en/deliverables/${id}/edit?language=sl`,
      { ...FIELDS, language: 'sl', title: 'Orodjarna EC-NET', summary: 'Zbirka preizkušenih metod za mreže mest.', areas: ['europe'] },
      partner,
      `/en/deliverables/${id}/edit`,
    );
    await upload(
      app,
      partner,
      { name: 'report.pdf', data: minimalPdf('r') },
      { ...FIELDS, title: 'Final report', summary: 'Numbers.', file_language: 'bg' },
    );
    const library = (q: string) => app.inject({ url: `/en/deliverables${q}` });
    const found = await library('?q=preizkušenih');
    assert.match(found.body, /EC-NET Toolkit/, 'a word of the Slovenian summary finds it for an English reader');
    assert.doesNotMatch(found.body, /Final report/);
    assert.match((await library('?q=preizkusenih')).body, /EC-NET Toolkit/, 'without its accents too');
    assert.match((await library('?q=toolkit')).body, /EC-NET Toolkit/);
    assert.match((await library('?q=nothingatall')).body, /No deliverable matches/);
    assert.match((await library('?area=europe')).body, /EC-NET Toolkit/);
    assert.doesNotMatch((await library('?area=europe')).body, /Final report/);
    assert.match((await library('?language=bg')).body, /Final report/);
    assert.doesNotMatch((await library('?language=bg')).body, /EC-NET Toolkit/);
    assert.doesNotMatch((await library('?programme=12345')).body, /EC-NET Toolkit/);
    const all = await library('');
    assert.match(all.body, /2 deliverables, the newest publication first/);
    assert.match(all.body, /EC-NET · Method · WP3/);
    assert.equal((await library('?page=9')).statusCode, 404, 'a page past the end');
    assert.equal((await library('?page=abc')).statusCode, 404);
    assert.equal((await library('?area=nowhere&language=zz')).statusCode, 200, 'a filter that makes no sense is ignored');
    for (const lang of ['bg', 'sl', 'fi', 'de', 'fr']) assert.equal((await app.inject({ url: `/${lang}/deliverables` })).statusCode, 200);

    const project = await app.inject({ url: '/en/projects/ec-net/deliverables' });
    assert.match(project.body, /EC-NET Toolkit/);
    assert.match(project.body, /Final report/);
    assert.doesNotMatch((await app.inject({ url: '/en/projects/green-routes/deliverables' })).body, /EC-NET Toolkit/);
    assert.equal((await app.inject({ url: '/en/projects/nothing/deliverables' })).statusCode, 404);
    const profile = await app.inject({ url: '/en/municipalities/bg/stara-zagora' });
    assert.ok(staraZagora);
    assert.match(profile.body, /Deliverables of its EU projects/, 'a partner town’s profile lists them');

    const api = await app.inject({ url: '/api/v1/deliverables?q=orodjarna&lang=en' });
    assert.equal(api.statusCode, 200);
    const [d] = api.json().data;
    assert.equal(d.title, 'EC-NET Toolkit');
    assert.equal(d.project.slug, 'ec-net');
    assert.deepEqual(d.texts.map((t: { language: string }) => t.language).sort(), ['en', 'sl']);
    assert.match(d.files[0].url, /\/en\/deliverables\/\d+\/files\/\d+$/);
    assert.equal(api.json().next, null);
    assert.equal((await app.inject({ url: '/api/v1/deliverables?project=ec-net&language=bg' })).json().total, 1);
    assert.equal((await app.inject({ url: '/api/v1/deliverables?programme=none' })).json().total, 0);
    for (const bad of ['page=0', 'area=nowhere', 'language=zz', 'colour=red', 'page=x'])
      assert.equal((await app.inject({ url: `/api/v1/deliverables?${bad}` })).statusCode, 400, bad);
    assert.match((await app.inject({ url: '/api/v1/openapi.json' })).body, /listDeliverables/);

    const rss = await app.inject({ url: '/en/feeds/deliverables.rss' });
    assert.equal(rss.statusCode, 200);
    assert.match(rss.body, /EC-NET: EC-NET Toolkit/);
    assert.match((await app.inject({ url: '/en/feeds/deliverables.atom' })).body, /<feed[\s\S]*Final report/);
  },
);

appTest(
  'the EC-NET demo has its toolkit in English and Slovene and its recommendations, once however often it runs',
  async (app, database) => {
    await setUp(database);
    await demoDeliverables.run(app.context);
    await demoDeliverables.run(app.context);
    const list = (await app.inject({ url: '/api/v1/deliverables?project=ec-net' })).json().data as {
      title: string;
      kind: string;
      workPackage: string;
      licence: string;
      files: { language: string; type: string; url: string }[];
    }[];
    assert.deepEqual(list.map((d) => d.title).sort(), ['EC-NET Recommendations', 'EC-NET Toolkit']);
    const toolkit = list.find((d) => d.title === 'EC-NET Toolkit')!;
    assert.equal(toolkit.kind, 'toolkit');
    assert.equal(toolkit.workPackage, 'WP2');
    assert.equal(toolkit.licence, 'cc-by-4.0');
    assert.deepEqual(toolkit.files.map((f) => f.language).sort(), ['en', 'sl']);
    const pdf = await app.inject({ url: new URL(toolkit.files[0]!.url).pathname });
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.body, /^%PDF-1\.4[\s\S]*%%EOF\n$/);
  },
);
