import { transaction } from '../../../core/db/client.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { portalLink, queueTranslatedMail } from '../../../core/mail/translated.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { describeScopes, rolesOf } from '../../../core/scopes.ts';
import { scopeContacts } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import type { Membership, MembershipKind } from '../schema.ts';
import { takeStep } from './memberships.ts';
import { kindsOf, networkPath, networksByIds } from './networks.ts';

const DAY_MS = 86_400_000;
/** Days before a report's deadline when the member's staff are reminded; 0 is the day it passes. */
export const REMINDER_DAYS = [60, 30, 7, 0] as const;
/** Memberships handled per run: a backlog is worked off over the next runs. */
const BATCH = 500;

/**
 * What the clock does to memberships, run by the job runner (and by tests with their own clock):
 * reminders of a report's deadline, a late report marked overdue, and overdue past the grace period
 * put on hold. Each reminder and each step happens once, however many processes run it at once.
 */
export async function runDeadlines(ctx: ModuleContext, now = new Date()): Promise<{ reminded: number; overdue: number; onHold: number }> {
  const { db } = ctx.database;
  const soon = new Date(now.getTime() + REMINDER_DAYS[0] * DAY_MS).toISOString();
  const due = (await repo.dueBefore(db, ['active', 'report_overdue'], soon, BATCH)) as Membership[];
  const kinds = new Map((await kindsOf(ctx, [...new Set(due.map((m) => m.network_id))])).map((k) => [k.id, k]));
  let reminded = 0;
  let overdue = 0;
  let onHold = 0;
  for (const m of due) {
    const kind = kinds.get(m.kind_id);
    if (!kind || !m.report_due_at) continue;
    const deadline = Date.parse(m.report_due_at);
    // Only the nearest reminder: a membership that joined a week before its deadline is not sent the 60-day one.
    const days = [...REMINDER_DAYS].reverse().find((d) => (d === 0 ? now.getTime() >= deadline : now.getTime() >= deadline - d * DAY_MS));
    if (days !== undefined && (await remind(ctx, m, days, now))) reminded++;
    if (m.state === 'active' && now.getTime() >= deadline && (await step(ctx, m, kind, 'fallOverdue', now))) {
      overdue++;
      m.state = 'report_overdue';
    }
    if (
      m.state === 'report_overdue' &&
      now.getTime() >= deadline + kind.grace_days * DAY_MS &&
      (await step(ctx, m, kind, 'putOnHold', now))
    ) {
      onHold++;
    }
  }
  ctx.mail.wake();
  return { reminded, overdue, onHold };
}

const step = async (ctx: ModuleContext, m: Membership, kind: MembershipKind, name: 'fallOverdue' | 'putOnHold', now: Date) =>
  (await takeStep(ctx, m, kind, name, { actor: null, now })).ok;

/** Mails the member's staff that a report is due in `days` days (or today), unless it was done already. */
async function remind(ctx: ModuleContext, m: Membership, days: number, now: Date): Promise<boolean> {
  const { db } = ctx.database;
  const [member, staff] = await Promise.all([
    describeScopes(ctx, [{ type: m.member_type, id: m.member_id }]),
    scopeContacts(db, rolesOf(m.member_type), m.member_id),
  ]);
  const letters: { to: string; lang: string; values: Record<string, string> }[] = [];
  for (const person of staff) {
    const lang = isLanguage(person.language) ? person.language : 'en';
    const network = (await networksByIds(ctx, [m.network_id], lang)).get(m.network_id);
    if (!network) continue;
    letters.push({
      to: person.email,
      lang,
      values: {
        name: person.name,
        member: member.get(`${m.member_type}:${m.member_id}`)?.name ?? '',
        network: network.name,
        days: String(days),
        link: portalLink(ctx, lang, `${networkPath(network)}/memberships/${m.id}`),
      },
    });
  }
  return transaction(db, async (trx) => {
    const first = await repo.recordReminder(trx, {
      membership_id: m.id,
      due_at: m.report_due_at!,
      days_before: days,
      sent_at: now.toISOString(),
    });
    if (!first) return false;
    const key = days === 0 ? 'networks.mail.due' : 'networks.mail.reminder';
    for (const l of letters) await queueTranslatedMail(trx, ctx, key, l.to, l.lang, l.values);
    return true;
  });
}
