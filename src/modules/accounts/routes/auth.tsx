import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { NO_STORE, noticeFrom } from '../../../core/http/guards.ts';
import { queryParams, tokenParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { caughtInHoneypot } from '../../../core/http/spam.tsx';
import type { ModuleContext } from '../../../core/modules.ts';
import { MessagePage } from '../../../core/views/forms.tsx';
import { confirmEmail, requestPasswordReset, resetPassword, resetTokenIsUsable, signIn, signUp } from '../service/auth.ts';
import { endSession, startSession } from '../service/sessions.ts';
import { ForgotPage, ResetPage, SignInPage, SignUpPage } from '../views/auth.tsx';
import { clearSessionCookie, clientOf, knownDevice, rememberDevice, safeNext, setSessionCookie } from './session.ts';

const nextQuery = queryParams({ next: z.string() });

export function authRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { config } = ctx;

  app.get('/:lang/sign-up', (req, reply) => {
    if (req.actor) return reply.redirect(`/${req.lang}/account`, 303);
    return reply.headers(NO_STORE).page(<SignUpPage values={{}} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.signUp.title'),
    });
  });

  app.post('/:lang/sign-up', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const checkEmail = `/${req.lang}/sign-up/check-email`;
    // A robot is told to check its mail like a person, and no account is made nor mail sent.
    if (caughtInHoneypot(req.body)) return reply.redirect(checkEmail, 303);
    const result = await signUp(ctx, req.body, req.lang, req.ip);
    if (result.ok) return reply.redirect(checkEmail, 303);
    return reply.refused(
      result,
      <SignUpPage values={typedValues(req.body, ['name', 'email', 'terms'])} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('accounts.signUp.title'),
    );
  });

  app.get('/:lang/sign-up/check-email', (req, reply) =>
    reply.page(
      <MessagePage title={req.t('form.checkEmail')} success>
        <p>{req.t('accounts.checkEmail.body')}</p>
      </MessagePage>,
      { title: req.t('form.checkEmail'), indexable: false },
    ),
  );

  app.get('/:lang/confirm/:token', (req, reply) => reply.confirmLink(req.t('accounts.confirm.title'), req.t('accounts.confirm.lead')));

  app.post('/:lang/confirm/:token', async (req, reply) => {
    const user = await confirmEmail(ctx, tokenParams(req).token);
    if (!user) return reply.linkExpired();
    if (req.sessionId) await endSession(ctx.database.db, req.sessionId);
    setSessionCookie(reply, config, await startSession(ctx.database.db, user.id, clientOf(req)));
    rememberDevice(req, reply, config, user.id);
    return reply.redirect(`/${req.lang}/account?notice=confirmed`, 303);
  });

  app.get('/:lang/sign-in', { config: { textChecked: true } }, (req, reply) => {
    const next = safeNext(req.lang, nextQuery(req).next);
    if (req.actor) return reply.redirect(next, 303);
    const notice = noticeFrom(req, ['password-reset']);
    return reply
      .headers(NO_STORE)
      .page(<SignInPage values={{}} errors={{}} csrfToken={reply.generateCsrf()} next={next} notice={notice} />, {
        title: req.t('accounts.signIn.title'),
      });
  });

  // Limited per address, per account and per known browser in the database (see THROTTLE), shared by all processes.
  app.post('/:lang/sign-in', { config: { textChecked: true } }, async (req, reply) => {
    const result = await signIn(ctx, req.body, req.ip, knownDevice(req));
    const next = safeNext(req.lang, (req.body as { next?: unknown } | undefined)?.next);
    if (result.ok) {
      if (req.sessionId) await endSession(ctx.database.db, req.sessionId);
      setSessionCookie(reply, config, await startSession(ctx.database.db, result.user.id, clientOf(req)));
      rememberDevice(req, reply, config, result.user.id);
      return reply.redirect(next, 303);
    }
    return reply.refused(
      result,
      <SignInPage values={typedValues(req.body, ['email'])} errors={result.errors} csrfToken={reply.generateCsrf()} next={next} />,
      req.t('accounts.signIn.title'),
    );
  });

  app.post('/:lang/sign-out', async (req, reply) => {
    if (req.sessionId) await endSession(ctx.database.db, req.sessionId);
    clearSessionCookie(reply, config);
    return reply.redirect(`/${req.lang}/`, 303);
  });

  app.get('/:lang/password/forgot', (req, reply) =>
    reply.headers(NO_STORE).page(<ForgotPage values={{}} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.forgot.title'),
    }),
  );

  app.post('/:lang/password/forgot', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const result = await requestPasswordReset(ctx, req.body, req.ip);
    if (result.ok) {
      return reply.page(
        <MessagePage title={req.t('form.checkEmail')} success>
          <p>{req.t('accounts.forgot.sent')}</p>
        </MessagePage>,
        { title: req.t('form.checkEmail'), indexable: false },
      );
    }
    return reply.refused(
      result,
      <ForgotPage values={typedValues(req.body, ['email'])} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('accounts.forgot.title'),
    );
  });

  app.get('/:lang/password/reset/:token', async (req, reply) => {
    const { token } = tokenParams(req);
    if (!(await resetTokenIsUsable(ctx, token))) return reply.linkExpired();
    return reply.headers(NO_STORE).page(<ResetPage errors={{}} csrfToken={reply.generateCsrf()} token={token} />, {
      title: req.t('accounts.reset.title'),
      indexable: false,
    });
  });

  app.post('/:lang/password/reset/:token', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { token } = tokenParams(req);
    const result = await resetPassword(ctx, token, req.body);
    if (result.ok) {
      clearSessionCookie(reply, config);
      return reply.redirect(`/${req.lang}/sign-in?notice=password-reset`, 303);
    }
    if ('expired' in result) return reply.linkExpired();
    return reply.refused(
      result,
      <ResetPage errors={result.errors} csrfToken={reply.generateCsrf()} token={token} />,
      req.t('accounts.reset.title'),
    );
  });
}
