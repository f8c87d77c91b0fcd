import { useHref } from '../../../core/views/context.ts';
import type { MapPlace } from '../service/directory.ts';

export const MAP_STYLES = ['/static/vendor/leaflet/leaflet.css', '/static/vendor/leaflet.markercluster/MarkerCluster.css'];
export const MAP_SCRIPTS = [
  '/static/vendor/leaflet/leaflet.js',
  '/static/vendor/leaflet.markercluster/leaflet.markercluster.js',
  '/static/places-map.js',
];

export interface PlacesMapProps {
  /** Names the map's canvas, a region of the page. */
  label: string;
  tiles: string;
  attribution: string;
  /** Where the script fetches the places (a list's map), or… */
  source?: string;
  /** …the places themselves, when they are few (the towns that joined). */
  places?: MapPlace[];
  /** Said under the map, e.g. that it shows only the first places of a long list. */
  note?: string | undefined;
  /** What each place's path follows (after the language prefix); the towns' profiles unless said. */
  base?: string;
}

/**
 * Places on a clustered map, each linking to its profile, drawn by public/places-map.js. Hidden
 * without JavaScript, where the list or the page's text says it all.
 */
export function PlacesMap({ label, tiles, attribution, source, places, note, base = '/municipalities/' }: PlacesMapProps) {
  const href = useHref();
  return (
    <div
      class="places-map"
      hidden
      data-label={label}
      data-tiles={tiles}
      data-attribution={attribution}
      data-base={href(base)}
      data-source={source}
    >
      {places && (
        // A data block, not a script: the Content-Security-Policy runs no inline code, and "<" cannot end it.
        <script type="application/json" dangerouslySetInnerHTML={{ __html: JSON.stringify(places).replace(/</g, '\\u003c') }} />
      )}
      {note && <p class="meta">{note}</p>}
    </div>
  );
}
