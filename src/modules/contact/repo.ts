import type { Kysely } from 'kysely';
import type { Tables } from '../../core/db/tables.ts';
import type { ContactEnquiryRow, EnquiryState } from './schema.ts';
import './schema.ts';

type Db = Kysely<Tables>;
const now = () => new Date().toISOString();

export const settingsOf = (db: Db, town: number) =>
  db.selectFrom('contact_settings').selectAll().where('municipality_id', '=', town).executeTakeFirst();

export async function saveResponseDays(db: Db, town: number, days: number): Promise<void> {
  await db
    .insertInto('contact_settings')
    .values({ municipality_id: town, response_days: days, updated_at: now() })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ response_days: days, updated_at: now() }))
    .execute();
}

export const topicsOf = (db: Db, town: number) =>
  db.selectFrom('contact_topics').selectAll().where('municipality_id', '=', town).orderBy('name').orderBy('id').execute();

export const topicIn = (db: Db, town: number, id: number) =>
  db.selectFrom('contact_topics').selectAll().where('municipality_id', '=', town).where('id', '=', id).executeTakeFirst();

export async function insertTopic(db: Db, town: number, t: { name: string; department: string; email: string }): Promise<number> {
  const row = await db
    .insertInto('contact_topics')
    .values({ municipality_id: town, ...t, created_at: now(), updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const updateTopic = (db: Db, id: number, t: { name: string; department: string; email: string }) =>
  db
    .updateTable('contact_topics')
    .set({ ...t, updated_at: now() })
    .where('id', '=', id)
    .execute();

export const deleteTopic = (db: Db, id: number) => db.deleteFrom('contact_topics').where('id', '=', id).execute();

/** The next number of a town's year, counted in one statement so that two processes never draw the same. */
export async function nextNumber(db: Db, town: number, year: number): Promise<number> {
  const row = await db
    .insertInto('contact_counters')
    .values({ municipality_id: town, year, last: 1 })
    .onConflict((oc) => oc.columns(['municipality_id', 'year']).doUpdateSet((eb) => ({ last: eb('contact_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertEnquiry(db: Db, row: Omit<ContactEnquiryRow, 'id' | 'state' | 'confirmed'> & { confirmed: number }) {
  const r = await db.insertInto('contact_enquiries').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const enquiryById = (db: Db, id: number) => db.selectFrom('contact_enquiries').selectAll().where('id', '=', id).executeTakeFirst();

export const enquiryByReference = (db: Db, reference: string) =>
  db.selectFrom('contact_enquiries').selectAll().where('reference', '=', reference).executeTakeFirst();

export const enquiryToConfirm = (db: Db, hash: string) =>
  db.selectFrom('contact_enquiries').selectAll().where('confirm_hash', '=', hash).where('confirmed', '=', 0).executeTakeFirst();

export const markConfirmed = (db: Db, id: number, reference: string) =>
  db
    .updateTable('contact_enquiries')
    .set({ confirmed: 1, confirm_hash: null, reference, confirmed_at: now(), updated_at: now() })
    .where('id', '=', id)
    .where('confirmed', '=', 0)
    .executeTakeFirst();

export interface InboxFilter {
  town: number;
  state?: EnquiryState;
  topic?: number;
}

const inboxQuery = (db: Db, f: InboxFilter) => {
  let q = db.selectFrom('contact_enquiries').where('municipality_id', '=', f.town).where('confirmed', '=', 1);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.topic) q = q.where('topic_id', '=', f.topic);
  return q;
};

export const inboxPage = (db: Db, f: InboxFilter, limit: number, offset: number) =>
  inboxQuery(db, f)
    .select(['id', 'reference', 'topic_name', 'name', 'state', 'confirmed_at'])
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();

export const inboxCount = async (db: Db, f: InboxFilter) =>
  Number(
    (
      await inboxQuery(db, f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** New enquiries per town, for the staff's work desks. */
export async function newIn(db: Db, towns: number[]): Promise<Map<number, number>> {
  if (!towns.length) return new Map();
  const rows = await db
    .selectFrom('contact_enquiries')
    .select(['municipality_id', (eb) => eb.fn.countAll().as('n')])
    .where('municipality_id', 'in', towns)
    .where('confirmed', '=', 1)
    .where('state', '=', 'new')
    .groupBy('municipality_id')
    .execute();
  return new Map(rows.map((r) => [r.municipality_id, Number(r.n)]));
}

export const repliesOf = (db: Db, enquiry: number) =>
  db.selectFrom('contact_replies').selectAll().where('enquiry_id', '=', enquiry).orderBy('id').execute();

export async function insertReply(db: Db, r: { enquiry_id: number; from_staff: number; author_id: number | null; body: string }) {
  await db
    .insertInto('contact_replies')
    .values({ ...r, created_at: now() })
    .execute();
}

export const setState = (db: Db, id: number, state: EnquiryState, answeredAt?: string) =>
  db
    .updateTable('contact_enquiries')
    .set({ state, updated_at: now(), ...(answeredAt ? { answered_at: answeredAt } : {}) })
    .where('id', '=', id)
    .execute();

/** A sender's confirmed enquiries: those sent from their account, and those sent from its address before it existed. */
export const enquiriesOfSender = (db: Db, userId: number, email: string) =>
  db
    .selectFrom('contact_enquiries')
    .select(['id', 'reference', 'municipality_id', 'topic_name', 'state', 'confirmed_at'])
    .where('confirmed', '=', 1)
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('email', '=', email.toLowerCase())]))
    .orderBy('confirmed_at', 'desc')
    .limit(200)
    .execute();

/** When each answered enquiry reached the town and when it was first answered, since a date. */
export const answeredSince = (db: Db, town: number, since: string) =>
  db
    .selectFrom('contact_enquiries')
    .select(['confirmed_at', 'answered_at'])
    .where('municipality_id', '=', town)
    .where('answered_at', '>=', since)
    .where('confirmed', '=', 1)
    .execute();

/** Everything a person sent, by account or by address, for their data download. */
export const enquiriesOfPerson = (db: Db, userId: number, email: string) =>
  db
    .selectFrom('contact_enquiries')
    .select(['id', 'reference', 'topic_name', 'name', 'email', 'phone', 'body', 'file_name', 'state', 'created_at'])
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('email', '=', email.toLowerCase())]))
    .orderBy('id')
    .execute();

export const filesOfPerson = (db: Db, userId: number, email: string) =>
  db
    .selectFrom('contact_enquiries')
    .select(['id', 'file'])
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('email', '=', email.toLowerCase())]))
    .execute();

export const deleteEnquiries = (db: Db, ids: number[]) =>
  ids.length ? db.deleteFrom('contact_enquiries').where('id', 'in', ids).execute() : Promise.resolve([]);
