import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { Remembered } from '../../../core/cache.ts';
import { type Encoded, encodeOnce, sendEncoded } from '../../../core/http/compression.ts';
import { etagOf } from '../../../core/http/pagecache.ts';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { type DeliverableView, libraryPage } from '../service/deliverable-read.ts';
import { list } from '../service/read.ts';

const PAGE = 100;
/** Answers by query, until a deliverable, its texts or files, a project or a programme changes. */
const answers = new Remembered<Encoded>(10 * 60_000, 200, [
  'deliverables',
  'deliverable_texts',
  'deliverable_files',
  'projects',
  'programmes',
]);
const readDeliverables = apiParams(
  z
    .object({
      q: z.string().max(200).optional(),
      area: z.enum(POLICY_AREAS).optional(),
      programme: z
        .string()
        .regex(/^[a-z0-9-]{1,80}$/, 'must be a programme slug')
        .optional(),
      language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]).optional(),
      project: z
        .string()
        .regex(/^[a-z0-9-]{1,80}$/, 'must be a project slug')
        .optional(),
      lang: languageParam.default('en'),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
    })
    .strict(),
  'query',
);

/** The library in JSON: deliverables with their texts in every language, their project and their files. */
export function deliverablesApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const url = (language: string, path: string) => `${ctx.config.baseUrl}/${language}${path}`;

  const present = (d: DeliverableView, lang: string) => ({
    id: d.id,
    title: d.title,
    summary: d.summary,
    language: d.language,
    texts: d.texts,
    kind: d.kind,
    workPackage: d.work_package || null,
    licence: d.licence,
    publishedOn: d.published_on,
    areas: list(d.areas),
    project: { slug: d.project.slug, acronym: d.project.acronym, url: url(lang, `/projects/${d.project.slug}`) },
    files: d.files.map((f) => ({
      language: f.language,
      version: f.version,
      name: f.original_name,
      type: f.type,
      size: f.size,
      sha256: f.sha256,
      downloads: f.downloads,
      uploadedAt: f.created_at,
      url: url(lang, `/deliverables/${d.id}/files/${f.id}`),
    })),
    url: url(lang, `/deliverables/${d.id}`),
  });

  app.get('/api/v1/deliverables', async (req, reply) => {
    const q = readDeliverables(req);
    // Each query's answer is built and compressed once, then kept until the library changes.
    const answer = await answers.get(db, JSON.stringify(q), async () => {
      // An unknown programme or project matches nothing, as a filter that fits nothing does.
      const programme = q.programme ? ((await repo.programmeBySlug(db, q.programme))?.id ?? 0) : undefined;
      const project = q.project ? ((await repo.projectBySlug(db, q.project))?.id ?? 0) : undefined;
      const query = { q: q.q, area: q.area, language: q.language, programme, project };
      const found = programme === 0 || project === 0 ? { total: 0, items: [] } : await libraryPage(ctx, query, q.page, PAGE, q.lang);
      const body = Buffer.from(
        JSON.stringify({
          data: found.items.map((d) => present(d, q.lang)),
          total: found.total,
          page: q.page,
          next: found.total > q.page * PAGE ? q.page + 1 : null,
        }),
      );
      return encodeOnce(body, etagOf(body));
    });
    reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8');
    return sendEncoded(req, reply, answer, ctx.config);
  });
}
