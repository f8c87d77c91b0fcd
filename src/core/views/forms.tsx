import type { ComponentChildren } from 'preact';
import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors } from './components.tsx';
import { usePage } from './context.ts';

/** A page holding one form: title, lead text, error summary (also for form-wide errors) and the form. */
export function FormPage(p: {
  title: string;
  lead?: ComponentChildren;
  action: string;
  csrfToken: string;
  errors: FieldErrors;
  labels: Record<string, string>;
  submit: string;
  danger?: boolean;
  children: ComponentChildren;
  after?: ComponentChildren;
  /** A form that is a section of a larger page takes a second-level heading. */
  section?: boolean;
}) {
  const Heading = p.section ? 'h2' : 'h1';
  return (
    <article class="prose">
      <Heading>{p.title}</Heading>
      {p.lead && <div class="lead">{p.lead}</div>}
      <ErrorSummary errors={p.errors} labels={p.labels} />
      <form method="post" action={p.action} class="form" noValidate>
        <CsrfField token={p.csrfToken} />
        {p.children}
        <button type="submit" class={p.danger ? 'button--danger' : undefined}>
          {p.submit}
        </button>
      </form>
      {p.after}
    </article>
  );
}

/** A page that says one thing, with optional links or a button form below. */
export function MessagePage({ title, children, success }: { title: string; children?: ComponentChildren; success?: boolean }) {
  return (
    <article class="prose">
      {success ? (
        <div class="panel-success">
          <h1>{title}</h1>
          {children}
        </div>
      ) : (
        <>
          <h1>{title}</h1>
          {children}
        </>
      )}
    </article>
  );
}

/** For a link from a mail that is unknown, expired or already used. */
export function LinkExpired() {
  const { t } = usePage();
  return (
    <MessagePage title={t('form.linkExpired.title')}>
      <p>{t('form.linkExpired.body')}</p>
    </MessagePage>
  );
}

/**
 * What a link from a mail opens: a button that does the action. Mail scanners open links; only a
 * person presses the button, so the single-use token is not used up by a scanner.
 */
export function ConfirmLinkPage({ title, lead, action, csrfToken }: { title: string; lead?: string; action: string; csrfToken: string }) {
  const { t } = usePage();
  return (
    <MessagePage title={title}>
      {lead && <p>{lead}</p>}
      <div class="actions">
        <ButtonForm action={action} csrfToken={csrfToken} label={t('form.confirmLink')} />
      </div>
    </MessagePage>
  );
}
