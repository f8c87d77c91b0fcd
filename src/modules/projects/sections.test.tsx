import assert from 'node:assert/strict';
import { testConfig } from '../../../test/helpers/app.ts';
import { dbTest } from '../../../test/helpers/db.ts';
import { buildApp } from '../../core/app.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import type { ModuleManifest } from '../../core/modules.ts';
import { modules } from '../index.ts';
import type { FundingCallView } from './index.ts';
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
