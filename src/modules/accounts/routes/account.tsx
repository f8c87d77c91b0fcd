import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { queryParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { type ModuleContext, renderSections } from '../../../core/modules.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { accountsPolicy } from '../policy.ts';
import {
  acceptedTerms,
  changePassword,
  confirmEmailChange,
  deleteAccount,
  exportPersonalData,
  requestEmailChange,
  updateProfile,
} from '../service/account.ts';
import { thingsOfGrants } from '../service/scopes.ts';
import { endOtherSessions, listSessions } from '../service/sessions.ts';
import { AccountPage, ChangeEmailPage, ChangePasswordPage, DeletePage, SessionsPage } from '../views/account.tsx';
import { clearSessionCookie } from './session.ts';

const NOTICES = ['confirmed', 'saved', 'password-changed', 'email-changed'] as const;
const endedQuery = queryParams({ ended: z.coerce.number().int().min(0).max(10_000) });

export function accountRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  const overview = async (req: Parameters<typeof requireActor>[0], actor: NonNullable<typeof req.actor>) => {
    const things = [...(await thingsOfGrants(ctx, actor.grants)).values()];
    return {
      actor,
      // The organisations module names them and gives their pages, through the scope it declares.
      organisations: things.filter((thing) => thing.type === 'organisation').sort((a, b) => a.name.localeCompare(b.name)),
      terms: await acceptedTerms(ctx, actor),
      canAudit: accountsPolicy.can(actor, 'audit.view', null),
      scopeNames: new Map(things.map((thing) => [`${thing.type}:${thing.id}`, thing.name])),
      notice: noticeFrom(req, NOTICES),
    };
  };

  app.get('/:lang/account', async (req, reply) => {
    const actor = requireActor(req);
    const csrfToken = reply.generateCsrf();
    // What other modules keep for the person, e.g. the towns they follow, with its own forms.
    const view = { lang: req.lang, t: req.t, actor };
    const sections = await renderSections(ctx, 'account', { csrfToken }, view);
    // What other modules tell the person first about their account, e.g. that moderation blocked it.
    const notices = await renderSections(ctx, 'account.notices', null, view);
    return reply
      .headers(NO_STORE)
      .page(
        <AccountPage
          overview={await overview(req, actor)}
          values={{}}
          errors={{}}
          csrfToken={csrfToken}
          sections={sections}
          notices={notices}
        />,
        { title: req.t('accounts.account.title'), indexable: false },
      );
  });

  app.post('/:lang/account', { config: { textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const result = await updateProfile(ctx, actor, req.body, req.lang);
    if (result.ok) return reply.redirect(`/${req.lang}/account?notice=saved`, 303);
    return reply.refused(
      result,
      <AccountPage
        overview={await overview(req, actor)}
        values={typedValues(req.body, ['name'])}
        errors={result.errors}
        csrfToken={reply.generateCsrf()}
      />,
      req.t('accounts.account.title'),
    );
  });

  app.get('/:lang/account/password', (req, reply) => {
    requireActor(req);
    return reply.headers(NO_STORE).page(<ChangePasswordPage errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.account.changePassword'),
      indexable: false,
    });
  });

  app.post('/:lang/account/password', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const result = await changePassword(ctx, actor, req.sessionId ?? '', req.body);
    if (result.ok) return reply.redirect(`/${req.lang}/account?notice=password-changed`, 303);
    return reply.refused(
      result,
      <ChangePasswordPage errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('accounts.account.changePassword'),
    );
  });

  app.get('/:lang/account/email', (req, reply) => {
    const actor = requireActor(req);
    return reply
      .headers(NO_STORE)
      .page(<ChangeEmailPage values={{}} errors={{}} csrfToken={reply.generateCsrf()} current={actor.email} />, {
        title: req.t('accounts.account.changeEmail'),
        indexable: false,
      });
  });

  app.post('/:lang/account/email', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const result = await requestEmailChange(ctx, actor, req.body);
    if (result.ok) {
      return reply.page(
        <MessagePage title={req.t('form.checkEmail')} success>
          <p>{req.t('accounts.email.sent', { email: result.data.email })}</p>
        </MessagePage>,
        { title: req.t('form.checkEmail'), indexable: false },
      );
    }
    return reply.refused(
      result,
      <ChangeEmailPage
        values={typedValues(req.body, ['email'])}
        errors={result.errors}
        csrfToken={reply.generateCsrf()}
        current={actor.email}
      />,
      req.t('accounts.account.changeEmail'),
    );
  });

  app.get('/:lang/email/confirm/:token', (req, reply) => reply.confirmLink(req.t('accounts.email.confirmTitle')));

  app.post('/:lang/email/confirm/:token', async (req, reply) => {
    const done = await confirmEmailChange(ctx, tokenParams(req).token);
    if (!done) return reply.linkExpired();
    return reply.redirect(req.actor ? `/${req.lang}/account?notice=email-changed` : `/${req.lang}/sign-in`, 303);
  });

  app.get('/:lang/account/sessions', async (req, reply) => {
    const actor = requireActor(req);
    const { ended } = endedQuery(req);
    return reply
      .headers(NO_STORE)
      .page(
        <SessionsPage
          sessions={await listSessions(db, actor.id)}
          currentId={req.sessionId ?? ''}
          csrfToken={reply.generateCsrf()}
          ended={ended}
        />,
        { title: req.t('accounts.sessions.title'), indexable: false },
      );
  });

  app.post('/:lang/account/sessions/end-others', async (req, reply) => {
    const actor = requireActor(req);
    const ended = await endOtherSessions(db, actor.id, req.sessionId ?? '');
    return reply.redirect(`/${req.lang}/account/sessions?ended=${ended}`, 303);
  });

  app.get('/:lang/account/data', async (req, reply) => {
    const actor = requireActor(req);
    return reply
      .headers({ ...NO_STORE, 'content-disposition': 'attachment; filename="municipium-my-data.json"' })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(await exportPersonalData(ctx, actor), null, 2));
  });

  app.get('/:lang/account/delete', (req, reply) => {
    requireActor(req);
    return reply.headers(NO_STORE).page(<DeletePage errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.delete.title'),
      indexable: false,
    });
  });

  app.post('/:lang/account/delete', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const actor = requireActor(req);
    const result = await deleteAccount(ctx, actor, req.body);
    if (result.ok) {
      clearSessionCookie(reply, ctx.config);
      return reply.redirect(`/${req.lang}/account/deleted`, 303);
    }
    return reply.refused(result, <DeletePage errors={result.errors} csrfToken={reply.generateCsrf()} />, req.t('accounts.delete.title'));
  });

  app.get('/:lang/account/deleted', (req, reply) =>
    reply.page(
      <MessagePage title={req.t('accounts.deleted.title')} success>
        <p>{req.t('accounts.deleted.body')}</p>
      </MessagePage>,
      { title: req.t('accounts.deleted.title'), indexable: false },
    ),
  );
}
