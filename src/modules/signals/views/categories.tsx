import { POLICY_AREAS } from '../../../core/areas.ts';
import {
  ButtonForm,
  Checkbox,
  CsrfField,
  type FieldErrors,
  formFields,
  Notice,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { DESTINATIONS, QUESTION_KINDS, type SignalCategory, type SignalQuestion } from '../schema.ts';
import { categoryDescription, categoryName } from '../service/categories.ts';
import { CATEGORY_LIMITS, QUESTION_LIMITS } from '../service/category-editing.ts';
import { TableHead } from './table.tsx';

export interface Town {
  id: number;
  name: string;
  /** The categories' address: /municipalities/{country}/{slug}/signals/categories. */
  base: string;
}

/** The town's categories: each with its area, where it goes and its questions; adopting the defaults. */
export function CategoriesPage(p: {
  town: Town;
  categories: (SignalCategory & { questions: number })[];
  csrfToken: string;
  notice?: string | undefined;
}) {
  const { t } = usePage();
  const href = useHref();
  const head = ['name', 'code', 'area', 'destination', 'questions'].map((c) => t(`signals.categories.list.${c}`));
  return (
    <>
      <h1>{t('signals.categories.title', { town: p.town.name })}</h1>
      {p.notice && <Notice>{t(`signals.categories.notice.${p.notice}`)}</Notice>}
      <p class="lead">{t('signals.categories.lead')}</p>
      {p.categories.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('signals.categories.title', { town: p.town.name })}</caption>
            <TableHead columns={head} />
            <tbody>
              {p.categories.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={href(`${p.town.base}/${c.id}`)}>{categoryName(t, c)}</a>
                    {c.active === 0 && (
                      <>
                        {' '}
                        <span class="tag">{t('signals.categories.inactive')}</span>
                      </>
                    )}
                  </th>
                  <td data-label={head[1]}>
                    <code>{c.code}</code>
                  </td>
                  <td data-label={head[2]}>{c.area ? t(`area.${c.area}`) : ''}</td>
                  <td data-label={head[3]}>
                    {c.destination === 'email' ? `${c.body_name ?? ''} <${c.body_email ?? ''}>` : t('signals.categories.destination.inbox')}
                  </td>
                  <td data-label={head[4]}>{c.questions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('signals.categories.none')}</p>
      )}
      <div class="actions">
        <a class="button" href={href(`${p.town.base}/new`)}>
          {t('signals.categories.add')}
        </a>
        <form method="post" action={href(`${p.town.base}/defaults`)} class="button-form">
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="adopt" value="defaults" />
          <button type="submit" class="button--secondary">
            {t('signals.categories.adopt')}
          </button>
        </form>
      </div>
      <p class="hint">{t('signals.categories.adoptHint')}</p>
      <p>
        <a href={href(`/signals/inbox?town=${p.town.id}`)}>{t('signals.manage.inbox')}</a>
      </p>
    </>
  );
}

function categoryLabels(t: (key: string) => string) {
  const names = ['code', 'name', 'description', 'area', 'destination', 'body_name', 'body_email', 'active', 'position'];
  return Object.fromEntries(names.map((f) => [f, t(`signals.categories.field.${f}`)]));
}

