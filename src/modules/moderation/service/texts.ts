import { describeTexts, type ModeratedText, moderatedKind } from '../../../core/moderation.ts';
import type { ModuleContext } from '../../../core/modules.ts';

export type FoundText = ModeratedText & { type: string; id: number };

/** The text a type and id name, as its module describes it; none for an unknown kind or id. */
export async function findText(ctx: ModuleContext, type: string, id: number): Promise<FoundText | undefined> {
  if (!moderatedKind(type)) return undefined;
  return (await describeTexts(ctx, [{ type, id }])).get(`${type}:${id}`);
}

/** Hides or shows texts through the modules that own them. */
export async function setHidden(ctx: ModuleContext, texts: { type: string; id: number }[], hidden: boolean): Promise<void> {
  const byType = new Map<string, number[]>();
  for (const t of texts) byType.set(t.type, [...(byType.get(t.type) ?? []), t.id]);
  for (const [type, ids] of byType) await moderatedKind(type)?.setHidden(ctx, ids, hidden);
}

/** What moderation keeps of a text's owner and author. */
export const itemFields = (text: FoundText) => ({
  type: text.type,
  id: text.id,
  owner_type: text.owner.owner_type,
  owner_id: text.owner.owner_id,
  author_id: text.authorId,
});

/**
 * Runs a moderation step in one transaction, the owning modules' writes included (they write
 * through the context they are given): a step that fails changes nothing.
 */
export function inTransaction<T>(ctx: ModuleContext, step: (ctx: ModuleContext) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction().execute((trx) => step({ ...ctx, database: { ...ctx.database, db: trx } }));
}
