import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { CallView, FundingCall, Programme, ProgrammeView, Strand } from '../schema.ts';

/** The text in the reader's language, else in the original language, else any. */
export function pick<T extends { language: string }>(texts: T[], lang: string, original: string): T | undefined {
  return texts.find((t) => t.language === lang) ?? texts.find((t) => t.language === original) ?? texts[0];
}

/** A strand's names by language, from its JSON column. */
export function strandNames(strand: Pick<Strand, 'names'>): Record<string, string> {
  try {
    const names = JSON.parse(strand.names) as unknown;
    return names && typeof names === 'object' ? (names as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A strand's name in the reader's language, else the programme's original language, else its key. */
export function strandName(strand: Strand, lang: string, original: string): string {
  const names = strandNames(strand);
  return names[lang] ?? names[original] ?? Object.values(names)[0] ?? strand.key;
}

export async function programmeViews(ctx: ModuleContext, rows: Programme[], lang: string): Promise<ProgrammeView[]> {
  const texts = await repo.programmeTexts(
    ctx.database.db,
    rows.map((p) => p.id),
  );
  return rows.map((p) => {
    const text = pick(
      texts.filter((t) => t.programme_id === p.id),
      lang,
      p.original_language,
    );
    return { ...p, name: text?.name ?? p.acronym, summary: text?.summary ?? '', language: text?.language ?? p.original_language };
  });
}

export async function programmeBySlug(ctx: ModuleContext, slug: string, lang: string): Promise<ProgrammeView | undefined> {
  const row = (await repo.programmeBySlug(ctx.database.db, slug)) as Programme | undefined;
  return row ? (await programmeViews(ctx, [row], lang))[0] : undefined;
}

export const allProgrammes = async (ctx: ModuleContext, lang: string) =>
  programmeViews(ctx, (await repo.allProgrammes(ctx.database.db)) as Programme[], lang);

export const strandsOf = async (ctx: ModuleContext, programmeId: number) =>
  (await repo.strandsOf(ctx.database.db, [programmeId])) as Strand[];

/** Calls as a reader sees them: title and summary in their language, programme and strand named. */
export async function callViews(ctx: ModuleContext, rows: FundingCall[], lang: string): Promise<CallView[]> {
  const { db } = ctx.database;
  const [texts, programmes, strands] = await Promise.all([
    repo.callTexts(
      db,
      rows.map((c) => c.id),
    ),
    repo.programmesByIds(db, [...new Set(rows.map((c) => c.programme_id))]).then((p) => programmeViews(ctx, p as Programme[], lang)),
    repo.strandsByIds(db, [...new Set(rows.flatMap((c) => (c.strand_id ? [c.strand_id] : [])))]) as Promise<Strand[]>,
  ]);
  return rows.map((c) => {
    const text = pick(
      texts.filter((t) => t.call_id === c.id),
      lang,
      c.original_language,
    );
    const programme = programmes.find((p) => p.id === c.programme_id);
    const strand = strands.find((s) => s.id === c.strand_id);
    return {
      ...c,
      title: text?.title ?? c.reference,
      summary: text?.summary ?? '',
      language: text?.language ?? c.original_language,
      programme: { slug: programme?.slug ?? '', acronym: programme?.acronym ?? '', name: programme?.name ?? '' },
      strand: strand ? strandName(strand, lang, programme?.original_language ?? 'en') : null,
    };
  });
}

export async function callById(ctx: ModuleContext, id: number, lang: string): Promise<CallView | undefined> {
  const row = (await repo.callById(ctx.database.db, id)) as FundingCall | undefined;
  return row ? (await callViews(ctx, [row], lang))[0] : undefined;
}

export const list = (value: string) => value.split(',').filter(Boolean);
