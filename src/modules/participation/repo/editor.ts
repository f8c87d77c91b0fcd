import type { Db } from './db.ts';

// The process editor

/** One language's texts of a process, if written. */
export const processText = (db: Db, processId: number, language: string) =>
  db.selectFrom('process_texts').selectAll().where('process_id', '=', processId).where('language', '=', language).executeTakeFirst();

/** The languages a process is written in. */
export const textLanguages = async (db: Db, processId: number) =>
  (await db.selectFrom('process_texts').select('language').where('process_id', '=', processId).orderBy('language').execute()).map(
    (t) => t.language,
  );

/** Which of these slugs processes already use. */
export const slugsTaken = async (db: Db, slugs: string[]) =>
  slugs.length ? (await db.selectFrom('processes').select('slug').where('slug', 'in', slugs).execute()).map((p) => p.slug) : [];
