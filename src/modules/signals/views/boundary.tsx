import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, FileField, Notice } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/context.ts';
import type { SignalBoundaryRow } from '../schema.ts';

export interface BoundaryView {
  town: { name: string };
  /** The page's own address, which the forms post to. */
  path: string;
  boundary: SignalBoundaryRow | undefined;
  csrfToken: string;
  errors: FieldErrors;
  notice?: 'saved' | 'removed' | undefined;
  map: { tiles: string; attribution: string };
}

const degrees = (n: number) => n.toFixed(5);

/** A town's boundary: the one drawn (on a map, and its extent in words), a file to replace it, a button to remove it. */
export function BoundaryPage({ view }: { view: BoundaryView }) {
  const { t } = usePage();
  const b = view.boundary;
  const labels = { boundary: t('signals.boundary.file') };
  return (
    <article class="prose">
      <h1>{t('signals.boundary.title', { town: view.town.name })}</h1>
      <p class="lead">{t('signals.boundary.lead')}</p>
      {view.notice && <Notice>{t(`signals.boundary.${view.notice}`)}</Notice>}
      <h2>{t('signals.boundary.current')}</h2>
      {b ? (
        <>
          <dl class="summary-list">
            <dt>{t('signals.boundary.extent')}</dt>
            <dd>
              {t('signals.boundary.box', {
                south: degrees(b.min_lat),
                north: degrees(b.max_lat),
                west: degrees(b.min_lon),
                east: degrees(b.max_lon),
              })}
            </dd>
            <dt>{t('signals.boundary.updated')}</dt>
            <dd>
              <time dateTime={b.updated_at}>{t('common.dateTime', { date: new Date(b.updated_at) })}</time>
            </dd>
          </dl>
          <div
            class="map boundary-map"
            data-label={t('map.label', { name: view.town.name })}
            data-tiles={view.map.tiles}
            data-attribution={view.map.attribution}
          >
            {/* A data block, not a script: the Content-Security-Policy runs no inline code, and "<" cannot end it. */}
            <script type="application/json" dangerouslySetInnerHTML={{ __html: b.geometry.replace(/</g, '\\u003c') }} />
          </div>
          <ButtonForm action={`${view.path}/remove`} csrfToken={view.csrfToken} label={t('signals.boundary.remove')} secondary />
        </>
      ) : (
        <p>{t('signals.boundary.none')}</p>
      )}
      <h2 id="upload">{t('signals.boundary.uploadTitle')}</h2>
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={view.path} class="form" enctype="multipart/form-data" noValidate>
        <CsrfField token={view.csrfToken} />
        <FileField
          name="boundary"
          label={labels.boundary}
          hint={t('signals.boundary.hint')}
          accept=".geojson,.json,application/geo+json,application/json"
          error={view.errors.boundary}
          required
        />
        <button type="submit">{t('signals.boundary.upload')}</button>
      </form>
    </article>
  );
}
