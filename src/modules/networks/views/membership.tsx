import type { DescribedThing } from '../../../core/scopes.ts';
import { CsrfField, type FieldErrors, FileField, Select, TextArea, TextField, Timeline } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Membership, MembershipEvent, MembershipKind } from '../schema.ts';
import { REASON_MAX } from '../service/memberships.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';
import { STEPS, type StepName } from '../service/workflow.ts';
import { fullName } from './public.tsx';
import { DOCUMENT_ACCEPT, membershipPath, ReportsSection, type ReportsView } from './reports.tsx';

export interface MembershipView {
  network: NetworkView;
  kind: MembershipKind;
  membership: Membership;
  member: DescribedThing | undefined;
  history: (MembershipEvent & { who: string | null })[];
  /** The steps this person may take now, by side. */
  steps: StepName[];
  csrfToken: string;
  notice?: string | undefined;
  error?: { step: StepName; key: string; field: string } | undefined;
  values?: { reason?: string; commitment_date?: string };
  reports?: ReportsView;
}

/** One step as a form: a reason where it needs one, the commitment's date where it is sent. */
function StepForm({ view, step }: { view: MembershipView; step: StepName }) {
  const { t } = usePage();
  const href = useHref();
  const action = href(`${networkPath(view.network)}/memberships/${view.membership.id}/${step}`);
  const errors: FieldErrors = view.error?.step === step ? { [view.error.field]: { key: view.error.key } } : {};
  const values = view.error?.step === step ? (view.values ?? {}) : {};
  const needsReason = 'needsReason' in STEPS[step];
  return (
    <form
      method="post"
      action={action}
      class="step-form"
      enctype={step === 'sendCommitment' ? 'multipart/form-data' : undefined}
      novalidate
    >
      <CsrfField token={view.csrfToken} />
      {step === 'sendCommitment' && (
        <FileField
          name="commitment"
          label={t('networks.step.commitmentFile')}
          hint={t('networks.step.commitmentFileHint')}
          accept={DOCUMENT_ACCEPT}
          required
          error={errors.commitment}
        />
      )}
      {step === 'sendCommitment' && (
        <TextField
          name="commitment_date"
          label={t('networks.step.commitmentDate')}
          hint={t('networks.step.commitmentDateHint')}
          type="date"
          maxLength={10}
          required
          value={values.commitment_date ?? ''}
          error={errors.commitment_date}
        />
      )}
      {(needsReason || step === 'withdraw') && (
        <TextArea
          name="reason"
          label={t(needsReason ? 'networks.step.reason' : 'networks.step.reasonOptional')}
          maxLength={REASON_MAX}
          rows={3}
          required={needsReason}
          value={values.reason ?? ''}
          error={errors.reason}
        />
      )}
      <button type="submit" class={step === 'withdraw' || step === 'end' || step === 'refuse' ? 'button--secondary' : undefined}>
        {t(`networks.step.${step}`)}
      </button>
    </form>
  );
}

/** A membership as both sides see it: where it stands, what can be done now, and what happened. */
export function MembershipPage({ view }: { view: MembershipView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const m = view.membership;
  return (
    <>
      <p class="breadcrumb">
        <a href={href(networkPath(view.network))}>{fullName(view.network)}</a>
      </p>
      <h1>{t('networks.membership.title', { member: view.member?.name ?? '', network: view.network.name })}</h1>
      {view.error && (
        <p class="notice notice--error" role="alert">
          {t(view.error.key)}
        </p>
      )}
      {view.notice && (
        <div class="notice notice--success" role="status">
          {t(`networks.notice.${view.notice}`)}
        </div>
      )}
      <dl class="summary-list">
        <dt>{t('networks.members.kind')}</dt>
        <dd>{kindLabel(view.kind, lang)}</dd>
        <dt>{t('networks.members.status')}</dt>
        <dd>
          <span class="tag">{t(`networks.state.${m.state}`)}</span>
        </dd>
        {m.since && (
          <>
            <dt>{t('networks.members.since')}</dt>
            <dd>{t('common.date', { date: new Date(m.since) })}</dd>
          </>
        )}
        {m.report_due_at && (
          <>
            <dt>{t('networks.membership.reportDue')}</dt>
            <dd>{t('common.date', { date: new Date(m.report_due_at) })}</dd>
          </>
        )}
        {m.commitment_file && (
          <>
            <dt>{t('networks.membership.commitment')}</dt>
            <dd>
              <a href={href(`${membershipPath(view.network, m.id)}/commitment`)}>
                {t('networks.membership.commitmentOf', { date: m.commitment_date ?? '' })}
              </a>
            </dd>
          </>
        )}
      </dl>
      <p>{t(`networks.explain.${m.state}`)}</p>
      {view.steps.length > 0 && (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t('networks.membership.steps')}</h2>
          {view.steps.map((step) => (
            <StepForm key={step} view={view} step={step} />
          ))}
        </section>
      )}
      {view.reports && view.membership.since && <ReportsSection view={view.reports} />}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('networks.membership.history')}</h2>
        <Timeline
          entries={[...view.history].reverse().map((e) => ({
            at: e.at,
            title: t(`networks.state.${e.to_state}`),
            detail: (
              <p class="meta">
                {e.who ?? t('common.system')}
                {e.reason && <>: {e.reason}</>}
              </p>
            ),
          }))}
        />
      </section>
    </>
  );
}

export interface ApplyView {
  network: NetworkView;
  kinds: MembershipKind[];
  /** The towns and organisations this person speaks for. */
  members: DescribedThing[];
  csrfToken: string;
  values: { kind?: string; member?: string };
  errors: FieldErrors;
}

export function ApplyPage({ view }: { view: ApplyView }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('networks.apply.title', { network: view.network.name })}</h1>
      {view.members.length === 0 ? (
        <p>{t('networks.apply.noMember')}</p>
      ) : (
        <form method="post" action={href(`${networkPath(view.network)}/apply`)} novalidate>
          <CsrfField token={view.csrfToken} />
          <Select
            name="member"
            label={t('networks.apply.member')}
            required
            value={view.values.member}
            error={view.errors.member}
            options={view.members.map((m) => ({ value: `${m.type}:${m.id}`, label: m.name }))}
          />
          <Select
            name="kind"
            label={t('networks.members.kind')}
            required
            value={view.values.kind}
            error={view.errors.kind}
            options={view.kinds.map((k) => ({ value: String(k.id), label: kindLabel(k, lang) }))}
          />
          <button type="submit">{t('networks.apply.submit')}</button>
        </form>
      )}
    </>
  );
}
