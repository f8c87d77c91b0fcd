import { EmptyState, Notice } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type CategoryView, type EditionView, type Phase, phaseOf } from '../schema.ts';
import { Calendar, Day, PhaseLine, paragraphs } from './common.tsx';

export function AwardsIndex({ editions, canEdit }: { editions: EditionView[]; canEdit: boolean }) {
  const { t } = usePage();
  const href = useHref();
  const current = editions.filter((e) => phaseOf(e) !== 'results');
  const past = editions.filter((e) => phaseOf(e) === 'results');
  const item = (e: EditionView) => (
    <li key={e.id}>
      <a href={href(`/awards/${e.slug}`)}>{e.title}</a> — {t(`awards.phase.${phaseOf(e)}`)}, <Day at={e.results_on} />
    </li>
  );
  return (
    <article>
      <h1>{t('awards.title')}</h1>
      <p class="lead">{t('awards.lead')}</p>
      {canEdit && (
        <p>
          <a class="button" href={href('/awards/new')}>
            {t('awards.edition.new')}
          </a>
        </p>
      )}
      <h2>{t('awards.current')}</h2>
      {current.length ? <ul>{current.map(item)}</ul> : <p>{t('awards.noCurrent')}</p>}
      <h2>{t('awards.archive')}</h2>
      {past.length ? <ul>{past.map(item)}</ul> : <p>{t('awards.noArchive')}</p>}
    </article>
  );
}

export interface EditionPageView {
  edition: EditionView;
  categories: CategoryView[];
  phase: Phase;
  canEdit: boolean;
  onJury: boolean;
  notice?: string | undefined;
}

export function EditionPage({ view }: { view: EditionPageView }) {
  const { t } = usePage();
  const href = useHref();
  const { edition } = view;
  const base = `/awards/${edition.slug}`;
  return (
    <article>
      <p>
        <a href={href('/awards')}>{t('awards.title')}</a>
      </p>
      <h1>{edition.title}</h1>
      {view.notice && <Notice>{t(`awards.notice.${view.notice}`)}</Notice>}
      <PhaseLine phase={view.phase} />
      <Calendar edition={edition} />
      {view.canEdit && (
        <p>
          <a href={href(`${base}/edit`)}>{t('awards.edition.edit')}</a>
        </p>
      )}
      <h2>{t('awards.categories')}</h2>
      {view.categories.length ? (
        <ul>
          {view.categories.map((c) => (
            <li key={c.id}>
              <a href={href(`${base}/${c.slug}`)}>{c.name}</a>
              {c.published_at && <> — {t('awards.resultsPublished')}</>}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState text={t('awards.noCategories')} action={{ href: href(`${base}/edit`), label: t('awards.edition.edit') }} />
      )}
      {edition.rules && (
        <section aria-labelledby="rules">
          <h2 id="rules">{t('awards.rules')}</h2>
          {paragraphs(edition.rules).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      )}
    </article>
  );
}
