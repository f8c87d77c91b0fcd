import type { FastifyInstance } from 'fastify';
import { NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { queryParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { accountsPolicy } from '../policy.ts';
import { AUDIT_PAGE_SIZE, listAudit } from '../service/audit.ts';
import { AuditPage } from '../views/audit.tsx';

const auditQuery = queryParams({ before: idSchema });

export function adminRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/admin/audit', async (req, reply) => {
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, 'audit.view', null);
    const entries = await listAudit(ctx.database.db, auditQuery(req).before);
    const next = entries.length === AUDIT_PAGE_SIZE ? entries.at(-1)?.id : undefined;
    return reply
      .headers(NO_STORE)
      .page(<AuditPage entries={entries} next={next} />, { title: req.t('accounts.audit.title'), indexable: false });
  });
}
