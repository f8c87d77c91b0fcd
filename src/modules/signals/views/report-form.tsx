import { HoneypotField } from '../../../core/http/spam.tsx';
import type { Translator } from '../../../core/i18n/catalog.ts';
import {
  ButtonForm,
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  formFields,
  GroupError,
  PictureFields,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../../municipalities/index.ts';
import type { Signal, SignalQuestion } from '../schema.ts';
import { categoryDescription, categoryName } from '../service/categories.ts';
import { answerField, type CategoryChoice, NEARBY_METRES, type WhatValues } from '../service/filing.ts';
import { MAX_PHOTOS } from '../service/photos.ts';
import { ADDRESS_LIMIT, type Place, type PlaceValues, townKey } from '../service/places.ts';
import { optionsOf } from '../service/questions.ts';
import { REPORT_LIMITS, reportPath } from '../service/reports.ts';

/** What the form loads beside the portal's own: Leaflet, the newsroom editor's place picker, and the form's own help. */
export const FORM_ASSETS = {
  styles: ['/static/vendor/leaflet/leaflet.css'],
  scripts: ['/static/vendor/leaflet/leaflet.js', '/static/editor.js', '/static/signal-map.js'],
};

export interface ReportFormView {
  step: 'where' | 'what';
  /** The towns that take reports, for the first step. */
  towns: MunicipalitySummary[];
  placeValues: PlaceValues;
  /** At the second step: where the report is, and the town's categories. */
  place?: Place | undefined;
  choices: CategoryChoice[];
  what: WhatValues;
  answers: Record<string, string[]>;
  /** Photos stored at an earlier step, signed, carried to the next. */
  kept: string[];
  errors: FieldErrors;
  csrfToken: string;
  signedIn: boolean;
  /** Once checked: the open reports of the category nearby (possibly none). */
  nearby?: Signal[] | undefined;
  /** Of those, the ones this person may say "me too" to (signed in, not their own). */
  meToo: Set<number>;
  map: { tiles: string; attribution: string };
}

const townLabel = (m: MunicipalitySummary) => (m.native_name && m.native_name !== m.name ? `${m.name} (${m.native_name})` : m.name);

export function ReportFormPage({ view }: { view: ReportFormView }) {
  const { t } = usePage();
  const labels = formLabels(view, t);
  return (
    <article>
      <h1>{t('signals.report.title')}</h1>
      <p class="lead">{t(view.step === 'where' ? 'signals.report.stepWhere' : 'signals.report.stepWhat')}</p>
      <ErrorSummary errors={view.errors} labels={labels} />
      {view.nearby && <Nearby view={view} />}
      {view.step === 'where' ? <WhereForm view={view} labels={labels} /> : <WhatForm view={view} labels={labels} />}
    </article>
  );
}

function formLabels(view: ReportFormView, t: Translator): Record<string, string> {
  const labels: Record<string, string> = {
    town: t('signals.report.field.town'),
    address: t('signals.report.field.address'),
    latitude: t('map.latitude'),
    longitude: t('map.longitude'),
    category: t('signals.report.field.category'),
    description: t('signals.report.field.description'),
    photos: t('signals.report.field.photos'),
    name: t('signals.report.field.name'),
    email: t('signals.report.field.email'),
    phone: t('signals.report.field.phone'),
    show_name: t('signals.report.field.showName'),
  };
  for (const c of view.choices) for (const q of c.questions) labels[answerField(q)] = q.label;
  return labels;
}

/** The second step's fields, carried through the first when the person goes back to change the place. */
function Carried({ view }: { view: ReportFormView }) {
  return (
    <>
      {Object.entries(view.what).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {Object.entries(view.answers).flatMap(([k, vs]) => vs.map((v) => <input key={`${k}=${v}`} type="hidden" name={k} value={v} />))}
      {view.kept.map((k) => (
        <input key={k} type="hidden" name="kept" value={k} />
      ))}
    </>
  );
}

function WhereForm({ view, labels }: { view: ReportFormView; labels: Record<string, string> }) {
  const { t } = usePage();
  const href = useHref();
  const field = formFields(labels, { ...view.placeValues }, view.errors);
  return (
    <form method="post" action={href('/signals/new')} class="form--sections" novalidate>
      <CsrfField token={view.csrfToken} />
      <HoneypotField />
      <fieldset class="fieldset">
        <legend>{t('signals.report.where')}</legend>
        <p class="hint">{t('signals.report.whereHint')}</p>
        <Select
          {...field('town')}
          options={[
            { value: '', label: t('signals.report.field.chooseTown') },
            ...view.towns.map((m) => ({ value: townKey(m), label: townLabel(m) })),
          ]}
        />
        <TextField
          {...field('address')}
          maxLength={ADDRESS_LIMIT}
          hint={t('signals.report.field.addressHint')}
          autocomplete="street-address"
        />
        <div class="coordinates">
          <TextField {...field('latitude')} maxLength={20} />
          <TextField {...field('longitude')} maxLength={20} />
        </div>
        <p class="locate" hidden>
          <button type="button" class="button--secondary">
            {t('signals.report.locate')}
          </button>{' '}
          <span role="status" data-busy={t('signals.report.locating')} data-failed={t('signals.report.locateFailed')} />
        </p>
        <div
          class="place-picker"
          hidden
          data-label={t('signals.report.pickPlace')}
          data-tiles={view.map.tiles}
          data-attribution={view.map.attribution}
          data-centres={JSON.stringify(Object.fromEntries(view.towns.map((m) => [townKey(m), [m.latitude, m.longitude]])))}
        />
      </fieldset>
      <Carried view={view} />
      <button type="submit" name="step" value="where">
        {t('signals.report.continue')}
      </button>
    </form>
  );
}

function Question({ q, values, error }: { q: SignalQuestion; values: string[]; error: FieldErrors[string] }) {
  const { t } = usePage();
  const name = answerField(q);
  const props = { name, label: q.label, error, required: q.required === 1, ...(q.description ? { hint: q.description } : {}) };
  if (q.kind === 'text') return <TextArea {...props} value={values[0]} maxLength={2000} rows={3} />;
  if (q.kind === 'datetime') return <TextField {...props} type="datetime-local" value={values[0]} maxLength={30} />;
  if (q.kind === 'multivaluelist')
    return (
      <CheckboxGroup
        name={name}
        legend={q.required ? q.label : `${q.label} (${t('form.optional')})`}
        hint={q.description ?? undefined}
        options={optionsOf(q).map((o) => ({ value: o.key, label: o.name }))}
        checked={new Set(values)}
        error={error}
      />
    );
  if (q.kind === 'singlevaluelist')
    return (
      <fieldset class="fieldset" id={name}>
        <legend>
          {q.label}
          {!q.required && <span class="optional"> ({t('form.optional')})</span>}
        </legend>
        {q.description && <p class="hint">{q.description}</p>}
        <GroupError id={name} error={error} />
        {optionsOf(q).map((o) => (
          <div key={o.key} class="field field--checkbox">
            <input type="radio" id={`${name}-${o.key}`} name={name} value={o.key} checked={values[0] === o.key} />
            <label for={`${name}-${o.key}`}>{o.name}</label>
          </div>
        ))}
      </fieldset>
    );
  return <TextField {...props} value={values[0]} maxLength={q.kind === 'number' ? 30 : 200} />;
}

function WhatForm({ view, labels }: { view: ReportFormView; labels: Record<string, string> }) {
  const { t } = usePage();
  const href = useHref();
  const place = view.place!;
  const field = formFields(labels, view.what, view.errors);
  const asked = view.choices.filter((c) => c.questions.length);
  return (
    <form method="post" action={href('/signals/new')} class="form--sections report-form" enctype="multipart/form-data" novalidate>
      <CsrfField token={view.csrfToken} />
      <HoneypotField />
      <p>
        {t('signals.report.placeIs', {
          place: place.address ?? t('map.coordinates', { lat: place.latitude.toFixed(5), lon: place.longitude.toFixed(5) }),
          town: place.town.name,
        })}
      </p>
      <input type="hidden" name="town" value={townKey(place.town)} />
      <input type="hidden" name="address" value={place.address ?? ''} />
      <input type="hidden" name="latitude" value={place.exact ? String(place.latitude) : ''} />
      <input type="hidden" name="longitude" value={place.exact ? String(place.longitude) : ''} />
      <fieldset class="fieldset" id="category">
        <legend>{labels.category}</legend>
        <GroupError id="category" error={view.errors.category} />
        {view.choices.map(({ category: c }) => (
          <div key={c.id} class="field field--checkbox">
            <input
              type="radio"
              id={`category-${c.id}`}
              name="category"
              value={String(c.id)}
              checked={view.what.category === String(c.id)}
              aria-describedby={`category-${c.id}-hint`}
            />
            <div>
              <label for={`category-${c.id}`}>{categoryName(t, c)}</label>
              <p class="hint" id={`category-${c.id}-hint`}>
                {categoryDescription(t, c)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {asked.map(({ category: c, questions }) => (
        <fieldset key={c.id} class="fieldset" data-category={String(c.id)}>
          <legend>{t('signals.report.questionsOf', { category: categoryName(t, c) })}</legend>
          {questions.map((q) => (
            <Question key={q.id} q={q} values={view.answers[answerField(q)] ?? []} error={view.errors[answerField(q)]} />
          ))}
        </fieldset>
      ))}
      <TextArea
        {...field('description')}
        maxLength={REPORT_LIMITS.description}
        rows={6}
        required
        hint={t('signals.report.field.descriptionHint')}
      />
      <PictureFields
        name="photos"
        idPrefix="photo"
        legend={labels.photos}
        hint={t('signals.report.field.photosHint', { max: MAX_PHOTOS })}
        label={(number) => t('signals.report.field.photo', { number })}
        keptNote={(count) => t('signals.report.field.kept', { count })}
        max={MAX_PHOTOS}
        kept={view.kept}
        error={view.errors.photos}
      />
      <fieldset class="fieldset">
        <legend>{t('signals.report.contact')}</legend>
        <p class="hint">{t(view.signedIn ? 'signals.report.contactHintSignedIn' : 'signals.report.contactHint')}</p>
        <TextField {...field('name')} maxLength={REPORT_LIMITS.name} required={!view.signedIn} autocomplete="name" />
        {!view.signedIn && <TextField {...field('email')} type="email" maxLength={REPORT_LIMITS.email} required autocomplete="email" />}
        <TextField {...field('phone')} maxLength={REPORT_LIMITS.phone} autocomplete="tel" />
        <Checkbox name="show_name" value="1" checked={view.what.show_name === '1'} label={labels.show_name} error={view.errors.show_name} />
      </fieldset>
      {view.nearby ? (
        <button type="submit" name="step" value="send">
          {t('signals.report.send')}
        </button>
      ) : (
        <button type="submit" name="step" value="check">
          {t('signals.report.continue')}
        </button>
      )}{' '}
      <button type="submit" name="step" value="back" class="button--secondary">
        {t('signals.report.changePlace')}
      </button>
    </form>
  );
}

/** Before sending: the open reports of the same kind nearby, to add one's voice to instead. */
function Nearby({ view }: { view: ReportFormView }) {
  const { t } = usePage();
  const href = useHref();
  const nearby = view.nearby!;
  const category = view.choices.find((c) => String(c.category.id) === view.what.category)?.category;
  return (
    <section class="callout" aria-labelledby="nearby-heading">
      <h2 id="nearby-heading">{t('signals.report.nearby.title')}</h2>
      {nearby.length === 0 ? (
        <p>{t('signals.report.nearby.none', { metres: NEARBY_METRES })}</p>
      ) : (
        <>
          <p>{t('signals.report.nearby.lead', { metres: NEARBY_METRES })}</p>
          <ul class="nearby">
            {nearby.map((s) => {
              const title = `${category ? categoryName(t, category) : ''}${s.address ? `: ${s.address}` : ''}`;
              return (
                <li key={s.id}>
                  <a href={href(reportPath(s.id))}>{title}</a>{' '}
                  <span class="meta">
                    {t(`signals.state.${s.state}`)} · {t('common.date', { date: new Date(s.created_at) })} ·{' '}
                    {t('signals.page.meTooCount', { count: s.me_too })}
                  </span>
                  <p>{s.description.length > 160 ? `${s.description.slice(0, 159)}…` : s.description}</p>
                  {view.meToo.has(s.id) && (
                    <ButtonForm
                      action={href(`${reportPath(s.id)}/me-too`)}
                      csrfToken={view.csrfToken}
                      label={t('signals.page.meToo')}
                      hiddenLabel={title}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          {!view.signedIn && <p>{t('signals.report.nearby.signIn')}</p>}
        </>
      )}
      <p>{t('signals.report.nearby.send')}</p>
    </section>
  );
}
