/** The portal's zone when nothing better is known: the EU's institutions keep Brussels time. */
export const DEFAULT_ZONE = 'Europe/Brussels';

/**
 * The zone of each member state's capital. A municipality keeps no zone of its own, and every member
 * state but Portugal and Spain has one zone; their islands (Azores, Madeira, Canaries) pick theirs.
 */
const CAPITAL_ZONES: Record<string, string> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
};

/** The zone of a country's capital, or the portal's for no country or one outside the EU. */
export function zoneOfCountry(country: string | null | undefined): string {
  return (country && CAPITAL_ZONES[country.toUpperCase()]) || DEFAULT_ZONE;
}

/** Every IANA zone the runtime knows, Europe's first, then the others by name; UTC last. */
export const TIME_ZONES: readonly string[] = (() => {
  const all = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
  const europe = all.filter((z) => z.startsWith('Europe/'));
  return [...europe, ...all.filter((z) => !z.startsWith('Europe/')), 'UTC'];
})();

const KNOWN = new Set(TIME_ZONES);

/** Whether a zone is one of the list: anything else (an offset, a typo) is refused. */
export const isTimeZone = (zone: string): boolean => KNOWN.has(zone);
