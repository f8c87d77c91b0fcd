import { type Kysely, sql } from 'kysely';
import { transaction } from '../../core/db/client.ts';
import { isPostgres } from '../../core/db/schema.ts';
import type { Tables } from '../../core/db/tables.ts';
import { foldText } from '../../core/search/normalize.ts';

/**
 * Full-text search of content texts, the only SQL here that differs by database: an FTS5 table on
 * SQLite (Porter stemming, accents ignored), a weighted tsvector on PostgreSQL (each language's
 * own stemmer where PostgreSQL has one). Both also index the text folded to Latin letters, so
 * "Стара Загора" is found by "stara zagora" and the other way round.
 */

const PG_CONFIGS: Record<string, string> = {
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hu: 'hungarian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  pt: 'portuguese',
  ro: 'romanian',
  es: 'spanish',
  sv: 'swedish',
};
export const configOf = (language: string) => PG_CONFIGS[language] ?? 'simple';

/** How many of the newest texts a PostgreSQL search reads one by one, before it turns to the index. */
const RECENT_TEXTS = 10_000;

export interface IndexedText {
  id: number;
  language: string;
  title: string;
  summary: string;
  body: string;
}

/** Plain text of an HTML rendering, for the index. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export async function indexText(db: Kysely<Tables>, t: IndexedText): Promise<void> {
  const folded = foldText(`${t.title} ${t.summary} ${t.body}`);
  if (isPostgres(db as never)) {
    const cfg = configOf(t.language);
    await sql`update content_texts set search =
      setweight(to_tsvector(${cfg}::regconfig, ${t.title}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${t.summary}), 'B')
      || to_tsvector(${cfg}::regconfig, ${t.body}) || to_tsvector('simple', ${folded}) where id = ${t.id}`.execute(db);
  } else {
    await sql`delete from content_fts where rowid = ${t.id}`.execute(db);
    await sql`insert into content_fts (rowid, title, summary, body) values (${t.id}, ${t.title}, ${t.summary}, ${`${t.body} ${folded}`})`.execute(
      db,
    );
  }
}

export async function unindexItem(db: Kysely<Tables>, textIds: number[]): Promise<void> {
  if (!textIds.length || isPostgres(db as never)) return;
  await sql`delete from content_fts where rowid in (${sql.join(textIds)})`.execute(db);
}

/**
 * The words of a query (at most 8), each also folded to Latin letters. A word of Latin letters is
 * matched whole, since the stemmers already join its forms, and its stem as a prefix ("added" →
 * "ad*") would merge the lists of thousands of words; a word in another script or with accents,
 * which the stemmers leave alone, also matches as a prefix (липи → липите).
 */
function queryWords(text: string): { word: string; folded: string; whole: boolean }[] {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ].slice(0, 8);
  return words.map((word) => ({
    word,
    folded: foldText(word).replace(/[^a-z0-9]/g, ''),
    whole: /^[a-z0-9]+$/.test(word),
  }));
}

/** The SQLite FTS5 query: every word as typed or folded to Latin letters. */
function ftsQuery(text: string): string | undefined {
  const words = queryWords(text);
  if (!words.length) return undefined;
  const quoted = (f: string) => `"${f.replaceAll('"', '')}"`;
  return words
    .map(({ word, folded, whole }) => {
      const forms = [whole ? quoted(word) : `${quoted(word)}*`, ...(folded && folded !== word ? [quoted(folded)] : [])];
      return `(${forms.join(' OR ')})`;
    })
    .join(' AND ');
}

/** The PostgreSQL query: the reader's stemmed words, or every word folded to Latin letters. */
function pgQuery(text: string, language: string) {
  const terms = [
    ...new Set(
      queryWords(text)
        .filter((w) => w.folded)
        .map((w) => (w.whole ? w.folded : `${w.folded}:*`)),
    ),
  ];
  if (!terms.length) return undefined;
  return sql`(websearch_to_tsquery(${configOf(language)}::regconfig, ${text.slice(0, 200)}) || to_tsquery('simple', ${terms.join(' & ')}))`;
}

type Match = { text_id: number; item_id: number; score: number };

/**
 * The text ids that match, newest first, with a relevance score (higher is better); at most
 * `limit`. `where` narrows by the item (published, type, country...), on the alias `i`.
 */
export async function matchTexts(
  db: Kysely<Tables>,
  text: string,
  language: string,
  limit: number,
  where: (alias: string) => ReturnType<typeof sql>,
  recentTexts = RECENT_TEXTS,
): Promise<Match[]> {
  if (isPostgres(db as never)) {
    const q = pgQuery(text, language);
    return q ? (await pgMatches(db, q, limit, where, recentTexts)).map((row) => ({ ...row, score: Number(row.score) })) : [];
  }
  const q = ftsQuery(text);
  if (!q) return [];
  const r = await sql<{ text_id: number; item_id: number; score: number }>`
    select f.rowid as text_id, t.item_id, -bm25(content_fts, 10.0, 4.0, 1.0) as score
    from content_fts f join content_texts t on t.id = f.rowid join content_items i on i.id = t.item_id
    where content_fts match ${q} and ${where('i')} order by f.rowid desc limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * PostgreSQL cannot estimate how many texts match a query, nor walk the full-text index newest
 * first: walking the texts newest first takes long for a rare word, and reading every match
 * through the index takes long for a frequent one. So the newest texts are read first (a frequent
 * word is found there); how often the words occur there tells how far back the rest of the
 * answer lies, and that span is read through the index; only then everything older.
 */
async function pgMatches(
  db: Kysely<Tables>,
  q: ReturnType<typeof sql>,
  limit: number,
  where: (alias: string) => ReturnType<typeof sql>,
  recentTexts: number,
) {
  const select = (from: number, to: number, take: number) => sql<Match>`
    select t.id as text_id, t.item_id, ts_rank(t.search, ${q}) as score
    from content_texts t join content_items i on i.id = t.item_id
    where t.search @@ ${q} and t.id > ${from} and t.id <= ${to} and ${where('i')} order by t.id desc limit ${take}`;
  const last = await sql<{ id: number | null }>`select max(id) as id from content_texts`.execute(db);
  let edge = Number(last.rows[0]?.id ?? 0);
  return transaction(db, async (trx) => {
    // Starting parallel workers takes longer than any of these queries.
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    const found = (await select(edge - recentTexts, edge, limit).execute(trx)).rows;
    edge -= recentTexts;
    if (found.length >= limit || edge <= 0) return found;
    // Half as far again as the density so far suggests; all the rest when nothing matched yet.
    const span = found.length ? Math.ceil(((limit - found.length) * recentTexts * 1.5) / found.length) : edge;
    // Through the full-text index (and the ids' index for a span), never walking along the ids.
    await sql`set local enable_indexscan = off; set local enable_seqscan = off`.execute(trx);
    for (const from of span < edge ? [edge - span, 0] : [0]) {
      found.push(...(await select(from, edge, limit - found.length).execute(trx)).rows);
      if (found.length >= limit) break;
      edge = from;
    }
    return found;
  });
}
