import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { scopeContacts } from '../../accounts/index.ts';
import { JURY_ROLES } from '../policy.ts';
import * as repo from '../repo.ts';
import { type Category, type Edition, phaseOf } from '../schema.ts';

export interface Standing {
  nomination_id: number;
  votes: number;
  jury_score: number;
  final_score: number;
  rank: number;
}

/** The jurors of an edition: the people holding a jury role in its scope. */
export async function juryOf(ctx: ModuleContext, editionId: number): Promise<number[]> {
  return [...new Set((await scopeContacts(ctx.database.db, JURY_ROLES, editionId)).map((c) => c.id))];
}

/**
 * The ranking of a category's shortlist: counted public votes and the jury's mean score, each
 * scaled so the best has 1, weighed by the edition's jury weight. Without any jury score the
 * public vote decides alone.
 */
export async function standings(ctx: ModuleContext, edition: Edition, category: Category): Promise<Standing[]> {
  const { db } = ctx.database;
  const shortlist = (await repo.nominationsOf(db, [category.id])).filter((n) => n.state === 'shortlisted');
  const [votes, scores, jury] = await Promise.all([
    repo.votesOf(db, category.id),
    repo.scoresOf(
      db,
      shortlist.map((n) => n.id),
    ),
    juryOf(ctx, edition.id),
  ]);
  const members = new Set(jury);
  const rows = shortlist.map((n) => {
    const own = scores.filter((s) => s.nomination_id === n.id && members.has(s.juror_id));
    return {
      nomination_id: n.id,
      votes: votes.filter((v) => v.nomination_id === n.id && v.state === 'counted').length,
      jury_score: own.length ? own.reduce((sum, s) => sum + s.score, 0) / own.length : 0,
    };
  });
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
  return done ? null : 'awards.error.published';
}

/** A published result: the ranking, the votes counted and voided. */
export async function publishedResult(ctx: ModuleContext, category: Category) {
  if (!category.published_at) return undefined;
  const { db } = ctx.database;
  const [ranking, states] = await Promise.all([repo.resultsOf(db, [category.id]), repo.voteStates(db, category.id)]);
  return { ranking, counted: states.get('counted') ?? 0, voided: states.get('void') ?? 0 };
}

/** Saves a juror's scores (0–10) of a shortlist; the route checks the juror is on the edition's jury. */
export async function saveScores(ctx: ModuleContext, actor: Actor, category: Category, edition: Edition, body: unknown, now = new Date()) {
  const phase = phaseOf(edition, now);
  if (phase === 'nominations' || phase === 'shortlisting' || category.published_at) return 'awards.error.juryClosed' as const;
  const b = (body ?? {}) as Record<string, unknown>;
  const shortlist = (await repo.nominationsOf(ctx.database.db, [category.id])).filter((n) => n.state === 'shortlisted');
  const scores = shortlist.map((n) => ({ n, raw: b[`score_${n.id}`] }));
  if (scores.some((s) => typeof s.raw !== 'string' || !/^(10|\d)$/.test(s.raw))) return 'awards.error.score' as const;
  await ctx.database.db.transaction().execute(async (trx) => {
    for (const s of scores) await repo.saveScore(trx, s.n.id, actor.id, Number(s.raw), now.toISOString());
  });
  return null;
}

/** The jury's scores of a shortlist: each juror sees only their own until every juror has scored every nominee. */
export async function juryScores(ctx: ModuleContext, actor: Actor, edition: Edition, category: Category) {
  const shortlist = (await repo.nominationsOf(ctx.database.db, [category.id])).filter((n) => n.state === 'shortlisted');
  const [scores, jury] = await Promise.all([
    repo.scoresOf(
      ctx.database.db,
      shortlist.map((n) => n.id),
    ),
    juryOf(ctx, edition.id),
  ]);
  const complete = jury.every((j) => shortlist.every((n) => scores.some((s) => s.juror_id === j && s.nomination_id === n.id)));
  const own = new Map(scores.filter((s) => s.juror_id === actor.id).map((s) => [s.nomination_id, s.score]));
  const all = complete ? scores.filter((s) => jury.includes(s.juror_id)) : [];
  return { own, all, complete, jurors: jury.length };
}
