import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed } from '../../../core/modules.ts';
import { demoAccount, grantRole } from '../../accounts/index.ts';
import { organisationRefBySlug } from '../../organisations/index.ts';
import * as repo from '../repo.ts';
import { indexProposal } from './fulltext.ts';
import { proposalRow } from './proposals.ts';

const REPRESENTATIVE = { name: 'Ивана Колева', email: 'ivana.koleva@example.org', language: 'bg' };

const PROPOSAL = {
  title: 'Вечерен курс „Компютър за всеки“ в училището',
  body:
    'Професионалната гимназия предлага кабинетите си два пъти седмично вечер: ученици и учители помагат на всеки, ' +
    'който иска да се научи да ползва електронните услуги на общината.',
  area: 'digital',
};

const COMMENT = 'Нашите ученици могат да направят карта на пешеходните маршрути в центъра и да я покажат на площада.';

/**
 * An organisation of the demo speaking as itself: Botevgrad's vocational school publishes a proposal
 * in the town's ideas and comments on its debate, through a representative. Once it has, nothing.
 */
export const demoOrganisationVoice: DemoSeed = {
  name: 'participation as an organisation',
  async run(ctx) {
    const school = await organisationRefBySlug(ctx, 'botevgrad-vocational-school');
    await transaction(ctx.database.db, async (db) => {
      const ideas = await repo.processBySlug(db, 'botevgrad-ideas');
      if (!school || !ideas || (await repo.proposalsOfOrganisation(db, school.id, 1)).length > 0) return;
      const rep = await demoAccount(db, REPRESENTATIVE);
      await grantRole(db, rep, 'organisation_representative', school.id, null);
      const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
      const fields = { process_id: ideas.id, author_id: rep, organisation_id: school.id, language: 'bg', ...PROPOSAL };
      const id = await repo.insertProposal(db, proposalRow(fields, at));
      await indexProposal(db, { id, language: 'bg', title: PROPOSAL.title, body: PROPOSAL.body });
      const [debate] = await repo.debatesOfProcess(db, ideas.id, 1);
      if (!debate) return;
      await repo.insertComment(db, {
        subject_type: 'debate',
        subject_id: debate.id,
        parent_id: null,
        author_id: rep,
        organisation_id: school.id,
        body: COMMENT,
        stance: 'for',
        official: 0,
        hidden: 0,
        created_at: at,
        edited_at: null,
      });
      await repo.countComment(db, 'debate', debate.id, 1);
    });
  },
};
