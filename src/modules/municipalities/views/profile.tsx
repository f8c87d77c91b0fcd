import { useHref, usePage } from '../../../core/views/context.ts';
import { countryName } from '../countries.ts';
import type { Municipality } from '../schema.ts';
import type { MunicipalitySummary } from '../repo.ts';
import { profilePath } from './common.tsx';
import { regionLabel } from './browse.tsx';

export function ProfilePage({ m, near, mapTileUrl, mapAttribution }: { mapTileUrl: string; mapAttribution: string; m: Municipality; near: (Pick<MunicipalitySummary, 'id' | 'country' | 'slug' | 'name'> & { km: number })[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  const country = countryName(m.country, lang);
  const osm = m.latitude !== null && m.longitude !== null
    ? `https://www.openstreetmap.org/?mlat=${m.latitude}&mlon=${m.longitude}#map=12/${m.latitude}/${m.longitude}` : undefined;
  return (
    <article class="profile">
      <p class="result-kind"><a href={href(`/municipalities?country=${m.country.toLowerCase()}`)}>{country}</a></p>
      <h1>{m.name}</h1>
      {m.native_name && m.native_name !== m.name && <p class="lead">{m.native_name}</p>}
      {m.joined_at ? <p><span class="tag tag--joined">{t('municipalities.joined')}</span></p> : (
        <p class="notice">{t('municipalities.notJoined')} <a href={href(`${profilePath(m)}/claim`)}>{t('municipalities.claim.link')}</a></p>
      )}
      <dl class="summary-list">
        <dt>{t('municipalities.country')}</dt><dd>{country}</dd>
        {(m.region_code || m.region_name) && <><dt>{t('municipalities.region')}</dt><dd>{regionLabel(t, m)}</dd></>}
        <dt>{t('municipalities.populationLabel')}</dt><dd>{t('municipalities.populationValue', { count: m.population })}</dd>
        {osm && (
          <>
            <dt>{t('municipalities.location')}</dt>
            <dd>{t('municipalities.coordinates', { lat: m.latitude!.toFixed(4), lon: m.longitude!.toFixed(4) })} · <a href={osm}>{t('municipalities.openMap')}</a></dd>
          </>
        )}
      </dl>
      {osm && (
        <figure class="map" data-lat={m.latitude} data-lon={m.longitude} data-tiles={mapTileUrl} data-attribution={mapAttribution}
          data-label={t('municipalities.mapLabel', { name: m.name })}>
          <figcaption>{t('municipalities.coordinates', { lat: m.latitude!.toFixed(4), lon: m.longitude!.toFixed(4) })} · <a href={osm}>{t('municipalities.openMap')}</a></figcaption>
        </figure>
      )}
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
