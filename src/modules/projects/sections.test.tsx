import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { testConfig } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { sampleProject } from '../../../test/projects.ts';
import { buildApp } from '../../core/app.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { type ModuleManifest, renderSections } from '../../core/modules.ts';
import { modules } from '../index.ts';
import type { FundingCallView } from './index.ts';
import { demoDeliverables } from './service/deliverable-seeds.ts';
import { demoProgrammes } from './service/seeds.ts';

/** A module written for the test: it lists, on a call's page, what it holds about that call. */
const partnerSearches: ModuleManifest = {
  name: 'partner-searches',
  sections: {
    'funding_call.page': async (subject) => {
      const call = subject as FundingCallView;
      return call.reference.startsWith('CERV') ? (
        <section aria-labelledby="searches">
          <h2 id="searches">Partner searches for {call.reference}</h2>
        </section>
      ) : null;
    },
  },
};

dbTest('another module adds its section to a call’s page through the section point funding_call.page', async (database) => {
  const all = [...modules, partnerSearches];
  await migrateToLatest(database.db, all);
  const app = await buildApp({ config: testConfig(database), database, modules: all, logger: false });
  try {
    await demoProgrammes.run(app.context);
    const calls = await database.db.selectFrom('funding_calls').select(['id', 'reference']).execute();
    const cerv = calls.find((c) => c.reference === 'CERV-TOWN-TT-DEMO')!;
    const life = calls.find((c) => c.reference === 'LIFE-CLIMA-DEMO')!;
    assert.match(
      (await app.inject({ url: `/en/calls/${cerv.id}` })).body,
      /<h2 id="searches">Partner searches for CERV-TOWN-TT-DEMO<\/h2>/,
    );
    assert.doesNotMatch((await app.inject({ url: `/en/calls/${life.id}` })).body, /Partner searches/, 'a section may show nothing');
  } finally {
    await app.close();
  }
});

/** A stand-in for the project's page: it renders what the section point project.page offers. */
const projectPage: ModuleManifest = {
  name: 'project-page',
  routes: (app, ctx) => {
    app.get('/:lang/test-project/:id', async (req, reply) => {
      const id = Number((req.params as { id: string }).id);
      const sections = await renderSections(ctx, 'project.page', { id, slug: 'ec-net' }, { lang: req.lang, t: req.t, actor: null });
      return reply.page(<>{sections}</>, { title: 'Project' });
    });
  },
};

dbTest('a project’s page shows its newest deliverables with a link to all, through the section point project.page', async (database) => {
  const all = [...modules, projectPage];
  await migrateToLatest(database.db, all);
  const app = await buildApp({ config: testConfig(database), database, modules: all, logger: false });
  try {
    const { staraZagora } = await sampleTowns(database);
    const id = await sampleProject(database, { coordinator: staraZagora });
    assert.doesNotMatch((await app.inject({ url: `/en/test-project/${id}` })).body, /id="deliverables"/, 'nothing while it has none');
    await demoDeliverables.run(app.context);
    const page = (await app.inject({ url: `/en/test-project/${id}` })).body;
    assert.match(page, /<h2 id="deliverables-heading">Deliverables<\/h2>/);
    assert.match(page, /EC-NET Recommendations/);
    assert.match(page, /href="\/en\/projects\/ec-net\/deliverables">All deliverables of the project<\/a>/);
  } finally {
    await app.close();
  }
});
