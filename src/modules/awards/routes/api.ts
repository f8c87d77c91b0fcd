import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { type EditionView, phaseOf } from '../schema.ts';
import { categoriesOf, editionBySlug, editionViews, nominationViews } from '../service/read.ts';
import { publishedResult } from '../service/results.ts';

const lang = languageParam.default('en');
const readList = apiParams(z.object({ lang }).strict(), 'query');
const readOne = apiParams(z.object({ edition: z.string().regex(/^[a-z0-9-]{1,80}$/) }), 'path');

/** Public data only: editions, categories, shortlists and published results; never votes or who nominated. */
/** A criterion's mean as published: two decimals, or null when nobody scored on it. */
const roundedMean = (m: number | undefined) => (m === undefined ? null : Math.round(m * 100) / 100);

export function awardsApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const url = (language: string, path: string) => `${ctx.config.baseUrl}/${language}${path}`;
  const summary = (e: EditionView, language: string) => ({
    slug: e.slug,
    year: e.year,
    title: e.title,
    phase: phaseOf(e),
    nominationsClose: e.nominations_close,
    voteOpens: e.vote_opens,
    voteCloses: e.vote_closes,
    juryCloses: e.jury_closes,
    resultsOn: e.results_on,
    juryWeight: e.jury_weight,
    url: url(language, `/awards/${e.slug}`),
  });

  app.get('/api/v1/awards', async (req, reply) => {
    const q = readList(req);
    const editions = await editionViews(ctx, await repo.allEditions(db), q.lang);
    return reply.header('cache-control', 'public, max-age=60').send({ data: editions.map((e) => summary(e, q.lang)) });
  });

  app.get('/api/v1/awards/:edition', async (req, reply) => {
    const q = readList(req);
    const edition = await loadOr404(editionBySlug(ctx, readOne(req).edition, q.lang));
    const phase = phaseOf(edition);
    const categories = await categoriesOf(ctx, edition, q.lang);
    const nominations = await nominationViews(
      ctx,
      await repo.nominationsOf(
        db,
        categories.map((c) => c.id),
      ),
    );
    const shown = (state: string) =>
      phase === 'nominations' || phase === 'shortlisting' ? state === 'accepted' || state === 'shortlisted' : state === 'shortlisted';
    const data = {
      ...summary(edition, q.lang),
      rules: edition.rules,
      categories: await Promise.all(
        categories.map(async (c) => {
          const result = await publishedResult(ctx, c, q.lang);
          return {
            slug: c.slug,
            name: c.name,
            kind: c.kind,
            nominees: nominations
              .filter((n) => n.category_id === c.id && shown(n.state))
              .map((n) => ({
                id: n.id,
                mayor: n.mayor_name || null,
                practice: n.practice || null,
                municipality: n.town,
                country: n.country,
                shortlisted: n.state === 'shortlisted',
              })),
            results: result
              ? {
                  publishedAt: c.published_at,
                  votesCounted: result.counted,
                  votesVoided: result.voided,
                  ranking: result.ranking.map((r) => ({
                    rank: r.rank,
                    nominee: r.nomination_id,
                    votes: r.votes,
                    juryScore: r.jury_score,
                    finalScore: r.final_score,
                    criteria: result.criteria.map((k) => ({
                      name: k.name,
                      weight: k.weight,
                      mean: roundedMean(result.means.get(r.nomination_id)?.get(k.id)),
                    })),
                  })),
                }
              : null,
            url: url(q.lang, `/awards/${edition.slug}/${c.slug}`),
          };
        }),
      ),
    };
    return reply.header('cache-control', 'public, max-age=60').send(data);
  });
}
