import type { SectionProvider } from '../../../core/modules.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type AccountStanding, accountStanding } from '../../accounts/index.ts';
import { type ModerationDecision, REASON_MAX } from '../schema.ts';
import { DecisionTable } from './entry.tsx';

export interface AccountView {
  account: AccountStanding;
  decisions: ModerationDecision[];
  names: Map<number, string | null>;
  csrfToken: string;
  notice?: string | undefined;
  refused?: { reason: string; errors: FieldErrors } | undefined;
}

/** A person's standing for the platform's moderators: blocked or not, the block or unblock form, and the decisions so far. */
export function AccountPage({ view }: { view: AccountView }) {
  const { t } = usePage();
  const href = useHref();
  const { account } = view;
  const action = account.blockedAt ? 'unblock' : 'block';
  return (
    <article class="prose">
      <p class="crumb">
        <a href={href('/moderation')}>{t('moderation.queue.title')}</a>
      </p>
      <h1>{t('moderation.account.title', { name: account.name })}</h1>
      {view.notice && <Notice>{t(`moderation.notice.${view.notice}`)}</Notice>}
      {view.refused && <ErrorSummary errors={view.refused.errors} labels={{ reason: t('moderation.decisions.reason') }} />}
      <p>
        {account.blockedAt
          ? t('moderation.account.blocked', { date: new Date(account.blockedAt), reason: account.blockedReason ?? '' })
          : t('moderation.account.notBlocked')}
      </p>
      <form method="post" action={href(`/moderation/accounts/${account.id}/${action}`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <TextArea
          id="reason"
          name="reason"
          label={t('moderation.decisions.reason')}
          hint={t(`moderation.${action}.hint`)}
          required
          maxLength={REASON_MAX}
          rows={3}
          value={view.refused?.reason}
          error={view.refused?.errors.reason}
        />
        <button type="submit" class={action === 'block' ? 'button--danger' : undefined}>
          {t(`moderation.${action}.submit`)}
        </button>
      </form>
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t('moderation.decisions.title')}</h2>
        <DecisionTable decisions={view.decisions} names={view.names} caption={t('moderation.decisions.caption')} />
      </section>
    </article>
  );
}

/** On a blocked person's account page, first: what the block means for them. */
export const blockedNotice: SectionProvider = async (_subject, { t, actor }, ctx) => {
  if (!actor?.blocked) return null;
  const standing = await accountStanding(ctx, actor.id);
  return (
    <div class="notice notice--error" id="blocked">
      <h2>{t('moderation.blockedNotice.title')}</h2>
      <p>{t('moderation.blockedNotice.body')}</p>
      {standing?.blockedReason && <p>{t('moderation.blockedNotice.reason', { reason: standing.blockedReason })}</p>}
    </div>
  );
};
