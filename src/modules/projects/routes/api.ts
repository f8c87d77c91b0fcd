import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiParams, languageParam } from '../../../core/http/params.ts';
import type { LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import { type CallView, callState, type FundingCall, type ProgrammeView } from '../schema.ts';
import { allProgrammes, callViews, list, strandName } from '../service/read.ts';
import { callFilter, filterShape } from './filters.ts';
import { projectApi } from './project-api.ts';

const PAGE = 100;
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const lang = languageParam.default('en');
const readProgrammes = apiParams(z.object({ lang, page }).strict(), 'query');
const readCalls = apiParams(
  z
    .object({
      area: filterShape.area.optional(),
      applicant: filterShape.applicant.optional(),
      open: filterShape.open.optional(),
      deadline_before: filterShape.deadline_before.optional(),
      lang,
      page,
    })
    .strict(),
  'query',
);

/** The read API of the catalogue: programmes with their strands, and calls with the list's filters. */
export function projectsApi(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;
  const url = (language: string, path: string) => `${ctx.config.baseUrl}/${language}${path}`;

  app.get('/api/v1/programmes', async (req, reply) => {
    const q = readProgrammes(req);
    const all = await allProgrammes(ctx, q.lang);
    const rows = all.slice((q.page - 1) * PAGE, q.page * PAGE);
    const strands = await repo.strandsOf(
      db,
      rows.map((p) => p.id),
    );
    const present = (p: ProgrammeView) => ({
      slug: p.slug,
      acronym: p.acronym,
      name: p.name,
      summary: p.summary,
      language: p.language,
      managingBody: p.managing_body || null,
      website: p.website || null,
      areas: list(p.areas),
      active: p.active === 1,
      strands: strands
        .filter((s) => s.programme_id === p.id)
        .map((s) => ({ key: s.key, name: strandName({ ...s, id: s.id }, q.lang, p.original_language) })),
      url: url(q.lang, `/programmes/${p.slug}`),
    });
    const total = all.length;
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data: rows.map(present), total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  const presentCall = (c: CallView, language: LanguageCode) => ({
    id: c.id,
    reference: c.reference,
    title: c.title,
    summary: c.summary,
    language: c.language,
    programme: c.programme.slug,
    strand: c.strand,
    state: callState(c),
    areas: list(c.areas),
    applicants: list(c.applicants),
    countries: list(c.countries),
    minPartners: c.min_partners,
    minCountries: c.min_countries,
    durationMonths: { min: c.duration_months_min, max: c.duration_months_max },
    budgetEur: c.budget_eur,
    lumpSumEur: c.lump_sum_eur,
    opensAt: c.opens_at,
    deadlineAt: c.deadline_at,
    timeZone: c.time_zone,
    officialUrl: c.url,
    url: url(language, `/calls/${c.id}`),
  });

  app.get('/api/v1/calls', async (req, reply) => {
    const q = readCalls(req);
    const now = new Date().toISOString();
    const where = callFilter(q, now);
    const [total, rows] = await Promise.all([
      repo.countCalls(db, where),
      repo.callsPage(db, where, now, (q.page - 1) * PAGE, PAGE) as Promise<FundingCall[]>,
    ]);
    const data = (await callViews(ctx, rows, q.lang)).map((c) => presentCall(c, q.lang));
    return reply
      .header('cache-control', 'public, max-age=60')
      .send({ data, total, page: q.page, next: total > q.page * PAGE ? q.page + 1 : null });
  });

  projectApi(app, ctx);
}
