import type { PersonalData } from '../../../core/modules.ts';
import * as repo from '../repo.ts';

/**
 * What the proposals feature holds on a person: the proposals they wrote and the supports they
 * gave. Erasing the account takes its supports back (the counts with them); its proposals stay,
 * as public contributions, shown as by a deleted account.
 */
export const proposalData: PersonalData = {
  export: async (person, ctx) => {
    const { db } = ctx.database;
    const [written, supported] = await Promise.all([repo.proposalsBy(db, person.userId), repo.supportsBy(db, person.userId)]);
    return {
      proposals: written.map((p) => ({
        id: p.id,
        title: p.title,
        body: p.body,
        area: p.area,
        onBehalfOf: p.on_behalf_of,
        address: p.address,
        latitude: p.latitude,
        longitude: p.longitude,
        publishedAt: p.published_at,
      })),
      supports: supported.map((s) => ({ proposal: s.proposal_id, title: s.title, since: s.created_at })),
    };
  },
  erase: async (person, ctx) => {
    const { db } = ctx.database;
    for (const s of await repo.supportsBy(db, person.userId))
      if (await repo.deleteSupport(db, s.proposal_id, person.userId)) await repo.addSupports(db, s.proposal_id, -1);
  },
};
