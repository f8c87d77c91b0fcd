import type { Limit } from '../../../core/http/throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Rate limits of the account flows, shared by every process through the database. */
export const THROTTLE = {
  signInPerIp: { max: 30, windowMs: 15 * MINUTE },
  /** Failed sign-ins per email address, whether or not it has an account. */
  signInFailuresPerAccount: { max: 5, windowMs: 15 * MINUTE },
  signUpPerIp: { max: 10, windowMs: HOUR },
  resetPerIp: { max: 10, windowMs: HOUR },
  resetPerAccount: { max: 3, windowMs: HOUR },
  confirmationPerAccount: { max: 3, windowMs: HOUR },
  emailChangePerAccount: { max: 3, windowMs: HOUR },
  invitationsPerActor: { max: 50, windowMs: HOUR },
} satisfies Record<string, Limit>;

/** A session ends after a day without use, and after two weeks whatever happens. */
export const SESSION_IDLE_MS = DAY;
export const SESSION_ABSOLUTE_MS = 14 * DAY;
/** last_seen_at is written at most this often, so that reading pages does not write each time. */
export const SESSION_TOUCH_MS = 5 * MINUTE;

export const TOKEN_TTL_MS = {
  confirm_email: 48 * HOUR,
  reset_password: HOUR,
  change_email: 24 * HOUR,
  invitation: 7 * DAY,
} as const;
