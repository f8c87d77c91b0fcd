import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/authz.ts';
import type { Tables } from '../../../core/db/tables.ts';
import type { ModuleContext, PersonalData } from '../../../core/modules.ts';
import { participationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { FollowType } from '../schema.ts';
import { processById, refOf } from './processes.ts';

/** What a person can follow: a process, a proposal or a debate. */
export interface FollowSubject {
  type: FollowType;
  id: number;
}

/** A transaction (or the database) of the writer, or the module's context. */
type On = Kysely<Tables> | ModuleContext;
const dbOf = (on: On): Kysely<Tables> => ('database' in on ? on.database.db : on);

/** Follows a subject; following it again changes nothing. */
export const follow = (on: On, userId: number, subject: FollowSubject, now = new Date()) =>
  repo.insertFollow(dbOf(on), userId, subject.type, subject.id, now.toISOString());

export const unfollow = (on: On, userId: number, subject: FollowSubject) => repo.deleteFollow(dbOf(on), userId, subject.type, subject.id);

export const isFollowing = async (on: On, userId: number, subject: FollowSubject) =>
  !!(await repo.followOf(dbOf(on), userId, subject.type, subject.id));

/** Supporting or commenting follows what one supported or commented on: the features call this in their transaction. */
export const followOnAction = (trx: Kysely<Tables>, userId: number, subject: FollowSubject) => follow(trx, userId, subject);

/**
 * The process a subject is in, if the person may see the subject: a proposal not hidden nor withdrawn,
 * a debate not hidden, in a process they may view. Undefined for anything else (the 404).
 */
export async function followable(ctx: ModuleContext, actor: Actor, subject: FollowSubject, lang: string) {
  const { db } = ctx.database;
  let processId: number | null = subject.id;
  if (subject.type === 'proposal') {
    const p = await repo.proposalById(db, subject.id);
    if (!p || p.hidden || p.withdrawn) return undefined;
    processId = p.process_id;
  } else if (subject.type === 'debate') {
    const d = await repo.debateById(db, subject.id);
    if (!d || d.hidden) return undefined;
    processId = d.process_id;
  }
  if (processId === null) return { process: null };
  const process = await processById(ctx, processId, lang);
  if (!process || !participationPolicy.can(actor, 'process.view', refOf(process))) return undefined;
  return { process };
}

/** Follows, mail preferences and notifications are a person's own: in their data download, gone with their account. */
export const followingData: PersonalData = {
  export: async (person, ctx) => {
    const { db } = ctx.database;
    const [follows, prefs, notifications] = await Promise.all([
      repo.followsOf(db, person.userId),
      repo.prefsOf(db, person.userId),
      repo.notificationsOf(db, person.userId),
    ]);
    return {
      follows: follows.map((f) => ({ type: f.subject_type, id: f.subject_id, since: f.created_at })),
      mail: prefs?.frequency ?? 'daily',
      notifications: notifications.map((n) => ({
        event: n.event,
        subject: { type: n.subject_type, id: n.subject_id },
        source: { type: n.source_type, id: n.source_id },
        at: n.created_at,
        read: n.read_at,
        mailed: n.mailed_at,
      })),
    };
  },
  erase: (person, ctx) => repo.eraseFollowing(ctx.database.db, person.userId),
};
