import { NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { ProjectPartner } from '../schema.ts';
import type { ProjectView } from '../service/project-read.ts';
import { Day } from './projects.tsx';

/** A town's EU projects on its profile: its role in each, the project's dates and state. */
export function ProjectsSection({ items }: { items: { partner: ProjectPartner; project: ProjectView }[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <NamedSection id="eu-projects" label={t('projects.profile.title')}>
      <ul class="memberships">
        {items.map(({ partner, project: p }) => (
          <li key={partner.id}>
            <a href={href(`/projects/${p.slug}`)}>
              {p.acronym}: <span lang={p.language === lang ? undefined : p.language}>{p.title}</span>
            </a>
            <span class="place-meta">
              {partner.organisation ? `${partner.organisation} · ` : ''}
              {t(`projects.partnerRole.${partner.role}`)} · <Day day={p.starts_on} /> – <Day day={p.ends_on} /> ·{' '}
              {t(`projects.project.state.${p.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}
