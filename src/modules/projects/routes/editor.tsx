import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams, queryParams } from '../../../core/http/params.ts';
import { STAFF_RATE_LIMIT } from '../../../core/http/security.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../core/i18n/languages.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { DEFAULT_ZONE } from '../../../core/zones.ts';
import { projectsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { FundingCall, ProgrammeView, Strand } from '../schema.ts';
import { localInput } from '../service/dates.ts';
import { createCall, createProgramme, editCall, editProgramme } from '../service/editing.ts';
import { CALL_FIELDS, PROGRAMME_FIELDS } from '../service/inputs.ts';
import { list, pick, programmeBySlug, strandName, strandsOf } from '../service/read.ts';
import { CallForm, type FormValues, ProgrammeForm } from '../views/editor.tsx';
import { slugParams } from './public.tsx';

const idParams = pathParams(z.object({ id: idSchema }));
const languageQuery = queryParams({ language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]) });
// Platform editors at work save often; the staff limit still stops a runaway script.
const FORM = { config: { rateLimit: STAFF_RATE_LIMIT, textChecked: true } };

/** What was typed, lists included, to show again with its errors. */
function typed(body: unknown, fields: readonly string[], lists: string[]): FormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
  return { ...typedValues(body, fields), ...Object.fromEntries(lists.map((l) => [l, strings(b[l])])) };
}

