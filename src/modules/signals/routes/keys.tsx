import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues, validateForm } from '../../../core/http/forms.ts';
import { NO_STORE, NotFound, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { signalsPolicy } from '../policy.ts';
import { issueKey, KEY_FIELDS, KEY_LIMITS, keyInput, listKeys, revokeKey } from '../service/keys.ts';
import { KeysPage, type KeysView } from '../views/keys.tsx';

/** Open311 keys: platform administrators issue one per application, and revoke it. */
export function keyRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const admin = (req: FastifyRequest) => {
    const actor = requireActor(req);
    signalsPolicy.authorize(actor, 'apikey.manage', null);
    return actor;
  };

  async function page(req: FastifyRequest, reply: FastifyReply, view: Partial<KeysView> = {}) {
    const full: KeysView = { keys: await listKeys(ctx), csrfToken: reply.generateCsrf(), values: {}, errors: {}, ...view };
    return { page: <KeysPage view={full} />, title: req.t('signals.keys.title') };
  }

  app.get('/:lang/signals/keys', async (req, reply) => {
    admin(req);
    const notice = noticeFrom(req, ['revoked']) as 'revoked' | undefined;
    const { page: body, title } = await page(req, reply, notice ? { notice } : {});
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.post('/:lang/signals/keys', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const actor = admin(req);
    const read = validateForm(keyInput, req.body, KEY_LIMITS);
    if (!read.ok) {
      const { page: body, title } = await page(req, reply, { values: typedValues(req.body, KEY_FIELDS), errors: read.errors });
      return reply.refused(read, body, title);
    }
    const { key } = await issueKey(ctx, actor, read.data, req.ip);
    // Shown in this answer only, never in an address: it is a secret.
    const { page: body, title } = await page(req, reply, { issued: { name: read.data.name, key } });
    return reply.headers(NO_STORE).header('referrer-policy', 'no-referrer').page(body, { title, indexable: false });
  });

  app.post('/:lang/signals/keys/:id/revoke', { config: { rateLimit: STAFF_RATE_LIMIT } }, async (req, reply) => {
    const actor = admin(req);
    const { id } = idParams(req);
    if (!(await revokeKey(ctx, actor, id, req.ip))) throw new NotFound();
    return reply.redirect(`/${req.lang}/signals/keys?notice=revoked`, 303);
  });
}
