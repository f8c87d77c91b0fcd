import { HoneypotField } from '../../../core/http/spam.tsx';
import { CsrfField, ErrorSummary, type FieldErrors } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { FLAG_REASONS } from '../schema.ts';

export interface FlagTarget {
  /** A moderated kind's type, e.g. "comment". */
  type: string;
  id: number;
  /** The page to go back to after reporting, after the language prefix, e.g. "/participation/x/proposals/4". */
  back: string;
}

/** The reasons to choose from, one radio button each; ids apart for each text on the page. */
function Reasons({ prefix, checked, error }: { prefix: string; checked?: string | undefined; error?: FieldErrors[string] }) {
  const { t } = usePage();
  return (
    <fieldset class="fieldset" id={`${prefix}reason`} aria-describedby={error ? `${prefix}reason-error` : undefined}>
      <legend>{t('moderation.flag.why')}</legend>
      {error && (
        <p class="field-error" id={`${prefix}reason-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      )}
      {FLAG_REASONS.map((r) => (
        <div key={r} class="checkbox-item">
          <input type="radio" id={`${prefix}reason-${r}`} name="reason" value={r} checked={checked === r} required />
          <label for={`${prefix}reason-${r}`}>{t(`moderation.reason.${r}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function FlagFields({ target, csrfToken, prefix }: { target: FlagTarget; csrfToken: string; prefix: string }) {
  return (
    <>
      <CsrfField token={csrfToken} />
      <input type="hidden" name="type" value={target.type} />
      <input type="hidden" name="id" value={String(target.id)} />
      <input type="hidden" name="back" value={target.back} />
      <HoneypotField id={`${prefix}website`} />
    </>
  );
}

/**
 * "Report this" under a citizen's text, for any module's page: a folded form that works without
 * JavaScript. Without a form token (a page kept for every reader), a link to the report page,
 * which asks the visitor to sign in first.
 */
export function FlagForm({ type, id, back, csrfToken }: FlagTarget & { csrfToken?: string | undefined }) {
  const { t, actor } = usePage();
  const href = useHref();
  const target = { type, id, back };
  if (!actor || !csrfToken) {
    const query = new URLSearchParams({ type, id: String(id), back }).toString();
    return (
      <p class="flag-link">
        <a href={href(`/moderation/flag?${query}`)} rel="nofollow">
          {t('moderation.flag.summary')}
        </a>
      </p>
    );
  }
  const prefix = `flag-${type}-${id}-`;
  return (
    <details class="flag">
      <summary>{t('moderation.flag.summary')}</summary>
      <form method="post" action={href('/moderation/flag')} class="form" noValidate>
        <FlagFields target={target} csrfToken={csrfToken} prefix={prefix} />
        <Reasons prefix={prefix} />
        <button type="submit" class="button--secondary">
          {t('moderation.flag.submit')}
        </button>
      </form>
    </details>
  );
}

export interface FlagPageView {
  target: FlagTarget;
  excerpt: string | undefined;
  csrfToken: string;
  reason?: string | undefined;
  errors: FieldErrors;
}

/** The report form on a page of its own: from the link for visitors, and shown again when a report was refused. */
export function FlagPage({ view }: { view: FlagPageView }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <h1>{t('moderation.flag.title')}</h1>
      <ErrorSummary errors={view.errors} labels={{ reason: t('moderation.flag.why') }} />
      {view.excerpt && (
        <blockquote class="moderation-excerpt">
          <p>{view.excerpt}</p>
        </blockquote>
      )}
      <p>{t('moderation.flag.lead')}</p>
      <form method="post" action={href('/moderation/flag')} class="form" noValidate>
        <FlagFields target={view.target} csrfToken={view.csrfToken} prefix="" />
        <Reasons prefix="" checked={view.reason} error={view.errors.reason} />
        <button type="submit">{t('moderation.flag.submit')}</button>
      </form>
      <p>
        <a href={href(view.target.back)}>{t('moderation.back')}</a>
      </p>
    </article>
  );
}

/** After a report: thanks, and the way back. Never how many others reported it. */
export function ThanksPage({ back }: { back: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={t('moderation.thanks.title')} success>
      <p>{t('moderation.thanks.body')}</p>
      <p>
        <a href={href(back)}>{t('moderation.back')}</a>
      </p>
    </MessagePage>
  );
}

/** Why a person may not report or write: their account is blocked, or not yet confirmed. */
export function CannotWritePage({ reason }: { reason: 'blocked' | 'unconfirmed' }) {
  const { t } = usePage();
  return (
    <MessagePage title={t(`moderation.cannot.${reason}.title`)}>
      <p>{t(`moderation.cannot.${reason}.body`)}</p>
    </MessagePage>
  );
}
