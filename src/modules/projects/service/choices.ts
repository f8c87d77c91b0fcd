import type { ModuleContext } from '../../../core/modules.ts';
import * as repo from '../repo.ts';
import type { FundingCall } from '../schema.ts';
import { callViews } from './read.ts';

/** A call as other modules name it: programme, title and reference, and its page after the language prefix. */
export interface FundingCallChoice {
  id: number;
  label: string;
  path: string;
  deadline: string;
}

const UPCOMING = 200;

async function choices(ctx: ModuleContext, rows: FundingCall[], lang: string): Promise<FundingCallChoice[]> {
  return (await callViews(ctx, rows, lang)).map((c) => ({
    id: c.id,
    label: `${c.programme.acronym} – ${c.title} (${c.reference})`,
    path: `/calls/${c.id}`,
    deadline: c.deadline_at,
  }));
}

/** Open and forthcoming calls, nearest deadline first: what a town may name when it looks for partners. */
export const upcomingCallChoices = async (ctx: ModuleContext, lang: string) =>
  choices(ctx, (await repo.upcomingCalls(ctx.database.db, new Date().toISOString(), UPCOMING)) as FundingCall[], lang);

/** These calls as other modules name them, closed ones too, by id. */
export async function callChoicesByIds(ctx: ModuleContext, ids: readonly number[], lang: string) {
  const rows = (await repo.callsByIds(ctx.database.db, ids)) as FundingCall[];
  return new Map((await choices(ctx, rows, lang)).map((c) => [c.id, c]));
}
