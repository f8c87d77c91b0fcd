import type { PersonalData } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { publishedAsOf } from './published-as.ts';

/**
 * What the proposals feature holds on a person: the proposals they wrote and the supports they
 * gave, and the debates and comments they wrote as an organisation (what stays under its name
 * when they no longer represent it is still theirs to see). Erasing the account takes its supports back (the counts with them); its proposals stay,
 * as public contributions, shown as by a deleted account.
 */
export const proposalData: PersonalData = {
  export: async (person, ctx) => {
    const { db } = ctx.database;
    const [written, supported, debates, comments] = await Promise.all([
      repo.proposalsBy(db, person.userId),
      repo.supportsBy(db, person.userId),
      repo.debatesAsOrganisationBy(db, person.userId),
      repo.commentsAsOrganisationBy(db, person.userId),
    ]);
    const orgs = await publishedAsOf(ctx, [...written, ...debates, ...comments]);
    const organisation = (id: number | null) => (id === null ? null : { id, name: orgs.get(id)?.name ?? null });
    return {
      proposals: written.map((p) => ({
        id: p.id,
        title: p.title,
        body: p.body,
        area: p.area,
        onBehalfOf: p.on_behalf_of,
        organisation: organisation(p.organisation_id),
        address: p.address,
        latitude: p.latitude,
        longitude: p.longitude,
        publishedAt: p.published_at,
      })),
      supports: supported.map((s) => ({ proposal: s.proposal_id, title: s.title, since: s.created_at })),
      asOrganisation: {
        debates: debates.map((d) => ({
          id: d.id,
          organisation: organisation(d.organisation_id),
          title: d.title,
          body: d.body,
          at: d.created_at,
        })),
        comments: comments.map((c) => ({
          id: c.id,
          organisation: organisation(c.organisation_id),
          on: { type: c.subject_type, id: c.subject_id },
          body: c.body,
          at: c.created_at,
        })),
      },
    };
  },
  erase: async (person, ctx) => {
    const { db } = ctx.database;
    for (const s of await repo.supportsBy(db, person.userId))
      if (await repo.deleteSupport(db, s.proposal_id, person.userId)) await repo.addSupports(db, s.proposal_id, -1);
  },
};
