import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { parseId } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { scopeContacts } from '../../accounts/index.ts';
import { JURY_ROLES } from '../policy.ts';
import * as repo from '../repo.ts';
import { type Category, type Criterion, type Edition, phaseOf } from '../schema.ts';
import { criteriaOf } from './criteria.ts';
import { announceWinners } from './winners.ts';

export interface Standing {
  nomination_id: number;
  votes: number;
  jury_score: number;
  final_score: number;
  rank: number;
}

/** The jurors of an edition: the people holding a jury role in its scope. */
export async function juryMembers(ctx: ModuleContext, editionId: number): Promise<{ id: number; name: string }[]> {
  const seen = new Map<number, string>();
  for (const c of await scopeContacts(ctx.database.db, JURY_ROLES, editionId)) seen.set(c.id, c.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export async function juryOf(ctx: ModuleContext, editionId: number): Promise<number[]> {
  return (await juryMembers(ctx, editionId)).map((j) => j.id);
}

type Score = { nomination_id: number; criterion_id: number; juror_id: number; score: number };

/** Each criterion's mean over the jurors who scored it, and the mean of those weighed by the criteria's weights. */
export function juryScore(scores: Score[], criteria: Pick<Criterion, 'id' | 'weight'>[]) {
  const means = new Map<number, number>();
  for (const c of criteria) {
    const own = scores.filter((s) => s.criterion_id === c.id);
    if (own.length) means.set(c.id, own.reduce((sum, s) => sum + s.score, 0) / own.length);
  }
  const weighed = criteria.filter((c) => means.has(c.id));
  const weights = weighed.reduce((sum, c) => sum + c.weight, 0);
  const score = weights ? weighed.reduce((sum, c) => sum + c.weight * means.get(c.id)!, 0) / weights : 0;
  return { score, means };
}

/**
 * The ranking of a category's shortlist: counted public votes and the jury's score, each
 * scaled so the best has 1, weighed by the edition's jury weight. Without any jury score the
 * public vote decides alone.
 */
export async function standings(ctx: ModuleContext, edition: Edition, category: Category): Promise<Standing[]> {
  const { db } = ctx.database;
  const shortlist = (await repo.nominationsOf(db, [category.id])).filter((n) => n.state === 'shortlisted');
  const [counted, scores, jury, criteria] = await Promise.all([
    repo.countedByNomination(db, category.id),
    repo.scoresOf(
      db,
      shortlist.map((n) => n.id),
    ),
    juryOf(ctx, edition.id),
    repo.criteriaOf(db, edition.id),
  ]);
  const members = new Set(jury);
  const rows = shortlist.map((n) => ({
    nomination_id: n.id,
    votes: counted.get(n.id) ?? 0,
    jury_score: juryScore(
      scores.filter((s) => s.nomination_id === n.id && members.has(s.juror_id)),
      criteria,
    ).score,
  }));
  const maxVotes = Math.max(1, ...rows.map((r) => r.votes));
  const maxJury = Math.max(0, ...rows.map((r) => r.jury_score));
  const weight = maxJury > 0 ? edition.jury_weight / 100 : 0;
  const ranked = rows
    .map((r) => ({
      ...r,
      jury_score: Math.round(r.jury_score * 100) / 100,
      final_score: Math.round(((1 - weight) * (r.votes / maxVotes) + weight * (maxJury ? r.jury_score / maxJury : 0)) * 10000) / 100,
    }))
    .sort((a, b) => b.final_score - a.final_score || b.votes - a.votes || a.nomination_id - b.nomination_id);
  return ranked.map((r, i) => ({ ...r, rank: i + 1 }));
}

export type PublishRefusal = 'awards.error.voteOpen' | 'awards.error.published';

/** Publishes a category's result once its vote closed: the ranking is kept as it was announced. */
export async function publishResults(
  ctx: ModuleContext,
  actor: Actor | null,
  edition: Edition,
  category: Category,
  ip?: string,
  now = new Date(),
): Promise<PublishRefusal | null> {
  const phase = phaseOf(edition, now);
  if (phase === 'nominations' || phase === 'shortlisting' || phase === 'voting') return 'awards.error.voteOpen';
  const ranking = await standings(ctx, edition, category);
  const done = await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await repo.markPublished(trx, category.id, now.toISOString()))) return false;
    await repo.replaceResults(trx, category.id, ranking);
    const counted = ranking.reduce((sum, r) => sum + r.votes, 0);
    await audit(
      trx,
      actor,
      { action: 'awards.results.publish', subjectType: 'award_category', subjectId: category.id, details: { counted } },
      ip,
    );
    return true;
  });
  if (!done) return 'awards.error.published';
  // Only the publication that marked the category announces its winners: publishing again adds no news.
  await announceWinners(ctx, edition, category, ranking);
  return null;
}

