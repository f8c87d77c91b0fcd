import { NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';

export interface TownAward {
  key: string;
  path: string;
  edition: string;
  category: string;
  rank: number | null;
}

/** A town's awards on its profile: wins and places in published results, and shortlists of editions under way. */
export function AwardsSection({ items }: { items: TownAward[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <NamedSection id="awards" label={t('awards.profile.title')}>
      <ul class="memberships">
        {items.map((a) => (
          <li key={a.key}>
            <a href={href(a.path)}>
              {a.category} — {a.edition}
            </a>
            <span class="place-meta">
              {' '}
              {a.rank === 1
                ? t('awards.profile.winner')
                : a.rank
                  ? t('awards.profile.rank', { rank: a.rank })
                  : t('awards.profile.shortlisted')}
            </span>
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}
