import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { OrganisationKind } from '../schema.ts';

type Demo = { slug: string; name: string; kind: OrganisationKind; country: string; town: string; areas: string; description: string };

const ORGANISATIONS: Demo[] = [
  {
    slug: 'zelena-zagora',
    name: 'Zelena Zagora',
    kind: 'ngo',
    country: 'BG',
    town: 'stara-zagora',
    areas: 'environment,climate',
    description: 'Volunteers who plant and look after street trees and run repair cafés.',
  },
  {
    slug: 'botevgrad-vocational-school',
    name: 'Botevgrad Vocational School',
    kind: 'school',
    country: 'BG',
    town: 'botevgrad',
    areas: 'culture,digital',
    description: 'A secondary school teaching electronics and programming, open to adults in the evening.',
  },
  {
    slug: 'thracian-university',
    name: 'Thracian University',
    kind: 'university',
    country: 'BG',
    town: 'stara-zagora',
    areas: 'health,economy',
    description: 'A university of medicine, agriculture and economics that studies the region with its towns.',
  },
  {
    slug: 'bistrica-bike-works',
    name: 'Bistrica Bike Works',
    kind: 'business',
    country: 'SI',
    town: 'slovenska-bistrica',
    areas: 'mobility,sport',
    description: 'A bicycle workshop that rents and repairs bikes and maps cycle routes.',
  },
  {
    slug: 'ric-slovenska-bistrica',
    name: 'RIC Slovenska Bistrica',
    kind: 'agency',
    country: 'SI',
    town: 'slovenska-bistrica',
    areas: 'economy,europe',
    description: 'The regional development agency: advice for start-ups and help with EU funding.',
  },
];

const PARTNERSHIPS = [
  {
    orgs: ['zelena-zagora'],
    area: 'environment',
    from: '2023-03-01',
    to: null,
    description: 'Planting and caring for trees along the boulevards.',
    results: '1,200 trees planted in three seasons.',
  },
  {
    orgs: ['botevgrad-vocational-school'],
    area: 'digital',
    from: '2022-09-15',
    to: '2024-06-30',
    description: 'Pupils teach older residents to use the town’s e-services.',
    results: '340 residents trained.',
  },
  {
    orgs: ['bistrica-bike-works'],
    area: 'mobility',
    from: '2024-04-01',
    to: null,
    description: 'Public bicycles at the station and the town square.',
    results: '',
  },
  {
    orgs: ['thracian-university', 'zelena-zagora'],
    area: 'health',
    from: '2024-10-01',
    to: null,
    description: 'Students and volunteers measure the air in every district and publish the readings with the town.',
    results: 'Twelve sensors; a yearly report on the air of Stara Zagora.',
  },
];

/** Organisations in three demo towns, and partnerships their towns have confirmed. */
export const demoOrganisations: DemoSeed = {
  name: 'organisations',
  async run(ctx) {
    await transaction(ctx.database.db, async (trx) => {
      const at = new Date().toISOString();
      const ids = new Map<string, { id: number; town: number; country: string }>();
      for (const o of ORGANISATIONS) {
        const town = await municipalityBySlug(trx, o.country, o.town);
        // Before the directory is imported there are no towns: a later run adds them.
        if (!town) return;
        const found = await repo.organisationBySlug(trx, o.slug);
        const { town: _town, ...fields } = o;
        const id =
          found?.id ??
          (await repo.insertOrganisation(trx, {
            ...fields,
            website: null,
            municipality_id: town.id,
            logo: null,
            created_by: null,
            created_at: at,
            updated_at: at,
          }));
        ids.set(o.slug, { id, town: town.id, country: o.country });
        if (found) return;
      }
      for (const p of PARTNERSHIPS) {
        const org = ids.get(p.orgs[0]!)!;
        await repo.insertPartnership(
          trx,
          {
            municipality_id: org.town,
            area: p.area,
            description: p.description,
            results: p.results,
            starts_on: p.from,
            ends_on: p.to,
            state: 'confirmed',
            town_confirmed: 1,
            country: org.country,
            created_by: null,
            decided_by: null,
            created_at: at,
            updated_at: at,
          },
          p.orgs.map((slug) => ({ id: ids.get(slug)!.id, confirmed: true })),
        );
      }
    });
  },
};
