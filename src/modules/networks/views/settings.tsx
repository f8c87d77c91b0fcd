import { POLICY_AREAS } from '../../../core/areas.ts';
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { logoFile } from '../../../core/logos.ts';
import {
  ButtonForm,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Notice,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { NETWORK_KINDS } from '../schema.ts';
import { type NetworkView, networkPath } from '../service/networks.ts';
import { FIRST_YEAR, SETTINGS_LIMITS, type SettingsForm } from '../service/settings.ts';
import { fullName } from './public.tsx';

/** The coordinators' pages of a network, linked from each of them. */
export function StaffNav({ network, current }: { network: NetworkView; current?: 'manage' | 'settings' | 'kinds' | 'report-form' }) {
  const { t } = usePage();
  const href = useHref();
  const base = networkPath(network);
  const pages = [
    ['manage', t('networks.manage.link')],
    ['settings', t('networks.settings.link')],
    ['kinds', t('networks.kinds.link')],
    ['report-form', t('networks.questions.link')],
  ] as const;
  return (
    <nav class="section-nav" aria-label={t('networks.staff.label')}>
      <ul>
        {pages.map(([page, label]) => (
          <li key={page}>
            <a href={href(`${base}/${page}`)} aria-current={page === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The message a coordinators' page shows after a change: saving says what every form says. */
export const noticeKey = (notice: string) => (notice === 'saved' ? 'form.saved' : `networks.notice.${notice}`);

/** A network's name, the way back to its page above a coordinators' page. */
export function NetworkCrumb({ network }: { network: NetworkView }) {
  const href = useHref();
  return (
    <p class="breadcrumb">
      <a href={href(networkPath(network))}>{fullName(network)}</a>
    </p>
  );
}

export interface SettingsView {
  network: NetworkView;
  form: SettingsForm;
  errors: FieldErrors;
  logoErrors: FieldErrors;
  csrfToken: string;
  notice?: string | undefined;
}

/** One language's name, acronym and description; the original language's cannot be removed. */
function LanguageTexts({ view, language }: { view: SettingsView; language: LanguageCode }) {
  const { t } = usePage();
  const { values, remove } = view.form;
  const original = language === view.network.original_language;
  const written = view.form.written.includes(language);
  const field = (name: string) => ({
    name: `${name}_${language}`,
    value: values[`${name}_${language}`],
    error: view.errors[`${name}_${language}`],
  });
  return (
    <fieldset class="fieldset" id={`texts-${language}`}>
      <legend>
        <span lang={language}>{LANGUAGES[language]}</span>
        {original && ` (${t('networks.settings.original')})`}
      </legend>
      <input type="hidden" name="languages" value={language} />
      {!written && !original && <p class="hint">{t('networks.settings.newLanguage')}</p>}
      <TextField {...field('name')} label={t('networks.settings.name')} required={written || original} maxLength={SETTINGS_LIMITS.name} />
      <TextField {...field('acronym')} label={t('networks.settings.acronym')} maxLength={SETTINGS_LIMITS.acronym} />
      <TextArea
        {...field('description')}
        label={t('networks.settings.description')}
        hint={t('networks.settings.descriptionHint')}
        maxLength={SETTINGS_LIMITS.description}
        rows={8}
      />
      {written && !original && (
        <div class="field field--checkbox">
          <input type="checkbox" id={`remove-${language}`} name="remove" value={language} checked={remove.includes(language)} />
          <label for={`remove-${language}`}>{t('networks.settings.remove')}</label>
        </div>
      )}
    </fieldset>
  );
}

/** The coordinators' form for what a network is: kind, year, website, areas, its texts per language, and its logo. */
export function SettingsPage({ view }: { view: SettingsView }) {
  const { t } = usePage();
  const href = useHref();
  const n = view.network;
  const action = href(`${networkPath(n)}/settings`);
  const { values, languages } = view.form;
  const year = new Date().getUTCFullYear();
  const labels: Record<string, string> = {
    kind: t('networks.kind.label'),
    founded_year: t('networks.settings.founded'),
    website: t('networks.website'),
    areas: t('networks.areas'),
  };
  for (const l of languages) {
    for (const f of ['name', 'acronym', 'description'] as const) {
      labels[`${f}_${l}`] = t('networks.settings.fieldIn', { field: t(`networks.settings.${f}`), language: LANGUAGES[l] });
    }
  }
  const addable = LANGUAGE_CODES.filter((l) => !languages.includes(l));
  return (
    <>
      <NetworkCrumb network={n} />
      <h1>{t('networks.settings.title')}</h1>
      <StaffNav network={n} current="settings" />
      {view.notice && <Notice>{t(noticeKey(view.notice))}</Notice>}
      <ErrorSummary errors={view.errors} labels={labels} />
      <form method="post" action={action} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <Select
          name="kind"
          label={labels.kind!}
          required
          value={values.kind}
          error={view.errors.kind}
          options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`networks.kind.${k}`) }))}
        />
        <TextField
          name="founded_year"
          label={labels.founded_year!}
          hint={t('networks.settings.foundedHint', { first: String(FIRST_YEAR), last: String(year) })}
          value={values.founded_year}
          error={view.errors.founded_year}
          maxLength={4}
        />
        <TextField
          name="website"
          type="url"
          label={labels.website!}
          value={values.website}
          error={view.errors.website}
          maxLength={SETTINGS_LIMITS.website}
        />
        <CheckboxGroup
          name="areas"
          legend={labels.areas!}
          options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          checked={new Set(view.form.areas)}
          error={view.errors.areas}
        />
        <h2 id="texts">{t('networks.settings.texts')}</h2>
        <p class="hint">{t('networks.settings.textsHint')}</p>
        {languages.map((l) => (
          <LanguageTexts key={l} view={view} language={l} />
        ))}
        {addable.length > 0 && (
          <div class="filters">
            <div class="field">
              <label for="language">{t('networks.settings.addLanguage')}</label>
              <p class="hint" id="language-hint">
                {t('networks.settings.addLanguageHint')}
              </p>
              <select id="language" name="language" form="add-language" aria-describedby="language-hint">
                {addable.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGES[l]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" form="add-language" class="button--secondary">
              {t('networks.settings.addLanguageButton')}
            </button>
          </div>
        )}
        <button type="submit">{t('form.save')}</button>
      </form>
      {/* The language picker above belongs to this form: it opens the page again with that language's fields. */}
      <form id="add-language" method="get" action={`${action}#texts`} />
      <LogoSection view={view} />
    </>
  );
}

function LogoSection({ view }: { view: SettingsView }) {
  const { t } = usePage();
  const href = useHref();
  const base = `${networkPath(view.network)}/logo`;
  const logo = view.network.logo;
  return (
    <section aria-labelledby="logo-heading">
      <h2 id="logo-heading">{t('networks.logo.title')}</h2>
      {logo ? (
        <p>
          <img class="network-logo" src={`/media/networks/${logoFile(logo, 320)}`} alt={t('networks.logo.current')} width="160" />
        </p>
      ) : (
        <p>{t('networks.logo.none')}</p>
      )}
      <ErrorSummary errors={view.logoErrors} labels={{ logo: t('networks.logo.file') }} />
      <form method="post" action={href(base)} enctype="multipart/form-data" class="form" aria-labelledby="logo-heading" noValidate>
        <CsrfField token={view.csrfToken} />
        <FileField
          name="logo"
          label={t('networks.logo.file')}
          hint={t('networks.logo.hint')}
          error={view.logoErrors.logo}
          accept="image/png,image/jpeg,image/webp"
          required
        />
        <button type="submit">{t('networks.logo.upload')}</button>
      </form>
      {logo && (
        <div class="actions">
          <ButtonForm action={href(`${base}/remove`)} csrfToken={view.csrfToken} label={t('networks.logo.remove')} secondary />
        </div>
      )}
    </section>
  );
}
