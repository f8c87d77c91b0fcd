/**
 * The database's tables. Each module adds its own by declaration merging from its schema.ts:
 *   declare module '../../core/db/tables.ts' { interface Tables { my_table: MyRow } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: empty on purpose: each module adds its tables by declaration merging
export interface Tables {}
