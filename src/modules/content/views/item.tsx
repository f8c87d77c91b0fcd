import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { imageFile } from '../service/images.ts';
import { deskPath, itemPath } from '../service/paths.ts';
import type { Card } from '../service/read.ts';
import { languageName, OwnerName } from './cards.tsx';
import { formatDate, formatSpan } from './dates.ts';

export interface RegistrationView {
  open: boolean;
  counts: { confirmed: number; waiting: number };
  values: { name?: string; email?: string };
  errors: FieldErrors;
  csrfToken: string;
  done?: 'confirmed' | 'waiting';
}

export interface MapTiles {
  tiles: string;
  attribution: string;
}

export function ItemPage({
  card,
  registration,
  canEdit,
  preview,
  notice,
  map,
}: {
  card: Card;
  registration?: RegistrationView;
  canEdit: boolean;
  preview?: boolean;
  notice?: string;
  map?: MapTiles;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const { item, text } = card;
  const textLang = text.language === lang ? undefined : text.language;
  const others = card.languages.filter((l) => l !== text.language);
  const tags = item.tags.split(',').filter(Boolean);
  const block = (label: string, value: string | null) =>
    value && (
      <>
        <h2>{label}</h2>
        {value.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </>
    );
  return (
    <article class="content-item">
      {preview && <p class="notice">{t('content.desk.previewNotice')}</p>}
      {notice && <Notice>{t(notice)}</Notice>}
      <p class="meta">
        <span class="tag">{t(`content.type.${item.type}`)}</span> <OwnerName card={card} />
        {item.published_at && !preview && (
          <>
            {' '}
            · <time datetime={item.published_at}>{formatDate(lang, item.published_at)}</time>
          </>
        )}
      </p>
      <h1 lang={textLang}>{text.title}</h1>
      {!card.inLanguage && <p class="notice">{t('content.notTranslated', { language: languageName(text.language) })}</p>}
      {others.length > 0 && (
        <nav aria-label={t('content.otherLanguages')} class="form-links">
          <span>{t('content.alsoIn')}</span>
          {others.map((l) => (
            <a key={l} href={`/${l}${itemPath(item)}`} hreflang={l} lang={l}>
              {languageName(l)}
            </a>
          ))}
        </nav>
      )}
      {canEdit && !preview && (
        <p>
          <a href={href(`${deskPath(item)}/edit?language=${text.language}`)}>{t('content.desk.edit')}</a>
        </p>
      )}
      <div lang={textLang}>
        <p class="lead">{text.summary}</p>
        {item.image && (
          <figure class="content-figure">
            <img
              src={`/media/content/${imageFile(item.image, 1200)}`}
              srcset={`/media/content/${imageFile(item.image, 600)} 600w, /media/content/${imageFile(item.image, 1200)} 1200w`}
              sizes="(max-width: 700px) 100vw, 700px"
              alt={text.image_alt ?? ''}
            />
          </figure>
        )}
        {item.type === 'event' && <EventFacts card={card} map={map} />}
        {item.type === 'initiative' && (
          <dl class="summary-list">
            <dt>{t('content.field.goal')}</dt>
            <dd>{text.goal}</dd>
            {item.deadline && (
              <>
                <dt>{t('content.field.deadline')}</dt>
                <dd>
                  <time datetime={item.deadline}>{formatDate(lang, `${item.deadline}T12:00:00Z`)}</time>
                </dd>
              </>
            )}
          </dl>
        )}
        {/* Sanitised on save: only structure and links remain. */}
        <div class="prose" dangerouslySetInnerHTML={{ __html: text.body_html }} />
        {item.type === 'practice' && (
          <>
            {block(t('content.field.problem'), text.problem)}
            {block(t('content.field.solution'), text.solution)}
            {block(t('content.field.results'), text.results)}
            {block(t('content.field.cost'), text.cost)}
            {block(t('content.field.reuse'), text.reuse)}
            {block(t('content.field.contact'), item.contact)}
          </>
        )}
      </div>
      {registration && <RegistrationBox item={card} view={registration} />}
      <footer class="meta">
        {card.areas.length > 0 && (
          <p>
            {t('content.areaLabel')}:{' '}
            {card.areas.map((a, i) => (
              <span key={a}>
                {i > 0 && ', '}
                <a href={href(`/areas/${a}`)}>{t(`area.${a}`)}</a>
              </span>
            ))}
          </p>
        )}
        {tags.length > 0 && (
          <p>
            {t('content.tags')}:{' '}
            {tags.map((tag, i) => (
              <span key={tag}>
                {i > 0 && ', '}
                <a href={href(`/latest?tag=${encodeURIComponent(tag)}`)}>{tag}</a>
              </span>
            ))}
          </p>
        )}
      </footer>
    </article>
  );
}

function EventFacts({ card, map }: { card: Card; map?: MapTiles }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { item } = card;
  const osm =
    item.latitude !== null && item.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${item.latitude}&mlon=${item.longitude}#map=16/${item.latitude}/${item.longitude}`
      : undefined;
  return (
    <>
      <dl class="summary-list">
        <dt>{t('content.field.when')}</dt>
        <dd>{formatSpan(lang, item)}</dd>
        {(item.venue_name || item.venue_address) && (
          <>
            <dt>{t('content.field.venue')}</dt>
            <dd>
              {[item.venue_name, item.venue_address].filter(Boolean).join(', ')}
              {osm && (
                <>
                  {' '}
                  (<a href={osm}>{t('content.onMap')}</a>)
                </>
              )}
            </dd>
          </>
        )}
        {item.online_url && (
          <>
            <dt>{t('content.field.online')}</dt>
            <dd>
              <a href={item.online_url} rel="nofollow noopener">
                {item.online_url}
              </a>
            </dd>
          </>
        )}
        {item.organiser && (
          <>
            <dt>{t('content.field.organiser')}</dt>
            <dd>{item.organiser}</dd>
          </>
        )}
        <dt>{t('content.calendar')}</dt>
        <dd>
          <a href={href(`${itemPath(item)}.ics`)} download>
            {t('content.addToCalendar')}
          </a>
        </dd>
      </dl>
      {osm && map && (
        <figure
          class="map"
          data-lat={item.latitude}
          data-lon={item.longitude}
          data-tiles={map.tiles}
          data-attribution={map.attribution}
          data-label={t('map.label', { name: item.venue_name ?? card.text.title })}
        >
          <figcaption>
            {t('map.coordinates', { lat: item.latitude!.toFixed(4), lon: item.longitude!.toFixed(4) })} · <a href={osm}>{t('map.open')}</a>
          </figcaption>
        </figure>
      )}
    </>
  );
}

function RegistrationBox({ item, view }: { item: Card; view: RegistrationView }) {
  const { t } = usePage();
  const href = useHref();
  const capacity = item.item.capacity ?? 0;
  const full = capacity > 0 && view.counts.confirmed >= capacity;
  return (
    <section aria-labelledby="register-heading" class="panel">
      <h2 id="register-heading">{t('content.register.title')}</h2>
      {view.done && <Notice>{t(`content.register.done.${view.done}`)}</Notice>}
      <p>
        {capacity > 0
          ? t('content.register.places', { left: Math.max(0, capacity - view.counts.confirmed), capacity })
          : t('content.register.unlimited')}
      </p>
      {!view.open ? (
        <p>{t('content.register.closed')}</p>
      ) : (
        !view.done && (
          <>
            {full && <p>{t('content.register.waitingList', { count: view.counts.waiting })}</p>}
            <ErrorSummary errors={view.errors} labels={{ name: t('content.register.name'), email: t('content.register.email') }} />
            <form method="post" action={href(`${itemPath(item.item)}/register`)} class="form" noValidate>
              <CsrfField token={view.csrfToken} />
              <TextField
                name="name"
                label={t('content.register.name')}
                required
                value={view.values.name}
                error={view.errors.name}
                maxLength={160}
                autocomplete="name"
              />
              <TextField
                name="email"
                type="email"
                label={t('content.register.email')}
                required
                value={view.values.email}
                error={view.errors.email}
                maxLength={254}
                autocomplete="email"
              />
              <button type="submit">{full ? t('content.register.joinWaitingList') : t('content.register.submit')}</button>
            </form>
          </>
        )
      )}
    </section>
  );
}
