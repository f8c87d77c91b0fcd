import type { Generated } from 'kysely';

export interface MunicipalityRow {
  id: Generated<number>;
  source: string;
  country: string;
  slug: string;
  name: string;
  native_name: string | null;
  name_key: string;
  native_key: string | null;
  population: number;
  latitude: number | null;
  longitude: number | null;
  region_code: string | null;
  region_name: string | null;
  joined_at: string | null;
  join_rank: Generated<number>;
  edited_fields: Generated<string>;
  created_at: string;
  updated_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    municipalities: MunicipalityRow;
  }
}

export type Municipality = Omit<MunicipalityRow, 'id' | 'edited_fields' | 'join_rank'> & { id: number; edited_fields: string; join_rank: number };

/** One place to import, from open data or from an operator's CSV file. */
export interface ImportRecord {
  source: string;
  country: string;
  name: string;
  nativeName?: string | undefined;
  population: number;
  latitude: number | null;
  longitude: number | null;
  regionCode?: string | undefined;
  regionName?: string | undefined;
}
