import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Tables } from '../../../core/db/tables.ts';

export type Db = Kysely<Tables> | Transaction<Tables>;
export type New<T> = Omit<Insertable<T>, 'id'>;
export type Owner = { type: string; id: number };
