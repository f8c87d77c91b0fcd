import { Remembered } from '../../../core/cache.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Deliverable, DeliverableFile } from '../schema.ts';
import { matchDeliverables } from './deliverable-search.ts';
import { pick } from './read.ts';

/** A deliverable as a reader sees it: its texts in their language (else the original), its project, its files. */
export type DeliverableView = Deliverable & {
  title: string;
  summary: string;
  /** The language its title and summary are in. */
  language: string;
  texts: { language: string; title: string; summary: string }[];
  project: { id: number; slug: string; acronym: string };
  /** Every version of every language, newest first within a language. */
  files: DeliverableFile[];
  /** The languages it has files in. */
  languages: string[];
};

export async function deliverableViews(ctx: ModuleContext, rows: Deliverable[], lang: string): Promise<DeliverableView[]> {
  const { db } = ctx.database;
  const ids = rows.map((d) => d.id);
  const [texts, files, projects] = await Promise.all([
    repo.deliverableTexts(db, ids),
    repo.deliverableFiles(db, ids),
    repo.projectsByIds(db, [...new Set(rows.map((d) => d.project_id))]),
  ]);
  return rows.flatMap((d) => {
    const project = projects.find((p) => p.id === d.project_id);
    if (!project) return [];
    const own = texts.filter((t) => t.deliverable_id === d.id);
    const text = pick(own, lang, d.original_language);
    const mine = (files as DeliverableFile[]).filter((f) => f.deliverable_id === d.id).map((f) => ({ ...f, size: Number(f.size) }));
    return [
      {
        ...d,
        title: text?.title ?? '',
        summary: text?.summary ?? '',
        language: text?.language ?? d.original_language,
        texts: own.map((t) => ({ language: t.language, title: t.title, summary: t.summary })),
        project,
        files: mine,
        languages: [...new Set(mine.map((f) => f.language))],
      },
    ];
  });
}

export async function deliverableById(ctx: ModuleContext, id: number, lang: string): Promise<DeliverableView | undefined> {
  const row = await repo.deliverableById(ctx.database.db, id);
  return row ? (await deliverableViews(ctx, [row as Deliverable], lang))[0] : undefined;
}

/**
 * How many deliverables a filter finds, kept until a deliverable, a file or a project changes: counting
 * 100,000 of them with a language filter takes longer than the rest of the page.
 */
/** A search's ranked matches, kept until a text changes: people ask the same few words again and again. */
const matches = new Remembered<number[]>(10 * 60_000, 500, ['deliverable_texts']);
const counts = new Remembered<number>(10 * 60_000, 500, ['deliverables', 'deliverable_files', 'projects']);

export interface LibraryQuery {
  q?: string | undefined;
  area?: string | undefined;
  programme?: number | undefined;
  language?: string | undefined;
  project?: number | undefined;
}

/** A page of the library: newest publication first, or by relevance when searching. */
export async function libraryPage(ctx: ModuleContext, query: LibraryQuery, page: number, size: number, lang: string) {
  const { db } = ctx.database;
  const q = query.q?.trim();
  const filter: repo.DeliverableFilter = { area: query.area, programme: query.programme, language: query.language, project: query.project };
  if (q) {
    const ranked = await matches.get(db, q.toLowerCase(), () => matchDeliverables(db, q));
    const allowed = new Set((await repo.matchingIds(db, { ...filter, matches: ranked })).map((r) => r.id));
    const ids = ranked.filter((id) => allowed.has(id));
    const pageIds = ids.slice((page - 1) * size, page * size);
    const rows = (await repo.deliverablesByIds(db, pageIds)) as Deliverable[];
    const ordered = pageIds.flatMap((id) => rows.filter((r) => r.id === id));
    return { total: ids.length, items: await deliverableViews(ctx, ordered, lang) };
  }
  const [total, rows] = await Promise.all([
    counts.get(db, JSON.stringify(filter), () => repo.countDeliverables(db, filter)),
    repo.deliverablesPage(db, filter, (page - 1) * size, size) as Promise<Deliverable[]>,
  ]);
  return { total, items: await deliverableViews(ctx, rows, lang) };
}