/** Adding or changing a category; a default's empty name and description keep the portal's translated text. */
export function CategoryFormPage(p: {
  town: Town;
  category?: SignalCategory | undefined;
  questions: SignalQuestion[];
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  csrfToken: string;
  codeFixed: boolean;
  notice?: string | undefined;
}) {
  const { t } = usePage();
  const href = useHref();
  const labels = categoryLabels(t);
  const field = formFields(labels, p.values, p.errors);
  const c = p.category;
  const title = c ? t('signals.categories.edit', { name: categoryName(t, c) }) : t('signals.categories.add');
  const action = href(c ? `${p.town.base}/${c.id}` : `${p.town.base}/new`);
  return (
    <>
      {p.notice && <Notice>{t(`signals.categories.notice.${p.notice}`)}</Notice>}
      <FormPage
        title={title}
        lead={<p>{t('signals.categories.formLead', { town: p.town.name })}</p>}
        action={action}
        csrfToken={p.csrfToken}
        errors={p.errors}
        labels={labels}
        submit={t('form.save')}
        after={c ? <Questions town={p.town} category={c} questions={p.questions} csrfToken={p.csrfToken} /> : undefined}
      >
        <TextField
          {...field('code')}
          required
          maxLength={CATEGORY_LIMITS.code}
          hint={t(p.codeFixed ? 'signals.categories.hint.codeFixed' : 'signals.categories.hint.code')}
        />
        <TextField
          {...field('name')}
          required={!c?.default_key}
          maxLength={CATEGORY_LIMITS.name}
          hint={
            c?.default_key
              ? t('signals.categories.hint.default', { text: categoryName(t, { name: null, default_key: c.default_key }) })
              : undefined
          }
        />
        <TextArea
          {...field('description')}
          maxLength={CATEGORY_LIMITS.description}
          rows={3}
          hint={
            c?.default_key
              ? t('signals.categories.hint.default', { text: categoryDescription(t, { description: null, default_key: c.default_key }) })
              : undefined
          }
        />
        <Select
          {...field('area')}
          options={[
            { value: '', label: t('signals.categories.noArea') },
            ...POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) })),
          ]}
        />
        <Select
          {...field('destination')}
          required
          options={DESTINATIONS.map((d) => ({ value: d, label: t(`signals.categories.destination.${d}`) }))}
        />
        <TextField {...field('body_name')} maxLength={CATEGORY_LIMITS.body_name} hint={t('signals.categories.hint.body')} />
        <TextField {...field('body_email')} type="email" maxLength={CATEGORY_LIMITS.body_email} autocomplete="off" />
        <Checkbox name="active" value="1" checked={p.values.active === '1'} label={labels.active} error={p.errors.active} />
        <TextField {...field('position')} maxLength={CATEGORY_LIMITS.position} hint={t('signals.categories.hint.position')} />
      </FormPage>
    </>
  );
}

/** A category's extra questions, each to change or remove, and a link to add one. */
function Questions(p: { town: Town; category: SignalCategory; questions: SignalQuestion[]; csrfToken: string }) {
  const { t } = usePage();
  const href = useHref();
  const base = `${p.town.base}/${p.category.id}/questions`;
  return (
    <section id="questions" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('signals.categories.question.title')}</h2>
      <p>{t('signals.categories.question.lead')}</p>
      {p.questions.length ? (
        <ul>
          {p.questions.map((q) => (
            <li key={q.id}>
              <a href={href(`${base}/${q.id}`)}>{q.label}</a> <code>{q.code}</code>{' '}
              <span class="meta">
                {t(`signals.categories.question.kind.${q.kind}`)}
                {q.required ? ` · ${t('signals.categories.question.isRequired')}` : ''}
              </span>
              <ButtonForm
                action={href(`${base}/${q.id}/remove`)}
                csrfToken={p.csrfToken}
                label={t('signals.categories.question.remove')}
                hiddenLabel={q.label}
                secondary
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('signals.categories.question.none')}</p>
      )}
      <p>
        <a class="button button--secondary" href={href(`${base}/new`)}>
          {t('signals.categories.question.add')}
        </a>
      </p>
      <p>
        <a href={href(p.town.base)}>{t('signals.categories.back')}</a>
      </p>
    </section>
  );
}

/** Adding or changing one extra question of a category. */
export function QuestionFormPage(p: {
  town: Town;
  category: SignalCategory;
  question?: SignalQuestion | undefined;
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const names = ['code', 'kind', 'label', 'description', 'required', 'options'];
  const labels = Object.fromEntries(names.map((f) => [f, t(`signals.categories.question.field.${f}`)]));
  const field = formFields(labels, p.values, p.errors);
  const base = `${p.town.base}/${p.category.id}/questions`;
  return (
    <FormPage
      title={p.question ? t('signals.categories.question.edit', { label: p.question.label }) : t('signals.categories.question.add')}
      lead={<p>{t('signals.categories.question.of', { category: categoryName(t, p.category) })}</p>}
      action={href(p.question ? `${base}/${p.question.id}` : `${base}/new`)}
      csrfToken={p.csrfToken}
      errors={p.errors}
      labels={labels}
      submit={t('form.save')}
      after={
        <p>
          <a href={href(`${p.town.base}/${p.category.id}`)}>{t('signals.categories.question.back')}</a>
        </p>
      }
    >
      <TextField {...field('code')} required maxLength={QUESTION_LIMITS.code} hint={t('signals.categories.hint.code')} />
      <Select
        {...field('kind')}
        required
        options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`signals.categories.question.kind.${k}`) }))}
      />
      <TextField {...field('label')} required maxLength={QUESTION_LIMITS.label} />
      <TextArea {...field('description')} maxLength={QUESTION_LIMITS.description} rows={2} />
      <Checkbox name="required" value="1" checked={p.values.required === '1'} label={labels.required} error={p.errors.required} />
      <TextArea {...field('options')} maxLength={QUESTION_LIMITS.options} rows={5} hint={t('signals.categories.question.hint.options')} />
    </FormPage>
  );
}
