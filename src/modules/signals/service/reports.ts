import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { hashToken, newToken } from '../../../core/tokens.ts';
import * as repo from '../repo.ts';
import type { Signal, SignalCategory } from '../schema.ts';
import type { Answers } from './questions.ts';

export const REPORT_LIMITS = { description: 5000, address: 200, name: 150, email: 254, phone: 40 } as const;

/** What a report says, checked already (see the form and the Open311 POST). */
export interface NewReport {
  municipalityId: number;
  category: SignalCategory;
  latitude: number;
  longitude: number;
  address: string | null;
  description: string;
  answers: Answers;
  contact: { name: string | null; email: string | null; phone: string | null };
  showName: boolean;
  /** Open311: the client's key; such reports are the client's word and need no mailed link. */
  apiKeyId?: number;
  /** The language of the page it was made on: mail to its author is written in it. */
  language?: string;
}

export const reportPath = (id: number) => `/signals/${id}`;

/**
 * Files a report. Someone signed in (or an Open311 client) publishes it at once; a report sent without
 * an account waits for its author to open the link mailed to them, whose token is returned.
 */
export async function fileReport(
  ctx: ModuleContext,
  actor: Actor | null,
  input: NewReport,
  now = new Date().toISOString(),
): Promise<{ id: number; token: string; confirmToken: string | null }> {
  const confirmed = !!actor || input.apiKeyId !== undefined;
  const confirm = confirmed ? null : newToken();
  const token = randomBytes(12).toString('hex');
  const id = await transaction(ctx.database.db, async (db) => {
    const { id } = await repo.insertSignal(db, {
      municipality_id: input.municipalityId,
      category_id: input.category.id,
      state: 'open',
      latitude: input.latitude,
      longitude: input.longitude,
      address: input.address,
      description: input.description,
      answers: Object.keys(input.answers).length ? JSON.stringify(input.answers) : null,
      author_id: actor?.id ?? null,
      contact_name: input.contact.name ?? actor?.name ?? null,
      contact_email: input.contact.email ?? actor?.email ?? null,
      contact_phone: input.contact.phone,
      show_name: input.showName ? 1 : 0,
      confirmed: confirmed ? 1 : 0,
      confirm_hash: confirm?.hash ?? null,
      source: input.apiKeyId === undefined ? 'web' : 'open311',
      api_key_id: input.apiKeyId ?? null,
      language: input.language ?? null,
      token,
      created_at: now,
      confirmed_at: confirmed ? now : null,
      updated_at: now,
    });
    await repo.insertUpdate(db, {
      signal_id: id,
      kind: 'created',
      state: 'open',
      note: null,
      author_id: actor?.id ?? null,
      from_municipality: null,
      created_at: now,
    });
    return id;
  });
  return { id, token, confirmToken: confirm?.token ?? null };
}

/** Publishes a report whose author opened the mailed link; undefined for an unknown or used link. */
export async function confirmReport(ctx: ModuleContext, token: string, now = new Date().toISOString()): Promise<Signal | undefined> {
  const { db } = ctx.database;
  const signal = await repo.signalByConfirmHash(db, hashToken(token));
  if (!signal || signal.confirmed === 1) return undefined;
  await repo.updateSignal(db, signal.id, { confirmed: 1, confirm_hash: null, confirmed_at: now, updated_at: now });
  return { ...signal, confirmed: 1, confirm_hash: null, confirmed_at: now, updated_at: now };
}
