import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import type { AccountStanding } from '../../accounts/index.ts';
import { accountStanding } from '../../accounts/index.ts';
import { moderationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { ModerationDecision } from '../schema.ts';
import { blockAccount, unblockAccount } from '../service/blocking.ts';
import { namesOf } from '../service/queue.ts';
import { AccountPage } from '../views/account.tsx';

/** Blocking and unblocking an account: the platform's moderators only. */
export function accountRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function accountOr404(req: FastifyRequest): Promise<AccountStanding> {
    moderationPolicy.authorize(requireActor(req), 'account.block', null);
    return loadOr404(accountStanding(ctx, idParams(req).id));
  }

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    account: AccountStanding,
    refused?: { reason: string; errors: FieldErrors },
  ) {
    const decisions = (await repo.decisionsOfAccount(ctx.database.db, account.id)) as ModerationDecision[];
    const view = {
      account,
      decisions,
      names: await namesOf(ctx, decisions),
      csrfToken: reply.generateCsrf(),
      notice: noticeFrom(req, ['block', 'unblock']),
      refused,
    };
    return <AccountPage view={view} />;
  }

  app.get('/:lang/moderation/accounts/:id', async (req, reply) => {
    const account = await accountOr404(req);
    const title = req.t('moderation.account.title', { name: account.name });
    return reply.headers(NO_STORE).page(await page(req, reply, account), { title, indexable: false });
  });

  for (const action of ['block', 'unblock'] as const) {
    app.post(`/:lang/moderation/accounts/:id/${action}`, { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
      const actor = requireActor(req);
      const account = await accountOr404(req);
      const result = await (action === 'block' ? blockAccount : unblockAccount)(ctx, actor, account, req.body, req.ip);
      if (result.ok) return reply.redirect(`/${req.lang}/moderation/accounts/${account.id}?notice=${action}`, 303);
      const refused = { reason: typedValues(req.body, ['reason']).reason ?? '', errors: result.errors };
      return reply.refused(result, await page(req, reply, account, refused), req.t(`moderation.${action}.submit`));
    });
  }
}
