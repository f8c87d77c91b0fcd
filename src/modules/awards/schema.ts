import type { Generated } from 'kysely';

export interface EditionRow {
  id: Generated<number>;
  slug: string;
  year: number;
  nominations_close: string;
  vote_opens: string;
  vote_closes: string;
  jury_closes: string;
  results_on: string;
  /** The jury's share of the final score, in per cent; the public vote has the rest. */
  jury_weight: number;
  original_language: string;
  created_at: string;
  updated_at: string;
}

export interface EditionTextRow {
  id: Generated<number>;
  edition_id: number;
  language: string;
  title: string;
  rules: string;
}

export type CategoryKind = 'mayor' | 'practice';
export const CATEGORY_KINDS: CategoryKind[] = ['mayor', 'practice'];

export interface CategoryRow {
  id: Generated<number>;
  edition_id: number;
  slug: string;
  kind: string;
  position: number;
  names: string;
  published_at: string | null;
}

export type NominationState = 'proposed' | 'accepted' | 'shortlisted' | 'declined' | 'merged';

export interface NominationRow {
  id: Generated<number>;
  category_id: number;
  municipality_id: number;
  mayor_name: string;
  practice: string;
  state: string;
  merged_into: number | null;
  nominated_by: number | null;
  created_at: string;
}

/** A reason given by who nominated, or material the nominee's town added. */
export interface ReasonRow {
  id: Generated<number>;
  nomination_id: number;
  user_id: number | null;
  kind: string;
  body: string;
  url: string;
  created_at: string;
}

export interface VoteRow {
  id: Generated<number>;
  category_id: number;
  nomination_id: number;
  user_id: number | null;
  voter_key: string;
  pattern_key: string;
  email_domain: string;
  ip_hash: string;
  network_hash: string;
  user_agent: string;
  account_created_at: string | null;
  voted_at: string;
  changes: number;
  state: string;
  void_reason: string;
}

export interface ResultRow {
  id: Generated<number>;
  category_id: number;
  nomination_id: number;
  rank: number;
  votes: number;
  jury_score: number;
  final_score: number;
}

/** What the jury scores an edition's shortlist on; names and descriptions are JSON objects by language. */
export interface CriterionRow {
  id: Generated<number>;
  edition_id: number;
  position: number;
  weight: number;
  names: string;
  descriptions: string;
}

/** A juror's score (0–10) of a nominee on one criterion. */
export interface ScoreRow {
  id: Generated<number>;
  nomination_id: number;
  criterion_id: number;
  juror_id: number;
  score: number;
  scored_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Tables {
    award_editions: EditionRow;
    award_edition_texts: EditionTextRow;
    award_categories: CategoryRow;
    award_nominations: NominationRow;
    award_reasons: ReasonRow;
    award_votes: VoteRow;
    award_results: ResultRow;
    award_criteria: CriterionRow;
    award_criterion_scores: ScoreRow;
  }
}

export type Edition = Omit<EditionRow, 'id'> & { id: number };
export type Category = Omit<CategoryRow, 'id'> & { id: number };
export type Nomination = Omit<NominationRow, 'id'> & { id: number };
export type Vote = Omit<VoteRow, 'id'> & { id: number };
export type Reason = Omit<ReasonRow, 'id'> & { id: number };
export type Criterion = Omit<CriterionRow, 'id'> & { id: number };
/** A criterion with its name and description in the reader's language (or the original's). */
export type CriterionView = Criterion & { name: string; description: string };

/** An edition with its texts in the reader's language (or the original's). */
export type EditionView = Edition & { title: string; rules: string };
export type CategoryView = Category & { name: string };
/** A nominee as pages show it: the town's name and country from the directory. */
export type NominationView = Nomination & { town: string; country: string; townPath: string };

/** Where an edition stands, from its dates. */
export type Phase = 'nominations' | 'shortlisting' | 'voting' | 'jury' | 'results';

export function phaseOf(e: Pick<Edition, 'nominations_close' | 'vote_opens' | 'vote_closes' | 'jury_closes'>, now = new Date()): Phase {
  const at = now.getTime();
  if (at < Date.parse(e.nominations_close)) return 'nominations';
  if (at < Date.parse(e.vote_opens)) return 'shortlisting';
  if (at < Date.parse(e.vote_closes)) return 'voting';
  if (at < Date.parse(e.jury_closes)) return 'jury';
  return 'results';
}
