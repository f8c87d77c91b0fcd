import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { CategoryView, EditionView, NominationView, Phase, Vote } from '../schema.ts';
import type { Cluster } from '../service/audit.ts';
import { VOID_LIMITS } from '../service/inputs.ts';
import type { Standing } from '../service/results.ts';
import { RankingTable } from './results.tsx';

export interface AuditView {
  edition: EditionView;
  category: CategoryView;
  phase: Phase;
  clusters: Cluster[];
  votes: Vote[];
  total: number;
  standings: Standing[];
  nominees: NominationView[];
  csrfToken: string;
  errors: FieldErrors;
  reason?: string | undefined;
  notice?: string | undefined;
}

function VoidForm({ view, ids, id }: { view: AuditView; ids: number[]; id: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <form method="post" action={href(`/awards/${view.edition.slug}/${view.category.slug}/audit/void`)} class="form form--inline">
      <CsrfField token={view.csrfToken} />
      <input type="hidden" name="votes" value={ids.join(',')} />
      <TextField id={`reason-${id}`} name="reason" label={t('awards.audit.reason')} maxLength={VOID_LIMITS.reason} value={view.reason} />
      <button type="submit" class="button--danger">
        {t('awards.audit.void', { count: ids.length })}
      </button>
    </form>
  );
}

export function AuditPage({ view }: { view: AuditView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `/awards/${view.edition.slug}/${view.category.slug}`;
  const name = (id: number) => {
    const n = view.nominees.find((x) => x.id === id);
    return n ? n.mayor_name || n.practice || n.town : `#${id}`;
  };
  const closed = view.phase === 'jury' || view.phase === 'results';
  return (
    <article>
      <p>
        <a href={href(base)}>{view.category.name}</a>
      </p>
      <h1>{t('awards.audit.title')}</h1>
      {view.notice && <Notice>{t(`awards.notice.${view.notice}`)}</Notice>}
      <ErrorSummary errors={view.errors} labels={{ reason: t('awards.audit.reason'), form: t('awards.audit.title') }} />
      <p>
        <a href={href(`${base}/audit.csv`)}>{t('awards.audit.csv')}</a>
      </p>
      <h2>{t('awards.audit.clusters')}</h2>
      {view.clusters.length === 0 && <p>{t('awards.audit.noClusters')}</p>}
      {view.clusters.map((c, i) => (
        <section key={`${c.kind}-${c.label}`} aria-labelledby={`cluster-${i}`} class="panel">
          <h3 id={`cluster-${i}`}>{t(`awards.cluster.${c.kind}`, { label: c.label, count: c.votes.length })}</h3>
          {!view.category.published_at && <VoidForm view={view} ids={c.votes} id={`cluster-${i}`} />}
        </section>
      ))}
      <h2>{t('awards.audit.standings')}</h2>
      <RankingTable
        lines={view.standings.map((s) => ({ ...s, id: s.nomination_id, nominee: name(s.nomination_id) }))}
        caption={t('awards.audit.standings')}
      />
      {!view.category.published_at &&
        (closed ? (
          <ButtonForm action={href(`${base}/audit/publish`)} csrfToken={view.csrfToken} label={t('awards.audit.publish')} />
        ) : (
          <p>{t('awards.audit.publishLater')}</p>
        ))}
      <h2>{t('awards.audit.votes', { count: view.total })}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('awards.audit.time')}</th>
            <th scope="col">{t('awards.audit.network')}</th>
            <th scope="col">{t('awards.results.nominee')}</th>
            <th scope="col">{t('awards.audit.state')}</th>
            <th scope="col">{t('awards.audit.action')}</th>
          </tr>
        </thead>
        <tbody>
          {view.votes.map((v) => (
            <tr key={v.id}>
              <td data-label={t('awards.audit.time')}>{v.voted_at.slice(0, 19).replace('T', ' ')}</td>
              <td data-label={t('awards.audit.network')}>
                <code>{v.network_hash.slice(0, 12)}</code>
              </td>
              <td data-label={t('awards.results.nominee')}>{name(v.nomination_id)}</td>
              <td data-label={t('awards.audit.state')}>
                {v.state === 'void' ? `${t('awards.audit.voided')}: ${v.void_reason}` : t('awards.audit.counted')}
              </td>
              <td data-label={t('awards.audit.action')}>
                {v.state === 'counted' && !view.category.published_at && <VoidForm view={view} ids={[v.id]} id={`vote-${v.id}`} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
