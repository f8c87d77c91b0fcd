import { type FieldErrors, formFields, Select, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { LIMITS, ORGANISATION_KINDS } from '../schema.ts';

export interface OrganisationView {
  id: number;
  name: string;
  kind: string;
  website: string | null;
  description: string | null;
}

export function OrganisationPage({ org, canEdit }: { org: OrganisationView; canEdit: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <article class="prose">
      <p class="result-kind">{t(`accounts.org.kind.${org.kind}`)}</p>
      <h1>{org.name}</h1>
      {org.description && <p>{org.description}</p>}
      {org.website && (
        <p>
          <a href={org.website} rel="nofollow noopener">
            {org.website}
          </a>
        </p>
      )}
      {canEdit && (
        <ul class="form-links">
          <li>
            <a href={href(`/organisations/${org.id}/edit`)}>{t('accounts.org.edit')}</a>
          </li>
          <li>
            <a href={href(`/team/organisation/${org.id}`)}>{t('accounts.team.manage')}</a>
          </li>
        </ul>
      )}
    </article>
  );
}

export function OrganisationFormPage({
  id,
  values,
  errors,
  csrfToken,
}: {
  id?: number;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const labels = {
    name: t('accounts.org.name'),
    kind: t('accounts.org.kindLabel'),
    website: t('accounts.org.website'),
    description: t('accounts.org.description'),
  };
  const field = formFields(labels, values, errors);
  return (
    <FormPage
      title={id ? t('accounts.org.edit') : t('accounts.org.create')}
      lead={id ? undefined : <p>{t('accounts.org.lead')}</p>}
      action={href(id ? `/organisations/${id}/edit` : '/organisations/new')}
      csrfToken={csrfToken}
      errors={errors}
      labels={labels}
      submit={id ? t('form.save') : t('accounts.org.create')}
    >
      <TextField {...field('name')} required maxLength={LIMITS.orgName} autocomplete="organization" />
      <Select {...field('kind')} required options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`accounts.org.kind.${k}`) }))} />
      <TextField {...field('website')} type="url" maxLength={LIMITS.website} />
      <TextArea {...field('description')} maxLength={LIMITS.description} />
    </FormPage>
  );
}
