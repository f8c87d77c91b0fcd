import { HoneypotField } from '../../../core/http/spam.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  PictureFields,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { OrganisationRef } from '../../organisations/index.ts';
import type { Proposal } from '../schema.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { MAX_PICTURES, PROPOSAL_LIMITS, type ProposalValues, proposalPath } from '../service/proposals.ts';
import { langOf } from './processes.tsx';
import type { MapSettings } from './proposals.tsx';
import { PublishAsField } from './published-as.tsx';

/** What the form page loads beside the portal's own: Leaflet and the place picker of the newsroom's editor. */
export const FORM_ASSETS = {
  styles: ['/static/vendor/leaflet/leaflet.css'],
  scripts: ['/static/vendor/leaflet/leaflet.js', '/static/editor.js'],
};

export interface ProposalFormView {
  process: ProcessView;
  values: ProposalValues;
  errors: FieldErrors;
  csrfToken: string;
  /** The organisations the person may publish as; none when editing. */
  organisations: OrganisationRef[];
  /** Pictures stored at the first step, signed, carried to the second. */
  kept: string[];
  /** At the second step: the similar proposals found (possibly none). */
  similar?: Proposal[] | undefined;
  /** The proposal being edited; none for a new one. */
  editing?: Proposal | undefined;
  map: MapSettings;
}

function SimilarProposals({ view }: { view: ProposalFormView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const similar = view.similar!;

  return (
    <section class="callout" aria-labelledby="similar-heading">
      <h2 id="similar-heading">{t('participation.proposal.similar.title')}</h2>
      {similar.length === 0 ? (
        <p>{t('participation.proposal.similar.none')}</p>
      ) : (
        <>
          <p>{t('participation.proposal.similar.lead')}</p>
          <ul>
            {similar.map((x) => (
              <li key={x.id}>
                <a href={href(proposalPath(view.process.slug, x.id))} lang={langOf(x.language, lang)}>
                  {x.title}
                </a>{' '}
                <span class="meta">{t('participation.support.count', { count: x.supports_count })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('participation.proposal.similar.publish')}</p>
    </section>
  );
}

export function ProposalFormPage({ view }: { view: ProposalFormView }) {
  const { t } = usePage();
  const href = useHref();
  const p = view.process;
  const labels: Record<string, string> = {
    title: t('participation.proposal.field.title'),
    body: t('participation.proposal.field.body'),
    area: t('participation.proposal.field.area'),
    latitude: t('map.latitude'),
    longitude: t('map.longitude'),
    address: t('participation.proposal.field.address'),
    publish_as: t('participation.publishAs.legend'),
    pictures: t('participation.proposal.field.pictures'),
  };
  const field = formFields(labels, view.values, view.errors);
  const action = view.editing ? href(`${proposalPath(p.slug, view.editing.id)}/edit`) : href(`${processPath(p)}/proposals`);
  const heading = view.editing ? t('participation.proposal.editTitle') : t('participation.proposal.new');
  return (
    <article>
      <p class="meta">
        <a href={href(processPath(p))}>{p.title}</a>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary errors={view.errors} labels={labels} />
      {view.similar && <SimilarProposals view={view} />}
      <form method="post" action={action} class="form--sections" enctype={view.editing ? undefined : 'multipart/form-data'} novalidate>
        <CsrfField token={view.csrfToken} />
        <HoneypotField />
        <TextField {...field('title')} maxLength={PROPOSAL_LIMITS.title} required />
        <TextArea
          {...field('body')}
          maxLength={PROPOSAL_LIMITS.body}
          rows={10}
          required
          hint={t('participation.proposal.field.bodyHint')}
        />
        <Select
          {...field('area')}
          required
          options={[
            { value: '', label: t('participation.proposal.field.chooseArea') },
            ...p.areaList.map((a) => ({ value: a, label: t(`area.${a}`) })),
          ]}
        />
        <fieldset class="fieldset">
          <legend>{t('participation.proposal.field.place')}</legend>
          <p class="hint">{t('participation.proposal.field.placeHint')}</p>
          <TextField {...field('address')} maxLength={PROPOSAL_LIMITS.address} />
          <div class="coordinates">
            <TextField {...field('latitude')} maxLength={20} />
            <TextField {...field('longitude')} maxLength={20} />
          </div>
          <div
            class="place-picker"
            hidden
            data-label={t('participation.proposal.field.pickPlace')}
            data-tiles={view.map.tiles}
            data-attribution={view.map.attribution}
          />
        </fieldset>
        {!view.editing && (
          <PictureFields
            name="pictures"
            idPrefix="picture"
            legend={labels.pictures}
            hint={t('participation.proposal.field.picturesHint', { max: MAX_PICTURES })}
            label={(number) => t('participation.proposal.field.picture', { number })}
            keptNote={(count) => t('participation.proposal.field.kept', { count })}
            max={MAX_PICTURES}
            kept={view.kept}
            error={view.errors.pictures}
          />
        )}
        <PublishAsField choices={view.organisations} value={view.values.publish_as} error={view.errors.publish_as} />
        {view.editing ? (
          <button type="submit">{t('form.save')}</button>
        ) : view.similar ? (
          <button type="submit" name="step" value="publish">
            {t('participation.proposal.publish')}
          </button>
        ) : (
          <button type="submit" name="step" value="continue">
            {t('participation.proposal.continue')}
          </button>
        )}
      </form>
    </article>
  );
}
