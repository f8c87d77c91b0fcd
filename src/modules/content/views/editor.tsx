import { LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import { ButtonForm, CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { ContentItem, ContentType, State } from '../schema.ts';
import { deskPath, itemPath } from '../service/paths.ts';
import { languageName } from './cards.tsx';
import { EditorFields, type MapTiles, TimeZoneSelect } from './sections.tsx';

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
  /** The zone of the owner's town: what an event's time zone starts as. */
  zone: string;
  map: MapTiles;
  /** The original texts, shown beside a translation. */
  reference?: { title: string; summary: string; language: string };
  publishErrors?: FieldErrors;
  notice?: string;
}

/** What the editor page loads beside the portal's own: Leaflet for the place picker, the form's enhancements. */
export const EDITOR_ASSETS = {
  styles: ['/static/vendor/leaflet/leaflet.css'],
  scripts: ['/static/vendor/leaflet/leaflet.js', '/static/editor.js'],
};

export function EditorPage({ view }: { view: EditorView }) {
  const { t } = usePage();
  const href = useHref();
  const { item, type } = view;
  const action = item ? href(`${deskPath(item)}/edit?language=${view.language}`) : href('/newsroom/new');
  const heading = item ? t('content.desk.editTitle', { language: languageName(view.language) }) : t(`content.desk.new.${type}`);
  return (
    <article>
      <h1>{heading}</h1>
      {view.notice && <Notice>{t(view.notice)}</Notice>}
      {item && <DeskNav item={item} state={view.state!} language={view.language} languages={view.languages} />}
      {item && (
        <PublishPanel item={item} state={view.state!} csrfToken={view.csrfToken} errors={view.publishErrors ?? {}} zone={view.zone} />
      )}
      {view.reference && (
        <aside class="callout" aria-labelledby="reference-heading">
          <h2 id="reference-heading">{t('content.desk.original', { language: languageName(view.reference.language) })}</h2>
          <p lang={view.reference.language}>
            <strong>{view.reference.title}</strong>
          </p>
          <p lang={view.reference.language}>{view.reference.summary}</p>
        </aside>
      )}
      <EditorFields view={view} action={action} />
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

/**
 * Publishing folds away once an item is out, unless it was refused. Its zone field has an id of its
 * own, since an event's form on the same page has a time zone too.
 */
function PublishPanel(p: { item: ContentItem; state: State; csrfToken: string; errors: FieldErrors; zone: string }) {
  const { item, state, csrfToken, errors } = p;
  const { t } = usePage();
  const href = useHref();
  const shown = { publish_at: errors.publish_at, publish_time_zone: errors.time_zone, when: errors.when };
  const failed = Object.values(shown).some(Boolean);
  return (
    <details class="form-section form-section--panel" open={state !== 'published' || failed}>
      <summary>
        <span class="form-section-title">{t('content.desk.publication')}</span>
      </summary>
      <div class="form-section-body">
        <ErrorSummary
          errors={shown}
          labels={{
            publish_at: t('content.field.publishAt'),
            publish_time_zone: t('content.field.timeZone'),
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
          <TimeZoneSelect
            id="publish_time_zone"
            value={item.time_zone ?? p.zone}
            fallback={p.zone}
            error={errors.time_zone}
            hint={t('content.hint.publishZone')}
          />
          <button type="submit" class="button--secondary">
            {t('content.desk.schedule')}
          </button>
        </form>
        {(state === 'published' || state === 'scheduled') && (
          <ButtonForm action={href(`${deskPath(item)}/unpublish`)} csrfToken={csrfToken} label={t('content.desk.unpublish')} secondary />
        )}
      </div>
    </details>
  );
}
