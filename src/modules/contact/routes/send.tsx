import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, NotFound } from '../../../core/http/guards.ts';
import { tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { MessagePage } from '../../../core/views/forms.tsx';
import { contactPolicy } from '../policy.ts';
import { ATTACHMENT_LIMIT } from '../schema.ts';
import { accountThreadPath, contactPath, keyThreadPath } from '../service/links.ts';
import { confirmByLink, SEND_FIELDS, sendEnquiry } from '../service/send.ts';
import { medianFirstResponse } from '../service/threads.ts';
import { responseDays, topicChoices } from '../service/topics.ts';
import { SendPage } from '../views/send.tsx';
import { townOf, townRef } from './town.ts';

/** A person corrects a field or two before it goes: a few posts per enquiry. */
const SEND_RATE_LIMIT = { max: 20, timeWindow: '10 minutes' } as const;
const SEND = { config: { rateLimit: SEND_RATE_LIMIT, textChecked: true, uploadLimit: ATTACHMENT_LIMIT } };

/** The town hall's contact form, the page that says to check one's mail, and the mailed link that sends it on. */
export function sendRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  async function page(req: FastifyRequest, reply: FastifyReply, values: Partial<Record<string, string>>, errors: FieldErrors) {
    const town = await townOf(ctx, req);
    // A town that has not joined has no inbox: the address names nothing. A blocked account is refused.
    if (!town.joined_at) throw new NotFound();
    contactPolicy.authorize(req.actor, 'enquiry.send', townRef(town));
    const [topics, response, median] = await Promise.all([
      topicChoices(ctx, town.id, req.t),
      responseDays(ctx, town.id),
      medianFirstResponse(ctx, town.id),
    ]);
    const view = {
      town,
      topics,
      responseDays: response.days,
      medianHours: median,
      values: { ...(req.actor ? { name: req.actor.name } : {}), ...values },
      errors,
      csrfToken: reply.generateCsrf(),
      signedIn: !!req.actor,
      staff: contactPolicy.can(req.actor, 'topics.manage', { municipality_id: town.id }),
    };
    return { town, topics, body: <SendPage view={view} />, title: req.t('townContact.form.title', { town: town.name }) };
  }

  app.get('/:lang/municipalities/:country/:slug/contact', async (req, reply) => {
    const { body, title } = await page(req, reply, {}, {});
    return reply.headers(NO_STORE).page(body, { title, indexable: false });
  });

  app.post('/:lang/municipalities/:country/:slug/contact', SEND, async (req, reply) => {
    const { town, topics } = await page(req, reply, {}, {});
    // A robot is answered as if all went well, and nothing is kept.
    if (caughtInHoneypot(req.body)) return reply.redirect(`/${req.lang}${contactPath(town)}/sent`, 303);
    const sent = await sendEnquiry(ctx, req.actor, town, topics, req.body, req.lang);
    if (!sent.ok) {
      const refused = await page(req, reply, typedValues(req.body, SEND_FIELDS), sent.errors);
      return reply.refused(sent, refused.body, refused.title);
    }
    if (sent.reference) return reply.redirect(`/${req.lang}${accountThreadPath(sent.reference)}?notice=sent`, 303);
    return reply.redirect(`/${req.lang}${contactPath(town)}/sent`, 303);
  });

  app.get('/:lang/municipalities/:country/:slug/contact/sent', async (req, reply) => {
    await townOf(ctx, req);
    return reply.headers(NO_STORE).page(
      <MessagePage title={req.t('form.checkEmail')}>
        <p>{req.t('townContact.sent')}</p>
      </MessagePage>,
      { title: req.t('form.checkEmail'), indexable: false },
    );
  });

  app.get('/:lang/contact/confirm/:token', (req, reply) => {
    tokenParams(req);
    return reply.confirmLink(req.t('townContact.confirm.title'), req.t('townContact.confirm.lead'));
  });

  app.post('/:lang/contact/confirm/:token', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const id = await confirmByLink(ctx, tokenParams(req).token);
    if (!id) return reply.linkExpired();
    return reply.redirect(`/${req.lang}${keyThreadPath(ctx, id)}?notice=sent`, 303);
  });
}
