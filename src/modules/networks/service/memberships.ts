import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { Tables } from '../../../core/db/tables.ts';
import { isCalendarDate, today } from '../../../core/http/input.ts';
import { translator } from '../../../core/i18n/catalog.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes, rolesOf } from '../../../core/scopes.ts';
import { scopeContacts } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import type { Membership, MembershipKind, MembershipState } from '../schema.ts';
import { networkPath, networksByIds } from './networks.ts';
import { nextState, STEPS, type StepName } from './workflow.ts';

const DAY_MS = 86_400_000;
export const REASON_MAX = 2000;

/** The roles of a network that run its members: told of every step. */
export const COORDINATOR_ROLES = ['network_coordinator'];

export type StepError =
  | 'networks.error.notNow'
  | 'networks.error.reason'
  | 'networks.error.date'
  | 'networks.error.file'
  | 'networks.error.extended';

export interface StepInput {
  actor: Actor | null;
  reason?: string;
  /** The date of the signed commitment or the council's decision (YYYY-MM-DD): the join date. */
  commitmentDate?: string;
  /** The stored commitment, kept with the step that sends it. */
  commitmentFile?: string;
  /** What else changes with the step, in its transaction (a report accepted with it). */
  alongside?: (trx: Kysely<Tables>) => Promise<void>;
  now?: Date;
}

const addYears = (iso: string, years: number) => {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

/** What a step changes besides the state: dates of joining and of the next report, the extension. */
function effects(step: StepName, m: Membership, kind: MembershipKind, input: StepInput, now: Date) {
  switch (step) {
    case 'sendCommitment': {
      const date = input.commitmentDate ?? '';
      if (!isCalendarDate(date) || date > today(now)) return 'networks.error.date' as const;
      return input.commitmentFile ? { commitment_date: date, commitment_file: input.commitmentFile } : ('networks.error.file' as const);
    }
    case 'acceptCommitment': {
      const since = `${m.commitment_date ?? now.toISOString().slice(0, 10)}T00:00:00.000Z`;
      return { since, report_due_at: addYears(since, kind.report_years), extended: 0 };
    }
    case 'acceptReport':
      return { report_due_at: addYears(now.toISOString(), kind.report_years), extended: 0 };
    case 'extend': {
      if (m.extended || !m.report_due_at) return 'networks.error.extended' as const;
      const due = new Date(Date.parse(m.report_due_at) + kind.grace_days * DAY_MS).toISOString();
      return due > now.toISOString() ? { report_due_at: due, extended: 1 } : ('networks.error.extended' as const);
    }
    default:
      return {};
  }
}

/**
 * Takes one step of a membership's workflow, if the state allows it: records who, when and why,
 * and mails the member's staff and the network's coordinators. Who may take it is the route's
 * question (the policy); whether it can be taken now is this one's.
 */
export async function takeStep(
  ctx: ModuleContext,
  m: Membership,
  kind: MembershipKind,
  step: StepName,
  input: StepInput,
): Promise<{ ok: true; state: MembershipState } | { ok: false; error: StepError }> {
  const now = input.now ?? new Date();
  const to = nextState(m.state, step);
  if (!to) return { ok: false, error: 'networks.error.notNow' };
  const reason = (input.reason ?? '').trim().slice(0, REASON_MAX);
  if ('needsReason' in STEPS[step] && !reason) return { ok: false, error: 'networks.error.reason' };
  const changes = effects(step, m, kind, input, now);
  if (typeof changes === 'string') return { ok: false, error: changes };
  const at = now.toISOString();
  const letters = await lettersFor(ctx, m, to, reason);
  const moved = await transaction(ctx.database.db, async (trx) => {
    // Only from the state read: a step taken twice at once (two coordinators, a job in two processes) happens once.
    if (!(await repo.moveState(trx, m.id, m.state, { ...changes, state: to, updated_at: at }))) return false;
    await input.alongside?.(trx);
    await repo.insertEvent(trx, { membership_id: m.id, from_state: m.state, to_state: to, actor_id: input.actor?.id ?? null, reason, at });
    for (const l of letters) await queueTranslatedMail(trx, ctx, 'networks.mail.step', l.to, l.lang, l.values);
    return true;
  });
  if (moved) ctx.mail.wake();
  return moved ? { ok: true, state: to } : { ok: false, error: 'networks.error.notNow' };
}

export interface Letter {
  to: string;
  lang: string;
  values: Record<string, string>;
}

/**
 * The mails telling everyone on both sides, each in their own language, that the membership moved.
 * Read before the step's transaction (on SQLite it holds the one connection), queued inside it.
 */
export async function lettersFor(
  ctx: ModuleContext,
  m: Membership,
  to: MembershipState,
  reason: string,
  sides: { member: boolean; coordinators: boolean } = { member: true, coordinators: true },
): Promise<Letter[]> {
  const { db } = ctx.database;
  const [member, coordinators, staff] = await Promise.all([
    describeScopes(ctx, [{ type: m.member_type, id: m.member_id }]),
    sides.coordinators ? scopeContacts(db, COORDINATOR_ROLES, m.network_id) : [],
    sides.member ? scopeContacts(db, rolesOf(m.member_type), m.member_id) : [],
  ]);
  const memberName = member.get(`${m.member_type}:${m.member_id}`)?.name ?? '';
  const letters = new Map<string, Letter>();
  for (const person of [...staff, ...coordinators]) {
    if (letters.has(person.email)) continue;
    const lang = isLanguage(person.language) ? person.language : 'en';
    const t = translator(lang);
    const network = (await networksByIds(ctx, [m.network_id], lang)).get(m.network_id);
    if (!network) continue;
    letters.set(person.email, {
      to: person.email,
      lang,
      values: {
        name: person.name,
        member: memberName,
        network: network.name,
        state: t(`networks.state.${to}`),
        reason: reason ? t('networks.mail.reason', { reason }) : '',
        link: portalLink(ctx, lang, `${networkPath(network)}/memberships/${m.id}`),
      },
    });
  }
  return [...letters.values()];
}

/** The history of a membership, oldest first. */
export const historyOf = (ctx: ModuleContext, membershipId: number) => repo.eventsOf(ctx.database.db, membershipId);
