import type { VNode } from 'preact';
import type { WorkDesk } from '../../../core/modules.ts';
import { useHref, usePage } from '../../../core/views/context.ts';

/** Desks listed under the thing they are about (the platform, a municipality…), or under none. */
export interface DeskGroup {
  name: string;
  desks: WorkDesk[];
}

export function WorkPage({ groups, hasRoles, joining }: { groups: DeskGroup[]; hasRoles: boolean; joining: VNode[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('accounts.work.title')}</h1>
      {groups.length > 0 && <p class="lead">{t('accounts.work.lead')}</p>}
      {groups.map((group, i) => (
        <section key={i} aria-labelledby={`work-group-${i}`}>
          <h2 id={`work-group-${i}`}>{group.name}</h2>
          <ul class="cards">
            {group.desks.map((desk) => (
              <li key={desk.path} class="card">
                <a href={href(desk.path)}>
                  <strong>{desk.label}</strong>
                </a>
                {desk.waiting && (
                  <>
                    {' '}
                    <span class="tag">{desk.waiting.text}</span>
                  </>
                )}
                <p>{desk.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {hasRoles && groups.length === 0 && <p class="lead">{t('accounts.work.noDesks')}</p>}
      {!hasRoles && (
        <>
          <p class="lead">{t('accounts.work.noRole')}</p>
          <h2>{t('accounts.work.rolesTitle')}</h2>
          <p>{t('accounts.work.roles')}</p>
          {joining}
          <section class="callout" aria-labelledby="work-organisation">
            <h2 id="work-organisation">{t('accounts.work.organisationTitle')}</h2>
            <p>{t('accounts.work.organisation')}</p>
            <p>
              <a href={href('/organisations/new')}>{t('accounts.org.create')}</a>
            </p>
          </section>
        </>
      )}
      <p>
        <a href={href('/account')}>{t('accounts.backToAccount')}</a>
      </p>
    </article>
  );
}
