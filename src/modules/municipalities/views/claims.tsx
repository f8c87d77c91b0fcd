import {
  ButtonForm,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  Notice,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Municipality } from '../schema.ts';
import { profilePath } from './common.tsx';

export function ClaimPage({
  m,
  values,
  errors,
  csrfToken,
}: {
  m: Municipality;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const labels = {
    job_title: t('municipalities.claim.jobTitle'),
    official_email: t('municipalities.claim.officialEmail'),
    website: t('municipalities.claim.website'),
    evidence: t('municipalities.claim.evidence'),
  };
  const action = href(`${profilePath(m)}/claim`);
  const field = formFields(labels, values, errors);
  return (
    <article class="prose">
      <h1>{t('municipalities.claim.title', { name: m.name })}</h1>
      <p class="lead">{t('municipalities.claim.lead')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} enctype="multipart/form-data" class="form" noValidate>
        <CsrfField token={csrfToken} />
        <TextField
          {...field('job_title')}
          hint={t('municipalities.claim.jobTitleHint')}
          required
          maxLength={120}
          autocomplete="organization-title"
        />
        <TextField
          {...field('official_email')}
          type="email"
          hint={
            m.website
              ? t('municipalities.claim.officialEmailHint', { website: m.website })
              : t('municipalities.claim.officialEmailHintNoSite')
          }
          required
          maxLength={254}
          autocomplete="work email"
        />
        {!m.website && <TextField {...field('website')} type="url" hint={t('municipalities.claim.websiteHint')} required maxLength={300} />}
        <div class={errors.evidence ? 'field field--error' : 'field'}>
          <label for="evidence">
            {labels.evidence} <span class="optional">({t('form.optional')})</span>
          </label>
          <p class="hint" id="evidence-hint">
            {t('municipalities.claim.evidenceHint')}
          </p>
          {errors.evidence && (
            <p class="field-error" id="evidence-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(errors.evidence.key, errors.evidence.values)}
            </p>
          )}
          <input
            type="file"
            id="evidence"
            name="evidence"
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            aria-describedby={errors.evidence ? 'evidence-hint evidence-error' : 'evidence-hint'}
            aria-invalid={errors.evidence ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('municipalities.claim.submit')}</button>
      </form>
    </article>
  );
}

export interface QueueClaim {
  id: number;
  job_title: string;
  official_email: string;
  website: string | null;
  evidence_file: string | null;
  created_at: string;
  municipality: string;
  country: string;
  slug: string;
  known_website: string | null;
  claimant: string;
}

export function ReviewQueuePage({
  claims,
  csrfToken,
  notice,
  errors,
}: {
  claims: QueueClaim[];
  csrfToken: string;
  notice?: string | undefined;
  errors: Record<number, boolean>;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('municipalities.review.title')}</h1>
      {notice && <Notice>{t(`municipalities.review.notice.${notice}`)}</Notice>}
      {claims.length === 0 && <p>{t('municipalities.review.empty')}</p>}
      {claims.map((c) => (
        <section key={c.id} class="review-card" aria-labelledby={`claim-${c.id}`}>
          <h2 id={`claim-${c.id}`}>
            <a href={href(profilePath(c))}>{c.municipality}</a> ({c.country})
          </h2>
          <dl class="summary-list">
            <dt>{t('municipalities.review.claimant')}</dt>
            <dd>
              {c.claimant} – {c.job_title}
            </dd>
            <dt>{t('municipalities.claim.officialEmail')}</dt>
            <dd>
              {c.official_email} ({t('municipalities.review.confirmed')})
            </dd>
            <dt>{t('municipalities.claim.website')}</dt>
            <dd>
              {c.known_website ?? c.website}
              {!c.known_website && (
                <>
                  {' '}
                  <span class="tag">{t('municipalities.review.newWebsite')}</span>
                </>
              )}
            </dd>
            <dt>{t('municipalities.claim.evidence')}</dt>
            <dd>
              {c.evidence_file ? (
                <a href={href(`/admin/claims/${c.id}/evidence`)}>{t('municipalities.review.openEvidence')}</a>
              ) : (
                t('municipalities.review.noEvidence')
              )}
            </dd>
          </dl>
          <ReviewActions
            base={`/admin/claims/${c.id}`}
            reasonId={`reason-${c.id}`}
            what={c.municipality}
            csrfToken={csrfToken}
            reasonMissing={!!errors[c.id]}
          />
        </section>
      ))}
    </article>
  );
}

/** Approve, or refuse with a reason: the decision buttons of one item under review. */
export function ReviewActions({
  base,
  reasonId,
  what,
  csrfToken,
  reasonMissing,
}: {
  base: string;
  reasonId: string;
  what: string;
  csrfToken: string;
  reasonMissing: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <div class="actions">
        <ButtonForm action={href(`${base}/approve`)} csrfToken={csrfToken} label={t('municipalities.review.approve')} hiddenLabel={what} />
      </div>
      <form method="post" action={href(`${base}/refuse`)} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <TextArea
          name="reason"
          id={reasonId}
          label={t('municipalities.review.reason')}
          required
          rows={3}
          maxLength={1000}
          error={reasonMissing ? { key: 'municipalities.review.reasonNeeded' } : undefined}
        />
        <button type="submit" class="button--secondary">
          {t('municipalities.review.refuse')}
          <span class="visually-hidden"> {what}</span>
        </button>
      </form>
    </>
  );
}