/** The platform editors' pages: programmes and their calls, every change in the audit log. */
export function editorRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { db } = ctx.database;

  /** Only who keeps the catalogue gets past: a visitor signs in first, anyone else is refused (403). */
  function editor(req: FastifyRequest, action: 'programme.edit' | 'call.edit') {
    const actor = requireActor(req);
    projectsPolicy.authorize(actor, action, null);
    return actor;
  }

  function programmeForm(reply: FastifyReply, title: string, action: string, values: FormValues, errors = {}) {
    reply.headers(NO_STORE);
    return <ProgrammeForm view={{ title, action, values, errors, csrfToken: reply.generateCsrf() }} />;
  }

  /** A programme's saved values in a language: its texts there, else the original's to translate from. */
  async function programmeValues(p: ProgrammeView, language: string): Promise<FormValues> {
    const [texts, strands] = await Promise.all([repo.programmeTexts(db, [p.id]), strandsOf(ctx, p.id)]);
    const text = pick(texts, language, p.original_language);
    return {
      language,
      acronym: p.acronym,
      name: text?.name ?? '',
      summary: text?.summary ?? '',
      managing_body: p.managing_body,
      website: p.website,
      areas: list(p.areas),
      active: p.active ? 'on' : '',
      strands: strands.map((s) => strandName(s, language, p.original_language)).join('\n'),
    };
  }

  app.get('/:lang/programmes/new', async (req, reply) => {
    editor(req, 'programme.edit');
    const title = req.t('projects.programme.new');
    const page = programmeForm(reply, title, `/${req.lang}/programmes/new`, { language: req.lang, active: 'on' });
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/programmes/new', FORM, async (req, reply) => {
    const actor = editor(req, 'programme.edit');
    const result = await createProgramme(ctx, actor, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/programmes/${result.data.slug}`, 303);
    const title = req.t('projects.programme.new');
    const values = typed(req.body, PROGRAMME_FIELDS, ['areas']);
    return reply.refused(result, programmeForm(reply, title, `/${req.lang}/programmes/new`, values, result.errors), title);
  });

  async function editableProgramme(req: FastifyRequest) {
    const { slug } = slugParams(req);
    const actor = editor(req, 'programme.edit');
    return { actor, programme: await loadOr404(programmeBySlug(ctx, slug, req.lang)) };
  }

  app.get('/:lang/programmes/:slug/edit', async (req, reply) => {
    const { programme } = await editableProgramme(req);
    const language = languageQuery(req).language ?? programme.original_language;
    const title = req.t('projects.programme.editOf', { programme: programme.acronym });
    const page = programmeForm(reply, title, `/${req.lang}/programmes/${programme.slug}/edit`, await programmeValues(programme, language));
    return reply.page(page, { title, indexable: false });
  });

  app.post('/:lang/programmes/:slug/edit', FORM, async (req, reply) => {
    const { actor, programme } = await editableProgramme(req);
    const result = await editProgramme(ctx, actor, programme, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/programmes/${programme.slug}`, 303);
    const title = req.t('projects.programme.editOf', { programme: programme.acronym });
    const values = typed(req.body, PROGRAMME_FIELDS, ['areas']);
    return reply.refused(
      result,
      programmeForm(reply, title, `/${req.lang}/programmes/${programme.slug}/edit`, values, result.errors),
      title,
    );
  });

  function callForm(req: FastifyRequest, reply: FastifyReply, strands: Strand[], p: ProgrammeView, title: string, action: string) {
    const options = strands.map((s) => ({ value: String(s.id), label: strandName(s, req.lang, p.original_language) }));
    return (values: FormValues, errors = {}) => {
      reply.headers(NO_STORE);
      return <CallForm view={{ title, action, values, errors, strands: options, csrfToken: reply.generateCsrf() }} />;
    };
  }

  async function newCall(req: FastifyRequest, reply: FastifyReply) {
    const { slug } = slugParams(req);
    const actor = editor(req, 'call.edit');
    const programme = await loadOr404(programmeBySlug(ctx, slug, req.lang));
    const strands = await strandsOf(ctx, programme.id);
    const title = req.t('projects.call.newIn', { programme: programme.acronym });
    const form = callForm(req, reply, strands, programme, title, `/${req.lang}/programmes/${programme.slug}/calls/new`);
    return { actor, programme, strands, title, form };
  }

  app.get('/:lang/programmes/:slug/calls/new', async (req, reply) => {
    const { title, form, programme } = await newCall(req, reply);
    const values = { language: req.lang, time_zone: DEFAULT_ZONE, min_partners: '1', min_countries: '1', areas: list(programme.areas) };
    return reply.page(form(values), { title, indexable: false });
  });

  app.post('/:lang/programmes/:slug/calls/new', FORM, async (req, reply) => {
    const { actor, programme, strands, title, form } = await newCall(req, reply);
    const result = await createCall(ctx, actor, programme, strands, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/calls/${result.data.id}`, 303);
    return reply.refused(result, form(typed(req.body, CALL_FIELDS, ['areas', 'applicants']), result.errors), title);
  });

  async function editableCall(req: FastifyRequest, reply: FastifyReply) {
    const { id } = idParams(req);
    const actor = editor(req, 'call.edit');
    const call = (await loadOr404(repo.callById(db, id))) as FundingCall;
    const [row] = await repo.programmesByIds(db, [call.programme_id]);
    const programme = await loadOr404(programmeBySlug(ctx, row!.slug, req.lang));
    const strands = await strandsOf(ctx, programme.id);
    const title = req.t('projects.call.editOf', { reference: call.reference });
    return { actor, call, strands, title, form: callForm(req, reply, strands, programme, title, `/${req.lang}/calls/${call.id}/edit`) };
  }

  /** A call's saved values, its texts in a language (else the original's to translate from), its times on its own clock. */
  async function callValues(call: FundingCall, language: string): Promise<FormValues> {
    const text = pick(await repo.callTexts(db, [call.id]), language, call.original_language);
    const n = (v: number | null) => (v === null ? '' : String(v));
    return {
      language,
      reference: call.reference,
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      strand: call.strand_id ? String(call.strand_id) : '',
      areas: list(call.areas),
      applicants: list(call.applicants),
      countries: list(call.countries).join(', '),
      min_partners: String(call.min_partners),
      min_countries: String(call.min_countries),
      duration_months_min: n(call.duration_months_min),
      duration_months_max: n(call.duration_months_max),
      budget_eur: n(call.budget_eur),
      lump_sum_eur: n(call.lump_sum_eur),
      opens_at: localInput(call.opens_at, call.time_zone),
      deadline_at: localInput(call.deadline_at, call.time_zone),
      time_zone: call.time_zone,
      url: call.url,
    };
  }

  app.get('/:lang/calls/:id/edit', async (req, reply) => {
    const { call, title, form } = await editableCall(req, reply);
    const language = languageQuery(req).language ?? call.original_language;
    return reply.page(form(await callValues(call, language)), { title, indexable: false });
  });

  app.post('/:lang/calls/:id/edit', FORM, async (req, reply) => {
    const { actor, call, strands, title, form } = await editableCall(req, reply);
    const result = await editCall(ctx, actor, call, strands, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/calls/${call.id}`, 303);
    return reply.refused(result, form(typed(req.body, CALL_FIELDS, ['areas', 'applicants']), result.errors), title);
  });
}
