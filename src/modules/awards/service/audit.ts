import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { type FormResult, validateForm } from '../../../core/http/forms.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { Category, Edition, Vote } from '../schema.ts';
import { VOID_LIMITS, voidInput } from './inputs.ts';
import { standings } from './results.ts';

/** Thresholds past which a group of votes is shown to the editors as worth a look. */
export const CLUSTER = {
  network: 10,
  burstVotes: 20,
  burstMinutes: 5,
  newAccountHours: 24,
  newAccounts: 5,
  pattern: 5,
};

export type ClusterKind = 'network' | 'burst' | 'newAccounts' | 'pattern';

export interface Cluster {
  kind: ClusterKind;
  /** What the votes share, as far as it can be shown: a hashed network's start, a time, a domain. */
  label: string;
  votes: number[];
}

/** What the clusters are found from: no nominee, no user agent, nothing else of a vote. */
export type AuditVote = Pick<Vote, 'id' | 'state' | 'voted_at' | 'network_hash' | 'pattern_key' | 'email_domain' | 'account_created_at'>;

function groups(votes: AuditVote[], key: (v: AuditVote) => string): Map<string, AuditVote[]> {
  const map = new Map<string, AuditVote[]>();
  for (const v of votes) {
    const k = key(v);
    if (!k) continue;
    const group = map.get(k);
    if (group) group.push(v);
    else map.set(k, [v]);
  }
  return map;
}

/** The densest run of votes within a few minutes, when it is long enough to look like a script. */
function burstOf(votes: AuditVote[]): AuditVote[] {
  const times = votes.map((v) => Date.parse(v.voted_at));
  const span = CLUSTER.burstMinutes * 60_000;
  let best: [number, number] = [0, 0];
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > span) start++;
    if (end - start + 1 > best[1] - best[0]) best = [start, end + 1];
  }
  return best[1] - best[0] >= CLUSTER.burstVotes ? votes.slice(best[0], best[1]) : [];
}

/** Groups of counted votes that look organised: one network, one burst, fresh accounts, one address pattern. */
export function clustersOf(all: AuditVote[]): Cluster[] {
  const votes = all.filter((v) => v.state === 'counted').sort((a, b) => a.voted_at.localeCompare(b.voted_at));
  const clusters: Cluster[] = [];
  for (const [hash, vs] of groups(votes, (v) => v.network_hash)) {
    if (vs.length >= CLUSTER.network) clusters.push({ kind: 'network', label: hash.slice(0, 12), votes: vs.map((v) => v.id) });
  }
  const burst = burstOf(votes);
  if (burst.length)
    clusters.push({ kind: 'burst', label: burst[0]!.voted_at.slice(0, 16).replace('T', ' '), votes: burst.map((v) => v.id) });
  const fresh = votes.filter(
    (v) => v.account_created_at && Date.parse(v.voted_at) - Date.parse(v.account_created_at) < CLUSTER.newAccountHours * 3600_000,
  );
  if (fresh.length >= CLUSTER.newAccounts)
    clusters.push({ kind: 'newAccounts', label: String(fresh.length), votes: fresh.map((v) => v.id) });
  for (const [, vs] of groups(votes, (v) => v.pattern_key)) {
    if (vs.length >= CLUSTER.pattern) clusters.push({ kind: 'pattern', label: vs[0]!.email_domain, votes: vs.map((v) => v.id) });
  }
  return clusters;
}

const parseIds = (value: unknown) =>
  [
    ...new Set(
      String(typeof value === 'string' ? value : '')
        .split(',')
        .map((s) => Number(s.trim())),
    ),
  ].filter((n) => Number.isInteger(n) && n > 0);

/** Voids votes of a category with a reason the audit log keeps; refused once the result is published. */
export async function voidVotes(
  ctx: ModuleContext,
  actor: Actor,
  category: Category,
  body: unknown,
  ip?: string,
): Promise<FormResult<{ voided: number }>> {
  if (category.published_at) return { ok: false, errors: { reason: { key: 'awards.error.published' } } };
  const result = validateForm(voidInput, body, VOID_LIMITS);
  if (!result.ok) return result;
  const ids = parseIds((body as Record<string, unknown>).votes).slice(0, 5000);
  const { db } = ctx.database;
  const votes = (await repo.votesOf(db, category.id)).filter((v) => ids.includes(v.id) && v.state === 'counted');
  if (!votes.length) return { ok: false, errors: { reason: { key: 'awards.error.noVotes' } } };
  await db.transaction().execute(async (trx) => {
    for (const v of votes) await repo.voidVote(trx, v.id, result.data.reason);
    await audit(
      trx,
      actor,
      {
        action: 'awards.votes.void',
        subjectType: 'award_category',
        subjectId: category.id,
        details: { votes: votes.map((v) => v.id), reason: result.data.reason },
      },
      ip,
    );
  });
  return { ok: true, data: { voided: votes.length } };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The votes of a category for anyone to recount: time, hashed network, nominee, state and reason,
 * and the nominee's jury score (the weighted mean of the criteria's means); never an address.
 */
export async function auditCsv(ctx: ModuleContext, edition: Edition, category: Category): Promise<string> {
  const [votes, ranking] = await Promise.all([repo.votesOf(ctx.database.db, category.id), standings(ctx, edition, category)]);
  const jury = new Map(ranking.map((r) => [r.nomination_id, r.jury_score]));
  const head = 'voted_at,network,nomination,state,reason,jury_score';
  const row = (v: (typeof votes)[number]) => [
    v.voted_at,
    v.network_hash,
    v.nomination_id,
    v.state,
    v.void_reason,
    jury.get(v.nomination_id) ?? '',
  ];
  return `${[head, ...votes.map((v) => row(v).map(csvCell).join(','))].join('\n')}\n`;
}
