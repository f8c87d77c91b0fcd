import type { Generated, Kysely } from 'kysely';
import type { Actor } from './authz.ts';
import type { Tables } from './db/tables.ts';

/** The audit log: its table is made by the accounts module's first migration, whose name stays. */
export interface AuditRow {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  details: string | null;
  ip: string | null;
  created_at: string;
}

declare module './db/tables.ts' {
  interface Tables {
    audit_log: AuditRow;
  }
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: number | null;
  details?: Record<string, unknown>;
}

/** Records a staff or admin action: who, what, when, on what. Every module writes through this. */
export async function audit(db: Kysely<Tables>, actor: Pick<Actor, 'id'> | null, entry: AuditEntry, ip?: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor?.id ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: ip ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** The newest entries, before an id when paging back. */
export function auditPage(db: Kysely<Tables>, before: number | undefined, limit: number) {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'action', 'subject_type', 'subject_id', 'details', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit);
  if (before) q = q.where('id', '<', before);
  return q.execute();
}

/** What one person did, for their data download. */
export function auditByActor(db: Kysely<Tables>, actorId: number) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'subject_type', 'subject_id', 'details', 'created_at'])
    .where('actor_id', '=', actorId)
    .orderBy('id')
    .execute();
}

/** What was done to one subject, oldest first: e.g. the state moves a project's timeline shows. */
export function auditOf(db: Kysely<Tables>, subjectType: string, subjectId: number, action: string) {
  return db
    .selectFrom('audit_log')
    .select(['created_at', 'details'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}
