import { z } from 'zod';

/**
 * C0 control characters other than tab, line feed and carriage return. Nobody types them; NUL
 * is refused by PostgreSQL in text ("invalid byte sequence") and the others are invisible.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters a field refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const hasControl = (value: string) => CONTROL.test(value);

/**
 * A text field of a form: a string without control characters. Chain on it as on z.string();
 * `error` is the message key when the field is missing or not a string.
 */
export const text = (error = 'form.error.required') => z.string({ error }).refine((v) => !hasControl(v), 'form.error.characters');

/** The largest id both databases store in an integer column (PostgreSQL's int4). */
export const MAX_ID = 2_147_483_647;

/** An id in an address, query or cursor: digits only, from 1 to MAX_ID. Messages are for the API. */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive whole number')
  .transform(Number)
  .refine((n) => n <= MAX_ID, `must be at most ${MAX_ID}`);

/** The id a value names, or undefined when it names none (then the answer is 404 or 400, never a query). */
export function parseId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : undefined;
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The error code of a request refused for a NUL byte: its page says so. */
export const NUL_CODE = 'MUNICIPIUM_NUL';

/** The name of the first string (or key) holding a NUL byte in a parsed query, params or body; walks without recursion. */
export function nulIn(value: unknown, name = ''): string | undefined {
  const stack: [string, unknown][] = [[name, value]];
  while (stack.length > 0) {
    const [at, v] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push([at, item]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\u0000')) return at || 'key';
        stack.push([at || key, item]);
      }
    }
  }
  return undefined;
}

/** A web address people type: http(s), a host with a dot, no spaces. */
const WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/;

/** Whether a text is a web address as people type one (and as urlField takes it). */
export const isWebAddress = (value: string) => WEB_ADDRESS.test(value);

/** An optional web address field of a form ('' when left empty). */
export const urlField = (max = 300) =>
  text()
    .trim()
    .max(max, 'form.error.tooLong')
    .refine((v) => v === '' || isWebAddress(v), 'form.error.url')
    .optional()
    .default('');

/** Whether a value is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * A date field (YYYY-MM-DD) between the bounds `range` gives when the form is read (both included),
 * with one error for anything else.
 */
export const dateField = (error: string, range: () => { min?: string; max?: string }) =>
  z.string({ error }).refine((v) => {
    const { min, max } = range();
    return isCalendarDate(v) && (!min || v >= min) && (!max || v <= max);
  }, error);

/** Today in UTC, as YYYY-MM-DD. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);
