import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { Checkbox, CsrfField, type FieldErrors, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { QUESTION_KINDS, type ReportQuestion } from '../schema.ts';
import { type NetworkView, networkPath } from '../service/networks.ts';
import { CHOICES_MAX, LABEL_MAX } from '../service/questions.ts';
import { NetworkCrumb, StaffNav } from './settings.tsx';

export interface QuestionFormValues {
  kind?: string;
  required?: string;
  public?: string;
  position?: string;
  /** Per language: the question and its options, one per line. */
  labels: Record<string, string>;
  choices: Record<string, string>;
}

export interface ReportFormEditorView {
  network: NetworkView;
  questions: ReportQuestion[];
  /** The languages the form is written in, the reader's first. */
  languages: string[];
  csrfToken: string;
  /** The question whose form was refused (0: the new one), with what was typed. */
  refused?: { id: number; values: QuestionFormValues; errors: FieldErrors } | undefined;
  notice?: string | undefined;
}

/** What a stored question's form shows. */
export function valuesOf(q: ReportQuestion): QuestionFormValues {
  const choices = JSON.parse(q.choices) as Record<string, string>[];
  const labels = JSON.parse(q.labels) as Record<string, string>;
  const languages = new Set([...Object.keys(labels), ...choices.flatMap((c) => Object.keys(c))]);
  return {
    kind: q.kind,
    required: q.required ? '1' : '',
    public: q.public ? '1' : '',
    position: String(q.position),
    labels,
    choices: Object.fromEntries([...languages].map((l) => [l, choices.map((c) => c[l] ?? '').join('\n')])),
  };
}

function QuestionForm(p: { id: number; view: ReportFormEditorView; values: QuestionFormValues; errors: FieldErrors }) {
  const { t } = usePage();
  const href = useHref();
  const base = `${networkPath(p.view.network)}/report-form`;
  const name = (field: string) => (p.id ? `${field}-${p.id}` : field);
  return (
    <form method="post" action={href(p.id ? `${base}/${p.id}` : base)} class="form question-form" novalidate>
      <CsrfField token={p.view.csrfToken} />
      <Select
        id={name('kind')}
        name="kind"
        label={t('networks.questions.kind')}
        required
        value={p.values.kind}
        error={p.errors.kind}
        options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`networks.questions.kind.${k}`) }))}
      />
      {p.view.languages.map((lang) => (
        <fieldset key={lang} class="fieldset">
          <legend lang={lang}>{LANGUAGES[lang as LanguageCode] ?? lang}</legend>
          <TextField
            id={name(`label_${lang}`)}
            name={`label_${lang}`}
            label={t('networks.questions.label')}
            required={lang === p.view.languages[0]}
            maxLength={LABEL_MAX}
            value={p.values.labels[lang]}
            error={p.errors[`label_${lang}`]}
          />
          <TextArea
            id={name(`choices_${lang}`)}
            name={`choices_${lang}`}
            label={t('networks.questions.choices')}
            hint={t('networks.questions.choicesHint')}
            maxLength={CHOICES_MAX}
            rows={3}
            value={p.values.choices[lang]}
            error={p.errors[`choices_${lang}`]}
          />
        </fieldset>
      ))}
      <Checkbox id={name('required')} name="required" value="1" checked={!!p.values.required} label={t('networks.questions.required')} />
      <Checkbox id={name('public')} name="public" value="1" checked={!!p.values.public} label={t('networks.questions.public')} />
      <TextField
        id={name('position')}
        name="position"
        label={t('networks.questions.position')}
        maxLength={4}
        value={p.values.position}
        error={p.errors.position}
      />
      <div class="actions">
        <button type="submit" name="action" value="save">
          {t(p.id ? 'form.save' : 'networks.questions.add')}
        </button>
        {p.id > 0 && (
          <button type="submit" name="action" value="delete" class="button--secondary">
            {t('networks.questions.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The coordinators' editor of their network's report form: each question, and a new one. */
export function ReportFormEditor({ view }: { view: ReportFormEditorView }) {
  const { t } = usePage();
  const formOf = (id: number, values: QuestionFormValues) =>
    view.refused?.id === id ? { values: view.refused.values, errors: view.refused.errors } : { values, errors: {} };
  return (
    <>
      <NetworkCrumb network={view.network} />
      <h1>{t('networks.questions.title', { network: view.network.name })}</h1>
      <StaffNav network={view.network} current="report-form" />
      {view.notice && (
        <div class="notice notice--success" role="status">
          {t(`networks.questions.notice.${view.notice}`)}
        </div>
      )}
      <p>{t('networks.questions.lead')}</p>
      {view.questions.length === 0 && <p>{t('networks.questions.none')}</p>}
      {view.questions.map((q, i) => (
        <section key={q.id} aria-labelledby={`question-${q.id}`}>
          <h2 id={`question-${q.id}`}>{t('networks.questions.number', { n: i + 1 })}</h2>
          <QuestionForm id={q.id} view={view} {...formOf(q.id, valuesOf(q))} />
        </section>
      ))}
      <section aria-labelledby="question-new">
        <h2 id="question-new">{t('networks.questions.new')}</h2>
        <QuestionForm
          id={0}
          view={view}
          {...formOf(0, { kind: 'text', position: String(view.questions.length + 1), labels: {}, choices: {} })}
        />
      </section>
    </>
  );
}
