import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404, NO_STORE, noticeFrom, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import { serveMedia } from '../../../core/images.ts';
import { LOGO_NAME, logoDir } from '../../../core/logos.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { networkPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { MembershipKind } from '../schema.ts';
import { deleteKind, type KindForm, kindForm, saveKind, typedKind } from '../service/kinds.ts';
import { kindLabel, kindsOf, type NetworkView, networkBySlug, networkPath } from '../service/networks.ts';
import {
  currentSettings,
  LOGO_FOLDER,
  removeLogo,
  type SettingsForm,
  saveSettings,
  typedSettings,
  uploadLogo,
} from '../service/settings.ts';
import { KindPage, KindsPage } from '../views/kinds.tsx';
import { SettingsPage } from '../views/settings.tsx';

const slugParams = pathParams(z.object({ slug: z.string().max(80) }));
const kindParams = pathParams(z.object({ slug: z.string().max(80), id: idSchema }));
const languageQuery = queryParams({ language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]) });
const TEXT_FORM = { rateLimit: FORM_RATE_LIMIT, textChecked: true };

/** The coordinators' pages of a network: its settings and logo, and its kinds of membership. */
export function settingsRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The network of the address, for a person who may edit it; otherwise 404, 403 or sign-in. */
  async function editable(req: FastifyRequest) {
    const n = await loadOr404(networkBySlug(ctx, slugParams(req).slug, req.lang));
    const actor = requireActor(req);
    networkPolicy.authorize(actor, 'network.edit', n);
    return { n, actor };
  }

  const back = (req: FastifyRequest, n: NetworkView, page: string, notice: string) =>
    `/${req.lang}${networkPath(n)}/${page}?notice=${notice}`;

  function settingsPage(reply: FastifyReply, n: NetworkView, form: SettingsForm, errors: FieldErrors, logoErrors: FieldErrors = {}) {
    const notice = noticeFrom(reply.request, ['saved', 'logo', 'logoRemoved']);
    return <SettingsPage view={{ network: n, form, errors, logoErrors, csrfToken: reply.generateCsrf(), notice }} />;
  }
  const settingsTitle = (req: FastifyRequest, n: NetworkView) => req.t('networks.settings.titleOf', { network: n.name });

  app.get('/:lang/networks/:slug/settings', async (req, reply) => {
    const { n } = await editable(req);
    const { language } = languageQuery(req);
    const form = await currentSettings(ctx, n, language ? [req.lang, language] : [req.lang]);
    return reply.headers(NO_STORE).page(settingsPage(reply, n, form, {}), { title: settingsTitle(req, n), indexable: false });
  });

  app.post('/:lang/networks/:slug/settings', { config: TEXT_FORM }, async (req, reply) => {
    const { n, actor } = await editable(req);
    const result = await saveSettings(ctx, actor, n, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, n, 'settings', 'saved'), 303);
    const form = await typedSettings(ctx, n, req.body);
    return reply.refused(result, settingsPage(reply, n, form, result.errors), settingsTitle(req, n));
  });

  app.post('/:lang/networks/:slug/logo', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { n, actor } = await editable(req);
    const result = await uploadLogo(ctx, actor, n, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, n, 'settings', 'logo'), 303);
    const form = await currentSettings(ctx, n, [req.lang]);
    return reply.refused(result, settingsPage(reply, n, form, {}, result.errors), settingsTitle(req, n));
  });

  app.post('/:lang/networks/:slug/logo/remove', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { n, actor } = await editable(req);
    await removeLogo(ctx, actor, n, req.ip);
    return reply.redirect(back(req, n, 'settings', 'logoRemoved'), 303);
  });

  serveMedia(app, '/media/networks', () => logoDir(ctx.config.dataDir, LOGO_FOLDER), LOGO_NAME);

  /** The languages a kind's form offers besides English and the first one: those the network is written in, the reader's. */
  const moreLanguages = async (req: FastifyRequest, n: NetworkView) => [
    ...(await repo.allTextsOf(db, n.id)).map((t) => t.language),
    req.lang,
  ];

  async function kindsPage(req: FastifyRequest, reply: FastifyReply, n: NetworkView, form?: KindForm, errors: FieldErrors = {}) {
    const [kinds, counts] = await Promise.all([kindsOf(ctx, [n.id]), repo.membershipsByKind(db, n.id)]);
    const next = Math.min(999, Math.max(-1, ...kinds.map((k) => k.position)) + 1);
    const view = {
      network: n,
      kinds,
      used: new Map(counts.map((c) => [c.kind_id, Number(c.n)])),
      form: form ?? kindForm(n, undefined, await moreLanguages(req, n), next),
      errors,
      csrfToken: reply.generateCsrf(),
      notice: noticeFrom(req, ['kindAdded', 'saved', 'kindDeleted']),
    };
    return <KindsPage view={view} />;
  }

  app.get('/:lang/networks/:slug/kinds', async (req, reply) => {
    const { n } = await editable(req);
    return reply.headers(NO_STORE).page(await kindsPage(req, reply, n), { title: req.t('networks.kinds.title'), indexable: false });
  });

  app.post('/:lang/networks/:slug/kinds', { config: TEXT_FORM }, async (req, reply) => {
    const { n, actor } = await editable(req);
    const result = await saveKind(ctx, actor, n, undefined, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, n, 'kinds', 'kindAdded'), 303);
    const form = typedKind(n, req.body, await moreLanguages(req, n));
    return reply.refused(result, await kindsPage(req, reply, n, form, result.errors), req.t('networks.kinds.title'));
  });

  /** The kind of membership of the address, of the network of the address. */
  async function kindOf(req: FastifyRequest) {
    const found = await editable(req);
    const { id } = kindParams(req);
    const kind = await loadOr404((await kindsOf(ctx, [found.n.id])).find((k) => k.id === id));
    return { ...found, kind };
  }

  async function kindPage(req: FastifyRequest, reply: FastifyReply, n: NetworkView, kind: MembershipKind, form?: KindForm, errors = {}) {
    const counts = await repo.membershipsByKind(db, n.id);
    const view = {
      network: n,
      kind,
      used: Number(counts.find((c) => c.kind_id === kind.id)?.n ?? 0),
      form: form ?? kindForm(n, kind, await moreLanguages(req, n)),
      errors,
      csrfToken: reply.generateCsrf(),
    };
    return <KindPage view={view} />;
  }
  const kindTitle = (req: FastifyRequest, kind: MembershipKind) => req.t('networks.kinds.edit', { kind: kindLabel(kind, req.lang) });

  app.get('/:lang/networks/:slug/kinds/:id', async (req, reply) => {
    const { n, kind } = await kindOf(req);
    return reply.headers(NO_STORE).page(await kindPage(req, reply, n, kind), { title: kindTitle(req, kind), indexable: false });
  });

  app.post('/:lang/networks/:slug/kinds/:id', { config: TEXT_FORM }, async (req, reply) => {
    const { n, actor, kind } = await kindOf(req);
    const result = await saveKind(ctx, actor, n, kind, req.body, req.ip);
    if (result.ok) return reply.redirect(back(req, n, 'kinds', 'saved'), 303);
    const form = typedKind(n, req.body, await moreLanguages(req, n));
    return reply.refused(result, await kindPage(req, reply, n, kind, form, result.errors), kindTitle(req, kind));
  });

  app.post('/:lang/networks/:slug/kinds/:id/delete', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const { n, actor, kind } = await kindOf(req);
    if (await deleteKind(ctx, actor, n, kind, req.ip)) return reply.redirect(back(req, n, 'kinds', 'kindDeleted'), 303);
    const errors = { form: { key: 'networks.error.kindInUse' } };
    return reply.refused({ errors }, await kindPage(req, reply, n, kind, undefined, errors), kindTitle(req, kind));
  });
}
