import type { VNode } from 'preact';
import { countryName } from '../../../core/countries.ts';
import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { Notice } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../repo.ts';
import type { Municipality } from '../schema.ts';
import { SOCIAL } from '../schema.ts';
import { imageFile } from '../service/images.ts';
import { languagesOf, socialOf } from '../service/profile.ts';
import { regionLabel } from './browse.tsx';
import { profilePath } from './common.tsx';

export function ProfilePage({
  m,
  near,
  mapTileUrl,
  mapAttribution,
  descriptions,
  canEdit,
  notice,
  sections = [],
}: {
  /** What other modules show about the municipality: news, events, networks, twins, projects. */
  sections?: VNode[];
  mapTileUrl: string;
  mapAttribution: string;
  descriptions: { language: string; text: string }[];
  canEdit: boolean;
  notice?: string | undefined;
  m: Municipality;
  near: (Pick<MunicipalitySummary, 'id' | 'country' | 'slug' | 'name'> & { km: number })[];
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const country = countryName(m.country, lang);
  const social = socialOf(m);
  const osm =
    m.latitude !== null && m.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${m.latitude}&mlon=${m.longitude}#map=12/${m.latitude}/${m.longitude}`
      : undefined;
  return (
    <article class="profile">
      <p class="result-kind">
        <a href={href(`/municipalities?country=${m.country.toLowerCase()}`)}>{country}</a>
      </p>
      <div class="profile-title">
        {m.coat_of_arms && (
          <img
            class="coat-of-arms"
            src={`/media/municipalities/${imageFile(m.coat_of_arms, 400)}`}
            alt={t('municipalities.images.coatOfArmsOf', { name: m.name })}
          />
        )}
        <h1>{m.name}</h1>
      </div>
      {m.native_name && m.native_name !== m.name && <p class="lead">{m.native_name}</p>}
      {notice && <Notice>{t('form.saved')}</Notice>}
      {canEdit && (
        <ul class="form-links">
          <li>
            <a href={href(`${profilePath(m)}/edit`)}>{t('municipalities.edit.link')}</a>
          </li>
          <li>
            <a href={href(`${profilePath(m)}/history`)}>{t('municipalities.history.title')}</a>
          </li>
        </ul>
      )}
      {m.joined_at ? (
        <p>
          <span class="tag tag--joined">{t('municipalities.joined')}</span>
        </p>
      ) : (
        <p class="notice">
          {t('municipalities.notJoined')} <a href={href(`${profilePath(m)}/claim`)}>{t('municipalities.claim.link')}</a>
        </p>
      )}
      <dl class="summary-list">
        <dt>{t('filters.country')}</dt>
        <dd>{country}</dd>
        {(m.region_code || m.region_name) && (
          <>
            <dt>{t('municipalities.region')}</dt>
            <dd>{regionLabel(t, m)}</dd>
          </>
        )}
        <dt>{t('municipalities.populationLabel')}</dt>
        <dd>{t('municipalities.populationValue', { count: m.population })}</dd>
        {m.mayor_name && (
          <>
            <dt>{t('municipalities.edit.mayor')}</dt>
            <dd>
              {m.mayor_photo && (
                <img class="mayor-photo" src={`/media/municipalities/${imageFile(m.mayor_photo, 120)}`} alt={m.mayor_name} />
              )}
              {m.mayor_name}
              {m.mayor_since && ` (${t('municipalities.mayorSince', { since: m.mayor_since })})`}
            </dd>
          </>
        )}
        {m.website && (
          <>
            <dt>{t('municipalities.edit.website')}</dt>
            <dd>
              <a href={m.website} rel="nofollow noopener">
                {m.website}
              </a>
            </dd>
          </>
        )}
        {m.email && (
          <>
            <dt>{t('municipalities.edit.email')}</dt>
            <dd>
              <a href={`mailto:${m.email}`}>{m.email}</a>
            </dd>
          </>
        )}
        {m.phone && (
          <>
            <dt>{t('municipalities.edit.phone')}</dt>
            <dd>
              <a href={`tel:${m.phone.replace(/[^\d+]/g, '')}`}>{m.phone}</a>
            </dd>
          </>
        )}
        {m.address && (
          <>
            <dt>{t('municipalities.edit.address')}</dt>
            <dd>{m.address}</dd>
          </>
        )}
      </dl>
      <Description descriptions={descriptions} m={m} />
      {Object.keys(social).length > 0 && (
        <ul class="social" aria-label={t('municipalities.edit.contacts')}>
          {SOCIAL.filter((s) => social[s]).map((s) => (
            <li key={s}>
              <a href={social[s]} rel="nofollow noopener">
                {t(`municipalities.social.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {osm && (
        <figure
          class="map"
          data-lat={m.latitude}
          data-lon={m.longitude}
          data-tiles={mapTileUrl}
          data-attribution={mapAttribution}
          data-label={t('map.label', { name: m.name })}
        >
          <figcaption>
            {t('map.coordinates', { lat: m.latitude!.toFixed(4), lon: m.longitude!.toFixed(4) })} · <a href={osm}>{t('map.open')}</a>
          </figcaption>
        </figure>
      )}
      {sections}
      {near.length > 0 && (
        <section aria-labelledby="nearby-heading">
          <h2 id="nearby-heading">{t('municipalities.nearby')}</h2>
          <ul class="places">
            {near.map((n) => (
              <li key={n.id} class="place">
                <a href={href(profilePath(n))}>{n.name}</a>
                <span class="place-meta">{t('municipalities.distance', { km: Math.round(n.km) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="meta">{t('municipalities.credit')}</p>
    </article>
  );
}

/** The description in the reader's language, or another one with a notice saying which. */
function Description({ descriptions, m }: { descriptions: { language: string; text: string }[]; m: Municipality }) {
  const { t, lang } = usePage();
  if (descriptions.length === 0) return null;
  const own = descriptions.find((d) => d.language === lang);
  const shown = own ?? descriptions.find((d) => languagesOf(m).includes(d.language)) ?? descriptions[0]!;
  const others = descriptions.filter((d) => d !== shown);
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">{t('municipalities.about')}</h2>
      {!own && (
        <p class="notice">
          {t('municipalities.descriptionFallback', {
            language: LANGUAGES[shown.language as LanguageCode] ?? shown.language,
          })}
        </p>
      )}
      <p class="description" lang={shown.language}>
        {shown.text}
      </p>
      {others.length > 0 && (
        <p>
          {t('municipalities.alsoIn')}{' '}
          {others.map((d, i) => (
            <>
              {i > 0 && ', '}
              <a key={d.language} href={`/${d.language}${profilePath(m)}`} hreflang={d.language} lang={d.language}>
                {LANGUAGES[d.language as LanguageCode]}
              </a>
            </>
          ))}
        </p>
      )}
    </section>
  );
}
