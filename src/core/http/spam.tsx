import type { Actor } from '../authz.ts';
import type { Database } from '../db/client.ts';
import { usePage } from '../views/context.ts';
import { type FormRefusal, tooManyAttempts } from './forms.ts';
import { hit, type Limit } from './throttle.ts';

/** The trap's field name: one that form-filling robots like to fill in. */
export const HONEYPOT_FIELD = 'website';

/**
 * A field people never see nor reach (out of view, hidden from screen readers, out of the tab order,
 * never autofilled); a robot that fills in every field fills it in too. Its label says to leave it
 * empty, for the rare browser that shows it anyway; `id` tells apart several on one page.
 */
export function HoneypotField({ id = HONEYPOT_FIELD }: { id?: string }) {
  const { t } = usePage();
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={id}>{t('form.honeypot')}</label>
      <input type="text" id={id} name={HONEYPOT_FIELD} value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/**
 * Whether a robot filled in the trap. The form then answers as if all went well and keeps nothing:
 * a refusal would teach the robot what to change.
 */
export function caughtInHoneypot(body: unknown): boolean {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[HONEYPOT_FIELD] : undefined;
  return value !== undefined && value !== '';
}

/** What one person may write for others to read (proposals, comments, reports of texts): plenty for a person, few for a script. */
export const WRITE_LIMIT: Limit = { max: 10, windowMs: 10 * 60_000 };

/**
 * The per-address limit of a form only signed-in people send, which `writeAllowed` limits per
 * account: wider than FORM_RATE_LIMIT, so that people behind one address (a library, a town hall)
 * do not use up each other's.
 */
export const SIGNED_IN_FORM_RATE_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;

/**
 * Counts one write of a citizen's text for this account, across every process of the installation;
 * a refusal (429 with Retry-After) once the account wrote `limit.max` in the window. `what` keeps
 * separate counts for separate kinds of writing, e.g. "flag" or "comment".
 */
export async function writeAllowed(
  database: Database,
  actor: Actor,
  what: string,
  limit: Limit = WRITE_LIMIT,
): Promise<FormRefusal | null> {
  const verdict = await hit(database.db, `write:${what}:${actor.id}`, limit);
  return verdict.allowed ? null : tooManyAttempts(verdict.retryAfter);
}
