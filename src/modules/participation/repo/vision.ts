import type { VisionSectionRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Vision sections

export const sectionsOf = (db: Db, processId: number) =>
  db.selectFrom('vision_sections').selectAll().where('process_id', '=', processId).orderBy('position').orderBy('id').execute();

export const insertSection = async (db: Db, row: New<VisionSectionRow>) =>
  (await db.insertInto('vision_sections').values(row).returning('id').executeTakeFirstOrThrow()).id;
