import type { Frequency, ParticipationMailRow } from '../schema.ts';
import type { Db, New } from './db.ts';

// Mail preferences and the mail job's claims

export const prefsOf = (db: Db, userId: number) =>
  db.selectFrom('participation_mail_prefs').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const savePrefs = (db: Db, userId: number, frequency: Frequency, at: string) =>
  db
    .insertInto('participation_mail_prefs')
    .values({ user_id: userId, frequency, last_digest_at: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency, updated_at: at }))
    .execute();

/**
 * People whose mail is due, with what they want and when their last digest went: those who want
 * each thing at once, and those whose daily or weekly digest has things from before the period began.
 */
export const duePeople = (db: Db, since: string, starts: { daily: string; weekly: string }, limit: number) =>
  db
    .selectFrom('participation_notifications as n')
    .innerJoin('users', 'users.id', 'n.user_id')
    .leftJoin('participation_mail_prefs as p', 'p.user_id', 'n.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.language', 'p.frequency'])
    .where('n.mailed_at', 'is', null)
    .where('n.created_at', '>=', since)
    .where('users.email_confirmed_at', 'is not', null)
    .where('users.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('p.frequency', 'is', null), eb('p.frequency', '<>', 'never')]))
    .groupBy(['users.id', 'users.name', 'users.email', 'users.language', 'p.frequency', 'p.last_digest_at'])
    .having((eb) => {
      const digest = (start: string) =>
        eb.and([
          eb(eb.fn.min('n.created_at'), '<', start),
          eb.or([eb('p.last_digest_at', 'is', null), eb('p.last_digest_at', '<', start)]),
        ]);
      return eb.or([
        eb('p.frequency', '=', 'immediate'),
        eb.and([eb.or([eb('p.frequency', 'is', null), eb('p.frequency', '=', 'daily')]), digest(starts.daily)]),
        eb.and([eb('p.frequency', '=', 'weekly'), digest(starts.weekly)]),
      ]);
    })
    .orderBy('users.id')
    .limit(limit)
    .execute();

/** Takes the person's digest of the period: true for the one run that moved it past the period's start. */
export async function claimDigest(db: Db, userId: number, frequency: Frequency, periodStart: string, at: string) {
  await db
    .insertInto('participation_mail_prefs')
    .values({ user_id: userId, frequency, last_digest_at: null, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const taken = await db
    .updateTable('participation_mail_prefs')
    .set({ last_digest_at: at })
    .where('user_id', '=', userId)
    .where('frequency', '=', frequency)
    .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<', periodStart)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Takes the person's unmailed notifications made in [since, until): each is returned to one run only. */
export const claimNotifications = async (db: Db, userId: number, since: string, until: string, at: string) =>
  (
    await db
      .updateTable('participation_notifications')
      .set({ mailed_at: at })
      .where('user_id', '=', userId)
      .where('mailed_at', 'is', null)
      .where('created_at', '>=', since)
      .where('created_at', '<', until)
      .returning('id')
      .execute()
  ).map((r) => r.id);

export const insertMail = (db: Db, row: New<ParticipationMailRow>) => db.insertInto('participation_mails').values(row).execute();

export const mailByToken = (db: Db, hash: string) =>
  db.selectFrom('participation_mails').selectAll().where('token_hash', '=', hash).executeTakeFirst();

/** Everything following keeps of a person: gone with their account. */
export async function eraseFollowing(db: Db, userId: number) {
  for (const table of [
    'participation_mails',
    'participation_notifications',
    'participation_mail_prefs',
    'participation_follows',
  ] as const) {
    await db.deleteFrom(table).where('user_id', '=', userId).execute();
  }
}
