import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import { serveMedia } from '../../../core/images.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalitiesPolicy } from '../policy.ts';
import { municipalityBySlug } from '../service/directory.ts';
import { mediaDir, uploadImage } from '../service/images.ts';
import { currentValues, editProfile, historyOf, languagesOf } from '../service/profile.ts';
import { profilePath } from '../views/common.tsx';
import { EditProfilePage, HistoryPage } from '../views/edit.tsx';
import { placeOf } from './place.ts';

export function editRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** The municipality of the address, for a person allowed to edit it; otherwise 404, 403 or sign-in. */
  async function editable(req: FastifyRequest) {
    const m = await placeOf(ctx, req);
    const actor = requireActor(req);
    municipalitiesPolicy.authorize(actor, 'municipality.edit', m);
    return { m, actor };
  }

  const descriptionLanguages = (languages: string[], lang: string) => [...new Set([...languages, lang])];

  app.get('/:lang/municipalities/:country/:slug/edit', async (req, reply) => {
    const found = await editable(req);
    const { m } = found;
    return reply
      .headers(NO_STORE)
      .page(
        <EditProfilePage
          m={m}
          values={await currentValues(db, m)}
          errors={{}}
          csrfToken={reply.generateCsrf()}
          descriptionLanguages={descriptionLanguages(languagesOf(m), req.lang)}
        />,
        { title: req.t('municipalities.edit.title', { name: m.name }), indexable: false },
      );
  });

  app.post(
    '/:lang/municipalities/:country/:slug/edit',
    { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } },
    async (req, reply) => {
      const found = await editable(req);
      const { m, actor } = found;
      const result = await editProfile(ctx, actor, m, req.body, req.ip);
      if (result.ok) {
        const saved = (await municipalityBySlug(db, m.country, m.slug)) ?? m;
        return reply.redirect(`/${req.lang}${profilePath(saved)}?notice=saved`, 303);
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(
        Object.entries(body)
          .filter(([k]) => k !== '_csrf')
          .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '']),
      );
      return reply.refused(
        result,
        <EditProfilePage
          m={m}
          values={values}
          errors={result.errors}
          csrfToken={reply.generateCsrf()}
          descriptionLanguages={descriptionLanguages((values.languages ?? '').split(',').filter(Boolean), req.lang)}
        />,
        req.t('municipalities.edit.title', { name: m.name }),
      );
    },
  );

  app.post('/:lang/municipalities/:country/:slug/images', { config: { rateLimit: FORM_RATE_LIMIT } }, async (req, reply) => {
    const found = await editable(req);
    const { m, actor } = found;
    const result = await uploadImage(ctx, actor, m, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}${profilePath(m)}?notice=saved`, 303);
    return reply.refused(
      result,
      <EditProfilePage
        m={m}
        values={await currentValues(db, m)}
        errors={{}}
        imageErrors={result.errors}
        csrfToken={reply.generateCsrf()}
        descriptionLanguages={descriptionLanguages(languagesOf(m), req.lang)}
      />,
      req.t('municipalities.edit.title', { name: m.name }),
    );
  });

  serveMedia(app, '/media/municipalities', () => mediaDir(ctx), /^\d+-(coat-of-arms|mayor-photo)-[0-9a-f]{12}-\d+\.webp$/);

  app.get('/:lang/municipalities/:country/:slug/history', async (req, reply) => {
    const found = await editable(req);
    return reply.headers(NO_STORE).page(<HistoryPage m={found.m} entries={await historyOf(db, found.m.id)} />, {
      title: req.t('municipalities.history.heading', { name: found.m.name }),
      indexable: false,
    });
  });
}
