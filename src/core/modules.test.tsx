import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testConfig } from '../../test/helpers/app.ts';
import { dbTest } from '../../test/helpers/db.ts';
import { modules as portalModules } from '../modules/index.ts';
import { buildApp } from './app.ts';
import { migrateToLatest } from './db/migrate.ts';
import { feedPath } from './feeds.ts';
import type { ModuleManifest } from './modules.ts';
import { runDemoSeeds } from './seeds.ts';
import { useHref, usePage } from './views/context.ts';

interface Notice {
  id: number;
  title: string;
  published: string;
}

/** A small module of the kind a real one is, to prove the core wires up every part of a manifest. */
const notices: ModuleManifest = {
  name: 'notices',
  migrations: {
    '20261122_01_notices': {
      up: async (db) => {
        await db.schema
          .createTable('notices')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('title', 'text')
          .addColumn('published', 'text')
          .execute();
      },
    },
  },
  seeds: [
    {
      name: 'two notices',
      run: async ({ database }) => {
        await sql`insert into notices (id, title, published) values (1, 'Road works on Main Street', '2026-11-01T08:00:00.000Z'), (2, 'Library opens on Sundays', '2026-11-10T08:00:00.000Z') on conflict (id) do nothing`.execute(
          database.db,
        );
      },
    },
  ],
  nav: [{ label: 'nav.notices', path: '/notices', order: 50 }],
  header: () => {
    const href = useHref();
    return <a href={href('/sign-in')}>{usePage().t('nav.notices')}</a>;
  },
  routes: (app, { database }) => {
    app.get('/:lang/notices', async (req, reply) => {
      const rows = (await sql<Notice>`select * from notices order by published desc`.execute(database.db)).rows;
      return reply.page(
        <ul>
          {rows.map((r) => (
            <li key={r.id}>{r.title}</li>
          ))}
        </ul>,
        {
          title: 'Notices',
          feeds: [
            {
              title: 'Notices',
              rss: feedPath(req.lang, 'notices', 'rss'),
              atom: feedPath(req.lang, 'notices', 'atom'),
            },
          ],
        },
      );
    });
  },
  search: [
    {
      name: 'notices',
      search: async ({ text, lang }, { database }) => {
        const rows = (await sql<Notice>`select * from notices where lower(title) like ${`%${text.toLowerCase()}%`}`.execute(database.db))
          .rows;
        return rows.map((r) => ({
          kind: 'search.kind.page',
          title: r.title,
          url: `/${lang}/notices#${r.id}`,
          score: 10,
        }));
      },
    },
  ],
  feeds: [
    {
      name: 'notices',
      read: async ({ lang, params }, { database }) => {
        const rows = (await sql<Notice>`select * from notices order by published desc`.execute(database.db)).rows.filter(
          (r) => !params.q || r.title.includes(params.q),
        );
        return {
          title: 'Notices',
          link: `/${lang}/notices`,
          entries: rows.map((r) => ({ title: r.title, url: `/${lang}/notices#${r.id}`, published: r.published })),
        };
      },
    },
  ],
};

const all = [...portalModules, notices];

dbTest('a module manifest brings its migrations, seeds, routes, navigation, header slot, search and feeds', async (database) => {
  await migrateToLatest(database.db, all);
  const app = await buildApp({ config: testConfig(database), database, modules: all, logger: false });
  try {
    assert.deepEqual(
      (await runDemoSeeds(all, app.context)).filter((s) => s.startsWith('notices')),
      ['notices:two notices'],
    );
    await runDemoSeeds(all, app.context);
    const page = await app.inject({ url: '/en/notices' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<li>Library opens on Sundays<\/li><li>Road works on Main Street<\/li>/, 'seeded once, listed');
    assert.match(page.body, /<a href="\/en\/notices" aria-current="page">nav\.notices<\/a>/, 'in the main navigation');
    assert.ok(page.body.indexOf('/en/notices"') < page.body.indexOf('/en/about"'), 'ordered by the entry order');
    assert.match(page.body, /<div class="header-account">(<a [^>]+>[^<]+<\/a>)*<a href="\/en\/sign-in">nav\.notices<\/a><\/div>/);
    assert.match(page.body, /<link rel="alternate" type="application\/rss\+xml" title="Notices" href="\/en\/feeds\/notices\.rss"\/>/);
    assert.match(page.body, /<link rel="alternate" type="application\/atom\+xml" title="Notices" href="\/en\/feeds\/notices\.atom"\/>/);

    const search = await app.inject({ url: '/en/search?q=library' });
    assert.match(search.body, /<a href="\/en\/notices#2">Library opens on Sundays<\/a>/);

    const rss = await app.inject({ url: '/en/feeds/notices.rss' });
    assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
    assert.match(rss.body, /<rss version="2.0"/);
    assert.match(rss.body, /<link>http:\/\/portal\.test\/en\/notices#2<\/link>/);
    assert.ok(rss.body.indexOf('Library') < rss.body.indexOf('Road works'), 'newest first');
    const atom = await app.inject({ url: '/de/feeds/notices.atom?q=Road' });
    assert.match(atom.body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.ok(atom.body.includes('Road works') && !atom.body.includes('Library'), 'filters pass through');
    const json = await app.inject({ url: '/en/feeds/notices.json' });
    assert.equal(JSON.parse(json.body).items.length, 2);
    assert.equal((await app.inject({ url: '/en/feeds/notices.pdf' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/en/feeds/unknown.rss' })).statusCode, 404);
  } finally {
    await app.close();
  }
});

dbTest('without the module, none of its parts are there', async (database) => {
  await migrateToLatest(database.db, portalModules);
  const app = await buildApp({ config: testConfig(database), database, modules: portalModules, logger: false });
  assert.equal((await app.inject({ url: '/en/notices' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/en/feeds/notices.rss' })).statusCode, 404);
  assert.ok(!(await app.inject({ url: '/en/' })).body.includes('nav.notices'));
  await app.close();
});
