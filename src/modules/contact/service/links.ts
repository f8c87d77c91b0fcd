import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ModuleContext } from '../../../core/modules.ts';
import { profilePath } from '../../municipalities/index.ts';

/** A reference as people read it out on the phone: the town's initials and number, the year, the sequence. */
export const REFERENCE = /^[A-Z]{1,3}\d{1,10}-\d{4}-\d{5,10}$/;

export function referenceOf(town: { id: number; slug: string }, year: number, n: number): string {
  const initials = town.slug
    .split('-')
    .map((w) => w.replace(/[^a-z]/g, '').charAt(0))
    .join('')
    .slice(0, 3)
    .toUpperCase();
  return `${initials || 'T'}${town.id}-${year}-${String(n).padStart(5, '0')}`;
}

const mac = (ctx: ModuleContext, id: number) =>
  createHmac('sha256', ctx.config.secretKey).update(`contact-thread:${id}`).digest('base64url');

/**
 * The key in a sender's mailed links to their thread: derived from the portal's secret, so that every
 * mail about one enquiry carries the same link and nothing needs storing.
 */
export const threadKey = (ctx: ModuleContext, id: number) => `${id}.${mac(ctx, id)}`;

/** The enquiry a thread key opens, or undefined for a key that was not made here. */
export function enquiryOfKey(ctx: ModuleContext, key: string): number | undefined {
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(key);
  if (!m) return undefined;
  const id = Number(m[1]);
  const given = Buffer.from(m[2]!);
  const expected = Buffer.from(mac(ctx, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

export const contactPath = (town: { country: string; slug: string }) => `${profilePath(town)}/contact`;
export const inboxPath = (town: { country: string; slug: string }) => `${contactPath(town)}/inbox`;
export const accountThreadPath = (reference: string) => `/account/messages/${reference}`;
export const keyThreadPath = (ctx: ModuleContext, id: number) => `/contact/thread/${threadKey(ctx, id)}`;
