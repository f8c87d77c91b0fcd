import type { Kysely } from 'kysely';
import { auditPage } from '../../../core/audit.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { usersByIds } from '../repo.ts';

export const AUDIT_PAGE_SIZE = 50;

/** A page of the audit log with the name of who acted; a deleted account has none to show. */
export async function listAudit(db: Kysely<Tables>, before?: number) {
  const entries = await auditPage(db, before, AUDIT_PAGE_SIZE);
  const ids = [...new Set(entries.flatMap((e) => (e.actor_id === null ? [] : [e.actor_id])))];
  const people = new Map((await usersByIds(db, ids)).map((u) => [u.id, u]));
  return entries.map((e) => {
    const who = e.actor_id === null ? undefined : people.get(e.actor_id);
    return { ...e, actor_name: who?.name ?? null, actor_deleted_at: who?.deleted_at ?? null };
  });
}
