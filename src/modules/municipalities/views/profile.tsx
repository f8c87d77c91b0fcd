import type { VNode } from 'preact';
import { LANGUAGES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { NamedSection, Notice, namedSections, SectionNav } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { MunicipalitySummary } from '../repo.ts';
import type { Municipality } from '../schema.ts';
import { SOCIAL } from '../schema.ts';
import { languagesOf, socialOf } from '../service/profile.ts';
import { profilePath } from './common.tsx';
import { type FollowState, KeyFacts, ProfileHeader } from './header.tsx';

export function ProfilePage({
  m,
  near,
  mapTileUrl,
  mapAttribution,
  descriptions,
  canEdit,
  follow,
  notice,
  sections = [],
}: {
  /** What other modules show about the municipality: news, events, networks, twins, projects. */
  sections?: VNode[];
  mapTileUrl: string;
  mapAttribution: string;
  descriptions: { language: string; text: string }[];
  canEdit: boolean;
  follow: FollowState;
  notice?: 'saved' | 'followed' | 'unfollowed' | undefined;
  m: Municipality;
  near: (Pick<MunicipalitySummary, 'id' | 'country' | 'slug' | 'name'> & { km: number })[];
}) {
  const { t } = usePage();
  const href = useHref();
  const social = socialOf(m);
  const hasContacts = !!(m.website || m.email || m.phone || m.address || Object.keys(social).length);
  const osm =
    m.latitude !== null && m.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${m.latitude}&mlon=${m.longitude}#map=12/${m.latitude}/${m.longitude}`
      : undefined;
  const parts = [
    ...(descriptions.length ? [{ id: 'about', label: t('municipalities.about') }] : []),
    ...namedSections(sections),
    ...(hasContacts ? [{ id: 'contacts', label: t('municipalities.edit.contacts') }] : []),
    ...(osm ? [{ id: 'map', label: t('municipalities.map') }] : []),
    ...(near.length ? [{ id: 'nearby', label: t('municipalities.nearby') }] : []),
  ];
  return (
    <article class="profile">
      <ProfileHeader m={m} follow={follow} />
      {notice && <Notice>{t(notice === 'saved' ? 'form.saved' : `municipalities.follow.${notice}`, { name: m.name })}</Notice>}
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
      {!m.joined_at && (
        <p class="notice">
          {t('municipalities.notJoined')} <a href={href(`${profilePath(m)}/claim`)}>{t('municipalities.claim.link')}</a>
        </p>
      )}
      <KeyFacts m={m} />
      <SectionNav label={t('municipalities.onThisPage')} sections={parts} />
      <Description descriptions={descriptions} m={m} />
      {sections}
      {hasContacts && (
        <NamedSection id="contacts" label={t('municipalities.edit.contacts')}>
          <Contacts m={m} />
        </NamedSection>
      )}
      {osm && (
        <NamedSection id="map" label={t('municipalities.map')}>
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
        </NamedSection>
      )}
      {near.length > 0 && (
        <NamedSection id="nearby" label={t('municipalities.nearby')}>
          <ul class="places">
            {near.map((n) => (
              <li key={n.id} class="place">
                <a href={href(profilePath(n))}>{n.name}</a>
                <span class="place-meta">{t('municipalities.distance', { km: Math.round(n.km) })}</span>
              </li>
            ))}
          </ul>
        </NamedSection>
      )}
      <p class="meta">{t('municipalities.credit')}</p>
    </article>
  );
}

/** How to reach the town hall: web, mail, phone, address and social media. */
function Contacts({ m }: { m: Municipality }) {
  const { t } = usePage();
  const social = socialOf(m);
  return (
    <>
      <dl class="summary-list">
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
      {Object.keys(social).length > 0 && (
        <ul class="social" aria-label={t('municipalities.socialMedia')}>
          {SOCIAL.filter((s) => social[s]).map((s) => (
            <li key={s}>
              <a href={social[s]} rel="nofollow noopener">
                {t(`municipalities.social.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
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
    <NamedSection id="about" label={t('municipalities.about')}>
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
    </NamedSection>
  );
}
