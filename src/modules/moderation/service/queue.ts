import type { Actor } from '../../../core/authz.ts';
import { describeTexts, moderatedKind } from '../../../core/moderation.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { displayNames } from '../../accounts/index.ts';
import { moderatedOwners } from '../policy.ts';
import * as repo from '../repo.ts';
import type { FlagReason, ItemState, ModerationDecision, ModerationItem } from '../schema.ts';
import type { FoundText } from './texts.ts';

/** The queue's lists: what waits for a decision (hidden pending review first), and what was decided. */
export const QUEUE_FILTERS = { review: ['pending', 'flagged'], hidden: ['hidden'], restored: ['restored'] } as const;
export type QueueFilter = keyof typeof QUEUE_FILTERS;
export const QUEUE_PAGE = 20;

/** One entry of the queue: the item, its text as its module describes it (none once deleted), and its flags by reason. */
export interface QueueEntry {
  item: ModerationItem;
  text: FoundText | undefined;
  kindLabel: string;
  reasons: { reason: FlagReason; count: number }[];
}

async function entriesOf(ctx: ModuleContext, items: ModerationItem[]): Promise<QueueEntry[]> {
  const [texts, reasons] = await Promise.all([
    describeTexts(
      ctx,
      items.map((i) => ({ type: i.text_type, id: i.text_id })),
    ),
    repo.reasonsOf(
      ctx.database.db,
      items.map((i) => i.id),
    ),
  ]);
  return items.map((item) => ({
    item,
    text: texts.get(`${item.text_type}:${item.text_id}`),
    kindLabel: moderatedKind(item.text_type)?.label ?? item.text_type,
    reasons: reasons.filter((r) => r.item_id === item.id).map((r) => ({ reason: r.reason, count: Number(r.n) })),
  }));
}

/** A page of the queue as this person may see it: everything for the platform's moderators, their owners' texts for staff. */
export async function queueFor(ctx: ModuleContext, actor: Actor, filter: QueueFilter, page: number) {
  const { db } = ctx.database;
  const owners = moderatedOwners(actor);
  const states = QUEUE_FILTERS[filter] as readonly ItemState[];
  const [items, total] = await Promise.all([
    repo.queue(db, states, owners, { limit: QUEUE_PAGE, offset: (page - 1) * QUEUE_PAGE }),
    repo.queueCount(db, states, owners),
  ]);
  return { entries: await entriesOf(ctx, items as ModerationItem[]), total, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE)) };
}

/** How many texts wait for this person's decision. */
export const waitingFor = (ctx: ModuleContext, actor: Actor) =>
  repo.queueCount(ctx.database.db, QUEUE_FILTERS.review, moderatedOwners(actor));

/** A text's entry: its flags and every decision on it, with who decided. */
export async function entryOf(ctx: ModuleContext, text: FoundText) {
  const { db } = ctx.database;
  const item = (await repo.itemOf(db, text.type, text.id)) as ModerationItem | undefined;
  const [entry] = item ? await entriesOf(ctx, [item]) : [];
  const decisions = (item ? await repo.decisionsOfItem(db, item.id) : []) as ModerationDecision[];
  const held = await repo.isHeld(db, text.type, text.id);
  return { entry, decisions, held, names: await namesOf(ctx, decisions), kindLabel: moderatedKind(text.type)?.label ?? text.type };
}

export async function namesOf(ctx: ModuleContext, decisions: ModerationDecision[]) {
  return displayNames(
    ctx.database.db,
    decisions.flatMap((d) => (d.actor_id ? [d.actor_id] : [])),
  );
}
