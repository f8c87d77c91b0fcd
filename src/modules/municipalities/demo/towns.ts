import type { LanguageCode } from '../../../core/i18n/languages.ts';
import { eastTowns } from './east.ts';
import type { Emblem } from './pictures.ts';
import { westTowns } from './west.ts';

/**
 * A demo town's profile, as its staff would fill it in. The descriptions state real facts; the mayors are
 * invented names, so that the demo puts no words or pictures on real people. Websites and addresses are
 * the towns' real public ones; the phone numbers are plausible switchboard numbers, not checked, and
 * the e-mail addresses are info@ at the town's domain: its staff replace them when they claim the profile.
 */
export interface DemoTown {
  /** Country and slug in the directory. */
  town: `${string}/${string}`;
  /** The name in the town's own language or script, where it differs from the directory's. */
  nativeName?: string;
  region: string;
  website: string;
  email: string;
  phone: string;
  address: string;
  /** Invented: see above. */
  mayor: string;
  mayorSince: string;
  languages: LanguageCode[];
  emblem: Emblem;
  /** A few sentences per language, English and the town's own; each string a short line of it. */
  about: Partial<Record<LanguageCode, string[]>>;
}

export const DEMO_TOWNS: DemoTown[] = [...eastTowns, ...westTowns];
