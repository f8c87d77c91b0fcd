// The municipalities module's public face: other modules import from this file only.
export { municipalities } from './manifest.ts';
export type { MunicipalitySummary } from './repo.ts';
export type { Municipality } from './schema.ts';
export {
  joinedPlaces,
  type MapPlace,
  mapPlaces,
  municipalitiesByIds,
  municipalityById,
  municipalityBySlug,
  searchMunicipalities,
} from './service/directory.ts';
export { followedIds } from './service/follows.ts';
export { csvRecords, importRecords } from './service/import.ts';
export { type Centre, nearestCentre } from './service/nearest.ts';
export { profilePath } from './views/common.tsx';
export { MAP_SCRIPTS, MAP_STYLES, PlacesMap } from './views/map.tsx';
