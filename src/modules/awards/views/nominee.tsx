import { CsrfField, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { NominationView, Reason } from '../schema.ts';
import { MATERIAL_LIMITS } from '../service/inputs.ts';
import type { CategoryPageView } from './category.tsx';
import { paragraphs } from './common.tsx';

export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = usePage();
  if (!reasons.length) return null;
  return (
    <ul class="reasons">
      {reasons.map((r) => (
        <li key={r.id}>
          <strong>{t(r.kind === 'material' ? 'awards.material' : 'awards.reason')}:</strong>{' '}
          {paragraphs(r.body).map((p) => (
            <span key={p}>{p} </span>
          ))}
          {r.url && (
            <a href={r.url} rel="nofollow ugc noopener">
              {r.url}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MaterialForm({ view, n }: { view: CategoryPageView; n: NominationView }) {
  const { t } = usePage();
  const href = useHref();
  const mine = view.form.which === `material-${n.id}`;
  const errors = mine ? view.form.errors : {};
  const v = mine ? view.form.values : {};
  return (
    <form method="post" action={href(`/awards/${view.edition.slug}/${view.category.slug}/nominations/${n.id}/material`)} class="form">
      <CsrfField token={view.csrfToken} />
      <TextArea
        id={`body-${n.id}`}
        name="body"
        label={t('awards.material.body')}
        value={v.body as string | undefined}
        error={errors.body}
        maxLength={MATERIAL_LIMITS.body}
        rows={3}
      />
      <TextField
        id={`url-${n.id}`}
        name="url"
        type="url"
        label={t('awards.material.url')}
        value={v.url as string | undefined}
        error={errors.url}
        maxLength={MATERIAL_LIMITS.url}
      />
      <button type="submit">{t('awards.material.add')}</button>
    </form>
  );
}
