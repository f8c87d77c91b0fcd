// Import time and search latency of the municipality directory, in-process, on a fresh database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/db/client.ts';
import { migrateToLatest } from '../src/core/db/migrate.ts';
import { modules } from '../src/modules/index.ts';
import { searchMunicipalities } from '../src/modules/municipalities/service/directory.ts';
import { geoNamesRecords, importRecords } from '../src/modules/municipalities/service/import.ts';

const QUERIES = [
  'stara zagora',
  'Стара Загора',
  'lodz',
  'Łódź',
  'Θεσσαλονίκη',
  'thessaloniki',
  'slovenska bistrica',
  'botevgrad',
  'botevgard',
  'berl',
  'mün',
  'par',
  'wien',
  'sofia',
  'helsink',
  'ljubljana',
  'kraków',
  'krakow',
  'lisboa',
  'sevila',
  'bratislava',
  'brno',
  'tartu',
  'a',
  'novo selo',
];

export interface DirectoryFigures {
  label: string;
  importMs: number;
  reimportMs: number;
  places: number;
  searchP50: number;
  searchP95: number;
  searchMax: number;
}

export async function benchDirectory(label: string, url: string, rounds = 40): Promise<DirectoryFigures> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db, modules);
    const records = geoNamesRecords();
    let t = performance.now();
    await importRecords(database.db, records);
    const importMs = performance.now() - t;
    t = performance.now();
    await importRecords(database.db, records);
    const reimportMs = performance.now() - t;
    for (const q of QUERIES) await searchMunicipalities(database.db, q);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const q of QUERIES) {
        t = performance.now();
        await searchMunicipalities(database.db, q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
    return {
      label,
      importMs,
      reimportMs,
      places: records.length,
      searchP50: at(0.5),
      searchP95: at(0.95),
      searchMax: times.at(-1)!,
    };
  } finally {
    await database.close();
  }
}

export const freshSqliteUrl = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'municipium-bench-dir-')), 'bench.sqlite')}`;
