import { CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, Notice, Select, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { PHASE_ACTIONS, PHASE_KINDS } from '../schema.ts';
import { MAX_PHASES, type PhaseRow } from '../service/phase-editing.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { StaffNav } from './manage.tsx';
import { langOf } from './processes.tsx';

export interface PhasesView {
  process: ProcessView;
  rows: PhaseRow[];
  errors: FieldErrors;
  csrfToken: string;
  notice?: string | undefined;
}

/** One phase: its kind, first and last days, what people may do, and a box to remove it. */
function Row({ row, index, errors }: { row: PhaseRow; index: number; errors: FieldErrors }) {
  const { t } = usePage();
  const field = (f: string) => ({ name: `${f}_${index}`, error: errors[`${f}_${index}`] });
  const filled = !!(row.starts_on || row.ends_on || row.actions.length);
  return (
    <fieldset class="fieldset" id={`phase-${index}`}>
      <legend>{t('participation.manage.phases.row', { n: index + 1 })}</legend>
      <div class="filters">
        <Select
          {...field('kind')}
          label={t('participation.manage.phases.kind')}
          required
          value={row.kind}
          options={PHASE_KINDS.map((k) => ({ value: k, label: t(`participation.phase.${k}`) }))}
        />
        {(['starts_on', 'ends_on'] as const).map((f) => (
          <TextField
            key={f}
            {...field(f)}
            required
            type="date"
            label={t(f === 'starts_on' ? 'participation.manage.phases.start' : 'participation.manage.phases.end')}
            value={row[f]}
            maxLength={10}
          />
        ))}
      </div>
      <CheckboxGroup
        name={`actions_${index}`}
        legend={t('participation.manage.phases.actions')}
        options={PHASE_ACTIONS.map((a) => ({ value: a, label: t(`participation.action.${a}`) }))}
        checked={new Set(row.actions)}
        error={errors[`actions_${index}`]}
      />
      {filled && (
        <div class="field field--checkbox">
          <input type="checkbox" id={`remove_${index}`} name={`remove_${index}`} value="1" checked={row.remove} />
          <label for={`remove_${index}`}>{t('participation.manage.phases.remove')}</label>
        </div>
      )}
    </fieldset>
  );
}

/** The labels of every row's fields, for the error summary. */
function rowLabels(t: (key: string, values?: Record<string, number>) => string, count: number) {
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const row = t('participation.manage.phases.row', { n: i + 1 });
    for (const f of ['kind', 'start', 'end', 'actions'] as const) {
      const key = { kind: 'kind', start: 'starts_on', end: 'ends_on', actions: 'actions' }[f];
      labels[`${key}_${i}`] = `${row}, ${t(`participation.manage.phases.${f}`)}`;
    }
  }
  return labels;
}

/** The phases of a process, all in one form that works without JavaScript: a row per phase, and one more on request. */
export function PhasesPage({ view }: { view: PhasesView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const p = view.process;
  return (
    <>
      <p class="breadcrumb">
        <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
          {p.title}
        </a>
      </p>
      <h1>{t('participation.manage.phases.title')}</h1>
      <StaffNav process={p} current="phases" />
      {view.notice && <Notice>{t(`participation.manage.notice.${view.notice}`)}</Notice>}
      <p class="lead">{t('participation.manage.phases.lead')}</p>
      <ErrorSummary errors={view.errors} labels={rowLabels(t, view.rows.length)} />
      <form method="post" action={href(`${processPath(p)}/phases`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="rows" value={String(view.rows.length)} />
        {view.rows.map((row, i) => (
          <Row key={i} row={row} index={i} errors={view.errors} />
        ))}
        <div class="actions">
          <button type="submit">{t('participation.manage.phases.save')}</button>
          {view.rows.length < MAX_PHASES ? (
            <button type="submit" name="add" value="1" class="button--secondary">
              {t('participation.manage.phases.add')}
            </button>
          ) : (
            <p class="hint">{t('participation.manage.phases.full', { max: MAX_PHASES })}</p>
          )}
        </div>
      </form>
    </>
  );
}
