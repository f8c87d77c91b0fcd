import type { Scope } from '../../../core/authz.ts';
import type { ModuleContext, WorkDesk, WorkView } from '../../../core/modules.ts';
import { PLATFORM, scopeOfRole } from '../../../core/scopes.ts';
import { accountsPolicy } from '../policy.ts';
import { openInvitationsInScope } from '../repo.ts';
import { scopePath } from '../views/scopes.tsx';

/** The team pages of the scopes a person holds roles in and may run, and the audit log for those who may read it. */
export async function accountDesks({ actor, t }: WorkView, ctx: ModuleContext): Promise<WorkDesk[]> {
  const seen = new Set<string>();
  const scopes: Scope[] = [];
  for (const g of actor.grants) {
    const type = scopeOfRole(g.role);
    const scope = type && { type, id: type === PLATFORM ? null : g.scopeId };
    if (!scope || seen.has(`${scope.type}:${scope.id}`) || !accountsPolicy.can(actor, 'team.view', scope)) continue;
    seen.add(`${scope.type}:${scope.id}`);
    scopes.push(scope);
  }
  const now = new Date().toISOString();
  const desks: WorkDesk[] = await Promise.all(
    scopes.map(async (scope) => {
      const open = (await openInvitationsInScope(ctx.database.db, scope.type, scope.id ?? 0, now)).length;
      return {
        label: t('accounts.work.team'),
        description: t('accounts.work.teamDescription'),
        path: scopePath(scope),
        scope,
        ...(open > 0 ? { waiting: { count: open, text: t('accounts.work.invitations', { count: open }) } } : {}),
      };
    }),
  );
  if (accountsPolicy.can(actor, 'audit.view', null)) {
    desks.push({
      label: t('accounts.audit.title'),
      description: t('accounts.work.auditDescription'),
      path: '/admin/audit',
      scope: { type: PLATFORM, id: null },
    });
  }
  return desks;
}