/**
 * A published result: the ranking, the votes counted and voided, and each nominee's mean jury score
 * per criterion (scores cannot change once the result is published).
 */
export async function publishedResult(ctx: ModuleContext, category: Category, lang = 'en') {
  if (!category.published_at) return undefined;
  const { db } = ctx.database;
  const [ranking, states, editions] = await Promise.all([
    repo.resultsOf(db, [category.id]),
    repo.voteStates(db, category.id),
    repo.editionsByIds(db, [category.edition_id]),
  ]);
  const edition = editions[0];
  const [criteria, jury, scores] = edition
    ? await Promise.all([
        criteriaOf(db, edition, lang),
        juryOf(ctx, edition.id),
        repo.scoresOf(
          db,
          ranking.map((r) => r.nomination_id),
        ),
      ])
    : [[], [], []];
  const means = new Map(
    ranking.map((r) => {
      const own = scores.filter((s) => s.nomination_id === r.nomination_id && jury.includes(s.juror_id));
      return [r.nomination_id, juryScore(own, criteria).means] as const;
    }),
  );
  return {
    ranking,
    counted: states.get('counted') ?? 0,
    voided: states.get('void') ?? 0,
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    means,
  };
}

export type ScoreRefusal = 'awards.error.juryClosed' | 'awards.error.nominee' | 'awards.error.criterion' | 'awards.error.score';

/**
 * Saves a juror's scores (0–10) of one nominee of the shortlist on every criterion of the edition;
 * the route checks the juror is on the edition's jury.
 */
export async function saveScores(
  ctx: ModuleContext,
  actor: Actor,
  category: Category,
  edition: Edition,
  body: unknown,
  now = new Date(),
): Promise<ScoreRefusal | null> {
  const phase = phaseOf(edition, now);
  if (phase === 'nominations' || phase === 'shortlisting' || category.published_at) return 'awards.error.juryClosed';
  const b = (body ?? {}) as Record<string, unknown>;
  const { db } = ctx.database;
  const id = parseId(b.nomination);
  const nominee = (await repo.nominationsOf(db, [category.id])).find((n) => n.id === id && n.state === 'shortlisted');
  if (!nominee) return 'awards.error.nominee';
  const criteria = await repo.criteriaOf(db, edition.id);
  const known = new Set(criteria.map((c) => `score_${c.id}`));
  if (Object.keys(b).some((k) => k.startsWith('score_') && !known.has(k))) return 'awards.error.criterion';
  const scores = criteria.map((c) => ({ c, raw: b[`score_${c.id}`] }));
  if (!criteria.length || scores.some((s) => typeof s.raw !== 'string' || !/^(10|\d)$/.test(s.raw.trim()))) return 'awards.error.score';
  await db.transaction().execute(async (trx) => {
    for (const s of scores) {
      const score = Number(String(s.raw).trim());
      await repo.saveScore(trx, {
        nomination_id: nominee.id,
        criterion_id: s.c.id,
        juror_id: actor.id,
        score,
        scored_at: now.toISOString(),
      });
    }
  });
  return null;
}

/**
 * The jury's scores of a shortlist: each juror sees only their own until every juror has scored
 * every nominee on every criterion; how far each juror is, for the chair.
 */
export async function juryScores(ctx: ModuleContext, actor: Actor, edition: Edition, category: Category) {
  const { db } = ctx.database;
  const shortlist = (await repo.nominationsOf(db, [category.id])).filter((n) => n.state === 'shortlisted');
  const [scores, jury, criteria] = await Promise.all([
    repo.scoresOf(
      db,
      shortlist.map((n) => n.id),
    ),
    juryMembers(ctx, edition.id),
    repo.criteriaOf(db, edition.id),
  ]);
  const done = (juror: number, nomination: number) =>
    criteria.every((c) => scores.some((s) => s.juror_id === juror && s.nomination_id === nomination && s.criterion_id === c.id));
  const progress = jury.map((j) => ({ name: j.name, scored: shortlist.filter((n) => done(j.id, n.id)).length }));
  const complete = progress.every((p) => p.scored === shortlist.length);
  const own = new Map(scores.filter((s) => s.juror_id === actor.id).map((s) => [`${s.nomination_id}:${s.criterion_id}`, s.score]));
  const all = complete ? scores.filter((s) => jury.some((j) => j.id === s.juror_id)) : [];
  return { own, all, complete, jurors: jury.length, progress, total: shortlist.length };
}
