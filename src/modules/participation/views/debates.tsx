import type { VNode } from 'preact';
import { HoneypotField } from '../../../core/http/spam.tsx';
import { type FieldErrors, formFields, NamedSection, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { renderBody } from '../../content/index.ts';
import type { OrganisationRef } from '../../organisations/index.ts';
import type { Debate } from '../schema.ts';
import {
  CONCLUSIONS_MAX,
  DEBATE_BODY_MAX,
  DEBATE_TITLE_MAX,
  type DebateState,
  type DebateValues,
  debatePath,
  debateState,
} from '../service/debates.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { CommentsSection, type CommentsView } from './comments.tsx';
import { langOf } from './processes.tsx';
import { ByOrganisation, PublishAsField } from './published-as.tsx';

const at = (iso: string) => new Date(iso);

function StateTag({ state }: { state: DebateState }) {
  const { t } = usePage();
  return <span class={`tag debate-state debate-state--${state}`}>{t(`participation.debate.state.${state}`)}</span>;
}

/** A process's debates on its page: newest first, each with its comments and whether it is open. */
export function DebatesPart({ process: p, debates, canOpen }: { process: ProcessView; debates: Debate[]; canOpen: boolean }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <NamedSection id="debates" label={t('participation.debate.title')}>
      {canOpen && (
        <p>
          <a class="button" href={href(`${processPath(p)}/debates/new`)}>
            {t('participation.debate.open')}
          </a>
        </p>
      )}
      {debates.length === 0 ? (
        <p>{t('participation.debate.none')}</p>
      ) : (
        <ul class="cards debates">
          {debates.map((d) => (
            <li key={d.id} class="card">
              <h3>
                <a href={href(debatePath(p, d.id))} lang={langOf(d.language, lang)}>
                  {d.title}
                </a>
              </h3>
              <p class="meta">
                <StateTag state={debateState(d)} />
                {d.official === 1 && <span class="tag tag--official">{t('participation.debate.official')}</span>}{' '}
                {t('participation.debate.comments', { count: d.comments_count })} ·{' '}
                <time datetime={d.created_at}>{t('common.date', { date: at(d.created_at) })}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </NamedSection>
  );
}

export interface DebatePageView {
  process: ProcessView;
  debate: Debate;
  /** null for a deleted account. */
  author: string | null;
  /** The organisation it was opened as, shown instead of its author. */
  organisation: OrganisationRef | null;
  canClose: boolean;
  comments: CommentsView;
  /** Following it and reporting it, for the reader. */
  parts: VNode[];
}

/** A debate: its conclusions on top once closed, its text, then its comments. */
export function DebatePage({ view }: { view: DebatePageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { process: p, debate: d } = view;
  const state = debateState(d);
  const textLang = langOf(d.language, lang);
  return (
    <>
      <p class="meta">
        <a href={href(processPath(p))} lang={langOf(p.textLanguage, lang)}>
          {p.title}
        </a>{' '}
        · <a href={href(`${processPath(p)}#debates`)}>{t('participation.debate.title')}</a>
      </p>
      <header class="page-header">
        <h1 lang={textLang}>{d.title}</h1>
        <p class="meta">
          <StateTag state={state} />
          {d.official === 1 && <span class="tag tag--official">{t('participation.debate.official')}</span>}{' '}
          {view.organisation ? <ByOrganisation organisation={view.organisation} /> : (view.author ?? t('common.deletedAccount'))} ·{' '}
          <time datetime={d.created_at}>{t('common.date', { date: at(d.created_at) })}</time>
          {d.area && <> · {t(`area.${d.area}`)}</>}
        </p>
      </header>
      {state === 'closed' && (
        <section class="panel conclusions" aria-labelledby="conclusions-heading">
          <h2 id="conclusions-heading">{t('participation.debate.conclusions')}</h2>
          <p class="meta">{t('participation.debate.closedOn', { date: at(d.closed_at!) })}</p>
          <div class="prose" lang={textLang} dangerouslySetInnerHTML={{ __html: renderBody(d.conclusions ?? '') }} />
        </section>
      )}
      {state === 'expired' && <p class="notice">{t('participation.debate.expired', { date: at(d.closes_at!) })}</p>}
      {state === 'open' && d.closes_at && <p class="meta">{t('participation.debate.closesOn', { date: at(d.closes_at) })}</p>}
      <div class="prose" lang={textLang} dangerouslySetInnerHTML={{ __html: renderBody(d.body) }} />
      {view.canClose && state !== 'closed' && (
        <p>
          <a class="button button--secondary" href={href(`${debatePath(p, d.id)}/close`)}>
            {t('participation.debate.close')}
          </a>
        </p>
      )}
      {view.parts}
      <CommentsSection view={view.comments} />
    </>
  );
}

/** The form that opens a debate in a process. */
export function DebateFormPage(p: {
  process: ProcessView;
  values: DebateValues;
  errors: FieldErrors;
  csrfToken: string;
  official: boolean;
  /** The organisations the person may open it as. */
  organisations: OrganisationRef[];
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = {
    publish_as: t('participation.publishAs.legend'),
    title: t('participation.debate.field.title'),
    body: t('participation.debate.field.body'),
    area: t('participation.debate.field.area'),
    closes_on: t('participation.debate.field.closesOn'),
  };
  const field = formFields(labels, p.values as Record<string, string>, p.errors);
  return (
    <FormPage
      title={t('participation.debate.newTitle', { process: p.process.title })}
      lead={
        <p>
          {t(p.official ? 'participation.debate.newLeadOfficial' : 'participation.debate.newLead')}{' '}
          <a href={href(processPath(p.process))} lang={langOf(p.process.textLanguage, lang)}>
            {p.process.title}
          </a>
        </p>
      }
      action={href(`${processPath(p.process)}/debates/new`)}
      csrfToken={p.csrfToken}
      errors={p.errors}
      labels={labels}
      submit={t('participation.debate.submit')}
    >
      <HoneypotField />
      <TextField {...field('title')} required maxLength={DEBATE_TITLE_MAX} />
      <TextArea {...field('body')} required maxLength={DEBATE_BODY_MAX} rows={10} hint={t('participation.debate.field.bodyHint')} />
      {p.process.areaList.length > 0 && (
        <Select
          {...field('area')}
          options={[
            { value: '', label: t('participation.debate.field.noArea') },
            ...p.process.areaList.map((a) => ({ value: a, label: t(`area.${a}`) })),
          ]}
        />
      )}
      <TextField {...field('closes_on')} type="date" maxLength={10} hint={t('participation.debate.field.closesOnHint')} />
      <PublishAsField choices={p.organisations} value={p.values.publish_as} error={p.errors.publish_as} />
    </FormPage>
  );
}

/** Staff close a debate, writing what came of it. */
export function CloseDebatePage(p: {
  process: ProcessView;
  debate: Debate;
  values: { conclusions?: string };
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = { conclusions: t('participation.debate.conclusions') };
  return (
    <FormPage
      title={t('participation.debate.closeTitle', { title: p.debate.title })}
      lead={
        <p>
          {t('participation.debate.closeLead')}{' '}
          <a href={href(debatePath(p.process, p.debate.id))} lang={langOf(p.debate.language, lang)}>
            {p.debate.title}
          </a>
        </p>
      }
      action={href(`${debatePath(p.process, p.debate.id)}/close`)}
      csrfToken={p.csrfToken}
      errors={p.errors}
      labels={labels}
      submit={t('participation.debate.close')}
    >
      <TextArea
        {...formFields(labels, p.values, p.errors)('conclusions')}
        required
        maxLength={CONCLUSIONS_MAX}
        rows={10}
        hint={t('participation.debate.field.bodyHint')}
      />
    </FormPage>
  );
}
