import type { Kysely } from 'kysely';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { slugify } from '../../../core/search/normalize.ts';
import * as repo from '../repo.ts';
import type { FundingCall, ProgrammeView, Strand } from '../schema.ts';
import { CALL_LIMITS, type CallInput, callInput, PROGRAMME_LIMITS, type ProgrammeInput, programmeInput } from './inputs.ts';
import { strandNames } from './read.ts';

type Db = Kysely<Tables>;

/** A slug from the acronym (else the name) that no other programme has: cerv, cerv-2, … */
async function freeSlug(db: Db, p: ProgrammeInput): Promise<string> {
  const base = (slugify(p.acronym) || slugify(p.name) || 'programme').slice(0, 70);
  const taken = new Set((await repo.slugsLike(db, base)).map((r) => r.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Strands follow the lines of the form by position: each line names the strand at its place in
 * this language, a line more adds one. Only in the programme's original language does a line less
 * remove one (its calls keep no strand), so a translator cannot delete what they did not write.
 */
async function saveStrands(db: Db, programmeId: number, lines: string[], lang: string, original: boolean) {
  const strands = (await repo.strandsOf(db, [programmeId])) as Strand[];
  for (const [i, line] of lines.entries()) {
    const strand = strands[i];
    if (strand) await repo.updateStrand(db, strand.id, { position: i, names: JSON.stringify({ ...strandNames(strand), [lang]: line }) });
    else {
      const keys = new Set(strands.map((s) => s.key));
      let key = slugify(line).slice(0, 70) || `strand-${i + 1}`;
      while (keys.has(key)) key = `${key}-${i + 1}`;
      await repo.insertStrand(db, { programme_id: programmeId, key, position: i, names: JSON.stringify({ [lang]: line }) });
    }
  }
  if (original)
    await repo.deleteStrands(
      db,
      strands.slice(lines.length).map((s) => s.id),
    );
}

const programmeColumns = (p: ProgrammeInput) => ({
  acronym: p.acronym,
  managing_body: p.managing_body,
  website: p.website,
  areas: p.areas.join(','),
  active: p.active ? 1 : 0,
});

export async function createProgramme(ctx: ModuleContext, actor: Actor, body: unknown, ip: string): Promise<FormResult<{ slug: string }>> {
  const parsed = validateForm(programmeInput, body, PROGRAMME_LIMITS);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  const slug = await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    const slug = await freeSlug(trx, p);
    const id = await repo.insertProgramme(trx, {
      slug,
      ...programmeColumns(p),
      original_language: p.language,
      created_at: now,
      updated_at: now,
    });
    await repo.saveProgrammeText(trx, id, p.language, { name: p.name, summary: p.summary });
    await saveStrands(trx, id, p.strands, p.language, true);
    await audit(trx, actor, { action: 'programme.create', subjectType: 'programme', subjectId: id, details: { slug } }, ip);
    return slug;
  });
  return { ok: true, data: { slug } };
}

/** Changes a programme; its name, summary and strands in the form's language. Its address stays. */
export async function editProgramme(
  ctx: ModuleContext,
  actor: Actor,
  programme: ProgrammeView,
  body: unknown,
  ip: string,
): Promise<FormResult<{ slug: string }>> {
  const parsed = validateForm(programmeInput, body, PROGRAMME_LIMITS);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateProgramme(trx, programme.id, { ...programmeColumns(p), updated_at: new Date().toISOString() });
    await repo.saveProgrammeText(trx, programme.id, p.language, { name: p.name, summary: p.summary });
    await saveStrands(trx, programme.id, p.strands, p.language, p.language === programme.original_language);
    const details = { language: p.language };
    await audit(trx, actor, { action: 'programme.edit', subjectType: 'programme', subjectId: programme.id, details }, ip);
  });
  return { ok: true, data: { slug: programme.slug } };
}

/** The strand a form names, among the programme's; '' is none. */
function strandOf(c: CallInput, strands: Strand[]): FormResult<number | null> {
  if (c.strand === '') return { ok: true, data: null };
  const strand = strands.find((s) => String(s.id) === c.strand);
  return strand ? { ok: true, data: strand.id } : { ok: false, errors: { strand: { key: 'form.error.choose' } } };
}

const callColumns = (c: CallInput, strand: number | null) => ({
  strand_id: strand,
  reference: c.reference,
  areas: c.areas.join(','),
  applicants: c.applicants.join(','),
  countries: c.countries.join(','),
  min_partners: c.min_partners ?? 1,
  min_countries: c.min_countries ?? 1,
  duration_months_min: c.duration_months_min,
  duration_months_max: c.duration_months_max,
  budget_eur: c.budget_eur,
  lump_sum_eur: c.lump_sum_eur,
  opens_at: c.opens_at,
  deadline_at: c.deadline_at,
  time_zone: c.time_zone,
  url: c.url,
});

function readCall(body: unknown, strands: Strand[]): FormResult<{ call: CallInput; strand: number | null }> {
  const parsed = validateForm(callInput, body, CALL_LIMITS);
  if (!parsed.ok) return parsed;
  const strand = strandOf(parsed.data, strands);
  return strand.ok ? { ok: true, data: { call: parsed.data, strand: strand.data } } : strand;
}

export async function createCall(
  ctx: ModuleContext,
  actor: Actor,
  programme: ProgrammeView,
  strands: Strand[],
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const read = readCall(body, strands);
  if (!read.ok) return read;
  const { call: c, strand } = read.data;
  const id = await transaction(ctx.database.db, async (trx) => {
    const now = new Date().toISOString();
    const id = await repo.insertCall(trx, {
      programme_id: programme.id,
      ...callColumns(c, strand),
      original_language: c.language,
      created_at: now,
      updated_at: now,
    });
    await repo.saveCallText(trx, id, c.language, { title: c.title, summary: c.summary });
    const details = { programme: programme.slug, reference: c.reference };
    await audit(trx, actor, { action: 'call.create', subjectType: 'funding_call', subjectId: id, details }, ip);
    return id;
  });
  return { ok: true, data: { id } };
}

export async function editCall(
  ctx: ModuleContext,
  actor: Actor,
  call: FundingCall,
  strands: Strand[],
  body: unknown,
  ip: string,
): Promise<FormResult<{ id: number }>> {
  const read = readCall(body, strands);
  if (!read.ok) return read;
  const { call: c, strand } = read.data;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateCall(trx, call.id, { ...callColumns(c, strand), updated_at: new Date().toISOString() });
    await repo.saveCallText(trx, call.id, c.language, { title: c.title, summary: c.summary });
    const details = { reference: c.reference, language: c.language };
    await audit(trx, actor, { action: 'call.edit', subjectType: 'funding_call', subjectId: call.id, details }, ip);
  });
  return { ok: true, data: { id: call.id } };
}
