import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/authz.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { auditOf, auditPage, insertAudit } from '../repo.ts';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: number | null;
  details?: Record<string, unknown>;
}

/** Records a staff or admin action: who, what, when, on what. */
export async function audit(db: Kysely<Tables>, actor: Pick<Actor, 'id'> | null, entry: AuditEntry, ip?: string): Promise<void> {
  await insertAudit(db, {
    actor_id: actor?.id ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    ip: ip ?? null,
    created_at: new Date().toISOString(),
  });
}

export const AUDIT_PAGE_SIZE = 50;
export const listAudit = (db: Kysely<Tables>, before?: number) => auditPage(db, before, AUDIT_PAGE_SIZE);
export const auditByActor = auditOf;
