import type { Owner } from './authz.ts';
import type { ModuleContext } from './modules.ts';

/** One citizen text as moderators see it. */
export interface ModeratedText {
  /** The start of the text, as plain text. */
  excerpt: string;
  /** Its page (after the language prefix), where readers see it. */
  path: string;
  /** Who it belongs to: its moderators are this owner's staff and the platform's moderators. */
  owner: Owner;
  authorId: number | null;
  /** Whether it is hidden now, for whatever reason. */
  hidden: boolean;
}

/**
 * A kind of text people write (a proposal, a comment), declared in the manifest of the module
 * that owns it. Moderation flags, hides and restores texts through these functions alone: it never
 * reads another module's tables.
 */
export interface ModeratedKind {
  /** Its name in forms and addresses, e.g. "comment". */
  type: string;
  /** The message key naming the kind for people, e.g. "participation.kind.comment". */
  label: string;
  /** The texts with these ids; an id that names nothing is left out. */
  describe(ids: readonly number[], ctx: ModuleContext): Promise<Map<number, ModeratedText>>;
  /** Hides the texts (they show nowhere) or shows them again; the owning module keeps its counts right. */
  setHidden(ctx: ModuleContext, ids: readonly number[], hidden: boolean): Promise<void>;
  /** The ids of every text this person wrote, hidden or not. */
  byAuthor(ctx: ModuleContext, userId: number): Promise<number[]>;
}

const registry = new Map<string, ModeratedKind>();

/** Makes the modules' moderated kinds known; a type belongs to one module only. Called with the module list at start. */
export function registerModerated(kinds: readonly ModeratedKind[]): void {
  for (const k of kinds) {
    if (!/^[a-z][a-z_-]*$/.test(k.type)) throw new Error(`Moderated type "${k.type}" is not allowed`);
    const taken = registry.get(k.type);
    if (taken && taken !== k) throw new Error(`Moderated type ${k.type} is declared twice`);
    registry.set(k.type, k);
  }
}

export const moderatedKind = (type: string): ModeratedKind | undefined => registry.get(type);
export const moderatedKinds = (): ModeratedKind[] => [...registry.values()];

/** The texts these references name, by "type:id"; unknown kinds and ids are left out. */
export async function describeTexts(
  ctx: ModuleContext,
  refs: readonly { type: string; id: number }[],
): Promise<Map<string, ModeratedText & { type: string; id: number }>> {
  const byType = new Map<string, Set<number>>();
  for (const { type, id } of refs) if (registry.has(type)) byType.set(type, (byType.get(type) ?? new Set()).add(id));
  const found = new Map<string, ModeratedText & { type: string; id: number }>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const [id, text] of await registry.get(type)!.describe([...ids], ctx)) found.set(`${type}:${id}`, { ...text, type, id });
    }),
  );
  return found;
}
