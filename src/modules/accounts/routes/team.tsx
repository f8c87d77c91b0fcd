import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Scope } from '../../../core/authz.ts';
import { PLATFORM, type ScopeThing } from '../../../core/scopes.ts';
import { refusedStatus, typedValues } from '../../../core/http/forms.ts';
import { parseId } from '../../../core/http/input.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { accountsPolicy, invitableIn } from '../policy.ts';
import { findScope } from '../service/scopes.ts';
import { acceptInvitation, cancelInvitation, invitationByToken, invite, revokeGrant, team } from '../service/roles.ts';
import { scopeLabel, scopePath } from '../views/scopes.tsx';
import { InvitationPage, TeamPage } from '../views/team.tsx';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';

const NOTICES = ['invited', 'removed', 'cancelled', 'last-admin'] as const;

export function teamRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  /** The scope named by the address, or undefined when there is no such scope. */
  async function scopeOf(params: unknown) {
    const { type, id } = params as { type?: string; id?: string };
    if (type === undefined) return findScope(ctx, PLATFORM, null);
    const scopeId = parseId(id);
    return scopeId ? findScope(ctx, type, scopeId) : undefined;
  }

  async function render(req: FastifyRequest, reply: FastifyReply, scope: Scope & { thing?: ScopeThing }, values: Partial<Record<string, string>>, errors: FieldErrors) {
    const actor = req.actor;
    const { members, invitations } = await team(ctx, scope);
    return reply.headers(NO_STORE).page(
      <TeamPage team={{
        scope, name: scopeLabel(req.t, scope, scope.thing?.name), members, invitations, invitable: invitableIn(scope.type),
        canInvite: accountsPolicy.can(actor, 'team.invite', scope),
        canRevoke: accountsPolicy.can(actor, 'team.revoke', scope),
        notice: noticeFrom(req, NOTICES),
      }} values={values} errors={errors} csrfToken={reply.generateCsrf()} />,
      { title: req.t('accounts.team.title', { scope: scopeLabel(req.t, scope, scope.thing?.name) }), indexable: false },
    );
  }

  /** The scope of the address, for a person allowed the action on it; otherwise 404, 403 or sign-in. */
  async function guard(req: FastifyRequest, action: 'team.view' | 'team.invite' | 'team.revoke') {
    const scope = await loadOr404(scopeOf(req.params));
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, action, scope);
    return { scope, actor, base: `/${req.lang}${scopePath(scope)}` };
  }

  for (const prefix of ['/:lang/team/platform', '/:lang/team/:type/:id']) {
    app.get(prefix, async (req, reply) => {
      const g = await guard(req, 'team.view');
      return g ? render(req, reply, g.scope, {}, {}) : reply;
    });

    app.post(`${prefix}/invite`, { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
      const g = await guard(req, 'team.invite');
      const result = await invite(ctx, g.actor, g.scope, req.body, req.lang, req.ip);
      if (result.ok) return reply.redirect(`${g.base}?notice=invited`, 303);
      refusedStatus(reply, result);
      return render(req, reply, g.scope, typedValues(req.body, ['email', 'role']), result.errors);
    });

    app.post(`${prefix}/members/:grant/remove`, async (req, reply) => {
      const g = await guard(req, 'team.revoke');
      const grant = parseId((req.params as { grant: string }).grant);
      const outcome = grant ? await revokeGrant(ctx, g.actor, g.scope, grant, req.ip) : 'notFound';
      if (outcome === 'notFound') return reply.callNotFound();
      return reply.redirect(`${g.base}?notice=${outcome === 'lastAdmin' ? 'last-admin' : 'removed'}`, 303);
    });

    app.post(`${prefix}/invitations/:invitation/cancel`, async (req, reply) => {
      const g = await guard(req, 'team.invite');
      const invitation = parseId((req.params as { invitation: string }).invitation);
      const done = invitation ? await cancelInvitation(ctx, g.actor, g.scope, invitation, req.ip) : false;
      if (!done) return reply.callNotFound();
      return reply.redirect(`${g.base}?notice=cancelled`, 303);
    });
  }

  app.get('/:lang/invitations/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const inv = await invitationByToken(ctx, token);
    if (!inv) return reply.callNotFound();
    const scopeName = scopeLabel(req.t, inv.scope, (await findScope(ctx, inv.scope.type, inv.scope.id))?.thing?.name);
    return reply.headers(NO_STORE).page(
      <InvitationPage invitation={{ state: inv.state, email: inv.email, role: inv.role, scope: inv.scope, scopeName, token }} csrfToken={reply.generateCsrf()} />,
      { title: req.t('accounts.invitation.title'), indexable: false },
    );
  });

  app.post('/:lang/invitations/:token', async (req, reply) => {
    const actor = requireActor(req);
    const { token } = req.params as { token: string };
    const inv = await invitationByToken(ctx, token);
    if (!inv) return reply.callNotFound();
    accountsPolicy.authorize(actor, 'invitation.accept', inv);
    if (!(await acceptInvitation(ctx, actor, token, req.ip))) return reply.redirect(`/${req.lang}/invitations/${token}`, 303);
    return reply.redirect(`/${req.lang}/account?notice=saved`, 303);
  });
}
