/**
 * The database's tables. Each module adds its own by declaration merging from its schema.ts:
 *   declare module '../../core/db/tables.ts' { interface Tables { my_table: MyRow } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}
