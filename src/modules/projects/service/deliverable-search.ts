import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../core/db/schema.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { foldText } from '../../../core/search/normalize.ts';

/**
 * Full-text search of deliverables' titles and summaries in every language, the only SQL here that
 * differs by database, as content's: an FTS5 table on SQLite, a tsvector on PostgreSQL. Both also
 * index the text folded to Latin letters, so "Стратегия" is found by "strategiya" and back.
 */

/** How many matches a search ranks at most: a library is read a page or two deep. */
const MAX_MATCHES = 1000;

type Db = Kysely<Tables>;

export async function indexDeliverableText(db: Db, t: { id: number; title: string; summary: string }): Promise<void> {
  const folded = foldText(`${t.title} ${t.summary}`);
  if (isPostgres(db as never)) {
    await sql`update deliverable_texts set search =
      setweight(to_tsvector('simple', ${t.title}), 'A') || setweight(to_tsvector('simple', ${t.summary}), 'B')
      || to_tsvector('simple', ${folded}) where id = ${t.id}`.execute(db);
  } else {
    await sql`delete from deliverable_fts where rowid = ${t.id}`.execute(db);
    await sql`insert into deliverable_fts (rowid, title, summary) values (${t.id}, ${t.title}, ${`${t.summary} ${folded}`})`.execute(db);
  }
}

/** The ids of the deliverables whose text in any language has every word of the query, best first. */
export async function matchDeliverables(db: Db, text: string): Promise<number[]> {
  const typed = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (!typed.length) return [];
  if (isPostgres(db as never)) {
    // Each typed word as written or folded, as a prefix; every word must be there.
    const clause = typed
      .map((w) => {
        const forms = [...new Set([w, foldText(w).replace(/[^a-z0-9]/g, '')].filter(Boolean))];
        return `(${forms.map((f) => `${f.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' | ')})`;
      })
      .join(' & ');
    // The newest matching texts are ranked, not every match: a word found in every deliverable would
    // otherwise be scored 100,000 times for a page of 20.
    const r = await sql<{ id: number }>`
      select t.deliverable_id as id, max(ts_rank(t.search, to_tsquery('simple', ${clause}))) as score
      from (select deliverable_id, search from deliverable_texts where search @@ to_tsquery('simple', ${clause})
        order by id desc limit ${MAX_MATCHES * 4}) t
      group by t.deliverable_id order by score desc, t.deliverable_id desc limit ${MAX_MATCHES}`.execute(db);
    return r.rows.map((row) => Number(row.id));
  }
  const quoted = (f: string) => `"${f.replaceAll('"', '')}"*`;
  const q = typed
    .map((w) => {
      const forms = [...new Set([w, foldText(w).replace(/[^a-z0-9]/g, '')].filter(Boolean))];
      return `(${forms.map(quoted).join(' OR ')})`;
    })
    .join(' AND ');
  // bm25() only works in the full-text query itself, so the texts are ranked in a subquery that its
  // limit keeps from being merged into the grouping one; as on PostgreSQL, the newest matches only.
  const r = await sql<{ id: number }>`
    select t.deliverable_id as id, max(f.score) as score
    from (select rowid, -bm25(deliverable_fts, 10.0, 4.0) as score from deliverable_fts where deliverable_fts match ${q}
      order by rowid desc limit ${MAX_MATCHES * 4}) f
    join deliverable_texts t on t.id = f.rowid
    group by t.deliverable_id order by score desc, t.deliverable_id desc limit ${MAX_MATCHES}`.execute(db);
  return r.rows.map((row) => Number(row.id));
}
