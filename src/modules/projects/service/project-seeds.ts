import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { PartnerRole } from '../schema.ts';

/** Towns of the demo directory as EC-NET's partners: demonstration places, not a record of the real partnership. */
const TOWNS: [string, PartnerRole][] = [
  ['SI/slovenska-bistrica', 'coordinator'],
  ['SI/maribor', 'partner'],
  ['SI/ljubljana', 'partner'],
  ['BG/botevgrad', 'partner'],
  ['BG/stara-zagora', 'partner'],
  ['GR/thessaloniki', 'partner'],
  ['PL/gdansk', 'partner'],
  ['PL/lodz', 'partner'],
  ['DE/leipzig', 'partner'],
  ['DE/freiburg', 'partner'],
  ['ES/pontevedra', 'partner'],
  ['FI/tampere', 'partner'],
  ['FR/grenoble', 'partner'],
  ['IT/trento', 'partner'],
  ['IT/bologna', 'associated'],
];

const INDICATORS = [
  { kind: 'output', labels: { en: 'International events', sl: 'Mednarodni dogodki' }, unit: '', target: 6, achieved: 6 },
  { kind: 'output', labels: { en: 'Participants in the events', sl: 'Udeleženci dogodkov' }, unit: '', target: 1200, achieved: 1340 },
  {
    kind: 'output',
    labels: { en: 'Toolkit and policy recommendations', sl: 'Priročnik in priporočila' },
    unit: '',
    target: 2,
    achieved: 2,
  },
  { kind: 'outcome', labels: { en: 'Towns using the toolkit', sl: 'Mesta, ki uporabljajo priročnik' }, unit: '', target: 16, achieved: 12 },
] as const;

const START = '2020-11-02';

/**
 * The programme Europe for Citizens (ended 2020) and the EC-NET network of towns it funded, with
 * RIC Slovenska Bistrica as an organisation partner. Other parts of the module find EC-NET by its
 * slug `ec-net` to add its events and deliverables.
 */
export const demoProjects: DemoSeed = {
  name: 'projects',
  async run(ctx) {
    await transaction(ctx.database.db, async (trx) => {
      const now = new Date().toISOString();
      let programme = await repo.programmeBySlug(trx, 'europe-for-citizens');
      if (!programme) {
        const row = {
          slug: 'europe-for-citizens',
          acronym: 'Europe for Citizens',
          managing_body: 'European Commission (EACEA)',
          website: 'https://www.eacea.ec.europa.eu/',
          areas: 'europe,culture',
          active: 0,
          original_language: 'en',
        };
        const id = await repo.insertProgramme(trx, { ...row, created_at: now, updated_at: now });
        const summary =
          'The EU programme of 2014–2020 for remembrance and civic participation; its strand for democratic engagement funded town twinning and networks of towns. CERV continues it.';
        await repo.saveProgrammeText(trx, id, 'en', { name: 'Europe for Citizens', summary });
        await repo.insertStrand(trx, {
          programme_id: id,
          key: 'networks-of-towns',
          position: 0,
          names: JSON.stringify({ en: 'Networks of towns' }),
        });
        programme = await repo.programmeBySlug(trx, 'europe-for-citizens');
      }
      if (await repo.projectBySlug(trx, 'ec-net')) return;
      // Its partners are towns of the directory: before it is imported, a later full run adds the project.
      const bistrica = await municipalityBySlug(trx, 'SI', 'slovenska-bistrica');
      if (!bistrica) return;
      const id = await repo.insertProject(trx, {
        slug: 'ec-net',
        acronym: 'EC-NET',
        programme_id: programme!.id,
        call_id: null,
        reference: '',
        starts_on: START,
        ends_on: '2022-11-01',
        budget_eur: null,
        eu_contribution_eur: null,
        areas: 'europe,culture',
        website: '',
        state: 'closed',
        original_language: 'en',
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      await repo.saveProjectText(trx, id, 'en', {
        title: 'The European Citizenship Network of Towns',
        summary:
          'Sixteen partners from several countries working together on civic engagement and European citizenship: a kick-off, partner meetings and international events, a toolkit and policy recommendations.\n\nThe partner towns shown here are demonstration places of the directory.',
      });
      await repo.saveProjectText(trx, id, 'sl', {
        title: 'Evropska mreža mest za državljanstvo',
        summary:
          'Šestnajst partnerjev iz več držav sodeluje pri aktivnem evropskem državljanstvu: uvodno srečanje, partnerska srečanja, mednarodni dogodki, priročnik in priporočila.',
      });
      const partner = { project_id: id, status: 'confirmed' as const, joined_on: START, left_on: null, invited_by: null, decided_by: null };
      let position = 0;
      for (const [town, role] of TOWNS) {
        const [country, slug] = town.split('/') as [string, string];
        const place = await municipalityBySlug(trx, country, slug);
        if (!place) continue;
        await repo.insertPartner(trx, {
          ...partner,
          municipality_id: place.id,
          organisation: '',
          organisation_type: '',
          country: place.country,
          role,
          position: position++,
          created_at: now,
          updated_at: now,
        });
      }
      await repo.insertPartner(trx, {
        ...partner,
        municipality_id: bistrica.id,
        organisation: 'RIC Slovenska Bistrica',
        organisation_type: 'public_body',
        country: 'SI',
        role: 'partner',
        position: position++,
        created_at: now,
        updated_at: now,
      });
      for (const [i, x] of INDICATORS.entries())
        await repo.insertIndicator(trx, {
          project_id: id,
          kind: x.kind,
          position: i,
          labels: JSON.stringify(x.labels),
          unit: x.unit,
          target: x.target,
          achieved: x.achieved,
        });
    });
  },
};
