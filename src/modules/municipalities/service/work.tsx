import type { ModuleContext, SectionView, WorkDesk, WorkView } from '../../../core/modules.ts';
import { PLATFORM, scopeOfRole } from '../../../core/scopes.ts';
import { municipalitiesPolicy } from '../policy.ts';
import { countsInReview } from '../repo.ts';
import { profilePath } from '../views/common.tsx';
import { municipalitiesByIds } from './directory.ts';

/** The scope type of municipalities, which this module declares. */
const MUNICIPALITY = 'municipality';

/** The review queue for those who review, and the profile editor of each municipality the person holds a role in. */
export async function municipalityDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const { db } = ctx.database;
  const desks: WorkDesk[] = [];
  if (municipalitiesPolicy.can(actor, 'claims.review', null)) {
    const { claims, proposals } = await countsInReview(db);
    desks.push({
      label: t('municipalities.work.review'),
      description: t('municipalities.work.reviewDescription'),
      path: '/admin/claims',
      scope: { type: PLATFORM, id: null },
      waiting: { count: claims + proposals, text: t('municipalities.work.waiting', { claims, proposals }) },
    });
  }
  const ids = actor.grants.flatMap((g) => (scopeOfRole(g.role) === MUNICIPALITY && g.scopeId !== null ? [g.scopeId] : []));
  const places = await municipalitiesByIds(db, [...new Set(ids)]);
  for (const m of places.values()) {
    if (!municipalitiesPolicy.can(actor, 'municipality.edit', m)) continue;
    desks.push({
      label: t('municipalities.work.profile'),
      description: t('municipalities.work.profileDescription'),
      path: `${profilePath(m)}/edit`,
      scope: { type: MUNICIPALITY, id: m.id },
    });
  }
  return desks;
}

/** For someone without a role: how a municipality joins, and with it its staff. */
export async function joiningSection(_subject: unknown, { t, lang }: SectionView) {
  return (
    <section class="callout" aria-labelledby="work-joining">
      <h2 id="work-joining">{t('municipalities.work.joinTitle')}</h2>
      <p>{t('municipalities.work.join')}</p>
      <ul>
        <li>
          <a href={`/${lang}/municipalities`}>{t('municipalities.work.find')}</a>
        </li>
        <li>
          <a href={`/${lang}/municipalities/propose`}>{t('municipalities.work.propose')}</a>
        </li>
      </ul>
    </section>
  );
}
