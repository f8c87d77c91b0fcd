import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { type MunicipalitySummary, municipalitiesByIds } from '../../municipalities/index.ts';
import { signalsPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Signal, SignalCategory, SignalPhoto, SignalQuestion, SignalUpdate, UpdateKind } from '../schema.ts';
import type { Answers } from './questions.ts';

/** The timeline entries anyone may read: never internal notes, nor who on the staff took a report up. */
const PUBLIC_KINDS: readonly UpdateKind[] = ['created', 'state', 'note', 'passed', 'me_too'];

export interface ReportDetail {
  signal: Signal;
  category: SignalCategory;
  questions: SignalQuestion[];
  answers: Answers;
  /** The photos this reader may see: staff also see the ones they hid. */
  photos: SignalPhoto[];
  timeline: SignalUpdate[];
  /** The report's town, and those it was passed on from. */
  towns: Map<number, MunicipalitySummary>;
  /** The name the author chose to show; null, as by default, keeps it private. */
  publicName: string | null;
}

/** A report as its page shows it to this reader (who may see it: the route checked). */
export async function reportDetail(ctx: ModuleContext, actor: Actor | null, signal: Signal): Promise<ReportDetail> {
  const { db } = ctx.database;
  const [category, questions, photos, updates] = await Promise.all([
    repo.categoryById(db, signal.category_id),
    repo.questionsOf(db, [signal.category_id]),
    repo.photosOf(db, signal.id),
    repo.updatesOf(db, signal.id, false),
  ]);
  const timeline = updates.filter((u) => PUBLIC_KINDS.includes(u.kind));
  const ids = [signal.municipality_id, ...timeline.flatMap((u) => (u.from_municipality ? [u.from_municipality] : []))];
  const staff = signalsPolicy.can(actor, 'signal.private', signal);
  return {
    signal,
    category: category!,
    questions,
    answers: signal.answers ? (JSON.parse(signal.answers) as Answers) : {},
    photos: photos.filter((p) => p.hidden === 0 || staff),
    timeline,
    towns: await municipalitiesByIds(db, ids),
    publicName: signal.show_name === 1 ? signal.contact_name : null,
  };
}

/**
 * Says "me too" for this person: counted once however often they press, with an entry in the
 * report's timeline the first time. Whether it was new.
 */
export async function meToo(ctx: ModuleContext, actor: Actor, signal: Signal, now = new Date().toISOString()): Promise<boolean> {
  return transaction(ctx.database.db, async (db) => {
    const had = await repo.supportOf(db, signal.id, actor.id);
    if (had) return false;
    await db
      .insertInto('signal_supports')
      .values({ signal_id: signal.id, user_id: actor.id, created_at: now })
      .onConflict((oc) => oc.columns(['signal_id', 'user_id']).doNothing())
      .execute();
    // Counted from the rows, so two presses at once still count one.
    await db
      .updateTable('signals')
      .set((eb) => ({
        me_too: eb
          .selectFrom('signal_supports')
          .select((s) => s.fn.countAll<number>().as('n'))
          .where('signal_supports.signal_id', '=', signal.id),
        updated_at: now,
      }))
      .where('id', '=', signal.id)
      .execute();
    await repo.insertUpdate(db, {
      signal_id: signal.id,
      kind: 'me_too',
      state: null,
      note: null,
      author_id: actor.id,
      from_municipality: null,
      created_at: now,
    });
    return true;
  });
}

/** Whether this person already said "me too" to the report. */
export const saidMeToo = async (ctx: ModuleContext, actor: Actor | null, signalId: number) =>
  !!actor && !!(await repo.supportOf(ctx.database.db, signalId, actor.id));
