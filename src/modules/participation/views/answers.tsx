import { type FieldErrors, formFields, NamedSection, Notice, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { ANSWER_STATES, type ProposalAnswer } from '../schema.ts';
import { ANSWER_TEXT_MAX, type AnswerValues, proposalPath } from '../service/answers.ts';
import type { ProcessView } from '../service/processes.ts';
import { processPath } from '../service/processes.ts';
import { langOf } from './processes.tsx';

/** Paragraphs of a plain text, as its author broke them. */
const paragraphs = (s: string) => s.split(/\n\s*\n/).filter((x) => x.trim());

const euroFormats = new Map<string, Intl.NumberFormat>();

/** Euros in the reader's language, whether or not the message around them is translated yet. */
function euros(lang: string, amount: number): string {
  let format = euroFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
    euroFormats.set(lang, format);
  }
  return format.format(amount);
}

/** The published official answer, as a proposal's page shows it: its state, text, cost and date. */
export function AnswerPart({ answer }: { answer: ProposalAnswer }) {
  const { t, lang } = usePage();
  return (
    <NamedSection id="answer" label={t('participation.answer.official')}>
      <p class="meta">
        <span class={`tag tag--${answer.state}`}>{t(`participation.answer.state.${answer.state}`)}</span>{' '}
        <time datetime={answer.publish_at}>{t('common.date', { date: new Date(answer.publish_at) })}</time>
      </p>
      {paragraphs(answer.text).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      {answer.cost_cents !== null && <p>{t('participation.answer.costValue', { cost: euros(lang, answer.cost_cents / 100) })}</p>}
    </NamedSection>
  );
}

export interface AnswerFormView {
  process: ProcessView;
  proposal: { id: number; title: string; body: string; language: string; supports_count: number };
  answer: ProposalAnswer | undefined;
  values: AnswerValues;
  errors: FieldErrors;
  csrfToken: string;
  zone: string;
  saved: boolean;
}

/** Staff write or change the official answer to a proposal. */
export function AnswerFormPage({ view }: { view: AnswerFormView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { proposal, answer } = view;
  const labels = {
    state: t('participation.answer.stateLabel'),
    text: t('participation.answer.text'),
    cost: t('participation.answer.cost'),
    when: t('participation.answer.whenLabel'),
    publish_at: t('participation.answer.publishAt'),
  };
  const field = formFields(labels, view.values, view.errors);
  const out = answer?.published === 1;
  const when = view.values.when ?? 'now';
  const lead = (
    <>
      {view.saved && <Notice>{t(out ? 'participation.answer.savedOut' : 'participation.answer.savedLater')}</Notice>}
      <p>
        <a href={href(proposalPath(view.process, proposal.id))} lang={langOf(proposal.language, lang)}>
          {proposal.title}
        </a>{' '}
        <span class="meta">{t('participation.answer.supports', { count: proposal.supports_count })}</span>
      </p>
      {out && answer && <AnswerPart answer={answer} />}
      <p>
        {out
          ? t('participation.answer.isOut')
          : answer
            ? t('participation.answer.isScheduled', { date: new Date(answer.publish_at) })
            : t('participation.answer.isNone')}
      </p>
    </>
  );
  return (
    <FormPage
      title={t('participation.answer.formTitle')}
      lead={lead}
      action={href(`${proposalPath(view.process, proposal.id)}/answer`)}
      csrfToken={view.csrfToken}
      errors={view.errors}
      labels={labels}
      submit={t('form.save')}
      after={
        <p>
          <a href={href(`${processPath(view.process)}/answers`)}>{t('participation.answer.queueLink')}</a>
        </p>
      }
    >
      <Select
        {...field('state')}
        required
        options={ANSWER_STATES.map((s) => ({ value: s, label: t(`participation.answer.state.${s}`) }))}
      />
      <TextArea {...field('text')} hint={t('participation.answer.textHint')} maxLength={ANSWER_TEXT_MAX} rows={8} />
      <TextField {...field('cost')} hint={t('participation.answer.costHint')} maxLength={30} />
      {!out && (
        <fieldset class="fieldset" id="when">
          <legend>{labels.when}</legend>
          {(['now', 'later'] as const).map((w) => (
            <div key={w} class="checkbox-item">
              <input type="radio" id={`when-${w}`} name="when" value={w} checked={when === w} />
              <label for={`when-${w}`}>{t(`participation.answer.when.${w}`)}</label>
            </div>
          ))}
          <TextField
            {...field('publish_at')}
            type="datetime-local"
            hint={t('participation.answer.publishAtHint', { zone: view.zone })}
            maxLength={16}
          />
        </fieldset>
      )}
    </FormPage>
  );
}

export interface AwaitingRow {
  id: number;
  title: string;
  language: string;
  supports_count: number;
  publish_at: string | null;
}

/** Staff's list of a process's proposals without a published answer, those past the threshold first. */
export function AnswersQueuePage({ process, rows, threshold }: { process: ProcessView; rows: AwaitingRow[]; threshold: number | null }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('participation.answer.queueTitle')}</h1>
      <p class="lead">
        <a href={href(processPath(process))} lang={langOf(process.textLanguage, lang)}>
          {process.title}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t('participation.answer.queueEmpty')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('participation.answer.queueTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participation.answer.proposal')}</th>
              <th scope="col">{t('participation.answer.supportsHeading')}</th>
              <th scope="col">{t('participation.answer.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('participation.answer.proposal')}>
                  <a href={href(`${proposalPath(process, r.id)}/answer`)} lang={langOf(r.language, lang)}>
                    {r.title}
                  </a>
                </th>
                <td data-label={t('participation.answer.supportsHeading')}>
                  {r.supports_count}
                  {threshold !== null && r.supports_count >= threshold && (
                    <>
                      {' '}
                      <span class="tag">{t('participation.answer.reached')}</span>
                    </>
                  )}
                </td>
                <td data-label={t('participation.answer.status')}>
                  {r.publish_at
                    ? t('participation.answer.isScheduled', { date: new Date(r.publish_at) })
                    : t('participation.answer.waiting')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
