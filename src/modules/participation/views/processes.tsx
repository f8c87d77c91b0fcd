import type { VNode } from 'preact';
import { NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { renderBody } from '../../content/index.ts';
import type { Phase, ProcessView } from '../service/processes.ts';
import { processPath } from '../service/processes.ts';

/** Who runs a process, as a link to its page. */
export interface OwnerLink {
  name: string;
  path: string;
}

/** The language attribute a text needs when it is not in the page's language. */
export const langOf = (textLanguage: string, lang: string) => (textLanguage === lang ? undefined : textLanguage);

/** One process in a list: its title, who runs it, its phase today and its summary. */
function ProcessCard({
  process: p,
  owner,
  heading = 'h2',
}: {
  process: ProcessView;
  owner?: OwnerLink | undefined;
  heading?: 'h2' | 'h3';
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const Heading = heading;
  return (
    <li class="card">
      <Heading>
        <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
          {p.title}
        </a>
      </Heading>
      <p class="meta">
        {[owner?.name, t(`participation.kind.${p.kind}`), p.current ? t(`participation.phase.${p.current.kind}`) : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {p.summary && <p lang={langOf(p.textLanguage, lang)}>{p.summary}</p>}
    </li>
  );
}

export function ProcessesPage({ processes, owners }: { processes: ProcessView[]; owners: Map<string, OwnerLink> }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('participation.title')}</h1>
      <p class="lead">{t('participation.lead')}</p>
      {processes.length === 0 ? (
        <p>{t('participation.none')}</p>
      ) : (
        <ul class="cards">
          {processes.map((p) => (
            <ProcessCard key={p.id} process={p} owner={owners.get(`${p.owner_type}:${p.owner_id}`)} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The phases of a process, the running one marked. */
function Phases({ phases, current }: { phases: Phase[]; current: Phase | null }) {
  const { t } = usePage();
  return (
    <ol class="phases">
      {phases.map((ph) => (
        <li
          key={ph.id}
          aria-current={ph.id === current?.id ? 'step' : undefined}
          class={ph.id === current?.id ? 'phase phase--now' : 'phase'}
        >
          <strong>{t(`participation.phase.${ph.kind}`)}</strong>{' '}
          <span class="meta">
            {t('participation.phase.dates', { from: new Date(`${ph.starts_on}T12:00:00Z`), to: new Date(`${ph.ends_on}T12:00:00Z`) })}
          </span>
          {ph.id === current?.id && (
            <>
              {' '}
              <span class="tag">{t('participation.phase.now')}</span>
            </>
          )}
          {ph.actions.length > 0 && (
            <p class="meta">
              {t('participation.phase.allows', { actions: ph.actions.map((a) => t(`participation.action.${a}`)).join(', ') })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface ProcessPageView {
  process: ProcessView;
  /** ProcessHead, as kept for every reader. */
  head: VNode;
  canManage: boolean;
  /** What the features add: proposals, sections of a vision, debates, monitoring. */
  parts: VNode[];
}

/** What a process is: its owner, title, description, areas and phases; the same for every reader. */
export function ProcessHead({ process: p, owner }: { process: ProcessView; owner: OwnerLink | undefined }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <header class="page-header">
        <p class="meta">
          {owner && <a href={href(owner.path)}>{owner.name}</a>} · {t(`participation.kind.${p.kind}`)}
          {p.published === 0 && <span class="tag">{t('participation.draft')}</span>}
        </p>
        <h1 lang={langOf(p.textLanguage, lang)}>{p.title}</h1>
        {p.summary && (
          <p class="lead" lang={langOf(p.textLanguage, lang)}>
            {p.summary}
          </p>
        )}
      </header>
      {p.description && (
        <div class="prose" lang={langOf(p.textLanguage, lang)} dangerouslySetInnerHTML={{ __html: renderBody(p.description) }} />
      )}
      {p.areaList.length > 0 && (
        <p class="meta">
          {t('participation.areas')}: {p.areaList.map((a) => t(`area.${a}`)).join(', ')}
        </p>
      )}
      <NamedSection id="phases" label={t('participation.phases')}>
        {p.phases.length ? <Phases phases={p.phases} current={p.current} /> : <p>{t('participation.phase.none')}</p>}
        <p>{p.current ? t('participation.phase.open') : t('participation.phase.closed')}</p>
      </NamedSection>
    </>
  );
}

export function ProcessPage({ view }: { view: ProcessPageView }) {
  return (
    <>
      {view.head}
      {view.canManage && <StaffLinks process={view.process} />}
      {view.parts}
    </>
  );
}

/** A town's open processes on its profile, or the portal's on the home page. */
export function OpenProcessesSection({ processes, owners }: { processes: ProcessView[]; owners?: Map<string, OwnerLink> }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <NamedSection id="participation" label={t('participation.open')}>
      <ul class="cards">
        {processes.map((p) => (
          <ProcessCard key={p.id} process={p} owner={owners?.get(`${p.owner_type}:${p.owner_id}`)} heading="h3" />
        ))}
      </ul>
      <p>
        <a href={href('/participation')}>{t('participation.all')}</a>
      </p>
    </NamedSection>
  );
}

// The process editor: the links its staff follow from the process's page.
function StaffLinks({ process }: { process: ProcessView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <p class="actions">
      <a class="button" href={href(`${processPath(process)}/edit`)}>
        {t('participation.manage.link.edit')}
      </a>
      <a class="button button--secondary" href={href(`${processPath(process)}/phases`)}>
        {t('participation.manage.link.phases')}
      </a>
    </p>
  );
}
