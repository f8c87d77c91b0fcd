import { Remembered } from '../../../core/cache.ts';
import { today } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { ProcessRef } from '../policy.ts';
import * as repo from '../repo.ts';
import type { PhaseAction, Process, ProcessPhase } from '../schema.ts';

export type Phase = Omit<ProcessPhase, 'actions'> & { actions: PhaseAction[] };

/** A process as a reader sees it: its texts in their language (or the original), its phases, the one running. */
export interface ProcessView extends Process {
  title: string;
  summary: string;
  description: string;
  /** The language the texts shown are in. */
  textLanguage: string;
  areaList: string[];
  phases: Phase[];
  /** The phase running on the day; null before the first and after the last. */
  current: Phase | null;
}

export const processPath = (p: { slug: string }) => `/participation/${p.slug}`;

/** What the rules need of a process: its owner, whether it is out, and what its phase allows today. */
export const refOf = (p: ProcessView): ProcessRef => ({
  owner_type: p.owner_type,
  owner_id: p.owner_id,
  published: p.published,
  actions: p.current?.actions ?? [],
});

/** The phase running on a day (YYYY-MM-DD): both its first and last day count. */
export const phaseOn = (phases: Phase[], day: string) => phases.find((ph) => ph.starts_on <= day && day <= ph.ends_on) ?? null;

async function viewsOf(ctx: ModuleContext, rows: Process[], language: string, now: Date): Promise<ProcessView[]> {
  const { db } = ctx.database;
  const ids = rows.map((r) => r.id);
  const [texts, phases] = await Promise.all([repo.textsOf(db, ids, language), repo.phasesOf(db, ids)]);
  const day = today(now);
  return rows.flatMap((p) => {
    const text =
      texts.find((t) => t.process_id === p.id && t.language === language) ??
      texts.find((t) => t.process_id === p.id && t.language === p.original_language);
    if (!text) return [];
    const own = phases
      .filter((ph) => ph.process_id === p.id)
      .map((ph) => ({ ...ph, actions: ph.actions.split(',').filter(Boolean) as PhaseAction[] }));
    return [
      {
        ...p,
        title: text.title,
        summary: text.summary,
        description: text.description,
        textLanguage: text.language,
        areaList: p.areas.split(',').filter(Boolean),
        phases: own,
        current: phaseOn(own, day),
      },
    ];
  });
}

// Every page of a process reads it first: kept until the data changes (see Remembered), or 30 s
// at most, so a phase that opens at midnight shows open within 30 s of it.
const bySlug = new Remembered<ProcessView | undefined>(30_000, 2000);

/** A process and its texts in a language; `now` (for tests) reads it afresh for that moment. */
export function processBySlug(ctx: ModuleContext, slug: string, language: string, now?: Date): Promise<ProcessView | undefined> {
  const read = async () => {
    const row = await repo.processBySlug(ctx.database.db, slug);
    return row ? (await viewsOf(ctx, [row as Process], language, now ?? new Date()))[0] : undefined;
  };
  return now ? read() : bySlug.get(ctx.database.db, `${slug}|${language}`, read);
}

export async function processById(ctx: ModuleContext, id: number, language: string, now = new Date()) {
  const row = await repo.processById(ctx.database.db, id);
  return row ? (await viewsOf(ctx, [row as Process], language, now))[0] : undefined;
}

/** The published processes running today, everywhere or of one owner. */
export async function openProcesses(ctx: ModuleContext, language: string, owner?: { type: string; id: number }, now = new Date()) {
  const rows = await repo.processList(ctx.database.db, { open: today(now), ...(owner ? { owner } : {}) }, 100);
  return viewsOf(ctx, rows as Process[], language, now);
}

/** Every process of an owner, out or not: its staff's list. */
export async function processesOf(ctx: ModuleContext, owner: { type: string; id: number }, language: string, now = new Date()) {
  const rows = await repo.processList(ctx.database.db, { owner, published: false }, 200);
  return viewsOf(ctx, rows as Process[], language, now);
}

/** Published processes, open today or all of them, everywhere or of one owner: what the API lists. */
export async function publishedProcesses(
  ctx: ModuleContext,
  language: string,
  filter: { owner?: { type: string; id: number }; open: boolean },
  now = new Date(),
) {
  const rows = await repo.processList(
    ctx.database.db,
    { ...(filter.open ? { open: today(now) } : {}), ...(filter.owner ? { owner: filter.owner } : {}) },
    500,
  );
  return viewsOf(ctx, rows as Process[], language, now);
}
