import { z } from 'zod';
import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { Remembered } from '../../../core/cache.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormResult, tooManyAttempts, validateForm } from '../../../core/http/forms.ts';
import { dateField, text, today } from '../../../core/http/input.ts';
import { hit, type Limit } from '../../../core/http/throttle.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { participationPolicy } from '../policy.ts';
import * as repo from '../repo.ts';
import type { Debate } from '../schema.ts';
import { followOnAction } from './following.ts';
import { notifyFollowers } from './notifications.ts';
import { type ProcessView, processPath } from './processes.ts';
import { publishAsChoices, readPublishAs } from './published-as.ts';

export const DEBATE_TITLE_MAX = 200;
export const DEBATE_BODY_MAX = 20_000;
export const CONCLUSIONS_MAX = 20_000;
/** Debates one account opens in an hour: enough for staff preparing a process, too few to flood one. */
export const DEBATES_PER_ACCOUNT: Limit = { max: 10, windowMs: 3600_000 };

export const debatePath = (p: { slug: string }, id: number) => `${processPath(p)}/debates/${id}`;

/** Open; closed by staff with conclusions; or past its closing date, closed for comments without them. */
export type DebateState = 'open' | 'closed' | 'expired';

export const debateState = (d: Pick<Debate, 'closed_at' | 'closes_at'>, now = new Date()): DebateState =>
  d.closed_at ? 'closed' : d.closes_at && d.closes_at <= now.toISOString() ? 'expired' : 'open';

/** A new debate's row: open, without comments, in its process (or none: a town's own) and in its owner's name. */
export const newDebate = (
  p: { id: number | null; owner_type: string; owner_id: number },
  d: Pick<Debate, 'area' | 'author_id' | 'official' | 'language' | 'title' | 'body' | 'closes_at'> & { organisation_id?: number | null },
  at: string,
) => ({
  ...d,
  process_id: p.id,
  owner_type: p.owner_type,
  owner_id: p.owner_id,
  closed_at: null,
  conclusions: null,
  comments_count: 0,
  hidden: 0,
  created_at: at,
  updated_at: at,
});

/** What the debate form holds, as typed. */
export interface DebateValues {
  title?: string;
  body?: string;
  area?: string;
  closes_on?: string;
  publish_as?: string;
}

const debateInput = (areas: string[], now: Date) =>
  z.object({
    title: text().trim().min(1, 'form.error.required').max(DEBATE_TITLE_MAX, 'form.error.tooLong'),
    body: text().trim().min(1, 'form.error.required').max(DEBATE_BODY_MAX, 'form.error.tooLong'),
    area: z
      .union([z.literal(''), z.enum(areas as [string, ...string[]])], { error: 'form.error.choose' })
      .optional()
      .default(''),
    closes_on: z
      .union([z.literal(''), dateField('participation.debate.error.closesOn', () => ({ min: today(now) }))], {
        error: 'participation.debate.error.closesOn',
      })
      .optional()
      .default(''),
  });

/** A debate opened in a process: official when staff of the owner open it. The route checked 'debate.create'. */
export async function openDebate(
  ctx: ModuleContext,
  actor: Actor,
  p: ProcessView,
  values: DebateValues,
  language: string,
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const now = new Date();
  const form = validateForm(debateInput(p.areaList, now), values, {
    title: DEBATE_TITLE_MAX,
    body: DEBATE_BODY_MAX,
  });
  // Whom it is opened as: checked against the organisations the person represents now.
  const publishAs = readPublishAs(await publishAsChoices(ctx, actor), values.publish_as);
  if (!form.ok || !publishAs.ok)
    return { ok: false, errors: { ...(form.ok ? {} : form.errors), ...(publishAs.ok ? {} : publishAs.errors) } };
  const { db } = ctx.database;
  const limited = await hit(db, `debate:${actor.id}`, DEBATES_PER_ACCOUNT);
  if (!limited.allowed) return tooManyAttempts(limited.retryAfter);
  const official = participationPolicy.can(actor, 'process.manage', p);
  const id = await transaction(db, async (trx) => {
    const id = await repo.insertDebate(
      trx,
      newDebate(
        p,
        {
          area: form.data.area || null,
          author_id: actor.id,
          organisation_id: publishAs.organisationId,
          official: official ? 1 : 0,
          language,
          title: form.data.title,
          body: form.data.body,
          // The closing day counts whole, to its end.
          closes_at: form.data.closes_on ? `${form.data.closes_on}T23:59:59.999Z` : null,
        },
        now.toISOString(),
      ),
    );
    if (official) await audit(trx, actor, { action: 'participation.debate.open', subjectType: 'debate', subjectId: id }, ip);
    const source = { type: 'debate', id } as const;
    await notifyFollowers(trx, ctx, { subject: { type: 'process', id: p.id }, event: 'debate.new', source, actorId: actor.id }, now);
    // Who opens a debate hears what is said in it, as who comments on it does.
    await followOnAction(trx, actor.id, source);
    return id;
  });
  return { ok: true, data: { id } };
}

const closeInput = z.object({
  conclusions: text().trim().min(1, 'participation.debate.error.conclusions').max(CONCLUSIONS_MAX, 'form.error.tooLong'),
});

/** Staff close a debate with their conclusions: it takes no more comments. The route checked 'debate.close'. */
export async function closeDebate(
  ctx: ModuleContext,
  actor: Actor,
  d: Debate,
  values: { conclusions?: string },
  ip?: string,
): Promise<FormResult<{ id: number }>> {
  const form = validateForm(closeInput, values, { conclusions: CONCLUSIONS_MAX });
  if (!form.ok) return form;
  const { db } = ctx.database;
  const at = new Date().toISOString();
  await transaction(db, async (trx) => {
    const closedAt = (await repo.debateById(trx, d.id))?.closed_at ?? null;
    await repo.updateDebate(trx, d.id, { conclusions: form.data.conclusions, closed_at: closedAt ?? at, updated_at: at });
    await audit(trx, actor, { action: 'participation.debate.close', subjectType: 'debate', subjectId: d.id }, ip);
    // Closing is news once; rewording the conclusions of a closed debate is not.
    if (closedAt) return;
    const debate = { type: 'debate', id: d.id } as const;
    await notifyFollowers(trx, ctx, { subject: debate, event: 'debate.closed', source: debate, actorId: actor.id });
  });
  return { ok: true, data: { id: d.id } };
}

/** A debate of this process that the public may see (moderation hid none of it). */
export async function debateIn(ctx: ModuleContext, p: ProcessView, id: number): Promise<Debate | undefined> {
  const d = (await repo.debateById(ctx.database.db, id)) as Debate | undefined;
  return d && d.process_id === p.id && !d.hidden ? d : undefined;
}

/** A process's debates, newest first. */
// A process's page lists its debates on every visit: kept until the data changes (see Remembered).
const ofProcess = new Remembered<Debate[]>(30_000, 2000);
export const debatesOf = (ctx: ModuleContext, processId: number) =>
  ofProcess.get(ctx.database.db, String(processId), async () => (await repo.debatesOfProcess(ctx.database.db, processId, 100)) as Debate[]);
