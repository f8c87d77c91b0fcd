import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { foldText } from '../../../core/search/normalize.ts';
import { configOf } from '../../content/index.ts';

/**
 * Proposals' full text, as content indexes its texts: an FTS5 table on SQLite (accents ignored), a
 * weighted tsvector on PostgreSQL in the proposal's language; both also hold the text folded to
 * Latin letters, so "Парк" finds "park" and the other way round.
 */
export async function indexProposal(db: Kysely<Tables>, p: { id: number; language: string; title: string; body: string }) {
  const folded = foldText(`${p.title} ${p.body}`);
  if (isPostgres(db as never)) {
    const cfg = configOf(p.language);
    await sql`update proposals set search = setweight(to_tsvector(${cfg}::regconfig, ${p.title}), 'A')
      || to_tsvector(${cfg}::regconfig, ${p.body}) || to_tsvector('simple', ${folded}) where id = ${p.id}`.execute(db);
  } else {
    await sql`delete from proposals_fts where rowid = ${p.id}`.execute(db);
    await sql`insert into proposals_fts (rowid, title, body) values (${p.id}, ${p.title}, ${`${p.body} ${folded}`})`.execute(db);
  }
}

/**
 * The words worth matching in a title, at most eight: four letters or more, since shorter ones
 * ("the", "and", "на", "за") are in nearly every proposal and would make them all look alike.
 */
function wordsOf(text: string) {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ].slice(0, 8);
  return words.map((word) => ({ word, folded: foldText(word).replace(/[^a-z0-9]/g, ''), whole: /^[a-z0-9]+$/.test(word) }));
}

/** Proposals of the process whose text shares words with this title, best first: any word, as typed or folded. */
export async function similarIds(db: Kysely<Tables>, processId: number, title: string, language: string, limit: number) {
  const words = wordsOf(title);
  if (!words.length) return [];
  if (isPostgres(db as never)) {
    const typed = words.map((w) => w.word).join(' | ');
    const folded = [...new Set(words.map((w) => w.folded).filter(Boolean))].join(' | ');
    const q = folded
      ? sql`(to_tsquery(${configOf(language)}::regconfig, ${typed}) || to_tsquery('simple', ${folded}))`
      : sql`to_tsquery(${configOf(language)}::regconfig, ${typed})`;
    const r = await sql<{ id: number }>`select id from proposals where search @@ ${q} and process_id = ${processId}
      and hidden = 0 and withdrawn = 0 order by ts_rank(search, ${q}) desc, id desc limit ${limit}`.execute(db);
    return r.rows.map((row) => row.id);
  }
  const quoted = (w: string) => `"${w}"`;
  // A word of Latin letters is matched whole (the stemmer joins its forms); another, which it leaves alone, as a prefix.
  const match = words
    .flatMap((w) => [w.whole ? quoted(w.word) : `${quoted(w.word)}*`, ...(w.folded && w.folded !== w.word ? [quoted(w.folded)] : [])])
    .join(' OR ');
  const r = await sql<{ id: number }>`select p.id from proposals_fts f join proposals p on p.id = f.rowid
    where proposals_fts match ${match} and p.process_id = ${processId} and p.hidden = 0 and p.withdrawn = 0
    order by bm25(proposals_fts, 10.0, 1.0), p.id desc limit ${limit}`.execute(db);
  return r.rows.map((row) => row.id);
}
