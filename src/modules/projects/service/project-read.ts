import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type MunicipalitySummary, municipalitiesByIds, profilePath } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import type { ProgrammeView, Project, ProjectIndicator, ProjectPartner } from '../schema.ts';
import { list, pick, programmeViews } from './read.ts';

/** A project as a reader sees it: its title and summary in their language (else the original), its programme named. */
export type ProjectView = Project & {
  title: string;
  summary: string;
  language: string;
  programme: ProgrammeView | null;
  partnerCount: number;
  countryCount: number;
};

/** A partner as a page shows it: a town of the directory with its profile, or an organisation. */
export type PartnerView = ProjectPartner & {
  kind: 'town' | 'organisation';
  name: string;
  town: MunicipalitySummary | null;
  profile: string | null;
};

export async function projectViews(ctx: ModuleContext, rows: Project[], lang: string): Promise<ProjectView[]> {
  const { db } = ctx.database;
  const ids = rows.map((p) => p.id);
  const programmeIds = [...new Set(rows.flatMap((p) => (p.programme_id ? [p.programme_id] : [])))];
  const [texts, partners, programmes] = await Promise.all([
    repo.projectTexts(db, ids),
    repo.partnersOf(db, ids),
    repo.programmesByIds(db, programmeIds).then((p) => programmeViews(ctx, p as never, lang)),
  ]);
  return rows.map((p) => {
    const text = pick(
      texts.filter((t) => t.project_id === p.id),
      lang,
      p.original_language,
    );
    const confirmed = partners.filter((x) => x.project_id === p.id && x.status === 'confirmed');
    return {
      ...p,
      title: text?.title ?? p.acronym,
      summary: text?.summary ?? '',
      language: text?.language ?? p.original_language,
      programme: programmes.find((g) => g.id === p.programme_id) ?? null,
      partnerCount: confirmed.length,
      countryCount: new Set(confirmed.map((x) => x.country)).size,
    };
  });
}

export async function projectBySlug(ctx: ModuleContext, slug: string, lang: string): Promise<ProjectView | undefined> {
  const row = (await repo.projectBySlug(ctx.database.db, slug)) as Project | undefined;
  return row ? (await projectViews(ctx, [row], lang))[0] : undefined;
}

export async function projectById(ctx: ModuleContext, id: number, lang: string): Promise<ProjectView | undefined> {
  const row = (await repo.projectById(ctx.database.db, id)) as Project | undefined;
  return row ? (await projectViews(ctx, [row], lang))[0] : undefined;
}

/** Partners with their towns, the coordinator first; `all` includes invited and declined ones (the coordinator's list). */
export async function partnerViews(ctx: ModuleContext, projectId: number, all = false): Promise<PartnerView[]> {
  const rows = ((await repo.partnersOf(ctx.database.db, [projectId])) as ProjectPartner[]).filter((p) => all || p.status === 'confirmed');
  const towns = await municipalitiesByIds(
    ctx.database.db,
    rows.flatMap((p) => (p.municipality_id ? [p.municipality_id] : [])),
  );
  return rows.map((p) => {
    const town = p.municipality_id ? (towns.get(p.municipality_id) ?? null) : null;
    const kind = p.organisation ? 'organisation' : 'town';
    return {
      ...p,
      kind,
      name: p.organisation || town?.name || '',
      town,
      profile: town && kind === 'town' ? profilePath(town) : null,
    };
  });
}

/** An indicator's label in the reader's language, else the first written. */
export function indicatorLabel(i: Pick<ProjectIndicator, 'labels'>, lang: string): { text: string; language: string } {
  try {
    const labels = JSON.parse(i.labels) as Record<string, string>;
    if (labels[lang]) return { text: labels[lang], language: lang };
    const [language, text] = Object.entries(labels)[0] ?? ['', ''];
    return { text, language };
  } catch {
    return { text: '', language: lang };
  }
}

export const indicatorsOf = async (ctx: ModuleContext, projectId: number) =>
  (await repo.indicatorsOf(ctx.database.db, projectId)) as ProjectIndicator[];

/** Progress as a whole percentage of the target, when both are known. */
export const progressOf = (i: Pick<ProjectIndicator, 'target' | 'achieved'>) =>
  i.target && i.achieved !== null ? Math.round((i.achieved / i.target) * 100) : null;

export { list };

const counts = new Remembered<number>(10 * 60_000, 500, ['projects', 'project_partners']);
const countries = new Remembered<string[]>(10 * 60_000, 1, ['project_partners']);

/**
 * How many projects a filter finds, and the countries of partners, kept until projects or partners
 * change: with 20,000 projects and 200,000 partners they cost more than the rest of the list.
 */
export const countProjects = (ctx: ModuleContext, filter: repo.ProjectFilter) =>
  counts.get(ctx.database.db, JSON.stringify(filter), () => repo.countProjects(ctx.database.db, filter));
export const partnerCountries = (ctx: ModuleContext) => countries.get(ctx.database.db, '', () => repo.partnerCountries(ctx.database.db));
