import { HoneypotField } from '../../../core/http/spam.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { reportPath } from '../service/reports.ts';
import { NOTE_LIMIT } from '../service/states.ts';

export interface QuestionnaireView {
  id: number;
  category: string;
  description: string;
  fixedAt: string;
  action: string;
  csrfToken: string;
  note?: string | undefined;
  errors: FieldErrors;
}

/**
 * "Is it really fixed?": what a mailed link opens. Buttons, not the link, answer: mail scanners
 * open links, only people press buttons.
 */
export function QuestionnairePage({ view }: { view: QuestionnaireView }) {
  const { t } = usePage();
  const labels = { note: t('signals.questionnaire.note'), answer: t('signals.questionnaire.title') };
  return (
    <article class="prose">
      <h1>{t('signals.questionnaire.title')}</h1>
      <ErrorSummary errors={view.errors} labels={labels} />
      <p class="lead">{t('signals.questionnaire.lead', { id: view.id, category: view.category, date: new Date(view.fixedAt) })}</p>
      <blockquote>
        <p class="description">{view.description}</p>
      </blockquote>
      <form method="post" action={view.action} class="button-form">
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="answer" value="yes" />
        <button type="submit">{t('signals.questionnaire.yes')}</button>
      </form>
      <section class="panel" aria-labelledby="reopen-heading">
        <h2 id="reopen-heading">{t('signals.questionnaire.noTitle')}</h2>
        <form method="post" action={view.action} class="form" noValidate>
          <CsrfField token={view.csrfToken} />
          <HoneypotField />
          <input type="hidden" name="answer" value="no" />
          <TextArea
            name="note"
            label={labels.note}
            value={view.note}
            error={view.errors.note}
            maxLength={NOTE_LIMIT}
            rows={4}
            hint={t('signals.questionnaire.noteHint')}
          />
          <button type="submit" class="button--secondary">
            {t('signals.questionnaire.no')}
          </button>
        </form>
      </section>
    </article>
  );
}

/** After the answer: thanks, and the way to the report. */
export function AnsweredPage({ id, answer }: { id: number; answer: 'yes' | 'no' }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <MessagePage title={t(`signals.questionnaire.thanks.${answer}`)} success>
      <p>{t(`signals.questionnaire.thanksBody.${answer}`)}</p>
      <p>
        <a href={href(reportPath(id))}>{t('signals.questionnaire.toReport', { id })}</a>
      </p>
    </MessagePage>
  );
}
