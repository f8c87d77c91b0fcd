import { COMPLETE_LANGUAGES, LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { type FieldError, Select } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/context.ts';

/** The language a text is written in, the complete ones first. */
export function LanguageSelect(p: { name: string; label: string; value: string | undefined; error: FieldError | undefined }) {
  const { t } = usePage();
  const rest = LANGUAGE_CODES.filter((l) => !COMPLETE_LANGUAGES.includes(l));
  const options = [...COMPLETE_LANGUAGES, ...rest].map((l) => ({ value: l, label: LANGUAGES[l] }));
  return <Select {...p} hint={t('projects.form.languageHint')} required options={options} />;
}
