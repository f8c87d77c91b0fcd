import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { MessageValues } from '../../../core/i18n/catalog.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Result } from '../schema.ts';
import { checkResult, dataOf, RESULT_LIMITS, type ResultData, type ResultView, resultInput, resultNews, resultRow } from './results.ts';

/** The columns of a results file, in the order the export writes them; the import takes them in any order. */
export const CSV_COLUMNS = ['id', 'title', 'description', 'area', 'status', 'progress', 'starts_on', 'ends_on', 'proposal_ids'] as const;
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
/** The problems a refused file lists; more are counted, not listed. */
const SHOWN = 50;
/** The town's own id of a result: letters, digits and a few marks. */
const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,60}$/;

export interface ImportProblem {
  /** The line of the file (1 is the header); 0 for the file as a whole. */
  line: number;
  field?: string;
  key: string;
  values?: MessageValues;
}

export type ImportOutcome = { ok: true; created: number; updated: number } | { ok: false; problems: ImportProblem[]; more: number };

const refused = (problems: ImportProblem[]): ImportOutcome => ({
  ok: false,
  problems: problems.slice(0, SHOWN),
  more: Math.max(0, problems.length - SHOWN),
});

/** The rows of a file, or what makes it no CSV of results at all. */
function rowsOf(file: Buffer): { rows: { line: number; record: Record<string, string> }[] } | { problem: ImportProblem } {
  if (file.length === 0) return { problem: { line: 0, key: 'participation.result.import.error.empty' } };
  if (file.length > IMPORT_MAX_BYTES) return { problem: { line: 0, key: 'participation.result.import.error.size', values: { max: 1 } } };
  let textOf: string;
  try {
    textOf = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { problem: { line: 0, key: 'participation.result.import.error.encoding' } };
  }
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(textOf, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
      max_record_size: 20_000,
      to: IMPORT_MAX_ROWS + 1,
    });
  } catch (err) {
    const line = Number((err as { lines?: number }).lines) || 0;
    return { problem: { line, key: 'participation.result.import.error.format' } };
  }
  if (parsed.length > IMPORT_MAX_ROWS)
    return { problem: { line: 0, key: 'participation.result.import.error.rows', values: { max: IMPORT_MAX_ROWS } } };
  const header = Object.keys(parsed[0]?.record ?? {});
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (!parsed.length) return { problem: { line: 0, key: 'participation.result.import.error.empty' } };
  if (missing.length)
    return { problem: { line: 1, key: 'participation.result.import.error.columns', values: { columns: missing.join(', ') } } };
  return { rows: parsed.map((p) => ({ line: p.info.lines, record: p.record })) };
}

/**
 * Imports a town's results file into a process: every row is checked first, and a file with any bad
 * row changes nothing and says which lines and why. A row whose id the process already knows updates
 * that result; importing the same file again changes nothing more.
 */
export async function importResults(
  ctx: ModuleContext,
  actor: Actor,
  p: { id: number; areas: string; original_language: string },
  file: Buffer,
  ip?: string,
): Promise<ImportOutcome> {
  const read = rowsOf(file);
  if ('problem' in read) return refused([read.problem]);
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const good: { externalId: string; data: ResultData }[] = [];
  for (const { line, record } of read.rows) {
    const externalId = (record.id ?? '').trim();
    const before = problems.length;
    if (!EXTERNAL_ID.test(externalId)) problems.push({ line, field: 'id', key: 'participation.result.import.error.id' });
    else if (seen.has(externalId)) problems.push({ line, field: 'id', key: 'participation.result.import.error.twice' });
    seen.add(externalId);
    // An empty status is a result not begun.
    const parsed = resultInput.safeParse({ ...record, status: record.status?.trim() || undefined });
    if (!parsed.success) {
      const fields = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'id');
        if (fields.has(field)) continue;
        fields.add(field);
        const max = field === 'title' ? RESULT_LIMITS.title : RESULT_LIMITS.description;
        problems.push({ line, field, key: issue.message, values: { max } });
      }
      continue;
    }
    const errors = await checkResult(ctx.database.db, p, parsed.data);
    for (const [field, e] of Object.entries(errors)) problems.push({ line, field, key: e.key });
    if (problems.length === before) good.push({ externalId, data: dataOf(parsed.data) });
  }
  if (problems.length) return refused(problems);
  const at = new Date().toISOString();
  let created = 0;
  let updated = 0;
  await transaction(ctx.database.db, async (trx) => {
    for (const { externalId, data } of good) {
      const known = await repo.resultByExternalId(trx, p.id, externalId);
      const id =
        known?.id ??
        (await repo.insertResult(
          trx,
          resultRow({ ...data.row, process_id: p.id, language: p.original_language, external_id: externalId }, at),
        ));
      if (known) await repo.updateResult(trx, id, { ...data.row, updated_at: at });
      if (known && known.progress !== data.row.progress) await resultNews(trx, ctx, p.id, id, actor.id);
      await repo.replaceLinks(trx, id, data.proposalIds);
      if (known) updated += 1;
      else created += 1;
    }
    await audit(
      trx,
      actor,
      { action: 'participation.result.import', subjectType: 'process', subjectId: p.id, details: { created, updated } },
      ip,
    );
  });
  return { ok: true, created, updated };
}

// A cell starting with = + - @ would run as a formula in a spreadsheet: prefixed with a quote.
const inert = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** A process's results as CSV: the import's columns, then each result's page. */
export function resultsCsv(results: ResultView[], url: (r: Result) => string): string {
  return stringify([
    [...CSV_COLUMNS, 'url'],
    ...results.map((r) => [
      inert(r.external_id ?? ''),
      inert(r.title),
      inert(r.description),
      r.area ?? '',
      r.status,
      String(r.progress),
      r.starts_on ?? '',
      r.ends_on ?? '',
      r.proposals.map((x) => x.id).join(' '),
      url(r),
    ]),
  ]);
}

/** A process's results as GeoJSON: each placed at the locations of its linked proposals that have one. */
export function resultsGeoJson(results: ResultView[], url: (r: Result) => string) {
  const features = results.flatMap((r) =>
    r.proposals.flatMap((x) =>
      x.latitude === null || x.longitude === null
        ? []
        : [
            {
              type: 'Feature',
              id: `${r.id}-${x.id}`,
              geometry: { type: 'Point', coordinates: [x.longitude, x.latitude] },
              properties: { result: r.id, title: r.title, status: r.status, progress: r.progress, proposal: x.id, url: url(r) },
            },
          ],
    ),
  );
  return { type: 'FeatureCollection', features };
}
