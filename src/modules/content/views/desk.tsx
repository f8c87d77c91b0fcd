import { LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import {
  ButtonForm,
  Checkbox,
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
import { CONTENT_TYPES, type ContentItem, type ContentType, LIMITS, POLICY_AREAS, type State } from '../schema.ts';
import { deskPath, itemPath } from '../service/paths.ts';
import { languageName } from './cards.tsx';
import { formatWhen } from './dates.ts';

export interface DeskRow {
  item: ContentItem;
  title: string;
  state: State;
  owner: string;
  languages: string[];
}

export function DeskPage({ rows, page, more, notice }: { rows: DeskRow[]; page: number; more: boolean; notice?: string }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <>
      <h1>{t('content.desk.title')}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      <p class="lead">{t('content.desk.lead')}</p>
      <ul class="form-links">
        {CONTENT_TYPES.map((type) => (
          <li key={type}>
            <a class="button" href={href(`/newsroom/new?type=${type}`)}>
              {t(`content.desk.new.${type}`)}
            </a>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p>{t('content.desk.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('content.desk.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('content.field.title')}</th>
                <th scope="col">{t('content.typeLabel')}</th>
                <th scope="col">{t('content.desk.owner')}</th>
                <th scope="col">{t('content.desk.state')}</th>
                <th scope="col">{t('content.desk.languages')}</th>
                <th scope="col">{t('content.desk.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.item.id}>
                  <td data-label={t('content.field.title')}>
                    <a href={href(`${deskPath(r.item)}/edit`)}>{r.title}</a>
                  </td>
                  <td data-label={t('content.typeLabel')}>{t(`content.type.${r.item.type}`)}</td>
                  <td data-label={t('content.desk.owner')}>{r.owner}</td>
                  <td data-label={t('content.desk.state')}>
                    {t(`content.state.${r.state}`)}
                    {r.state === 'scheduled' && r.item.published_at && <> ({formatWhen(lang, r.item.published_at, null)})</>}
                  </td>
                  <td data-label={t('content.desk.languages')}>{r.languages.map((l) => l.toUpperCase()).join(' ')}</td>
                  <td data-label={t('content.desk.updated')}>{formatWhen(lang, r.item.updated_at, null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || more) && (
        <nav class="pagination" aria-label={t('pager.label')}>
          {page > 1 && (
            <a href={href(`/newsroom?page=${page - 1}`)} rel="prev">
              {t('pager.previous')}
            </a>
          )}
          {more && (
            <a href={href(`/newsroom?page=${page + 1}`)} rel="next">
              {t('pager.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

export interface EditorView {
  type: ContentType;
  /** Absent while creating. */
  item?: ContentItem;
  state?: State;
  language: string;
  /** Texts are being written in the item's original language: the details are edited too. */
  original: boolean;
  owners: { value: string; label: string }[];
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  csrfToken: string;
  languages: string[];
  /** The original texts, shown beside a translation. */
  reference?: { title: string; summary: string; language: string };
  publishErrors?: FieldErrors;
  notice?: string;
}

export function EditorPage({ view }: { view: EditorView }) {
  const { t } = usePage();
  const href = useHref();
  const { values: v, errors, type, item } = view;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const areas = new Set(Array.isArray(v.areas) ? v.areas : v.areas ? [v.areas] : []);
  const labels: Record<string, string> = {
    owner: t('content.desk.owner'),
    language: t('content.languageLabel'),
    type: t('content.typeLabel'),
    title: t('content.field.title'),
    summary: t('content.field.summary'),
    body: t('content.field.body'),
    image: t('content.field.image'),
    image_alt: t('content.field.imageAlt'),
    areas: t('content.areaLabel'),
    tags: t('content.tags'),
    starts_at: t('content.field.startsAt'),
    ends_at: t('content.field.endsAt'),
    time_zone: t('content.field.timeZone'),
    venue_name: t('content.field.venueName'),
    venue_address: t('content.field.venueAddress'),
    latitude: t('map.latitude'),
    longitude: t('map.longitude'),
    online_url: t('content.field.online'),
    organiser: t('content.field.organiser'),
    capacity: t('content.field.capacity'),
    deadline: t('content.field.deadline'),
    goal: t('content.field.goal'),
    problem: t('content.field.problem'),
    solution: t('content.field.solution'),
    results: t('content.field.results'),
    cost: t('content.field.cost'),
    reuse: t('content.field.reuse'),
    contact: t('content.field.contact'),
  };
  const action = item ? href(`${deskPath(item)}/edit?language=${view.language}`) : href('/newsroom/new');
  const heading = item ? t('content.desk.editTitle', { language: languageName(view.language) }) : t(`content.desk.new.${type}`);
  const field = (name: string, max: number, opts: { required?: boolean; hint?: string; type?: 'url' | 'date' | 'datetime-local' } = {}) => (
    <TextField name={name} label={labels[name]!} value={str(name)} error={errors[name]} maxLength={max} {...opts} />
  );
  const area = (name: string, max: number, rows: number, required = false, hint?: string) => (
    <TextArea
      name={name}
      label={labels[name]!}
      value={str(name)}
      error={errors[name]}
      maxLength={max}
      rows={rows}
      required={required}
      hint={hint}
    />
  );
  return (
    <article>
      <h1>{heading}</h1>
      {view.notice && <Notice>{t(view.notice)}</Notice>}
      {item && <DeskNav item={item} state={view.state!} language={view.language} languages={view.languages} />}
      {item && <PublishPanel item={item} state={view.state!} csrfToken={view.csrfToken} errors={view.publishErrors ?? {}} />}
      {view.reference && (
        <aside class="callout" aria-labelledby="reference-heading">
          <h2 id="reference-heading">{t('content.desk.original', { language: languageName(view.reference.language) })}</h2>
          <p lang={view.reference.language}>
            <strong>{view.reference.title}</strong>
          </p>
          <p lang={view.reference.language}>{view.reference.summary}</p>
        </aside>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} enctype="multipart/form-data" class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        {!item && (
          <>
            <input type="hidden" name="type" value={type} />
            <Select name="owner" label={labels.owner!} required value={str('owner')} error={errors.owner} options={view.owners} />
            <Select
              name="language"
              label={t('content.desk.writtenIn')}
              required
              value={str('language')}
              error={errors.language}
              options={LANGUAGE_CODES.map((l) => ({ value: l, label: LANGUAGES[l] }))}
            />
          </>
        )}
        {field('title', LIMITS.title, { required: true })}
        {area('summary', LIMITS.summary, 3, true, t('content.hint.summary'))}
        {area('body', LIMITS.body, 14, false, t('content.hint.body'))}
        {type === 'initiative' && area('goal', LIMITS.goal, 3, true)}
        {type === 'practice' && (
          <>
            {area('problem', LIMITS.problem, 5, true)}
            {area('solution', LIMITS.solution, 5, true)}
            {area('results', LIMITS.results, 5, true)}
            {field('cost', LIMITS.cost)}
            {field('reuse', LIMITS.reuse, { hint: t('content.hint.reuse') })}
          </>
        )}
        {view.original && (
          <FileField
            name="image"
            label={labels.image!}
            hint={t('content.hint.image')}
            error={errors.image}
            accept="image/png,image/jpeg,image/webp"
          />
        )}
        {field('image_alt', LIMITS.image_alt, { hint: t('content.hint.imageAlt') })}
        {view.original && (
          <>
            <fieldset class="fieldset" id="areas" aria-describedby={errors.areas ? 'areas-error' : undefined}>
              <legend>{labels.areas}</legend>
              {errors.areas && (
                <p class="field-error" id="areas-error">
                  <span class="visually-hidden">{t('form.errorPrefix')} </span>
                  {t(errors.areas.key, errors.areas.values)}
                </p>
              )}
              <div class="checkbox-grid">
                {POLICY_AREAS.map((a) => (
                  <div key={a} class="checkbox-item">
                    <input type="checkbox" id={`areas-${a}`} name="areas" value={a} checked={areas.has(a)} />
                    <label for={`areas-${a}`}>{t(`area.${a}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            {field('tags', LIMITS.tags, { hint: t('content.hint.tags') })}
            {type === 'event' && (
              <fieldset class="fieldset">
                <legend>{t('content.desk.eventDetails')}</legend>
                {field('starts_at', 20, { required: true, type: 'datetime-local' })}
                {field('ends_at', 20, { type: 'datetime-local' })}
                <Checkbox name="all_day" value="on" label={t('content.field.allDay')} checked={str('all_day') === 'on'} />
                {field('time_zone', 64, { hint: t('content.hint.timeZone') })}
                {field('venue_name', LIMITS.venue_name, { hint: t('content.hint.venue') })}
                {field('venue_address', LIMITS.venue_address)}
                {field('latitude', 20)}
                {field('longitude', 20)}
                {field('online_url', LIMITS.online_url, { type: 'url' })}
                {field('organiser', LIMITS.organiser)}
                <Checkbox name="registration" value="on" label={t('content.field.registration')} checked={str('registration') === 'on'} />
                {field('capacity', 6, { hint: t('content.hint.capacity') })}
              </fieldset>
            )}
            {type === 'initiative' && field('deadline', 10, { required: true, type: 'date' })}
            {type === 'practice' && area('contact', LIMITS.contact, 3)}
          </>
        )}
        <button type="submit">{t('content.desk.saveDraft')}</button>
      </form>
    </article>
  );
}

function DeskNav({ item, state, language, languages }: { item: ContentItem; state: State; language: string; languages: string[] }) {
  const { t } = usePage();
  const href = useHref();
  const missing = LANGUAGE_CODES.filter((l) => !languages.includes(l));
  return (
    <>
      <p class="meta">
        {t('content.desk.stateIs', { state: t(`content.state.${state}`) })} · {t(`content.type.${item.type}`)}
      </p>
      <ul class="form-links">
        <li>
          <a href={href(`${deskPath(item)}/preview?language=${language}`)}>{t('content.desk.preview')}</a>
        </li>
        {state === 'published' && (
          <li>
            <a href={href(itemPath(item))}>{t('content.desk.view')}</a>
          </li>
        )}
        <li>
          <a href={href(`${deskPath(item)}/history`)}>{t('content.desk.history')}</a>
        </li>
        {item.capacity !== null && (
          <li>
            <a href={href(`${deskPath(item)}/registrations`)}>{t('content.desk.registrations')}</a>
          </li>
        )}
        <li>
          <a href={href('/newsroom')}>{t('content.desk.back')}</a>
        </li>
      </ul>
      <nav aria-label={t('content.desk.translations')}>
        <h2>{t('content.desk.translations')}</h2>
        <ul class="form-links">
          {languages.map((l) => (
            <li key={l}>
              <a href={href(`${deskPath(item)}/edit?language=${l}`)} aria-current={l === language ? 'page' : undefined} lang={l}>
                {languageName(l)}
                {l === item.original_language ? ` (${t('content.desk.originalShort')})` : ''}
              </a>
            </li>
          ))}
        </ul>
        {missing.length > 0 && (
          <form method="get" action={href(`${deskPath(item)}/edit`)} class="filters">
            <div class="field">
              <label for="add-language">{t('content.desk.addTranslation')}</label>
              <select id="add-language" name="language">
                {missing.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGES[l]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button--secondary">
              {t('content.desk.translate')}
            </button>
          </form>
        )}
      </nav>
    </>
  );
}

function PublishPanel({ item, state, csrfToken, errors }: { item: ContentItem; state: State; csrfToken: string; errors: FieldErrors }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section class="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('content.desk.publication')}</h2>
      <ErrorSummary
        errors={errors}
        labels={{
          publish_at: t('content.field.publishAt'),
          time_zone: t('content.field.timeZone'),
          when: t('content.desk.publication'),
        }}
      />
      {state !== 'published' && (
        <ButtonForm action={href(`${deskPath(item)}/publish?when=now`)} csrfToken={csrfToken} label={t('content.desk.publishNow')} />
      )}
      <form method="post" action={href(`${deskPath(item)}/publish`)} class="form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="when" value="later" />
        <TextField
          name="publish_at"
          type="datetime-local"
          label={t('content.field.publishAt')}
          error={errors.publish_at}
          maxLength={20}
          required
        />
        <TextField
          name="time_zone"
          label={t('content.field.timeZone')}
          value={item.time_zone ?? 'Europe/Brussels'}
          error={errors.time_zone}
          maxLength={64}
          hint={t('content.hint.timeZone')}
        />
        <button type="submit" class="button--secondary">
          {t('content.desk.schedule')}
        </button>
      </form>
      {(state === 'published' || state === 'scheduled') && (
        <ButtonForm action={href(`${deskPath(item)}/unpublish`)} csrfToken={csrfToken} label={t('content.desk.unpublish')} secondary />
      )}
    </section>
  );
}

export interface RevisionRow {
  id: number;
  language: string;
  created_at: string;
  who: string;
}

export function RevisionsPage({
  item,
  title,
  revisions,
  csrfToken,
}: {
  item: ContentItem;
  title: string;
  revisions: RevisionRow[];
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('content.desk.historyOf', { title })}</h1>
      <p>
        <a href={href(`${deskPath(item)}/edit`)}>{t('content.desk.backToEdit')}</a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('content.desk.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.when')}</th>
              <th scope="col">{t('common.who')}</th>
              <th scope="col">{t('content.languageLabel')}</th>
              <th scope="col">{t('content.desk.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr key={r.id}>
                <td data-label={t('common.when')}>{formatWhen(lang, r.created_at, null)}</td>
                <td data-label={t('common.who')}>{r.who}</td>
                <td data-label={t('content.languageLabel')}>{languageName(r.language)}</td>
                <td data-label={t('content.desk.actions')}>
                  {i === 0 ? (
                    t('content.desk.current')
                  ) : (
                    <ButtonForm
                      action={href(`${deskPath(item)}/history/${r.id}/restore`)}
                      csrfToken={csrfToken}
                      label={t('content.desk.restore')}
                      secondary
                      hiddenLabel={formatWhen(lang, r.created_at, null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

export function RegistrantsPage({
  item,
  title,
  rows,
}: {
  item: ContentItem;
  title: string;
  rows: { name: string; email: string; status: string; created_at: string }[];
}) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <article>
      <h1>{t('content.desk.registrantsOf', { title })}</h1>
      <p class="form-links">
        <a href={href(`${deskPath(item)}/edit`)}>{t('content.desk.backToEdit')}</a>{' '}
        <a href={href(`${deskPath(item)}/registrations.csv`)} download>
          {t('content.desk.exportCsv')}
        </a>
      </p>
      <p>
        {t('content.desk.registrantCounts', {
          confirmed: rows.filter((r) => r.status === 'confirmed').length,
          waiting: rows.filter((r) => r.status === 'waiting').length,
        })}
      </p>
      {rows.length === 0 ? (
        <p>{t('content.desk.noRegistrants')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{t('content.desk.registrations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('content.register.name')}</th>
                <th scope="col">{t('content.register.email')}</th>
                <th scope="col">{t('content.desk.state')}</th>
                <th scope="col">{t('common.when')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td data-label={t('content.register.name')}>{r.name}</td>
                  <td data-label={t('content.register.email')}>{r.email}</td>
                  <td data-label={t('content.desk.state')}>{t(`content.registration.${r.status}`)}</td>
                  <td data-label={t('common.when')}>{formatWhen(lang, r.created_at, null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
