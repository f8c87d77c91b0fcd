import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../../core/authz.ts';
import { type FormRefusal, typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { PLATFORM, type ScopeThing } from '../../../core/scopes.ts';
import { accountsPolicy, invitableIn } from '../policy.ts';
import {
  acceptInvitation,
  cancelInvitation,
  grantIn,
  invitationByToken,
  invitationIn,
  invite,
  revokeGrant,
  team,
} from '../service/roles.ts';
import { findScope } from '../service/scopes.ts';
import { scopeLabel, scopePath } from '../views/scopes.tsx';
import { InvitationPage, TeamPage } from '../views/team.tsx';

const NOTICES = ['invited', 'removed', 'cancelled', 'last-admin'] as const;
const scopeParams = pathParams(z.object({ type: z.string().max(40).optional(), id: idSchema.optional() }));
const grantParams = pathParams(z.object({ grant: idSchema }));
const invitationParams = pathParams(z.object({ invitation: idSchema }));

export function teamRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  /** The scope named by the address, or undefined when there is no such scope. */
  async function scopeOf(req: FastifyRequest) {
    const { type, id } = scopeParams(req);
    return type === undefined || id === undefined ? findScope(ctx, PLATFORM, null) : findScope(ctx, type, id);
  }

  async function render(req: FastifyRequest, reply: FastifyReply, scope: Scope & { thing?: ScopeThing }, refusal?: FormRefusal) {
    const actor = req.actor;
    const { members, invitations } = await team(ctx, scope);
    const name = scopeLabel(req.t, scope, scope.thing?.name);
    const page = (
      <TeamPage
        team={{
          scope,
          name,
          members,
          invitations,
          invitable: invitableIn(scope.type),
          canInvite: accountsPolicy.can(actor, 'team.invite', scope),
          canRevoke: accountsPolicy.can(actor, 'team.revoke', scope),
          notice: noticeFrom(req, NOTICES),
        }}
        values={refusal ? typedValues(req.body, ['email', 'role']) : {}}
        errors={refusal?.errors ?? {}}
        csrfToken={reply.generateCsrf()}
      />
    );
    const title = req.t('accounts.team.title', { scope: name });
    return refusal ? reply.refused(refusal, page, title) : reply.headers(NO_STORE).page(page, { title, indexable: false });
  }

  /** The scope of the address, for a person allowed the action on it; otherwise 404, 403 or sign-in. */
  async function guard(req: FastifyRequest, action: 'team.view' | 'team.invite' | 'team.revoke') {
    const scope = await loadOr404(scopeOf(req));
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, action, scope);
    return { scope, actor, base: `/${req.lang}${scopePath(scope)}` };
  }

  for (const prefix of ['/:lang/team/platform', '/:lang/team/:type/:id']) {
    app.get(prefix, async (req, reply) => {
      const g = await guard(req, 'team.view');
      return render(req, reply, g.scope);
    });

    app.post(`${prefix}/invite`, { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
      const g = await guard(req, 'team.invite');
      const result = await invite(ctx, g.actor, g.scope, req.body, req.lang, req.ip);
      if (result.ok) return reply.redirect(`${g.base}?notice=invited`, 303);
      return render(req, reply, g.scope, result);
    });

    app.post(`${prefix}/members/:grant/remove`, async (req, reply) => {
      const g = await guard(req, 'team.revoke');
      const grant = await loadOr404(grantIn(ctx, g.scope, grantParams(req).grant));
      const outcome = await revokeGrant(ctx, g.actor, g.scope, grant, req.ip);
      return reply.redirect(`${g.base}?notice=${outcome === 'lastAdmin' ? 'last-admin' : 'removed'}`, 303);
    });

    app.post(`${prefix}/invitations/:invitation/cancel`, async (req, reply) => {
      const g = await guard(req, 'team.invite');
      const invitation = await loadOr404(invitationIn(ctx, g.scope, invitationParams(req).invitation));
      if (!(await cancelInvitation(ctx, g.actor, g.scope, invitation, req.ip))) throw new NotFound();
      return reply.redirect(`${g.base}?notice=cancelled`, 303);
    });
  }

  app.get('/:lang/invitations/:token', async (req, reply) => {
    const { token } = tokenParams(req);
    const inv = await loadOr404(invitationByToken(ctx, token));
    const scopeName = scopeLabel(req.t, inv.scope, (await findScope(ctx, inv.scope.type, inv.scope.id))?.thing?.name);
    return reply
      .headers(NO_STORE)
      .page(
        <InvitationPage
          invitation={{ state: inv.state, email: inv.email, role: inv.role, scope: inv.scope, scopeName, token }}
          csrfToken={reply.generateCsrf()}
        />,
        { title: req.t('accounts.invitation.title'), indexable: false },
      );
  });

  app.post('/:lang/invitations/:token', async (req, reply) => {
    const actor = requireActor(req);
    const { token } = tokenParams(req);
    const inv = await loadOr404(invitationByToken(ctx, token));
    accountsPolicy.authorize(actor, 'invitation.accept', inv);
    if (!(await acceptInvitation(ctx, actor, token, req.ip))) return reply.redirect(`/${req.lang}/invitations/${token}`, 303);
    return reply.redirect(`/${req.lang}/account?notice=saved`, 303);
  });
}
