import { LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { CsrfField, ErrorSummary, type FieldErrors, FileField, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Municipality } from '../schema.ts';
import { DESCRIPTION_LIMIT, SOCIAL } from '../schema.ts';
import { IMAGE_KINDS } from '../service/images.ts';
import { profilePath } from './common.tsx';

export function EditProfilePage({
  m,
  values,
  errors,
  imageErrors = {},
  csrfToken,
  descriptionLanguages,
}: {
  m: Municipality;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  imageErrors?: FieldErrors;
  csrfToken: string;
  descriptionLanguages: string[];
}) {
  const { t } = usePage();
  const href = useHref();
  const chosen = new Set((values.languages ?? '').split(',').filter(Boolean));
  const labels: Record<string, string> = {
    name: t('municipalities.edit.name'),
    native_name: t('municipalities.edit.nativeName'),
    population: t('municipalities.populationLabel'),
    website: t('municipalities.edit.website'),
    email: t('municipalities.edit.email'),
    phone: t('municipalities.edit.phone'),
    address: t('municipalities.edit.address'),
    region_name: t('municipalities.region'),
    latitude: t('map.latitude'),
    longitude: t('map.longitude'),
    mayor_name: t('municipalities.edit.mayorName'),
    mayor_since: t('municipalities.edit.mayorSince'),
    languages: t('municipalities.edit.languages'),
    ...Object.fromEntries(SOCIAL.map((s) => [`social_${s}`, t(`municipalities.social.${s}`)])),
    ...Object.fromEntries(
      LANGUAGE_CODES.map((l) => [`description_${l}`, t('municipalities.edit.description', { language: LANGUAGES[l] })]),
    ),
  };
  return (
    <article class="prose">
      <h1>{t('municipalities.edit.title', { name: m.name })}</h1>
      <p class="lead">
        {t('municipalities.edit.lead')} <a href={href(`${profilePath(m)}/history`)}>{t('municipalities.history.title')}</a>
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={href(`${profilePath(m)}/edit`)} class="form" noValidate>
        <CsrfField token={csrfToken} />
        <TextField name="name" label={labels.name!} required value={values.name} error={errors.name} maxLength={200} />
        <TextField name="native_name" label={labels.native_name!} value={values.native_name} error={errors.native_name} maxLength={200} />
        <TextField
          name="population"
          label={labels.population!}
          required
          value={values.population}
          error={errors.population}
          maxLength={9}
        />
        <TextField name="region_name" label={labels.region_name!} value={values.region_name} error={errors.region_name} maxLength={200} />
        <fieldset class="fieldset">
          <legend>{t('municipalities.edit.location')}</legend>
          <p class="hint">{t('municipalities.edit.locationHint')}</p>
          <TextField name="latitude" label={labels.latitude!} value={values.latitude} error={errors.latitude} maxLength={20} />
          <TextField name="longitude" label={labels.longitude!} value={values.longitude} error={errors.longitude} maxLength={20} />
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('municipalities.edit.mayor')}</legend>
          <TextField name="mayor_name" label={labels.mayor_name!} value={values.mayor_name} error={errors.mayor_name} maxLength={160} />
          <TextField
            name="mayor_since"
            label={labels.mayor_since!}
            hint={t('municipalities.edit.mayorSinceHint')}
            value={values.mayor_since}
            error={errors.mayor_since}
            maxLength={10}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('municipalities.edit.contacts')}</legend>
          <TextField name="website" type="url" label={labels.website!} value={values.website} error={errors.website} maxLength={300} />
          <TextField name="email" type="email" label={labels.email!} value={values.email} error={errors.email} maxLength={254} />
          <TextField name="phone" label={labels.phone!} value={values.phone} error={errors.phone} maxLength={40} autocomplete="tel" />
          <TextField name="address" label={labels.address!} value={values.address} error={errors.address} maxLength={300} />
          {SOCIAL.map((s) => (
            <TextField
              key={s}
              name={`social_${s}`}
              type="url"
              label={labels[`social_${s}`]!}
              value={values[`social_${s}`]}
              error={errors[`social_${s}`]}
              maxLength={300}
            />
          ))}
        </fieldset>
        <fieldset class="fieldset" id="languages">
          <legend>{labels.languages}</legend>
          <p class="hint">{t('municipalities.edit.languagesHint')}</p>
          <div class="checkbox-grid">
            {LANGUAGE_CODES.map((code) => (
              <div key={code} class="checkbox-item">
                <input type="checkbox" id={`languages-${code}`} name="languages" value={code} checked={chosen.has(code)} />
                <label for={`languages-${code}`} lang={code}>
                  {LANGUAGES[code]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {descriptionLanguages.map((l) => (
          <TextArea
            key={l}
            name={`description_${l}`}
            label={labels[`description_${l}`]!}
            value={values[`description_${l}`]}
            error={errors[`description_${l}`]}
            maxLength={DESCRIPTION_LIMIT}
            rows={6}
          />
        ))}
        <button type="submit">{t('form.save')}</button>
      </form>
      <h2 id="images-heading">{t('municipalities.images.title')}</h2>
      <ErrorSummary errors={imageErrors} labels={{ kind: t('municipalities.images.kind'), image: t('municipalities.images.file') }} />
      <form
        method="post"
        action={href(`${profilePath(m)}/images`)}
        enctype="multipart/form-data"
        class="form"
        aria-labelledby="images-heading"
        noValidate
      >
        <CsrfField token={csrfToken} />
        <Select
          name="kind"
          label={t('municipalities.images.kind')}
          required
          error={imageErrors.kind}
          options={IMAGE_KINDS.map((k) => ({ value: k, label: t(`municipalities.images.${k}`) }))}
        />
        <FileField
          name="image"
          label={t('municipalities.images.file')}
          hint={t('municipalities.images.hint')}
          error={imageErrors.image}
          accept="image/png,image/jpeg,image/webp"
          required
        />
        <button type="submit">{t('municipalities.images.submit')}</button>
      </form>
    </article>
  );
}

export interface HistoryEntry {
  id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  created_at: string;
  who: string | null | undefined;
}

export function HistoryPage({ m, entries }: { m: Municipality; entries: HistoryEntry[] }) {
  const { t } = usePage();
  const href = useHref();
  const who = (e: HistoryEntry) => (e.who === undefined ? t('common.system') : (e.who ?? t('common.deletedAccount')));
  return (
    <article>
      <h1>{t('municipalities.history.heading', { name: m.name })}</h1>
      <p>
        <a href={href(profilePath(m))}>{t('municipalities.history.back')}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t('municipalities.history.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('common.when')}</th>
                <th scope="col">{t('common.who')}</th>
                <th scope="col">{t('municipalities.history.field')}</th>
                <th scope="col">{t('municipalities.history.before')}</th>
                <th scope="col">{t('municipalities.history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('common.when')}>{t('common.dateTime', { date: new Date(e.created_at) })}</td>
                  <td data-label={t('common.who')}>{who(e)}</td>
                  <td data-label={t('municipalities.history.field')}>
                    <code>{e.field}</code>
                  </td>
                  <td data-label={t('municipalities.history.before')}>{e.old_value ?? '–'}</td>
                  <td data-label={t('municipalities.history.after')}>{e.new_value ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
